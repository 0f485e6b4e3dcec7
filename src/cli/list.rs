//! `prep list` and `prep search`: one aligned line per question, or JSON.

use super::output::{pad, print_json};
use super::{Format, Out};
use prep_core::bank::{Bank, Filter, Question, format_duration};
use prep_core::search::{SearchIndex, Target};
use ratatui::style::{Modifier, Style};
use serde_json::json;
use std::process::ExitCode;

/// The JSON form of a question in listings (see the README's JSON section).
pub fn question_summary(q: &Question) -> serde_json::Value {
    json!({
        "id": q.id,
        "section": q.section,
        "kind": q.kind,
        "roles": q.roles,
        "time_secs": q.time,
        "rubric": q.rubric,
        "tags": q.tags,
        "prompt": q.prompt,
    })
}

pub fn list(w: &mut String, bank: &Bank, filter: &Filter, format: Format, out: &Out) -> ExitCode {
    if let Some(s) = &filter.section
        && bank.section(s).is_none()
    {
        let known: Vec<_> = bank.sections.iter().map(|s| s.id.as_ref()).collect();
        eprintln!("prep: no section `{s}`; sections: {}", known.join(", "));
        return ExitCode::from(1);
    }
    let questions: Vec<&Question> = bank.filter(filter).collect();
    // One rule with drill and search: nothing matching is exit 1 (JSON still prints `[]`).
    let found = if questions.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if format == Format::Json {
        print_json(
            w,
            &json!(
                questions
                    .iter()
                    .map(|q| question_summary(q))
                    .collect::<Vec<_>>()
            ),
        );
        return found;
    }
    if questions.is_empty() {
        eprintln!("prep: no question matches that filter");
        return found;
    }
    let id_w = questions
        .iter()
        .map(|q| q.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let kind_w = questions
        .iter()
        .map(|q| q.kind.as_str().len())
        .max()
        .unwrap_or(4);
    let head = Style::new().add_modifier(Modifier::BOLD);
    let mut section = "";
    for q in &questions {
        if q.section != section {
            section = &q.section;
            let title = bank.section(section).map_or(section, |s| s.title.as_ref());
            let count = questions.iter().filter(|x| x.section == section).count();
            if !std::ptr::eq(*q, questions[0]) {
                outln!(w);
            }
            outln!(w, "{}", out.paint(&format!("{title} ({count})"), head));
        }
        let lead = format!(
            "  {}  {}  {:>5}  ",
            pad(&q.id, id_w),
            pad(q.kind.as_str(), kind_w),
            format_duration(q.time.into())
        );
        let prompt = out.fit(
            &q.prompt,
            (out.width as usize).saturating_sub(lead.len()).max(10),
        );
        outln!(w, "{lead}{prompt}");
    }
    ExitCode::SUCCESS
}

pub fn search(
    w: &mut String,
    bank: &Bank,
    query: &str,
    limit: usize,
    format: Format,
    out: &Out,
) -> ExitCode {
    if limit == 0 {
        eprintln!("prep: --limit 0 asks for no results; give 1 or more (the default is 20)");
        return ExitCode::from(2);
    }
    let mut index = SearchIndex::new(bank);
    let hits = index.search(query, limit);
    let id_of = |t: Target| match t {
        Target::Question(i) => (bank.questions[i].id.as_ref(), "question"),
        Target::Guide(i) => (bank.guides[i].id.as_ref(), "guide"),
    };
    if format == Format::Json {
        let rows: Vec<_> = hits
            .iter()
            .map(|h| {
                let (id, kind) = id_of(h.target);
                json!({"type": kind, "id": id, "field": h.field, "score": h.score, "text": h.text, "positions": h.positions})
            })
            .collect();
        print_json(w, &json!(rows));
        return if hits.is_empty() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    }
    if hits.is_empty() {
        eprintln!("prep: nothing matches `{query}`");
        return ExitCode::from(1);
    }
    let id_w = hits
        .iter()
        .map(|h| id_of(h.target).0.len())
        .max()
        .unwrap_or(2);
    let mark = out.styles().matched();
    for h in &hits {
        let (id, _) = id_of(h.target);
        let lead = format!(
            "{}  {:<7}  ",
            pad(id, id_w),
            format!("{:?}", h.field).to_lowercase()
        );
        let room = (out.width as usize).saturating_sub(lead.len()).max(10);
        let text = out.fit(&h.text, room);
        let mut line = String::new();
        for (i, c) in text.chars().enumerate() {
            let s = c.to_string();
            if h.positions.contains(&(i as u32)) {
                line.push_str(&out.paint(&s, mark))
            } else {
                line.push_str(&s)
            }
        }
        outln!(w, "{lead}{line}");
    }
    ExitCode::SUCCESS
}
