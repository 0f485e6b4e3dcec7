//! Bars for the built-in bank's calibration fields (issue 14): every question has a level for each
//! of its roles and an example answer; own checks sit on the right axis (people-centred judgment
//! calls score mostly people, a director's strategy answer carries at least 40% people weight);
//! level times follow the kind.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{self, Bank, Kind, Question, Role};

fn builtin() -> Bank {
    bank::load_builtin()
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// People-centred judgment calls named in issue 14 (and the like): scored mostly on people, by
/// weight, counting their rubric (`people-call`) and their own checks.
const PEOPLE_CENTRED: &[&str] = &[
    "inc-vp-wants-a-name",
    "rem-hybrid-fairness",
    "rem-rto-mandate",
    "tr-netflix-keeper-test",
    "tr-to-director",
    "inf-watermelon-status",
    "amb-org-ambiguity",
];

/// Share of `q`'s checklist weight at `role` that is people leadership, 0-1.
fn people_share(bank: &Bank, q: &Question, role: Role) -> f64 {
    let (people, all) = bank::people_share(q, bank.rubric(&q.rubric), role);
    f64::from(people) / f64::from(all.max(1))
}

#[test]
fn every_question_has_a_level_for_each_role_and_an_example() {
    let bank = builtin();
    let mut problems = Vec::new();
    for q in &bank.questions {
        for &role in &q.roles {
            match q.level(role) {
                None => problems.push(format!("{}: no level for {role}", q.id)),
                Some(l) if l.check.is_none() => {
                    problems.push(format!("{}: the {role} level has no check", q.id));
                }
                Some(_) => {}
            }
        }
        match &q.example {
            Some(e) if !e.weak.is_empty() && !e.strong.is_empty() => {}
            _ => problems.push(format!("{}: no weak and strong example", q.id)),
        }
    }
    assert_none("levels and examples", problems);
}

#[test]
fn validate_has_no_warnings_for_the_built_in_bank() {
    let parsed = bank::validate_paths(&[std::path::PathBuf::from("content")]).unwrap();
    let w: Vec<String> = parsed.warnings.iter().map(|d| d.to_string()).collect();
    assert_none("prep validate --strict content", w);
}

#[test]
fn people_centred_judgment_calls_score_mostly_people() {
    let bank = builtin();
    let mut problems = Vec::new();
    for id in PEOPLE_CENTRED {
        let Some(q) = bank.question(id) else {
            problems.push(format!("{id}: missing"));
            continue;
        };
        for &role in &q.roles {
            let share = people_share(&bank, q, role);
            if share <= 0.5 {
                problems.push(format!("{id}: {:.0}% people at {role}", 100.0 * share));
            }
        }
    }
    assert_none("people-centred judgment calls", problems);
}

#[test]
fn director_strategy_answers_carry_at_least_40_percent_people_weight() {
    let bank = builtin();
    let mut problems = Vec::new();
    for q in bank.questions.iter().filter(|q| q.kind == Kind::Strategy) {
        if q.roles.contains(&Role::Director) {
            let share = people_share(&bank, q, Role::Director);
            if share < bank::DIRECTOR_STRATEGY_PEOPLE_SHARE {
                problems.push(format!(
                    "{}: {:.0}% people at director",
                    q.id,
                    100.0 * share
                ));
            }
        }
    }
    assert_none("director strategy axis share", problems);
}

#[test]
fn axis_shares_by_kind_and_role_lean_the_right_way() {
    let bank = builtin();
    let mut problems = Vec::new();
    for kind in [
        Kind::Behavioral,
        Kind::SystemDesign,
        Kind::Estimation,
        Kind::Strategy,
    ] {
        for &role in Role::ALL {
            let qs: Vec<&Question> = bank
                .questions
                .iter()
                .filter(|q| q.kind == kind && q.roles.contains(&role))
                .collect();
            if qs.is_empty() {
                continue;
            }
            let mean =
                qs.iter().map(|q| people_share(&bank, q, role)).sum::<f64>() / qs.len() as f64;
            let (lo, hi) = match kind {
                Kind::Behavioral => (0.5, 1.0),
                Kind::SystemDesign | Kind::Estimation => (0.0, 0.4),
                _ if role == Role::Director || role == Role::Em => (0.4, 1.0),
                _ => (0.25, 1.0),
            };
            if !(lo..=hi).contains(&mean) {
                problems.push(format!(
                    "{kind} at {role}: mean people share {:.0}%, expected {:.0}-{:.0}%",
                    100.0 * mean,
                    100.0 * lo,
                    100.0 * hi
                ));
            }
        }
    }
    assert_none("axis shares", problems);
}

#[test]
fn level_times_follow_the_kind() {
    let bank = builtin();
    let mut problems = Vec::new();
    for q in &bank.questions {
        for l in &q.levels {
            let senior = matches!(l.role, Role::Staff | Role::Em | Role::Director);
            let t = q.time_for(Some(l.role));
            let (lo, hi, what) = match q.kind {
                // A deep dive ("walk me through a system you built") is 10-15 minutes.
                Kind::Behavioral if q.time >= 10 * 60 => (10 * 60, 15 * 60, "10-15 min"),
                Kind::Behavioral if senior => (120, 180, "2-3 min for staff and up"),
                Kind::Estimation => (180, 300, "3-5 min"),
                Kind::Strategy => (60, 20 * 60, "up to 20 min"),
                _ => continue,
            };
            if !(lo..=hi).contains(&t) {
                problems.push(format!("{}: {} s at {}; expected {what}", q.id, t, l.role));
            }
        }
    }
    assert_none("level times", problems);
}

#[test]
fn estimation_drills_have_worked_answers_with_tables() {
    let bank = builtin();
    let drills: Vec<&Question> = bank
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Estimation)
        .collect();
    assert!(drills.len() >= 20, "{} estimation drills", drills.len());
    let mut problems = Vec::new();
    for q in drills {
        if !(180..=300).contains(&q.time) {
            problems.push(format!("{}: {} s; expected 3-5 min", q.id, q.time));
        }
        if q.rubric != "estimation" {
            problems.push(format!("{}: rubric `{}`", q.id, q.rubric));
        }
        if !q
            .talking_points
            .lines()
            .any(|l| l.trim_start().starts_with('|'))
        {
            problems.push(format!("{}: no table in the worked answer", q.id));
        }
        if q.levels.len() != q.roles.len() || q.example.is_none() {
            problems.push(format!("{}: levels or example missing", q.id));
        }
    }
    assert_none("estimation drills", problems);
}
