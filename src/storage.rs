//! The user's attempt log: `attempts.jsonl` in the data folder, one JSON record per graded attempt,
//! appended whole under a file lock and flushed to disk before the app says "saved". Reading keeps
//! every good record and reports each bad line by number; the file is never rewritten.

use crate::bank::Kind;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The record layout this build writes. Records with a larger number are kept but not read.
pub const SCHEMA_VERSION: u32 = 1;

pub const LOG_FILE: &str = "attempts.jsonl";

/// One graded attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub schema: u32,
    /// When it was graded, Unix seconds (UTC).
    pub at: i64,
    pub question: String,
    pub section: String,
    pub kind: Kind,
    /// Seconds on the clock (after any +/- adjustments).
    pub time_limit: u32,
    /// Seconds actually spoken.
    pub spoken: u32,
    pub overtime: u32,
    /// Keys of the ticked checklist items (rubric item ids, `check-N` for own checks).
    pub checked: Vec<String>,
    /// How many items the checklist had.
    pub items: u32,
    /// Weighted score 0-100, overall and per axis.
    pub score: f64,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub follow_ups: u32,
}

/// A line of the log that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogProblem {
    pub line: usize,
    pub message: String,
}

/// What reading the log found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogRead {
    pub attempts: Vec<Attempt>,
    pub problems: Vec<LogProblem>,
}

/// The attempt log in a data folder.
#[derive(Clone, Debug)]
pub struct AttemptLog {
    path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open {path}: {source}")]
    Open {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is locked by another prep; try again in a moment")]
    Locked { path: String },
    #[error("cannot write {path}: {source}; nothing saved before this attempt was touched")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
}

impl AttemptLog {
    pub fn new(data_dir: &Path) -> Self {
        AttemptLog {
            path: data_dir.join(LOG_FILE),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }

    /// Append one record, whole, and flush it to disk. Waits up to ~2 s for another writer's lock.
    pub fn append(&self, attempt: &Attempt) -> Result<(), StorageError> {
        let path = self.shown();
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StorageError::CreateDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(|source| StorageError::Open {
                path: path.clone(),
                source,
            })?;
        lock_with_patience(&file).map_err(|()| StorageError::Locked { path: path.clone() })?;
        let mut line = serde_json::to_string(attempt).unwrap_or_default();
        line.push('\n');
        // A previous writer killed mid-line leaves no newline: start on a fresh line so the torn
        // record stays separate (and reported) instead of spoiling this one.
        if needs_newline(&mut file) {
            line.insert(0, '\n');
        }
        let result = file
            .write_all(line.as_bytes())
            .and_then(|()| file.sync_data());
        let _ = file.unlock();
        result.map_err(|source| StorageError::Write { path, source })
    }

    /// Every readable record, and a problem for each line that is not one. A missing log is empty.
    pub fn read(&self) -> Result<LogRead, StorageError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LogRead::default()),
            Err(source) => {
                return Err(StorageError::Read {
                    path: self.shown(),
                    source,
                });
            }
        };
        Ok(parse_log(&bytes))
    }
}

fn lock_with_patience(file: &File) -> Result<(), ()> {
    for _ in 0..40 {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(50))
            }
            Err(std::fs::TryLockError::Error(_)) => return file.lock().map_err(|_| ()),
        }
    }
    Err(())
}

fn needs_newline(file: &mut File) -> bool {
    let Ok(len) = file.seek(SeekFrom::End(0)) else {
        return false;
    };
    if len == 0 || file.seek(SeekFrom::End(-1)).is_err() {
        return false;
    }
    let mut last = [0u8; 1];
    file.read_exact(&mut last).is_ok() && last[0] != b'\n'
}

/// Parse log bytes: good records are kept, every other non-blank line is reported by number.
pub fn parse_log(bytes: &[u8]) -> LogRead {
    let mut read = LogRead::default();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let problem = |message: String| LogProblem { line, message };
        let Ok(text) = std::str::from_utf8(raw) else {
            read.problems
                .push(problem("not UTF-8 text; skipped".into()));
            continue;
        };
        if text.contains('\0') {
            read.problems.push(problem(
                "contains NUL bytes (a torn write?); skipped".into(),
            ));
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                read.problems
                    .push(problem(format!("not a complete record ({e}); skipped")));
                continue;
            }
        };
        let schema = value.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
        if schema > u64::from(SCHEMA_VERSION) {
            read.problems.push(problem(format!(
                "written by a newer prep (schema {schema}, this one reads {SCHEMA_VERSION}); kept, not shown"
            )));
            continue;
        }
        match serde_json::from_value::<Attempt>(value) {
            Ok(a) => read.attempts.push(a),
            Err(e) => read
                .problems
                .push(problem(format!("not an attempt record ({e}); skipped"))),
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample(at: i64, score: f64) -> Attempt {
        Attempt {
            schema: SCHEMA_VERSION,
            at,
            question: "sd-url-shortener".into(),
            section: "system-design".into(),
            kind: Kind::SystemDesign,
            time_limit: 90,
            spoken: 80,
            overtime: 0,
            checked: vec!["requirements".into()],
            items: 10,
            score,
            technical: Some(score),
            people: None,
            notes: "ünïcödé 日本".into(),
            follow_ups: 0,
        }
    }

    #[test]
    fn append_then_read_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let log = AttemptLog::new(&dir.path().join("nested"));
        assert_eq!(log.read().unwrap(), LogRead::default());
        log.append(&sample(1, 50.0)).unwrap();
        log.append(&sample(2, 70.0)).unwrap();
        let read = log.read().unwrap();
        assert_eq!(read.attempts, vec![sample(1, 50.0), sample(2, 70.0)]);
        assert!(read.problems.is_empty());
    }

    #[test]
    fn a_torn_last_line_is_reported_and_the_next_append_starts_clean() {
        let dir = tempfile::tempdir().unwrap();
        let log = AttemptLog::new(dir.path());
        log.append(&sample(1, 50.0)).unwrap();
        let mut f = OpenOptions::new().append(true).open(log.path()).unwrap();
        f.write_all(br#"{"schema":1,"at":2,"quest"#).unwrap();
        drop(f);
        let before = std::fs::read(log.path()).unwrap();
        let read = log.read().unwrap();
        assert_eq!(read.attempts.len(), 1);
        assert_eq!(read.problems[0].line, 2);
        assert_eq!(
            std::fs::read(log.path()).unwrap(),
            before,
            "reading never rewrites"
        );
        log.append(&sample(3, 90.0)).unwrap();
        let read = log.read().unwrap();
        assert_eq!(
            read.attempts.iter().map(|a| a.at).collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(read.problems.len(), 1);
    }

    #[test]
    fn bad_lines_are_skipped_by_number_and_good_ones_kept() {
        let good = serde_json::to_string(&sample(5, 10.0)).unwrap();
        let future = good.replace("\"schema\":1", "\"schema\":9");
        let text = format!("{good}\n\0\0\0\n{future}\n{{\"schema\":1}}\nnot json\n\n{good}\n");
        let read = parse_log(text.as_bytes());
        assert_eq!(read.attempts.len(), 2);
        let lines: Vec<usize> = read.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
        assert!(read.problems[1].message.contains("newer prep (schema 9"));
        let read = parse_log(&[0xff, 0xfe, b'\n']);
        assert_eq!(read.problems[0].message, "not UTF-8 text; skipped");
    }
}
