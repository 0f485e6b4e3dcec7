//! The calibration fields of the bank format: checks that name their axis, `levels` per role,
//! `example`, the tag vocabulary, and `prep validate`'s warnings (and `--strict`) for what is
//! missing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{self, Axis, BankSource, Role};
use prep_core::practice;
use std::path::PathBuf;
use std::process::Command;

fn prep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_prep"));
    c.env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env_remove("NO_COLOR");
    c
}

const COMPLETE: &str = "tests/banks/levels/complete";

#[test]
fn levels_examples_and_check_axes_are_read() {
    let b = bank::validate_paths(&[PathBuf::from(COMPLETE)]).unwrap();
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    let q = b.question("lv-roadmap").unwrap();
    assert_eq!(q.checks.len(), 3);
    assert_eq!(q.check_axis(0), Axis::People, "plain: the kind's axis");
    assert_eq!(q.check_axis(1), Axis::Technical, "named");
    assert_eq!(q.check_axis(2), Axis::People);
    assert_eq!(
        q.checks[1],
        "Named the dependency that made one cut cheaper"
    );
    let staff = q.level(Role::Staff).unwrap();
    assert!(staff.bar.starts_with("Several teams' plans"));
    assert_eq!(staff.check.as_ref().unwrap().axis, Some(Axis::Technical));
    assert_eq!(q.time_for(Some(Role::Staff)), 150);
    assert_eq!(q.time_for(Some(Role::Director)), 180);
    assert_eq!(
        q.time_for(Some(Role::Em)),
        90,
        "no such level: the question's time"
    );
    assert_eq!(q.time_for(None), 90);
    let ex = q.example.as_ref().unwrap();
    assert!(ex.weak.starts_with("We had too much") && ex.strong.starts_with("Names the two"));
}

#[test]
fn the_rubric_at_a_level_adds_that_levels_check_on_its_axis() {
    let b = bank::load(&[BankSource::Builtin, BankSource::Dir(COMPLETE.into())]).unwrap();
    let q = b.question("lv-roadmap").unwrap();
    let base = practice::checklist(&b, q);
    let staff = practice::checklist_for(&b, q, Some(Role::Staff));
    assert_eq!(staff.len(), base.len() + 1);
    let added = staff.last().unwrap();
    assert_eq!(added.key, "level-staff");
    assert_eq!(
        added.text,
        "Named the shared dependency and what it cost each team"
    );
    assert_eq!(added.axis, Axis::Technical);
    let director = practice::checklist_for(&b, q, Some(Role::Director));
    assert_eq!(
        director.last().unwrap().axis,
        Axis::People,
        "plain: the kind's axis"
    );
    assert_eq!(practice::checklist_for(&b, q, None).len(), base.len());
    assert_eq!(
        practice::checklist_for(&b, q, Some(Role::Em)).len(),
        base.len()
    );
    // Own checks count on their named axis in the score.
    let own: Vec<_> = base.iter().filter(|i| i.own).map(|i| i.axis).collect();
    assert_eq!(own, [Axis::People, Axis::Technical, Axis::People]);
}

#[test]
fn a_bank_without_levels_loads_and_validate_warns_and_strict_fails() {
    let dir = "tests/banks/valid/user-bank";
    let out = prep().args(["validate", dir]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let file = "tests/banks/valid/user-bank/sections/my-company.yaml";
    assert_eq!(
        stderr,
        format!(
            "{file}:5:9: warning: no levels: say what a strong answer adds for each role (tech-lead, em)\n\
             {file}:5:9: warning: no example: add `example:` with a short `weak:` answer and what the `strong:` one does differently\n"
        )
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("; 2 warnings"));

    let out = prep().args(["validate", "--strict", dir]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("; 2 warnings (--strict)\n"));

    let out = prep()
        .args(["validate", "--strict", COMPLETE])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn a_tag_spelt_unlike_the_vocabulary_is_a_warning_at_the_tag() {
    let out = prep()
        .args(["validate", "tests/banks/levels/tags", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let w = v["warnings"].as_array().unwrap();
    let lines: Vec<String> = w
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}",
                d["line"],
                d["column"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    let builtin = bank::load_builtin();
    let stakeholders = &builtin
        .tags
        .iter()
        .find(|t| t.id == "stakeholders")
        .unwrap()
        .origin;
    assert_eq!(
        lines,
        [
            "13:12: tg-spelling: tag `prioritisation` differs from the known tag `prioritization` only by spelling or plural; write `prioritization`".to_string(),
            format!("13:28: tg-spelling: tag `stakeholder-management` is an alias of `stakeholders` in the tag vocabulary ({stakeholders}); write `stakeholders`"),
        ]
    );
}

#[test]
fn the_built_in_vocabulary_lists_american_plural_tags_with_their_aliases() {
    let b = bank::load_builtin();
    assert!(b.tags.len() > 400);
    let tag = |id: &str| b.tags.iter().find(|t| t.id == id);
    assert!(tag("prioritization").is_some() && tag("prioritisation").is_none());
    assert!(
        tag("stakeholders")
            .unwrap()
            .aliases
            .iter()
            .any(|a| a == "stakeholder-management")
    );
    for t in &b.tags {
        assert_eq!(bank::tag_key(&t.id), bank::tag_key(&t.id.to_lowercase()));
        for other in &b.tags {
            if t.id != other.id {
                assert_ne!(
                    bank::tag_key(&t.id),
                    bank::tag_key(&other.id),
                    "{} / {}",
                    t.id,
                    other.id
                );
            }
        }
    }
}

#[test]
fn prep_show_with_a_role_prints_that_levels_bar_check_and_time() {
    let builtin = bank::load_builtin();
    let q = builtin.question("est-feed-cache-memory").unwrap();
    let staff = q.level(Role::Staff).unwrap();
    let out = prep()
        .args(["show", "est-feed-cache-memory", "--role", "staff"])
        .env("COLUMNS", "400")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("At staff engineer level"), "{text}");
    assert!(
        text.contains(
            staff
                .bar
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ")
                .as_str()
        )
    );
    assert!(text.contains("[staff engineer check]"));
    assert!(text.contains("· 5m ·"));
    assert!(!text.contains("By level"));

    let out = prep()
        .args([
            "show",
            "est-feed-cache-memory",
            "--role",
            "staff",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["level"]["role"], "staff");
    assert_eq!(v["level"]["bar"], staff.bar.as_ref());
    assert_eq!(v["time_secs"], 300);
    assert_eq!(v["levels"].as_array().unwrap().len(), 2);
    assert!(v["example"]["weak"].as_str().unwrap().len() > 20);

    let out = prep()
        .args(["show", "est-feed-cache-memory", "--role", "cto"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("expected one of tech-lead, staff, em, director")
    );
}
