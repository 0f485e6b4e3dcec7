//! Table cells that say when they are cut: a `Table` clips a long cell at its column's edge with
//! no sign, mid-word. These give each column's width as the table will lay it out, so a cell can
//! be shortened with `…` instead.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// The widths a `Table` gives `constraints` in `width` columns (its one-column spacing, after
/// `symbol` columns for the highlight symbol).
pub fn column_widths(constraints: &[Constraint], width: u16, symbol: u16) -> Vec<usize> {
    let room = Rect::new(0, 0, width.saturating_sub(symbol), 1);
    Layout::horizontal(constraints.iter().copied())
        .flex(Flex::Start)
        .spacing(1)
        .split(room)
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// `text` to fit column `i` of `widths`, with `…` when cut.
pub fn fit(text: &str, widths: &[usize], i: usize) -> String {
    crate::markdown::ellipsize(text, widths.get(i).copied().unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::{Cell, Row, Table, TableState};

    #[test]
    fn widths_match_what_the_table_draws() {
        let constraints = [Constraint::Percentage(35), Constraint::Fill(1)];
        let widths = column_widths(&constraints, 80, 2);
        let long = "word ".repeat(40);
        let row = Row::new([
            Cell::from(fit(&long, &widths, 0)),
            Cell::from(fit(&long, &widths, 1)),
        ]);
        let mut term = Terminal::new(TestBackend::new(80, 1)).unwrap();
        let mut state = TableState::default().with_selected(Some(0));
        term.draw(|f| {
            let t = Table::new([row], constraints).highlight_symbol("› ");
            f.render_stateful_widget(t, f.area(), &mut state);
        })
        .unwrap();
        let buf = term.backend().buffer();
        let line: String = (0..80).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(
            line.matches('…').count(),
            2,
            "both cells say they are cut: {line:?}"
        );
        assert!(line.trim_end().ends_with('…'), "{line:?}");
    }
}
