//! Report figures from a hand-built log.

use super::*;
use crate::bank::{Bank, load_builtin};
use crate::practice::{self, Answer};
use crate::storage::Attempt;

/// An attempt at `id` with the checklist items at `ticked` ticked, graded at `at`.
fn graded(bank: &Bank, id: &str, ticked: &[usize], over: u32, at: i64, mock: &str) -> Attempt {
    let q = bank.question(id).unwrap();
    let items = practice::checklist(bank, q);
    let checked: Vec<bool> = (0..items.len()).map(|i| ticked.contains(&i)).collect();
    let answer = Answer {
        spoken_secs: 60 + over,
        limit_secs: 60,
        ..Answer::default()
    };
    let mut a = practice::attempt(q, &items, &checked, &answer, at);
    a.mock = (!mock.is_empty()).then(|| mock.to_string());
    a
}

fn log(bank: &Bank) -> Vec<Attempt> {
    let all: Vec<usize> = (0..40).collect();
    vec![
        graded(bank, "sd-url-shortener", &[0], 0, 50, "mock-50"),
        graded(bank, "con-lost-argument", &[0, 1, 2], 10, 100, "mock-100"),
        graded(bank, "cur-why-not-stay-ic", &[0], 0, 110, ""),
        graded(
            bank,
            "inc-rollback-or-fix-forward",
            &all,
            0,
            120,
            "mock-100",
        ),
        graded(bank, "cur-biggest-weakness", &[], 25, 130, "mock-100"),
    ]
}

#[test]
fn the_report_averages_both_axes_and_adds_up_overtime() {
    let bank = load_builtin();
    let log = log(&bank);
    let r = report(&bank, &log, "mock-100").unwrap();
    let mine = [&log[1], &log[3], &log[4]];
    let ids: Vec<&str> = r.questions.iter().map(|q| q.question.as_str()).collect();
    assert_eq!(
        ids,
        [
            "con-lost-argument",
            "inc-rollback-or-fix-forward",
            "cur-biggest-weakness"
        ]
    );
    let parts: Vec<&str> = r.questions.iter().map(|q| q.part.as_str()).collect();
    assert_eq!(parts, ["behavioral", "judgment call", "curveball"]);
    assert_eq!(r.questions[1].score, 100.0);
    assert_eq!(r.questions[2].score, 0.0);
    // By weight: the ticked rubric weight of the three answers over all their weight.
    let (mut got, mut of) = ([0u32; 2], [0u32; 2]);
    for a in mine {
        let w = a.grade.weights.unwrap();
        for (i, [g, o]) in [w.technical, w.people].into_iter().enumerate() {
            got[i] += g;
            of[i] += o;
        }
    }
    let pct = |g: u32, o: u32| Some((1000.0 * f64::from(g) / f64::from(o)).round() / 10.0);
    assert_eq!(r.average, pct(got[0] + got[1], of[0] + of[1]));
    assert_eq!(r.technical, pct(got[0], of[0]));
    assert_eq!(r.people, pct(got[1], of[1]));
    let (t, p, o) = (r.technical.unwrap(), r.people.unwrap(), r.average.unwrap());
    assert!(t.min(p) <= o && o <= t.max(p));
    assert_eq!((r.overtime_secs, r.over_time), (35, 2));
    assert_eq!(r.questions[0].overtime, 10);
}

#[test]
fn the_report_is_dated_by_the_local_day_of_its_first_answer() {
    use crate::days::Zone;
    let bank = load_builtin();
    let log = log(&bank);
    let dated = |zone: &Zone| {
        super::report::report_in(&bank, &log, "mock-100", zone)
            .unwrap()
            .date
    };
    // The first answer is at Unix second 100: still the evening before in New York.
    assert_eq!(dated(&Zone::utc()), "1970-01-01");
    let ny = Zone::named("America/New_York").expect("tz database (tzdata)");
    assert_eq!(dated(&ny), "1969-12-31");
}

#[test]
fn the_weakest_items_are_the_ones_missed_most_with_their_text() {
    let bank = load_builtin();
    let r = report(&bank, &log(&bank), "mock-100").unwrap();
    let star = &bank.rubric("star").unwrap().items;
    // Star item 4 went unticked in both STAR answers; the judgment call ticked everything.
    assert_eq!(r.weakest[0].text, star[3].text);
    assert_eq!((r.weakest[0].missed, r.weakest[0].of), (2, 2));
    assert_eq!(
        r.weakest[0].questions,
        ["con-lost-argument", "cur-biggest-weakness"]
    );
    assert!(r.weakest.len() <= 5);
    assert!(r.weakest.iter().all(|m| m.missed >= 1 && m.missed <= m.of));
    let judgment = &bank.rubric("judgment").unwrap().items;
    assert!(
        r.weakest
            .iter()
            .all(|m| judgment.iter().all(|j| j.text != m.text)),
        "fully ticked items are never weak"
    );
}

#[test]
fn what_to_drill_next_is_the_weakest_part_with_concrete_questions() {
    let bank = load_builtin();
    let log = log(&bank);
    let next = report(&bank, &log, "mock-100").unwrap().next.unwrap();
    assert_eq!(next.part, "curveball");
    assert_eq!(next.average, 0.0);
    assert_eq!(next.questions.len(), 3);
    assert_eq!(
        next.questions[0], "cur-biggest-weakness",
        "redo the weak answer first"
    );
    for id in &next.questions[1..] {
        let q = bank.question(id).unwrap();
        assert_eq!(q.section, "curveballs");
        assert_ne!(
            id, "cur-why-not-stay-ic",
            "practised questions come after new ones"
        );
    }
}

#[test]
fn mocks_are_listed_latest_first_and_unknown_ids_have_no_report() {
    let bank = load_builtin();
    let log = log(&bank);
    assert_eq!(mock_ids(&log), ["mock-100", "mock-50"]);
    assert!(report(&bank, &log, "mock-7").is_none());
    let r = report(&bank, &log, "mock-50").unwrap();
    assert_eq!(r.questions.len(), 1);
    assert_eq!(r.next.unwrap().part, "system design");
}

#[test]
fn the_markdown_report_names_every_figure() {
    let bank = load_builtin();
    let utc = crate::days::Zone::utc();
    let r = super::report::report_in(&bank, &log(&bank), "mock-100", &utc).unwrap();
    let md = report_markdown(&bank, &r, 2);
    assert!(md.starts_with("## Mock mock-100 · 1970-01-01"));
    for want in [
        "3 answers graded",
        "2 of 3 answers ran over, +0:35 over in all",
        "| 3 | cur-biggest-weakness | curveball | 0% |",
        "### Weakest rubric items",
        "(missed 2 of 2, people: con-lost-argument, cur-biggest-weakness)",
        "### What to drill next",
        "The weakest part was **curveball** (average 0%)",
        "- `cur-biggest-weakness`: What is your biggest weakness",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
}
