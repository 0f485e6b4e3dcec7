//! The drill of a long system-design question, run as a paced session through the design spine:
//! the prompt at the top, a strip of the six stages with time used against each one's plan, a
//! gauge for the stage and one for the session, what to cover in this stage, and a notes box per
//! stage. Enter ends it and opens the rubric with the notes under stage headings and the time
//! summary. The timing itself lives in [`prep_core::practice::pace`].

mod draw;

pub(super) use draw::draw;

use super::{DrillState, View, rubric};
use crate::keymap::Action;
use crate::tui::app::{Ctx, Effect, Step, Transition};
use prep_core::bank::Question;
use prep_core::practice::pace::{self, Pace, Stage};
use prep_core::practice::{Answer, Phase, format_clock};
use ratatui_textarea::TextArea;
use std::time::Instant;

pub struct Paced {
    pub pace: Pace,
    /// One notes box per stage.
    pub notes: Vec<TextArea<'static>>,
    /// The question's own checks, grouped by the stage they belong to.
    checks: Vec<Vec<String>>,
    /// Which stages (and, last, the session) have rung the bell for running out.
    rang: [bool; 7],
}

impl Paced {
    /// A paced session for `q`, if a design question with `limit_secs` runs as one.
    pub fn for_question(q: &Question, limit_secs: u32, now: Instant) -> Option<Self> {
        if !pace::is_paced(q.kind, limit_secs) {
            return None;
        }
        let mut checks = vec![Vec::new(); Stage::ALL.len()];
        for c in &q.checks {
            checks[pace::stage_of_check(c) as usize].push(c.to_string());
        }
        let notes = Stage::ALL
            .iter()
            .map(|_| {
                let mut t = TextArea::default();
                t.set_placeholder_text("n to jot what you covered in this stage");
                t
            })
            .collect();
        Some(Paced {
            pace: Pace::start(limit_secs, now),
            notes,
            checks,
            rang: [false; 7],
        })
    }

    pub fn current_notes(&mut self) -> &mut TextArea<'static> {
        &mut self.notes[self.pace.current()]
    }

    pub fn answer(&self, now: Instant) -> Answer {
        let notes: Vec<String> = self.notes.iter().map(|n| n.lines().join("\n")).collect();
        Answer {
            spoken_secs: u32::try_from(self.pace.session().elapsed(now).as_secs()).unwrap_or(0),
            limit_secs: u32::try_from(self.pace.session().limit().as_secs()).unwrap_or(0),
            notes: pace::join_notes(&notes),
            follow_ups_revealed: 0,
            stages: self.pace.summary(now),
            ..Answer::default()
        }
    }
}

pub(super) fn update(s: &mut DrillState, ctx: &mut Ctx, action: Action) -> Transition {
    let now = ctx.now;
    let leaving = std::mem::take(&mut s.confirm_leave);
    let Some(p) = s.paced.as_deref_mut() else {
        return Transition::Stay;
    };
    match action {
        Action::Back if s.notes_focus => s.notes_focus = false,
        Action::Back if leaving => return Transition::Pop,
        Action::Back => {
            s.confirm_leave = true;
            ctx.info("Press q or Esc again to leave without grading");
        }
        Action::Open => {
            let answer = super::finish_answer(s, ctx);
            let worst = answer
                .stages
                .iter()
                .filter_map(|st| Some((st.used.checked_sub(st.suggested)?, st)))
                .filter(|(over, _)| *over > 0)
                .max_by_key(|(over, _)| *over);
            if let Some((over, st)) = worst {
                let name = Stage::from_id(&st.stage).map_or("A stage", Stage::name);
                ctx.info(format!(
                    "{name} ran {} past its plan; time per stage closes Compare (J scrolls)",
                    format_clock(i64::from(over))
                ));
            }
            let next = (s.queue.clone(), s.pos);
            let q = s.queue[s.pos];
            return Transition::Replace(View::Rubric(Box::new(rubric::RubricState::new(
                ctx, q, answer, next,
            ))));
        }
        Action::Pause => p.pace.toggle(now),
        Action::NextStage if !p.pace.next(now) => {
            ctx.info("This is the last stage: Enter ends the session and grades it")
        }
        Action::PrevStage if !p.pace.back(now) => ctx.info("This is the first stage"),
        Action::NextStage | Action::PrevStage => {
            let (i, stage) = (p.pace.current(), p.pace.stage().stage);
            ctx.info(format!("Stage {}/6: {}", i + 1, stage.name()));
        }
        Action::ExtendStage => {
            p.pace.extend();
            let run = p.pace.stage();
            p.rang[p.pace.current()] = run.clock.phase(now) == Phase::Overtime;
            p.rang[6] = p.pace.session().phase(now) == Phase::Overtime;
            ctx.info(format!(
                "{} now has {}; the session ends a minute later",
                run.stage.name(),
                format_clock(i64::from(run.suggested + run.extra))
            ));
        }
        Action::Notes => s.notes_focus = true,
        Action::Bell => {
            ctx.bell = !ctx.bell;
            ctx.info(if ctx.bell {
                "Bell on: it rings when a stage or the session runs out"
            } else {
                "Bell off"
            });
        }
        _ => {}
    }
    s.clock = p.pace.session().clone();
    Transition::Stay
}

/// Ring (when the bell is on) once as each stage, and then the session, runs out.
pub(super) fn tick(p: &mut Paced, ctx: &mut Ctx) -> Step {
    let i = p.pace.current();
    let mut step = Step::stay();
    for (slot, clock) in [(i, &p.pace.stage().clock), (6, p.pace.session())] {
        if !p.rang[slot] && clock.phase(ctx.now) == Phase::Overtime {
            p.rang[slot] = true;
            step.effects = vec![Effect::Bell];
        }
    }
    step
}
