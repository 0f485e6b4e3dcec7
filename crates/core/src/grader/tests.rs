//! Fake graders: small shell scripts written into a temp folder, one per way a grader can behave.

use super::*;
use crate::bank::load_builtin;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn request() -> Request {
    let bank = load_builtin();
    let q = bank.question("sd-url-shortener").unwrap();
    Request::new(&bank, q, "hashing, then a cache in front", false, (84, 90))
}

fn grade(template: &str, limit: Duration) -> Outcome {
    run(template, &request(), None, limit, Box::new(|| {}))
        .wait()
        .expect("an outcome")
}

fn alive(pid: &str) -> bool {
    // A killed process no one has reaped yet is a zombie ("Z"): it no longer runs.
    std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
    })
}

/// Whether `pid` is gone within a few seconds (a signal takes a moment to land).
fn ends(pid: &str) -> bool {
    let until = std::time::Instant::now() + Duration::from_secs(5);
    while alive(pid) {
        if std::time::Instant::now() > until {
            return false;
        }
        std::thread::yield_now();
    }
    true
}

#[test]
fn a_good_grader_reads_the_request_and_its_marks_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let seen = dir.path().join("seen.json");
    let text = dir.path().join("text.txt");
    let body = format!(
        "cat > {seen}\ncat \"$1\" > {text}\nprintf '%s' \"$2\" > {text}.prompt\n\
         echo '{{\"items\": {{\"requirements\": {{\"met\": true, \"why\": \"asked about scale\"}}, \"failure\": {{\"met\": false}}}}, \"summary\": \"Solid start.\"}}'",
        seen = seen.display(),
        text = text.display()
    );
    let g = script(dir.path(), "good", &body);
    let opinion = grade(&format!("{} {{txt}} {{prompt}}", g.display()), TIME_LIMIT).unwrap();
    assert_eq!(opinion.summary, "Solid start.");
    assert!(opinion.items["requirements"].met);
    assert_eq!(opinion.items["requirements"].why, "asked about scale");
    assert!(!opinion.items["failure"].met);
    let sent: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&seen).unwrap()).unwrap();
    assert_eq!(sent["question"]["id"], "sd-url-shortener");
    assert_eq!(sent["checklist"][0]["key"], "requirements");
    assert_eq!(sent["checklist"][0]["axis"], "technical");
    assert_eq!(sent["answer"]["source"], "notes");
    assert_eq!(sent["answer"]["spoken_secs"], 84);
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "hashing, then a cache in front"
    );
    let prompt = std::fs::read_to_string(dir.path().join("text.txt.prompt")).unwrap();
    assert_eq!(
        prompt,
        request().question.prompt,
        "{{prompt}} is one argument"
    );
}

#[test]
fn output_that_is_not_json_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let g = script(
        dir.path(),
        "chatty",
        "cat > /dev/null\necho 'Sure! Here is my grade:'",
    );
    let e = grade(&g.display().to_string(), TIME_LIMIT).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, GraderError::Malformed { .. }), "{msg}");
    assert!(msg.contains("not the JSON prep expects"), "{msg}");
    assert!(msg.ends_with("it began: Sure! Here is my grade:"), "{msg}");
}

#[test]
fn a_mark_on_an_item_the_checklist_lacks_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let g = script(
        dir.path(),
        "confused",
        "cat > /dev/null\necho '{\"items\": {\"empathy\": {\"met\": true}}, \"summary\": \"\"}'",
    );
    let msg = grade(&g.display().to_string(), TIME_LIMIT)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("marked \"empathy\", which is not an item of this checklist"),
        "{msg}"
    );
    assert!(msg.contains("requirements, trade-offs"), "{msg}");
}

#[test]
fn a_grader_that_hangs_is_stopped_at_the_limit_and_leaves_no_process() {
    let dir = tempfile::tempdir().unwrap();
    let pid = dir.path().join("pid");
    let g = script(
        dir.path(),
        "hang",
        &format!("echo $$ > {}\nexec sleep 30", pid.display()),
    );
    let msg = grade(&g.display().to_string(), Duration::from_millis(300))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("gave no answer within 1 s and was stopped"),
        "{msg}"
    );
    let pid = std::fs::read_to_string(pid).unwrap();
    assert!(!alive(&pid), "the grader {pid} is still running");
}

#[test]
fn a_grader_that_fails_says_how_with_its_last_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = script(
        dir.path(),
        "fail",
        "cat > /dev/null\necho 'loading…' >&2\necho 'model not found: llama3' >&2\nexit 3",
    );
    let msg = grade(&g.display().to_string(), TIME_LIMIT)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("failed (exit status: 3): model not found: llama3"),
        "{msg}"
    );
}

#[test]
fn a_missing_program_or_an_empty_command_is_named() {
    let msg = grade("no-such-grader-here {txt}", TIME_LIMIT)
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        "cannot start the grader `no-such-grader-here`: no such program (is it on PATH?)"
    );
    assert_eq!(grade("   ", TIME_LIMIT).unwrap_err(), GraderError::Empty);
}

#[test]
fn dropping_the_job_stops_the_grader() {
    let dir = tempfile::tempdir().unwrap();
    let pid = dir.path().join("pid");
    let g = script(
        dir.path(),
        "slow",
        &format!("echo $$ > {}\nexec sleep 30", pid.display()),
    );
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let job = run(
        &g.display().to_string(),
        &request(),
        None,
        TIME_LIMIT,
        Box::new(move || {
            let _ = tx.send(());
        }),
    );
    // Wait for the script to have started (its pid file written), then drop the job.
    while std::fs::read_to_string(&pid).map_or(true, |p| p.trim().is_empty()) {
        std::thread::yield_now();
    }
    drop(job);
    let pid = std::fs::read_to_string(&pid).unwrap();
    assert!(!alive(&pid), "the grader {pid} outlived its job");
    assert!(rx.try_recv().is_err(), "a stopped grader reports nothing");
}

#[test]
fn what_a_grader_starts_does_not_outlive_it() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join("left");
    let hung = dir.path().join("hung");
    // One grader answers (badly) and leaves a process behind holding its output open; the
    // other starts one and hangs.
    let g = script(
        dir.path(),
        "leaves",
        &format!(
            "cat > /dev/null\nsleep 30 &\necho $! > {}\necho 'no json'",
            left.display()
        ),
    );
    let e = grade(&g.display().to_string(), TIME_LIMIT).unwrap_err();
    assert!(matches!(e, GraderError::Malformed { .. }), "{e}");
    let pid = std::fs::read_to_string(&left).unwrap();
    assert!(
        ends(&pid),
        "the grader's child {} is still running",
        pid.trim()
    );
    let g = script(
        dir.path(),
        "hangs",
        &format!(
            "echo $$ > {hung}.own\nsleep 30 &\necho $! > {hung}\nexec sleep 30",
            hung = hung.display()
        ),
    );
    grade(&g.display().to_string(), Duration::from_millis(300)).unwrap_err();
    let pid = std::fs::read_to_string(&hung).unwrap();
    assert!(
        ends(&pid),
        "the hung grader's child {} is still running",
        pid.trim()
    );
    // Counted among prep's children while it ran, so quitting would have stopped it.
    let own: u32 = std::fs::read_to_string(hung.with_extension("own"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(
        !crate::audio::process::running().contains(&own),
        "still tracked"
    );
}
