//! Debriefs of real interviews: `<data dir>/debriefs.jsonl`, one JSON record a line (date,
//! company, round, the questions asked, how it went on each axis, what to fix), each with a stable
//! id so a line synced from two machines counts once. The file is rewritten whole and atomically
//! on each save; one with a line that does not parse is reported and kept, never rewritten.
//!
//! The questions asked are free text, matched to the bank by search ([`match_question`]); one
//! with no match becomes a draft question in the user bank ([`drafts`]).

pub mod drafts;
mod record;
pub use record::{Typed, check, record};
#[cfg(test)]
mod tests;

use crate::bank::Bank;
use crate::storage::{Attempt, Replace, StorageError, write_atomic};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One question as the interviewer asked it, and the bank question it was matched to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub text: String,
    /// The bank question it matched, or the draft written for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// True when `question` is a draft this debrief wrote.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub id: String,
    /// When it was saved (Unix seconds).
    pub at: i64,
    /// The interview's day, `YYYY-MM-DD`.
    pub date: String,
    pub company: String,
    pub round: String,
    pub questions: Vec<Asked>,
    /// How it went, 1 (badly) to 5 (very well), on each axis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<u8>,
    #[serde(default)]
    pub fix: String,
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("debriefs.jsonl")
}

/// Every debrief (deduplicated by id, first kept), or the first line that does not parse.
pub fn read(data_dir: &Path) -> Result<Vec<Debrief>, String> {
    let p = path(data_dir);
    let text = match std::fs::read_to_string(&p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", p.display())),
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Debrief = serde_json::from_str(line).map_err(|e| {
            format!(
                "{}:{}: not a debrief record ({e}); the file is kept as it is",
                p.display(),
                n + 1
            )
        })?;
        if seen.insert(d.id.clone()) {
            out.push(d);
        }
    }
    Ok(out)
}

/// Add a debrief: the whole file is written again, atomically, with it at the end.
pub fn save(data_dir: &Path, d: &Debrief) -> Result<(), String> {
    let mut all = read(data_dir)?;
    all.push(d.clone());
    std::fs::create_dir_all(data_dir)
        .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
    let mut text = String::new();
    for d in &all {
        text.push_str(&serde_json::to_string(d).map_err(|e| e.to_string())?);
        text.push('\n');
    }
    write_atomic(&path(data_dir), text.as_bytes(), Replace::Allow)
        .map_err(|e: StorageError| e.to_string())
}

/// A new debrief's id: its time and random bits.
pub fn new_id(at: i64, salt: u64) -> String {
    format!("debrief-{at}-{:04x}", salt & 0xffff)
}

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// The bank question `text` is, if search finds one that shares at least half its words.
pub fn match_question(
    bank: &Bank,
    index: &mut crate::search::SearchIndex,
    text: &str,
) -> Option<String> {
    let asked = words(text);
    if asked.is_empty() {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for hit in index.search(text, 8) {
        let crate::search::Target::Question(i) = hit.target else {
            continue;
        };
        let prompt = words(&bank.questions[i].prompt);
        let shared = asked.intersection(&prompt).count() as f64 / asked.len() as f64;
        if shared >= 0.5 && best.is_none_or(|(_, s)| shared > s) {
            best = Some((i, shared));
        }
    }
    best.map(|(i, _)| bank.questions[i].id.to_string())
}

/// Questions from debriefs to answer again: every matched question of a debrief that went less
/// than well on an axis (or has something to fix), not practised since that debrief.
pub fn fix_list(debriefs: &[Debrief], attempts: &[Attempt]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in debriefs {
        let shaky = d.technical.is_some_and(|r| r <= 3)
            || d.people.is_some_and(|r| r <= 3)
            || !d.fix.trim().is_empty();
        if !shaky {
            continue;
        }
        for q in d.questions.iter().filter_map(|a| a.question.as_ref()) {
            let since = attempts.iter().any(|a| a.question == *q && a.at > d.at);
            if !since && !out.contains(q) {
                out.push(q.clone());
            }
        }
    }
    out
}

/// [`fix_list`] for a data folder (no debriefs, or unreadable ones: none).
pub fn fix_list_in(data_dir: &Path, attempts: &[Attempt]) -> Vec<String> {
    read(data_dir)
        .map(|d| fix_list(&d, attempts))
        .unwrap_or_default()
}

/// The debriefs as a Markdown section of the export (empty when there are none).
pub fn markdown(all: &[Debrief]) -> String {
    let mut md = String::new();
    if all.is_empty() {
        return md;
    }
    md.push_str("\n## Real interviews\n\n");
    for d in all {
        let r = |v: Option<u8>| v.map_or("not rated".to_string(), |n| format!("{n}/5"));
        md.push_str(&format!(
            "### {} · {}{}\n\nTechnical {}, people {}.\n\n",
            d.date,
            d.company,
            if d.round.is_empty() {
                String::new()
            } else {
                format!(" · {}", d.round)
            },
            r(d.technical),
            r(d.people)
        ));
        for q in &d.questions {
            let id = q
                .question
                .as_deref()
                .map_or(String::new(), |i| format!(" (`{i}`)"));
            md.push_str(&format!("- {}{id}\n", q.text));
        }
        if !d.fix.is_empty() {
            md.push_str(&format!("\nTo fix: {}\n", d.fix));
        }
        md.push('\n');
    }
    md
}
