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
        let s = prep_core::text::clean(s);
        if self.tty {
            fit(&s, width)
        } else {
            s.into_owned()
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
        let text = prep_core::text::clean(text);
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

/// Command output as it goes to the terminal: every control character shown as a visible stand-in
/// ([`prep_core::text::clean`]), except, when `color` is on, the colour codes prep itself writes
/// (`ESC [ digits ; ... m`), the only escape sequence in its output.
pub fn clean_output(text: &str, color: bool) -> std::borrow::Cow<'_, str> {
    use prep_core::text::{clean, is_hostile};
    if !color || !text.contains('\x1b') {
        return clean(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| is_hostile(c)) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let sgr = tail
            .strip_prefix("\x1b[")
            .and_then(|t| {
                t.find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .map(|n| (t, n))
            })
            .filter(|(t, n)| t[*n..].starts_with('m'))
            .map(|(_, n)| n + 3);
        let step = match sgr {
            Some(len) => {
                out.push_str(&tail[..len]);
                len
            }
            None if tail.starts_with("\r\n") => {
                out.push('\r');
                1
            }
            None => {
                let c = tail.chars().next().map_or(1, char::len_utf8);
                out.push_str(&clean(&tail[..c]));
                c
            }
        };
        rest = &tail[step..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Pretty JSON and a newline; DEL, C1 and bidirectional controls written as `\uXXXX`.
pub fn print_json(w: &mut String, value: &serde_json::Value) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => outln!(w, "{}", prep_core::text::json_escape(&s)),
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
    fn output_keeps_only_prep_own_colour_codes() {
        let hostile = "t\x1b]0;pwned\x07 \x1bc \u{9b}2J \u{202e}x";
        let plain = clean_output(hostile, false);
        assert_eq!(plain, "t^[]0;pwned^G ^[c <U+009B>2J <U+202E>x");
        let ours = "\x1b[1;38;5;203mx\x1b[0m";
        assert_eq!(clean_output(ours, true), ours);
        assert_eq!(clean_output(ours, false), "^[[1;38;5;203mx^[[0m");
        let both = format!("{ours}{hostile}\x1b[");
        let out = clean_output(&both, true);
        assert_eq!(out, format!("{ours}{plain}^[["));
        let out = Out {
            color: true,
            width: 80,
            tty: true,
            background: Background::Dark,
        };
        assert_eq!(
            out.paint("\x1b[8mhidden", Style::new().bold()),
            "\x1b[1m^[[8mhidden\x1b[0m"
        );
        assert_eq!(out.fit("a\x1bc", 10), "a^[c");
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
