//! Selection in a list or table: keys, mouse wheel and clicks, kept apart from drawing.

use crate::keymap::Action;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::TableState;

#[derive(Clone, Debug, Default)]
pub struct Nav {
    pub state: TableState,
    pub len: usize,
    /// Where the rows were last drawn (inside borders and below any header), for mouse clicks.
    pub rows_area: Rect,
    /// Height of each row when rows wrap; empty means one line each.
    pub heights: Vec<u16>,
}

impl Nav {
    pub fn new(len: usize) -> Self {
        let mut state = TableState::default();
        state.select((len > 0).then_some(0));
        Nav {
            state,
            len,
            rows_area: Rect::default(),
            heights: Vec::new(),
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.state.selected().filter(|&i| i < self.len)
    }

    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        let sel = self
            .state
            .selected()
            .map_or(0, |s| s.min(len.saturating_sub(1)));
        self.state.select((len > 0).then_some(sel));
        if len == 0 {
            *self.state.offset_mut() = 0;
        }
    }

    pub fn select(&mut self, i: usize) {
        if self.len > 0 {
            self.state.select(Some(i.min(self.len - 1)));
        }
    }

    fn page(&self) -> usize {
        usize::from(self.rows_area.height.max(2)) - 1
    }

    /// Apply a movement action; true if it was one.
    pub fn apply(&mut self, action: Action) -> bool {
        let cur = self.selected().unwrap_or(0);
        let last = self.len.saturating_sub(1);
        let to = match action {
            Action::Up => cur.saturating_sub(1),
            Action::Down => (cur + 1).min(last),
            Action::PageUp => cur.saturating_sub(self.page()),
            Action::PageDown => (cur + self.page()).min(last),
            Action::HalfPageUp => cur.saturating_sub((self.page() / 2).max(1)),
            Action::HalfPageDown => (cur + (self.page() / 2).max(1)).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        self.select(to);
        true
    }

    /// The row under a click, if any (one terminal line per row).
    pub fn row_at(&self, column: u16, row: u16) -> Option<usize> {
        if !self.rows_area.contains(Position::new(column, row)) {
            return None;
        }
        let mut top = self.rows_area.y;
        for i in self.state.offset()..self.len {
            let h = self.heights.get(i).copied().unwrap_or(1);
            if row < top + h {
                return Some(i);
            }
            top += h;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_list() {
        let mut n = Nav::new(3);
        assert!(n.apply(Action::Up));
        assert_eq!(n.selected(), Some(0));
        n.apply(Action::Bottom);
        n.apply(Action::Down);
        assert_eq!(n.selected(), Some(2));
        n.set_len(1);
        assert_eq!(n.selected(), Some(0));
        n.set_len(0);
        assert_eq!(n.selected(), None);
        assert!(!n.apply(Action::Open));
    }

    #[test]
    fn clicks_map_to_rows_below_the_offset() {
        let mut n = Nav::new(50);
        n.rows_area = Rect::new(2, 5, 40, 10);
        *n.state.offset_mut() = 7;
        assert_eq!(n.row_at(3, 5), Some(7));
        assert_eq!(n.row_at(3, 14), Some(16));
        assert_eq!(n.row_at(1, 6), None);
        assert_eq!(n.row_at(3, 15), None);
        n.heights = vec![2; 50];
        assert_eq!(n.row_at(3, 6), Some(7));
        assert_eq!(n.row_at(3, 7), Some(8));
    }
}
