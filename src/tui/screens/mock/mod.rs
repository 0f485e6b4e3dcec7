//! A mock loop: pick a loop, answer its questions one after another on the drill screen with no
//! talking points in between, then grade every answer on the rubric screen, then the closing
//! report. Each saved grade is an ordinary attempt tagged with the mock's id; the report is
//! recomputed from the log, like `prep mock --report`.

mod draw;

pub use draw::draw;

use super::{Screen, drill, rubric};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crate::tui::nav::Nav;
use crossterm::event::KeyEvent;
use prep_core::bank::Loop;
use prep_core::mock::{self, MockReport};
use prep_core::practice::Answer;

pub struct MockState {
    pub stage: Stage,
    confirm_stop: bool,
}

pub enum Stage {
    /// Choosing a loop (rows follow `ctx.loops`).
    Pick(Nav),
    Answer(Run, Box<drill::DrillState>),
    Grade(Run, Box<rubric::RubricState>),
    Report(Box<ReportView>),
}

/// A mock under way.
pub struct Run {
    pub id: String,
    /// The loop's id and title.
    pub loop_id: String,
    pub title: String,
    /// The questions (bank indices), in the order asked.
    pub queue: Vec<usize>,
    /// Each question's time, from its part of the loop (`--time` overrides it).
    pub times: Vec<u32>,
    /// The answers given so far: the question and what the drill measured.
    pub answers: Vec<(usize, Answer)>,
    /// Which answer is being graded.
    pub grading: usize,
    pub saved: usize,
}

pub struct ReportView {
    pub id: String,
    /// The loop's title.
    pub title: Option<String>,
    /// `None` when every answer was discarded.
    pub report: Option<MockReport>,
    pub scroll: u16,
}

impl MockState {
    /// The loop picker.
    pub fn pick(ctx: &Ctx) -> Self {
        MockState {
            stage: Stage::Pick(Nav::new(ctx.loops.len())),
            confirm_stop: false,
        }
    }

    /// Straight into the first question of a new mock.
    pub fn start(ctx: &mut Ctx, l: &Loop) -> Self {
        let seed = ctx.rng.next_u64();
        let (queue, times): (Vec<usize>, Vec<u32>) = mock::plan_loop_timed(&ctx.bank, l, seed)
            .into_iter()
            .unzip();
        let run = Run {
            id: mock::mock_id(ctx.now_unix, ctx.rng.next_u64()),
            loop_id: l.id.clone(),
            title: l.title.clone(),
            queue,
            times,
            answers: Vec::new(),
            grading: 0,
            saved: 0,
        };
        let stage = if run.queue.is_empty() {
            report_stage(ctx, &run)
        } else {
            let mut d = drill_at(ctx, &run, 0);
            d.in_mock = true;
            Stage::Answer(run, Box::new(d))
        };
        MockState {
            stage,
            confirm_stop: false,
        }
    }
}

pub fn mode(s: &MockState) -> Mode {
    match &s.stage {
        Stage::Pick(_) => Mode::MockPick,
        Stage::Answer(_, d) => match drill::mode(d) {
            Mode::Drill => Mode::MockDrill,
            Mode::Paced => Mode::MockPaced,
            notes => notes,
        },
        Stage::Grade(..) => Mode::Rubric,
        Stage::Report(v) if v.report.as_ref().is_some_and(|r| r.next.is_some()) => Mode::MockReport,
        Stage::Report(_) => Mode::MockReportDone,
    }
}

pub fn running(s: &MockState) -> bool {
    matches!(&s.stage, Stage::Answer(_, d) if drill::running(d))
        || matches!(&s.stage, Stage::Grade(_, r) if r.audio.busy())
}

pub fn tick(s: &mut MockState, ctx: &mut Ctx) -> Step {
    match &mut s.stage {
        Stage::Answer(_, d) => drill::tick(d, ctx),
        _ => Step::stay(),
    }
}

pub fn text_input(s: &mut MockState, key: KeyEvent) {
    if let Stage::Answer(_, d) = &mut s.stage {
        drill::text_input(d, key);
    }
}

pub fn update(s: &mut MockState, ctx: &mut Ctx, action: Action) -> Step {
    if action == Action::Save
        && let Stage::Grade(run, r) = &s.stage
    {
        let mut attempt = r.attempt(ctx);
        attempt.mock = Some(run.id.clone());
        return Step::effect(Effect::Save(Box::new(attempt)));
    }
    let confirmed = std::mem::take(&mut s.confirm_stop);
    let stage = std::mem::replace(&mut s.stage, Stage::Pick(Nav::new(0)));
    let (stage, transition) = match stage {
        Stage::Pick(mut nav) => {
            if nav.apply(action) {
                (Stage::Pick(nav), Transition::Stay)
            } else {
                match action {
                    Action::Open => match ctx.loops.get(nav.selected().unwrap_or(0)).cloned() {
                        Some(l) => (MockState::start(ctx, &l).stage, Transition::Stay),
                        None => (Stage::Pick(nav), Transition::Stay),
                    },
                    Action::Back => (Stage::Pick(nav), Transition::Pop),
                    _ => (Stage::Pick(nav), Transition::Stay),
                }
            }
        }
        Stage::Answer(run, d) => answer_update(s, ctx, action, confirmed, run, d),
        Stage::Grade(run, r) => grade_update(ctx, action, run, r),
        Stage::Report(mut v) => {
            let t = match action {
                Action::Up => scroll(&mut v, -1),
                Action::Down => scroll(&mut v, 1),
                Action::PageUp => scroll(&mut v, -10),
                Action::PageDown => scroll(&mut v, 10),
                Action::HalfPageUp => scroll(&mut v, -5),
                Action::HalfPageDown => scroll(&mut v, 5),
                Action::Top => scroll(&mut v, -i32::from(u16::MAX)),
                Action::Bottom => scroll(&mut v, i32::from(u16::MAX)),
                Action::Drill => drill_next(ctx, &v),
                Action::Back => Transition::Pop,
                _ => Transition::Stay,
            };
            (Stage::Report(v), t)
        }
    };
    s.stage = stage;
    transition.into()
}

/// The attempt being graded was saved: on to the next answer, or the report.
fn saved(s: &mut MockState, ctx: &mut Ctx) {
    let stage = std::mem::replace(&mut s.stage, Stage::Pick(Nav::new(0)));
    s.stage = match stage {
        Stage::Grade(mut run, _) => {
            run.saved += 1;
            if let Some(a) = ctx.attempts.last() {
                ctx.info(format!(
                    "Saved {} of {}: {:.0}% on {}",
                    run.grading + 1,
                    run.answers.len(),
                    a.score,
                    a.question
                ));
            }
            run.grading += 1;
            grade_stage(ctx, run)
        }
        other => other,
    };
}

impl Screen for MockState {
    fn mode(&self) -> Mode {
        mode(self)
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action)
    }
    fn draw(&mut self, f: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn tick(&mut self, ctx: &mut Ctx) -> Step {
        tick(self, ctx)
    }
    fn running(&self) -> bool {
        running(self)
    }
    fn wheel(&mut self, column: u16, row: u16, down: bool) -> bool {
        match &mut self.stage {
            Stage::Grade(_, r) => r.wheel(column, row, down),
            _ => false,
        }
    }
    fn unsaved(&self) -> Option<&'static str> {
        matches!(self.stage, Stage::Answer(..) | Stage::Grade(..)).then_some("this mock loop")
    }
    fn hold(&mut self, ctx: &mut Ctx, on: bool) {
        if let Stage::Answer(_, d) = &mut self.stage {
            d.hold(ctx.now, on);
        }
    }
    /// The loop list, or the checklist of the answer being graded.
    fn nav(&mut self) -> Option<&mut Nav> {
        match &mut self.stage {
            Stage::Pick(nav) => Some(nav),
            Stage::Grade(_, r) => Some(&mut r.nav),
            _ => None,
        }
    }
    fn text_input(&mut self, _ctx: &mut Ctx, key: KeyEvent) {
        text_input(self, key);
    }
    fn saved(&mut self, ctx: &mut Ctx, ok: bool) -> Step {
        if ok {
            saved(self, ctx);
        }
        Step::stay()
    }
    fn audio(&mut self, ctx: &mut Ctx, ev: &prep_core::audio::process::Event) -> Step {
        match &mut self.stage {
            Stage::Answer(_, d) => Screen::audio(d.as_mut(), ctx, ev),
            Stage::Grade(_, r) => Screen::audio(r.as_mut(), ctx, ev),
            _ => Step::stay(),
        }
    }
}

/// The drill of the question at `pos`, timed by its part of the loop unless `--time` was given.
fn drill_at(ctx: &mut Ctx, run: &Run, pos: usize) -> drill::DrillState {
    let given = ctx.drill_time;
    if given.is_none() {
        ctx.drill_time = run.times.get(pos).copied();
    }
    let d = drill::DrillState::new(ctx, run.queue.clone(), pos);
    ctx.drill_time = given;
    d
}

fn scroll(v: &mut ReportView, by: i32) -> Transition {
    v.scroll = (i32::from(v.scroll) + by).clamp(0, i32::from(u16::MAX)) as u16;
    Transition::Stay
}

fn drill_next(ctx: &mut Ctx, v: &ReportView) -> Transition {
    let queue: Vec<usize> = v
        .report
        .as_ref()
        .and_then(|r| r.next.as_ref())
        .map(|n| {
            n.questions
                .iter()
                .filter_map(|id| ctx.bank.question_index(id))
                .collect()
        })
        .unwrap_or_default();
    match drill::start(ctx, queue) {
        Transition::Push(view) => Transition::Replace(view),
        other => other,
    }
}

fn answer_update(
    s: &mut MockState,
    ctx: &mut Ctx,
    action: Action,
    confirmed: bool,
    mut run: Run,
    mut d: Box<drill::DrillState>,
) -> (Stage, Transition) {
    match action {
        Action::Open if d.is_waiting() => {
            d.start_clock(ctx.now);
            (Stage::Answer(run, d), Transition::Stay)
        }
        Action::Open if d.ask_before_ending(ctx) => (Stage::Answer(run, d), Transition::Stay),
        Action::Open => {
            run.answers
                .push((d.question(), drill::finish_answer(&mut d, ctx)));
            if d.pos + 1 < run.queue.len() {
                // A note about this answer ("Stage 3/6") does not follow onto the next question.
                if ctx.status.as_ref().is_some_and(|st| !st.error) {
                    ctx.status = None;
                }
                let mut next = drill_at(ctx, &run, d.pos + 1);
                next.in_mock = true;
                (Stage::Answer(run, Box::new(next)), Transition::Stay)
            } else {
                ctx.info("That was the last question. Grade each answer honestly; s saves it");
                (grade_stage(ctx, run), Transition::Stay)
            }
        }
        Action::Back if !d.notes_focus && confirmed => {
            if run.answers.is_empty() {
                ctx.info("Mock left; nothing was answered, nothing saved");
                (Stage::Answer(run, d), Transition::Pop)
            } else {
                ctx.info("Mock stopped early: grade the answers you gave");
                (grade_stage(ctx, run), Transition::Stay)
            }
        }
        Action::Back if !d.notes_focus => {
            s.confirm_stop = true;
            ctx.info(
                "Press q or Esc again to stop the mock here (answers so far are still graded)",
            );
            (Stage::Answer(run, d), Transition::Stay)
        }
        _ => {
            // Everything else is the drill's own: pause, time, notes, follow-ups, bell.
            let _ = drill::update(&mut d, ctx, action);
            (Stage::Answer(run, d), Transition::Stay)
        }
    }
}

/// The rubric for the answer at `run.grading`, or the report when all are graded.
fn grade_stage(ctx: &Ctx, run: Run) -> Stage {
    match run.answers.get(run.grading) {
        Some((q, answer)) => {
            let r = rubric::RubricState::new(ctx, *q, answer.clone(), (vec![*q], 0));
            Stage::Grade(run, Box::new(r))
        }
        None => report_stage(ctx, &run),
    }
}

fn report_stage(ctx: &Ctx, run: &Run) -> Stage {
    Stage::Report(Box::new(ReportView {
        id: run.id.clone(),
        title: Some(run.title.clone()),
        report: mock::report(&ctx.bank, &ctx.attempts, &run.id),
        scroll: 0,
    }))
}

fn grade_update(
    ctx: &mut Ctx,
    action: Action,
    mut run: Run,
    mut r: Box<rubric::RubricState>,
) -> (Stage, Transition) {
    match rubric::update(&mut r, ctx, action).transition {
        // The rubric pops when its answer is discarded: go on to the next one.
        Transition::Pop => {
            run.grading += 1;
            (grade_stage(ctx, run), Transition::Stay)
        }
        _ => (Stage::Grade(run, r), Transition::Stay),
    }
}

#[cfg(test)]
mod tests;
