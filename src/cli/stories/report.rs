//! `prep stories lint` and `prep stories coverage`: findings per story with their lines and
//! figures, and the themes × stories grid with the questions each empty theme leaves uncovered.

use super::{bold, count, stories_count};
use crate::cli::output::{pad, print_json};
use crate::cli::{Format, Out};
use prep_core::bank::Bank;
use prep_core::stories::StoryBank;
use prep_core::stories::coverage::Coverage;
use prep_core::stories::lint::{Report, Severity};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

pub fn lint_all(w: &mut String, b: &StoryBank, bank: &Bank, format: Format, out: &Out) {
    let reports = b.reports(bank);
    if format == Format::Json {
        let items: Vec<_> = b
            .stories
            .iter()
            .zip(&reports)
            .map(|(s, r)| {
                json!({
                    "name": s.name, "file": s.path.display().to_string(), "title": s.shown_title(),
                    "warnings": r.warnings(), "notes": r.findings.len() - r.warnings(),
                    "figures": r.figures, "findings": r.findings,
                })
            })
            .collect();
        print_json(
            w,
            &json!({"ok": b.problems.is_empty(), "stories": items, "problems": b.problems}),
        );
        return;
    }
    if b.stories.is_empty() && b.problems.is_empty() {
        outln!(
            w,
            "No stories yet in {}; `prep stories new \"A title\"` starts one.",
            b.dir.display()
        );
        return;
    }
    let warn = out.styles().warn().bold();
    let dim = out.styles().dim();
    for (s, r) in b.stories.iter().zip(&reports) {
        let f = &r.figures;
        let pct = f
            .action_percent
            .map_or("–".to_string(), |p| format!("{p}%"));
        let title = prep_core::text::clean_line(s.shown_title()).into_owned();
        outln!(
            w,
            "{}  {}",
            out.paint(&title, bold()),
            out.paint(
                &format!(
                    "Action {pct} of {} words · I {}, we {} · Situation {} sentence{}",
                    f.words,
                    f.i_count,
                    f.we_count,
                    f.situation_sentences,
                    if f.situation_sentences == 1 { "" } else { "s" }
                ),
                dim
            )
        );
        for x in &r.findings {
            let label = match x.severity {
                Severity::Warning => out.paint("warning", warn),
                Severity::Note => out.paint("note", dim),
            };
            outln!(
                w,
                "  {}:{}: {label}: {}",
                s.path.display(),
                x.line,
                crate::markdown::sanitize(&x.message)
            );
        }
        if r.findings.is_empty() {
            outln!(w, "  {}", out.paint("no findings", out.styles().good()));
        }
    }
    let warnings: usize = reports.iter().map(Report::warnings).sum();
    let notes: usize = reports.iter().map(|r| r.findings.len()).sum::<usize>() - warnings;
    outln!(w);
    outln!(
        w,
        "{}: {} · {}",
        stories_count(b.stories.len()),
        count(warnings, "warning"),
        count(notes, "note")
    );
}

pub fn coverage_grid(w: &mut String, c: &Coverage, format: Format, out: &Out) {
    if format == Format::Json {
        let themes: Vec<_> = c
            .themes
            .iter()
            .map(|r| {
                json!({
                    "id": r.id, "label": r.label, "known": r.known,
                    "stories": r.stories.iter().map(|&i| &c.stories[i].name).collect::<Vec<_>>(),
                    "questions": r.questions,
                })
            })
            .collect();
        let empty: Vec<_> = c.empty_themes().map(|r| &r.id).collect();
        print_json(
            w,
            &json!({"stories": c.stories, "themes": themes, "empty": empty}),
        );
        return;
    }
    let known = c.themes.iter().filter(|r| r.known).count();
    outln!(
        w,
        "{}",
        out.paint(
            &format!(
                "{} of {known} themes have a story ({})",
                c.covered(),
                stories_count(c.stories.len())
            ),
            bold()
        )
    );
    outln!(w);
    let label_w = c
        .themes
        .iter()
        .map(|r| r.label.width())
        .max()
        .unwrap_or(8)
        // Fitted on a terminal; piped, as wide as the widest label.
        .min(if out.tty { 30 } else { usize::MAX });
    let cols: String = (1..=c.stories.len())
        .map(|i| format!("{:<2}", i % 100))
        .collect();
    if !c.stories.is_empty() {
        outln!(
            w,
            "{}  {}",
            " ".repeat(label_w),
            out.paint(&cols, out.styles().dim())
        );
    }
    let mut own_header = false;
    for r in &c.themes {
        if !r.known && !own_header {
            own_header = true;
            outln!(w, "{}", out.paint("Your own themes", bold()));
        }
        let cells: String = (0..c.stories.len())
            .map(|i| {
                if r.stories.contains(&i) {
                    "● "
                } else {
                    "· "
                }
            })
            .collect();
        let mut line = format!("{}  {cells}", pad(&out.fit(&r.label, label_w), label_w));
        if r.is_empty() && r.known {
            let needs = if r.questions.len() == 1 {
                "needs"
            } else {
                "need"
            };
            let text = format!(
                " no story; {} {needs} one",
                count(r.questions.len(), "question")
            );
            line.push_str(&out.paint(&text, out.styles().warn()));
        }
        outln!(w, "{line}");
    }
    if !c.stories.is_empty() {
        outln!(w);
        for (i, s) in c.stories.iter().enumerate() {
            let title = prep_core::text::clean_line(&s.title);
            let dim = out.styles().dim();
            outln!(
                w,
                "{:>2}  {}  {}",
                i + 1,
                prep_core::text::clean_line(&s.name),
                out.paint(&title, dim)
            );
        }
    }
    if c.empty_themes().next().is_some() {
        outln!(w);
        outln!(w, "{}", out.paint("Questions waiting for a story", bold()));
        for r in c.empty_themes() {
            let lead = format!("  {}: ", r.label);
            let room = usize::from(out.width).saturating_sub(lead.chars().count());
            outln!(w, "{lead}{}", out.fit(&r.questions.join(", "), room));
        }
    }
}
