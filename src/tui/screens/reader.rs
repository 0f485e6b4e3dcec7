//! A question in full (prompt, probes, rubric, talking points, pitfalls, follow-ups) or a guide,
//! rendered from Markdown and scrollable.

use super::Screen;
use super::drill;
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Question(usize),
    Guide(usize),
}

pub struct ReaderState {
    pub doc: Doc,
    pub scroll: usize,
    /// Lines and page height at the last draw, to keep scrolling inside the text.
    lines: usize,
    page: usize,
}

impl ReaderState {
    pub fn question(i: usize) -> Self {
        ReaderState {
            doc: Doc::Question(i),
            scroll: 0,
            lines: 0,
            page: 0,
        }
    }

    pub fn guide(i: usize) -> Self {
        ReaderState {
            doc: Doc::Guide(i),
            scroll: 0,
            lines: 0,
            page: 0,
        }
    }
}

pub fn update(s: &mut ReaderState, ctx: &mut Ctx, action: Action) -> Transition {
    let max = s.lines.saturating_sub(s.page);
    let page = s.page.max(2) - 1;
    match action {
        Action::Up => s.scroll = s.scroll.saturating_sub(1),
        Action::Down => s.scroll = (s.scroll + 1).min(max),
        Action::PageUp => s.scroll = s.scroll.saturating_sub(page),
        Action::PageDown => s.scroll = (s.scroll + page).min(max),
        Action::Top => s.scroll = 0,
        Action::Bottom => s.scroll = max,
        Action::Drill => {
            return match s.doc {
                Doc::Question(q) => drill::start(ctx, vec![q]),
                Doc::Guide(_) => {
                    ctx.info("Guides are for reading; open a question to drill it");
                    Transition::Stay
                }
            };
        }
        Action::Back => return Transition::Pop,
        _ => {}
    }
    Transition::Stay
}

pub fn text(ctx: &Ctx, doc: Doc, width: u16) -> (String, Text<'static>) {
    let theme = ctx.theme.markdown();
    match doc {
        Doc::Question(i) => {
            let q = &ctx.bank.questions[i];
            (
                q.id.to_string(),
                crate::markdown::render(
                    &prep_core::doc::question_markdown_for(&ctx.bank, q, ctx.target_role),
                    width,
                    theme,
                ),
            )
        }
        Doc::Guide(i) => {
            let g = &ctx.bank.guides[i];
            (
                g.title.to_string(),
                crate::markdown::render(&g.body, width, theme),
            )
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut ReaderState, ctx: &Ctx) {
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    let width = inner.width.saturating_sub(2).max(1);
    let (title, text) = text(ctx, s.doc, width);
    s.lines = text.lines.len();
    s.page = usize::from(inner.height);
    s.scroll = s.scroll.min(s.lines.saturating_sub(s.page));
    let pos = if s.lines > s.page {
        format!(" {}/{} ", s.scroll + 1, s.lines.saturating_sub(s.page) + 1)
    } else {
        String::new()
    };
    let block = block
        .title(format!(" {title} "))
        .title_style(ctx.theme.title())
        .title_bottom(pos);
    let scroll = u16::try_from(s.scroll).unwrap_or(u16::MAX);
    f.render_widget(Paragraph::new(text).scroll((scroll, 0)).block(block), area);
    if s.lines > s.page {
        let mut bar = ScrollbarState::new(s.lines.saturating_sub(s.page)).position(s.scroll);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            inner,
            &mut bar,
        );
    }
}

impl Screen for ReaderState {
    fn mode(&self) -> Mode {
        Mode::Reader
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
}
