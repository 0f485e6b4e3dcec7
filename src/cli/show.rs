//! `prep show ID`: a question (or guide) in full, for reading away from the app.

use super::list::question_summary;
use super::output::print_json;
use super::{Format, Out};
use crate::bank::{Bank, Question, format_duration};
use crate::markdown;
use ratatui::style::{Color, Modifier, Style};
use serde_json::json;
use std::process::ExitCode;

pub fn show(w: &mut String, bank: &Bank, id: &str, format: Format, out: &Out) -> ExitCode {
    if let Some(q) = bank.question(id) {
        match format {
            Format::Json => print_json(w, &question_json(bank, q)),
            Format::Plain => question_plain(w, bank, q, out),
        }
        return ExitCode::SUCCESS;
    }
    if let Some(g) = bank.guide(id) {
        match format {
            Format::Json => print_json(
                w,
                &json!({"type": "guide", "id": g.id, "title": g.title, "summary": g.summary, "tags": g.tags, "body": g.body}),
            ),
            Format::Plain => {
                outln!(w, "{}", out.paint(&g.title, heading()));
                outln!(w);
                out.print_text(w, &markdown::render(&g.body, out.width, out.theme()));
            }
        }
        return ExitCode::SUCCESS;
    }
    eprintln!("prep: no question or guide with id `{id}`; `prep search {id}` may find it");
    ExitCode::from(1)
}

/// The full JSON form of a question (documented in the README).
pub fn question_json(bank: &Bank, q: &Question) -> serde_json::Value {
    let mut v = question_summary(q);
    v["type"] = json!("question");
    v["section_title"] = json!(bank.section(&q.section).map(|s| s.title.as_str()));
    v["probes"] = json!(q.probes);
    v["rubric_items"] = json!(bank.rubric(&q.rubric).map(|r| &r.items));
    v["checks"] = json!(q.checks);
    v["talking_points"] = json!(q.talking_points);
    v["pitfalls"] = json!(q.pitfalls);
    v["follow_ups"] = json!(q.follow_ups);
    v
}

fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

fn question_plain(w: &mut String, bank: &Bank, q: &Question, out: &Out) {
    let dim = Style::new().fg(Color::DarkGray);
    let section = bank
        .section(&q.section)
        .map_or(q.section.as_str(), |s| s.title.as_str());
    let roles: Vec<_> = q.roles.iter().map(|r| r.label()).collect();
    let meta = format!(
        "{} · {} · {} · {}{}",
        q.id,
        section,
        q.kind.label(),
        format_duration(q.time.into()),
        if roles.is_empty() {
            String::new()
        } else {
            format!(" · {}", roles.join(", "))
        }
    );
    outln!(w, "{}", out.paint(&meta, dim));
    outln!(w);
    let prompt = markdown::render(
        &format!("**{}**", escape(&q.prompt)),
        out.width,
        out.theme(),
    );
    out.print_text(w, &prompt);
    let list = |w: &mut String, title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        outln!(w);
        outln!(w, "{}", out.paint(title, heading()));
        let md: String = items.iter().map(|i| format!("- {}\n", escape(i))).collect();
        out.print_text(w, &markdown::render(&md, out.width, out.theme()));
    };
    list(w, "What it probes", &q.probes);
    if let Some(r) = bank.rubric(&q.rubric) {
        outln!(w);
        outln!(
            w,
            "{}",
            out.paint(&format!("Rubric: {}", r.title), heading())
        );
        let mut n = 0;
        for item in &r.items {
            n += 1;
            outln!(
                w,
                "  {n:>2}. {}  {}",
                item.text,
                out.paint(&format!("[{} · weight {}]", item.axis, item.weight), dim)
            );
        }
        for c in &q.checks {
            n += 1;
            outln!(w, "  {n:>2}. {c}  {}", out.paint("[own check]", dim));
        }
    }
    if !q.talking_points.trim().is_empty() {
        outln!(w);
        outln!(w, "{}", out.paint("Talking points", heading()));
        out.print_text(
            w,
            &markdown::render(&q.talking_points, out.width, out.theme()),
        );
    }
    list(w, "Pitfalls", &q.pitfalls);
    list(w, "Follow-ups", &q.follow_ups);
    if !q.tags.is_empty() {
        outln!(w);
        outln!(
            w,
            "{}",
            out.paint(&format!("Tags: {}", q.tags.join(", ")), dim)
        );
    }
}

/// Keep plain text from being read as Markdown markup when it is rendered.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
