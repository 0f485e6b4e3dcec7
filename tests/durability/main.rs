//! The attempt log survives what real machines do to it, tested through the real binary's save
//! path (`prep debug append-sample`, hidden, which prints a record's id only after its fsync):
//! kill -9 at random moments, two writers at once, a lock held too long, every corrupt shape, a
//! full disk and a read-only folder (those two, and the corrupt shapes, in `faults.rs`).
//! Property tests of the readers are in `props.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod faults;
mod props;

use prep_core::storage::{LogRead, parse_log};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn prep(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_prep"));
    c.env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env_remove("PREP_DATA_DIR")
        .env_remove("NO_COLOR")
        .arg("--data-dir")
        .arg(data);
    c
}

fn append_args(count: u64, size: usize, tag: &str) -> Vec<String> {
    ["debug", "append-sample", "--count", &count.to_string()]
        .iter()
        .map(|s| s.to_string())
        .chain([
            "--size".into(),
            size.to_string(),
            "--tag".into(),
            tag.into(),
        ])
        .collect()
}

fn log_path(data: &Path) -> PathBuf {
    data.join("attempts.jsonl")
}

fn read_log(data: &Path) -> Vec<u8> {
    std::fs::read(log_path(data)).unwrap_or_default()
}

/// The ids printed on stdout, counting only whole lines (a kill may cut the last one).
fn ids(stdout: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stdout);
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.pop(); // after the last '\n': empty, or a line cut short
    lines.into_iter().map(str::to_string).collect()
}

/// The id of every readable record (the first word of its notes).
fn saved_ids(read: &LogRead) -> Vec<String> {
    read.attempts
        .iter()
        .map(|a| a.notes.split(' ').next().unwrap_or_default().to_string())
        .collect()
}

/// A small xorshift generator: the seed is printed, so a failing run can be repeated.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// kill -9 at random moments, up to 200 times in ~30 s: every record reported saved is there and
/// parses, and each kill leaves at most one bad line, always a torn last line (no newline after it).
/// The next writer starts on a fresh line, so one torn record never spoils the next.
#[test]
fn kill_9_at_random_moments_never_loses_a_reported_record() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let seed = std::env::var("PREP_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()) << 20 | 0x9e37);
    eprintln!("kill loop seed {seed} (PREP_KILL_SEED repeats it)");
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(30);
    let (mut kills, mut torn, mut seen_len) = (0, 0, 0);
    let mut reported = Vec::new();
    while kills < 200 && Instant::now() < deadline {
        // Half the records are small, half big enough (up to 256 KiB) that a kill may tear one.
        let size = if rng.below(2) == 0 {
            rng.below(300)
        } else {
            rng.below(256 * 1024)
        } as usize;
        let mut child = prep(data)
            .args(append_args(30, size, &format!("k{kills}")))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.read_to_end(&mut out);
            out
        });
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reported.extend(ids(&reader.join().unwrap()));
        kills += 1;

        // What this run added: whole records, then at most one torn line at the very end.
        let bytes = read_log(data);
        let added = &bytes[seen_len..];
        let read = parse_log(added);
        if let Some(p) = read.problems.first() {
            let last = added.split(|&b| b == b'\n').count();
            assert_eq!(read.problems.len(), 1, "kill {kills}: {:?}", read.problems);
            assert_eq!(p.line, last, "kill {kills}: bad line not last: {p:?}");
            assert!(!added.ends_with(b"\n"), "kill {kills}: {p:?}");
            assert!(p.message.starts_with("not a complete record"), "{p:?}");
            torn += 1;
        }
        seen_len = bytes.len();
    }
    let read = parse_log(&read_log(data));
    let saved: HashSet<String> = saved_ids(&read).into_iter().collect();
    let lost: Vec<&String> = reported.iter().filter(|id| !saved.contains(*id)).collect();
    assert!(lost.is_empty(), "reported saved but missing: {lost:?}");
    assert_eq!(read.problems.len(), torn, "{:?}", read.problems);
    assert!(kills >= 20, "only {kills} kills in 30 s");
    eprintln!(
        "{kills} kills; {} records reported saved, {} readable, {torn} torn lines",
        reported.len(),
        read.attempts.len()
    );
}

/// Two writers at once, 300 records each: all 600 are there, whole, and each was reported.
#[test]
fn two_writers_at_once_lose_and_tear_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let spawn = |tag: &str| {
        prep(data)
            .args(append_args(300, 500, tag))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a"), spawn("b"));
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for out in [&a, &b] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let read = parse_log(&read_log(data));
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let mut saved = saved_ids(&read);
    let mut reported = [ids(&a.stdout), ids(&b.stdout)].concat();
    assert_eq!(reported.len(), 600);
    saved.sort();
    reported.sort();
    assert_eq!(saved, reported);
}

/// While another process holds the lock, a writer waits about 2 s, then fails saying who holds
/// it, and writes nothing.
#[test]
fn a_writer_blocked_by_a_lock_says_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(
        prep(data)
            .args(append_args(2, 10, "x"))
            .output()
            .unwrap()
            .status
            .success()
    );
    let before = read_log(data);
    let held = std::fs::File::open(log_path(data)).unwrap();
    held.lock().unwrap();
    let started = Instant::now();
    let out = prep(data).args(append_args(1, 10, "y")).output().unwrap();
    let waited = started.elapsed();
    held.unlock().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty(), "nothing may be reported saved");
    let holder = if cfg!(target_os = "linux") {
        format!(" (process {})", std::process::id())
    } else {
        String::new()
    };
    let want = format!(
        "prep: not saved: another prep{holder} is saving to {}; waited 2 s for it; try again in a moment\n",
        log_path(data).display()
    );
    assert_eq!(err, want);
    assert!(
        waited >= Duration::from_millis(1900),
        "gave up after {waited:?}"
    );
    assert_eq!(read_log(data), before);
}

/// One whole record as prep writes it, with `at` as given.
pub fn good_line(at: i64) -> String {
    format!(
        r#"{{"schema":1,"at":{at},"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":90,"spoken":80,"overtime":0,"checked":["requirements"],"items":10,"score":50.0,"technical":50.0,"people":null,"notes":"n{at} ok"}}"#
    )
}
