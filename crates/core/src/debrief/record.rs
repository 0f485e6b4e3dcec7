//! Recording a debrief as the CLI and the TUI form both do: check what was typed, match each
//! question to the bank, write a draft for each one with no match, and save.

use super::{Asked, Debrief, drafts, match_question, new_id, save};
use crate::bank::Bank;
use std::path::Path;

/// What the user typed.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub date: String,
    pub company: String,
    pub round: String,
    pub questions: Vec<String>,
    /// 1-5, as typed.
    pub technical: String,
    pub people: String,
    pub fix: String,
}

fn rating(what: &str, text: &str) -> Result<Option<u8>, String> {
    match text.trim() {
        "" => Ok(None),
        t => match t.parse::<u8>() {
            Ok(n @ 1..=5) => Ok(Some(n)),
            _ => Err(format!(
                "{what} is `{t}`; rate it from 1 (badly) to 5 (very well)"
            )),
        },
    }
}

/// Check `typed` and turn it into a debrief, without saving anything.
pub fn check(typed: &Typed) -> Result<(), String> {
    if crate::plan::file::parse_date(&typed.date).is_none() {
        return Err(format!(
            "date `{}` is not a date like 2026-12-15",
            typed.date.trim()
        ));
    }
    if typed.company.trim().is_empty() {
        return Err("say which company the interview was with".into());
    }
    rating("how the technical side went", &typed.technical)?;
    rating("how the people side went", &typed.people)?;
    Ok(())
}

/// Save the debrief in `data_dir`; questions with no match in `bank` become drafts in
/// `bank_dir` (the user bank), when there is one. Returns it and one note per question.
pub fn record(
    data_dir: &Path,
    bank_dir: Option<&Path>,
    bank: &Bank,
    typed: &Typed,
    now: i64,
    salt: u64,
) -> Result<(Debrief, Vec<String>), String> {
    check(typed)?;
    // Read first: a debrief file that does not parse stops here, before any draft is written.
    super::read(data_dir)?;
    let mut index = crate::search::SearchIndex::new(bank);
    let mut notes = Vec::new();
    let mut questions = Vec::new();
    for text in typed
        .questions
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
    {
        if let Some(id) = match_question(bank, &mut index, text) {
            notes.push(format!("\"{text}\" is {id} in the bank"));
            questions.push(Asked {
                text: text.to_string(),
                question: Some(id),
                draft: false,
            });
            continue;
        }
        match bank_dir {
            Some(dir) => {
                let id = drafts::add(dir, bank, text, &typed.company)?;
                notes.push(format!(
                    "\"{text}\" is new: written as draft question {id} in {}",
                    drafts::path(dir).display()
                ));
                questions.push(Asked {
                    text: text.to_string(),
                    question: Some(id),
                    draft: true,
                });
            }
            None => {
                notes.push(format!(
                    "\"{text}\" is not in the bank (no user bank to add it to)"
                ));
                questions.push(Asked {
                    text: text.to_string(),
                    question: None,
                    draft: false,
                });
            }
        }
    }
    let d = Debrief {
        id: new_id(now, salt),
        at: now,
        date: typed.date.trim().to_string(),
        company: typed.company.trim().to_string(),
        round: typed.round.trim().to_string(),
        questions,
        technical: rating("technical", &typed.technical)?,
        people: rating("people", &typed.people)?,
        fix: typed.fix.trim().to_string(),
    };
    save(data_dir, &d)?;
    Ok((d, notes))
}
