//! A guard for text that terminals measure differently from ratatui: flags, emoji joined with
//! ZWJ, skin tones, keycaps with VS16. ratatui counts each such grapheme as two cells; many
//! terminals draw it as one, two or eight cells, or as separate pieces. Frames are drawn as
//! differences from the last one, so a piece the terminal drew where ratatui thought a cell was
//! blank stays on screen after the text has gone (a lone regional indicator, say). Every row that
//! holds such a grapheme, in this frame or the one before, is therefore written whole.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};

/// A grapheme terminals may measure differently: several code points drawn two cells wide.
fn ambiguous(cell: &Cell) -> bool {
    let symbol = cell.symbol();
    symbol.chars().nth(1).is_some() && symbol.cell_width() > 1
}

/// Mark for a full write every row of `buf` that holds an ambiguous grapheme now or held one in
/// the previous frame (`rows`, updated here). Call it on each new frame before it is flushed.
/// Only rows with such text cost extra bytes.
pub fn redraw_ambiguous_rows(buf: &mut Buffer, rows: &mut Vec<u16>) {
    let area = buf.area;
    let now: Vec<u16> = (area.top()..area.bottom())
        .filter(|&y| (area.left()..area.right()).any(|x| buf.cell((x, y)).is_some_and(ambiguous)))
        .collect();
    for &y in now.iter().chain(rows.iter()) {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y))
                && cell.diff_option == CellDiffOption::None
            {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
    }
    *rows = now;
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn rows_with_joined_emoji_now_or_before_are_written_whole() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        buf.set_string(0, 1, "flag 🇯🇵", ratatui::style::Style::new());
        buf.set_string(0, 2, "日本 ok", ratatui::style::Style::new());
        let mut rows = vec![0];
        redraw_ambiguous_rows(&mut buf, &mut rows);
        let forced = |buf: &Buffer, y: u16| {
            (0..10).all(|x| buf[(x, y)].diff_option == CellDiffOption::AlwaysUpdate)
        };
        assert!(forced(&buf, 0), "held one in the frame before");
        assert!(forced(&buf, 1), "holds a flag now");
        assert!(!forced(&buf, 2), "CJK alone is measured alike everywhere");
        assert_eq!(rows, vec![1]);
    }
}
