//! Bank fixtures: every valid folder loads; every invalid folder gives exactly the messages in its
//! `expected.txt`, from the library and from `prep validate` as a process (exit 1).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{self, BankSource};
use std::path::{Path, PathBuf};
use std::process::Command;

fn prep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_prep"));
    c.env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env_remove("NO_COLOR");
    c
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(Path::new("tests/banks").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    dirs
}

/// `expected.txt` with `{question:ID}` / `{rubric:ID}` replaced by where the built-in bank defines them.
fn expected(dir: &Path) -> String {
    let mut text = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let builtin = bank::load_builtin();
    for q in &builtin.questions {
        text = text.replace(&format!("{{question:{}}}", q.id), &q.origin.to_string());
    }
    for r in &builtin.rubrics {
        text = text.replace(&format!("{{rubric:{}}}", r.id), &r.origin.to_string());
    }
    text
}

#[test]
fn every_invalid_fixture_reports_its_exact_messages() {
    for dir in fixtures("invalid") {
        let want = expected(&dir);
        let err =
            bank::validate_paths(std::slice::from_ref(&dir)).expect_err(&dir.display().to_string());
        let got: Vec<String> = err.0.iter().map(|d| d.to_string()).collect();
        let want_lines: Vec<&str> = want.lines().filter(|l| l.contains(": ")).collect();
        assert_eq!(got, want_lines, "library messages for {}", dir.display());

        let out = prep().arg("validate").arg(&dir).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", dir.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            want,
            "stderr of prep validate {}",
            dir.display()
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn every_message_names_a_file_inside_the_fixture_and_a_line() {
    for dir in fixtures("invalid") {
        let err = bank::validate_paths(std::slice::from_ref(&dir)).unwrap_err();
        for d in err.0 {
            assert!(d.file.starts_with(&dir.display().to_string()), "{d}");
            assert!(d.line >= 1 && d.column >= 1);
        }
    }
}

#[test]
fn valid_fixtures_load_and_validate_clean() {
    for dir in fixtures("valid") {
        let out = prep().arg("validate").arg(&dir).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("ok: 1 question in 1 section"),
            "{stdout}"
        );
        let merged = bank::load(&[BankSource::Builtin, BankSource::Dir(dir.clone())]).unwrap();
        assert!(merged.questions.len() > 1);
    }
}

#[test]
fn byte_order_mark_and_wide_text_are_accepted() {
    let b = bank::validate_paths(&[PathBuf::from("tests/banks/valid/own-rubric")]).unwrap();
    let q = b.question("pitch-platform").unwrap();
    assert_eq!(q.time, 120);
    assert!(q.prompt.contains("予算 👩‍👩‍👧"));
    assert_eq!(b.section("pitch").unwrap().title, "技術ピッチ 🚀");
}

#[test]
fn a_user_bank_reuses_built_in_rubrics() {
    let b = bank::load(&[
        BankSource::Builtin,
        BankSource::Dir("tests/banks/valid/user-bank".into()),
    ])
    .unwrap();
    let q = b.question("mc-launch").unwrap();
    assert_eq!(
        b.rubric(&q.rubric).unwrap().title,
        "Behavioral story (STAR)"
    );
    assert!(b.guide("my-notes").is_some());
}

#[test]
fn problems_in_several_folders_are_all_reported() {
    let dirs = [
        PathBuf::from("tests/banks/invalid/time-limits"),
        PathBuf::from("tests/banks/invalid/bad-words"),
    ];
    let err = bank::validate_paths(&dirs).unwrap_err();
    assert_eq!(err.0.len(), 6);
    let out = prep().arg("validate").args(&dirs).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("6 problems in 2 files\n"));
}

#[test]
fn every_command_refuses_a_broken_bank_with_the_same_messages() {
    let dir = "tests/banks/invalid/clash-with-builtin";
    let want = expected(Path::new(dir));
    let first = want.lines().next().unwrap();
    for args in [
        vec!["list"],
        vec!["show", "sd-url-shortener"],
        vec!["search", "url"],
    ] {
        let out = prep().args(["--bank", dir]).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(first), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_oversize_file_is_refused_without_being_parsed() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("sections")).unwrap();
    let big = tmp.path().join("sections/big.yaml");
    std::fs::write(&big, "# padding\n".repeat(900_000)).unwrap();
    let out = prep().arg("validate").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.yaml:1:1: file is 8.6 MiB; the limit is 8 MiB"),
        "{stderr}"
    );
}

#[test]
fn a_missing_bank_folder_is_named() {
    let out = prep()
        .args(["--bank", "/no/such/bank", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("/no/such/bank:1:1: cannot read bank: no such folder")
    );
}

#[test]
fn the_built_in_bank_validates() {
    let out = prep().args(["validate", "content"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!bank::load_builtin().questions.is_empty());
}
