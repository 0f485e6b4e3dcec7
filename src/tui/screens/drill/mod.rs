//! The drill: the prompt large and centred, a countdown gauge that warns near the end and counts
//! overtime, pause, +/- 15 s, a notes box, and follow-ups revealed one at a time on their own clock.
//! Talking points stay hidden until the answer is over. A long system-design question runs as a
//! paced session through the design spine instead ([`paced`]).

mod draw;
pub mod paced;
#[cfg(test)]
mod paced_tests;
mod ready;

pub use draw::draw;

use super::{Screen, View, rubric};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crossterm::event::KeyEvent;
use prep_core::practice::{Answer, Clock, Phase, format_clock};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

/// Seconds on a revealed follow-up's own clock.
pub const FOLLOW_UP_SECS: u32 = 45;
/// Seconds `+` and `-` add or remove.
pub const STEP_SECS: i64 = 15;

pub struct DrillState {
    /// The questions of this drill (bank indices) and where we are in them.
    pub queue: Vec<usize>,
    pub pos: usize,
    pub clock: Clock,
    pub notes: TextArea<'static>,
    pub notes_focus: bool,
    /// The follow-up on screen (index into the question's follow-ups) and its clock.
    pub follow_up: Option<(usize, Clock)>,
    pub revealed: u32,
    /// The paced design session, for a long system-design question; `clock` mirrors its session.
    pub paced: Option<Box<paced::Paced>>,
    confirm_leave: bool,
    rang: bool,
    /// Waiting for a key before the clock starts (a drill after the first of a queue).
    waiting: bool,
    /// The clocks were stopped for help and start again when it closes.
    held: bool,
    /// Part of a mock loop: Enter moves on to the next question instead of grading.
    pub in_mock: bool,
    /// Enter was pressed once early in a long session; a second press ends it.
    confirm_end: bool,
    /// The recorder, STAR marks and the attempt id (see `tui::audio`).
    pub audio: crate::tui::audio::DrillAudio,
}

impl DrillState {
    pub fn new(ctx: &Ctx, queue: Vec<usize>, pos: usize) -> Self {
        let limit = ctx
            .drill_time
            .unwrap_or_else(|| ctx.bank.questions[queue[pos]].time_for(ctx.target_role));
        let paced = paced::Paced::for_question(&ctx.bank.questions[queue[pos]], limit, ctx.now);
        let mut notes = TextArea::default();
        notes.set_placeholder_text("n to jot an outline while you talk");
        notes.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        let audio = crate::tui::audio::DrillAudio::new(
            ctx,
            ctx.bank.questions[queue[pos]].kind == prep_core::bank::Kind::Behavioral,
        );
        let mut s = DrillState {
            queue,
            pos,
            clock: Clock::start(limit, ctx.now),
            notes,
            notes_focus: false,
            follow_up: None,
            revealed: 0,
            paced: paced.map(Box::new),
            confirm_leave: false,
            rang: false,
            waiting: false,
            held: false,
            in_mock: false,
            confirm_end: false,
            audio,
        };
        if pos > 0 {
            s.wait(ctx.now);
        }
        s
    }

    pub fn question(&self) -> usize {
        self.queue[self.pos]
    }
}

/// Open a drill over `queue` (bank indices), or say there is nothing to drill.
pub fn start(ctx: &mut Ctx, queue: Vec<usize>) -> Transition {
    if queue.is_empty() {
        ctx.info("Nothing to drill here");
        return Transition::Stay;
    }
    Transition::Push(View::Drill(Box::new(DrillState::new(ctx, queue, 0))))
}

pub fn mode(s: &DrillState) -> Mode {
    if s.notes_focus {
        Mode::Notes
    } else if s.paced.is_some() {
        Mode::Paced
    } else {
        Mode::Drill
    }
}

pub fn running(s: &DrillState) -> bool {
    !s.clock.is_paused()
}

/// Time is up: ring once (the app rings only when the bell is on).
pub fn tick(s: &mut DrillState, ctx: &mut Ctx) -> Step {
    s.audio.flush(ctx);
    if let Some(p) = &mut s.paced {
        return paced::tick(p, ctx);
    }
    if !s.rang && s.clock.phase(ctx.now) == Phase::Overtime {
        s.rang = true;
        return Step::effect(Effect::Bell);
    }
    Step::stay()
}

impl Screen for DrillState {
    fn mode(&self) -> Mode {
        mode(self)
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn tick(&mut self, ctx: &mut Ctx) -> Step {
        tick(self, ctx)
    }
    fn running(&self) -> bool {
        running(self)
    }
    fn text_input(&mut self, _ctx: &mut Ctx, key: KeyEvent) {
        text_input(self, key);
    }
    fn hold(&mut self, ctx: &mut Ctx, on: bool) {
        DrillState::hold(self, ctx.now, on);
    }
    fn unsaved(&self) -> Option<&'static str> {
        (!self.waiting).then_some("this answer")
    }
    fn audio(&mut self, ctx: &mut Ctx, ev: &prep_core::audio::process::Event) -> Step {
        self.audio.event(ctx, ev);
        Step::stay()
    }
}

pub fn text_input(s: &mut DrillState, key: KeyEvent) {
    if let Some(p) = &mut s.paced {
        super::type_into(p.current_notes(), key);
        return;
    }
    super::type_into(&mut s.notes, key);
}

/// What the drill measured when the answer ended (a paced session's notes come under stage
/// headings, with its time per stage).
pub fn answer(s: &DrillState, now: std::time::Instant) -> Answer {
    if let Some(p) = &s.paced {
        return p.answer(now);
    }
    Answer {
        spoken_secs: s.clock.elapsed(now).as_secs() as u32,
        limit_secs: s.clock.limit().as_secs() as u32,
        notes: s.notes.lines().join("\n"),
        follow_ups_revealed: s.revealed,
        ..Answer::default()
    }
}

/// The answer is over: what the drill measured, with its recording and delivery figures.
pub fn finish_answer(s: &mut DrillState, ctx: &Ctx) -> Answer {
    let mut a = answer(s, ctx.now);
    a.id = s.audio.id.clone();
    (a.recording, a.delivery) = s.audio.finish(ctx.now);
    a
}

pub fn update(s: &mut DrillState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.waiting {
        return waiting_update(s, ctx, action);
    }
    s.audio.flush(ctx);
    match action {
        Action::Record => {
            s.audio.toggle(ctx);
            return Transition::Stay;
        }
        Action::NextPart => {
            s.audio.next_part(ctx);
            return Transition::Stay;
        }
        _ => {}
    }
    if action != Action::Open {
        s.confirm_end = false;
    } else if !s.notes_focus && s.ask_before_ending(ctx) {
        return Transition::Stay;
    }
    if s.paced.is_some() {
        return paced::update(s, ctx, action);
    }
    let now = ctx.now;
    let leaving = std::mem::take(&mut s.confirm_leave);
    match action {
        Action::Back if s.notes_focus => s.notes_focus = false,
        Action::Back if leaving => return Transition::Pop,
        Action::Back => {
            s.confirm_leave = true;
            ctx.info("Press q or Esc again to leave without grading");
        }
        Action::Open => {
            let q = s.question();
            let answer = finish_answer(s, ctx);
            let next = (s.queue.clone(), s.pos);
            return Transition::Replace(View::Rubric(Box::new(rubric::RubricState::new(
                ctx, q, answer, next,
            ))));
        }
        Action::Pause => {
            s.clock.toggle(now);
            if let Some((_, c)) = &mut s.follow_up {
                c.toggle(now);
            }
        }
        Action::MoreTime => {
            s.clock.adjust(STEP_SECS);
            s.rang = s.clock.phase(now) == Phase::Overtime;
            ctx.info(format!(
                "Time limit now {}",
                format_clock(s.clock.limit().as_secs() as i64)
            ));
        }
        Action::LessTime => {
            let cut = s.clock.shorten(STEP_SECS as u64, now);
            s.rang = s.clock.phase(now) == Phase::Overtime;
            let limit = format_clock(s.clock.limit().as_secs() as i64);
            ctx.info(if cut {
                format!("Time limit now {limit}")
            } else {
                format!("Time limit now {limit}: it cannot go below the time already spoken")
            });
        }
        Action::Notes => s.notes_focus = true,
        Action::FollowUp => {
            let q = &ctx.bank.questions[s.question()];
            let next = s.revealed as usize;
            if next < q.follow_ups.len() {
                s.follow_up = Some((next, Clock::start(FOLLOW_UP_SECS, now)));
                s.revealed += 1;
            } else {
                ctx.info("No more follow-ups for this question");
            }
        }
        Action::Bell => {
            ctx.bell = !ctx.bell;
            ctx.info(if ctx.bell {
                "Bell on: it rings when time is up"
            } else {
                "Bell off"
            });
        }
        _ => {}
    }
    Transition::Stay
}

/// Before the clock starts, only starting, leaving and the bell do anything.
pub fn waiting_update(s: &mut DrillState, ctx: &mut Ctx, action: Action) -> Transition {
    match action {
        Action::Pause | Action::Open => s.start_clock(ctx.now),
        Action::Back => return Transition::Pop,
        Action::Bell => ctx.bell = !ctx.bell,
        _ => ctx.info("Ready? space starts the clock"),
    }
    Transition::Stay
}

/// What Enter does once time is up, for the gauge: grade, or in a mock move on.
pub fn enter_hint(s: &DrillState) -> &'static str {
    match (s.in_mock, s.pos + 1 < s.queue.len()) {
        (false, _) => " · Enter to grade",
        (true, true) => " · Enter: next question",
        (true, false) => " · Enter: end the loop and grade",
    }
}

#[cfg(test)]
mod tests;
