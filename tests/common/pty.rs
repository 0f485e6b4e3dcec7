//! The pty harness shared by the integration tests: the real `prep` (or any command) in a
//! pseudo-terminal of any size, keys going in as bytes, its output kept raw and fed to a vt100
//! screen, every wait on a screen state rather than a fixed time, and cursor-position queries
//! answered as a terminal would. Each test file uses part of it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The default terminal size: 120×40.
pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;
/// How long one screen state may take to appear: generous, for a loaded 2-core CI machine.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(20);

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h";
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
/// "Where is the cursor?" (DSR). ratatui asks it when the app clears the screen after Ctrl-Z.
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

/// Everything prep wrote, and the screen it adds up to.
pub struct Output {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    /// How far `raw` has been searched for cursor queries.
    scanned: usize,
    /// The pty reported end of output: every process holding it has exited.
    pub eof: bool,
}

impl Output {
    pub fn text(&self) -> String {
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

/// A running `prep` in a pty, with its own data and config folders (`dir`).
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the whole session: dropping it would hang up on prep.
    master: Box<dyn MasterPty + Send>,
    writer: Writer,
    pub out: Arc<Mutex<Output>>,
    pub dir: tempfile::TempDir,
    /// prep's own pid (under a wrapper such as a job-control shell, the wrapper's child).
    pub pid: u32,
}

pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A vt100 screen cannot be 0 wide; a 0×0 pty is modelled as 1×1.
fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// `prep ARGS`, not started yet (see [`Session::spawn`]).
pub fn prep_command(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prep"));
    cmd.args(args);
    cmd
}

impl Session {
    /// `prep ARGS` in a 120×40 pty with a fresh data folder, `PREP_CONFIG_DIR` inside it and
    /// TERM=xterm-256color.
    pub fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    /// [`Session::start`] with extra environment variables.
    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::start_in(args, env, (ROWS, COLS), |_| {})
    }

    /// `prep ARGS` in a `rows`×`cols` pty with fresh data and config folders (`dir` may be
    /// prepared by `setup` first, e.g. with an attempt log or a bank).
    pub fn start_in(
        args: &[&str],
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
        setup: impl FnOnce(&Path),
    ) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        setup(dir.path());
        Session::spawn(dir, prep_command(args), env, (rows, cols), None)
    }

    /// Run `cmd` in a `rows`×`cols` pty in `dir`, which is also its data folder. With `pid_file`,
    /// `cmd` is a wrapper that writes the pid of the prep it starts there, and [`Session::pid`]
    /// is read from it.
    pub fn spawn(
        dir: tempfile::TempDir,
        mut cmd: CommandBuilder,
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
        pid_file: Option<PathBuf>,
    ) -> Session {
        cmd.cwd(dir.path());
        // CommandBuilder starts from this process's environment: make the run independent of it.
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME");
        cmd.env("TERM", "xterm-256color");
        cmd.env("PREP_DATA_DIR", dir.path());
        cmd.env("PREP_CONFIG_DIR", dir.path().join("config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let pair = native_pty_system()
            .openpty(size(rows, cols))
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
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
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
            session.pid = session.wait_until("prep's pid from the wrapper", |_| {
                std::fs::read_to_string(&file)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok())
            });
        }
        session
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn screen(&self) -> String {
        lock(&self.out).text()
    }

    pub fn raw(&self) -> Vec<u8> {
        lock(&self.out).raw.clone()
    }

    pub fn raw_len(&self) -> usize {
        lock(&self.out).raw.len()
    }

    /// Type keys (bytes as a terminal sends them).
    pub fn send(&self, keys: &str) {
        let mut w = lock(&self.writer);
        w.write_all(keys.as_bytes())
            .and_then(|()| w.flush())
            .expect("write to the pty");
    }

    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Poll `probe` until it gives a value, or fail after [`TIMEOUT`] showing the last screen.
    pub fn wait_until<T>(&mut self, what: &str, probe: impl FnMut(&Output) -> Option<T>) -> T {
        self.wait_until_within(what, TIMEOUT, probe)
    }

    /// [`Session::wait_until`] with a timeout of its own.
    pub fn wait_until_within<T>(
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
                let raw = self.raw();
                let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]);
                panic!(
                    "timed out after {timeout:?} waiting for {what}; {exited}; the screen:\n{}\nthe last output: {tail:?}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen text satisfies `cond`; returns that screen.
    pub fn wait_for(&mut self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        self.wait_for_within(what, TIMEOUT, cond)
    }

    pub fn wait_for_within(
        &mut self,
        what: &str,
        timeout: Duration,
        cond: impl Fn(&str) -> bool,
    ) -> String {
        self.wait_until_within(what, timeout, |o| {
            let text = o.text();
            cond(&text).then_some(text)
        })
    }

    /// Wait until the screen shows every one of `needles`.
    pub fn wait_text(&mut self, needles: &[&str]) -> String {
        let what = format!("the screen to show {needles:?}");
        self.wait_for(&what, |s| needles.iter().all(|n| s.contains(n)))
    }

    /// Home, as a fresh data folder shows it.
    pub fn wait_home(&mut self) -> String {
        self.wait_text(&[" Sections ", "Guides: how the loop works", "System design"])
    }

    /// Wait until prep has written nothing for a moment: a frame that has started to arrive is
    /// then whole (a screen test may otherwise read half of one).
    pub fn wait_quiet(&mut self) {
        let mut last = (self.raw_len(), Instant::now());
        self.wait_until("the output to settle", |o| {
            if o.raw.len() != last.0 {
                last = (o.raw.len(), Instant::now());
            }
            (last.1.elapsed() >= Duration::from_millis(150)).then_some(())
        });
    }

    /// Resize the pty (prep gets SIGWINCH) and the screen model with it.
    pub fn resize(&self, rows: u16, cols: u16) {
        lock(&self.out)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(size(rows, cols))
            .expect("resize the pty");
    }

    /// Wait for prep to exit and for its last output: the exit code (a signal fails the test).
    pub fn exit_code(&mut self) -> u32 {
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
        self.wait_until("the end of prep's output", |o| o.eof.then_some(()));
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
pub fn assert_terminal_released(raw: &[u8], mark: usize, screen: &vt100::Screen) {
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
pub fn assert_cursor_shown(raw: &[u8], mark: usize, screen: &vt100::Screen) {
    let tail = String::from_utf8_lossy(&raw[mark.min(raw.len())..]).into_owned();
    let show = rfind(raw, SHOW_CURSOR);
    assert!(
        show.is_some_and(|i| i >= mark) && rfind(raw, HIDE_CURSOR) < show,
        "the cursor was not shown again (\\e[?25h) after the last frame; the output after it: {tail:?}"
    );
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
}

/// After `mark`: the alternate screen was left, mouse reporting switched off and the cursor shown,
/// none of them undone afterwards; the screen model agrees.
pub fn assert_terminal_restored(raw: &[u8], mark: usize, screen: &vt100::Screen) {
    assert_terminal_released(raw, mark, screen);
    assert_cursor_shown(raw, mark, screen);
}
