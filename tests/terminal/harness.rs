//! A trimmed copy of the pty harness in tests/pty.rs (that file stays as it is): the real `prep` in
//! a pseudo-terminal of any size, its output kept raw and fed to a vt100 screen, every wait on a
//! screen state rather than a fixed time, and cursor-position queries answered as a terminal would.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h";
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const CURSOR_QUERY: &[u8] = b"\x1b[6n";

pub struct Output {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    scanned: usize,
    pub eof: bool,
}

impl Output {
    pub fn text(&self) -> String {
        self.parser.screen().contents()
    }

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

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Writer,
    pub out: Arc<Mutex<Output>>,
    pub dir: tempfile::TempDir,
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

impl Session {
    /// `prep ARGS` in a `rows`×`cols` pty with fresh data and config folders (`dir` may be
    /// prepared by `setup` first, e.g. with an attempt log or a bank).
    pub fn start(
        args: &[&str],
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
        setup: impl FnOnce(&Path),
    ) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        setup(dir.path());
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prep"));
        cmd.args(args);
        cmd.cwd(dir.path());
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
        let child = pair.slave.spawn_command(cmd).expect("spawn prep");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
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
                        Err(_) => break,
                    }
                }
                lock(&out).eof = true;
            });
        }
        Session {
            child,
            master: pair.master,
            writer,
            out,
            dir,
        }
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

    pub fn send(&self, keys: &str) {
        let mut w = lock(&self.writer);
        w.write_all(keys.as_bytes())
            .and_then(|()| w.flush())
            .expect("write to the pty");
    }

    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn wait_until<T>(&mut self, what: &str, mut probe: impl FnMut(&Output) -> Option<T>) -> T {
        let deadline = Instant::now() + TIMEOUT;
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
                    "timed out waiting for {what}; {exited}; the screen:\n{}\nthe last output: {tail:?}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_text(&mut self, needles: &[&str]) -> String {
        let what = format!("the screen to show {needles:?}");
        self.wait_until(&what, |o| {
            let text = o.text();
            needles.iter().all(|n| text.contains(n)).then_some(text)
        })
    }

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

    /// Wait for prep to exit and for its last output: the exit code, or 128 + a signal.
    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "prep did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        };
        self.wait_until("the end of prep's output", |o| o.eof.then_some(()));
        assert!(status.signal().is_none(), "killed by {:?}", status.signal());
        status.exit_code()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// After `mark`: the alternate screen was left, mouse reporting switched off and the cursor shown,
/// none of them undone afterwards; the screen model agrees.
pub fn assert_terminal_restored(raw: &[u8], mark: usize, screen: &vt100::Screen) {
    let tail = String::from_utf8_lossy(&raw[mark.min(raw.len())..]).into_owned();
    let leave = rfind(raw, LEAVE_ALT_SCREEN);
    assert!(
        leave.is_some_and(|i| i >= mark),
        "no \\e[?1049l after the mark: {tail:?}"
    );
    assert!(
        rfind(raw, ENTER_ALT_SCREEN) < leave,
        "alternate screen entered again: {tail:?}"
    );
    let mouse_off = rfind(raw, MOUSE_OFF);
    assert!(
        mouse_off.is_some_and(|i| i >= mark) && rfind(raw, MOUSE_ON) < mouse_off,
        "mouse reporting left on: {tail:?}"
    );
    let show = rfind(raw, SHOW_CURSOR);
    assert!(
        show.is_some_and(|i| i >= mark) && rfind(raw, HIDE_CURSOR) < show,
        "cursor not shown again: {tail:?}"
    );
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
}
