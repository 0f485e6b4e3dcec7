//! `prep history ID --delete ATTEMPT_ID`: the attempt leaves history and stats; the log keeps a
//! record of the deletion; an unknown attempt id is said and exits 1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::process::Command;

fn prep(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap()
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn attempts_in_stats(dir: &std::path::Path) -> u64 {
    let o = prep(dir, &["stats", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["attempts"].as_u64().unwrap()
}

#[test]
fn a_deleted_attempt_leaves_history_and_stats() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = String::new();
    for (at, score) in [(1795262400, 40), (1795348800, 80)] {
        log.push_str(&format!(
            r#"{{"schema":1,"id":"{at}-0000abcd","at":{at},"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":90,"spoken":60,"overtime":0,"checked":[],"items":4,"score":{score},"technical":{score},"people":null}}"#
        ));
        log.push('\n');
    }
    std::fs::write(dir.path().join("attempts.jsonl"), log).unwrap();
    let before = out(&prep(dir.path(), &["history", "sd-url-shortener"]));
    assert!(before.contains("id 1795348800-0000abcd"), "{before}");
    assert!(before.contains("id 1795262400-0000abcd"), "{before}");
    assert_eq!(attempts_in_stats(dir.path()), 2);

    let o = prep(
        dir.path(),
        &[
            "history",
            "sd-url-shortener",
            "--delete",
            "1795348800-0000abcd",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out(&o).contains("Deleted the attempt at sd-url-shortener"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("score 80"), "{}", out(&o));

    let after = out(&prep(dir.path(), &["history", "sd-url-shortener"]));
    assert!(after.contains("1 attempts"), "{after}");
    assert!(!after.contains("1795348800-0000abcd"), "{after}");
    assert_eq!(attempts_in_stats(dir.path()), 1);

    let o = prep(
        dir.path(),
        &[
            "history",
            "sd-url-shortener",
            "--delete",
            "1795348800-0000abcd",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no attempt `1795348800-0000abcd`"), "{err}");
}
