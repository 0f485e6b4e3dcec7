//! Everything the user practised as one document, for `prep export`: a summary, progress per
//! section, the weakest rubric items, every attempt with its notes, every mock report, and the
//! user's stories with their STAR lint when there are any. The same document is written as JSON
//! (which reads back into these types), CSV (one row per attempt) or a Markdown report to print
//! before the interview. No terminal code.

mod csv;
mod markdown;
mod stories;
#[cfg(test)]
mod tests;

pub use csv::attempts_csv;
pub use markdown::{export_markdown, export_markdown_in};
pub use stories::from_stories;

use crate::bank::Bank;
use crate::mock::{MissedItem, MockReport};
use crate::storage::Attempt;
use serde::{Deserialize, Serialize};

/// The layout of an export; a reader may expect fields to be added, never renamed or removed.
pub const EXPORT_SCHEMA: u32 = 1;
/// Rubric items listed as weakest across the latest answer to each question.
const WEAKEST: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub schema: u32,
    /// Unix seconds (UTC) when the export was made.
    pub generated_at: i64,
    pub summary: Summary,
    pub sections: Vec<crate::stats::SectionStats>,
    /// Across the latest answer to each question.
    pub weakest: Vec<MissedItem>,
    /// Every readable attempt in the log, oldest first, exactly as logged.
    pub attempts: Vec<Attempt>,
    /// One report per mock loop, the latest first.
    pub mocks: Vec<MockReport>,
    /// The user's stories and their lint; absent when the build or the data folder has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stories: Option<Vec<StoryExport>>,
    /// Debriefs of real interviews (`prep debrief`); absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debriefs: Option<Vec<crate::debrief::Debrief>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub attempts: usize,
    pub practised_questions: usize,
    pub questions: usize,
    /// Percentages 0-100; `None` means no data yet.
    pub average: Option<f64>,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    pub overtime_rate: Option<f64>,
    pub streak_days: u32,
    pub last_practice: Option<String>,
    /// Ticked and total rubric weight per axis over every attempt.
    #[serde(default)]
    pub weights: crate::grades::Axes,
}

/// One story as exported: what it says and what the STAR lint found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryExport {
    /// The file name without `.md`.
    pub name: String,
    pub title: String,
    pub themes: Vec<String>,
    pub roles: Vec<String>,
    pub questions: Vec<String>,
    /// Each `##` section as plain text, in file order.
    pub sections: Vec<StorySectionExport>,
    pub words: usize,
    pub action_percent: Option<u32>,
    pub findings: Vec<LintFinding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySectionExport {
    pub heading: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LintFinding {
    pub rule: String,
    pub severity: String,
    pub line: u32,
    pub message: String,
}

/// Build the export from the bank and the log; `stories` is passed in by whoever can read them.
pub fn build(
    bank: &Bank,
    attempts: &[Attempt],
    now_unix: i64,
    stories: Option<Vec<StoryExport>>,
) -> Export {
    let st = crate::stats::compute(bank, attempts, now_unix);
    let latest: Vec<&Attempt> = {
        let map = crate::stats::latest(attempts);
        // Log order, so ties in the ranking are stable from run to run.
        attempts
            .iter()
            .filter(|a| {
                map.get(a.question.as_str())
                    .is_some_and(|l| std::ptr::eq(*l, *a))
            })
            .collect()
    };
    let mocks = crate::mock::mock_ids(attempts)
        .iter()
        .filter_map(|id| crate::mock::report(bank, attempts, id))
        .collect();
    Export {
        schema: EXPORT_SCHEMA,
        generated_at: now_unix,
        summary: Summary {
            attempts: st.attempts,
            practised_questions: st.practised_questions,
            questions: bank.questions.len(),
            average: st.average,
            technical: st.technical,
            people: st.people,
            overtime_rate: st.overtime_rate,
            streak_days: st.streak_days,
            last_practice: st.last_practice,
            weights: st.weights,
        },
        sections: st.sections,
        weakest: crate::mock::weakest_items(bank, &latest, WEAKEST),
        attempts: attempts.to_vec(),
        mocks,
        stories,
        debriefs: None,
    }
}

/// `YYYY-MM-DD HH:MM` (UTC) for Unix seconds: the CSV's `date_utc` column. The Markdown report
/// shows local times instead ([`crate::days::Zone::date_time`]).
pub fn date_time(unix: i64) -> String {
    crate::days::Zone::utc().date_time(unix)
}

/// The export as pretty JSON, ending in a newline; DEL, C1 and bidirectional controls written as
/// `\uXXXX` escapes ([`crate::text::json_escape`]).
pub fn to_json(export: &Export) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(export).map(|s| {
        let mut s = crate::text::json_escape(&s).into_owned();
        s.push('\n');
        s
    })
}
