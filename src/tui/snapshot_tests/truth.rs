//! Screens that tell the truth: each test is a fault a new user found (a hidden last line, a key
//! that lies, a clock that runs behind help), driven the way the user met it.

use super::*;
use crate::tui::screens::drill::DrillState;

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn status(s: &Session) -> String {
    s.app
        .ctx
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn drill(s: &Session) -> &DrillState {
    match s.app.stack.last() {
        Some(View::Drill(d)) => d,
        _ => panic!("not on a drill"),
    }
}

#[test]
fn the_last_line_of_a_question_is_readable_at_the_end() {
    for size in SIZES {
        let mut s = Session::new(test_support::ctx(), size);
        s.open_url_shortener().act(Action::Bottom);
        let text = s.text();
        assert!(
            text.contains("Tags: "),
            "{size:?}: the Tags line is hidden\n{text}"
        );
        assert!(text.contains("j/k scroll · end"), "{text}");
    }
}

#[test]
fn ctrl_z_in_the_notes_box_is_undo_not_suspend() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.select_section("conflict")
        .act(Action::Drill)
        .act(Action::Notes);
    s.type_text("abc");
    s.app.handle_key(ctrl('z'));
    s.draw();
    assert_eq!(
        s.host.suspends, 0,
        "Ctrl-Z in a text box does not stop prep"
    );
    assert_eq!(
        drill(&s).notes.lines().join(""),
        "ab",
        "the last edit was undone"
    );
    s.act(Action::Back);
    s.app.handle_key(ctrl('z'));
    s.draw();
    assert_eq!(s.host.suspends, 1, "outside the box Ctrl-Z suspends");
}

#[test]
fn d_on_the_guides_row_drills_nothing_and_says_why() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.act(Action::Top).act(Action::Drill);
    assert_eq!(s.app.mode(), Mode::Home);
    assert!(
        status(&s).contains("Guides have no questions"),
        "{}",
        status(&s)
    );
}

#[test]
fn the_next_drill_of_a_queue_waits_for_space_before_its_clock_starts() {
    let (c, _dir) = test_support::ctx_with_log();
    let mut s = Session::new(c, (120, 40));
    s.select_section("conflict")
        .act(Action::Open)
        .act(Action::DrillAll);
    s.at(20).act(Action::Open).act(Action::Save);
    assert!(drill(&s).is_waiting(), "{}", s.text());
    assert!(s.text().contains("Ready? space starts the"));
    s.at(200);
    let d = drill(&s);
    assert_eq!(
        d.clock.elapsed(s.app.ctx.now).as_secs(),
        0,
        "nothing ran while waiting"
    );
    s.key(KeyCode::Char(' ')).at(230);
    assert!(!drill(&s).is_waiting());
    assert_eq!(drill(&s).clock.elapsed(s.app.ctx.now).as_secs(), 30);
}

#[test]
fn the_clock_stands_still_while_help_is_open() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.select_section("conflict").act(Action::Drill);
    s.at(10).act(Action::Help).at(70).act(Action::Help).at(75);
    assert_eq!(drill(&s).clock.elapsed(s.app.ctx.now).as_secs(), 15);
}

#[test]
fn ctrl_c_with_an_unsaved_grading_asks_first() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.select_section("conflict")
        .act(Action::Drill)
        .at(30)
        .act(Action::Open);
    assert_eq!(s.app.mode(), Mode::Rubric);
    s.act(Action::Quit);
    assert!(!s.app.quit, "the first Ctrl-C only asks");
    assert!(status(&s).contains("Ctrl-C again"), "{}", status(&s));
    s.act(Action::Quit);
    assert!(s.app.quit);
    // Nothing unsaved: Ctrl-C quits at once.
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.act(Action::Quit);
    assert!(s.app.quit);
}

#[test]
fn enter_early_in_a_long_session_asks_before_ending_it() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.open_url_shortener()
        .act(Action::Drill)
        .at(60)
        .act(Action::Open);
    assert_eq!(s.app.mode(), Mode::Paced, "one minute into 45: asks");
    assert!(status(&s).contains("press Enter again"), "{}", status(&s));
    s.act(Action::Open);
    assert_eq!(s.app.mode(), Mode::Rubric);
    // A short answer ends with one Enter.
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.select_section("conflict")
        .act(Action::Drill)
        .at(5)
        .act(Action::Open);
    assert_eq!(s.app.mode(), Mode::Rubric);
}

#[test]
fn the_rubric_shows_the_prompt_it_grades_and_tab_moves_the_keys_to_the_compare_pane() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.select_section("conflict")
        .act(Action::Drill)
        .at(30)
        .act(Action::Open);
    let Some(View::Rubric(r)) = s.app.stack.last() else {
        panic!("no rubric")
    };
    let prompt = s.app.ctx.bank.questions[r.question].prompt.to_string();
    let start: String = prompt
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.text().contains(&start), "«{start}» not on\n{}", s.text());
    let before = s.text();
    s.act(Action::SwitchPane).times(3, Action::Down);
    let after = s.text();
    assert!(after.contains("j/k scroll"), "{after}");
    assert_ne!(before, after, "Down scrolled the compare pane");
    assert!(
        after.contains("› ") || after.contains("[ ] 1."),
        "the checklist is still there"
    );
}

#[test]
fn a_mock_gauge_in_overtime_says_enter_moves_on() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.act(Action::Mock).act(Action::Open).at(60 * 60);
    assert!(s.text().contains("Enter: next question"), "{}", s.text());
    assert!(!s.text().contains("Enter to grade"));
}

#[test]
fn search_results_move_with_ctrl_n_and_ctrl_p() {
    let mut s = Session::new(test_support::ctx(), (120, 40));
    s.act(Action::Search).type_text("cache");
    assert_eq!(
        s.app.ctx.keys.resolve(Mode::Search, ctrl('n')),
        Some(Action::Down)
    );
    assert_eq!(
        s.app.ctx.keys.resolve(Mode::Search, ctrl('p')),
        Some(Action::Up)
    );
    assert_eq!(
        s.app.ctx.keys.resolve(Mode::Search, ctrl('z')),
        None,
        "undo in the box"
    );
}

#[test]
fn stats_help_offers_no_keys_that_do_nothing() {
    let keys = crate::keymap::Keymap::default();
    let stats: Vec<Action> = keys
        .bindings(Mode::Stats)
        .iter()
        .map(|b| b.action)
        .collect();
    assert_eq!(stats, [Action::Export, Action::Back]);
    let done: Vec<Action> = keys
        .bindings(Mode::MockReportDone)
        .iter()
        .map(|b| b.action)
        .collect();
    assert!(!done.contains(&Action::Drill), "nothing to drill, no d");
    let guide: Vec<Action> = keys
        .bindings(Mode::Guide)
        .iter()
        .map(|b| b.action)
        .collect();
    assert!(!guide.contains(&Action::Drill), "guides offer no drill");
}

#[test]
fn h_in_the_reader_lists_every_attempt_at_the_question() {
    let (c, _dir) = test_support::ctx_with_log();
    let mut s = Session::new(c, (120, 40));
    s.select_section("conflict")
        .act(Action::Open)
        .act(Action::Open);
    s.key(KeyCode::Char('H'));
    assert_eq!(s.app.mode(), Mode::History);
    assert!(s.text().contains("No attempts yet"), "{}", s.text());
    s.act(Action::Back)
        .act(Action::Drill)
        .at(30)
        .act(Action::Open);
    s.act(Action::ToggleItem(0)).act(Action::Save);
    assert_eq!(s.app.mode(), Mode::Reader, "{}", s.text());
    s.key(KeyCode::Char('H'));
    let text = s.text();
    assert!(text.contains("1 attempt, newest first"), "{text}");
    assert!(text.contains("spoke 0:30 of"), "{text}");
}

#[test]
fn a_footer_too_long_for_80_columns_says_more_keys_are_in_help() {
    let mut s = Session::new(test_support::ctx(), (80, 24));
    s.select_section("conflict").act(Action::Open);
    let footer = s.text().lines().last().unwrap_or_default().to_string();
    assert!(footer.ends_with("… · ? help"), "«{footer}»");
    let mut s = Session::new(test_support::ctx(), (200, 24));
    s.select_section("conflict").act(Action::Open);
    let footer = s.text().lines().last().unwrap_or_default().to_string();
    assert!(
        !footer.contains('…'),
        "everything fits at 200 columns: «{footer}»"
    );
}

/// A rubric screen for the first built-in question whose checklist has at least `n` items.
fn rubric_with_items(n: usize) -> (Session, usize) {
    let ctx = test_support::ctx();
    let q = (0..ctx.bank.questions.len())
        .find(|&i| practice::checklist(&ctx.bank, &ctx.bank.questions[i]).len() >= n)
        .expect("a question with a long checklist");
    let mut s = Session::with_stack(ctx, (120, 40), |ctx| {
        let answer = Answer {
            spoken_secs: 60,
            limit_secs: 90,
            ..Answer::default()
        };
        vec![View::Rubric(Box::new(
            crate::tui::screens::rubric::RubricState::new(ctx, q, answer, (vec![q], 0)),
        ))]
    });
    s.draw();
    let len = match s.app.stack.last() {
        Some(View::Rubric(r)) => r.items.len(),
        _ => 0,
    };
    (s, len)
}

fn ticked(s: &Session) -> Vec<usize> {
    match s.app.stack.last() {
        Some(View::Rubric(r)) => (0..r.checked.len()).filter(|&i| r.checked[i]).collect(),
        _ => panic!("not on the rubric"),
    }
}

#[test]
fn items_ten_and_up_are_reachable_by_zero_and_alt_digits() {
    let (mut s, len) = rubric_with_items(11);
    assert!(len >= 11);
    s.key(KeyCode::Char('1')).key(KeyCode::Char('2'));
    assert_eq!(ticked(&s), [0, 1], "1 then 2 tick items 1 and 2, at once");
    s.key(KeyCode::Char('0'));
    assert_eq!(ticked(&s), [0, 1, 9], "0 is item 10");
    s.app
        .handle_key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT));
    s.draw();
    assert_eq!(ticked(&s), [0, 1, 9, 10], "Alt-1 is item 11");
}

#[test]
fn one_click_ticks_an_item_and_the_wheel_scrolls_the_pane_under_it() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let (mut s, _) = rubric_with_items(3);
    let mouse = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let text = s.text();
    let row = text.lines().position(|l| l.contains("[ ] 2.")).unwrap() as u16;
    s.app.handle_event(
        crossterm::event::Event::Mouse(mouse(MouseEventKind::Down(MouseButton::Left), 10, row)),
        s.app.ctx.now,
        NOW_UNIX,
    );
    s.draw();
    assert_eq!(ticked(&s), [1], "one click ticked item 2");
    let before = s.text();
    for _ in 0..3 {
        s.app.handle_event(
            crossterm::event::Event::Mouse(mouse(MouseEventKind::ScrollDown, 100, 10)),
            s.app.ctx.now,
            NOW_UNIX,
        );
    }
    s.draw();
    let after = s.text();
    assert_ne!(before, after, "the compare pane scrolled");
    let Some(View::Rubric(r)) = s.app.stack.last() else {
        panic!()
    };
    assert_eq!(r.nav.selected(), Some(1), "the checklist selection stayed");
}
