//! Drawing interviewer mode: the peer's screen while asking (the two grades side by side are in
//! `compare`).

use super::{Asking, InterviewState, Stage};
use crate::tui::app::Ctx;
use prep_core::grades::{self, Axes};
use prep_core::practice::{ChecklistItem, Clock, format_clock};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Cell, Gauge, Paragraph, Row, Table, Wrap};
use std::time::Instant;

pub fn draw(f: &mut Frame, area: Rect, s: &mut InterviewState, ctx: &Ctx) {
    let q = s.question();
    let peer = s.peer.clone();
    match &mut s.stage {
        Stage::Ask(a) => draw_ask(f, area, a, q, peer.as_deref(), ctx),
        Stage::Blind(_, r) => crate::tui::screens::rubric::draw(f, area, r, ctx),
        Stage::Compare(p, mine) => super::compare::draw(f, area, p, mine.as_deref(), ctx),
    }
}

fn clock_text(c: &Clock, now: Instant) -> String {
    let left = c.remaining_secs(now);
    let paused = if c.is_paused() { " · paused" } else { "" };
    if left < 0 {
        format!("{} over time{paused}", format_clock(left))
    } else {
        format!("{} left{paused}", format_clock(left))
    }
}

fn draw_ask(f: &mut Frame, area: Rect, a: &mut Asking, q: usize, peer: Option<&str>, ctx: &Ctx) {
    let t = ctx.theme;
    let question = &ctx.bank.questions[q];
    let [head, prompt, clock, follow, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(3),
    ])
    .areas(area);
    let who = peer.map_or("You are asking".to_string(), |p| format!("{p} is asking"));
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Interviewer · ", t.title()),
            Span::styled(
                format!(
                    "{who} · {} · {}",
                    ctx.bank
                        .section(&question.section)
                        .map_or(question.section.to_string(), |x| x.title.to_string()),
                    question.kind.as_str()
                ),
                t.dim(),
            ),
        ])),
        head,
    );
    f.render_widget(
        Paragraph::new(vec![
            Line::styled("Read this out:", t.dim()),
            Line::styled(question.prompt.to_string(), t.title()),
        ])
        .wrap(Wrap { trim: true }),
        prompt,
    );
    let now = ctx.now;
    let c = &a.drill.clock;
    f.render_widget(
        Gauge::default()
            .ratio(c.ratio(now).clamp(0.0, 1.0))
            .label(clock_text(c, now))
            .gauge_style(t.score_gauge(Some(100.0 - 100.0 * c.ratio(now)))),
        clock,
    );
    let fired = match &a.drill.follow_up {
        Some((i, fc)) => Line::from(vec![
            Span::styled(
                format!("Follow-up {} asked ({}): ", i + 1, clock_text(fc, now)),
                t.warn(),
            ),
            Span::raw(
                question
                    .follow_ups
                    .get(*i)
                    .map_or(String::new(), |x| x.to_string()),
            ),
        ]),
        None => Line::styled(
            "f fires the next follow-up, as an interruption, on its own clock",
            t.dim(),
        ),
    };
    f.render_widget(Paragraph::new(fired).wrap(Wrap { trim: true }), follow);

    let [left, right] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body);
    let [listen, note] = Layout::vertical([Constraint::Min(3), Constraint::Length(5)]).areas(left);
    let mut lines = vec![Line::styled("Listen for", t.title())];
    lines.extend(question.probes.iter().map(|p| Line::raw(format!("· {p}"))));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Follow-ups", t.title()));
    for (i, fu) in question.follow_ups.iter().enumerate() {
        let done = (i as u32) < a.drill.revealed;
        let style = if done {
            t.dim()
        } else {
            ratatui::style::Style::new()
        };
        let mark = if done { "asked" } else { "f" };
        lines.push(Line::styled(format!("{}. [{mark}] {fu}", i + 1), style));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP)),
        listen,
    );
    let title = if a.drill.notes_focus {
        " Note (Esc when done) "
    } else {
        " Note: what to push on (n) "
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title)
        .title_style(t.title());
    f.render_widget(block.clone(), note);
    f.render_widget(&a.drill.notes, block.inner(note));
    draw_ticks(f, right, a, ctx);
}

fn draw_ticks(f: &mut Frame, area: Rect, a: &mut Asking, ctx: &Ctx) {
    let t = ctx.theme;
    let [list, score] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let width = list.width.saturating_sub(3 + 3 + 4 + 4).max(8);
    a.nav.heights.clear();
    let rows: Vec<Row> = a
        .items
        .iter()
        .zip(&a.checked)
        .enumerate()
        .map(|(i, (item, &on))| {
            let lines = crate::markdown::render_plain(&prep_core::doc::escape(&item.text), width);
            let h = u16::try_from(lines.len().max(1)).unwrap_or(1);
            a.nav.heights.push(h);
            let mark = if on {
                Span::styled("[x]", t.good())
            } else {
                Span::raw("[ ]")
            };
            Row::new(vec![
                Cell::from(mark),
                Cell::from(format!("{}.", i + 1)),
                Cell::from(Text::from(
                    lines.into_iter().map(Line::from).collect::<Vec<_>>(),
                )),
                Cell::from(Span::styled(tag(item), t.dim())),
            ])
            .height(h)
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(4),
        ],
    )
    .row_highlight_style(t.selected())
    .block(
        Block::new()
            .borders(Borders::TOP | Borders::LEFT)
            .title(" Tick live while they talk ")
            .title_style(t.title()),
    );
    a.nav.rows_area = Rect {
        y: list.y + 1,
        x: list.x + 1,
        width: list.width.saturating_sub(1),
        height: list.height.saturating_sub(1),
    };
    f.render_stateful_widget(table, list, &mut a.nav.state);
    let w: Axes = grades::weights_of(&a.items, &a.checked).into();
    let total = w.overall().percent().unwrap_or(0.0);
    f.render_widget(
        Paragraph::new(vec![
            Line::raw(crate::markdown::ellipsize(
                &format!(
                    " Score {total:.0}% · technical {} · people {}",
                    w.technical.single(),
                    w.people.single()
                ),
                usize::from(score.width),
            )),
            Line::styled(
                crate::markdown::ellipsize(
                    " Enter saves your grade and hands over for the candidate's own",
                    usize::from(score.width),
                ),
                t.dim(),
            ),
        ]),
        score,
    );
}

fn tag(item: &ChecklistItem) -> String {
    if item.own {
        "own".into()
    } else {
        format!(
            "{}·{}",
            item.axis.as_str().chars().next().unwrap_or(' '),
            item.weight
        )
    }
}
