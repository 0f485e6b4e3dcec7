//! The two grades of one answer side by side, item by item, with every disagreement marked.

use crate::tui::app::Ctx;
use prep_core::grades;
use prep_core::storage::Attempt;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(f: &mut Frame, area: Rect, peer: &Attempt, mine: Option<&Attempt>, ctx: &Ctx) {
    let t = ctx.theme;
    let Some(q) = ctx.bank.question(&peer.question) else {
        return;
    };
    let items = prep_core::practice::checklist(&ctx.bank, q);
    let name = peer
        .grade
        .grader_name
        .clone()
        .unwrap_or_else(|| "Peer".into());
    let [head, scores, table, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let differ = mine.map(|m| grades::calibration::differences(peer, m).len());
    let title = match differ {
        Some(0) => "the two grades agree on every item".to_string(),
        Some(n) => format!(
            "{n} item{} differ{}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        ),
        None => "the candidate's grade was discarded".into(),
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{name} and you on {}: ", q.id), t.title()),
            Span::styled(title, t.warn()),
        ])),
        head,
    );
    let line = |who: &str, a: &Attempt| {
        let w = grades::axes(&ctx.bank, a);
        Line::raw(format!(
            "{who:<10} {:>3.0}%  technical {}  people {}",
            a.score,
            w.technical.single(),
            w.people.single()
        ))
    };
    let mut lines = vec![line(&name, peer)];
    if let Some(m) = mine {
        lines.push(line("You", m));
    }
    f.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::TOP)),
        scores,
    );
    let width = table.width.saturating_sub(3 + 7 + 5 + 3).max(8);
    let rows: Vec<Row> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let p = peer.checked.contains(&item.key);
            let m = mine.map(|m| m.checked.contains(&item.key));
            let lines = crate::markdown::render_plain(&prep_core::doc::escape(&item.text), width);
            let h = u16::try_from(lines.len().max(1)).unwrap_or(1);
            let mark = |on: bool| if on { "[x]" } else { "[ ]" };
            let differs = m.is_some_and(|m| m != p);
            let style = if differs {
                t.warn()
            } else {
                ratatui::style::Style::new()
            };
            Row::new(vec![
                Cell::from(format!("{}.", i + 1)),
                Cell::from(Text::from(
                    lines.into_iter().map(Line::from).collect::<Vec<_>>(),
                )),
                Cell::from(mark(p)),
                Cell::from(m.map_or("–", mark)),
                Cell::from(if differs { "≠" } else { "" }),
            ])
            .style(style)
            .height(h)
        })
        .collect();
    let header = Row::new(vec!["", "Rubric item", "peer", "you", ""]).style(t.dim());
    f.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(3),
                Constraint::Fill(1),
                Constraint::Length(4),
                Constraint::Length(3),
                Constraint::Length(1),
            ],
        )
        .column_spacing(2)
        .header(header),
        table,
    );
    f.render_widget(
        Paragraph::new(Line::styled(
            "Both grades are saved. Enter: swap seats for the next question · q back",
            t.dim(),
        )),
        foot,
    );
}
