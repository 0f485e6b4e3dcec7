//! The question list's preview pane, where the width allows: the selected question's prompt, what
//! it probes and how your last attempts went, so a list can be browsed without opening each one.

use crate::tui::app::Ctx;
use prep_core::doc::escape;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Columns below which the list keeps the whole width.
pub const MIN_WIDTH: u16 = 110;

pub fn markdown(ctx: &Ctx, question: usize) -> String {
    let q = &ctx.bank.questions[question];
    let mut md = format!(
        "**{}**\n\n*{}*\n\n",
        escape(&q.prompt),
        escape(&prep_core::doc::meta_line(&ctx.bank, q))
    );
    if !q.probes.is_empty() {
        md.push_str("## What it probes\n\n");
        for p in &q.probes {
            md.push_str(&format!("- {}\n", escape(p)));
        }
        md.push('\n');
    }
    let mine = prep_core::history::of(&ctx.attempts, &q.id);
    md.push_str("## Your attempts\n\n");
    match mine.first() {
        None => md.push_str("None yet: `d` drills it.\n"),
        Some(last) => md.push_str(&format!(
            "{} attempt{}; the last: {}\n",
            mine.len(),
            if mine.len() == 1 { "" } else { "s" },
            escape(&prep_core::history::facts(
                &ctx.bank,
                last,
                prep_core::days::Zone::local()
            ))
        )),
    }
    md
}

pub fn draw(f: &mut Frame, area: Rect, ctx: &Ctx, question: Option<usize>) {
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(" Preview ")
        .title_style(ctx.theme.title());
    let width = block.inner(area).width.saturating_sub(1).max(1);
    let text =
        question.map(|i| crate::markdown::render(&markdown(ctx, i), width, ctx.theme.markdown()));
    f.render_widget(Paragraph::new(text.unwrap_or_default()).block(block), area);
}
