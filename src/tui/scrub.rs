//! The last step of every frame: no cell reaches the terminal holding a control character.
//!
//! ratatui drops C0 and C1 controls from the text it lays out, but a zero-width character is
//! appended to the cell before it when a `Line` or `Span` is drawn, so a bidirectional control
//! (U+202E and its kin) from a bank, a story or a note would reach the terminal and reorder what it
//! shows. Whatever screen drew the frame, [`scrub`] takes every such character out of the buffer,
//! using the core's one definition ([`prep_core::text::is_hostile`]).

use prep_core::text::is_hostile;
use ratatui::buffer::Buffer;

/// Remove every control and bidirectional control from the cells of `buf`.
pub fn scrub(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if symbol
            .chars()
            .any(|c| is_hostile(c) || c == '\n' || c == '\t')
        {
            let kept: String = symbol
                .chars()
                .filter(|c| !(is_hostile(*c) || *c == '\n' || *c == '\t'))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::Widget;

    #[test]
    fn a_bidi_control_in_a_line_never_reaches_the_terminal() {
        let area = Rect::new(0, 0, 20, 1);
        let mut buf = Buffer::empty(area);
        Line::from("abc\u{202e}fed\u{200f}\u{2066}x").render(area, &mut buf);
        let text = |b: &Buffer| b.content.iter().map(|c| c.symbol()).collect::<String>();
        // What ratatui alone would send: the override rides along in a cell.
        assert!(text(&buf).contains('\u{202e}'), "{:?}", text(&buf));
        scrub(&mut buf);
        let shown = text(&buf);
        assert!(!shown.chars().any(is_hostile), "{shown:?}");
        assert!(shown.starts_with("abcfedx"), "{shown:?}");
    }

    #[test]
    fn a_bidi_control_in_a_table_row_never_reaches_the_terminal() {
        use crate::tui::test_support::{NOW_UNIX, Session};
        // A bank that did not pass the loader's checks (the loader refuses these characters):
        // whatever the screen draws, the frame is scrubbed.
        let mut bank = prep_core::bank::load_builtin();
        bank.sections[0].title = "System\u{202e}ngised\u{200f}".into();
        let theme = crate::tui::theme::Theme::new(false, crate::tui::theme::Background::Dark);
        let ctx = crate::tui::ctx::Ctx::new(bank, None, theme, std::time::Instant::now(), NOW_UNIX);
        let s = Session::new(ctx, (100, 30));
        let cells: String = s
            .term
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(
            cells.contains("Systemngised"),
            "the title is shown: {cells}"
        );
        assert!(!cells.chars().any(is_hostile), "a control reached a cell");
    }
}
