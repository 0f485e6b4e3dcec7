//! `prep show ID`: a question (or guide) in full, for reading away from the app.

use super::list::question_summary;
use super::output::print_json;
use super::{Format, Out};
use crate::markdown;
use prep_core::bank::{Bank, Question, Role};
use serde_json::json;
use std::process::ExitCode;

/// `prep show ID [--role ROLE]`.
pub fn show(
    w: &mut String,
    bank: &Bank,
    (id, role): (&str, Option<Role>),
    format: Format,
    out: &Out,
) -> ExitCode {
    if let Some(q) = bank.question(id) {
        match format {
            Format::Json => print_json(w, &with_levels(question_json(bank, q), q, role)),
            Format::Plain => question_plain(w, bank, q, role, out),
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

/// The JSON form plus the level fields: `check_axes`, `levels`, `example`, and with `--role`,
/// `level` (that role's bar, check and time) and `time_secs` at that level.
fn with_levels(mut v: serde_json::Value, q: &Question, role: Option<Role>) -> serde_json::Value {
    v["check_axes"] = json!(q.check_axes);
    v["levels"] = json!(q.levels);
    v["example"] = json!(q.example);
    if let Some(r) = role {
        v["level"] = json!(q.level(r));
        v["time_secs"] = json!(q.time_for(Some(r)));
    }
    v
}

fn question_plain(w: &mut String, bank: &Bank, q: &Question, role: Option<Role>, out: &Out) {
    let doc = prep_core::doc::question_markdown_for(bank, q, role);
    out.print_text(w, &markdown::render(&doc, out.width, out.theme()));
}
