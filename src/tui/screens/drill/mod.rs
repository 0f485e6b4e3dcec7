//! The drill: the prompt large and centred, a countdown gauge that warns near the end and counts
//! overtime, pause, +/- 15 s, a notes box, and follow-ups revealed one at a time on their own clock.
//! Talking points stay hidden until the answer is over. A long system-design question runs as a
//! paced session through the design spine instead ([`paced`]).

pub mod paced;
#[cfg(test)]
mod paced_tests;
mod ready;

use super::{Screen, View, rubric};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crossterm::event::KeyEvent;
use prep_core::practice::{Answer, Clock, Phase, format_clock};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
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

fn clock_label(clock: &Clock, now: std::time::Instant) -> String {
    let left = clock.remaining_secs(now);
    let paused = if clock.is_paused() { " · paused" } else { "" };
    if left < 0 {
        format!("{} over time{paused}", format_clock(left))
    } else {
        format!("{} left{paused}", format_clock(left))
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut DrillState, ctx: &Ctx) {
    if s.paced.is_some() {
        paced::draw(f, area, s, ctx);
    } else {
        draw_short(f, area, s, ctx);
    }
    if s.waiting {
        ready::draw(f, area, s, ctx);
    }
}

fn draw_short(f: &mut Frame, area: Rect, s: &mut DrillState, ctx: &Ctx) {
    let t = ctx.theme;
    let now = ctx.now;
    let q = &ctx.bank.questions[s.question()];
    let notes_h = if s.notes_focus || !s.notes.is_empty() {
        7.min(area.height / 3)
    } else {
        0
    };
    let follow_h = if s.follow_up.is_some() { 4 } else { 0 };
    // A behavioural question offers the user's stories for it on a second line.
    let stories_hint = super::stories::drill_hint(ctx, q);
    let [head, prompt, gauge, follow, notes] = Layout::vertical([
        Constraint::Length(1 + u16::from(stories_hint.is_some())),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(follow_h),
        Constraint::Length(notes_h),
    ])
    .areas(area);

    let head_line = Line::from(vec![
        Span::styled(format!("Drill {}/{}", s.pos + 1, s.queue.len()), t.title()),
        Span::styled(
            format!(" · {}", prep_core::doc::section_and_kind(&ctx.bank, q)),
            t.dim(),
        ),
    ]);
    let mut head_line = head_line;
    head_line.spans.extend(s.audio.badges(ctx));
    f.render_widget(Paragraph::new(head_line), head);
    if let Some(hint) = stories_hint {
        let row = Rect {
            y: head.y + 1,
            height: 1,
            ..head
        };
        f.render_widget(Paragraph::new(hint), row);
    }

    // The prompt, centred both ways, with room around it.
    let inner = Rect {
        x: prompt.x + prompt.width / 10,
        width: prompt.width - prompt.width / 5,
        ..prompt
    };
    let md = format!("**{}**", prep_core::doc::escape(&q.prompt));
    let text =
        crate::markdown::render(&md, inner.width.max(1), t.markdown()).patch_style(t.title());
    let lines = u16::try_from(text.lines.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let top = inner.y + (inner.height - lines) / 2;
    f.render_widget(
        Paragraph::new(text).alignment(Alignment::Center),
        Rect {
            y: top,
            height: lines,
            ..inner
        },
    );

    let phase = s.clock.phase(now);
    let mut label = clock_label(&s.clock, now);
    if phase == Phase::Overtime {
        label.push_str(enter_hint(s));
    }
    let title = match phase {
        Phase::Calm => " Time ",
        Phase::Warning => " Wrap up ",
        Phase::Overtime => " Time is up ",
    };
    let gauge_widget = Gauge::default()
        .block(Block::bordered().title(title).title_style(t.clock(phase)))
        .gauge_style(t.clock_gauge(phase))
        .ratio(s.clock.ratio(now))
        .label(label);
    f.render_widget(gauge_widget, gauge);

    if let Some((i, clock)) = &s.follow_up {
        let body = crate::markdown::sanitize(&q.follow_ups[*i]).into_owned();
        let block = Block::bordered()
            .title(format!(" Follow-up {}/{} ", i + 1, q.follow_ups.len()))
            .title_bottom(format!(" {} ", clock_label(clock, now)))
            .title_style(t.key())
            .border_style(t.clock(clock.phase(now)));
        f.render_widget(
            Paragraph::new(body).wrap(Wrap { trim: true }).block(block),
            follow,
        );
    }

    if notes_h > 0 {
        let style = if s.notes_focus { t.key() } else { t.dim() };
        let title = if s.notes_focus {
            " Notes (Esc when done) "
        } else {
            " Notes "
        };
        s.notes.set_block(
            Block::new()
                .borders(Borders::ALL)
                .title(title)
                .border_style(style),
        );
        s.notes.set_cursor_style(if s.notes_focus {
            t.selected()
        } else {
            ratatui::style::Style::new()
        });
        f.render_widget(&s.notes, notes);
    }
}

#[cfg(test)]
mod tests;
