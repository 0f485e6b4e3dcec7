//! `prep debrief` as a script would run it: the questions matched to the bank or written as
//! drafts that `prep validate` accepts, the debrief listed, exported, and taken in by the plan.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn prep(cfg: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .env("PREP_CONFIG_DIR", cfg)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_debrief_matches_what_it_can_drafts_the_rest_and_feeds_the_plan_and_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (cfg, data) = (tmp.path().join("cfg"), tmp.path().join("data"));
    let out = prep(
        &cfg,
        &data,
        &[
            "debrief",
            "--date",
            "2026-11-30",
            "--company",
            "Acme",
            "--round",
            "bar raiser",
            "--question",
            "Tell me about a time you disagreed with your manager",
            "--question",
            "How would you price a cloud product for startups?",
            "--technical",
            "4",
            "--people",
            "2",
            "--fix",
            "shorter situations",
        ],
    );
    let said = stdout(&out);
    assert!(
        said.contains("is con-disagree-manager in the bank"),
        "{said}"
    );
    assert!(
        said.contains("written as draft question draft-how-would-you-price-a"),
        "{said}"
    );
    // The draft is a valid question of the user bank, and prep loads it.
    let bank = cfg.join("bank");
    let v = stdout(&prep(&cfg, &data, &["validate"]));
    assert!(v.starts_with("ok:"), "{v}");
    let v = stdout(&prep(&cfg, &data, &["validate", bank.to_str().unwrap()]));
    assert!(v.contains("1 question in 1 section"), "{v}");
    assert!(
        stdout(&prep(&cfg, &data, &["show", "draft-how-would-you-price-a"]))
            .contains("price a cloud product")
    );
    let list = stdout(&prep(&cfg, &data, &["debrief", "list"]));
    assert!(
        list.contains("2026-11-30  Acme · bar raiser · technical 4/5 · people 2/5"),
        "{list}"
    );
    let md = stdout(&prep(&cfg, &data, &["export"]));
    assert!(
        md.contains("## Real interviews") && md.contains("To fix: shorter situations"),
        "{md}"
    );
    // The weak list and the plan take it in.
    let review = stdout(&prep(&cfg, &data, &["review"]));
    assert!(
        review.contains("From your debriefs, answer again: con-disagree-manager"),
        "{review}"
    );
    // The plan puts the debrief's questions first today.
    stdout(&prep(
        &cfg,
        &data,
        &["plan", "set", "--date", "2099-01-01", "--role", "staff"],
    ));
    let plan = stdout(&prep(&cfg, &data, &["plan"]));
    assert!(
        plan.contains(
            "answer again from a debrief: con-disagree-manager, draft-how-would-you-price-a"
        ),
        "{plan}"
    );
}

#[test]
fn a_bad_rating_or_date_saves_nothing_and_says_what_was_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let (cfg, data) = (tmp.path().join("cfg"), tmp.path().join("data"));
    let out = prep(
        &cfg,
        &data,
        &["debrief", "--company", "Acme", "--people", "7"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("how the people side went is `7`; rate it from 1 (badly) to 5"),
        "{err}"
    );
    let out = prep(
        &cfg,
        &data,
        &["debrief", "--company", "Acme", "--date", "30/11/2026"],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("date `30/11/2026` is not a date like 2026-12-15")
    );
    assert!(!data.join("debriefs.jsonl").exists());
    assert!(!cfg.join("bank").exists());
}
