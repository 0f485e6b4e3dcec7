//! A short mock loop end to end, the real binary in a pseudo-terminal (the harness is in
//! tests/common/pty.rs): `prep mock --preset tech-lead --time 10s`, each answer ended with Enter,
//! each graded and saved, the report on screen; then the log holds one record per question, all
//! tagged with the mock's id, and `prep mock --report` prints the same mock again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::Session;
use std::process::Command;

/// Questions in the tech-lead preset.
const QUESTIONS: usize = 6;

fn ticked(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("[x]")).count()
}

/// `mock-<digits>` as the report screen's title shows it.
fn mock_id_on(screen: &str) -> String {
    let at = screen.find("mock-").expect("a mock id on screen");
    screen[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

#[test]
fn a_short_mock_loop_answered_graded_saved_and_reported() {
    let mut s = Session::start(&["mock", "--preset", "tech-lead", "--time", "10s"]);
    for i in 1..=QUESTIONS {
        let banner = format!("question {i} of {QUESTIONS}");
        if i > 1 {
            // After the first, each question waits for a key before its clock starts.
            s.wait_text(&[&banner, "Ready? space starts the"]);
            s.send(" ");
        }
        let screen = s.wait_text(&["Mock loop · Tech lead", &banner, " left"]);
        assert!(
            !screen.contains("Compare: what a strong answer covers"),
            "no talking points between answers: {screen}"
        );
        s.send("\r");
    }
    for i in 1..=QUESTIONS {
        let banner = format!("grading answer {i} of {QUESTIONS}");
        s.wait_for(&banner, |scr| scr.contains(&banner) && ticked(scr) == 0);
        s.send("1");
        s.wait_for("item 1 ticked", |scr| {
            scr.contains(&banner) && ticked(scr) == 1
        });
        s.send("s");
    }
    let report = s.wait_text(&[
        "Mock loop report · Tech lead",
        "Technical judgement",
        "People leadership",
        "Saved 6 of 6",
    ]);
    // The rest of the report is further down when the questions drawn make the table too wide
    // for the screen (their rows then stack as "Header: value" lines): scroll to each part.
    for part in ["Weakest rubric items", "What to drill next"] {
        let mut screen = s.screen();
        while !screen.contains(part) {
            s.send("\x04");
            let before = screen.clone();
            screen = s.wait_for(&format!("the report to scroll on to {part:?}"), |scr| {
                scr != before
            });
        }
    }
    let id = mock_id_on(&report);
    assert!(id.len() > "mock-".len(), "{report}");
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "the screen:\n{}", s.screen());

    let log = std::fs::read_to_string(s.data_dir().join("attempts.jsonl")).expect("attempts.jsonl");
    let records: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect();
    assert_eq!(records.len(), QUESTIONS, "one record per question: {log}");
    for r in &records {
        assert_eq!(r["mock"], id.as_str(), "{r}");
        assert_eq!(r["time_limit"], 10, "{r}");
        assert_eq!(r["checked"].as_array().map(Vec::len), Some(1), "{r}");
    }
    let kinds: Vec<&str> = records.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "system-design").count(), 1);
    assert_eq!(records[5]["section"], "curveballs");

    // The same mock, reported again from the log.
    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["mock", "--report", "--format", "json"])
        .env("PREP_DATA_DIR", s.data_dir())
        .env("PREP_CONFIG_DIR", s.data_dir().join("config"))
        .output()
        .expect("run prep mock --report");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(r["id"], id.as_str());
    assert_eq!(r["questions"].as_array().map(Vec::len), Some(QUESTIONS));
}
