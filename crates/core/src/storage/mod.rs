//! The user's attempt log: `attempts.jsonl` in the data folder, one JSON record per graded attempt,
//! appended whole under a file lock and flushed to disk before the app says "saved". Reading keeps
//! every good record and reports each bad line by number; the file is never rewritten. Whole files
//! (stories, exports) are written with [`write_atomic`]: temp file, fsync, rename, fsync the folder.

use crate::bank::Kind;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

mod atomic;
pub mod deletion;
mod lock;
mod stale;
mod stream;

use crate::bank::regular::ReadProblem;
pub use atomic::{Replace, sync_dir, write_atomic};
use lock::{LockFailure, reason};

/// The record layout this build writes. Records with a larger number are kept but not read.
pub const SCHEMA_VERSION: u32 = 1;

pub const LOG_FILE: &str = "attempts.jsonl";

/// One graded attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub schema: u32,
    /// A stable id for this record (`<unix secs>-<8 hex>`), unique across machines in practice.
    /// Records written before ids existed get `<at>-<question>` when read, which is stable too.
    #[serde(default)]
    pub id: String,
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
    /// The mock loop this attempt belonged to (`mock-<unix secs>`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock: Option<String>,
    /// Time per stage of a paced design session (empty for a short drill).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageTime>,
    /// Axis weights, who graded, re-grade link, second opinion: see [`crate::grades::GradeInfo`].
    #[serde(flatten)]
    pub grade: crate::grades::GradeInfo,
    /// The answer's recording in `<data>/recordings/`, when it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<crate::audio::RecordingRef>,
    /// How it was delivered: STAR part times, speaking time and pauses, transcript figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<crate::audio::Delivery>,
}

/// A new attempt id for a record graded at `at` (Unix seconds): the time, then 32 random bits.
pub fn new_attempt_id(at: i64) -> String {
    let bits = crate::rng::Rng::from_time().next_u64();
    format!("{at}-{:08x}", (bits >> 32) as u32 ^ bits as u32)
}

/// One stage of a paced design session: its name (`clarify`, `deep-dive`, ...), the seconds
/// spent in it and the seconds the plan suggested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTime {
    pub stage: String,
    pub used: u32,
    /// The stage's time as it stood when the session ended: the plan plus any extensions.
    pub suggested: u32,
    /// Seconds the user added to the plan with "one more minute" (0 when none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extended: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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

/// Why the log (or a file written with [`write_atomic`]) could not be read or saved. Every message
/// names the file and says in plain words what failed; none of them means earlier data was lost.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("cannot create the data folder {path}: {reason}")]
    CreateDir { path: String, reason: String },
    #[error("cannot open {path} to save: {reason}; everything saved before is untouched")]
    Open { path: String, reason: String },
    #[error(
        "another prep{} is saving to {path}; waited {secs} s for it; try again in a moment",
        holder.map(|p| format!(" (process {p})")).unwrap_or_default()
    )]
    Locked {
        path: String,
        holder: Option<u32>,
        secs: u64,
    },
    #[error("cannot lock {path}: {reason}; nothing was written")]
    Lock { path: String, reason: String },
    #[error(
        "cannot write {path}: {reason}; this record was not saved, everything saved before is untouched"
    )]
    Write { path: String, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} already exists; it was left as it is")]
    Exists { path: String },
    #[error("cannot save {path}: {reason}; the file as it was is untouched")]
    Save { path: String, reason: String },
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

    /// Append one record, whole, and flush it to disk. Waits up to [`lock::PATIENCE`] for another
    /// writer. If the write fails midway (a full disk), the partial record is cut off again, so the
    /// file is exactly as it was.
    pub fn append(&self, attempt: &Attempt) -> Result<(), StorageError> {
        self.append_line(serde_json::to_string(attempt).unwrap_or_default())
    }

    /// Mark the attempt `id` deleted by appending a deletion record, durably like [`Self::append`].
    /// Reading the log leaves the attempt out from then on; nothing already written is changed.
    pub fn delete(&self, id: &str, at: i64) -> Result<(), StorageError> {
        let record = deletion::Deletion::new(id, at);
        self.append_line(serde_json::to_string(&record).unwrap_or_default())
    }

    fn append_line(&self, mut line: String) -> Result<(), StorageError> {
        let path = self.shown();
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| StorageError::CreateDir {
            path: dir.display().to_string(),
            reason: reason(&e),
        })?;
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(|e| StorageError::Open {
                path: path.clone(),
                reason: reason(&e),
            })?;
        match lock::lock_with_patience(&file, false) {
            Ok(()) => {}
            Err(LockFailure::Busy) => {
                return Err(StorageError::Locked {
                    holder: lock::holder(&file),
                    path,
                    secs: lock::PATIENCE.as_secs(),
                });
            }
            Err(LockFailure::Unsupported(e)) => {
                return Err(StorageError::Lock {
                    path,
                    reason: reason(&e),
                });
            }
        }
        line.push('\n');
        let start = file.seek(SeekFrom::End(0)).unwrap_or(0);
        // A previous writer killed mid-line leaves no newline: start on a fresh line so the torn
        // record stays separate (and reported) instead of spoiling this one.
        if needs_newline(&mut file, start) {
            line.insert(0, '\n');
        }
        let result = file
            .write_all(line.as_bytes())
            .and_then(|()| file.sync_data());
        if result.is_err() {
            // Only our own partial line is past `start`, and we still hold the lock.
            let _ = file.set_len(start).and_then(|()| file.sync_data());
        }
        let _ = file.unlock();
        result.map_err(|e| StorageError::Write {
            path: path.clone(),
            reason: reason(&e),
        })?;
        if start == 0 {
            // A new file is durable only once its folder entry is.
            let _ = atomic::sync_dir(dir);
        }
        Ok(())
    }

    /// Every readable record, and a problem for each line that is not one. A missing log is empty.
    /// Waits (briefly) for a writer to finish its record, so a half-written one is not reported.
    pub fn read(&self) -> Result<LogRead, StorageError> {
        let read_error = |e: std::io::Error| StorageError::Read {
            path: self.shown(),
            reason: lock::read_reason(&e),
        };
        // Only a regular file, opened without blocking (a FIFO or `/dev/zero` is refused).
        let file = match crate::bank::regular::open_regular(&self.path) {
            Ok(f) => f,
            Err(ReadProblem::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(LogRead::default());
            }
            Err(ReadProblem::Io(e)) => return Err(read_error(e)),
            Err(other) => {
                return Err(StorageError::Read {
                    path: self.shown(),
                    reason: other.to_string(),
                });
            }
        };
        // Reading never needs the lock: without it a record being written may show as torn.
        let locked = lock::lock_with_patience(&file, true).is_ok();
        let result = stream::read_stream(std::io::BufReader::new(&file));
        if locked {
            let _ = file.unlock();
        }
        result.map_err(read_error)
    }
}

fn needs_newline(file: &mut File, len: u64) -> bool {
    if len == 0 || file.seek(SeekFrom::End(-1)).is_err() {
        return false;
    }
    let mut last = [0u8; 1];
    file.read_exact(&mut last).is_ok() && last[0] != b'\n'
}

/// Parse log bytes: good records are kept, every other non-blank line is reported by number.
pub fn parse_log(bytes: &[u8]) -> LogRead {
    let mut read = LogRead::default();
    let mut deleted = std::collections::HashSet::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        stream::parse_line(&mut read, &mut deleted, i + 1, raw);
    }
    deletion::apply(&mut read, &deleted);
    read
}

#[cfg(test)]
mod tests;
