//! Stats as charts: score trend by day, average per section, a practice calendar of the last twelve
//! weeks, and the two axes and overtime rate. `prep stats` prints the same figures.

use crate::stats::{self as figures, CALENDAR_DAYS, Stats};
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::Action;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Dataset, GraphType, Paragraph,
};

#[derive(Default)]
pub struct StatsState;

pub fn update(_s: &mut StatsState, _ctx: &mut Ctx, action: Action) -> Transition {
    match action {
        Action::Back => Transition::Pop,
        _ => Transition::Stay,
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.0}%"))
}

pub fn draw(f: &mut Frame, area: Rect, _s: &mut StatsState, ctx: &Ctx) {
    let t = ctx.theme;
    let st = figures::compute(&ctx.bank, &ctx.attempts, ctx.now_unix);
    let [head, middle, bottom] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(3),
        Constraint::Length(10),
    ])
    .areas(area);
    let summary = Line::from(vec![
        Span::styled("Stats  ", t.title()),
        Span::raw(format!(
            "{} attempts · {} questions practised · average {} · technical {} · people {} · overtime {} · streak {} d",
            st.attempts,
            st.practised_questions,
            pct(st.average),
            pct(st.technical),
            pct(st.people),
            pct(st.overtime_rate),
            st.streak_days
        )),
    ]);
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
    draw_calendar(f, bottom, &st, ctx);
}

fn draw_trend(f: &mut Frame, area: Rect, st: &Stats, ctx: &Ctx) {
    let t = ctx.theme;
    let points: Vec<(f64, f64)> = st
        .trend
        .iter()
        .enumerate()
        .map(|(i, d)| (i as f64, d.average))
        .collect();
    let n = points.len().max(2) as f64 - 1.0;
    let first = st.trend.first().map_or(String::new(), |d| d.date.clone());
    let last = st.trend.last().map_or(String::new(), |d| d.date.clone());
    let data = Dataset::default()
        .name("daily average")
        .marker(if ctx.theme.color {
            Marker::Braille
        } else {
            Marker::Dot
        })
        .graph_type(GraphType::Line)
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
                .bounds([0.0, n])
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

fn draw_sections(f: &mut Frame, area: Rect, st: &Stats, ctx: &Ctx) {
    let t = ctx.theme;
    let bars: Vec<Bar> = st
        .sections
        .iter()
        .filter_map(|s| s.average.map(|a| (s, a)))
        .map(|(s, a)| {
            Bar::default()
                .value(a.round() as u64)
                .text_value(format!("{a:.0}% ({}/{})", s.practised, s.questions))
                .label(Line::from(s.title.clone()))
                .style(t.score(a))
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .max(100)
        .bar_width(1)
        .bar_gap(0)
        .block(
            Block::new()
                .borders(Borders::TOP | Borders::LEFT)
                .title(" Latest score per section ")
                .title_style(t.title()),
        );
    f.render_widget(chart, area);
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
        "· none  ▪ one  ■ two or more attempts that day (UTC)",
        t.dim(),
    ));
    let block = Block::new()
        .borders(Borders::TOP)
        .title(" Practice, last 12 weeks ")
        .title_style(t.title());
    f.render_widget(Paragraph::new(lines).block(block), area);
}
