//! State tests of the paced session: stage timing with the time passed in, skip, back, extend,
//! pause, proportional plans, notes per stage and the per-stage record in the attempt log.

use super::*;
use crate::bank::load_builtin;
use crate::practice::Phase;
use crate::storage::parse_log;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

const MIN: u64 = 60;

#[test]
fn a_45_minute_session_follows_the_plan_minute_for_minute() {
    let plan: Vec<u32> = suggested_secs(45 * 60).iter().map(|s| s / 60).collect();
    assert_eq!(plan, vec![5, 5, 10, 15, 7, 3]);
    assert!(suggested_secs(45 * 60).iter().all(|s| s % 60 == 0));
}

#[test]
fn other_limits_scale_in_proportion_and_add_up_exactly() {
    assert_eq!(
        suggested_secs(90 * 60),
        [600, 600, 1200, 1800, 840, 360],
        "twice as long, every stage twice as long"
    );
    assert_eq!(suggested_secs(30 * 60), [200, 200, 400, 600, 280, 120]);
    assert_eq!(suggested_secs(20 * 60), [135, 130, 270, 400, 185, 80]);
    for limit in [
        20 * 60,
        25 * 60 + 7,
        30 * 60,
        45 * 60,
        61 * 60 + 1,
        3 * 3600,
    ] {
        let plan = suggested_secs(limit);
        assert_eq!(plan.iter().sum::<u32>(), limit, "{limit}");
        // The deep dive always gets the most, the close the least.
        assert_eq!(plan.iter().max(), Some(&plan[3]), "{limit}");
        assert_eq!(plan.iter().min(), Some(&plan[5]), "{limit}");
    }
    // Even an absurdly short limit never goes negative or loses a second.
    assert_eq!(suggested_secs(7).iter().sum::<u32>(), 7);
}

#[test]
fn only_long_design_questions_are_paced() {
    assert!(is_paced(Kind::SystemDesign, 45 * 60));
    assert!(is_paced(Kind::SystemDesign, 20 * 60));
    assert!(!is_paced(Kind::SystemDesign, 20 * 60 - 1));
    assert!(!is_paced(Kind::SystemDesign, 90));
    assert!(!is_paced(Kind::Behavioral, 45 * 60));
}

#[test]
fn time_lands_in_the_current_stage_only() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    assert_eq!(p.stage().stage, Stage::Clarify);
    assert!(p.next(t0 + secs(4 * MIN)));
    assert_eq!(p.stage().stage, Stage::Estimate);
    let now = t0 + secs(4 * MIN + 90);
    assert_eq!(p.used(0, now), secs(4 * MIN));
    assert_eq!(p.used(1, now), secs(90));
    assert_eq!(p.used(2, now), Duration::ZERO);
    assert_eq!(p.session().elapsed(now), secs(4 * MIN + 90));
    // The stage's own countdown: 5:00 planned, 1:30 gone.
    assert_eq!(p.stage().clock.remaining_secs(now), 210);
}

#[test]
fn a_stage_runs_over_while_the_session_still_has_time() {
    let t0 = Instant::now();
    let p = Pace::start(45 * 60, t0);
    let now = t0 + secs(6 * MIN);
    assert_eq!(p.stage().clock.phase(now), Phase::Overtime);
    assert_eq!(p.stage().clock.remaining_secs(now), -60);
    assert_eq!(p.session().phase(now), Phase::Calm);
    assert_eq!(p.session().remaining_secs(now), 39 * 60);
}

#[test]
fn skipping_runs_through_the_stages_and_stops_at_the_last() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    for _ in 0..5 {
        assert!(p.next(t0));
    }
    assert_eq!(p.stage().stage, Stage::Revisit);
    assert!(!p.next(t0 + secs(10)), "nothing after the last stage");
    assert_eq!(p.current(), 5);
    assert_eq!(p.used(5, t0 + secs(10)), secs(10));
}

#[test]
fn going_back_carries_on_the_earlier_stage_clock() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    assert!(!p.back(t0), "nothing before the first stage");
    p.next(t0 + secs(3 * MIN));
    p.next(t0 + secs(5 * MIN));
    assert!(p.back(t0 + secs(9 * MIN)));
    assert_eq!(p.stage().stage, Stage::Estimate);
    let now = t0 + secs(10 * MIN);
    assert_eq!(p.used(1, now), secs(2 * MIN + MIN));
    assert_eq!(p.used(2, now), secs(4 * MIN));
    let total: Duration = (0..6).map(|i| p.used(i, now)).sum();
    assert_eq!(total, p.session().elapsed(now));
}

#[test]
fn extending_gives_the_stage_and_the_session_one_more_minute() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    let now = t0 + secs(5 * MIN);
    assert_eq!(p.stage().clock.remaining_secs(now), 0);
    p.extend();
    assert_eq!(p.stage().clock.remaining_secs(now), 60);
    assert_eq!(p.stage().extra, 60);
    assert_eq!(p.session().limit(), secs(46 * MIN));
    // Later stages keep their plan; the record says 6:00 with the minute it was extended by.
    assert_eq!(p.stages()[1].clock.limit(), secs(5 * MIN));
    let summary = p.summary(t0 + secs(6 * MIN + 30));
    assert_eq!((summary[0].suggested, summary[0].extended), (360, 60));
    assert_eq!(summary[0].used, 390);
    let md = summary_markdown(&summary);
    assert!(
        md.contains("6:30 of 6:00 (extended by 1:00), **0:30 over**"),
        "{md}"
    );
}

#[test]
fn pause_stops_the_stage_and_session_and_skipping_while_paused_starts_nothing() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    p.toggle(t0 + secs(60));
    assert!(p.is_paused());
    p.next(t0 + secs(120));
    let later = t0 + secs(600);
    assert_eq!(p.used(0, later), secs(60));
    assert_eq!(p.used(1, later), Duration::ZERO);
    p.toggle(later);
    assert_eq!(p.used(1, later + secs(30)), secs(30));
    assert_eq!(p.session().elapsed(later + secs(30)), secs(90));
}

#[test]
fn the_summary_records_every_stage_by_its_stable_name() {
    let t0 = Instant::now();
    let mut p = Pace::start(45 * 60, t0);
    p.next(t0 + secs(7 * MIN));
    p.next(t0 + secs(8 * MIN));
    let summary = p.summary(t0 + secs(20 * MIN));
    let names: Vec<&str> = summary.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "clarify",
            "estimate",
            "high-level-design",
            "deep-dive",
            "bottlenecks-and-failures",
            "trade-offs-to-revisit"
        ]
    );
    let used: Vec<u32> = summary.iter().map(|s| s.used).collect();
    assert_eq!(used, vec![420, 60, 720, 0, 0, 0]);
    let md = summary_markdown(&summary);
    assert!(
        md.contains("- Clarify: 7:00 of 5:00, **2:00 over**"),
        "{md}"
    );
    assert!(md.contains("- Estimate: 1:00 of 5:00, 4:00 spare"), "{md}");
    assert!(md.contains("- High-level design: 12:00 of 10:00"), "{md}");
    assert!(
        md.contains("- Deep dive: 0:00 of 15:00, not reached"),
        "{md}"
    );
    assert!(
        md.contains("- Bottlenecks & failure modes: 0:00 of 7:00"),
        "{md}"
    );
}

#[test]
fn notes_are_joined_under_stage_headings_skipping_empty_stages() {
    let notes = [
        "read heavy, 100:1\n".to_string(),
        String::new(),
        "  ".to_string(),
        "key blocks of 1000\nbase62".to_string(),
        String::new(),
        "302 for clicks".to_string(),
    ];
    assert_eq!(
        join_notes(&notes),
        "## Clarify\nread heavy, 100:1\n\n## Deep dive\nkey blocks of 1000\nbase62\n\n\
         ## Trade-offs to revisit\n302 for clicks"
    );
    assert_eq!(join_notes(&vec![String::new(); 6]), "");
}

#[test]
fn every_stage_has_prompts_and_each_question_check_finds_one_stage() {
    for s in Stage::ALL {
        assert!(!s.prompts().is_empty(), "{s:?}");
        assert_eq!(Stage::from_id(s.id()), Some(s));
    }
    let bank = load_builtin();
    let q = bank.question("sd-url-shortener").unwrap();
    let stages: Vec<Stage> = q.checks.iter().map(|c| stage_of_check(c)).collect();
    assert_eq!(
        stages,
        vec![
            Stage::Estimate,
            Stage::Estimate,
            Stage::DeepDive,
            Stage::Failures,
            Stage::DeepDive
        ],
        "{:#?}",
        q.checks
    );
    assert_eq!(
        stage_of_check("Asked what is being limited (user, API key, IP, tenant)"),
        Stage::Clarify
    );
    assert_eq!(
        stage_of_check("Kept the alert evaluation path independent of the dashboard query path"),
        Stage::HighLevel
    );
}

#[test]
fn old_records_without_stages_still_parse_and_new_ones_round_trip() {
    let old = r#"{"schema":1,"at":5,"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":2700,"spoken":2600,"overtime":0,"checked":[],"items":10,"score":40.0,"technical":40.0,"people":null,"notes":"","follow_ups":0}"#;
    let read = parse_log(old.as_bytes());
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert!(read.attempts[0].stages.is_empty());
    // A short drill's record does not grow a `stages` field.
    let again = serde_json::to_string(&read.attempts[0]).unwrap();
    assert!(!again.contains("stages"), "{again}");

    let mut a = read.attempts[0].clone();
    a.stages = Pace::start(45 * 60, Instant::now()).summary(Instant::now());
    let line = serde_json::to_string(&a).unwrap();
    assert!(
        line.contains(r#"{"stage":"clarify","used":0,"suggested":300}"#),
        "{line}"
    );
    assert_eq!(parse_log(line.as_bytes()).attempts, vec![a]);
}
