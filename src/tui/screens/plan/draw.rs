//! Drawing the Plan screen: the headline and coverage on top, then the days and their tasks.

use super::{PlanState, Row, rows};
use crate::tui::app::Ctx;
use prep_core::plan::Status;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row as TableRow, Table, Wrap};

pub fn draw(f: &mut Frame, area: Rect, s: &mut PlanState, ctx: &Ctx) {
    let t = ctx.theme;
    let plan = match ctx.plan() {
        None => {
            let text = vec![
                Line::styled("Plan", t.title()),
                Line::raw(""),
                Line::raw("No plan yet. Set the interview day from the command line:"),
                Line::styled(
                    "  prep plan set --date YYYY-MM-DD --role staff [--loop amazon] [--minutes 45]",
                    t.dim(),
                ),
                Line::raw("and this screen shows each day's work until then."),
            ];
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
            return;
        }
        Some(Err(e)) => {
            let text = vec![
                Line::styled("Plan", t.title()),
                Line::raw(""),
                Line::styled(e, t.bad()),
            ];
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
            return;
        }
        Some(Ok(p)) => p,
    };
    let [head, body] = Layout::vertical([Constraint::Length(5), Constraint::Min(0)]).areas(area);
    let parts: Vec<String> = plan
        .parts
        .iter()
        .map(|(n, d, w)| format!("{n} {d}/{w}"))
        .collect();
    let stories = if plan.open_themes.is_empty() {
        format!("{} stories; every theme of the loop has one", plan.stories)
    } else {
        format!(
            "{} stories; none yet on {}",
            plan.stories,
            plan.open_themes.join(", ")
        )
    };
    let overused: Vec<String> = plan
        .loop_stories
        .overused
        .iter()
        .map(|(title, n)| format!("\"{title}\" answers {n} of its questions"))
        .collect();
    let mut lines = vec![
        Line::styled(plan.headline(), t.title()),
        Line::styled(
            format!("Covered: {} · {stories}", parts.join(" · ")),
            t.dim(),
        ),
        Line::styled(
            if plan.unplaced.is_empty() {
                format!(
                    "{} minutes a day; everything fits before the date",
                    plan.minutes
                )
            } else {
                format!(
                    "{} minutes a day; does not fit: {}",
                    plan.minutes,
                    plan.unplaced.join(", ")
                )
            },
            t.dim(),
        ),
    ];
    if !overused.is_empty() {
        lines.push(Line::styled(
            format!("Use another story for some: {}", overused.join("; ")),
            t.warn(),
        ));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), head);
    let all = rows(&plan);
    s.nav.set_len(all.len());
    let table_rows: Vec<TableRow> = all
        .iter()
        .map(|r| match r {
            Row::Day(d) => {
                let (word, style) = match d.status {
                    Status::Done => (format!("done · {} answer(s)", d.practised), t.dim()),
                    Status::Missed => ("missed · its work moved on".into(), t.warn()),
                    Status::Due => ("today".into(), t.title()),
                    Status::Ahead => ("ahead".into(), t.dim()),
                    Status::Interview => ("the interview".into(), t.title()),
                };
                TableRow::new(vec![Cell::from(Line::from(vec![
                    Span::styled(d.date.clone(), t.title()),
                    Span::raw("  "),
                    Span::styled(word, style),
                ]))])
            }
            Row::Task(task) => {
                let mark = if task.done { "[x]" } else { "[ ]" };
                let style = if task.done {
                    t.dim()
                } else {
                    ratatui::style::Style::default()
                };
                TableRow::new(vec![Cell::from(Line::styled(
                    format!("  {mark} {} ({}m)", task.label(), task.minutes),
                    style,
                ))])
            }
        })
        .collect();
    let table = Table::new(table_rows, [Constraint::Fill(1)])
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Day by day ")
                .title_style(t.title()),
        );
    s.nav.rows_area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    f.render_stateful_widget(table, body, &mut s.nav.state);
}
