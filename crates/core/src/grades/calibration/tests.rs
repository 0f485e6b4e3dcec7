use super::*;
use crate::bank::load_builtin;
use crate::grades::PEER;

/// A grade of `question` ticking `checked`, as the log has it; `of` links it to an earlier grade.
fn grade(
    id: &str,
    at: i64,
    checked: &[&str],
    grader: Option<&str>,
    of: Option<&str>,
    replayed: bool,
) -> Attempt {
    let mut a: Attempt = serde_json::from_value(serde_json::json!({
        "schema": 1, "id": id, "at": at, "question": "sd-url-shortener", "section": "system-design",
        "kind": "system-design", "time_limit": 2700, "spoken": 2400, "overtime": 0,
        "checked": checked, "items": 0, "score": 0.0, "technical": null, "people": null,
    }))
    .unwrap();
    let bank = load_builtin();
    let q = bank.question("sd-url-shortener").unwrap();
    let items = crate::practice::checklist(&bank, q);
    a.items = items.len() as u32;
    let ticks: Vec<bool> = items
        .iter()
        .map(|i| checked.contains(&i.key.as_str()))
        .collect();
    let s = crate::practice::score(&items, &ticks);
    (a.score, a.technical, a.people) = (s.total, s.technical, s.people);
    a.grade.grader = grader.map(String::from);
    a.grade.regrade_of = of.map(String::from);
    a.grade.replayed = replayed;
    a
}

fn log() -> Vec<Attempt> {
    vec![
        // Answer 1: the peer ticked requirements (t·3); the candidate also ticked trade-offs (t·3)
        // and communication (p·2).
        grade("p1", 100, &["requirements"], Some(PEER), None, false),
        grade(
            "s1",
            110,
            &["requirements", "trade-offs", "communication"],
            None,
            Some("p1"),
            false,
        ),
        // Answer 2: graded from memory, then again after replaying it, lower.
        grade(
            "s2",
            200,
            &["requirements", "trade-offs", "depth"],
            None,
            None,
            false,
        ),
        grade("r2", 300, &["requirements"], None, Some("s2"), true),
        // Answer 3: the candidate's grade alone.
        grade("s3", 400, &["failure"], None, None, false),
    ]
}

#[test]
fn self_against_peer_and_against_replay_per_axis_by_weight() {
    let bank = load_builtin();
    let c = calibration_in(&bank, &log(), &Zone::utc());
    let tech = crate::practice::checklist(&bank, bank.question("sd-url-shortener").unwrap())
        .iter()
        .filter(|i| i.axis == crate::bank::Axis::Technical)
        .map(|i| f64::from(i.weight))
        .sum::<f64>();
    let pts = |d: f64, of: f64| (1000.0 * d / of).round() / 10.0;
    assert_eq!(c.vs_peer.answers, 1);
    assert_eq!(c.vs_peer.technical, Some(pts(3.0, tech)));
    assert_eq!(c.vs_peer.people, None, "communication weighs 2: too little");
    assert_eq!(c.vs_peer.overall, Some(pts(5.0, tech + 2.0)));
    assert_eq!(
        c.vs_peer.trend[0].people,
        Some(100.0),
        "one answer shows its own gap"
    );
    assert_eq!(c.vs_replay.answers, 1);
    assert_eq!(c.vs_replay.technical, Some(pts(5.0, tech)));
    assert_eq!(c.vs_replay.trend[0].date, "1970-01-01");
    assert_eq!(
        sentence(&c.vs_peer, "your peers").unwrap(),
        format!(
            "You grade yourself {:.0} points above your peers on technical judgement",
            pts(3.0, tech)
        )
    );
    assert_eq!(sentence(&Side::default(), "your peers"), None);
}

#[test]
fn the_trusted_grade_is_the_peers_then_the_replay_then_your_own() {
    let log = log();
    let ids: Vec<&str> = trusted(&log).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["p1", "r2", "s3"]);
}

#[test]
fn a_loop_of_links_does_not_hang() {
    // A hand-edited log could link two grades to each other; reading it must still finish.
    let a = grade("a", 1, &[], None, Some("b"), false);
    let b = grade("b", 2, &[], None, Some("a"), false);
    let n = trusted(&[a, b]).len();
    assert!((1..=2).contains(&n));
}

#[test]
fn review_schedules_from_the_trusted_grade_of_an_answer() {
    let bank = load_builtin();
    let all = [
        "requirements",
        "trade-offs",
        "depth",
        "failure",
        "communication",
    ];
    let peer = grade("p", 100, &[], Some(PEER), None, false);
    let mut mine = grade("s", 110, &all, None, None, false);
    crate::grades::regrade(&mut mine, &peer, false);
    let sched = crate::review::schedule(&bank, &[peer.clone(), mine.clone()], 200);
    let card = &sched.cards[0];
    assert_eq!(
        card.last_score, peer.score,
        "the peer's grade, not the generous one"
    );
    // A re-grade after replay outranks a grade from memory.
    let first = grade("m", 100, &all, None, None, false);
    let mut again = grade("r", 120, &[], None, None, false);
    crate::grades::regrade(&mut again, &first, true);
    let sched = crate::review::schedule(&bank, &[first, again.clone()], 200);
    assert_eq!(sched.cards[0].last_score, again.score);
    assert_eq!(sched.cards[0].reviews, 1, "one answer, one review");
}
