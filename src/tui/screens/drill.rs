//! The drill: the prompt large and centred, a countdown gauge that warns near the end and counts
//! overtime, pause, +/- 15 s, a notes box, and follow-ups revealed one at a time on their own clock.
//! Talking points stay hidden until the answer is over.

use super::{View, rubric};
use crate::practice::{Answer, Clock, Phase, format_clock};
use crate::tui::app::{Ctx, Transition};
use crate::tui::keymap::{Action, Mode};
use crossterm::event::KeyEvent;
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
    confirm_leave: bool,
    rang: bool,
}

impl DrillState {
    pub fn new(ctx: &Ctx, queue: Vec<usize>, pos: usize) -> Self {
        let limit = ctx
            .drill_time
            .unwrap_or(ctx.bank.questions[queue[pos]].time);
        let mut notes = TextArea::default();
        notes.set_placeholder_text("n to jot an outline while you talk");
        DrillState {
            queue,
            pos,
            clock: Clock::start(limit, ctx.now),
            notes,
            notes_focus: false,
            follow_up: None,
            revealed: 0,
            confirm_leave: false,
            rang: false,
        }
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
    } else {
        Mode::Drill
    }
}

pub fn running(s: &DrillState) -> bool {
    !s.clock.is_paused()
}

pub fn tick(s: &mut DrillState, ctx: &mut Ctx) {
    if !s.rang && s.clock.phase(ctx.now) == Phase::Overtime {
        s.rang = true;
        ctx.ring = ctx.bell;
    }
}

pub fn text_input(s: &mut DrillState, key: KeyEvent) {
    s.notes.input(key);
}

pub fn update(s: &mut DrillState, ctx: &mut Ctx, action: Action) -> Transition {
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
            let answer = Answer {
                spoken_secs: s.clock.elapsed(now).as_secs() as u32,
                limit_secs: s.clock.limit().as_secs() as u32,
                notes: s.notes.lines().join("\n"),
                follow_ups_revealed: s.revealed,
            };
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
        Action::MoreTime | Action::LessTime => {
            let step = if action == Action::MoreTime {
                STEP_SECS
            } else {
                -STEP_SECS
            };
            s.clock.adjust(step);
            s.rang = s.clock.phase(now) == Phase::Overtime;
            ctx.info(format!(
                "Time limit now {}",
                format_clock(s.clock.limit().as_secs() as i64)
            ));
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
    let t = ctx.theme;
    let now = ctx.now;
    let q = &ctx.bank.questions[s.question()];
    let notes_h = if s.notes_focus || !s.notes.is_empty() {
        7.min(area.height / 3)
    } else {
        0
    };
    let follow_h = if s.follow_up.is_some() { 4 } else { 0 };
    let [head, prompt, gauge, follow, notes] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(follow_h),
        Constraint::Length(notes_h),
    ])
    .areas(area);

    let head_line = Line::from(vec![
        Span::styled(format!("Drill {}/{}", s.pos + 1, s.queue.len()), t.title()),
        Span::styled(
            format!(" · {}", crate::doc::section_and_kind(&ctx.bank, q)),
            t.dim(),
        ),
    ]);
    f.render_widget(Paragraph::new(head_line), head);

    // The prompt, centred both ways, with room around it.
    let inner = Rect {
        x: prompt.x + prompt.width / 10,
        width: prompt.width - prompt.width / 5,
        ..prompt
    };
    let md = format!("**{}**", crate::doc::escape(&q.prompt));
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
        label.push_str(" · Enter to grade");
    }
    let title = match phase {
        Phase::Calm => " Time ",
        Phase::Warning => " Wrap up ",
        Phase::Overtime => " Time is up ",
    };
    let gauge_widget = Gauge::default()
        .block(Block::bordered().title(title).title_style(t.clock(phase)))
        .gauge_style(t.clock(phase))
        .ratio(s.clock.ratio(now))
        .label(Span::styled(label, t.clock(phase)));
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
mod tests {
    use super::*;
    use crate::tui::test_support::ctx;
    use std::time::Duration;

    #[test]
    fn enter_ends_the_answer_with_the_time_spoken() {
        let mut c = ctx();
        let q = c.bank.question_index("sd-url-shortener").unwrap();
        let mut d = DrillState::new(&c, vec![q], 0);
        c.now += Duration::from_secs(30);
        update(&mut d, &mut c, Action::MoreTime);
        c.now += Duration::from_secs(12);
        match update(&mut d, &mut c, Action::Open) {
            Transition::Replace(View::Rubric(r)) => {
                assert_eq!(r.answer.spoken_secs, 42);
                assert_eq!(r.answer.limit_secs, c.bank.questions[q].time + 15);
            }
            _ => panic!("Enter should open the rubric"),
        }
    }

    #[test]
    fn leaving_needs_two_presses_and_notes_swallow_the_first() {
        let mut c = ctx();
        let mut d = DrillState::new(&c, vec![0], 0);
        update(&mut d, &mut c, Action::Notes);
        assert_eq!(mode(&d), Mode::Notes);
        assert!(matches!(
            update(&mut d, &mut c, Action::Back),
            Transition::Stay
        ));
        assert_eq!(mode(&d), Mode::Drill);
        assert!(matches!(
            update(&mut d, &mut c, Action::Back),
            Transition::Stay
        ));
        assert!(matches!(
            update(&mut d, &mut c, Action::Back),
            Transition::Pop
        ));
    }

    #[test]
    fn follow_ups_come_one_at_a_time_then_run_out() {
        let mut c = ctx();
        let mut d = DrillState::new(&c, vec![0], 0);
        let n = c.bank.questions[0].follow_ups.len();
        for i in 0..n {
            update(&mut d, &mut c, Action::FollowUp);
            assert_eq!(d.follow_up.as_ref().map(|f| f.0), Some(i));
        }
        update(&mut d, &mut c, Action::FollowUp);
        assert_eq!(d.revealed as usize, n);
        assert!(c.status.unwrap().text.contains("No more follow-ups"));
    }

    #[test]
    fn the_bell_rings_once_at_zero_when_asked_for() {
        let mut c = ctx();
        let mut d = DrillState::new(&c, vec![0], 0);
        update(&mut d, &mut c, Action::Bell);
        c.now += Duration::from_secs(u64::from(c.bank.questions[0].time) + 1);
        tick(&mut d, &mut c);
        assert!(c.ring);
        c.ring = false;
        tick(&mut d, &mut c);
        assert!(!c.ring);
    }

    #[test]
    fn pause_freezes_the_clock() {
        let mut c = ctx();
        let mut d = DrillState::new(&c, vec![0], 0);
        update(&mut d, &mut c, Action::Pause);
        assert!(!running(&d));
        c.now += Duration::from_secs(1000);
        assert_eq!(d.clock.elapsed(c.now), Duration::ZERO);
    }
}
