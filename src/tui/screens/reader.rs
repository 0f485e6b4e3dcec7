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
    /// History: `x` was pressed once; the next `x` deletes the newest attempt.
    pub armed: bool,
}

impl ReaderState {
    pub fn question(i: usize) -> Self {
        ReaderState {
            doc: Doc::Question(i),
            scroll: Scroll::default(),
            armed: false,
        }
    }

    pub fn guide(i: usize) -> Self {
        ReaderState {
            doc: Doc::Guide(i),
            scroll: Scroll::default(),
            armed: false,
        }
    }
}

pub fn update(s: &mut ReaderState, ctx: &mut Ctx, action: Action) -> Transition {
    let armed = std::mem::take(&mut s.armed);
    if s.scroll.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::DeleteAttempt => {
            if let Doc::History(q) = s.doc {
                s.armed = delete_newest(ctx, q, armed);
            }
        }
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
                    armed: false,
                }));
            }
        }
        Action::Back => return Transition::Pop,
        _ => {}
    }
    Transition::Stay
}

/// The first `x` asks (returns true: armed); the second deletes the newest attempt at `q`.
fn delete_newest(ctx: &mut Ctx, q: usize, armed: bool) -> bool {
    let id = ctx.bank.questions[q].id.to_string();
    let Some(newest) = prep_core::history::of(&ctx.attempts, &id).first().copied() else {
        ctx.info(format!("No attempts at {id} to delete"));
        return false;
    };
    let (attempt, at, score) = (newest.id.clone(), newest.at, newest.score);
    let when = prep_core::days::Zone::local().date_time(at);
    if !armed {
        ctx.info(format!(
            "Press x again to delete the newest attempt ({when}, {score:.0}%)"
        ));
        return true;
    }
    let Some(log) = &ctx.log else {
        ctx.error("No data folder, so nothing can be deleted (see --data-dir)");
        return false;
    };
    match log.delete(&attempt, prep_core::clock::now_unix()) {
        Ok(()) => {
            ctx.attempts.retain(|a| a.id != attempt);
            ctx.info(format!(
                "Deleted the attempt of {when} ({score:.0}%) at {id}"
            ));
        }
        Err(e) => ctx.error(format!("Not deleted: {e}")),
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::test_support::ctx_with_log;
    use prep_core::storage::Attempt;

    fn attempt(at: i64, score: u32) -> Attempt {
        serde_json::from_str(&format!(
            r#"{{"schema":1,"id":"{at}-0000abcd","at":{at},"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":90,"spoken":60,"overtime":0,"checked":[],"items":4,"score":{score},"technical":{score},"people":null}}"#
        ))
        .unwrap()
    }

    #[test]
    fn x_twice_in_history_deletes_the_newest_attempt_from_memory_and_the_log() {
        let (mut ctx, _dir) = ctx_with_log();
        let log = ctx.log.clone().unwrap();
        for a in [attempt(1_795_000_000, 40), attempt(1_795_100_000, 80)] {
            log.append(&a).unwrap();
            ctx.attempts.push(a);
        }
        let q = ctx
            .bank
            .questions
            .iter()
            .position(|q| q.id == "sd-url-shortener")
            .unwrap();
        let mut s = ReaderState::question(q);
        s.doc = Doc::History(q);
        let status = |ctx: &Ctx| ctx.status.as_ref().unwrap().text.clone();

        update(&mut s, &mut ctx, Action::DeleteAttempt);
        assert!(
            status(&ctx).starts_with("Press x again"),
            "{}",
            status(&ctx)
        );
        assert!(status(&ctx).contains("80%"), "{}", status(&ctx));
        assert_eq!(ctx.attempts.len(), 2, "one x only asks");
        // Any other key in between disarms it.
        update(&mut s, &mut ctx, Action::Down);
        update(&mut s, &mut ctx, Action::DeleteAttempt);
        assert_eq!(ctx.attempts.len(), 2);

        update(&mut s, &mut ctx, Action::DeleteAttempt);
        assert!(status(&ctx).starts_with("Deleted"), "{}", status(&ctx));
        assert_eq!(ctx.attempts, vec![attempt(1_795_000_000, 40)]);
        assert_eq!(log.read().unwrap().attempts, ctx.attempts);
        assert_eq!(ctx.stats().attempts, 1);
    }
}
