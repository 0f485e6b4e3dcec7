//! How the command line writes: colour only on a terminal and never with `NO_COLOR`, lines
//! fitted to the terminal width, styled text turned into ANSI escapes.

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
}

impl Out {
    pub fn detect() -> Self {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = if tty {
            crossterm::terminal::size().map(|(w, _)| w).unwrap_or(80)
        } else {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(80)
        };
        Out {
            color: tty && !no_color,
            width: width.max(20),
            tty,
        }
    }

    pub fn theme(&self) -> crate::markdown::Theme {
        if self.color {
            crate::markdown::Theme::colored()
        } else {
            crate::markdown::Theme::plain()
        }
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
    if let Some(fg) = style.fg.and_then(color_code) {
        codes.push(fg);
    }
    codes.join(";")
}

fn color_code(c: Color) -> Option<String> {
    let basic = |n: u8| Some((30 + n).to_string());
    let bright = |n: u8| Some((90 + n).to_string());
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
        Color::Indexed(i) => Some(format!("38;5;{i}")),
        Color::Rgb(r, g, b) => Some(format!("38;2;{r};{g};{b}")),
    }
}

/// Pretty JSON and a newline.
pub fn print_json(w: &mut String, value: &serde_json::Value) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => outln!(w, "{s}"),
        Err(e) => eprintln!("prep: cannot write JSON: {e}"),
    }
}

/// Cut `s` to at most `width` display columns, ending in `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
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
    fn no_escapes_without_colour() {
        let out = Out {
            color: false,
            width: 80,
            tty: false,
        };
        assert_eq!(out.paint("x", Style::new().bold().fg(Color::Red)), "x");
        let out = Out { color: true, ..out };
        assert_eq!(
            out.paint("x", Style::new().bold().fg(Color::Red)),
            "\x1b[1;31mx\x1b[0m"
        );
    }
}
