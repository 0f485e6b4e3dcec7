//! A short mock loop end to end, the real binary in a pseudo-terminal (the harness follows
//! tests/pty.rs): `prep mock --preset tech-lead --time 10s`, each answer ended with Enter, each
//! graded and saved, the report on screen; then the log holds one record per question, all tagged
//! with the mock's id, and `prep mock --report` prints the same mock again.
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// How long one screen state may take to appear: generous, for a loaded 2-core CI machine.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);
/// Questions in the tech-lead preset.
const QUESTIONS: usize = 6;

struct Output {
    parser: vt100::Parser,
    eof: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is never 0 here")
}

/// A running `prep` in a 120×40 pty with its own data and config folders.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the whole session: dropping it would hang up on prep.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    out: Arc<Mutex<Output>>,
    dir: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_prep"));
        cmd.args(args);
        cmd.cwd(dir.path());
        cmd.env_remove("NO_COLOR");
        cmd.env("TERM", "xterm-256color");
        cmd.env("PREP_DATA_DIR", dir.path());
        cmd.env("PREP_CONFIG_DIR", dir.path().join("config"));
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn prep");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let out = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            eof: false,
        }));
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16 * 1024];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => lock(&sink).parser.process(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            lock(&sink).eof = true;
        });
        Session {
            child,
            _master: pair.master,
            writer,
            out,
            dir,
        }
    }

    fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    fn screen(&self) -> String {
        lock(&self.out).parser.screen().contents()
    }

    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write to the pty");
    }

    /// Wait until the screen satisfies `cond`; returns that screen, or fails showing the last one.
    fn wait_for(&mut self, what: &str, cond: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = self.screen();
            if cond(&text) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{text}"
            );
            std::thread::sleep(POLL);
        }
    }

    fn wait_text(&mut self, needles: &[&str]) -> String {
        let what = format!("the screen to show {needles:?}");
        self.wait_for(&what, |s| needles.iter().all(|n| s.contains(n)))
    }

    fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "prep did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        }
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
        let screen = s.wait_text(&["Mock loop · tech lead", &banner, " left"]);
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
        "Mock loop report · tech lead",
        "Technical judgement",
        "People leadership",
        "Weakest rubric items",
        "What to drill next",
        "Saved 6 of 6",
    ]);
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
