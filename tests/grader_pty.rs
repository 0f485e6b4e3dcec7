//! The second opinion through the real event loop (harness: tests/common/pty.rs): a fake grader
//! configured in config.toml reports on the rubric while grading goes on, and a grader that hangs
//! is stopped when prep quits, leaving no process behind.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::Session;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// A data folder whose config names `dir/grader` (with `body`) as the grader command.
fn with_grader(body: &'static str) -> impl FnOnce(&Path) {
    move |dir: &Path| {
        let script = dir.join("grader");
        std::fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir_all(dir.join("config")).unwrap();
        std::fs::write(
            dir.join("config").join("config.toml"),
            format!("[grader]\ncommand = \"{} {{txt}}\"\n", script.display()),
        )
        .unwrap();
    }
}

const DRILL: &[&str] = &["drill", "--section", "conflict", "--time", "10s"];

#[test]
fn the_graders_summary_arrives_on_the_rubric_while_grading_goes_on() {
    let mut s = Session::start_in(
        DRILL,
        &[],
        (40, 120),
        with_grader(
            "cat > /dev/null\necho '{\"items\": {\"situation\": {\"met\": true, \"why\": \"two sentences\"}}, \"summary\": \"Short and clear.\"}'",
        ),
    );
    s.wait_text(&[" left"]);
    s.send("\r");
    s.wait_text(&[
        "Grade honestly",
        "Second opinion in: 1 of 1 marked met",
        "Short and clear.",
    ]);
    s.send("s");
    s.wait_for("saved", |scr| !scr.contains("Grade honestly"));
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "{}", s.screen());
    let log = std::fs::read_to_string(s.data_dir().join("attempts.jsonl")).unwrap();
    let r: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(r["second_opinion"]["summary"], "Short and clear.", "{r}");
    assert_eq!(
        r["checked"],
        serde_json::json!([]),
        "the grader never ticks"
    );
}

#[test]
fn quitting_while_the_grader_hangs_stops_it() {
    let mut s = Session::start_in(
        DRILL,
        &[],
        (40, 120),
        with_grader("echo $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 60"),
    );
    s.wait_text(&[" left"]);
    s.send("\r");
    let pid_file = s.data_dir().join("pid");
    s.wait_for("the grader to start", |scr| {
        scr.contains("Asking ")
            && std::fs::read_to_string(&pid_file).is_ok_and(|p| p.ends_with('\n'))
    });
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    assert!(Path::new(&format!("/proc/{}", pid.trim())).exists());
    // The grading is unsaved: the first Ctrl-C asks, the second quits.
    s.send("\x03");
    s.wait_text(&["Ctrl-C again"]);
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "{}", s.screen());
    assert!(
        !Path::new(&format!("/proc/{}", pid.trim())).exists(),
        "the grader {pid} outlived prep"
    );
}
