//! Faults around prep, as a user meets them: a full disk or a closed pipe on stdout, SIGQUIT and
//! the other fatal signals in the app, `ulimit -f` mid-export, SIGTERM while `$EDITOR` is open.
//! Each ends in a message and an exit code, never a panic, a broken terminal or a leftover child.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::{Session, assert_cursor_shown, assert_terminal_released, lock};
use std::os::unix::io::FromRawFd;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn prep() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_prep"));
    c.env("PREP_CONFIG_DIR", "/nonexistent-prep-config");
    c
}

fn to_dev_full(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    prep()
        .args(args)
        .env("PREP_DATA_DIR", dir.path())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn a_failed_write_to_stdout_is_a_message_and_exit_1() {
    for args in [
        &["list"][..],
        &["show", "sd-url-shortener"],
        &["--help"],
        &["--version"],
        &["export"],
        &["stats", "--format", "json"],
    ] {
        let o = to_dev_full(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "prep {args:?}: {err}");
        assert!(
            err.contains("prep: cannot write the output") && err.contains("No space left"),
            "prep {args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "prep {args:?}: {err}");
    }
}

/// stdout is a pipe whose reader is already gone (`prep ... | true`).
fn to_closed_pipe(args: &[&str], data: &std::path::Path) -> Output {
    let mut fds = [0; 2];
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    unsafe { libc::close(fds[0]) };
    let write_end = unsafe { std::fs::File::from_raw_fd(fds[1]) };
    prep()
        .args(args)
        .env("PREP_DATA_DIR", data)
        .stdout(write_end)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_is_a_quiet_exit() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["stories", "new", "T", "--no-edit"][..],
        &["list"],
        &["show", "sd-url-shortener"],
        &["--help"],
    ] {
        let o = to_closed_pipe(args, dir.path());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "prep {args:?}: {err}");
        assert_eq!(err, "", "prep {args:?} said something");
    }
}

#[test]
fn sigquit_and_the_other_fatal_signals_restore_the_terminal() {
    for (sig, code) in [
        (libc::SIGQUIT, 131),
        (libc::SIGUSR1, 138),
        (libc::SIGALRM, 142),
    ] {
        let mut s = Session::start(&[]);
        s.wait_home();
        let mark = s.raw_len();
        unsafe { libc::kill(s.pid as libc::pid_t, sig) };
        assert_eq!(s.exit_code(), code, "signal {sig}");
        let raw = s.raw();
        let out = lock(&s.out);
        assert_terminal_released(&raw, mark, out.parser.screen());
        assert_cursor_shown(&raw, mark, out.parser.screen());
    }
}

/// A log big enough that its report passes a 4 KiB `ulimit -f`.
fn big_log(dir: &std::path::Path) {
    let mut log = String::new();
    for i in 0..200 {
        log.push_str(&format!(
            r#"{{"schema":1,"at":{},"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":90,"spoken":60,"overtime":0,"checked":[],"items":4,"score":50,"technical":50,"people":null,"notes":"{}"}}"#,
            1_795_262_400 + i * 60,
            "a note that takes some room ".repeat(4)
        ));
        log.push('\n');
    }
    std::fs::write(dir.join("attempts.jsonl"), log).unwrap();
}

#[test]
fn a_file_size_limit_fails_the_export_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    big_log(dir.path());
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 8 && exec '{}' export --format json --out report.json",
            env!("CARGO_BIN_EXE_prep")
        ))
        .current_dir(dir.path())
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env("PREP_DATA_DIR", dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(o.status.signal(), None, "killed by SIGXFSZ: {err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot save report.json"), "{err}");
    assert!(err.contains("size limit"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["attempts.jsonl"], "no report and no temp file");
}

fn gone(pid: i32) -> bool {
    let alive = unsafe { libc::kill(pid, 0) };
    alive != 0
}

#[test]
#[cfg(target_os = "linux")]
fn sigterm_or_sighup_while_the_editor_is_open_stops_the_editor_too() {
    for (sig, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let dir = tempfile::tempdir().unwrap();
        let editor = dir.path().join("editor.sh");
        let pid_file = dir.path().join("editor.pid");
        std::fs::write(
            &editor,
            format!(
                "#!/bin/sh\necho $$ > '{}'\nexec sleep 600\n",
                pid_file.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut child = prep()
            .args(["stories", "new", "A story"])
            .env("PREP_DATA_DIR", dir.path())
            .env("EDITOR", &editor)
            .env_remove("VISUAL")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let editor_pid: i32 = loop {
            if let Some(pid) = std::fs::read_to_string(&pid_file)
                .ok()
                .and_then(|t| t.trim().parse().ok())
            {
                break pid;
            }
            assert!(Instant::now() < deadline, "the editor never started");
            std::thread::sleep(Duration::from_millis(20));
        };
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "signal {sig}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !gone(editor_pid) {
            assert!(
                Instant::now() < deadline,
                "the editor (pid {editor_pid}) is still running after prep ended"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `attempts.jsonl` as a FIFO or a link to `/dev/zero`: refused at once with a message, never
/// read without end or waited on.
#[test]
#[cfg(target_os = "linux")]
fn an_attempt_log_that_is_not_a_regular_file_is_refused_at_once() {
    for kind in ["fifo", "zero"] {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("attempts.jsonl");
        if kind == "fifo" {
            let c = std::ffi::CString::new(log.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        } else {
            std::os::unix::fs::symlink("/dev/zero", &log).unwrap();
        }
        let mut child = prep()
            .args(["stats"])
            .env("PREP_DATA_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("prep stats on a {kind} log did not finish");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{kind}: {err}");
        let what = if kind == "fifo" {
            "a named pipe"
        } else {
            "a device"
        };
        assert!(
            err.contains(&format!(
                "attempts.jsonl: not a regular file (it is {what})"
            )),
            "{kind}: {err}"
        );
    }
}
