//! The second opinion: an outside grader command (`[grader] command` in the config) reads one JSON
//! request on its stdin (the question, the checklist with item keys, the answer) and prints one
//! JSON reply (`{"items": {"<key>": {"met": true, "why": "..."}}, "summary": "..."}`). It runs on
//! a thread of its own with a time limit ([`run`]); whatever goes wrong comes back as a
//! [`GraderError`] that says what, and grading never waits for it.

mod job;
mod words;

pub use job::{Job, Outcome, TIME_LIMIT, run};
pub use words::split_words;

use crate::bank::{Bank, Question};
use crate::grades::SecondOpinion;
use crate::practice::ChecklistItem;
use serde::Serialize;

/// What prep writes on the grader's stdin.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Request {
    pub question: QuestionPart,
    pub checklist: Vec<ItemPart>,
    pub answer: AnswerPart,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionPart {
    pub id: String,
    pub prompt: String,
    pub kind: String,
    pub probes: Vec<String>,
    /// Markdown.
    pub talking_points: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemPart {
    pub key: String,
    pub text: String,
    pub axis: String,
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerPart {
    /// The transcript when there is one, else the notes typed while answering.
    pub text: String,
    /// `"transcript"` or `"notes"`.
    pub source: String,
    pub spoken_secs: u32,
    pub limit_secs: u32,
}

impl Request {
    /// The request for `q` answered with `text` (a transcript when `transcript`, else notes).
    pub fn new(
        bank: &Bank,
        q: &Question,
        text: &str,
        transcript: bool,
        (spoken_secs, limit_secs): (u32, u32),
    ) -> Request {
        Request {
            question: QuestionPart {
                id: q.id.to_string(),
                prompt: q.prompt.to_string(),
                kind: q.kind.as_str().to_string(),
                probes: q.probes.iter().map(|p| p.to_string()).collect(),
                talking_points: q.talking_points.to_string(),
            },
            checklist: crate::practice::checklist(bank, q)
                .iter()
                .map(ItemPart::from)
                .collect(),
            answer: AnswerPart {
                text: text.to_string(),
                source: if transcript { "transcript" } else { "notes" }.into(),
                spoken_secs,
                limit_secs,
            },
        }
    }
}

impl From<&ChecklistItem> for ItemPart {
    fn from(i: &ChecklistItem) -> ItemPart {
        ItemPart {
            key: i.key.clone(),
            text: i.text.clone(),
            axis: i.axis.as_str().to_string(),
            weight: i.weight,
        }
    }
}

/// Why there is no second opinion. Each message names the command and what it did wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GraderError {
    #[error("the grader command is empty; set [grader] command in the config")]
    Empty,
    #[error("cannot start the grader `{program}`: {reason}")]
    Start { program: String, reason: String },
    #[error("the grader `{program}` gave no answer within {secs} s and was stopped")]
    TimedOut { program: String, secs: u64 },
    #[error("the grader `{program}` failed ({status}){}", tail(.stderr))]
    Failed {
        program: String,
        status: String,
        stderr: String,
    },
    #[error(
        "the grader `{program}` printed something that is not the JSON prep expects ({reason}); it began: {start}"
    )]
    Malformed {
        program: String,
        reason: String,
        start: String,
    },
    #[error(
        "the grader `{program}` marked {key:?}, which is not an item of this checklist (its items: {known})"
    )]
    UnknownKey {
        program: String,
        key: String,
        known: String,
    },
}

fn tail(stderr: &str) -> String {
    match stderr.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(l) => format!(": {}", crate::config::printable(&shorten(l.trim()))),
        None => String::new(),
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Read the grader's stdout as a reply for a checklist with `keys`.
pub fn parse_reply(
    program: &str,
    stdout: &str,
    keys: &[String],
) -> Result<SecondOpinion, GraderError> {
    let opinion: SecondOpinion =
        serde_json::from_str(stdout.trim()).map_err(|e| GraderError::Malformed {
            program: program.to_string(),
            reason: e.to_string(),
            start: if stdout.trim().is_empty() {
                "(nothing)".into()
            } else {
                crate::config::printable(&shorten(stdout.trim()))
            },
        })?;
    if let Some(key) = opinion.items.keys().find(|k| !keys.contains(k)) {
        return Err(GraderError::UnknownKey {
            program: program.to_string(),
            key: key.clone(),
            known: keys.join(", "),
        });
    }
    Ok(opinion)
}

#[cfg(test)]
mod tests;
