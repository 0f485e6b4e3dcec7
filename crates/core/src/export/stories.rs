//! The user's stories as the export carries them: what each says, section by section, and what
//! the STAR lint found, in types that read back from JSON.

use super::{LintFinding, StoryExport, StorySectionExport};
use crate::bank::Bank;
use crate::stories::{StoryBank, lint};

/// A serde word (`"no-lesson"`, `"warning"`) as a plain string.
fn word<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn from_stories(bank: &Bank, stories: &StoryBank) -> Vec<StoryExport> {
    stories
        .stories
        .iter()
        .map(|s| {
            let report = lint::lint(s, Some(bank));
            let values = |v: &[crate::stories::Placed]| v.iter().map(|p| p.value.clone()).collect();
            StoryExport {
                name: s.name.clone(),
                title: s.shown_title().to_string(),
                themes: values(&s.themes),
                roles: values(&s.roles),
                questions: values(&s.questions),
                sections: s
                    .sections
                    .iter()
                    .map(|sec| StorySectionExport {
                        heading: sec.heading.clone(),
                        text: sec.text.clone(),
                    })
                    .collect(),
                words: report.figures.words,
                action_percent: report.figures.action_percent,
                findings: report
                    .findings
                    .iter()
                    .map(|f| LintFinding {
                        rule: word(&f.rule),
                        severity: word(&f.severity),
                        line: f.line,
                        message: f.message.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}
