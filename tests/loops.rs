//! Loop fixtures: every folder under `tests/loops/invalid` gives exactly the messages in its
//! `expected.txt` from `prep validate` (exit 1); every one under `tests/loops/valid` passes, and
//! `prep mock --loop` refuses a loop nobody defined, naming the ones there are.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

fn prep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_prep"));
    c.env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env_remove("NO_COLOR");
    c
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(Path::new("tests/loops").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    dirs
}

#[test]
fn every_invalid_loop_fixture_reports_its_exact_messages() {
    for dir in fixtures("invalid") {
        let want = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
        let out = prep().arg("validate").arg(&dir).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", dir.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            want,
            "{}",
            dir.display()
        );
        // The file alone gives the same problems.
        let file = dir.join("loops.yaml");
        let out = prep().arg("validate").arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", file.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            want,
            "{}",
            file.display()
        );
    }
}

#[test]
fn valid_loop_folders_pass_and_their_loops_can_be_started() {
    for dir in fixtures("valid") {
        let out = prep().arg("validate").arg(&dir).output().unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = prep()
        .arg("validate")
        .arg("tests/loops/valid/adds-and-overrides")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains(", 2 loops (tests/loops/valid/adds-and-overrides)")
    );
    // A loop of a user bank is known to `prep mock --loop` (it only fails here for want of a
    // terminal, after the loop was found).
    let dir = Path::new("tests/loops/valid/with-own-questions");
    let out = prep()
        .args(["mock", "--loop", "ours", "--bank"])
        .arg(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn an_unknown_loop_is_refused_with_the_list_of_loops() {
    let out = prep().args(["mock", "--loop", "netflix"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "prep: no loop `netflix`; the loops are: tech-lead, staff, em, director, amazon, google, meta, startup-cto"
    );
}

#[test]
fn a_broken_user_loops_file_stops_the_mock_with_its_line() {
    let dir = Path::new("tests/loops/invalid/unknown-section");
    let out = prep().args(["mock", "--bank"]).arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("loops.yaml:7:9: loop `my-loop`: unknown section `war-stories`"),
        "{err}"
    );
}
