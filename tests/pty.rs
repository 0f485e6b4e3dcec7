//! The real `prep` binary in a pseudo-terminal: keys go in as bytes, the output goes through a
//! vt100 parser (and is kept raw too), and every step waits for a screen state, never for a fixed
//! time. Covers a whole practice session, SIGTERM/SIGHUP/SIGINT, Ctrl-Z, resizing, `NO_COLOR` and
//! refusing to start without a terminal.
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// How long one screen state may take to appear: generous, for a loaded 2-core CI machine.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(20);

const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
/// "Where is the cursor?" (DSR). ratatui asks it when the app clears the screen after Ctrl-Z.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// Set (to a pid file path) when this test binary is started as [`job_control_shell`].
const JOB_SHELL_ENV: &str = "PREP_PTY_TEST_JOB_SHELL";

/// Everything prep wrote, and the screen it adds up to.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// How far `raw` has been searched for cursor queries.
    scanned: usize,
    /// The pty reported end of output: every process holding it has exited.
    eof: bool,
}

impl Output {
    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Answer the cursor-position queries that arrived, as a terminal would (vt100 does not).
    fn cursor_replies(&mut self) -> Vec<String> {
        let mut replies = Vec::new();
        while let Some(i) = find(&self.raw[self.scanned..], CURSOR_QUERY) {
            self.scanned += i + CURSOR_QUERY.len();
            let (row, col) = self.parser.screen().cursor_position();
            replies.push(format!("\x1b[{};{}R", row + 1, col + 1));
        }
        self.scanned = self
            .scanned
            .max(self.raw.len().saturating_sub(CURSOR_QUERY.len() - 1));
        replies
    }
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// A running `prep` in a 120×40 pty, with its own data and config folders.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Writer,
    out: Arc<Mutex<Output>>,
    dir: tempfile::TempDir,
    /// prep's own pid (under the job-control shell, the shell's child).
    pid: u32,
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is never 0 here")
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

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
    /// `prep ARGS` with a fresh data folder, `PREP_CONFIG_DIR` inside it and TERM=xterm-256color.
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prep"));
        cmd.args(args);
        Session::spawn(dir, cmd, env, None)
    }

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
        Session::spawn(dir, cmd, &[], Some(pid_file))
    }

    fn spawn(
        dir: tempfile::TempDir,
        mut cmd: CommandBuilder,
        env: &[(&str, &str)],
        pid_file: Option<PathBuf>,
    ) -> Session {
        cmd.cwd(dir.path());
        // CommandBuilder starts from this process's environment: make the run independent of it.
        cmd.env_remove("NO_COLOR");
        cmd.env("TERM", "xterm-256color");
        cmd.env("PREP_DATA_DIR", dir.path());
        cmd.env("PREP_CONFIG_DIR", dir.path().join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn prep in the pty");
        // Only the child keeps the slave open, so the reader sees EOF once it has gone.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            raw: Vec::new(),
            scanned: 0,
            eof: false,
        }));
        {
            let out = Arc::clone(&out);
            let writer = Arc::clone(&writer);
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => {
                            let replies = {
                                let mut o = lock(&out);
                                o.parser.process(&buf[..n]);
                                o.raw.extend_from_slice(&buf[..n]);
                                o.cursor_replies()
                            };
                            for r in replies {
                                let mut w = lock(&writer);
                                let _ = w.write_all(r.as_bytes()).and_then(|()| w.flush());
                            }
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        // Linux reports EIO on the master once the slave side is closed.
                        Err(_) => break,
                    }
                }
                lock(&out).eof = true;
            });
        }
        let child_pid = child.process_id().expect("child pid");
        let mut session = Session {
            child,
            master: pair.master,
            writer,
            out,
            dir,
            pid: child_pid,
        };
        if let Some(file) = pid_file {
            session.pid =
                session.wait_until("prep's pid from the job-control shell", TIMEOUT, |_| {
                    std::fs::read_to_string(&file)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok())
                });
        }
        session
    }

    fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    fn screen(&self) -> String {
        lock(&self.out).text()
    }

    fn raw(&self) -> Vec<u8> {
        lock(&self.out).raw.clone()
    }

    fn raw_len(&self) -> usize {
        lock(&self.out).raw.len()
    }

    /// Type keys (bytes as a terminal sends them).
    fn send(&self, keys: &str) {
        let mut w = lock(&self.writer);
        w.write_all(keys.as_bytes())
            .and_then(|()| w.flush())
            .expect("write to the pty");
    }

    /// Poll `probe` until it gives a value, or fail after `timeout` showing the last screen.
    fn wait_until<T>(
        &mut self,
        what: &str,
        timeout: Duration,
        mut probe: impl FnMut(&Output) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(v) = probe(&lock(&self.out)) {
                return v;
            }
            if Instant::now() >= deadline {
                let exited = match self.child.try_wait() {
                    Ok(Some(status)) => format!("prep has exited ({status})"),
                    _ => "prep is still running".to_string(),
                };
                panic!(
                    "timed out after {timeout:?} waiting for {what}; {exited}; the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen text satisfies `cond`; returns that screen.
    fn wait_for(&mut self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, TIMEOUT, cond)
    }

    fn wait_for_within(
        &mut self,
        what: &str,
        timeout: Duration,
        cond: impl Fn(&str) -> bool,
    ) -> String {
        self.wait_until(what, timeout, |o| {
            let text = o.text();
            cond(&text).then_some(text)
        })
    }

    /// Wait until the screen shows every one of `needles`.
    fn wait_text(&mut self, needles: &[&str]) -> String {
        let what = format!("the screen to show {needles:?}");
        self.wait_for(&what, |s| needles.iter().all(|n| s.contains(n)))
    }

    /// Home, as a fresh data folder shows it.
    fn wait_home(&mut self) -> String {
        self.wait_text(&[" Sections ", "Guides: how the loop works", "System design"])
    }

    /// Resize the pty (prep gets SIGWINCH) and the screen model with it.
    fn resize(&self, rows: u16, cols: u16) {
        lock(&self.out)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Wait for the process to exit and for its last output; returns the exit status.
    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "prep did not exit within {TIMEOUT:?}; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        };
        self.wait_until("the end of prep's output", TIMEOUT, |o| o.eof.then_some(()));
        assert!(
            status.signal().is_none(),
            "prep was killed by {:?}; the screen:\n{}",
            status.signal(),
            self.screen()
        );
        status.exit_code()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave prep behind (stopped, or waiting for keys).
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .args(["-KILL", &self.pid.to_string()])
                .status();
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The terminal was handed back after `mark` (an offset in the raw output taken just before the
/// quit key or signal): the alternate screen was left and mouse reporting switched off, and
/// neither was switched on again afterwards. The screen model agrees.
fn assert_terminal_released(raw: &[u8], mark: usize, screen: &vt100::Screen) {
    let tail = String::from_utf8_lossy(&raw[mark.min(raw.len())..]).into_owned();
    let leave = rfind(raw, LEAVE_ALT_SCREEN);
    assert!(
        leave.is_some_and(|i| i >= mark),
        "no leave-alternate-screen (\\e[?1049l) after the last frame; the output after it: {tail:?}"
    );
    assert!(
        rfind(raw, ENTER_ALT_SCREEN) < leave,
        "the alternate screen was entered again: {tail:?}"
    );
    assert!(
        rfind(raw, MOUSE_OFF).is_some_and(|i| i >= mark)
            && rfind(raw, MOUSE_ON) < rfind(raw, MOUSE_OFF),
        "mouse reporting was left on: {tail:?}"
    );
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting still on"
    );
}

/// The cursor, hidden while the app drew, was shown again after `mark`.
fn assert_cursor_shown(raw: &[u8], mark: usize, screen: &vt100::Screen) {
    let tail = String::from_utf8_lossy(&raw[mark.min(raw.len())..]).into_owned();
    let show = rfind(raw, SHOW_CURSOR);
    assert!(
        show.is_some_and(|i| i >= mark) && rfind(raw, HIDE_CURSOR) < show,
        "the cursor was not shown again (\\e[?25h) after the last frame; the output after it: {tail:?}"
    );
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
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

    // Browse: Home lists sections (the guides come first); Enter opens one, Enter opens a question.
    s.send("j");
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
    s.wait_until("prep to stop (state T in /proc)", TIMEOUT, |_| {
        (proc_state(pid) == Some('T')).then_some(())
    });
    s.wait_until("the terminal to be handed back", TIMEOUT, |o| {
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
    s.wait_until("Home drawn again on the alternate screen", TIMEOUT, |o| {
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
    s.wait_until("prep to stop (state T in /proc)", TIMEOUT, |_| {
        (proc_state(pid) == Some('T')).then_some(())
    });
    s.wait_until("the terminal to be handed back", TIMEOUT, |o| {
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
    s.wait_until("Home redrawn at 120×40", TIMEOUT, |o| {
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
