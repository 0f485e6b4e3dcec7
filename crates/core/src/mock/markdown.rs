//! A mock report as Markdown: what `prep mock --report` prints, the report screen shows and the
//! Markdown export embeds, through the one Markdown renderer.

use super::MockReport;
use crate::bank::Bank;
use crate::doc::escape;
use crate::practice::format_clock;
use std::fmt::Write as _;

fn pct(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{v:.0}%"))
}

fn clock(secs: u32) -> String {
    format_clock(i64::from(secs))
}

/// The report as Markdown, its headings starting at `level` (1 = `#`).
pub fn report_markdown(bank: &Bank, r: &MockReport, level: usize) -> String {
    let h = "#".repeat(level.clamp(1, 5));
    let mut md = String::new();
    let n = r.questions.len();
    let _ = writeln!(md, "{h} Mock {} · {}\n", escape(&r.id), r.date);
    let _ = writeln!(
        md,
        "{n} answer{} graded · overall **{}** · technical judgement **{}** · people leadership **{}**\n",
        if n == 1 { "" } else { "s" },
        pct(r.average),
        r.weights.technical.long(),
        r.weights.people.long(),
    );
    md.push_str(&report_body_markdown(bank, r, level));
    md
}

/// Everything below the scores: overtime, the table of answers, the weakest rubric items and
/// what to drill next (the report screen draws the scores as gauges instead).
pub fn report_body_markdown(bank: &Bank, r: &MockReport, level: usize) -> String {
    let h = "#".repeat(level.clamp(1, 5));
    let mut md = String::new();
    let n = r.questions.len();
    let over = if r.over_time == 0 {
        "Every answer finished within its time.".to_string()
    } else {
        format!(
            "{} of {n} answers ran over, {} over in all.",
            r.over_time,
            format_clock(-i64::from(r.overtime_secs))
        )
    };
    let _ = writeln!(md, "Overtime: {over}\n");
    md.push_str("| # | Question | Part | Score | Technical | People | Spoken / limit | Over |\n");
    md.push_str("|---|---|---|---|---|---|---|---|\n");
    for (i, q) in r.questions.iter().enumerate() {
        let over = if q.overtime > 0 {
            format_clock(-i64::from(q.overtime))
        } else {
            "–".into()
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} / {} | {over} |",
            i + 1,
            escape(&q.question),
            q.part,
            pct(Some(q.score)),
            q.weights.technical.single(),
            q.weights.people.single(),
            clock(q.spoken),
            clock(q.time_limit),
        );
    }
    md.push('\n');
    let _ = writeln!(md, "{h}# Weakest rubric items\n");
    if r.weakest.is_empty() {
        md.push_str("Nothing left unticked.\n\n");
    }
    for (i, m) in r.weakest.iter().enumerate() {
        let _ = writeln!(
            md,
            "{}. {} (missed {} of {}, {}: {})",
            i + 1,
            escape(&m.text),
            m.missed,
            m.of,
            m.axis.as_str(),
            escape(&m.questions.join(", "))
        );
    }
    md.push('\n');
    if let Some(next) = &r.next {
        let _ = writeln!(md, "{h}# What to drill next\n");
        let _ = writeln!(
            md,
            "The weakest part was **{}** (average {:.0}%). Drill these next:\n",
            next.part, next.average
        );
        for id in &next.questions {
            let prompt = bank.question(id).map_or("", |q| q.prompt.as_ref());
            let _ = writeln!(md, "- `{}`: {}", id.replace('`', "'"), escape(prompt));
        }
        md.push('\n');
    }
    md
}
