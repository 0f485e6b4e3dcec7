//! Commands that tell the truth: one exit rule for "nothing matches", validate saying where the
//! rubrics came from, and YAML problems said in the bank's terms.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::process::Command;

fn prep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap()
}

#[test]
fn nothing_matching_is_exit_1_for_list_drill_and_search_alike() {
    for args in [
        &["list", "--tag", "zzz"][..],
        &["list", "--tag", "zzz", "--format", "json"],
        &["drill", "--tag", "zzz"],
        &["search", "zzzzqqqq"],
    ] {
        let o = prep(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
    }
    let json = prep(&["list", "--tag", "zzz", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
}

#[test]
fn validate_says_when_the_rubrics_are_the_built_in_ones() {
    let o = prep(&["validate", "tests/banks/valid/user-bank"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("1 rubric of the built-in bank"), "{text}");
    let o = prep(&["validate", "tests/banks/valid/own-rubric"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains(", 1 rubric, "), "{text}");
}

#[test]
fn yaml_problems_are_said_in_the_bank_s_terms() {
    let dir = tempfile::tempdir().unwrap();
    let sections = dir.path().join("sections");
    std::fs::create_dir(&sections).unwrap();
    let head = "id: a\ntitle: A\nquestions:\n  - id: a-1\n    kind: behavioral\n    time: 90s\n    rubric: star\n";
    let many = vec!["*s"; 60_000].join(",");
    for (body, want) in [
        (format!("{head}    prompt:\n"), "this field is empty"),
        (
            format!("{head}    prompt: !!binary //79\n"),
            "a `!!binary` value that is not text",
        ),
        (
            format!("{head}    prompt: p\n---\nid: b\n"),
            "a second YAML document",
        ),
        (
            format!("summary: &s x\n{head}    prompt: p\n    probes: [{many}]\n"),
            "uses aliases (`*name`) too many times",
        ),
    ] {
        std::fs::write(sections.join("a.yaml"), &body).unwrap();
        let o = prep(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{want:?} not in {err}");
        for rust in ["Option<", "from_str", "ignore_binary", "Aliases {"] {
            assert!(!err.contains(rust), "{err}");
        }
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_same_commands_as_help() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = prep(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&o.stdout);
        for cmd in ["validate", "history", "stories"] {
            assert!(text.contains(cmd), "{shell} completions lack {cmd}");
        }
    }
    let man = prep(&["man"]);
    assert!(man.status.success());
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(
        text.starts_with(".ie") || text.contains(".TH prep"),
        "{}",
        &text[..200.min(text.len())]
    );
    assert!(text.contains("validate"));
    assert_eq!(prep(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn history_of_an_unknown_question_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let o = prep(&[
        "history",
        "no-such-question",
        "--data-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no question `no-such-question`"));
    let o = prep(&[
        "history",
        "sd-url-shortener",
        "--data-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("No attempts at sd-url-shortener yet"));
}
