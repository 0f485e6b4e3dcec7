//! Spaced repetition: the score → grade mapping, due order as time passes, the practice order
//! for when nothing is due, and `prep review` as a process.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{Bank, Filter, load_builtin};
use prep_core::review::{self, Rating, due_plan, schedule};
use prep_core::storage::{Attempt, SCHEMA_VERSION};
use std::process::Command;

const DAY: i64 = 86_400;
/// 2026-11-21 12:00 UTC.
const T0: i64 = 1_795_262_400;

fn attempt(id: &str, at: i64, score: f64) -> Attempt {
    // Built from JSON, as the log holds it, so fields added later with defaults need no change.
    serde_json::from_value(serde_json::json!({
        "schema": SCHEMA_VERSION, "at": at, "question": id, "section": "any",
        "kind": "behavioral", "time_limit": 90, "spoken": 80, "overtime": 0, "checked": [],
        "items": 5, "score": score, "technical": null, "people": score,
    }))
    .unwrap()
}

fn bank() -> Bank {
    load_builtin()
}

/// The first question of the n-th section.
fn first_of(bank: &Bank, section: usize) -> String {
    bank.questions[bank.sections[section].questions[0]]
        .id
        .to_string()
}

fn ids(bank: &Bank, queue: &[usize]) -> Vec<String> {
    queue
        .iter()
        .map(|&i| bank.questions[i].id.to_string())
        .collect()
}

#[test]
fn each_score_band_maps_to_its_grade() {
    let cases = [
        (0.0, Rating::Again),
        (39.9, Rating::Again),
        (40.0, Rating::Hard),
        (64.9, Rating::Hard),
        (65.0, Rating::Good),
        (84.9, Rating::Good),
        (85.0, Rating::Easy),
        (100.0, Rating::Easy),
        (f64::NAN, Rating::Again),
    ];
    for (score, rating) in cases {
        assert_eq!(Rating::from_score(score), rating, "score {score}");
    }
}

#[test]
fn a_low_score_comes_back_sooner_than_a_high_one() {
    let b = bank();
    let (a, c) = (first_of(&b, 0), first_of(&b, 1));
    let due_at = |log: &[Attempt], id: &str| {
        let s = schedule(&b, log, T0 + DAY);
        s.card(b.question_index(id).unwrap()).unwrap().due_at
    };
    // First attempt: every band later than the one below it.
    let bands: Vec<i64> = [20.0, 50.0, 75.0, 95.0]
        .iter()
        .map(|&score| due_at(&[attempt(&a, T0, score)], &a))
        .collect();
    assert!(bands.windows(2).all(|w| w[0] < w[1]), "{bands:?}");
    // A failed attempt comes back within a day; an easy one not for days.
    assert!(bands[0] - T0 < DAY && bands[3] - T0 > 5 * DAY, "{bands:?}");
    // After the same history, the last score still decides.
    let history = |id: &str, last: f64| {
        vec![
            attempt(id, T0 - 10 * DAY, 70.0),
            attempt(id, T0 - 7 * DAY, 70.0),
            attempt(id, T0, last),
        ]
    };
    let weak = due_at(&history(&a, 30.0), &a);
    let strong = due_at(&history(&c, 90.0), &c);
    assert!(weak < strong, "{weak} !< {strong}");
}

#[test]
fn due_order_follows_the_clock_most_overdue_first() {
    let b = bank();
    let (a, c, d) = (first_of(&b, 0), first_of(&b, 1), first_of(&b, 2));
    let log = vec![
        attempt(&a, T0, 70.0),
        attempt(&c, T0 - 2 * DAY, 70.0),
        attempt(&d, T0, 95.0),
    ];
    let now = schedule(&b, &log, T0);
    assert!(now.due.is_empty(), "nothing is due straight after practice");
    assert_eq!(now.upcoming.len(), 3);
    assert_eq!(
        now.upcoming[0].question,
        b.question_index(&c).unwrap(),
        "practised earliest, comes due first"
    );
    // Three days on, the two Good ones are due (the older one most overdue); the Easy one is not.
    let later = schedule(&b, &log, T0 + 3 * DAY);
    let due: Vec<usize> = later.due.iter().map(|x| x.question).collect();
    assert_eq!(ids(&b, &due), vec![c.clone(), a.clone()]);
    assert!(later.due[0].overdue_days > later.due[1].overdue_days);
    assert!(later.due.iter().all(|x| x.overdue_days >= 0.0));
    assert!(later.upcoming.iter().all(|x| x.overdue_days < 0.0));
    assert!(later.is_due(b.question_index(&a).unwrap()));
    assert!(!later.is_due(b.question_index(&d).unwrap()));
    // Practising the due one again moves it out of the due list.
    let mut log2 = log.clone();
    log2.push(attempt(&c, T0 + 3 * DAY, 80.0));
    let after = schedule(&b, &log2, T0 + 3 * DAY);
    assert_eq!(after.due.len(), 1);
}

#[test]
fn state_is_rebuilt_identically_from_the_log() {
    let b = bank();
    let (a, c) = (first_of(&b, 0), first_of(&b, 3));
    let log = vec![
        attempt(&a, T0 - 9 * DAY, 45.0),
        attempt(&c, T0 - 8 * DAY, 90.0),
        attempt(&a, T0 - 6 * DAY, 70.0),
        attempt(&a, T0 - 6 * DAY + 600, 88.0),
        attempt("not-in-this-bank", T0 - DAY, 10.0),
        attempt(&a, T0 - DAY, 30.0),
    ];
    let first = schedule(&b, &log, T0);
    assert_eq!(first, schedule(&b, &log, T0), "same log, same state");
    let mut shuffled = log.clone();
    shuffled.reverse();
    shuffled.swap(0, 3);
    assert_eq!(
        first,
        schedule(&b, &shuffled, T0),
        "log order does not matter"
    );
    assert_eq!(first.cards.len(), 2, "unknown questions are ignored");
    let card = first.card(b.question_index(&a).unwrap()).unwrap();
    assert_eq!(card.reviews, 4);
    assert_eq!(card.last_review, T0 - DAY);
    assert_eq!(card.last_rating, Rating::Again);
    // Another question's attempts leave this one's state alone.
    let only_a: Vec<Attempt> = log.iter().filter(|x| x.question == a).cloned().collect();
    let alone = schedule(&b, &only_a, T0);
    assert_eq!(alone.card(card.question), Some(card));
}

#[test]
fn practice_order_is_weakest_first_then_never_practised_across_sections() {
    let b = bank();
    let ids_of = |s: usize| first_of(&b, s);
    let log = vec![
        attempt(&ids_of(0), T0 - DAY, 55.0),
        attempt(&ids_of(1), T0 - DAY, 20.0),
        attempt(&ids_of(2), T0 - DAY, 95.0),
    ];
    let s = schedule(&b, &log, T0 - DAY + 60);
    let order = s.practice_order(&b, &Filter::default());
    assert_eq!(order.len(), b.questions.len(), "every question, once");
    let named = ids(&b, &order);
    assert_eq!(&named[..2], &[ids_of(1), ids_of(0)], "weakest first");
    // Then questions never practised, one section at a time: the first of section 0 is
    // practised, so the second of it leads, then the second of 1 and 2, then the first of 3.
    let q = |s: usize, n: usize| b.questions[b.sections[s].questions[n]].id.clone();
    assert_eq!(&named[2..6], &[q(0, 1), q(1, 1), q(2, 1), q(3, 0)]);
    assert_eq!(named.last(), Some(&ids_of(2)), "the strong one comes last");
    // A filter keeps only its questions.
    let filter = Filter {
        section: Some(b.sections[1].id.to_string()),
        ..Filter::default()
    };
    let in_section = s.practice_order(&b, &filter);
    assert_eq!(in_section.len(), b.sections[1].questions.len());
    assert_eq!(ids(&b, &in_section[..1]), vec![ids_of(1)]);
}

#[test]
fn the_due_plan_drills_what_is_due_or_practises_when_nothing_is() {
    let b = bank();
    let fresh = schedule(&b, &[], T0);
    let plan = due_plan(&b, &fresh, &Filter::default(), None);
    assert_eq!(plan.due, 0);
    assert_eq!(plan.queue.len(), review::PRACTICE_BATCH);
    assert!(plan.message().starts_with("Nothing is due"));
    let plan = due_plan(&b, &fresh, &Filter::default(), Some(2));
    assert_eq!(plan.queue.len(), 2);

    let (a, c) = (first_of(&b, 0), first_of(&b, 1));
    let log = vec![attempt(&a, T0 - 5 * DAY, 10.0), attempt(&c, T0 - DAY, 10.0)];
    let s = schedule(&b, &log, T0);
    let all = due_plan(&b, &s, &Filter::default(), None);
    assert_eq!(ids(&b, &all.queue), vec![a.clone(), c.clone()]);
    assert_eq!(all.message(), "2 due: drilling them, most overdue first");
    let one = due_plan(&b, &s, &Filter::default(), Some(1));
    assert_eq!(ids(&b, &one.queue), vec![a]);
    assert_eq!(one.message(), "2 due: drilling the 1 most overdue");
}

#[test]
fn prep_review_json_lists_due_and_upcoming() {
    let dir = tempfile::tempdir().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let b = bank();
    let (a, c, d) = (first_of(&b, 0), first_of(&b, 1), first_of(&b, 2));
    let log = [
        attempt(&a, now - 10 * DAY, 30.0),
        attempt(&c, now - 3 * DAY, 35.0),
        attempt(&d, now - 60, 95.0),
    ];
    let text: String = log
        .iter()
        .map(|x| serde_json::to_string(x).unwrap() + "\n")
        .collect();
    std::fs::write(dir.path().join("attempts.jsonl"), text).unwrap();
    let run = |format: &[&str]| {
        let mut args = vec!["review", "--data-dir", dir.path().to_str().unwrap()];
        args.extend_from_slice(format);
        Command::new(env!("CARGO_BIN_EXE_prep"))
            .args(&args)
            .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
            .output()
            .unwrap()
    };
    let o = run(&["--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["due_count"], 2);
    assert_eq!(v["practised"], 3);
    let due: Vec<&str> = v["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(due, vec![a.as_str(), c.as_str()], "most overdue first");
    let first = &v["due"][0];
    assert!(first["overdue_days"].as_f64().unwrap() > 9.0);
    assert_eq!(first["last_rating"], "again");
    assert_eq!(first["last_score"], 30.0);
    assert_eq!(first["reviews"], 1);
    assert!(first["due_date"].as_str().unwrap().len() == 10);
    assert_eq!(v["upcoming"][0]["id"], d.as_str());
    assert_eq!(v["next_due_at"], v["upcoming"][0]["due_at"]);
    assert!(v["next_due_at"].as_i64().unwrap() > now + 5 * DAY);
    assert_eq!(
        v["practice_next"][0],
        a.as_str(),
        "weakest latest score first"
    );

    let plain = String::from_utf8(run(&[]).stdout).unwrap();
    assert!(
        plain.starts_with("Due now (2), most overdue first\n"),
        "{plain}"
    );
    assert!(plain.contains("days overdue") && plain.contains("Coming up"));
    assert!(plain.contains("prep drill --due --count 2"));
    assert!(!plain.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn prep_review_with_no_attempts_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["review", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["due_count"], 0);
    assert_eq!(v["due"], serde_json::json!([]));
    assert_eq!(v["next_due_at"], serde_json::Value::Null);
    assert_eq!(v["practice_next"].as_array().unwrap().len(), 5);
}
