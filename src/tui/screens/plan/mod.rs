//! The Plan screen: the days to the interview with each day's tasks (done, due today, ahead),
//! how far each part of the loop is covered, and the final-week checklist, ticked with Enter.
//! The plan itself is computed by the core (`prep_core::plan`) from `plan.yaml` and the log.

mod draw;

pub use draw::draw;

use super::Screen;
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::nav::Nav;
use prep_core::plan::{Plan, Work};

pub struct PlanState {
    pub nav: Nav,
}

/// One row of the list: a day's heading, or a task of that day.
pub enum Row<'a> {
    Day(&'a prep_core::plan::Day),
    Task(&'a prep_core::plan::Task),
}

/// The rows of a plan, in order.
pub fn rows(plan: &Plan) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for d in &plan.days {
        out.push(Row::Day(d));
        out.extend(d.tasks.iter().map(Row::Task));
    }
    out
}

impl PlanState {
    pub fn new(ctx: &Ctx) -> Self {
        let plan = ctx.plan().and_then(Result::ok);
        let rows = plan.as_ref().map(rows);
        let mut nav = Nav::new(rows.as_ref().map_or(0, Vec::len));
        // Start on today.
        if let Some(i) = rows.as_ref().and_then(|r| {
            r.iter()
                .position(|r| matches!(r, Row::Day(d) if d.status == prep_core::plan::Status::Due))
        }) {
            nav.select(i);
        }
        PlanState { nav }
    }
}

/// Tick or untick the checklist item on the selected row, saving `plan.yaml`.
fn tick(s: &PlanState, ctx: &mut Ctx) {
    let Some(Ok(plan)) = ctx.plan() else {
        return;
    };
    let id = match s
        .nav
        .selected()
        .and_then(|i| rows(&plan).into_iter().nth(i))
    {
        Some(Row::Task(t)) => match &t.work {
            Work::Checklist { id, .. } => id.clone(),
            _ => {
                ctx.info("Only checklist items are ticked by hand; practice ticks the rest");
                return;
            }
        },
        _ => return,
    };
    let (Some(dir), Some(Ok(mut file))) = (ctx.data_dir(), ctx.plan_file.clone()) else {
        return;
    };
    let ticked = if let Some(i) = file.ticked.iter().position(|t| *t == id) {
        file.ticked.remove(i);
        false
    } else {
        file.ticked.push(id);
        true
    };
    match prep_core::plan::file::write(&dir, &file) {
        Ok(()) => {
            ctx.plan_file = Some(Ok(file));
            ctx.plan_version += 1;
            ctx.info(if ticked { "Ticked" } else { "Unticked" });
        }
        Err(e) => ctx.error(e),
    }
}

pub fn update(s: &mut PlanState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.nav.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::Toggle | Action::Open => {
            tick(s, ctx);
            Transition::Stay
        }
        Action::Back => Transition::Pop,
        _ => Transition::Stay,
    }
}

impl Screen for PlanState {
    fn mode(&self) -> Mode {
        Mode::Plan
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        Some(&mut self.nav)
    }
}

#[cfg(test)]
mod tests;
