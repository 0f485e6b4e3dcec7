//! What the rubric screen adds for grades you can trust, kept out of `rubric.rs`: calibration
//! nudges while ticking (see [`prep_core::grades::nudge`]).

use crate::tui::app::Ctx;
use prep_core::grades::nudge::{self, Grading, Nudge};
use prep_core::practice::{self, Answer, ChecklistItem};
use ratatui::text::Line;
use std::time::Instant;

/// Tick timing and the nudges already said, for one grading.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    first_tick: Option<Instant>,
    all_ticked_in: Option<f64>,
    said: Vec<Nudge>,
}

impl Extras {
    pub fn new() -> Self {
        Extras::default()
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
