//! The plan with the day passed in: a missed day rolls forward, weak reviews land before the date,
//! mocks fall where they should, and the plan file round-trips and refuses what it cannot read.

use super::*;
use crate::bank::load_builtin;
use crate::loops;

/// 2026-12-01.
const D: i64 = 20_423;

fn attempt(bank: &Bank, id: &str, day: i64, score: f64, mock: bool) -> Attempt {
    let q = bank.question(id).unwrap();
    let mut v = serde_json::json!({
        "schema": crate::storage::SCHEMA_VERSION, "id": format!("{id}-{day}"),
        "at": day * 86_400 + 10 * 3600, "question": id, "section": q.section.as_ref(),
        "kind": q.kind, "time_limit": q.time, "spoken": q.time, "overtime": 0,
        "checked": [], "items": 5, "score": score, "notes": "", "follow_ups": 0,
    });
    if mock {
        v["mock"] = serde_json::json!(format!("mock-{day}"));
    }
    serde_json::from_value(v).unwrap()
}

fn file() -> PlanFile {
    PlanFile {
        date: D + 10,
        role: crate::bank::Role::Staff,
        loop_id: None,
        minutes: 45,
        set_on: D,
        ticked: Vec::new(),
    }
}

fn plan_on(today: i64, attempts: &[Attempt], file: &PlanFile) -> Plan {
    let bank = load_builtin();
    let all = loops::builtin();
    let lp = loops::find(&all, file.loop_id()).unwrap();
    let zone = Zone::utc();
    let inputs = Inputs {
        bank: &bank,
        lp,
        attempts,
        stories: &[],
        fix: &[],
        today,
        zone: &zone,
    };
    compute(file, &inputs)
}

fn judgment_ids(bank: &Bank, n: usize) -> Vec<String> {
    bank.questions
        .iter()
        .filter(|q| {
            q.kind == crate::bank::Kind::Judgment && q.roles.contains(&crate::bank::Role::Staff)
        })
        .take(n)
        .map(|q| q.id.to_string())
        .collect()
}

#[test]
fn a_missed_day_is_marked_and_its_work_rolls_forward_to_today() {
    let bank = load_builtin();
    // Day 0: two judgment calls, answered in a mock (so the early mock is done).
    let done: Vec<Attempt> = judgment_ids(&bank, 2)
        .iter()
        .map(|id| attempt(&bank, id, D, 95.0, true))
        .collect();
    let on_day_1 = plan_on(D + 1, &done, &file());
    let on_day_2 = plan_on(D + 2, &done, &file());
    // Day 0 was practised; day 1 had nothing and is missed once day 2 comes.
    assert_eq!(on_day_2.days[0].status, Status::Done);
    assert_eq!(on_day_2.days[0].practised, 2);
    assert_eq!(on_day_2.days[1].status, Status::Missed);
    assert_eq!(on_day_2.days[2].status, Status::Due);
    // What day 1 asked for is what day 2 asks for now: nothing was lost.
    let due_1 = on_day_1.today().unwrap();
    let due_2 = on_day_2.today().unwrap();
    assert_eq!(due_1.day, D + 1);
    let works = |d: &Day| d.tasks.iter().map(|t| t.work.clone()).collect::<Vec<_>>();
    assert!(
        works(due_1)
            .iter()
            .any(|w| matches!(w, Work::Practice { .. }))
    );
    // Nothing was done on day 1, so what is left is the same, and day 1's story and parts
    // come first on day 2 (after the reviews that came due meanwhile).
    assert_eq!(on_day_2.parts, on_day_1.parts);
    let part_of = |w: &Work| match w {
        Work::Practice { part, .. } => Some(part.clone()),
        _ => None,
    };
    for w in works(due_1) {
        let moved = works(due_2).contains(&w)
            || part_of(&w)
                .is_some_and(|p| works(due_2).iter().any(|x| part_of(x) == Some(p.clone())));
        assert!(moved, "{w:?} was lost: {:?}", works(due_2));
    }
    // And the plan as seen on day 1 had put it there, not on day 2.
    let day_2_then = on_day_1.days.iter().find(|d| d.day == D + 2).unwrap();
    assert_ne!(works(day_2_then), works(due_1));
    // What cannot fit before the date is said, not dropped.
    assert!(
        on_day_2.unplaced.iter().any(|u| u.contains("story")),
        "{:?}",
        on_day_2.unplaced
    );
    // The two judgment calls done on day 0 count toward the part.
    let (_, practised, wanted) = on_day_2
        .parts
        .iter()
        .find(|p| p.0 == "judgment call")
        .unwrap();
    assert_eq!((*practised, *wanted), (2, 6));
    // Every day fits the daily minutes, except a mock day, which is the mock alone plus fixed work.
    for d in on_day_2.days.iter().filter(|d| d.status == Status::Ahead) {
        let minutes: u32 = d.tasks.iter().map(|t| t.minutes).sum();
        let mock = d.tasks.iter().any(|t| t.work == Work::Mock);
        assert!(mock || minutes <= 45, "{}: {minutes} minutes", d.date);
    }
    assert_eq!(on_day_2.days.last().unwrap().status, Status::Interview);
    assert_eq!(on_day_2.days_left, 8);
}

#[test]
fn todays_tasks_are_ticked_by_todays_answers_and_the_headline_says_what_is_left() {
    let bank = load_builtin();
    let plan = plan_on(D + 1, &[], &file());
    let due = plan.today().unwrap();
    assert!(
        plan.headline()
            .starts_with("Staff engineer loop in 9 days · today: a full mock loop")
    );
    assert!(due.tasks.iter().all(|t| !t.done));
    let mock: Vec<Attempt> = judgment_ids(&bank, 1)
        .iter()
        .map(|id| attempt(&bank, id, D + 1, 70.0, true))
        .collect();
    let plan = plan_on(D + 1, &mock, &file());
    let t = plan
        .today()
        .unwrap()
        .tasks
        .iter()
        .find(|t| t.work == Work::Mock)
        .unwrap();
    assert!(t.done, "a mock answered today ticks the mock");
    assert!(!plan.headline().contains("a full mock loop"));
}

#[test]
fn mocks_fall_early_four_days_before_and_on_the_last_two_days() {
    let plan = plan_on(D, &[], &file());
    let mock_days: Vec<i64> = plan
        .days
        .iter()
        .filter(|d| d.tasks.iter().any(|t| t.work == Work::Mock))
        .map(|d| d.day - D)
        .collect();
    assert_eq!(mock_days, vec![1, 6, 8, 9]);
    // The final-week checklist is spread over the last seven days.
    let checks = plan
        .days
        .iter()
        .flat_map(|d| d.tasks.iter().map(move |t| (d.day - D, t)))
        .filter(|(_, t)| matches!(t.work, Work::Checklist { .. }))
        .collect::<Vec<_>>();
    assert_eq!(checks.len(), checklist::items(&load_builtin()).len());
    assert!(checks.iter().all(|(d, _)| *d >= 3));
}

#[test]
fn a_weak_review_due_after_the_date_comes_before_it_and_the_last_days_review_ahead() {
    let bank = load_builtin();
    let id = judgment_ids(&bank, 1).remove(0);
    // A weak answer long ago, then a middling one on day 0: its next review is after the date.
    let mut attempts = vec![attempt(&bank, &id, D - 30, 30.0, false)];
    attempts.push(attempt(&bank, &id, D, 55.0, false));
    let sched = crate::review::schedule(&bank, &attempts, (D + 1) * 86_400);
    let card = &sched.cards[0];
    assert!(card.last_rating.is_weak());
    let short = PlanFile {
        date: D + 3,
        ..file()
    };
    let plan = plan_on(D + 1, &attempts, &short);
    let reviewed: Vec<i64> = plan
        .days
        .iter()
        .filter(|d| {
            d.tasks.iter().any(|t| match &t.work {
                Work::Review { questions } | Work::ReviewAhead { questions } => {
                    questions.contains(&id)
                }
                _ => false,
            })
        })
        .map(|d| d.day)
        .collect();
    assert!(
        !reviewed.is_empty(),
        "the weak question is reviewed before the date"
    );
    assert!(reviewed.iter().all(|d| *d < D + 3));
    let last = plan.days.iter().find(|d| d.day == D + 2).unwrap();
    assert!(
        last.tasks
            .iter()
            .any(|t| matches!(t.work, Work::ReviewAhead { .. }))
    );
}

#[test]
fn the_plan_file_round_trips_and_a_broken_one_is_reported_with_its_line_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = file();
    f.loop_id = Some("amazon".into());
    f.ticked = vec!["logistics-schedule-names-and".into()];
    file::write(dir.path(), &f).unwrap();
    assert_eq!(file::read(dir.path()).unwrap(), Some(f.clone()));
    let path = file::path(dir.path());
    let broken = "date: 2026-12-15\nrole: cto\n";
    std::fs::write(&path, broken).unwrap();
    let err = file::read(dir.path()).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(err.message.contains("unknown role `cto`"), "{err}");
    assert!(file::write(dir.path(), &f).unwrap_err().contains("kept"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    let err = file::parse("plan.yaml", "date: 2026-02-30\nrole: staff\n").unwrap_err();
    assert_eq!(
        (err.line, err.message.as_str()),
        (1, "date `2026-02-30` is not a date like 2026-12-15")
    );
}

#[test]
fn stories_per_loop_show_its_themes_and_warn_when_one_story_answers_too_much() {
    let bank = load_builtin();
    let all = loops::builtin();
    let lp = loops::find(&all, "amazon").unwrap();
    let named: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| {
            lp.parts.iter().any(|p| p.matches(q)) && q.kind == crate::bank::Kind::Behavioral
        })
        .take(3)
        .map(|q| q.id.to_string())
        .collect();
    let text = format!(
        "---\ntitle: The migration\nthemes: [ownership, failure]\nquestions: [{}]\n---\n## Situation\nx\n",
        named.join(", ")
    );
    let story = crate::stories::parse("m.md", "m", &text).unwrap();
    let got = stories::for_loop(&bank, lp, std::slice::from_ref(&story));
    assert_eq!(
        got.themes[0],
        ("ownership".to_string(), vec!["The migration".to_string()])
    );
    assert!(
        got.themes
            .iter()
            .any(|(t, s)| t == "conflict" && s.is_empty())
    );
    assert_eq!(got.overused, vec![("The migration".to_string(), 3)]);
}
