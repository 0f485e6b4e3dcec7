//! Calibration on the Stats screen: a sentence saying how your own grades compare with a peer's
//! and with your re-grades after replay, and a chart of the gap per answer over time.

use crate::tui::app::Ctx;
pub use prep_core::grades::calibration::summary;
use prep_core::grades::calibration::{Calibration, Side};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, GraphType, LegendPosition, Paragraph,
};

/// Self minus peer (and minus replay) per answer, technical and people, in points.
pub fn draw_chart(f: &mut Frame, area: Rect, c: &Calibration, ctx: &Ctx) {
    let t = ctx.theme;
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(" Your grade minus theirs, points ")
        .title_style(t.title());
    if c.vs_peer.answers + c.vs_replay.answers == 0 {
        let msg = "Grade an answer twice to see this: a peer in interviewer mode (i on Home), or a re-grade after replay.";
        f.render_widget(
            Paragraph::new(Line::styled(msg, t.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let series = |side: &Side, pick: fn(&prep_core::grades::calibration::Gap) -> Option<f64>| {
        side.trend
            .iter()
            .enumerate()
            .filter_map(|(i, g)| pick(g).map(|v| (i as f64, v.clamp(-100.0, 100.0))))
            .collect::<Vec<_>>()
    };
    let sets = [
        (
            "vs peer, technical",
            series(&c.vs_peer, |g| g.technical),
            t.good(),
        ),
        (
            "vs peer, people",
            series(&c.vs_peer, |g| g.people),
            t.warn(),
        ),
        (
            "vs replay, overall",
            series(&c.vs_replay, |g| g.overall),
            t.dim(),
        ),
    ];
    let n = c.vs_peer.trend.len().max(c.vs_replay.trend.len()).max(2) - 1;
    let datasets: Vec<Dataset> = sets
        .iter()
        .filter(|(_, d, _)| !d.is_empty())
        .map(|(name, d, style)| {
            Dataset::default()
                .name(*name)
                .marker(if t.color {
                    Marker::Braille
                } else {
                    Marker::Dot
                })
                .graph_type(if d.len() > 1 {
                    GraphType::Line
                } else {
                    GraphType::Scatter
                })
                .style(*style)
                .data(d)
        })
        .collect();
    let chart = Chart::new(datasets)
        .legend_position(Some(LegendPosition::TopRight))
        .hidden_legend_constraints((Constraint::Ratio(1, 1), Constraint::Ratio(1, 1)))
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, n as f64])
                .labels(["first", "latest"])
                .style(t.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([-50.0, 50.0])
                .labels(["-50", "0", "+50"])
                .style(t.dim()),
        );
    f.render_widget(chart, area);
}
