use crate::keymap::Action;
use crate::tui::app::Ctx;
use crate::tui::screens::rubric::{RubricState, update};
use crate::tui::test_support::{ctx, ctx_with_log};
use prep_core::practice::Answer;
use std::time::Duration;

fn rubric(c: &Ctx, spoken: u32, limit: u32) -> RubricState {
    let answer = Answer {
        spoken_secs: spoken,
        limit_secs: limit,
        ..Answer::default()
    };
    RubricState::new(c, 0, answer, (vec![0], 0))
}

fn status(c: &Ctx) -> String {
    c.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn hint(r: &RubricState, c: &Ctx) -> String {
    r.extras
        .hint_line(c, &r.items, &r.checked, &r.answer, "legend")
        .to_string()
}

#[test]
fn ticking_every_item_in_a_second_is_questioned_and_saving_still_works() {
    let (mut c, dir) = ctx_with_log();
    let mut r = rubric(&c, 80, 90);
    for i in 0..r.items.len() {
        c.now += Duration::from_millis(100);
        update(&mut r, &mut c, Action::ToggleItem(i));
    }
    assert!(
        status(&c).starts_with("Every item ticked in"),
        "{}",
        status(&c)
    );
    assert!(hint(&r, &c).starts_with("Every item ticked in"));
    let mut app =
        crate::tui::app::App::new(c, vec![crate::tui::screens::View::Rubric(Box::new(r))]);
    app.update(Action::Save);
    let read = prep_core::storage::AttemptLog::new(dir.path())
        .read()
        .unwrap();
    assert_eq!(read.attempts.len(), 1, "a nudge never blocks saving");
}

#[test]
fn ticking_slowly_is_not_questioned() {
    let mut c = ctx();
    let mut r = rubric(&c, 80, 90);
    for i in 0..r.items.len() {
        c.now += Duration::from_secs(4);
        update(&mut r, &mut c, Action::ToggleItem(i));
    }
    assert_eq!(hint(&r, &c), "legend");
    assert!(!status(&c).starts_with("Every item"));
}

#[test]
fn a_high_grade_for_a_nine_second_answer_is_questioned_once() {
    let mut c = ctx();
    let mut r = rubric(&c, 9, 90);
    let mut said = Vec::new();
    for i in 0..r.items.len() - 1 {
        c.now += Duration::from_secs(5);
        c.status = None;
        update(&mut r, &mut c, Action::ToggleItem(i));
        said.push(status(&c));
    }
    let nudge = "A high grade for a short answer: spoke 0:09 of 1:30. Tick only what you said.";
    assert_eq!(hint(&r, &c), nudge);
    assert_eq!(said.iter().filter(|s| *s == nudge).count(), 1, "{said:?}");
}

#[test]
fn stats_says_how_self_grades_compare_with_a_peers() {
    let mut c = ctx();
    let bank = c.bank.clone();
    let q = bank.question("con-lost-argument").unwrap();
    let items = prep_core::practice::checklist(&bank, q);
    let ticks = |on: &[usize]| {
        (0..items.len())
            .map(|i| on.contains(&i))
            .collect::<Vec<_>>()
    };
    let answer = Answer {
        spoken_secs: 80,
        limit_secs: 90,
        ..Answer::default()
    };
    let mut peer = prep_core::practice::attempt(q, &items, &ticks(&[0]), &answer, c.now_unix - 60);
    peer.grade.grader = Some(prep_core::grades::PEER.into());
    let mut mine = prep_core::practice::attempt(q, &items, &ticks(&[0, 2]), &answer, c.now_unix);
    mine.grade.regrade_of = Some(peer.id.clone());
    c.attempts = vec![peer, mine];
    let mut s = crate::tui::test_support::Session::with_stack(c, (120, 40), |_| {
        vec![crate::tui::screens::View::Stats(Default::default())]
    });
    let text = s.text();
    assert!(
        text.contains(
            "You grade yourself 33 points above your peers on people leadership (1 answer)"
        ),
        "{text}"
    );
    assert!(text.contains("Your grade minus theirs"), "{text}");
    assert!(text.contains("vs peer, people"), "{text}");
}
