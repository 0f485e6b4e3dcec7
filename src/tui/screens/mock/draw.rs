//! Drawing a mock: the loop picker, a one-line banner over the drill and rubric screens it
//! reuses, and the closing report (score gauges over the report's Markdown).

use super::{MockState, ReportView, Stage};
use crate::tui::app::Ctx;
use crate::tui::screens::{drill, rubric};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap};

pub fn draw(f: &mut Frame, area: Rect, s: &mut MockState, ctx: &Ctx) {
    let t = ctx.theme;
    let [banner, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let line = |parts: Vec<Span<'static>>| Paragraph::new(Line::from(parts));
    match &mut s.stage {
        Stage::Pick(nav) => draw_pick(f, area, nav, ctx),
        Stage::Answer(run, d) => {
            f.render_widget(
                line(vec![
                    Span::styled(format!("Mock loop · {}", run.title), t.title()),
                    Span::styled(
                        format!(
                            " · question {} of {} · grading comes at the end",
                            d.pos + 1,
                            run.queue.len()
                        ),
                        t.dim(),
                    ),
                ]),
                banner,
            );
            drill::draw(f, body, d, ctx);
        }
        Stage::Grade(run, r) => {
            f.render_widget(
                line(vec![
                    Span::styled(format!("Mock loop · {}", run.title), t.title()),
                    Span::styled(
                        format!(
                            " · grading answer {} of {} · s saves, x twice discards",
                            run.grading + 1,
                            run.answers.len()
                        ),
                        t.dim(),
                    ),
                ]),
                banner,
            );
            rubric::draw(f, body, r, ctx);
        }
        Stage::Report(v) => draw_report(f, area, v, ctx),
    }
}

fn draw_pick(f: &mut Frame, area: Rect, nav: &mut crate::tui::nav::Nav, ctx: &Ctx) {
    let t = ctx.theme;
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(2 * ctx.loops.len() as u16 + 1),
        Constraint::Min(0),
    ])
    .areas(area);
    let intro = vec![
        Line::styled("Mock loop", t.title()),
        Line::raw(
            "Questions back to back against the clock, no talking points in between; then you \
             grade each answer and get a report on both axes.",
        ),
    ];
    f.render_widget(Paragraph::new(intro).wrap(Wrap { trim: true }), head);
    // Two lines a row: the role, then what its loop asks (fits at 60 columns).
    let rows: Vec<Row> = ctx
        .loops
        .iter()
        .map(|l| {
            Row::new(vec![Cell::from(vec![
                Line::raw(l.title.clone()),
                Line::styled(prep_core::loops::summary(l), t.dim()),
            ])])
            .height(2)
        })
        .collect();
    nav.heights = vec![2; rows.len()];
    let table = Table::new(rows, [Constraint::Fill(1)])
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Which loop? ")
                .title_style(t.title()),
        );
    nav.rows_area = Rect {
        y: list.y + 1,
        height: list.height.saturating_sub(1),
        ..list
    };
    f.render_stateful_widget(table, list, &mut nav.state);
    let last = prep_core::mock::mock_ids(&ctx.attempts)
        .first()
        .and_then(|id| prep_core::mock::report(&ctx.bank, &ctx.attempts, id));
    if let Some(r) = last {
        let avg = r.average.map_or("–".into(), |a| format!("{a:.0}%"));
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    "Your last mock, {} on {}, averaged {avg}; `prep mock --report` prints it again.",
                    r.id, r.date
                ),
                t.dim(),
            ))
            .wrap(Wrap { trim: true }),
            foot,
        );
    }
}

fn draw_report(f: &mut Frame, area: Rect, v: &mut ReportView, ctx: &Ctx) {
    let t = ctx.theme;
    let [head, g0, g1, g2, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let mut title = vec![Span::styled("Mock loop report", t.title())];
    if let Some(p) = &v.title {
        title.push(Span::styled(format!(" · {p}"), t.title()));
    }
    let when = v
        .report
        .as_ref()
        .map_or(String::new(), |r| format!(" · {}", r.date));
    title.push(Span::styled(format!(" · {}{when}", v.id), t.dim()));
    f.render_widget(Paragraph::new(Line::from(title)), head);
    let Some(r) = &v.report else {
        f.render_widget(
            Paragraph::new("Every answer was discarded, so there is nothing to report.")
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    };
    crate::tui::axis::percent_gauge(f, g0, &t, "Overall", r.average, "nothing graded");
    let w = &r.weights;
    crate::tui::axis::gauge(f, g1, &t, "Technical judgement", w.technical, true);
    crate::tui::axis::gauge(f, g2, &t, "People leadership", w.people, true);
    let md = prep_core::mock::report_body_markdown(&ctx.bank, r, 2);
    let text = crate::markdown::render(&md, body.width.saturating_sub(1).max(1), t.markdown());
    let lines = u16::try_from(text.lines.len()).unwrap_or(u16::MAX);
    let (body, more) = if lines > body.height {
        let [b, m] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
        (b, Some(m))
    } else {
        (body, None)
    };
    let max = lines.saturating_sub(body.height);
    v.scroll = v.scroll.min(max);
    f.render_widget(Paragraph::new(text).scroll((v.scroll, 0)), body);
    if let Some(m) = more {
        let at = if v.scroll >= max {
            "end".to_string()
        } else {
            format!("{}%", u32::from(v.scroll) * 100 / u32::from(max.max(1)))
        };
        f.render_widget(
            Paragraph::new(Line::styled(format!("j/k scroll · {at}"), t.dim())),
            m,
        );
    }
}
