//! Stats as charts: score trend by day, average per section, a practice calendar of the last twelve
//! weeks, and the two axes and overtime rate. `prep stats` prints the same figures.

use super::Screen;
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use prep_core::stats::{self as figures, CALENDAR_DAYS, Stats};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::{self, Marker};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, LineGauge, Paragraph};

#[derive(Default)]
pub struct StatsState;

pub fn update(_s: &mut StatsState, ctx: &mut Ctx, action: Action) -> Transition {
    match action {
        Action::Back => Transition::Pop,
        Action::Export => {
            match super::export::write_report(ctx) {
                Ok(path) => ctx.info(format!("Exported to {}", path.display())),
                Err(e) => ctx.error(e),
            }
            Transition::Stay
        }
        _ => Transition::Stay,
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.0}%"))
}

pub fn draw(f: &mut Frame, area: Rect, _s: &mut StatsState, ctx: &Ctx) {
    let t = ctx.theme;
    let st = ctx.stats();
    let delivery = crate::tui::audio::stats_line(ctx);
    let [head, middle, bottom] = Layout::vertical([
        Constraint::Length(3 + u16::from(delivery.is_some())),
        Constraint::Fill(3),
        Constraint::Length(10),
    ])
    .areas(area);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut summary = vec![
        Line::from(vec![
            Span::styled("Stats  ", t.title()),
            Span::raw(format!(
                "{} · {} practised · streak {} · {} over time",
                plural(st.attempts, "attempt"),
                plural(st.practised_questions, "question"),
                plural(st.streak_days as usize, "day"),
                pct(st.overtime_rate)
            )),
        ]),
        Line::raw(format!(
            "average {} · technical {} · people {}",
            pct(st.average),
            st.weights.technical.long(),
            st.weights.people.long(),
        )),
    ];
    if let Some(c) = super::grading::calibration::summary(&st.calibration) {
        summary.push(Line::styled(c, t.warn()));
    }
    summary.extend(delivery);
    f.render_widget(Paragraph::new(summary), head);
    if st.attempts == 0 {
        let msg = "No attempts yet. Drill a question (d on Home) and save its grade to see your trend here.";
        f.render_widget(
            Paragraph::new(Line::styled(msg, t.dim())).block(Block::new().borders(Borders::TOP)),
            middle,
        );
        return;
    }
    let [trend, sections] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(middle);
    draw_trend(f, trend, &st, ctx);
    draw_sections(f, sections, &st, ctx);
    if bottom.width >= 100 {
        let [cal, gap] =
            Layout::horizontal([Constraint::Length(62), Constraint::Fill(1)]).areas(bottom);
        draw_calendar(f, cal, &st, ctx);
        super::grading::calibration::draw_chart(f, gap, &st.calibration, ctx);
    } else {
        draw_calendar(f, bottom, &st, ctx);
    }
}

fn draw_trend(f: &mut Frame, area: Rect, st: &Stats, ctx: &Ctx) {
    let t = ctx.theme;
    // x is the day, so gaps between practice days show as gaps.
    let first_day = st.trend.first().map_or(0, |d| d.day);
    let points: Vec<(f64, f64)> = st
        .trend
        .iter()
        .map(|d| ((d.day - first_day) as f64, d.average))
        .collect();
    let span = points.last().map_or(1.0, |p| p.0.max(1.0));
    let first = st.trend.first().map_or(String::new(), |d| d.date.clone());
    let last = st.trend.last().map_or(String::new(), |d| d.date.clone());
    let data = Dataset::default()
        .name("daily average")
        .marker(if ctx.theme.color {
            Marker::Braille
        } else {
            Marker::Dot
        })
        .graph_type(if points.len() > 1 {
            GraphType::Line
        } else {
            GraphType::Scatter
        })
        .style(t.good())
        .data(&points);
    let chart = Chart::new(vec![data])
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Score trend by day ")
                .title_style(t.title()),
        )
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .labels([first, last])
                .style(t.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"])
                .style(t.dim()),
        );
    f.render_widget(chart, area);
}

/// One gauge per practised section: its latest scores' average, with practised/total.
fn draw_sections(f: &mut Frame, area: Rect, st: &Stats, ctx: &Ctx) {
    let t = ctx.theme;
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(" Latest score per section ")
        .title_style(t.title());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let practised: Vec<_> = st
        .sections
        .iter()
        .filter_map(|s| s.average.map(|a| (s, a)))
        .collect();
    let name_w = practised
        .iter()
        .map(|(s, _)| s.title.chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width / 3));
    for (row, (s, avg)) in practised.iter().enumerate().take(usize::from(inner.height)) {
        let line = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        let name = crate::markdown::ellipsize(&s.title, name_w);
        let label = format!(
            "{name:<name_w$} {avg:>3.0}% {:>3}/{:<3}",
            s.practised, s.questions
        );
        let gauge = LineGauge::default()
            .ratio((avg / 100.0).clamp(0.0, 1.0))
            .label(label)
            .filled_style(t.score(*avg))
            .unfilled_style(t.dim())
            .filled_symbol(symbols::line::THICK_HORIZONTAL)
            .unfilled_symbol(symbols::line::HORIZONTAL);
        f.render_widget(gauge, line);
    }
}

fn draw_calendar(f: &mut Frame, area: Rect, st: &Stats, ctx: &Ctx) {
    let t = ctx.theme;
    let today = figures::day_of(ctx.now_unix);
    let first = today - CALENDAR_DAYS + 1;
    // Columns are weeks starting Monday; 1970-01-01 was a Thursday.
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let start = first - weekday(first);
    let mut lines = Vec::new();
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut spans = vec![Span::styled(format!("{name} "), t.dim())];
        let mut day = start + row as i64;
        while day <= today {
            let cell = if day < first {
                Span::raw("  ")
            } else {
                match st.calendar[(day - first) as usize] {
                    0 => Span::styled("· ", t.dim()),
                    1 => Span::styled("▪ ", t.warn()),
                    _ => Span::styled("■ ", t.good()),
                }
            };
            spans.push(cell);
            day += 7;
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        "· none  ▪ one  ■ two or more attempts that day (local time)",
        t.dim(),
    ));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(" Practice, last 12 weeks ")
        .title_style(t.title());
    f.render_widget(Paragraph::new(lines).block(block), area);
}

impl Screen for StatsState {
    fn mode(&self) -> Mode {
        Mode::Stats
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
}
