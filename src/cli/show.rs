//! `prep show ID`: a question (or guide) in full, for reading away from the app.

use super::list::question_summary;
use super::output::print_json;
use super::{Format, Out};
use crate::markdown;
use prep_core::bank::{Bank, Question};
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
                outln!(w, "{}", out.paint(&g.title, out.styles().title()));
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
    v["section_title"] = json!(bank.section(&q.section).map(|s| s.title.as_ref()));
    v["probes"] = json!(q.probes);
    v["rubric_items"] = json!(bank.rubric(&q.rubric).map(|r| &r.items));
    v["checks"] = json!(q.checks);
    v["talking_points"] = json!(q.talking_points);
    v["pitfalls"] = json!(q.pitfalls);
    v["follow_ups"] = json!(q.follow_ups);
    v
}

fn question_plain(w: &mut String, bank: &Bank, q: &Question, out: &Out) {
    let doc = prep_core::doc::question_markdown(bank, q);
    out.print_text(w, &markdown::render(&doc, out.width, out.theme()));
}
