//! Deleting an attempt without rewriting the log: a later line `{"schema":1,"deletes":"<id>",
//! "at":<unix>}` names it, and reading the log leaves out every attempt a deletion names, so
//! stats, review, history, export and calibration never see it. A deletion naming no attempt is
//! harmless.

use super::{LogRead, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

/// The record that marks one attempt deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deletion {
    pub schema: u32,
    /// The deleted attempt's id.
    pub deletes: String,
    /// When it was deleted, Unix seconds (UTC).
    pub at: i64,
}

impl Deletion {
    pub fn new(id: &str, at: i64) -> Self {
        Deletion {
            schema: SCHEMA_VERSION,
            deletes: id.to_string(),
            at,
        }
    }
}

/// The id a deletion line names, or `None` when the value is not a deletion.
pub(super) fn deleted_id(value: &serde_json::Value) -> Option<String> {
    value.get("deletes")?.as_str().map(str::to_string)
}

/// Leave out every attempt a deletion named (wherever in the log the deletion is).
pub(super) fn apply(read: &mut LogRead, deleted: &std::collections::HashSet<String>) {
    if !deleted.is_empty() {
        read.attempts.retain(|a| !deleted.contains(&a.id));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::super::{AttemptLog, parse_log};

    #[test]
    fn a_deleted_attempt_is_gone_from_the_log_and_everything_read_from_it() {
        let dir = tempfile::tempdir().unwrap();
        let log = AttemptLog::new(dir.path());
        log.append(&sample(1, 50.0)).unwrap();
        log.append(&sample(2, 90.0)).unwrap();
        log.delete("2-0000abcd", 3).unwrap();
        let read = log.read().unwrap();
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.attempts, vec![sample(1, 50.0)]);
        let mine = crate::history::of(&read.attempts, "sd-url-shortener");
        assert_eq!(mine.len(), 1);
        let latest = crate::stats::latest(&read.attempts);
        assert_eq!(latest["sd-url-shortener"].score, 50.0);
        // Nothing was rewritten: both attempts are still in the file.
        let text = std::fs::read_to_string(log.path()).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(
            text.lines()
                .last()
                .unwrap()
                .contains(r#""deletes":"2-0000abcd""#)
        );
    }

    #[test]
    fn a_deletion_of_an_unknown_id_or_before_its_attempt_is_harmless() {
        let deletion = r#"{"schema":1,"deletes":"nope","at":5}"#;
        let early = r#"{"schema":1,"deletes":"1-0000abcd","at":0}"#;
        let a = serde_json::to_string(&sample(1, 50.0)).unwrap();
        let b = serde_json::to_string(&sample(2, 60.0)).unwrap();
        let read = parse_log(format!("{early}\n{a}\n{deletion}\n{b}\n").as_bytes());
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.attempts, vec![sample(2, 60.0)]);
    }
}
