//! What the rubric screen adds for grades you can trust, kept out of `rubric.rs`: calibration
//! nudges while ticking (see [`prep_core::grades::nudge`]) and the second opinion ([`opinion`]).

pub mod calibration;
pub mod opinion;

use crate::tui::app::Ctx;
use prep_core::grades::nudge::{self, Grading, Nudge};
use prep_core::practice::{self, Answer, ChecklistItem};
use ratatui::text::Line;
use std::time::Instant;

/// Tick timing, the nudges already said and the second opinion, for one grading.
#[derive(Debug, Default)]
pub struct Extras {
    first_tick: Option<Instant>,
    all_ticked_in: Option<f64>,
    said: Vec<Nudge>,
    pub opinion: opinion::Opinion,
}

impl Extras {
    /// For grading `answer` to question `question`: starts the grader command, if one is set.
    pub fn new(ctx: &Ctx, question: usize, answer: &Answer) -> Self {
        Extras {
            opinion: opinion::Opinion::start(ctx, question, answer),
            ..Extras::default()
        }
    }

    /// A background job has news: the second opinion came (or failed), said on the status line.
    pub fn background(&mut self, ctx: &mut Ctx) {
        match self.opinion.collect() {
            Some((text, true)) => ctx.error(text),
            Some((text, false)) => ctx.info(text),
            None => {}
        }
    }

    /// What the attempt keeps of this grading besides the ticks.
    pub fn keep(&self, attempt: &mut prep_core::storage::Attempt) {
        attempt.grade.second_opinion = self.opinion.kept();
    }

    /// After a tick: note its time, and put a nudge not yet said on the status line.
    pub fn ticked(
        &mut self,
        ctx: &mut Ctx,
        items: &[ChecklistItem],
        checked: &[bool],
        answer: &Answer,
    ) {
        let first = *self.first_tick.get_or_insert(ctx.now);
        if self.all_ticked_in.is_none() && checked.iter().all(|c| *c) {
            self.all_ticked_in = Some(ctx.now.duration_since(first).as_secs_f64());
        }
        let fresh = self
            .nudges(items, checked, answer)
            .into_iter()
            .find(|n| !self.said.iter().any(|s| same_kind(s, n)));
        if let Some(n) = fresh {
            ctx.info(n.to_string());
            self.said.push(n);
        }
    }

    pub fn nudges(&self, items: &[ChecklistItem], checked: &[bool], answer: &Answer) -> Vec<Nudge> {
        nudge::nudges(&Grading {
            spoken: answer.spoken_secs,
            limit: answer.limit_secs,
            score: practice::score(items, checked).total,
            items: items.len(),
            ticked: checked.iter().filter(|c| **c).count(),
            all_ticked_in: self.all_ticked_in,
        })
    }

    /// The rubric's hint row: the first nudge that applies now, else `legend`.
    pub fn hint_line(
        &self,
        ctx: &Ctx,
        items: &[ChecklistItem],
        checked: &[bool],
        answer: &Answer,
        legend: &'static str,
    ) -> Line<'static> {
        match self.nudges(items, checked, answer).first() {
            Some(n) => Line::styled(n.to_string(), ctx.theme.warn()),
            None => Line::styled(legend, ctx.theme.dim()),
        }
    }
}

fn same_kind(a: &Nudge, b: &Nudge) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

#[cfg(test)]
mod tests;
