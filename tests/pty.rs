//! The real `prep` binary in a pseudo-terminal: keys go in as bytes, the output goes through a
//! vt100 parser (and is kept raw too), and every step waits for a screen state, never for a fixed
//! time. Covers a whole practice session, SIGTERM/SIGHUP/SIGINT, Ctrl-Z, resizing, `NO_COLOR` and
//! refusing to start without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::{
    COLS, LEAVE_ALT_SCREEN, ROWS, Session, TIMEOUT, assert_cursor_shown, assert_terminal_released,
    find, lock,
};
use portable_pty::CommandBuilder;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Set (to a pid file path) when this test binary is started as [`job_control_shell`].
const JOB_SHELL_ENV: &str = "PREP_PTY_TEST_JOB_SHELL";

/// Whitespace (including line ends) collapsed, for text that may wrap anywhere.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The screen lines that contain `needle`.
fn lines_with<'a>(screen: &'a str, needle: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(needle)).collect()
}

fn send_signal(name: &str, pid: u32) {
    let status = Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid} failed: {status}");
}

/// The process state letter from /proc/PID/stat (R, S, T, Z, ...), if the process is there.
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) S ...": the command name may hold spaces, so read after the last ')'.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

impl Session {
    /// prep under a minimal job-control shell (see [`job_control_shell`]), for Ctrl-Z.
    fn start_under_job_control() -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let pid_file = dir.path().join("prep.pid");
        let me = std::env::current_exe().expect("path of this test binary");
        let mut cmd = CommandBuilder::new(me);
        cmd.args([
            "job_control_shell",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ]);
        cmd.env(JOB_SHELL_ENV, &pid_file);
        Session::spawn(dir, cmd, &[], (ROWS, COLS), Some(pid_file))
    }
}

/// The whole session the issue describes: browse to a question, search for it, drill it against a
/// short clock into overtime, grade it, save, quit; then check the log and the terminal.
#[test]
fn browse_search_drill_grade_save_and_quit() {
    // `--time 10s` sets the limit of every drill in this session; leave the first one at once.
    let mut s = Session::start(&["drill", "--section", "system-design", "--time", "10s"]);
    s.wait_text(&["Drill 1/1", "System design", " left", "Enter grade"]);
    s.send("q");
    s.wait_text(&["Press q or Esc again to leave without grading"]);
    s.send("q");
    let home = s.wait_home();
    assert!(home.contains("0 practised"), "{home}");
    assert!(home.contains("Not practised yet"), "{home}");

    // Browse: Home lists sections (the guides, then your story, come first); Enter opens one,
    // Enter opens a question.
    s.send("jj");
    s.wait_for("System design selected on Home", |scr| {
        lines_with(scr, "System design")
            .iter()
            .any(|l| l.contains('›'))
    });
    s.send("\r");
    let list = s.wait_text(&[" System design ", " shown ", "Kind", "Prompt"]);
    assert!(
        lines_with(&list, "›")
            .iter()
            .any(|l| l.contains("system design")),
        "the first question is selected: {list}"
    );
    s.send("\r");
    let reader = s.wait_text(&["What it probes", "Rubric: System design", "q/Esc back"]);
    assert!(
        reader.contains(" sd-"),
        "a system-design question is open: {reader}"
    );

    // Search: `/` then type; results show; Enter opens the selected one.
    s.send("/");
    s.wait_text(&[
        "Search questions, tags, probes and guides",
        "Type to search",
    ]);
    s.send("sd-url-shortener");
    let results = s.wait_text(&["/ sd-url-shortener", " match"]);
    assert!(
        lines_with(&results, "›")
            .iter()
            .any(|l| l.contains("sd-url-shortener")),
        "the best match is selected: {results}"
    );
    s.send("\r");
    s.wait_text(&[" sd-url-shortener ", "What it probes", "link-shortening"]);

    // Drill it: the clock starts at 10 s and runs into overtime.
    s.send("d");
    // Ten seconds is all "last stretch": the gauge says "Wrap up" from the start.
    let drill = s.wait_text(&["Drill 1/1", " Wrap up ", " left", "link-shortening"]);
    assert!(
        drill.contains("0:10 left") || drill.contains("0:0"),
        "the --time limit applies: {drill}"
    );
    let over = s.wait_for_within(
        "the clock to run into overtime",
        Duration::from_secs(10) + TIMEOUT,
        |scr| scr.contains("over time"),
    );
    assert!(over.contains("Time is up"), "{over}");
    assert!(over.contains("Enter to grade"), "{over}");

    // Grade: Enter opens the checklist; 1 and 3 tick the first and third items.
    s.send("\r");
    let rubric = s.wait_text(&[
        "Grade honestly",
        " of 0:10 ",
        "Compare: what a strong answer covers",
    ]);
    assert!(!rubric.contains("[x]"), "nothing ticked yet: {rubric}");
    s.send("1");
    s.wait_for("item 1 ticked", |scr| lines_with(scr, "[x]").len() == 1);
    s.send("3");
    let graded = s.wait_for("items 1 and 3 ticked", |scr| {
        lines_with(scr, "[x]").len() == 2
    });
    let ticked = lines_with(&graded, "[x]");
    assert!(
        ticked[0].contains("1.") && ticked[0].contains("Pinned scope"),
        "{graded}"
    );
    assert!(
        ticked[1].contains("3.") && ticked[1].contains("Gave concrete detail"),
        "{graded}"
    );

    // Save: the attempt is written and the app goes back to the question.
    s.send("s");
    let saved = s.wait_text(&["Saved: ", "on sd-url-shortener", " sd-url-shortener "]);
    assert!(saved.contains("What it probes"), "{saved}");

    // Quit with Ctrl-C (a key in raw mode, not a signal).
    let mark = s.raw_len();
    s.send("\x03");
    assert_eq!(s.exit_code(), 0, "the screen:\n{}", s.screen());

    let log = std::fs::read_to_string(s.data_dir().join("attempts.jsonl")).expect("attempts.jsonl");
    let records: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(records.len(), 1, "exactly one record: {log}");
    let r: serde_json::Value = serde_json::from_str(records[0]).expect("a JSON record");
    assert_eq!(r["question"], "sd-url-shortener", "{r}");
    assert_eq!(
        r["checked"],
        serde_json::json!(["requirements", "depth"]),
        "{r}"
    );
    assert_eq!(r["time_limit"], 10, "{r}");
    assert!(r["overtime"].as_u64().is_some_and(|o| o >= 1), "{r}");

    let raw = s.raw();
    let out = lock(&s.out);
    assert_terminal_released(&raw, mark, out.parser.screen());
    assert_cursor_shown(&raw, mark, out.parser.screen());
}

/// SIGTERM, SIGHUP and SIGINT: the terminal is handed back and the exit status is 128 + signal.
#[test]
fn signals_restore_the_terminal_and_exit_128_plus_signal() {
    for (name, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let mut s = Session::start(&[]);
        s.wait_home();
        let mark = s.raw_len();
        send_signal(name, s.pid);
        assert_eq!(s.exit_code(), code, "SIG{name}");
        let raw = s.raw();
        let out = lock(&s.out);
        assert_terminal_released(&raw, mark, out.parser.screen());
    }
}

/// The cursor half of the check above.
#[test]
fn signals_show_the_cursor_again() {
    for name in ["TERM", "HUP", "INT"] {
        let mut s = Session::start(&[]);
        s.wait_home();
        let mark = s.raw_len();
        send_signal(name, s.pid);
        s.exit_code();
        let raw = s.raw();
        let out = lock(&s.out);
        assert_cursor_shown(&raw, mark, out.parser.screen());
    }
}

/// Ctrl-Z stops prep with the terminal handed back; SIGCONT (what `fg` sends) brings it back.
#[test]
#[cfg(target_os = "linux")]
fn ctrl_z_suspends_and_sigcont_resumes() {
    let mut s = Session::start_under_job_control();
    s.wait_home();
    let mark = s.raw_len();
    s.send("\x1a");
    let pid = s.pid;
    s.wait_until("prep to stop (state T in /proc)", |_| {
        (proc_state(pid) == Some('T')).then_some(())
    });
    s.wait_until("the terminal to be handed back", |o| {
        find(&o.raw[mark..], LEAVE_ALT_SCREEN).map(|_| ())
    });
    {
        let raw = s.raw();
        let out = lock(&s.out);
        assert_terminal_released(&raw, mark, out.parser.screen());
    }
    // Still stopped: nothing resumed it behind our back.
    assert_eq!(proc_state(pid), Some('T'));

    let resumed = s.raw_len();
    send_signal("CONT", pid);
    s.wait_until("Home drawn again on the alternate screen", |o| {
        let redrawn = find(&o.raw[resumed..], b"Sections").is_some();
        (redrawn && o.parser.screen().alternate_screen() && o.text().contains(" Sections "))
            .then_some(())
    });
    s.wait_home();
    let mark = s.raw_len();
    s.send("q");
    assert_eq!(s.exit_code(), 0, "the screen:\n{}", s.screen());
    let raw = s.raw();
    let out = lock(&s.out);
    assert_terminal_released(&raw, mark, out.parser.screen());
    assert_cursor_shown(&raw, mark, out.parser.screen());
}

/// The cursor half of the Ctrl-Z check.
#[test]
#[cfg(target_os = "linux")]
fn ctrl_z_shows_the_cursor_while_suspended() {
    let mut s = Session::start_under_job_control();
    s.wait_home();
    let mark = s.raw_len();
    s.send("\x1a");
    let pid = s.pid;
    s.wait_until("prep to stop (state T in /proc)", |_| {
        (proc_state(pid) == Some('T')).then_some(())
    });
    s.wait_until("the terminal to be handed back", |o| {
        find(&o.raw[mark..], LEAVE_ALT_SCREEN).map(|_| ())
    });
    let raw = s.raw();
    let out = lock(&s.out);
    assert_cursor_shown(&raw, mark, out.parser.screen());
}

/// Not a test on its own: the job-control "shell" that [`Session::start_under_job_control`] runs
/// (this test binary again, with `PREP_PTY_TEST_JOB_SHELL` naming a pid file).
///
/// portable-pty makes its child a session leader. Such a process group is orphaned (no parent in
/// the session outside it), and the kernel discards SIGTSTP sent to an orphaned group, so prep
/// spawned directly can never stop on Ctrl-Z. A shell avoids that by running each job in a group of
/// its own, given the terminal. This does the same, and, unlike a shell, never takes the terminal
/// back, so a plain `kill -CONT` resumes prep in the foreground.
#[test]
fn job_control_shell() {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let Some(pid_file) = std::env::var_os(JOB_SHELL_ENV) else {
        return;
    };
    unsafe extern "C" {
        fn tcsetpgrp(fd: i32, pgrp: i32) -> i32;
    }
    let mut prep = Command::new(env!("CARGO_BIN_EXE_prep"))
        .env_remove(JOB_SHELL_ENV)
        .process_group(0)
        .spawn()
        .expect("start prep");
    let pid = prep.id();
    // SAFETY: tcsetpgrp only reads its two integer arguments; fd 0 is the pty.
    let rc = unsafe { tcsetpgrp(0, pid as i32) };
    assert_eq!(rc, 0, "tcsetpgrp: {}", std::io::Error::last_os_error());
    // Had prep touched the terminal before it was in the foreground, SIGTTOU stopped it.
    send_signal("CONT", pid);
    std::fs::write(&pid_file, pid.to_string()).expect("write the pid file");
    let status = prep.wait().expect("wait for prep");
    let code = status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1);
    std::process::exit(code);
}

/// Without a terminal on stdin prep says what it needs and exits 2, writing nothing to stdout.
#[test]
fn refuses_to_start_without_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [&[][..], &["drill", "--time", "10s"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_prep"))
            .args(args)
            .env("PREP_DATA_DIR", dir.path())
            .env("PREP_CONFIG_DIR", dir.path().join("config"))
            .stdin(Stdio::null())
            .output()
            .expect("run prep");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "prep {args:?}: {err}");
        assert!(err.contains("needs a terminal"), "prep {args:?}: {err}");
        assert!(out.stdout.is_empty(), "prep {args:?} wrote to stdout");
    }
}

/// A dumb terminal gets a message and exit 2 before anything is drawn; the commands still work.
#[test]
fn refuses_a_dumb_terminal_with_a_message() {
    let mut s = Session::start_with(&[], &[("TERM", "dumb")]);
    let text = s.wait_for("the dumb-terminal message", |scr| {
        flat(scr).contains("TERM=dumb cannot show the interactive app")
    });
    assert_eq!(s.exit_code(), 2, "{text}");
    assert!(
        find(&s.raw(), b"\x1b[?1049h").is_none(),
        "the alternate screen was entered"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["list", "--section", "conflict"])
        .env("TERM", "dumb")
        .output()
        .expect("run prep list");
    assert!(out.status.success());
    assert!(!out.stdout.is_empty());
}

/// Too small a window gets a message instead of a broken layout; growing it back shows Home.
#[test]
fn resizing_below_the_minimum_and_back() {
    let mut s = Session::start(&[]);
    s.wait_home();
    s.resize(8, 30);
    let small = s.wait_for("the too-small message", |scr| {
        flat(scr).contains("Make the window larger")
    });
    assert!(flat(&small).contains("this is 30×8"), "{small}");
    let grown = s.raw_len();
    s.resize(ROWS, COLS);
    s.wait_until("Home redrawn at 120×40", |o| {
        find(&o.raw[grown..], b"Guides: how the loop works").map(|_| ())
    });
    let home = s.wait_home();
    assert!(!flat(&home).contains("Make the window larger"), "{home}");
    let mark = s.raw_len();
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let raw = s.raw();
    let out = lock(&s.out);
    assert_terminal_released(&raw, mark, out.parser.screen());
}

/// The colour parameters of every SGR sequence (`ESC [ ... m`) in `raw`: 30-38, 40-48, 58 and
/// 90-107 set a colour; 39, 49 and 59 only go back to the default and are not counted.
fn colour_sequences(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(start) = find(&raw[i..], b"\x1b[").map(|p| p + i) {
        let body_start = start + 2;
        let mut end = body_start;
        while end < raw.len() && (0x20..=0x3f).contains(&raw[end]) {
            end += 1;
        }
        i = end.max(body_start);
        if raw.get(end) != Some(&b'm') {
            continue;
        }
        let params = String::from_utf8_lossy(&raw[body_start..end]).into_owned();
        let colour = params
            .split(';')
            .filter_map(|p| p.split(':').next()?.parse::<u32>().ok())
            .any(|p| matches!(p, 30..=38 | 40..=48 | 58 | 90..=97 | 100..=107));
        if colour {
            found.push(format!("\\e[{params}m"));
        }
    }
    found
}

/// With NO_COLOR set, Home is drawn without a single colour (and without it, with colours, so the
/// check can see them).
#[test]
fn no_color_draws_without_colour_sequences() {
    let mut plain = Session::start_with(&[], &[("NO_COLOR", "1")]);
    plain.wait_home();
    {
        let out = lock(&plain.out);
        let screen = out.parser.screen();
        for row in 0..ROWS {
            for col in 0..COLS {
                let cell = screen.cell(row, col).expect("a cell inside the screen");
                assert!(
                    cell.fgcolor() == vt100::Color::Default
                        && cell.bgcolor() == vt100::Color::Default,
                    "cell {row},{col} ({:?}) is coloured with NO_COLOR=1:\n{}",
                    cell.contents(),
                    out.text()
                );
            }
        }
    }
    let mark = plain.raw_len();
    plain.send("q");
    assert_eq!(plain.exit_code(), 0);
    let raw = plain.raw();
    let colours = colour_sequences(&raw[..mark]);
    assert!(colours.is_empty(), "colour with NO_COLOR=1: {colours:?}");

    let mut coloured = Session::start(&[]);
    coloured.wait_home();
    let screen = {
        let out = lock(&coloured.out);
        colour_sequences(&out.raw)
    };
    assert!(!screen.is_empty(), "without NO_COLOR Home has colour");
    coloured.send("q");
    assert_eq!(coloured.exit_code(), 0);
}
