//! The debrief form (b on Home): after a real interview, the date, company, round, the questions
//! asked (Enter adds each), how it went on each axis and what to fix; Ctrl-S saves it through
//! the same core function as `prep debrief` (questions matched by search, new ones drafted).

mod draw;

pub use draw::draw;

use super::Screen;
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prep_core::debrief::Typed;

/// The fields, in order.
pub const FIELDS: [&str; 7] = [
    "Date",
    "Company",
    "Round",
    "Question asked",
    "Technical, 1-5",
    "People, 1-5",
    "What to fix",
];
/// The field whose Enter adds a question to the list.
pub const QUESTION: usize = 3;

pub struct DebriefState {
    pub values: [String; 7],
    pub questions: Vec<String>,
    pub field: usize,
}

impl DebriefState {
    pub fn new(ctx: &Ctx) -> Self {
        let mut values: [String; 7] = Default::default();
        values[0] = prep_core::days::date_of(ctx.now_unix);
        DebriefState {
            values,
            questions: Vec::new(),
            field: 1,
        }
    }

    pub fn typed(&self) -> Typed {
        let mut questions = self.questions.clone();
        if !self.values[QUESTION].trim().is_empty() {
            questions.push(self.values[QUESTION].trim().to_string());
        }
        Typed {
            date: self.values[0].clone(),
            company: self.values[1].clone(),
            round: self.values[2].clone(),
            questions,
            technical: self.values[4].clone(),
            people: self.values[5].clone(),
            fix: self.values[6].clone(),
        }
    }
}

pub fn text_input(s: &mut DebriefState, key: KeyEvent) {
    let v = &mut s.values[s.field];
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => v.push(c),
        KeyCode::Backspace => {
            v.pop();
        }
        _ => {}
    }
}

fn save(s: &DebriefState, ctx: &mut Ctx) -> Transition {
    let Some(dir) = ctx.data_dir() else {
        ctx.error("No data folder: a debrief cannot be saved (start prep with --data-dir DIR)");
        return Transition::Stay;
    };
    let bank_dir = crate::cli::config_dir().map(|d| d.join("bank"));
    let salt = ctx.rng.next_u64();
    match prep_core::debrief::record(
        &dir,
        bank_dir.as_deref(),
        &ctx.bank,
        &s.typed(),
        ctx.now_unix,
        salt,
    ) {
        Ok((d, notes)) => {
            ctx.plan_version += 1;
            let drafts = d.questions.iter().filter(|q| q.draft).count();
            let matched = d.questions.iter().filter(|q| q.question.is_some()).count() - drafts;
            ctx.info(format!(
                "Debrief saved: {matched} question(s) found in the bank, {drafts} written as drafts{}",
                if drafts > 0 { " (prep loads them next start)" } else { "" }
            ));
            let _ = notes;
            Transition::Pop
        }
        Err(e) => {
            ctx.error(format!("{e}; nothing was saved"));
            Transition::Stay
        }
    }
}

pub fn update(s: &mut DebriefState, ctx: &mut Ctx, action: Action) -> Transition {
    match action {
        Action::Down => s.field = (s.field + 1) % FIELDS.len(),
        Action::Up => s.field = (s.field + FIELDS.len() - 1) % FIELDS.len(),
        Action::Open if s.field == QUESTION => {
            let q = std::mem::take(&mut s.values[QUESTION]);
            if q.trim().is_empty() {
                s.field += 1;
            } else {
                s.questions.push(q.trim().to_string());
            }
        }
        Action::Open => s.field = (s.field + 1).min(FIELDS.len() - 1),
        Action::Save => return save(s, ctx),
        Action::Back => {
            ctx.info("Debrief left; nothing saved");
            return Transition::Pop;
        }
        _ => {}
    }
    Transition::Stay
}

impl Screen for DebriefState {
    fn mode(&self) -> Mode {
        Mode::Debrief
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn text_input(&mut self, _ctx: &mut Ctx, key: KeyEvent) {
        text_input(self, key);
    }
}

#[cfg(test)]
mod tests;
