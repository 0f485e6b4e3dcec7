//! A question as one Markdown document, shared by `prep show` and the TUI's reader so both present
//! the same thing through the same renderer.

use crate::bank::{Bank, Question, Role, format_duration};

/// Escape text so Markdown shows it literally.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn list(out: &mut String, title: &str, items: &[impl AsRef<str>]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("## {title}\n\n"));
    for i in items {
        out.push_str(&format!("- {}\n", escape(i.as_ref())));
    }
    out.push('\n');
}

/// "Section · kind", leaving out the kind when the section's title already says it.
pub fn section_and_kind(bank: &Bank, q: &Question) -> String {
    let section = bank
        .section(&q.section)
        .map_or(q.section.as_ref(), |s| s.title.as_ref());
    if section.eq_ignore_ascii_case(q.kind.label()) {
        section.to_string()
    } else {
        format!("{section} · {}", q.kind.label())
    }
}

/// One line: id · section · kind · time · roles.
pub fn meta_line(bank: &Bank, q: &Question) -> String {
    meta_line_for(bank, q, None)
}

/// The meta line with the time limit of `role`'s level.
pub fn meta_line_for(bank: &Bank, q: &Question, role: Option<Role>) -> String {
    let roles: Vec<_> = q.roles.iter().map(|r| r.label()).collect();
    let mut meta = format!(
        "{} · {} · {}",
        q.id,
        section_and_kind(bank, q),
        format_duration(q.time_for(role).into())
    );
    if !roles.is_empty() {
        meta.push_str(&format!(" · {}", roles.join(", ")));
    }
    meta
}

/// The whole question: prompt, probes, rubric, talking points, pitfalls, follow-ups, tags.
pub fn question_markdown(bank: &Bank, q: &Question) -> String {
    question_markdown_for(bank, q, None)
}

/// The whole question as practised at `role`: that level's bar after the probes, its check in the
/// rubric and its time in the meta line; with no role (or one the question lacks), every level.
pub fn question_markdown_for(bank: &Bank, q: &Question, role: Option<Role>) -> String {
    let role = role.filter(|r| q.level(*r).is_some());
    let mut out = format!(
        "**{}**\n\n*{}*\n\n",
        escape(&q.prompt),
        escape(&meta_line_for(bank, q, role))
    );
    list(&mut out, "What it probes", &q.probes);
    out.push_str(&crate::doc_levels::levels_markdown(q, role));
    if let Some(r) = bank.rubric(&q.rubric) {
        out.push_str(&format!("## Rubric: {}\n\n", escape(&r.title)));
        let mut n = 0;
        for item in &r.items {
            n += 1;
            out.push_str(&format!(
                "{n}. {} *\\[{} · weight {}\\]*\n",
                escape(&item.text),
                item.axis,
                item.weight
            ));
        }
        for (i, c) in q.checks.iter().enumerate() {
            n += 1;
            let axis = crate::doc_levels::named_axis(q.check_axes.get(i).copied().flatten());
            out.push_str(&format!("{n}. {} *\\[own check{axis}\\]*\n", escape(c)));
        }
        if let Some((role, c)) = role.and_then(|r| q.level(r)?.check.as_ref().map(|c| (r, c))) {
            n += 1;
            let axis = crate::doc_levels::named_axis(c.axis);
            out.push_str(&format!(
                "{n}. {} *\\[{} check{axis}\\]*\n",
                escape(&c.text),
                role.label()
            ));
        }
        out.push('\n');
    }
    out.push_str(&answer_markdown(q));
    if !q.tags.is_empty() {
        out.push_str(&format!("*Tags: {}*\n", escape(&q.tags.join(", "))));
    }
    out
}

/// What stays hidden until an answer is over: talking points, pitfalls and follow-ups.
pub fn answer_markdown(q: &Question) -> String {
    let mut out = String::new();
    if !q.talking_points.trim().is_empty() {
        out.push_str("## Talking points\n\n");
        out.push_str(q.talking_points.trim_end());
        out.push_str("\n\n");
    }
    out.push_str(&crate::doc_levels::example_markdown(q));
    list(&mut out, "Pitfalls", &q.pitfalls);
    list(&mut out, "Follow-ups", &q.follow_ups);
    out
}

/// Notes the user typed, as Markdown that shows them as typed: every line kept (a hard break at
/// each), nothing in them read as Markdown, except the stage headings a paced session writes
/// (`## Clarify`), which become level-`level` headings.
pub fn notes_markdown(notes: &str, level: usize) -> String {
    let stages: Vec<String> = crate::practice::pace::Stage::ALL
        .iter()
        .map(|s| format!("## {}", s.name()))
        .collect();
    let hashes = "#".repeat(level.clamp(1, 6));
    let mut out = String::new();
    let mut para = false;
    for line in notes.trim_end().lines() {
        let line = line.trim_end();
        if stages.iter().any(|s| s == line) {
            out.push_str(&format!("\n{hashes} {}\n\n", escape(&line[3..])));
            para = false;
        } else if line.is_empty() {
            out.push('\n');
            para = false;
        } else {
            if para {
                out.push_str("\\\n");
            }
            let text = line.trim_start();
            // A leading "-", "+" or "1." would start a list: keep it as typed.
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if text.starts_with(['-', '+'])
                || (digits > 0 && text[digits..].starts_with(['.', ')']))
            {
                out.push('\\');
            }
            out.push_str(&escape(text));
            para = true;
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod notes_tests {
    use super::notes_markdown;

    #[test]
    fn stage_headings_become_headings_and_every_other_line_is_text() {
        let md = notes_markdown(
            "## Clarify\nwho *uses* it?\n## not a stage\n\n## Deep dive\nshards",
            3,
        );
        assert_eq!(
            md,
            "\n### Clarify\n\nwho \\*uses\\* it?\\\n\\#\\# not a stage\n\n### Deep dive\n\nshards\n"
        );
    }
}
