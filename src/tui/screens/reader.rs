//! A question in full (prompt, probes, rubric, talking points, pitfalls, follow-ups) or a guide,
//! rendered from Markdown and scrollable.

use super::Screen;
use super::{View, drill};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::scroll::Scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::{Block, Borders};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    Question(usize),
    Guide(usize),
    /// Every attempt at a question.
    History(usize),
}

pub struct ReaderState {
    pub doc: Doc,
    pub scroll: Scroll,
}

impl ReaderState {
    pub fn question(i: usize) -> Self {
        ReaderState {
            doc: Doc::Question(i),
            scroll: Scroll::default(),
        }
    }

    pub fn guide(i: usize) -> Self {
        ReaderState {
            doc: Doc::Guide(i),
            scroll: Scroll::default(),
        }
    }
}

pub fn update(s: &mut ReaderState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.scroll.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::Drill => {
            if let Doc::Question(q) | Doc::History(q) = s.doc {
                return drill::start(ctx, vec![q]);
            }
        }
        Action::History => {
            if let Doc::Question(q) = s.doc {
                return Transition::Push(View::Reader(ReaderState {
                    doc: Doc::History(q),
                    scroll: Scroll::default(),
                }));
            }
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
        Doc::History(i) => {
            let q = &ctx.bank.questions[i];
            let md = prep_core::history::markdown(
                &ctx.bank,
                &ctx.attempts,
                &q.id,
                prep_core::days::Zone::local(),
            );
            (
                format!("History · {}", q.id),
                crate::markdown::render(&md, width, theme),
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
    let width = block.inner(area).width.saturating_sub(2).max(1);
    let (title, text) = text(ctx, s.doc, width);
    let block = block
        .title(format!(" {title} "))
        .title_style(ctx.theme.title());
    let t = ctx.theme;
    s.scroll
        .draw(f, area, block, &text, "j/k scroll", t.dim(), true);
}

impl Screen for ReaderState {
    fn mode(&self) -> Mode {
        match self.doc {
            Doc::Question(_) => Mode::Reader,
            Doc::Guide(_) => Mode::Guide,
            Doc::History(_) => Mode::History,
        }
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
}
