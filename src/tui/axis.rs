//! An axis figure as a one-line gauge: filled to its percentage when enough rubric weight stands
//! behind it, else empty with the weight in words ("Technical 0 of 1").

use crate::tui::theme::Theme;
use prep_core::grades::Tally;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Gauge;

/// `many` says whether the tally adds up several answers (`58% (7 of 12)`) or is one answer's
/// (`7 of 12 (58%)`).
pub fn gauge(f: &mut Frame, area: Rect, theme: &Theme, name: &str, tally: Tally, many: bool) {
    let value = tally.figure();
    let text = if many { tally.long() } else { tally.single() };
    f.render_widget(
        Gauge::default()
            .ratio((value.unwrap_or(0.0) / 100.0).clamp(0.0, 1.0))
            .label(format!("{name} {text}"))
            .gauge_style(theme.score_gauge(value)),
        area,
    );
}

/// A score as a one-line gauge: `Score 64%`, or `{name}: {empty}` when there is none.
pub fn percent_gauge(
    f: &mut Frame,
    area: Rect,
    theme: &Theme,
    name: &str,
    value: Option<f64>,
    empty: &str,
) {
    let label = match value {
        Some(v) => format!("{name} {v:.0}%"),
        None => format!("{name}: {empty}"),
    };
    f.render_widget(
        Gauge::default()
            .ratio((value.unwrap_or(0.0) / 100.0).clamp(0.0, 1.0))
            .label(label)
            .gauge_style(theme.score_gauge(value)),
        area,
    );
}
