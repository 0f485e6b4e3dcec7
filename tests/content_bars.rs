//! Quality bars for the built-in question bank. These hold the content to the standard the product
//! promises (enough questions, every field filled, STAR outlines told as "I", times that match the
//! kind, ...), so a future edit that breaks one fails here with the offending question's id.
//!
//! When a bar fails, fix the content under `content/`; do not lower the bar.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{self, Bank, Kind, Question, Role};
use std::collections::{BTreeMap, HashMap, HashSet};

const MIN_QUESTIONS: usize = 220;
const MIN_PER_SECTION: usize = 10;
const MIN_PER_ROLE: usize = 10;
const MIN_TALKING_POINT_WORDS: usize = 120;

const SECTIONS: &[&str] = &[
    "system-design",
    "judgment",
    "mentoring",
    "conflict",
    "ownership",
    "incidents",
    "influence",
    "ambiguity",
    "partnerships",
    "curveballs",
    "strategy",
    "transitions",
    "remote",
    "industry",
    "ask",
];

const GUIDES: &[&str] = &[
    "loop-scoring",
    "design-spine",
    "star",
    "common-mistakes",
    "how-to-practise",
    "leadership-narrative",
    "questions-to-ask",
    "final-week",
    "estimation",
];

fn builtin() -> Bank {
    bank::load_builtin()
}

/// Fails with every problem found, one per line, so a single run shows all offenders.
fn assert_none(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Words as `\w+` counts them: runs of letters, digits and underscores.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .count()
}

/// Words with their apostrophe contractions kept together ("I'd", "we've").
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

fn first_person_counts(text: &str) -> (usize, usize) {
    let (mut i, mut we) = (0, 0);
    for w in words(text) {
        let base = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
        if base == "I" {
            i += 1;
        } else if base.eq_ignore_ascii_case("we") {
            we += 1;
        }
    }
    (i, we)
}

/// A Markdown heading or bold lead-in that starts a line: `**Situation.**`, `## Situation`.
fn has_heading(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let marked = line.starts_with('#') || line.starts_with("**") || line.starts_with("__");
        let rest = line.trim_start_matches(['#', '*', '_', ' ']);
        marked && rest.starts_with(name)
    })
}

fn expected_rubric(kind: Kind) -> &'static str {
    match kind {
        Kind::SystemDesign => "system-design",
        Kind::Behavioral => "star",
        Kind::Judgment => "judgment",
        Kind::Strategy => "strategy",
        Kind::Ask => "ask",
        Kind::Estimation => "estimation",
    }
}

fn for_each_question(
    bank: &Bank,
    mut check: impl FnMut(&Question, &mut Vec<String>),
) -> Vec<String> {
    let mut problems = Vec::new();
    for q in &bank.questions {
        check(q, &mut problems);
    }
    problems
}

#[test]
fn bank_has_enough_questions() {
    let bank = builtin();
    assert!(
        bank.questions.len() >= MIN_QUESTIONS,
        "the built-in bank has {} questions; the bar is {MIN_QUESTIONS}",
        bank.questions.len()
    );
}

#[test]
fn every_expected_section_exists_with_enough_questions() {
    let bank = builtin();
    let mut problems = Vec::new();
    for id in SECTIONS {
        if bank.section(id).is_none() {
            problems.push(format!("section `{id}` is missing"));
        }
    }
    for s in &bank.sections {
        if s.questions.len() < MIN_PER_SECTION {
            problems.push(format!(
                "section `{}` has {} questions; the bar is {MIN_PER_SECTION}",
                s.id,
                s.questions.len()
            ));
        }
        if s.title.trim().is_empty() || s.summary.trim().is_empty() {
            problems.push(format!("section `{}` needs a title and a summary", s.id));
        }
    }
    assert_none("sections", problems);
}

#[test]
fn every_expected_guide_exists_and_has_a_body() {
    let bank = builtin();
    let mut problems = Vec::new();
    for id in GUIDES {
        match bank.guide(id) {
            None => problems.push(format!("guide `{id}` is missing")),
            Some(g) if word_count(&g.body) < 150 => problems.push(format!(
                "guide `{id}` body has {} words; a guide needs 150+",
                word_count(&g.body)
            )),
            Some(g) if g.title.trim().is_empty() || g.summary.trim().is_empty() => {
                problems.push(format!("guide `{id}` needs a title and a summary"))
            }
            Some(_) => {}
        }
    }
    assert_none("guides", problems);
}

#[test]
fn every_question_has_every_field_filled() {
    let bank = builtin();
    let problems = for_each_question(&bank, |q, p| {
        let id = &q.id;
        if q.prompt.trim().is_empty() {
            p.push(format!("{id}: empty prompt"));
        }
        if q.roles.is_empty() {
            p.push(format!("{id}: needs at least one role"));
        }
        for (field, items) in [
            ("probes", &q.probes),
            ("checks", &q.checks),
            ("pitfalls", &q.pitfalls),
            ("follow_ups", &q.follow_ups),
        ] {
            let filled = items.iter().filter(|s| !s.trim().is_empty()).count();
            if filled < 2 {
                p.push(format!(
                    "{id}: {field} has {filled} non-empty items; needs 2+"
                ));
            }
        }
        if q.tags.iter().all(|t| t.trim().is_empty()) {
            p.push(format!("{id}: needs at least one tag"));
        }
        let n = word_count(&q.talking_points);
        if n < MIN_TALKING_POINT_WORDS {
            p.push(format!(
                "{id}: talking points have {n} words; the bar is {MIN_TALKING_POINT_WORDS}"
            ));
        }
    });
    assert_none("question fields", problems);
}

#[test]
fn time_limits_match_the_kind() {
    let bank = builtin();
    let problems = for_each_question(&bank, |q, p| {
        let (lo, hi, what) = match q.kind {
            Kind::SystemDesign => (20 * 60, 60 * 60, "20-60 min"),
            Kind::Estimation => (3 * 60, 5 * 60, "3-5 min"),
            // Strategy topics may be paced discussions; levels may set their own times.
            Kind::Strategy => (60, 10 * 60, "60 s to 10 min"),
            // A deep dive on a system you built is a long behavioral answer.
            Kind::Behavioral if q.time >= 10 * 60 => (10 * 60, 15 * 60, "10-15 min"),
            // The base time is a tech lead's; a question for staff and up only starts at its
            // first level's 2-3 minutes (the level times are held by content_levels.rs).
            _ if !q.roles.contains(&Role::TechLead) => (60, 3 * 60, "60 s to 3 min"),
            _ => (60, 90, "60-90 s"),
        };
        if !(lo..=hi).contains(&q.time) {
            p.push(format!(
                "{}: {} question has {} s; expected {what}",
                q.id, q.kind, q.time
            ));
        }
    });
    assert_none("time limits", problems);
}

#[test]
fn rubric_matches_the_kind() {
    let bank = builtin();
    let problems = for_each_question(&bank, |q, p| {
        let want = expected_rubric(q.kind);
        // A people-centred judgment call is scored on the people-call rubric; a deep dive on
        // a system you built, on the system-design one.
        let alternative = match q.kind {
            Kind::Judgment => Some("people-call"),
            Kind::Behavioral if q.time >= 10 * 60 => Some("system-design"),
            _ => None,
        };
        if q.rubric != want && Some(q.rubric.as_ref()) != alternative {
            p.push(format!(
                "{}: {} question uses rubric `{}`; expected `{want}`",
                q.id, q.kind, q.rubric
            ));
        }
        if bank.rubric(&q.rubric).is_none() {
            p.push(format!("{}: rubric `{}` does not exist", q.id, q.rubric));
        }
    });
    assert_none("rubric references", problems);
}

#[test]
fn behavioral_talking_points_are_star_outlines_told_as_i() {
    let bank = builtin();
    let problems = for_each_question(&bank, |q, p| {
        // Stories only: the leadership narrative (tagged `narrative`) and deep dives are not STAR.
        if q.kind != Kind::Behavioral
            || q.rubric != "star"
            || q.tags.iter().any(|t| t == "narrative")
        {
            return;
        }
        for heading in ["Situation", "Action", "Result"] {
            if !has_heading(&q.talking_points, heading) {
                p.push(format!(
                    "{}: talking points lack a **{heading}** heading",
                    q.id
                ));
            }
        }
        let (i, we) = first_person_counts(&q.talking_points);
        if i <= we {
            p.push(format!(
                "{}: talking points say \"I\" {i} times and \"we\" {we} times; \"I\" must lead",
                q.id
            ));
        }
    });
    assert_none("behavioral talking points", problems);
}

#[test]
fn rubrics_are_weighted_and_cover_both_axes() {
    let bank = builtin();
    let mut problems = Vec::new();
    let mut axes = HashSet::new();
    for kind in Kind::ALL {
        let id = expected_rubric(*kind);
        if bank.rubric(id).is_none() {
            problems.push(format!("rubric `{id}` for {kind} questions is missing"));
        }
    }
    for r in &bank.rubrics {
        if r.items.is_empty() {
            problems.push(format!("rubric `{}` has no items", r.id));
        }
        for item in &r.items {
            axes.insert(item.axis);
            if item.weight == 0 {
                problems.push(format!(
                    "rubric `{}` item `{}` has no weight",
                    r.id, item.id
                ));
            }
            if item.text.trim().is_empty() {
                problems.push(format!("rubric `{}` item `{}` has no text", r.id, item.id));
            }
        }
    }
    for axis in bank::Axis::ALL {
        if !axes.contains(axis) {
            problems.push(format!("no rubric item scores the `{axis}` axis"));
        }
    }
    assert_none("rubrics", problems);
}

#[test]
fn no_two_questions_share_a_prompt() {
    let bank = builtin();
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut problems = Vec::new();
    for q in &bank.questions {
        let key = q
            .prompt
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(other) = seen.insert(key, &q.id) {
            problems.push(format!("{}: same prompt as {other}", q.id));
        }
    }
    assert_none("duplicate prompts", problems);
}

#[test]
fn every_role_has_enough_questions() {
    let bank = builtin();
    let mut counts: BTreeMap<Role, Vec<&str>> =
        Role::ALL.iter().map(|r| (*r, Vec::new())).collect();
    for q in &bank.questions {
        for r in &q.roles {
            counts.entry(*r).or_default().push(&q.id);
        }
    }
    let problems = counts
        .iter()
        .filter(|(_, ids)| ids.len() < MIN_PER_ROLE)
        .map(|(role, ids)| {
            format!(
                "role `{role}` is on {} questions ({}); the bar is {MIN_PER_ROLE}",
                ids.len(),
                ids.join(", ")
            )
        })
        .collect();
    assert_none("roles", problems);
}

#[test]
fn helpers_count_as_intended() {
    assert_eq!(word_count("Clarify: 50k reads/s, p99_ms."), 5);
    assert_eq!(
        first_person_counts("I said we'd go. We did; I'd agree. Iwe wee"),
        (2, 2)
    );
    assert!(has_heading("**Situation.** x\n**Action.**", "Action"));
    assert!(has_heading("## Result\n", "Result"));
    assert!(!has_heading("The Result was fine", "Result"));
}
