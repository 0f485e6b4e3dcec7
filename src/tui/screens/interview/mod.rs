//! Interviewer mode, for practising with a peer. The person asking gets the prompt to read out,
//! what to listen for, follow-ups to fire one key at a time (each on its own clock), the rubric
//! to tick live while the candidate talks, and a note; Enter saves their grade (`grader:
//! "peer"`). Then the candidate grades the same answer blind on the ordinary rubric (the peer's
//! ticks are not shown), saved with `regrade_of` pointing at the peer's grade, and both grades
//! are shown side by side with where they differ. Enter swaps seats for the next question.

mod compare;
mod draw;
#[cfg(test)]
mod tests;

use super::{Screen, drill, rubric};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crate::tui::nav::Nav;
use crossterm::event::KeyEvent;
use prep_core::grades::PEER;
use prep_core::practice::{self, ChecklistItem};
use prep_core::storage::Attempt;
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct InterviewState {
    /// The questions to ask (bank indices), and which one is being asked.
    pub queue: Vec<usize>,
    pub pos: usize,
    /// The peer's name, if given (`prep interview --peer NAME`).
    pub peer: Option<String>,
    pub stage: Stage,
    confirm_leave: bool,
}

pub enum Stage {
    /// The peer asks and ticks live. The drill keeps the clock, the note and the follow-ups.
    Ask(Box<Asking>),
    /// The candidate grades the same answer blind.
    Blind(Box<Attempt>, Box<rubric::RubricState>),
    /// Both grades side by side (`None`: the candidate discarded theirs).
    Compare(Box<Attempt>, Option<Box<Attempt>>),
}

pub struct Asking {
    pub drill: drill::DrillState,
    pub items: Vec<ChecklistItem>,
    pub checked: Vec<bool>,
    pub nav: Nav,
}

impl InterviewState {
    pub fn new(ctx: &Ctx, queue: Vec<usize>, pos: usize, peer: Option<String>) -> Self {
        InterviewState {
            stage: Stage::Ask(Box::new(asking(ctx, &queue, pos))),
            queue,
            pos,
            peer,
            confirm_leave: false,
        }
    }

    pub fn question(&self) -> usize {
        self.queue[self.pos]
    }
}

fn asking(ctx: &Ctx, queue: &[usize], pos: usize) -> Asking {
    let mut d = drill::DrillState::new(ctx, queue.to_vec(), pos);
    // The peer keeps one clock for the whole answer, even for a long design question.
    d.paced = None;
    let items = practice::checklist(&ctx.bank, &ctx.bank.questions[queue[pos]]);
    Asking {
        drill: d,
        checked: vec![false; items.len()],
        nav: Nav::new(items.len()),
        items,
    }
}

/// Open interviewer mode on `queue`, or say there is nothing to ask.
pub fn start(ctx: &mut Ctx, queue: Vec<usize>, peer: Option<String>) -> Transition {
    if queue.is_empty() {
        ctx.info("Nothing to ask here");
        return Transition::Stay;
    }
    Transition::Push(super::View::Interview(Box::new(InterviewState::new(
        ctx, queue, 0, peer,
    ))))
}

/// The peer's grade of the answer as it stands.
fn peer_attempt(q: usize, peer: Option<String>, a: &Asking, ctx: &Ctx) -> Attempt {
    let q = &ctx.bank.questions[q];
    let answer = drill::answer(&a.drill, ctx.now);
    let mut attempt = practice::attempt(q, &a.items, &a.checked, &answer, ctx.now_unix);
    attempt.grade.grader = Some(PEER.to_string());
    attempt.grade.grader_name = peer;
    attempt
}

pub fn update(s: &mut InterviewState, ctx: &mut Ctx, action: Action) -> Step {
    let leaving = std::mem::take(&mut s.confirm_leave);
    match &mut s.stage {
        Stage::Ask(a) => {
            let moving = matches!(action, Action::Up | Action::Down);
            if moving && !a.drill.notes_focus && a.nav.apply(action) {
                return Step::stay();
            }
            match action {
                Action::Toggle | Action::ToggleItem(_) if !a.drill.notes_focus => {
                    let item = match action {
                        Action::ToggleItem(i) => Some(i),
                        _ => a.nav.selected(),
                    };
                    if let Some(c) = item.and_then(|i| a.checked.get_mut(i)) {
                        *c = !*c;
                        a.nav.select(item.unwrap_or(0));
                    }
                }
                Action::Save if !a.drill.notes_focus => {
                    let attempt = peer_attempt(s.queue[s.pos], s.peer.clone(), a, ctx);
                    return Step::effect(Effect::Save(Box::new(attempt)));
                }
                Action::Back if !a.drill.notes_focus && leaving => return Transition::Pop.into(),
                Action::Back if !a.drill.notes_focus => {
                    s.confirm_leave = true;
                    ctx.info("Press q or Esc again to leave without saving a grade");
                }
                _ => {
                    let _ = drill::update(&mut a.drill, ctx, action);
                }
            }
            Step::stay()
        }
        Stage::Blind(peer, r) => {
            if action == Action::Save {
                let mut attempt = r.attempt(ctx);
                attempt.grade.regrade_of = Some(peer.id.clone());
                return Step::effect(Effect::Save(Box::new(attempt)));
            }
            if let Transition::Pop = rubric::update(r, ctx, action).transition {
                // Discarded: show the peer's grade alone.
                let peer = peer.clone();
                s.stage = Stage::Compare(peer, None);
            }
            Step::stay()
        }
        Stage::Compare(..) => match action {
            Action::Open => {
                if s.pos + 1 >= s.queue.len() {
                    extend(ctx, &mut s.queue);
                }
                let pos = (s.pos + 1).min(s.queue.len() - 1);
                // The peer's name was the asker's; after the swap the asker is the other person.
                *s = InterviewState::new(ctx, s.queue.clone(), pos, None);
                ctx.info("Swap seats: whoever answered now asks");
                Step::stay()
            }
            Action::Back => Transition::Pop.into(),
            _ => Step::stay(),
        },
    }
}

/// One more question for the next round: another of the last one's section not asked yet, else
/// any not asked yet.
fn extend(ctx: &mut Ctx, queue: &mut Vec<usize>) {
    let last = queue
        .last()
        .map(|&i| ctx.bank.questions[i].section.to_string());
    let pick = |same: bool, ctx: &mut Ctx| {
        let filter = prep_core::bank::Filter {
            section: if same { last.clone() } else { None },
            ..Default::default()
        };
        practice::shuffled(&ctx.bank, &filter, &mut ctx.rng)
            .into_iter()
            .find(|i| !queue.contains(i))
    };
    if let Some(i) = pick(true, ctx).or_else(|| pick(false, ctx)) {
        queue.push(i);
    }
}

/// A grade was saved: the peer's (on to the blind self-grade) or the candidate's (compare).
fn saved(s: &mut InterviewState, ctx: &mut Ctx) {
    let Some(last) = ctx.attempts.last().cloned() else {
        return;
    };
    let stage = std::mem::replace(&mut s.stage, Stage::Compare(Box::new(last.clone()), None));
    s.stage = match stage {
        Stage::Ask(a) => {
            let mut answer = drill::answer(&a.drill, ctx.now);
            // The note is the peer's own: the candidate grades without it too.
            answer.notes.clear();
            let r = rubric::RubricState::new(ctx, s.question(), answer, (vec![s.question()], 0));
            ctx.info(
                "Peer grade saved. Hand over: the candidate grades the same answer without seeing it",
            );
            Stage::Blind(Box::new(last), Box::new(r))
        }
        Stage::Blind(peer, _) => Stage::Compare(peer, Some(Box::new(last))),
        other => other,
    };
}

impl Screen for InterviewState {
    fn mode(&self) -> Mode {
        match &self.stage {
            Stage::Ask(a) if a.drill.notes_focus => Mode::Notes,
            Stage::Ask(_) => Mode::Interview,
            Stage::Blind(..) => Mode::Rubric,
            Stage::Compare(..) => Mode::InterviewCompare,
        }
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action)
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw::draw(f, area, self, ctx);
    }
    fn tick(&mut self, ctx: &mut Ctx) -> Step {
        match &mut self.stage {
            Stage::Ask(a) => drill::tick(&mut a.drill, ctx),
            _ => Step::stay(),
        }
    }
    fn running(&self) -> bool {
        matches!(&self.stage, Stage::Ask(a) if drill::running(&a.drill))
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        match &mut self.stage {
            Stage::Ask(a) => Some(&mut a.nav),
            Stage::Blind(_, r) => Some(&mut r.nav),
            Stage::Compare(..) => None,
        }
    }
    fn text_input(&mut self, _ctx: &mut Ctx, key: KeyEvent) {
        if let Stage::Ask(a) = &mut self.stage {
            drill::text_input(&mut a.drill, key);
        }
    }
    fn saved(&mut self, ctx: &mut Ctx, ok: bool) -> Step {
        if ok {
            saved(self, ctx);
        }
        Step::stay()
    }
    fn background(&mut self, ctx: &mut Ctx) {
        if let Stage::Blind(_, r) = &mut self.stage {
            r.extras.background(ctx);
        }
    }
}
