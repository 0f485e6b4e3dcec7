//! The rubric's state: ticking, saving, discarding, a failed save.
use super::*;
use crate::tui::test_support::{ctx, ctx_with_log};

fn state(c: &Ctx, queue: Vec<usize>) -> RubricState {
    RubricState::new(
        c,
        queue[0],
        Answer {
            spoken_secs: 50,
            limit_secs: 90,
            ..Answer::default()
        },
        (queue, 0),
    )
}

#[test]
fn space_and_numbers_tick_items_and_the_score_follows() {
    let mut c = ctx();
    let mut r = state(&c, vec![0]);
    update(&mut r, &mut c, Action::ToggleItem(0));
    update(&mut r, &mut c, Action::Down);
    update(&mut r, &mut c, Action::Down);
    update(&mut r, &mut c, Action::Toggle);
    assert_eq!(r.checked.iter().filter(|c| **c).count(), 2);
    assert!(r.checked[0] && r.checked[2]);
    update(&mut r, &mut c, Action::ToggleItem(0));
    assert!(!r.checked[0]);
    update(&mut r, &mut c, Action::ToggleItem(40));
    assert!(practice::score(&r.items, &r.checked).total > 0.0);
}

#[test]
fn saving_appends_one_record_and_moves_to_the_next_question() {
    let (mut c, dir) = ctx_with_log();
    let mut r = state(&c, vec![0, 1]);
    update(&mut r, &mut c, Action::ToggleItem(1));
    let key = r.items[1].key.clone();
    let mut app = crate::tui::app::App::new(c, vec![View::Rubric(Box::new(r))]);
    app.update(Action::Save);
    assert!(matches!(app.stack.last(), Some(View::Drill(d)) if d.pos == 1));
    let read = prep_core::storage::AttemptLog::new(dir.path())
        .read()
        .unwrap();
    assert_eq!(read.attempts.len(), 1);
    assert_eq!(read.attempts[0].checked, vec![key]);
    assert_eq!(app.ctx.attempts.len(), 1);
}

#[test]
fn discarding_asks_first_and_saves_nothing() {
    let (mut c, dir) = ctx_with_log();
    let mut r = state(&c, vec![0]);
    assert!(matches!(
        update(&mut r, &mut c, Action::Discard).transition,
        Transition::Stay
    ));
    assert!(matches!(
        update(&mut r, &mut c, Action::Discard).transition,
        Transition::Pop
    ));
    assert!(!dir.path().join(prep_core::storage::LOG_FILE).exists());
}

#[test]
fn a_failed_save_keeps_the_grading_on_screen() {
    let (mut c, dir) = ctx_with_log();
    std::fs::write(dir.path().join("blocker"), "").unwrap();
    c.log = Some(prep_core::storage::AttemptLog::new(
        &dir.path().join("blocker"),
    ));
    let r = state(&c, vec![0]);
    let mut app = crate::tui::app::App::new(c, vec![View::Rubric(Box::new(r))]);
    app.update(Action::Save);
    assert!(matches!(app.stack.last(), Some(View::Rubric(_))));
    assert!(app.ctx.status.as_ref().unwrap().error);
    assert!(app.ctx.attempts.is_empty());
}
