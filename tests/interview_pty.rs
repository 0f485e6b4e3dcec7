//! Interviewer mode end to end, the real binary in a pseudo-terminal (harness: tests/common/pty.rs):
//! the peer ticks two items live and saves (`grader: "peer"`), the candidate grades the same
//! answer blind (none of the peer's ticks on screen) with three items, both grades are shown side
//! by side, and `prep stats --format json` reports the calibration the two grades imply.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::Session;
use std::process::Command;

fn ticked(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("[x]")).count()
}

#[test]
fn a_peer_ticks_live_then_the_candidate_grades_blind_and_calibration_follows() {
    let mut s = Session::start(&["interview", "con-lost-argument", "--peer", "Sam"]);
    s.wait_text(&["Interviewer · Sam is asking", "Read this out:", "Tick live"]);
    s.send("1");
    s.wait_for("one tick", |scr| ticked(scr) == 1);
    s.send("3");
    s.wait_for("two ticks", |scr| ticked(scr) == 2);
    s.send("f");
    s.wait_text(&["Follow-up 1 asked"]);
    s.send("\r");
    // The candidate's own rubric: nothing of the peer's shows.
    let blind = s.wait_text(&["Peer grade saved", "Grade honestly"]);
    assert_eq!(ticked(&blind), 0, "the peer's ticks are hidden: {blind}");
    for key in ["1", "2", "3"] {
        s.send(key);
    }
    s.wait_for("three ticks", |scr| ticked(scr) == 3);
    s.send("s");
    let compare = s.wait_text(&["Sam and you on con-lost-argument", "1 item differs", "≠"]);
    assert!(compare.contains("Sam "), "{compare}");
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "the screen:\n{}", s.screen());

    let log = std::fs::read_to_string(s.data_dir().join("attempts.jsonl")).unwrap();
    let records: Vec<serde_json::Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{log}");
    let (peer, mine) = (&records[0], &records[1]);
    assert_eq!(peer["grader"], "peer");
    assert_eq!(peer["grader_name"], "Sam");
    assert_eq!(peer["checked"], serde_json::json!(["situation", "action"]));
    assert_eq!(mine["regrade_of"], peer["id"]);
    assert!(mine.get("grader").is_none(), "{mine}");
    assert_eq!(
        mine["checked"],
        serde_json::json!(["situation", "task", "action"])
    );

    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["stats", "--format", "json"])
        .env("PREP_DATA_DIR", s.data_dir())
        .env("PREP_CONFIG_DIR", s.data_dir().join("config"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let st: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(st["attempts"], 1, "one answer, graded twice, counts once");
    assert_eq!(
        st["average"], 35.7,
        "by the peer's grade, the trusted one: 5 of 14"
    );
    let c = &st["calibration"]["vs_peer"];
    assert_eq!(c["answers"], 1, "{c}");
    // The candidate ticked "task" (people, weight 1) that the peer did not: people weighs 12 on
    // this question, so 1 of 12 = 8.3 points above the peer; technical weighs 2, too little.
    assert_eq!(c["people"], 8.3, "{c}");
    assert_eq!(c["technical"], serde_json::Value::Null, "{c}");
    assert_eq!(c["overall"], 7.1, "1 of 14: {c}");
    assert_eq!(c["trend"][0]["question"], "con-lost-argument");
    assert_eq!(st["calibration"]["vs_replay"]["answers"], 0);
}
