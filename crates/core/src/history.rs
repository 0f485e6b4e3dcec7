//! Every attempt at one question, newest first: when, the score overall and per axis, the time
//! spoken against the limit and the notes. For `prep history ID` and the reader's history (`H`).

use crate::bank::Bank;
use crate::days::Zone;
use crate::doc::{escape, notes_markdown};
use crate::practice::format_clock;
use crate::storage::Attempt;
use serde_json::{Value, json};

/// The attempts at question `id`, newest first.
pub fn of<'a>(attempts: &'a [Attempt], id: &str) -> Vec<&'a Attempt> {
    let mut mine: Vec<&Attempt> = attempts.iter().filter(|a| a.question == id).collect();
    mine.sort_by_key(|a| std::cmp::Reverse(a.at));
    mine
}

/// One line of facts about an attempt: "2026-11-21 12:00 · 64% · technical 0 of 2 · people 7 of
/// 12 (58%) · spoke 1:20 of 1:30" (an axis by its weight, as everywhere).
pub fn facts(bank: &Bank, a: &Attempt, zone: &Zone) -> String {
    let w = crate::grades::axes(bank, a);
    let mut out = format!(
        "{} · {:.0}% · technical {} · people {} · spoke {} of {}",
        zone.date_time(a.at),
        a.score,
        w.technical.single(),
        w.people.single(),
        format_clock(i64::from(a.spoken)),
        format_clock(i64::from(a.time_limit)),
    );
    if a.overtime > 0 {
        out.push_str(&format!(" ({} over)", format_clock(i64::from(a.overtime))));
    }
    if let Some(m) = &a.mock {
        out.push_str(&format!(" · in {m}"));
    }
    out
}

/// The history as Markdown, for the reader: one heading per attempt, its facts, its notes.
pub fn markdown(bank: &Bank, attempts: &[Attempt], id: &str, zone: &Zone) -> String {
    let title = bank.question(id).map_or(id, |q| q.prompt.as_ref());
    let mine = of(attempts, id);
    let mut md = format!("**{}**\n\n", escape(title));
    if mine.is_empty() {
        md.push_str("No attempts yet: `d` drills it.\n");
        return md;
    }
    md.push_str(&format!(
        "{} attempt{}, newest first ({})\n\n",
        mine.len(),
        if mine.len() == 1 { "" } else { "s" },
        escape(zone.name())
    ));
    for (i, a) in mine.iter().enumerate() {
        md.push_str(&format!(
            "## {}. {}\n\n",
            mine.len() - i,
            escape(&facts(bank, a, zone))
        ));
        md.push_str(&format!(
            "{} of {} items ticked\n\n",
            a.checked.len(),
            a.items
        ));
        if !a.notes.trim().is_empty() {
            md.push_str(&notes_markdown(&a.notes, 3));
            md.push('\n');
        }
    }
    md
}

/// The `--format json` shape: the attempts as the log keeps them, newest first.
pub fn to_json(attempts: &[Attempt], id: &str) -> Value {
    json!({ "question": id, "attempts": of(attempts, id) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(id: &str, at: i64, score: f64, notes: &str) -> Attempt {
        serde_json::from_value(json!({
            "schema": 1, "id": format!("{at}-x"), "at": at, "question": id, "section": "s",
            "kind": "behavioral", "time_limit": 90, "spoken": 100, "overtime": 10,
            "checked": ["a"], "items": 5, "score": score, "technical": null, "people": score,
            "notes": notes
        }))
        .unwrap()
    }

    #[test]
    fn newest_first_with_every_figure_and_the_notes() {
        let log = vec![
            attempt("q", 1_000, 20.0, "first try"),
            attempt("other", 2_000, 90.0, ""),
            attempt("q", 3_000, 60.0, "## Clarify\nbetter"),
        ];
        let bank = crate::bank::load_builtin();
        let md = markdown(&bank, &log, "q", &Zone::utc());
        let newest = md.find("60%").unwrap();
        let oldest = md.find("20%").unwrap();
        assert!(newest < oldest, "{md}");
        assert!(md.contains("2 attempts, newest first (UTC)"), "{md}");
        assert!(
            md.contains(
                "technical no items · people 3 of 5 (60%) · spoke 1:40 of 1:30 (0:10 over)"
            ),
            "axes by their weight: {md}"
        );
        assert!(
            md.contains("first try") && md.contains("### Clarify"),
            "{md}"
        );
        assert!(!md.contains("90%"), "other questions stay out");
        assert_eq!(to_json(&log, "q")["attempts"].as_array().unwrap().len(), 2);
    }
}
