//! The one palette of the TUI and the CLI, and the two decisions around it: colour on or off, and
//! light or dark background.
//!
//! The 16 ANSI colours are re-themed by every terminal, so what "yellow" looks like on the user's
//! background cannot be known. Every colour here is a 256-colour cube or grey index
//! (`Color::Indexed(16..=255)`), whose RGB value terminals keep fixed, and each palette is checked
//! in the tests below with the WCAG contrast formula: at least 4.5:1 for every text colour on the
//! backgrounds it is drawn on (the terminal's, assumed #FFFFFF or #FDF6E3 when light and #000000 or
//! #1E1E1E when dark, the selected row's and the gauge track's).
//!
//! Without colour ([`color_enabled`] is false) the roles fall back to bold, reverse and underline
//! only.
//!
//! `theme = "auto"` is settled from `COLORFGBG` ([`Background::resolve`]), which many terminals
//! set; when it is missing or unreadable the background is taken to be dark. prep never asks the
//! terminal for its background colour (OSC 11): an emulator that does not answer would hold up
//! start-up, and the pty tests' emulator never answers.

use prep_core::config::ThemeChoice;
use ratatui::style::{Modifier, Style};
use std::ffi::OsStr;

/// Whether to use colour at all: not when `NO_COLOR` is set to anything but the empty string, and
/// not when the output is not a terminal (`is_terminal` false; the TUI passes true, as it only
/// runs on one).
pub fn color_enabled(is_terminal: bool) -> bool {
    color_enabled_with(std::env::var_os("NO_COLOR").as_deref(), is_terminal)
}

fn color_enabled_with(no_color: Option<&OsStr>, is_terminal: bool) -> bool {
    is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// The terminal's background, which decides the palette.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Background {
    Light,
    /// Also what `auto` gives when the background cannot be told.
    #[default]
    Dark,
}

impl Background {
    /// The background for the `theme` setting: `auto` reads `COLORFGBG`.
    pub fn resolve(choice: ThemeChoice) -> Self {
        let colorfgbg = std::env::var("COLORFGBG").ok();
        Self::resolve_with(choice, colorfgbg.as_deref())
    }

    fn resolve_with(choice: ThemeChoice, colorfgbg: Option<&str>) -> Self {
        match choice {
            ThemeChoice::Light => Background::Light,
            ThemeChoice::Dark => Background::Dark,
            ThemeChoice::Auto => colorfgbg.and_then(Self::from_colorfgbg).unwrap_or_default(),
        }
    }

    /// `COLORFGBG` is `fg;bg` (rxvt also writes `fg;xpm;bg`): the last field is the background's
    /// ANSI colour number. 0-6 and 8 are dark colours, 7 and 9-15 light ones; anything else
    /// (`default`, a 256-colour index) says nothing.
    pub fn from_colorfgbg(value: &str) -> Option<Self> {
        let last = value.rsplit(';').next()?.trim();
        match last.parse::<u8>().ok()? {
            0..=6 | 8 => Some(Background::Dark),
            7 | 9..=15 => Some(Background::Light),
            _ => None,
        }
    }
}

mod palette;
pub use palette::{DARK, LIGHT, Palette};

/// Styles by role, for the screens (as `tui::theme::Theme`) and the CLI (`Out::styles`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub background: Background,
}

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const NONE: Style = Style::new();

impl Theme {
    pub const fn new(color: bool, background: Background) -> Self {
        Theme { color, background }
    }

    pub const fn palette(&self) -> &'static Palette {
        Palette::of(self.background)
    }

    fn pick(&self, colored: impl FnOnce(&Palette) -> Style, plain: Style) -> Style {
        if self.color {
            colored(self.palette())
        } else {
            plain
        }
    }

    pub fn title(&self) -> Style {
        self.pick(|p| BOLD.fg(p.title), BOLD)
    }

    pub fn selected(&self) -> Style {
        self.pick(
            |p| BOLD.fg(p.selected_fg).bg(p.selected_bg),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn dim(&self) -> Style {
        self.pick(|p| NONE.fg(p.dim), NONE)
    }

    pub fn key(&self) -> Style {
        self.pick(|p| BOLD.fg(p.key), BOLD)
    }

    /// Matched characters in search results.
    pub fn matched(&self) -> Style {
        let marked = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.pick(|p| marked.fg(p.key), marked)
    }

    pub fn good(&self) -> Style {
        self.pick(|p| NONE.fg(p.good), NONE)
    }

    pub fn warn(&self) -> Style {
        self.pick(|p| NONE.fg(p.warn), BOLD)
    }

    pub fn bad(&self) -> Style {
        self.pick(|p| BOLD.fg(p.bad), BOLD)
    }

    /// A score 0-100 coloured by how good it is.
    pub fn score(&self, score: f64) -> Style {
        if score >= 70.0 {
            self.good()
        } else if score >= 40.0 {
            self.warn()
        } else {
            self.bad()
        }
    }

    /// `Gauge::gauge_style` for a score gauge (`None`: nothing to show yet). The label may be
    /// left unstyled: it reads in the track colour over the bar and the bar colour over the track.
    pub fn score_gauge(&self, score: Option<f64>) -> Style {
        let plain = match score {
            Some(s) => Theme::new(false, self.background).score(s),
            None => NONE,
        };
        self.pick(
            |p| match score {
                Some(s) if s >= 70.0 => p.gauge(p.good),
                Some(s) if s >= 40.0 => p.gauge(p.warn),
                Some(_) => p.gauge(p.bad).add_modifier(Modifier::BOLD),
                None => p.gauge(p.dim),
            },
            plain,
        )
    }

    /// Markdown: level 1 and 2 headings (lower levels are bold only).
    pub fn heading(&self) -> Style {
        self.title()
    }

    /// Markdown: inline code and code blocks.
    pub fn code(&self) -> Style {
        self.pick(|p| NONE.fg(p.code), NONE)
    }

    /// Markdown: link text.
    pub fn link(&self) -> Style {
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(|p| underlined.fg(p.link), underlined)
    }

    /// The Markdown renderer's theme for the same background; without colour it has no styles
    /// at all.
    pub fn markdown(&self) -> crate::markdown::Theme {
        crate::markdown::Theme::new(self.color, self.background)
    }
}
