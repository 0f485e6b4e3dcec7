//! The final-week checklist: the `- [ ]` items of the final-week guide (`content/guides/08`),
//! each with a stable id (from its first words) that `plan.yaml` lists once ticked.

use crate::bank::Bank;
use serde::Serialize;

/// The guide the checklist comes from.
pub const GUIDE: &str = "final-week";

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    /// The item as plain text, on one line.
    pub text: String,
}

/// Every unticked-box item of the final-week guide, in the guide's order (none when the bank
/// has no such guide).
pub fn items(bank: &Bank) -> Vec<Item> {
    let Some(guide) = bank.guide(GUIDE) else {
        return Vec::new();
    };
    let mut out: Vec<Item> = Vec::new();
    let mut current: Option<String> = None;
    let flush = |text: Option<String>, out: &mut Vec<Item>| {
        if let Some(t) = text {
            let text = plain(&t);
            let mut id = id_of(&text);
            if out.iter().any(|i| i.id == id) {
                id = format!("{id}-{}", out.len() + 1);
            }
            out.push(Item { id, text });
        }
    };
    for line in guide.body.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("- [ ] ") {
            flush(current.take(), &mut out);
            current = Some(rest.to_string());
        } else if current.is_some() && line.starts_with("  ") && !trimmed.starts_with("- ") {
            if let Some(c) = current.as_mut() {
                c.push(' ');
                c.push_str(trimmed);
            }
        } else {
            flush(current.take(), &mut out);
        }
    }
    flush(current.take(), &mut out);
    out
}

/// Markdown emphasis dropped, white space collapsed.
fn plain(text: &str) -> String {
    let no_marks: String = text.chars().filter(|c| *c != '*' && *c != '`').collect();
    no_marks.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first four words, lowercase, dashed: `three-or-four-flexible`.
fn id_of(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}
