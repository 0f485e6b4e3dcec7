//! Drawing the debrief form: one line per field, the questions added so far under theirs.

use super::{DebriefState, FIELDS, QUESTION};
use crate::tui::app::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, s: &mut DebriefState, ctx: &Ctx) {
    let t = ctx.theme;
    let mut lines = vec![
        Line::styled("Debrief a real interview", t.title()),
        Line::styled(
            "What they asked and how it went: the plan puts these questions first, and ones the bank lacks become drafts in your bank.",
            t.dim(),
        ),
        Line::raw(""),
    ];
    for (i, name) in FIELDS.iter().enumerate() {
        let here = i == s.field;
        let label = format!("{} {name:<16}", if here { "›" } else { " " });
        let mut value = s.values[i].clone();
        if here {
            value.push('▏');
        }
        lines.push(Line::from(vec![
            Span::styled(label, if here { t.title() } else { t.dim() }),
            Span::raw(value),
        ]));
        if i == QUESTION {
            for (n, q) in s.questions.iter().enumerate() {
                lines.push(Line::styled(format!("    {}. {q}", n + 1), t.dim()));
            }
            if here {
                lines.push(Line::styled(
                    "    Enter adds the question; an empty Enter moves on",
                    t.dim(),
                ));
            }
        }
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
