//! Reading the attempt log a line at a time: the file is streamed (never read whole into memory),
//! a line longer than [`MAX_LINE_BYTES`] is reported and skipped without being held, and a record
//! whose figures are out of range (a score of `1e308`, a time of a year) is reported by line and
//! skipped like any other bad line, so nothing downstream sizes a bar or a buffer from it.

use super::{Attempt, LogProblem, LogRead, SCHEMA_VERSION, deletion};
use std::collections::HashSet;
use std::io::{self, BufRead, Read};

/// No record prep writes comes near this (a long note is a few KiB).
pub const MAX_LINE_BYTES: u64 = 1024 * 1024;

/// The longest time a record may claim for a clock, an answer or overtime: one day.
const MAX_SECONDS: u32 = 86_400;

/// Every record and problem of a log read from `reader`.
pub(super) fn read_stream(mut reader: impl BufRead) -> io::Result<LogRead> {
    let mut read = LogRead::default();
    let mut deleted = HashSet::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        line += 1;
        let n = (&mut reader)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.last() != Some(&b'\n') && n as u64 > MAX_LINE_BYTES {
            skip_line(&mut reader)?;
            read.problems.push(LogProblem {
                line,
                message: format!(
                    "the line is longer than {} MiB, no record is that long; skipped",
                    MAX_LINE_BYTES / (1024 * 1024)
                ),
            });
            continue;
        }
        let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
        parse_line(&mut read, &mut deleted, line, raw);
    }
    deletion::apply(&mut read, &deleted);
    Ok(read)
}

/// Consume the rest of a line without keeping it.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let len = chunk.len();
                reader.consume(len);
            }
        }
    }
}

/// One line of the log: a good record is kept, anything else but a blank line is reported.
/// A deletion record's id goes into `deleted` instead.
pub(super) fn parse_line(
    read: &mut LogRead,
    deleted: &mut HashSet<String>,
    line: usize,
    raw: &[u8],
) {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return;
    }
    let mut problem = |message: String| read.problems.push(LogProblem { line, message });
    let Ok(text) = std::str::from_utf8(raw) else {
        return problem("not UTF-8 text; skipped".into());
    };
    if text.contains('\0') {
        return problem("contains NUL bytes (a torn write?); skipped".into());
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return problem(format!("not a complete record ({e}); skipped")),
    };
    let schema = value.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
    if schema > u64::from(SCHEMA_VERSION) {
        return problem(format!(
            "written by a newer prep (schema {schema}, this one reads {SCHEMA_VERSION}); kept, not shown"
        ));
    }
    if let Some(id) = deletion::deleted_id(&value) {
        deleted.insert(id);
        return;
    }
    match serde_json::from_value::<Attempt>(value) {
        Ok(mut a) => {
            if let Err(why) = check_figures(&a) {
                return problem(format!("{why}; skipped"));
            }
            if a.id.is_empty() {
                a.id = format!("{}-{}", a.at, a.question);
            }
            read.attempts.push(a)
        }
        Err(e) => problem(format!("not an attempt record ({e}); skipped")),
    }
}

/// Are the record's figures ones prep could have written?
fn check_figures(a: &Attempt) -> Result<(), String> {
    let percent = |name: &str, v: f64| {
        if v.is_finite() && (0.0..=100.0).contains(&v) {
            Ok(())
        } else {
            let shown = if v.abs() >= 1e6 {
                format!("{v:e}")
            } else {
                format!("{v}")
            };
            Err(format!("`{name}` is {shown}; a score is from 0 to 100"))
        }
    };
    percent("score", a.score)?;
    if let Some(t) = a.technical {
        percent("technical", t)?;
    }
    if let Some(p) = a.people {
        percent("people", p)?;
    }
    for (name, v) in [
        ("time_limit", a.time_limit),
        ("spoken", a.spoken),
        ("overtime", a.overtime),
    ] {
        if v > MAX_SECONDS {
            return Err(format!("`{name}` is {v} seconds; at most a day is kept"));
        }
    }
    for s in &a.stages {
        if s.used > MAX_SECONDS || s.suggested > MAX_SECONDS {
            return Err(format!("stage `{}` claims more than a day", s.stage));
        }
    }
    if a.items > 10_000 || a.checked.len() > 10_000 {
        return Err(format!(
            "`items` is {}; a checklist is far shorter",
            a.items
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(score: &str, spoken: &str) -> String {
        format!(
            r#"{{"schema":1,"at":1795262400,"question":"q","section":"s","kind":"behavioral","time_limit":90,"spoken":{spoken},"overtime":0,"checked":[],"items":4,"score":{score},"technical":null,"people":50}}"#
        )
    }

    #[test]
    fn out_of_range_figures_are_reported_by_line_and_skipped() {
        let text = [
            record("50", "60"),
            record("1e308", "60"),
            record("1e12", "60"),
            record("1e9", "60"),
            record("-1", "60"),
            record("50", "4000000000"),
            record("75", "61"),
        ]
        .join("\n");
        let read = read_stream(text.as_bytes()).unwrap();
        assert_eq!(read.attempts.len(), 2, "{:?}", read.problems);
        let lines: Vec<_> = read.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        assert_eq!(
            read.problems[0].message,
            "`score` is 1e308; a score is from 0 to 100; skipped"
        );
        assert!(
            read.problems[4]
                .message
                .starts_with("`spoken` is 4000000000 seconds")
        );
    }

    #[test]
    fn an_endless_line_is_skipped_without_being_held() {
        let mut text = record("50", "60");
        text.push('\n');
        text.push_str(&"x".repeat(MAX_LINE_BYTES as usize + 10));
        text.push('\n');
        text.push_str(&record("60", "60"));
        let read = read_stream(text.as_bytes()).unwrap();
        assert_eq!(read.attempts.len(), 2);
        assert_eq!(read.problems.len(), 1);
        assert_eq!(read.problems[0].line, 2);
        assert!(read.problems[0].message.contains("longer than 1 MiB"));
    }
}
