//! The paced design session as a user drives it: real keys, the clock passed in, whole screens at
//! 120×40 and 80×24, the rubric it ends in and the record it saves; and the short drill of a
//! 90-second question, which must stay exactly as it was.

use crate::keymap::Mode;
use crate::tui::app::Ctx;
use crate::tui::screens::View;
use crate::tui::screens::drill::DrillState;
use crate::tui::screens::home::HomeState;
use crate::tui::test_support::{self, Session};
use crossterm::event::KeyCode;
use std::time::Duration;

const MIN: u64 = 60;

/// An app drilling one question, driven like the event loop drives it: input, then a draw.
fn drilling(ctx: Ctx, id: &str, size: (u16, u16)) -> Session {
    let q = ctx.bank.question_index(id).unwrap();
    Session::with_stack(ctx, size, |ctx| {
        vec![
            View::Home(HomeState::new(ctx)),
            View::Drill(Box::new(DrillState::new(ctx, vec![q], 0))),
        ]
    })
}

impl Session {
    fn drill(&self) -> &DrillState {
        match self.app.stack.last() {
            Some(View::Drill(d)) => d,
            _ => panic!("not in a drill"),
        }
    }
}

/// Clarify ran a minute over, Estimate has notes and is half gone, High-level design is next.
fn midway(r: &mut Session) {
    r.type_text("n")
        .type_text("who: anyone with a link\nno custom aliases today");
    r.key(KeyCode::Esc)
        .at(6 * MIN)
        .key(KeyCode::Tab)
        .at(7 * MIN);
    r.type_text("n").type_text("100M links/month, 100:1 reads");
    r.key(KeyCode::Esc).at(8 * MIN + 30);
}

#[test]
fn paced_session_midway_at_both_sizes() {
    for size in [(120, 40), (80, 24)] {
        let mut r = drilling(test_support::ctx(), "sd-url-shortener", size);
        assert_eq!(r.app.mode(), Mode::Paced);
        midway(&mut r);
        let text = r.text();
        insta::assert_snapshot!(format!("paced_midway_{}x{}", size.0, size.1), text);
        assert!(text.contains("▸ Estimate"), "{text}");
        assert!(
            text.contains("6:00/5:00"),
            "Clarify's overrun shows: {text}"
        );
        assert!(text.contains("2:30 left of 5:00"), "{text}");
        assert!(text.contains("36:30 left of 45:00"), "{text}");
        assert!(
            text.contains("100M links/month"),
            "this stage's notes: {text}"
        );
        assert!(
            !text.contains("no custom aliases"),
            "other stages' notes hide"
        );
        assert!(
            text.contains("keyspace"),
            "the question's estimate checks: {text}"
        );
        assert!(text.lines().last().unwrap().ends_with("? help"), "{text}");
    }
}

#[test]
fn a_deep_dive_past_its_time_says_so_and_extending_buys_a_minute() {
    let mut r = drilling(test_support::ctx(), "sd-url-shortener", (120, 40));
    r.type_text("]]]").at(16 * MIN);
    assert!(r.text().contains("Stage 4/6 · Deep dive"));
    assert!(r.text().contains("+1:00 over 15:00 · ] next stage"));
    r.type_text("e");
    let text = r.text();
    assert!(text.contains("Deep dive now has 16:00"), "{text}");
    assert!(text.contains("0:00 left of 16:00"), "{text}");
    assert!(text.contains("16:00/16:00"), "{text}");
    assert!(text.contains("30:00 left of 46:00"), "{text}");
    assert!(text.contains("Compared at least two key-generation schemes"));
    r.at(17 * MIN).key(KeyCode::Enter);
    let status = &r.app.ctx.status.as_ref().unwrap().text;
    assert_eq!(
        status,
        "Deep dive ran 1:00 past its plan; time per stage closes Compare (J scrolls)"
    );
}

#[test]
fn back_pause_and_the_last_stage_behave() {
    let mut r = drilling(test_support::ctx(), "sd-url-shortener", (120, 40));
    r.type_text("[");
    assert!(
        r.app
            .ctx
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("first stage")
    );
    r.at(MIN)
        .type_text("]")
        .at(3 * MIN)
        .type_text("[")
        .at(4 * MIN);
    let pace = &r.drill().paced.as_ref().unwrap().pace;
    assert_eq!(pace.current(), 0);
    assert_eq!(
        pace.used(0, r.t0 + Duration::from_secs(4 * MIN)).as_secs(),
        120
    );
    r.type_text("p").at(30 * MIN);
    assert!(!crate::tui::screens::drill::running(r.drill()));
    assert!(r.text().contains("41:00 left of 45:00 · paused"));
    r.type_text("p").type_text("]]]]]]]");
    assert!(
        r.app
            .ctx
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("last stage")
    );
    assert!(r.text().contains("▸ Revisit"));
}

#[test]
fn enter_grades_with_notes_under_stage_headings_and_the_time_summary() {
    let (ctx, dir) = test_support::ctx_with_log();
    let mut r = drilling(ctx, "sd-url-shortener", (120, 40));
    r.type_text("n").type_text("read heavy").key(KeyCode::Esc);
    r.at(2 * MIN)
        .type_text("]]")
        .type_text("n")
        .type_text("KGS hands out key blocks");
    r.key(KeyCode::Esc).at(12 * MIN).key(KeyCode::Enter);
    assert_eq!(r.app.mode(), Mode::Rubric);
    let Some(View::Rubric(g)) = r.app.stack.last() else {
        panic!("no rubric");
    };
    assert_eq!(
        g.answer.notes,
        "## Clarify\nread heavy\n\n## High-level design\nKGS hands out key blocks"
    );
    let used: Vec<u32> = g.answer.stages.iter().map(|s| s.used).collect();
    assert_eq!(used, vec![120, 0, 600, 0, 0, 0]);
    assert_eq!((g.answer.spoken_secs, g.answer.limit_secs), (720, 2700));
    let text = r.text();
    assert!(
        text.contains("High-level design") && !text.contains("## High-level design"),
        "notes come first, under real headings: {text}"
    );
    // The time summary closes the compare pane, after the talking points.
    r.type_text(&"J".repeat(40));
    let text = r.text();
    assert!(text.contains("Time per stage"), "{text}");
    assert!(text.contains("Clarify: 2:00 of 5:00, 3:00 spare"), "{text}");
    assert!(text.contains("Estimate: 0:00 of 5:00, skipped"), "{text}");
    assert!(
        text.contains("Deep dive: 0:00 of 15:00, not reached"),
        "{text}"
    );

    r.type_text("s");
    let read = prep_core::storage::AttemptLog::new(dir.path())
        .read()
        .unwrap();
    assert_eq!(read.attempts.len(), 1);
    assert_eq!(read.attempts[0].stages[2].stage, "high-level-design");
    assert_eq!(read.attempts[0].stages[2].used, 600);
    assert!(read.attempts[0].notes.contains("## Clarify\nread heavy"));
}

#[test]
fn leaving_asks_twice_and_the_bell_rings_when_a_stage_runs_out() {
    let mut r = drilling(test_support::ctx(), "sd-url-shortener", (80, 24));
    r.type_text("b").at(5 * MIN + 1);
    assert_eq!(r.host.rings, 1, "Clarify's five minutes are up");
    r.at(5 * MIN + 2);
    assert_eq!(r.host.rings, 1, "once per stage");
    r.type_text("q");
    assert_eq!(r.app.stack.len(), 2);
    r.type_text("q");
    assert_eq!(r.app.stack.len(), 1, "back on Home");
}

#[test]
fn a_design_question_on_a_short_clock_is_an_ordinary_drill() {
    let mut ctx = test_support::ctx();
    ctx.drill_time = Some(90);
    let r = drilling(ctx, "sd-url-shortener", (80, 24));
    assert_eq!(r.app.mode(), Mode::Drill);
    assert!(r.drill().paced.is_none());
}

#[test]
fn a_90_second_behavioral_drill_is_unchanged() {
    for size in [(120, 40), (80, 24)] {
        let mut r = drilling(test_support::ctx(), "con-lost-argument", size);
        assert_eq!(r.app.mode(), Mode::Drill);
        assert!(r.drill().paced.is_none());
        r.at(20)
            .type_text("n")
            .type_text("owned my part")
            .key(KeyCode::Esc)
            .at(30);
        r.type_text("+")
            .key(KeyCode::Char(']'))
            .key(KeyCode::Tab)
            .type_text("e");
        let text = r.text();
        insta::assert_snapshot!(format!("short_drill_{}x{}", size.0, size.1), text);
        assert!(text.contains(" Time "), "{text}");
        assert!(text.contains("1:15 left"), "+15 s and 30 s gone: {text}");
        assert!(
            !text.contains("Stage") && !text.contains("Clarify"),
            "{text}"
        );
        let footer = text.lines().last().unwrap();
        assert!(
            footer.starts_with("Enter grade · p pause · + more time"),
            "{footer}"
        );
        r.key(KeyCode::Enter);
        let Some(View::Rubric(g)) = r.app.stack.last() else {
            panic!("no rubric");
        };
        assert!(g.answer.stages.is_empty());
        assert_eq!(g.answer.notes, "owned my part");
    }
}

#[test]
fn at_the_minimum_size_the_strip_keeps_whole_times() {
    let mut r = drilling(test_support::ctx(), "sd-url-shortener", (60, 16));
    r.at(3 * MIN).type_text("]").at(4 * MIN);
    let text = r.text();
    insta::assert_snapshot!("paced_min_60x16", text);
    assert!(
        text.contains("3:00") && text.contains("▸Estimate"),
        "{text}"
    );
    assert!(
        text.contains("Stage 2/6 · Estimate · 4:00 left of 5:00"),
        "{text}"
    );
}
