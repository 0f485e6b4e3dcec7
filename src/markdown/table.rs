//! GFM tables: aligned columns when they fit, else one wrapped "Header: value" line per cell.

use super::text::pad;
use super::{BOLD, Renderer};
use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

impl Renderer {
    pub(super) fn table_block(&mut self, (align, rows): (Vec<Alignment>, Vec<Vec<String>>)) {
        let Some(cols) = rows.iter().map(Vec::len).max().filter(|&c| c > 0) else {
            return;
        };
        let cell = |r: &[String], c: usize| r.get(c).cloned().unwrap_or_default();
        let widths: Vec<usize> = (0..cols)
            .map(|c| rows.iter().map(|r| cell(r, c).width()).max().unwrap_or(0))
            .collect();
        let (pw, avail) = self.room();
        let bold = self.theme().style(BOLD);
        if widths.iter().sum::<usize>() + 3 * (cols - 1) <= avail {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            for (i, row) in rows.iter().enumerate() {
                let cells: Vec<String> = (0..cols)
                    .map(|c| pad(&cell(row, c), widths[c], align.get(c)))
                    .collect();
                let style = if i == 0 { bold } else { Style::new() };
                let text = cells.join(" │ ").trim_end().to_string();
                self.push(pw, vec![Span::styled(text, style)]);
                if i == 0 {
                    self.push(pw, vec![Span::raw(rule.join("─┼─"))]);
                }
            }
            return;
        }
        // Too wide: each cell as a wrapped "Header: value" line, a blank line between rows.
        const NO_BODY: &[Vec<String>] = &[Vec::new()];
        let body = if rows.len() > 1 { &rows[1..] } else { NO_BODY };
        for (k, row) in body.iter().enumerate() {
            if k > 0 {
                self.blank();
            }
            for c in 0..cols {
                let label = format!("{}: ", cell(&rows[0], c));
                self.inline = vec![(label, bold), (cell(row, c), Style::new())];
                self.flush();
            }
        }
    }
}
