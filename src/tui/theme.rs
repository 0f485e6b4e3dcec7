//! The screens' styles: the shared [`crate::theme::Theme`] (title, dim, key, selected, good, warn,
//! bad, score, markdown, ...) plus the drill clock's phases, which only screens show.

use prep_core::practice::Phase;
use ratatui::style::{Modifier, Style};

pub use crate::theme::{Background, Theme};

impl Theme {
    /// The drill clock's text (and the border of a timed box) in each phase.
    pub fn clock(&self, phase: Phase) -> Style {
        match phase {
            Phase::Calm => self.good(),
            Phase::Warning => self.warn(),
            Phase::Overtime if self.color => self.bad(),
            Phase::Overtime => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    /// `Gauge::gauge_style` for the drill clock; the label may be unstyled or use the same style.
    pub fn clock_gauge(&self, phase: Phase) -> Style {
        if !self.color {
            return self.clock(phase);
        }
        let p = self.palette();
        match phase {
            Phase::Calm => p.gauge(p.good),
            Phase::Warning => p.gauge(p.warn),
            Phase::Overtime => p.gauge(p.bad).add_modifier(Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_gauges_fill_over_the_track_and_keep_the_plain_form() {
        for bg in [Background::Light, Background::Dark] {
            let t = Theme::new(true, bg);
            let p = t.palette();
            let fills = [
                (Phase::Calm, p.good),
                (Phase::Warning, p.warn),
                (Phase::Overtime, p.bad),
            ];
            for (phase, fill) in fills {
                let g = t.clock_gauge(phase);
                assert_eq!((g.fg, g.bg), (Some(fill), Some(p.track)));
                assert_eq!(t.clock(phase).fg, Some(fill));
            }
            let plain = Theme::new(false, bg);
            assert_eq!(
                plain.clock_gauge(Phase::Overtime),
                plain.clock(Phase::Overtime)
            );
            assert_eq!(plain.clock(Phase::Calm), Style::new());
        }
    }
}
