//! State tests of the short drill: ending, leaving, follow-ups, the bell and pause.

use super::*;
use crate::tui::test_support::ctx;
use std::time::Duration;

/// A 90-second behavioral question: a short drill, never paced.
fn short(c: &Ctx) -> usize {
    c.bank.question_index("con-lost-argument").unwrap()
}

#[test]
fn enter_ends_the_answer_with_the_time_spoken() {
    let mut c = ctx();
    let q = short(&c);
    let mut d = DrillState::new(&c, vec![q], 0);
    c.now += Duration::from_secs(30);
    update(&mut d, &mut c, Action::MoreTime);
    c.now += Duration::from_secs(12);
    match update(&mut d, &mut c, Action::Open) {
        Transition::Replace(View::Rubric(r)) => {
            assert_eq!(r.answer.spoken_secs, 42);
            assert_eq!(r.answer.limit_secs, c.bank.questions[q].time + 15);
        }
        _ => panic!("Enter should open the rubric"),
    }
}

#[test]
fn leaving_needs_two_presses_and_notes_swallow_the_first() {
    let mut c = ctx();
    let mut d = DrillState::new(&c, vec![short(&c)], 0);
    update(&mut d, &mut c, Action::Notes);
    assert_eq!(mode(&d), Mode::Notes);
    assert!(matches!(
        update(&mut d, &mut c, Action::Back),
        Transition::Stay
    ));
    assert_eq!(mode(&d), Mode::Drill);
    assert!(matches!(
        update(&mut d, &mut c, Action::Back),
        Transition::Stay
    ));
    assert!(matches!(
        update(&mut d, &mut c, Action::Back),
        Transition::Pop
    ));
}

#[test]
fn follow_ups_come_one_at_a_time_then_run_out() {
    let mut c = ctx();
    let mut d = DrillState::new(&c, vec![short(&c)], 0);
    let n = c.bank.questions[short(&c)].follow_ups.len();
    for i in 0..n {
        update(&mut d, &mut c, Action::FollowUp);
        assert_eq!(d.follow_up.as_ref().map(|f| f.0), Some(i));
    }
    update(&mut d, &mut c, Action::FollowUp);
    assert_eq!(d.revealed as usize, n);
    assert!(c.status.unwrap().text.contains("No more follow-ups"));
}

#[test]
fn the_bell_rings_once_at_zero_when_asked_for() {
    let mut c = ctx();
    let mut d = DrillState::new(&c, vec![short(&c)], 0);
    update(&mut d, &mut c, Action::Bell);
    c.now += Duration::from_secs(u64::from(c.bank.questions[short(&c)].time) + 1);
    let rang =
        |step: crate::tui::app::Step| matches!(step.effects[..], [crate::tui::app::Effect::Bell]);
    assert!(rang(tick(&mut d, &mut c)));
    assert!(!rang(tick(&mut d, &mut c)));
}

#[test]
fn pause_freezes_the_clock() {
    let mut c = ctx();
    let mut d = DrillState::new(&c, vec![short(&c)], 0);
    update(&mut d, &mut c, Action::Pause);
    assert!(!running(&d));
    c.now += Duration::from_secs(1000);
    assert_eq!(d.clock.elapsed(c.now), Duration::ZERO);
}

#[test]
fn the_role_practised_sets_the_limit_and_adds_the_levels_check_to_the_rubric() {
    use prep_core::bank::Role;
    let mut c = ctx();
    let q = c.bank.question_index("est-migration-effort").unwrap();
    let (base, staff) = {
        let question = &c.bank.questions[q];
        (question.time, question.level(Role::Staff).unwrap().clone())
    };
    c.target_role = Some(Role::Staff);
    let mut d = DrillState::new(&c, vec![q], 0);
    c.now += Duration::from_secs(20);
    match update(&mut d, &mut c, Action::Open) {
        Transition::Replace(View::Rubric(r)) => {
            assert_eq!(Some(r.answer.limit_secs), staff.time);
            let last = r.items.last().unwrap();
            assert_eq!(last.key, "level-staff");
            assert_eq!(last.text, staff.check.unwrap().text.as_ref());
        }
        _ => panic!("Enter should open the rubric"),
    }
    c.target_role = None;
    let mut d = DrillState::new(&c, vec![q], 0);
    match update(&mut d, &mut c, Action::Open) {
        Transition::Replace(View::Rubric(r)) => {
            assert_eq!(r.answer.limit_secs, base);
            assert!(r.items.iter().all(|i| !i.key.starts_with("level-")));
        }
        _ => panic!("Enter should open the rubric"),
    }
}
