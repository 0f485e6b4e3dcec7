use super::*;
use crate::bank::load_builtin;
use crate::days::Zone;
use crate::practice::{self, Answer};
use proptest::prelude::*;

/// A hand-built record with the given weights and the percentages they make, as the log has it.
fn logged(question: &str, kind: &str, t: [u32; 2], p: [u32; 2], at: i64) -> Attempt {
    let pct = |[got, of]: [u32; 2]| (of > 0).then(|| 100.0 * f64::from(got) / f64::from(of));
    let score = 100.0 * f64::from(t[0] + p[0]) / f64::from(t[1] + p[1]);
    serde_json::from_value(serde_json::json!({
        "schema": 1, "at": at, "question": question, "section": "any", "kind": kind,
        "time_limit": 90, "spoken": 80, "overtime": 0, "checked": [], "items": 8,
        "score": score, "technical": pct(t), "people": pct(p),
        "weights": {"technical": t, "people": p},
    }))
    .unwrap()
}

/// The issue's three answers: behavioural 64%, design 24%, judgment 36%.
fn three_answers() -> Vec<Attempt> {
    vec![
        logged("x-story", "behavioral", [0, 1], [7, 10], 1_000),
        logged("x-design", "system-design", [4, 15], [0, 2], 2_000),
        logged("x-call", "judgment", [4, 10], [0, 1], 3_000),
    ]
}

#[test]
fn the_issues_example_gives_axes_either_side_of_the_overall() {
    let log = three_answers();
    let scores: Vec<f64> = log.iter().map(|a| a.score.round()).collect();
    assert_eq!(scores, [64.0, 24.0, 36.0]);
    // The old way, a mean of percentages, put both axes below the overall.
    let mean = |v: Vec<f64>| (v.iter().sum::<f64>() / v.len() as f64).round();
    assert_eq!(mean(log.iter().map(|a| a.score).collect()), 41.0);
    let tech: Vec<f64> = log.iter().filter_map(|a| a.technical).collect();
    let people: Vec<f64> = log.iter().filter_map(|a| a.people).collect();
    assert_eq!((mean(tech), mean(people)), (22.0, 23.0));

    let bank = load_builtin();
    let st = crate::stats::compute_in(&bank, &log, 4_000, &Zone::utc());
    assert_eq!(st.average, Some(38.5), "15 of 39");
    assert_eq!(st.technical, Some(30.8), "8 of 26");
    assert_eq!(st.people, Some(53.8), "7 of 13");
    assert_eq!(st.weights.technical, Tally { got: 8.0, of: 26.0 });
    assert_eq!(st.weights.technical.long(), "31% (8 of 26)");
}

#[test]
fn one_answer_shows_its_axis_as_weight_and_too_little_weight_is_said() {
    let bank = load_builtin();
    let story = &three_answers()[0];
    let w = axes(&bank, story);
    assert_eq!(w.technical.single(), "0 of 1");
    assert_eq!(w.people.single(), "7 of 10 (70%)");
    assert_eq!(w.technical.figure(), None, "weight 1 is too little");
    assert_eq!(w.technical.long(), "0 of 1, too little to tell");
    assert_eq!(w.technical.short(), "0 of 1");
    assert_eq!(Tally::default().long(), "–");
    assert_eq!(Tally::default().single(), "no items");
    let st = crate::stats::compute_in(&bank, std::slice::from_ref(story), 4_000, &Zone::utc());
    assert_eq!((st.technical, st.people), (None, Some(70.0)));
    let json = serde_json::to_value(&st).unwrap();
    assert_eq!(json["technical"], serde_json::Value::Null);
    assert_eq!(json["weights"]["technical"]["of"], 1.0);
}

#[test]
fn a_new_attempt_records_its_weights_and_an_old_one_gets_them_from_the_bank() {
    let bank = load_builtin();
    let q = bank.question("sd-url-shortener").unwrap();
    let items = practice::checklist(&bank, q);
    let mut checked = vec![false; items.len()];
    checked[0] = true; // requirements, technical 3
    let communication = items.iter().position(|i| i.key == "communication").unwrap();
    checked[communication] = true; // people 2
    let new = practice::attempt(q, &items, &checked, &Answer::default(), 10);
    let stored = new.grade.weights.unwrap();
    let all_tech: u32 = items
        .iter()
        .filter(|i| i.axis == Axis::Technical)
        .map(|i| i.weight)
        .sum();
    assert_eq!(stored.technical, [3, all_tech]);
    assert_eq!(stored.people, [2, 2]);
    let mut old = new.clone();
    old.grade.weights = None;
    assert_eq!(axes(&bank, &old), axes(&bank, &new));
}

#[test]
fn an_old_record_whose_question_is_gone_splits_its_items_by_its_percentages() {
    let bank = load_builtin();
    // 10 items, technical 30%, people 80%, overall 40%: a fifth of the weight was people.
    let old: Attempt = serde_json::from_value(serde_json::json!({
        "schema": 1, "at": 5, "question": "gone-question", "section": "gone", "kind": "judgment",
        "time_limit": 90, "spoken": 80, "overtime": 0, "checked": ["a"], "items": 10,
        "score": 40.0, "technical": 30.0, "people": 80.0,
    }))
    .unwrap();
    let w = axes(&bank, &old).rounded();
    assert_eq!(w.technical, Tally { got: 2.4, of: 8.0 });
    assert_eq!(w.people, Tally { got: 1.6, of: 2.0 });
    assert_eq!(w.overall().percent(), Some(40.0));
}

fn any_axis() -> impl Strategy<Value = [u32; 2]> {
    (0u32..30, 0u32..30).prop_map(|(a, b)| [a.min(b), a.max(b)])
}

proptest! {
    #[test]
    fn the_overall_figure_lies_between_the_two_axes(
        answers in prop::collection::vec((any_axis(), any_axis(), any::<bool>()), 1..12)
    ) {
        let bank = load_builtin();
        let log: Vec<Attempt> = answers
            .iter()
            .enumerate()
            .filter(|(_, (t, p, _))| t[1] + p[1] > 0)
            .map(|(i, (t, p, keep))| {
                let mut a = logged("gone", "judgment", *t, *p, i as i64);
                if !keep {
                    a.grade.weights = None; // an old record: percentages only
                }
                a
            })
            .collect();
        let st = crate::stats::compute_in(&bank, &log, 100, &Zone::utc());
        let w = sum(&bank, &log);
        if let (Some(t), Some(p), Some(o)) =
            (w.technical.percent(), w.people.percent(), w.overall().percent())
        {
            prop_assert!(t.min(p) <= o && o <= t.max(p), "{t} {o} {p}");
            prop_assert_eq!(Some(o), st.average);
        }
        if let (Some(t), Some(p), Some(o)) = (st.technical, st.people, st.average) {
            prop_assert!(t.min(p) <= o && o <= t.max(p), "{t} {o} {p}");
        }
    }
}
