//! The delivery part of `prep stats`: the latest recorded answers against the ones before.

use super::Out;
use prep_core::audio::trend::{self, Point};
use prep_core::storage::Attempt;

/// A figure's name, how to read it from a point, and its unit.
type Row = (&'static str, fn(&Point) -> Option<f64>, &'static str);

pub fn print(w: &mut String, attempts: &[Attempt], out: &Out) {
    let tr = trend::trend(attempts);
    let Some(recent) = &tr.recent else {
        return;
    };
    let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    outln!(w);
    let n = tr.points.len().min(trend::WINDOW);
    outln!(
        w,
        "{}",
        out.paint(
            &format!("Delivery (last {n} recorded or STAR-marked answers)"),
            bold
        )
    );
    let rows: [Row; 6] = [
        ("speaking", |p| p.speaking_percent, "% of the recording"),
        (
            "pauses",
            |p| p.pauses_per_minute,
            " of 2 s or more a minute",
        ),
        ("first word", |p| p.first_word, " s"),
        ("Action share", |p| p.action_percent, "% (aim about 60%)"),
        ("words a minute", |p| p.wpm, ""),
        (
            "fillers",
            |p| p.fillers_per_minute,
            " a minute (approximate)",
        ),
    ];
    for (name, f, unit) in rows {
        let Some(v) = f(recent) else { continue };
        let was = tr.earlier.as_ref().and_then(f).map_or(String::new(), |b| {
            format!("  (the {} before: {b:.1})", trend::WINDOW)
        });
        outln!(w, "  {name:<17} {v:.1}{unit}{was}");
    }
}
