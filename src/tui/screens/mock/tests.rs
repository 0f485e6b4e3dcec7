//! The mock loop as a user drives it: answer every question, grade every answer, read the report.

use super::*;
use crate::tui::app::App;
use crate::tui::screens::View;
use crate::tui::screens::home::HomeState;
use crate::tui::test_support::{ctx, ctx_with_log};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prep_core::storage::AttemptLog;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

fn app(ctx: Ctx, loop_id: &str) -> App {
    let mut ctx = ctx;
    let home = View::Home(HomeState::new(&ctx));
    let l = prep_core::loops::find(&ctx.loops, loop_id)
        .cloned()
        .unwrap();
    let mock = View::Mock(Box::new(MockState::start(&mut ctx, &l)));
    App::new(ctx, vec![home, mock])
}

fn state(app: &App) -> &MockState {
    match app.stack.last() {
        Some(View::Mock(m)) => m,
        _ => panic!("not on the mock screen"),
    }
}

fn wait(app: &mut App, secs: u64) {
    let now = app.ctx.now + Duration::from_secs(secs);
    let unix = app.ctx.now_unix + secs as i64;
    app.tick(now, unix);
}

/// Answer every question, `secs[i]` seconds each (the last value repeats).
fn answer_all(app: &mut App, secs: &[u64]) {
    let n = match &state(app).stage {
        Stage::Answer(run, _) => run.queue.len(),
        _ => panic!("not answering"),
    };
    for i in 0..n {
        assert!(matches!(app.mode(), Mode::MockDrill | Mode::MockPaced));
        if i > 0 {
            // Each question after the first waits for the user before its clock starts.
            assert!(matches!(&state(app).stage, Stage::Answer(_, d) if d.is_waiting()));
            app.update(Action::Open);
        }
        wait(app, secs[i.min(secs.len() - 1)]);
        app.update(Action::Open);
        let asked = app.ctx.status.as_ref().map(|s| s.text.clone());
        if asked.is_some_and(|t| t.contains("press Enter again")) {
            // A long design answer ended in its first minutes asks first.
            app.update(Action::Open);
        }
    }
}

#[test]
fn answers_follow_each_other_then_each_is_graded_and_saved_with_the_mock_id() {
    let (c, dir) = ctx_with_log();
    let mut app = app(c, "tech-lead");
    let (id, queue) = match &state(&app).stage {
        Stage::Answer(run, d) => {
            assert_eq!(d.pos, 0);
            (run.id.clone(), run.queue.clone())
        }
        _ => panic!("a preset starts straight in the first answer"),
    };
    let start = format!("mock-{}-", crate::tui::test_support::NOW_UNIX);
    assert!(
        id.starts_with(&start) && id.len() == start.len() + 4,
        "{id}"
    );
    app.update(Action::Notes);
    for c in "cache".chars() {
        app.handle_key(KeyEvent::from(crossterm::event::KeyCode::Char(c)));
    }
    app.update(Action::Back);
    answer_all(&mut app, &[40, 30]);
    assert_eq!(
        app.mode(),
        Mode::Rubric,
        "grading starts after the last answer"
    );
    for (i, &q) in queue.iter().enumerate() {
        match &state(&app).stage {
            Stage::Grade(run, r) => {
                assert_eq!(run.grading, i);
                assert_eq!(r.question, q);
                assert_eq!(r.answer.spoken_secs, if i == 0 { 40 } else { 30 });
            }
            _ => panic!("grading answer {i}"),
        }
        app.update(Action::ToggleItem(0));
        app.update(Action::Save);
    }
    assert_eq!(app.mode(), Mode::MockReport);
    let read = AttemptLog::new(dir.path()).read().unwrap();
    assert_eq!(read.attempts.len(), queue.len());
    assert!(
        read.attempts
            .iter()
            .all(|a| a.mock.as_deref() == Some(id.as_str()))
    );
    assert_eq!(read.attempts[0].notes, "cache");
    let asked: Vec<&str> = queue
        .iter()
        .map(|&q| app.ctx.bank.questions[q].id.as_ref())
        .collect();
    let saved: Vec<&str> = read.attempts.iter().map(|a| a.question.as_str()).collect();
    assert_eq!(saved, asked);
    match &state(&app).stage {
        Stage::Report(v) => assert_eq!(v.report.as_ref().unwrap().questions.len(), queue.len()),
        _ => panic!("the report closes the mock"),
    }
    app.update(Action::Back);
    assert!(matches!(app.stack.last(), Some(View::Home(_))));
}

#[test]
fn a_discarded_answer_is_left_out_of_the_log_and_the_report() {
    let (c, dir) = ctx_with_log();
    let mut app = app(c, "staff");
    answer_all(&mut app, &[20]);
    app.update(Action::Discard);
    app.update(Action::Discard);
    while app.mode() == Mode::Rubric {
        app.update(Action::Save);
    }
    let read = AttemptLog::new(dir.path()).read().unwrap();
    assert_eq!(read.attempts.len(), 5);
    match &state(&app).stage {
        Stage::Report(v) => assert_eq!(v.report.as_ref().unwrap().questions.len(), 5),
        _ => panic!("report expected"),
    }
}

#[test]
fn stopping_early_grades_what_was_answered_and_leaving_at_once_saves_nothing() {
    let (c, _dir) = ctx_with_log();
    let mut app = app(c, "em");
    wait(&mut app, 10);
    app.update(Action::Open);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::MockDrill, "the first press only asks");
    app.update(Action::Back);
    match &state(&app).stage {
        Stage::Grade(run, _) => assert_eq!(run.answers.len(), 1),
        _ => panic!("stopping goes to grading"),
    }
    let mut app = self::app(ctx(), "em");
    app.update(Action::Back);
    app.update(Action::Back);
    assert!(matches!(app.stack.last(), Some(View::Home(_))));
}

#[test]
fn home_m_opens_the_picker_and_enter_starts_the_chosen_preset() {
    let c = ctx();
    let home = View::Home(HomeState::new(&c));
    let mut app = App::new(c, vec![home]);
    app.handle_key(KeyEvent::from(KeyCode::Char('m')));
    assert_eq!(app.mode(), Mode::MockPick);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Open);
    match &state(&app).stage {
        Stage::Answer(run, _) => assert_eq!(run.loop_id, "em"),
        _ => panic!("Enter starts the mock"),
    }
    assert!(
        app.tick_every().is_some(),
        "the clock redraws while answering"
    );
}

#[test]
fn the_report_screen_at_120x40() {
    let (c, _dir) = ctx_with_log();
    let mut app = app(c, "tech-lead");
    answer_all(&mut app, &[75, 2400, 50, 95, 60, 80]);
    let mut n = 0;
    while app.mode() == Mode::Rubric {
        for i in 0..=n % 4 {
            app.update(Action::ToggleItem(i * 2));
        }
        app.update(Action::Save);
        n += 1;
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| crate::tui::view::draw(f, &mut app)).unwrap();
    let buf = term.backend().buffer();
    let text: Vec<String> = (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect();
    insta::assert_snapshot!("mock_report_120x40", text.join("\n"));
}

#[test]
fn the_report_scrolls_by_every_key_its_help_lists() {
    let (c, _dir) = ctx_with_log();
    let mut app = app(c, "tech-lead");
    answer_all(&mut app, &[75, 2400, 50, 95, 60, 80]);
    while app.mode() == Mode::Rubric {
        app.update(Action::Save);
    }
    assert_eq!(app.mode(), Mode::MockReport);
    let at = |app: &App| match &state(app).stage {
        Stage::Report(v) => v.scroll,
        _ => panic!("not the report"),
    };
    app.handle_key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    let half = at(&app);
    assert!(half > 0, "Ctrl-D scrolls half a page");
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(at(&app), 0, "Ctrl-U scrolls back");
    app.handle_key(KeyEvent::from(KeyCode::PageDown));
    assert!(at(&app) > half, "a page is more than half of one");
}

#[test]
fn each_answer_is_timed_by_its_part_of_the_loop_unless_a_time_was_given() {
    let mut app = app(ctx(), "amazon");
    let limit = |app: &App| match &state(app).stage {
        Stage::Answer(_, d) => d.clock.limit().as_secs(),
        _ => panic!("not answering"),
    };
    // Amazon: two leadership-principle answers at 90 s, then the 45-minute design round.
    assert_eq!(limit(&app), 90);
    app.update(Action::Open); // ends the first; the second waits for its start
    app.update(Action::Open); // starts the second
    app.update(Action::Open); // ends it
    assert_eq!(limit(&app), 45 * 60);
    assert_eq!(
        app.ctx.drill_time, None,
        "the part's time is not left behind"
    );
    let mut c = ctx();
    c.drill_time = Some(30);
    let app = self::app(c, "amazon");
    assert_eq!(limit(&app), 30);
}

#[test]
fn a_note_about_one_answer_does_not_follow_onto_the_next_question() {
    let mut app = app(ctx(), "tech-lead");
    app.ctx.info("Stage 3/6: Deep dive");
    app.update(Action::Open);
    let shown = app.ctx.status.as_ref().map(|s| s.text.clone());
    assert!(
        !shown.as_deref().unwrap_or_default().contains("Stage 3/6"),
        "{shown:?}"
    );
    // Errors stay until something replaces them.
    let mut app = crate::tui::screens::mock::tests::app(ctx(), "tech-lead");
    app.ctx.error("the log is damaged");
    app.update(Action::Open);
    assert!(
        app.ctx.status.as_ref().is_some_and(|s| s.error),
        "errors stay"
    );
}
