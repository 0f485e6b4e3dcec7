//! A pane of text taller than its room: the scroll position, the keys that move it, and drawing it
//! with its position label on a row of its own, so the label never hides the last line.

use crate::keymap::Action;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Where a pane is scrolled to, and what the last draw measured (lines of text, rows shown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub at: usize,
    lines: usize,
    page: usize,
}

impl Scroll {
    /// The furthest the pane can scroll: the last line on the last row.
    pub fn max(&self) -> usize {
        self.lines.saturating_sub(self.page)
    }

    /// Rows of text shown at the last draw.
    pub fn page(&self) -> usize {
        self.page
    }

    /// Move for a scrolling action; false for any other action.
    pub fn apply(&mut self, action: Action) -> bool {
        let page = self.page.max(2) - 1;
        let half = (self.page / 2).max(1);
        let max = self.max();
        self.at = match action {
            Action::Up => self.at.saturating_sub(1),
            Action::Down => (self.at + 1).min(max),
            Action::PageUp => self.at.saturating_sub(page),
            Action::PageDown => (self.at + page).min(max),
            Action::HalfPageUp => self.at.saturating_sub(half),
            Action::HalfPageDown => (self.at + half).min(max),
            Action::Top => 0,
            Action::Bottom => max,
            _ => return false,
        };
        true
    }

    /// "end", or how far down the pane is, in percent.
    fn position(&self) -> String {
        let max = self.max();
        if self.at >= max {
            "end".into()
        } else {
            format!("{}%", self.at * 100 / max.max(1))
        }
    }

    /// Draw `text` inside `block` in `area`, scrolled to `at` (kept in range). When the text does
    /// not fit, the block's last row holds `" {hint} · 40% "` (dim, on the right) and a
    /// scrollbar runs down the right edge when `bar` is set; the text gets the rows above.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        &mut self,
        f: &mut Frame,
        area: Rect,
        block: Block,
        text: &Text,
        hint: &str,
        dim: Style,
        bar: bool,
    ) {
        let inner = block.inner(area);
        f.render_widget(block, area);
        self.lines = text.lines.len();
        let overflows = self.lines > usize::from(inner.height);
        let body = if overflows {
            Rect {
                height: inner.height.saturating_sub(1),
                ..inner
            }
        } else {
            inner
        };
        self.page = usize::from(body.height);
        self.at = self.at.min(self.max());
        // Only the rows on screen are copied and drawn, however long the text.
        let end = (self.at + self.page).min(self.lines);
        let visible = Text::from(text.lines[self.at.min(end)..end].to_vec());
        f.render_widget(Paragraph::new(visible), body);
        if !overflows || inner.height == 0 {
            return;
        }
        let label = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        let words = format!(" {hint} · {} ", self.position());
        f.render_widget(
            Paragraph::new(Line::styled(words, dim)).alignment(Alignment::Right),
            label,
        );
        if bar {
            let mut state = ScrollbarState::new(self.max()).position(self.at);
            f.render_stateful_widget(
                Scrollbar::new(ScrollbarOrientation::VerticalRight),
                body,
                &mut state,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Borders;

    fn rows(scroll: &mut Scroll, lines: usize, height: u16) -> Vec<String> {
        let text = Text::from(
            (1..=lines)
                .map(|i| Line::from(format!("line {i}")))
                .collect::<Vec<_>>(),
        );
        let mut term = Terminal::new(TestBackend::new(30, height)).unwrap();
        term.draw(|f| {
            let block = Block::new().borders(Borders::TOP).title("T");
            scroll.draw(f, f.area(), block, &text, "j/k scroll", Style::new(), false);
        })
        .unwrap();
        let buf = term.backend().buffer().clone();
        (0..height)
            .map(|y| (0..30).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect()
    }

    #[test]
    fn the_last_line_shows_above_the_label_at_the_end() {
        let mut s = Scroll::default();
        rows(&mut s, 20, 8);
        assert!(s.apply(Action::Bottom));
        let shown = rows(&mut s, 20, 8);
        assert!(shown[6].starts_with("line 20"), "{shown:#?}");
        assert!(shown[7].contains("j/k scroll · end"), "{shown:#?}");
    }

    #[test]
    fn text_that_fits_has_no_label_and_does_not_move() {
        let mut s = Scroll::default();
        let shown = rows(&mut s, 3, 8);
        assert!(shown.iter().all(|r| !r.contains("scroll")), "{shown:#?}");
        s.apply(Action::PageDown);
        assert_eq!(s.at, 0);
    }

    #[test]
    fn half_pages_move_half_the_rows_shown() {
        let mut s = Scroll::default();
        rows(&mut s, 100, 11); // 10 rows inside the block, 9 of them text
        s.apply(Action::HalfPageDown);
        assert_eq!(s.at, 4);
        s.apply(Action::PageDown);
        assert_eq!(s.at, 12);
        s.apply(Action::HalfPageUp);
        assert_eq!(s.at, 8);
    }
}
