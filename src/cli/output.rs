//! How the command line writes: colour only on a terminal and never with `NO_COLOR` (decided by
//! [`crate::theme::color_enabled`]), in the palette for the terminal's background, lines fitted to
//! the terminal width on a terminal and whole when piped, styled text turned into ANSI escapes.

use crate::theme::{Background, Theme};
use prep_core::config::ThemeChoice;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Text};
use std::io::IsTerminal;
use unicode_width::UnicodeWidthStr;

/// Where output goes and what it can show.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    pub color: bool,
    pub width: u16,
    pub tty: bool,
    pub background: Background,
}

impl Out {
    /// For `theme = "auto"`.
    pub fn detect() -> Self {
        Self::detect_for(ThemeChoice::Auto)
    }

    /// For the `theme` setting.
    pub fn detect_for(theme: ThemeChoice) -> Self {
        let tty = std::io::stdout().is_terminal();
        let width = if tty {
            crossterm::terminal::size().map(|(w, _)| w).unwrap_or(80)
        } else {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(80)
        };
        Out {
            color: crate::theme::color_enabled(tty),
            width: width.max(20),
            tty,
            background: Background::resolve(theme),
        }
    }

    /// `s` cut to `width` display columns (ending in `…`) on a terminal; whole when stdout is not
    /// a terminal, so a pipe or a file gets every value as it is.
    pub fn fit(&self, s: &str, width: usize) -> String {
        if self.tty {
            fit(s, width)
        } else {
            s.to_string()
        }
    }

    /// The styles by role (title, dim, good, warn, ...).
    pub fn styles(&self) -> Theme {
        Theme::new(self.color, self.background)
    }

    /// The Markdown renderer's theme.
    pub fn theme(&self) -> crate::markdown::Theme {
        self.styles().markdown()
    }

    /// Write styled text as lines, with ANSI styling when colour is on.
    pub fn print_text(&self, w: &mut String, text: &Text<'_>) {
        for line in &text.lines {
            outln!(w, "{}", self.line(line));
        }
    }

    pub fn line(&self, line: &Line<'_>) -> String {
        let mut s = String::new();
        for span in &line.spans {
            let style = line.style.patch(span.style);
            s.push_str(&self.paint(&span.content, style));
        }
        s
    }

    /// `text` in `style` when colour is on, else as it is.
    pub fn paint(&self, text: &str, style: Style) -> String {
        let codes = if self.color {
            sgr(style)
        } else {
            String::new()
        };
        if codes.is_empty() {
            text.to_string()
        } else {
            format!("\x1b[{codes}m{text}\x1b[0m")
        }
    }
}

fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, 30)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, 40)) {
        codes.push(bg);
    }
    codes.join(";")
}

/// The SGR code of a colour as foreground (`base` 30) or background (40).
fn color_code(c: Color, base: u8) -> Option<String> {
    let basic = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

/// Pretty JSON and a newline.
pub fn print_json(w: &mut String, value: &serde_json::Value) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => outln!(w, "{s}"),
        Err(e) => eprintln!("prep: cannot write JSON: {e}"),
    }
}

/// Cut `s` to at most `width` display columns, ending in `…` when cut. Command output goes through
/// [`Out::fit`], which cuts only on a terminal.
pub fn fit(s: &str, width: usize) -> String {
    crate::markdown::ellipsize(s, width)
}

/// Pad `s` with spaces to `width` display columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("hello", 10), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("日本語テキスト", 7), "日本語…");
        assert_eq!(pad("日本", 6), "日本  ");
    }

    #[test]
    fn out_fits_only_on_a_terminal() {
        let piped = Out {
            color: false,
            width: 20,
            tty: false,
            background: Background::Dark,
        };
        assert_eq!(piped.fit("hello world", 6), "hello world");
        let tty = Out { tty: true, ..piped };
        assert_eq!(tty.fit("hello world", 6), "hello…");
    }

    #[test]
    fn no_escapes_without_colour() {
        let out = Out {
            color: false,
            width: 80,
            tty: false,
            background: Background::Dark,
        };
        assert_eq!(out.paint("x", out.styles().bad()), "x");
        assert_eq!(out.paint("x", Style::new().bold().fg(Color::Red)), "x");
        let out = Out { color: true, ..out };
        assert_eq!(
            out.paint("x", Style::new().bold().fg(Color::Red)),
            "\x1b[1;31mx\x1b[0m"
        );
        assert_eq!(
            out.paint("x", out.styles().bad()),
            "\x1b[1;38;5;203mx\x1b[0m"
        );
        assert_eq!(
            out.paint("x", out.styles().selected()),
            "\x1b[1;38;5;231;48;5;18mx\x1b[0m"
        );
        let light = Out {
            background: Background::Light,
            ..out
        };
        assert_eq!(
            light.paint("x", light.styles().bad()),
            "\x1b[1;38;5;124mx\x1b[0m"
        );
    }
}
