//! The two palettes, light and dark: 256-colour cube and grey indexes, whose RGB terminals do
//! not re-theme, chosen for text at 4.5:1 contrast or better (the tests compute it).

use super::Background;
use ratatui::style::{Color, Style};

/// The colours for one background. Gauges draw their bar in `good`, `warn`, `bad` or `dim` over
/// `track`, and their label in the other of the two colours (ratatui swaps foreground and
/// background under the label), so each fill is checked against `track` as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub title: Color,
    pub dim: Color,
    /// Key hints and matched search characters.
    pub key: Color,
    pub good: Color,
    pub warn: Color,
    pub bad: Color,
    pub link: Color,
    pub code: Color,
    pub selected_fg: Color,
    /// The selected row; every text colour above is readable on it too.
    pub selected_bg: Color,
    /// The empty part of a gauge.
    pub track: Color,
}

/// For a white or cream background. The cube's yellows and cyans are all too light for text here,
/// so key hints are a dark amber and titles a dark teal.
pub const LIGHT: Palette = Palette {
    title: Color::Indexed(24),        // #005f87
    dim: Color::Indexed(241),         // #626262
    key: Color::Indexed(94),          // #875f00
    good: Color::Indexed(22),         // #005f00
    warn: Color::Indexed(94),         // #875f00
    bad: Color::Indexed(124),         // #af0000
    link: Color::Indexed(26),         // #005fd7
    code: Color::Indexed(90),         // #870087
    selected_fg: Color::Indexed(16),  // #000000
    selected_bg: Color::Indexed(254), // #e4e4e4
    track: Color::Indexed(255),       // #eeeeee
};

/// For a black or near-black background.
pub const DARK: Palette = Palette {
    title: Color::Indexed(80),        // #5fd7d7
    dim: Color::Indexed(246),         // #949494
    key: Color::Indexed(221),         // #ffd75f
    good: Color::Indexed(78),         // #5fd787
    warn: Color::Indexed(214),        // #ffaf00
    bad: Color::Indexed(203),         // #ff5f5f
    link: Color::Indexed(75),         // #5fafff
    code: Color::Indexed(176),        // #d787d7
    selected_fg: Color::Indexed(231), // #ffffff
    selected_bg: Color::Indexed(18),  // #000087
    track: Color::Indexed(235),       // #262626
};

impl Palette {
    pub const fn of(background: Background) -> &'static Palette {
        match background {
            Background::Light => &LIGHT,
            Background::Dark => &DARK,
        }
    }
}

impl Palette {
    /// A gauge whose bar is `fill`.
    pub const fn gauge(&self, fill: Color) -> Style {
        Style::new().fg(fill).bg(self.track)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{Theme, ThemeChoice, color_enabled_with};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::text::Span;
    use ratatui::widgets::{Gauge, Widget};
    use std::ffi::OsStr;

    type Rgb = (u8, u8, u8);

    /// The RGB value xterm gives a 256-colour index from 16 up (the 6x6x6 cube, then 24 greys).
    fn rgb(c: Color) -> Rgb {
        let Color::Indexed(i @ 16..) = c else {
            panic!("{c:?} is not a fixed 256-colour index");
        };
        if i >= 232 {
            let v = 8 + 10 * (i - 232);
            return (v, v, v);
        }
        let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
        let i = i - 16;
        (level(i / 36), level(i / 6 % 6), level(i % 6))
    }

    /// WCAG 2 relative luminance and contrast ratio.
    fn luminance((r, g, b): Rgb) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The terminal backgrounds each palette is meant for.
    fn terminal(bg: Background) -> [(&'static str, Rgb); 2] {
        match bg {
            Background::Light => [("#FFFFFF", (255, 255, 255)), ("#FDF6E3", (253, 246, 227))],
            Background::Dark => [("#000000", (0, 0, 0)), ("#1E1E1E", (30, 30, 30))],
        }
    }

    fn text_colours(p: &Palette) -> [(&'static str, Color); 8] {
        [
            ("title", p.title),
            ("dim", p.dim),
            ("key", p.key),
            ("good", p.good),
            ("warn", p.warn),
            ("bad", p.bad),
            ("link", p.link),
            ("code", p.code),
        ]
    }

    #[test]
    fn the_formula_gives_the_known_ratios() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(rgb(Color::Indexed(16)), (0, 0, 0));
        assert_eq!(rgb(Color::Indexed(24)), (0x00, 0x5f, 0x87));
        assert_eq!(rgb(Color::Indexed(214)), (0xff, 0xaf, 0x00));
        assert_eq!(rgb(Color::Indexed(244)), (0x80, 0x80, 0x80));
    }

    /// Text needs 4.5:1 (WCAG AA). The only colours checked at 3:1 are gauge bars drawn with no
    /// text on them (the stats screen's line gauges, over the terminal's background); they are
    /// text colours anyway, so they pass 4.5:1 too. The selected row's and the track's own edges
    /// against the terminal are not text and carry no information alone (a selected row also has
    /// its `›` marker), so they are not held to a ratio.
    #[test]
    fn every_colour_pair_is_readable() {
        let mut failures = Vec::new();
        let mut check = |what: String, fg: Color, bg: Rgb, min: f64| {
            let ratio = contrast(rgb(fg), bg);
            if ratio < min {
                failures.push(format!("{what}: {ratio:.2} < {min}"));
            }
        };
        for bg in [Background::Light, Background::Dark] {
            let p = Palette::of(bg);
            for (name, c) in text_colours(p) {
                for (term, t) in terminal(bg) {
                    check(format!("{bg:?} {name} on {term}"), c, t, 4.5);
                    check(format!("{bg:?} {name} bar on {term}"), c, t, 3.0);
                }
                check(
                    format!("{bg:?} {name} on selected"),
                    c,
                    rgb(p.selected_bg),
                    4.5,
                );
            }
            let selected = rgb(p.selected_bg);
            check(
                format!("{bg:?} selected text"),
                p.selected_fg,
                selected,
                4.5,
            );
            // Gauge labels: the fill colour over the track, the track colour over the fill.
            for (name, fill) in [
                ("good", p.good),
                ("warn", p.warn),
                ("bad", p.bad),
                ("dim", p.dim),
            ] {
                check(format!("{bg:?} {name} gauge"), fill, rgb(p.track), 4.5);
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// Every cell of a gauge's label, over the bar and over the track, with the label unstyled
    /// (mock and rubric) and styled like the gauge (drill clocks).
    #[test]
    fn gauge_labels_read_over_bar_and_track() {
        for bg in [Background::Light, Background::Dark] {
            let t = Theme::new(true, bg);
            for score in [None, Some(10.0), Some(50.0), Some(90.0)] {
                let style = t.score_gauge(score);
                for styled in [false, true] {
                    let label = "a label wider than half";
                    let label = if styled {
                        Span::styled(label, style)
                    } else {
                        Span::raw(label)
                    };
                    let area = Rect::new(0, 0, 30, 1);
                    let mut buf = Buffer::empty(area);
                    Gauge::default()
                        .gauge_style(style)
                        .ratio(0.5)
                        .label(label)
                        .render(area, &mut buf);
                    for x in 4..26 {
                        let cell = &buf[(x, 0)];
                        let ratio = contrast(rgb(cell.fg), rgb(cell.bg));
                        assert!(
                            ratio >= 4.5,
                            "{bg:?} {score:?} styled={styled} column {x}: {ratio:.2}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn without_colour_no_role_has_a_colour() {
        for bg in [Background::Light, Background::Dark] {
            let t = Theme::new(false, bg);
            let styles = [
                t.title(),
                t.selected(),
                t.dim(),
                t.key(),
                t.matched(),
                t.good(),
                t.warn(),
                t.bad(),
                t.score(50.0),
                t.score_gauge(Some(90.0)),
                t.score_gauge(None),
                t.heading(),
                t.code(),
                t.link(),
            ];
            for s in styles {
                assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
            }
            assert_eq!(t.selected(), Style::new().reversed());
        }
    }

    #[test]
    fn no_color_set_and_non_empty_turns_colour_off() {
        assert!(color_enabled_with(None, true));
        assert!(color_enabled_with(Some(OsStr::new("")), true));
        assert!(!color_enabled_with(Some(OsStr::new("1")), true));
        assert!(!color_enabled_with(None, false));
    }

    #[test]
    fn auto_reads_the_last_field_of_colorfgbg() {
        let auto = |v| Background::resolve_with(ThemeChoice::Auto, v);
        assert_eq!(auto(Some("0;15")), Background::Light);
        assert_eq!(auto(Some("15;0")), Background::Dark);
        assert_eq!(auto(Some("0;default;7")), Background::Light);
        assert_eq!(auto(Some("7;8")), Background::Dark);
        assert_eq!(auto(Some("0;9")), Background::Light);
        assert_eq!(auto(Some("15;default")), Background::Dark);
        assert_eq!(auto(Some("0;231")), Background::Dark);
        assert_eq!(auto(Some("")), Background::Dark);
        assert_eq!(auto(None), Background::Dark);
        let light = Background::resolve_with(ThemeChoice::Light, Some("15;0"));
        assert_eq!(light, Background::Light);
        let dark = Background::resolve_with(ThemeChoice::Dark, Some("0;15"));
        assert_eq!(dark, Background::Dark);
    }
}
