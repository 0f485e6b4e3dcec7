//! `prep plan` as a script runs it: set, show (text and JSON), tick, and the mistakes it refuses
//! without touching the user's file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn prep(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_plan_is_set_shown_and_ticked_and_bad_input_leaves_the_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let out = prep(data, &["plan"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("no plan yet; `prep plan set --date YYYY-MM-DD --role ROLE"));

    let out = prep(
        data,
        &[
            "plan",
            "set",
            "--date",
            "2099-03-01",
            "--role",
            "em",
            "--loop",
            "google",
            "--minutes",
            "60",
        ],
    );
    assert!(out.status.success(), "{}", err(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Google-style loop in "), "{text}");
    assert!(
        text.contains("Google-style loop on 2099-03-01 · 60 minutes a day"),
        "{text}"
    );
    let saved = std::fs::read_to_string(data.join("plan.yaml")).unwrap();
    assert!(
        saved.contains("date: 2099-03-01\nrole: em\nloop: google\nminutes: 60\n"),
        "{saved}"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&prep(data, &["plan", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["loop_id"], "google");
    assert_eq!(json["days"][0]["status"], "due");
    assert_eq!(
        json["days"].as_array().unwrap().last().unwrap()["status"],
        "interview"
    );

    let out = prep(data, &["plan", "tick", "your-two-minute-narrative"]);
    assert!(out.status.success(), "{}", err(&out));
    assert!(
        std::fs::read_to_string(data.join("plan.yaml"))
            .unwrap()
            .contains("  - your-two-minute-narrative\n")
    );
    let out = prep(data, &["plan", "tick", "no-such-item"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err(&out)
            .contains("no checklist item `no-such-item`; the items are: three-or-four-flexible")
    );

    // Refused: an unknown loop, a day in the past.
    let before = std::fs::read_to_string(data.join("plan.yaml")).unwrap();
    let out = prep(
        data,
        &[
            "plan",
            "set",
            "--date",
            "2099-03-01",
            "--role",
            "em",
            "--loop",
            "netflix",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("no loop `netflix`; the loops are: tech-lead, staff"));
    let out = prep(
        data,
        &["plan", "set", "--date", "2001-01-01", "--role", "em"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("2001-01-01 is in the past"));
    assert_eq!(
        std::fs::read_to_string(data.join("plan.yaml")).unwrap(),
        before
    );

    // A broken plan file is reported with its line and kept, even by `plan set`.
    let broken = "date: 2099-03-01\nrole: em\nminutes: lots\n";
    std::fs::write(data.join("plan.yaml"), broken).unwrap();
    for args in [
        &["plan"][..],
        &["plan", "set", "--date", "2099-03-02", "--role", "staff"][..],
    ] {
        let out = prep(data, args);
        assert_eq!(out.status.code(), Some(1));
        let e = err(&out);
        assert!(
            e.contains("plan.yaml:3:10: minutes `lots` is not a number of minutes from 5 to 600"),
            "{e}"
        );
        assert!(e.contains("kept as it is"), "{e}");
        assert_eq!(
            std::fs::read_to_string(data.join("plan.yaml")).unwrap(),
            broken
        );
    }
}
