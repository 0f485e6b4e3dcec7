use super::*;
use crate::tui::screens::View;
use crate::tui::test_support::{Session, ctx_with_log};

fn session() -> (Session, tempfile::TempDir) {
    let (c, dir) = ctx_with_log();
    let q = c.bank.question_index("sd-url-shortener").unwrap();
    let s = Session::with_stack(c, (120, 40), |c: &Ctx| {
        vec![View::Interview(Box::new(InterviewState::new(
            c,
            vec![q],
            0,
            Some("Ana".into()),
        )))]
    });
    (s, dir)
}

fn stage(s: &Session) -> &'static str {
    match s.app.stack.last() {
        Some(View::Interview(i)) => match i.stage {
            Stage::Ask(_) => "ask",
            Stage::Blind(..) => "blind",
            Stage::Compare(..) => "compare",
        },
        _ => "gone",
    }
}

#[test]
fn the_peer_sees_probes_and_follow_ups_and_a_long_design_question_keeps_one_clock() {
    let (mut s, _dir) = session();
    let text = s.text();
    assert!(text.contains("Ana is asking"), "{text}");
    assert!(
        text.contains("Listen for") && text.contains("Follow-ups"),
        "{text}"
    );
    assert!(
        text.contains("45:00 left") || text.contains("44:59 left"),
        "{text}"
    );
    s.act(Action::FollowUp);
    assert!(s.text().contains("Follow-up 1 asked (0:45 left)"));
}

#[test]
fn a_round_saves_the_peer_grade_then_a_blind_one_then_compares_and_swaps_seats() {
    let (mut s, dir) = session();
    s.act(Action::ToggleItem(0)).act(Action::ToggleItem(4));
    s.act(Action::Save);
    assert_eq!(stage(&s), "blind");
    let Some(View::Interview(i)) = s.app.stack.last() else {
        panic!()
    };
    let Stage::Blind(_, r) = &i.stage else {
        panic!()
    };
    assert!(
        r.checked.iter().all(|c| !c),
        "the peer's ticks are not carried over"
    );
    s.act(Action::ToggleItem(0)).act(Action::Save);
    assert_eq!(stage(&s), "compare");
    let text = s.text();
    assert!(
        text.contains("Ana and you on sd-url-shortener: 1 item differs"),
        "{text}"
    );
    let log = prep_core::storage::AttemptLog::new(dir.path())
        .read()
        .unwrap();
    let [peer, mine] = &log.attempts[..] else {
        panic!("{:?}", log.attempts)
    };
    assert!(peer.grade.is_peer());
    assert_eq!(peer.grade.grader_name.as_deref(), Some("Ana"));
    assert_eq!(mine.grade.regrade_of.as_deref(), Some(peer.id.as_str()));
    assert_eq!(
        prep_core::grades::calibration::differences(peer, mine),
        ["operations"]
    );
    s.act(Action::Open);
    assert_eq!(stage(&s), "ask");
    let Some(View::Interview(i)) = s.app.stack.last() else {
        panic!()
    };
    assert_eq!(i.pos, 1, "a new question for the next round");
    assert_ne!(i.queue[0], i.queue[1]);
    assert!(
        s.text().contains("You are asking"),
        "the name was the other seat's"
    );
}
