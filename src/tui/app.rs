//! The app's state and its one `update` entry point: a stack of screens over a shared context.
//! Input becomes an [`Action`] through the key table; each screen answers with a [`Step`] (a
//! [`Transition`] and [`Effect`]s); the effects are carried out here, in [`App::perform`], the
//! terminal's own (bell, suspend, editor) through a [`Host`]. Drawing (in `view`) is a function
//! of this state.

pub use super::ctx::{Ctx, Status, TICK};
pub use super::effect::{Effect, Step, Transition};
use super::screens::View;
use super::screens::search::SearchState;
use crate::keymap::{Action, Mode};
use crossterm::event::{Event, KeyEvent, MouseEvent};
use prep_core::storage::Attempt;
use std::path::Path;
use std::time::{Duration, Instant};

/// What only the terminal's owner can do: the event loop's terminal, or a test's stand-in.
pub trait Host {
    fn bell(&mut self);
    fn suspend(&mut self);
    /// Hand the terminal to the user's editor on `path` until it exits.
    fn edit(&mut self, path: &Path) -> std::io::Result<std::process::ExitStatus>;
}

pub struct App {
    pub ctx: Ctx,
    pub stack: Vec<View>,
    pub help: bool,
    pub help_scroll: crate::tui::scroll::Scroll,
    pub quit: bool,
    /// Quit was asked for once with unsaved work on screen; the next Quit goes.
    confirm_quit: bool,
    /// Effects waiting for the host (the terminal's own); the app's own are done at once.
    pending: Vec<Effect>,
    /// The stack moved during the current update.
    moved: bool,
}

impl App {
    /// An app showing the last of `stack` (Back walks down the rest).
    pub fn new(ctx: Ctx, stack: Vec<View>) -> Self {
        App {
            ctx,
            stack,
            help: false,
            help_scroll: Default::default(),
            quit: false,
            confirm_quit: false,
            pending: Vec::new(),
            moved: false,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        self.stack.last().map_or(Mode::Home, View::mode)
    }

    pub fn handle_event(&mut self, event: Event, now: Instant, now_unix: i64) {
        self.set_time(now, now_unix);
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(m) => self.handle_mouse(m),
            _ => {}
        }
    }

    pub fn set_time(&mut self, now: Instant, now_unix: i64) {
        self.ctx.now = now;
        self.ctx.now_unix = now_unix;
    }

    /// The clock moved on: let the drill count and old messages fade.
    pub fn tick(&mut self, now: Instant, now_unix: i64) {
        self.set_time(now, now_unix);
        if self
            .ctx
            .status
            .as_ref()
            .is_some_and(|s| s.until.is_some_and(|u| now >= u))
        {
            self.ctx.status = None;
        }
        if let Some(view) = self.stack.last_mut() {
            let step = view.screen().tick(&mut self.ctx);
            self.apply(step);
        }
    }

    /// Search results have arrived from the search thread.
    pub fn search_results(&mut self, now: Instant, now_unix: i64) {
        self.set_time(now, now_unix);
        match self.stack.last_mut() {
            Some(view) => view.screen().search_results(&mut self.ctx),
            None => drop(self.ctx.search.take(Duration::ZERO)),
        }
    }

    /// A background job has news for the screen on top.
    pub fn background(&mut self, now: Instant, now_unix: i64) {
        self.set_time(now, now_unix);
        if let Some(view) = self.stack.last_mut() {
            view.screen().background(&mut self.ctx);
        }
    }

    /// A recorder, player or transcriber has news for the screen on top.
    pub fn audio_event(&mut self, ev: &prep_core::audio::process::Event, now: Instant, unix: i64) {
        self.set_time(now, unix);
        if let Some(view) = self.stack.last_mut() {
            let step = view.screen().audio(&mut self.ctx, ev);
            self.apply(step);
        }
    }

    /// How long the event loop may wait for input before it must tick; `None`: wait for input.
    pub fn tick_every(&self) -> Option<Duration> {
        let timed_status = self.ctx.status.as_ref().is_some_and(|s| s.until.is_some());
        let running = self.stack.last().is_some_and(|v| v.screen_ref().running());
        (timed_status || running).then_some(TICK)
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        match self.ctx.keys.resolve(mode, key) {
            Some(action) => self.update(action),
            None if mode.takes_text() => {
                if let Some(view) = self.stack.last_mut() {
                    view.screen().text_input(&mut self.ctx, key);
                }
            }
            None => {}
        }
    }

    fn handle_mouse(&mut self, m: MouseEvent) {
        let mode = self.mode();
        let Some(action) = self.ctx.keys.mouse(mode, m.kind) else {
            return;
        };
        use crossterm::event::MouseEventKind as Kind;
        if let Kind::ScrollDown | Kind::ScrollUp = m.kind
            && !self.help
            && let Some(view) = self.stack.last_mut()
            && view
                .screen()
                .wheel(m.column, m.row, m.kind == Kind::ScrollDown)
        {
            return;
        }
        if !matches!(
            m.kind,
            crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left)
        ) {
            return self.update(action);
        }
        // A click selects the row under it; a click on the selected row means the action.
        let Some(nav) = self.stack.last_mut().and_then(|v| v.screen().nav()) else {
            return;
        };
        let Some(row) = nav.row_at(m.column, m.row) else {
            return;
        };
        // A click on a checklist ticks at once; elsewhere it selects, and opens what is selected.
        if nav.selected() == Some(row) || action == Action::Toggle {
            nav.select(row);
            self.update(action);
        } else {
            nav.select(row);
        }
    }

    pub fn update(&mut self, action: Action) {
        let confirmed = std::mem::take(&mut self.confirm_quit);
        match action {
            Action::Quit => {
                let unsaved = self.stack.last().and_then(|v| v.screen_ref().unsaved());
                match unsaved {
                    Some(what) if !confirmed => {
                        self.confirm_quit = true;
                        self.ctx
                            .info(format!("Press Ctrl-C again to quit without saving {what}"));
                    }
                    _ => self.quit = true,
                }
                return;
            }
            Action::Suspend => {
                self.pending.push(Effect::Suspend);
                return;
            }
            Action::Help => {
                self.show_help(!self.help);
                return;
            }
            _ if self.help => {
                if action == Action::Back {
                    self.show_help(false);
                } else {
                    self.help_scroll.apply(action);
                }
                return;
            }
            Action::Search
                if !matches!(
                    self.mode(),
                    Mode::Search | Mode::Drill | Mode::Notes | Mode::Rubric
                ) =>
            {
                let before = self.ctx.status.clone();
                self.moved = false;
                self.apply(Transition::Push(View::Search(SearchState::default())).into());
                self.leave_messages_behind(before);
                return;
            }
            _ => {}
        }
        let Some(view) = self.stack.last_mut() else {
            self.quit = true;
            return;
        };
        let before = self.ctx.status.clone();
        self.moved = false;
        let step = view.screen().update(&mut self.ctx, action);
        self.apply(step);
        self.leave_messages_behind(before);
    }

    /// Open or close help; the screen under it holds still meanwhile (a drill's clock pauses).
    fn show_help(&mut self, on: bool) {
        self.help = on;
        self.help_scroll = Default::default();
        if let Some(view) = self.stack.last_mut() {
            view.screen().hold(&mut self.ctx, on);
        }
    }

    /// A message belongs to the screen that made it: when the screen changes, a note made
    /// before this update goes ("Bell on" does not follow you to the rubric). A note made by this
    /// update stays ("Saved" shows on the next drill), and so do errors until something replaces
    /// them.
    fn leave_messages_behind(&mut self, before: Option<Status>) {
        if self.moved
            && self.ctx.status.is_some()
            && self.ctx.status == before
            && self.ctx.status.as_ref().is_some_and(|s| !s.error)
        {
            self.ctx.status = None;
        }
    }

    /// Carry out a screen's step: move the stack, do the app's own effects, queue the host's.
    fn apply(&mut self, step: Step) {
        self.moved |= !matches!(step.transition, Transition::Stay);
        match step.transition {
            Transition::Stay => {}
            Transition::Push(v) => self.stack.push(v),
            Transition::Replace(v) => {
                self.stack.pop();
                self.stack.push(v);
            }
            Transition::Pop => {
                self.stack.pop();
                if self.stack.is_empty() {
                    self.quit = true;
                }
            }
            Transition::Quit => self.quit = true,
        }
        for effect in step.effects {
            match effect {
                Effect::Save(attempt) => {
                    let saved = self.save(*attempt);
                    if let Some(view) = self.stack.last_mut() {
                        let step = view.screen().saved(&mut self.ctx, saved);
                        self.apply(step);
                    }
                }
                Effect::Bell if !self.ctx.bell => {}
                other => self.pending.push(other),
            }
        }
    }

    /// The one save path for drills and mocks: append to the log, keep it in memory, say so.
    fn save(&mut self, attempt: Attempt) -> bool {
        let ctx = &mut self.ctx;
        let Some(log) = &ctx.log else {
            ctx.error("No data folder, so this attempt cannot be saved (see --data-dir)");
            return false;
        };
        match log.append(&attempt) {
            Ok(()) => {
                let (score, question, at) = (attempt.score, attempt.question.clone(), attempt.at);
                ctx.attempts.push(attempt);
                let back = prep_core::review::back_in(&ctx.bank, &ctx.attempts, &question, at)
                    .map(|b| format!("; back for review {b}"))
                    .unwrap_or_default();
                ctx.info(format!("Saved: {score:.0}% on {question}{back}"));
                true
            }
            Err(e) => {
                // Nothing is lost: the grading stays on screen, ready to save again.
                ctx.error(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// Carry out the effects waiting for the host, in order.
    pub fn perform(&mut self, host: &mut dyn Host) {
        for effect in std::mem::take(&mut self.pending) {
            match effect {
                Effect::Bell => host.bell(),
                Effect::Suspend => host.suspend(),
                Effect::Edit(path) => {
                    let result = host.edit(&path);
                    self.edited(&path, result);
                }
                // Saving is the app's own and was done when it was asked for.
                Effect::Save(_) => {}
            }
        }
    }

    /// Are effects waiting for the host?
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The editor on `path` has closed: reload the stories, say how it went, tell the screen.
    pub fn edited(&mut self, path: &Path, result: std::io::Result<std::process::ExitStatus>) {
        self.ctx.reload_stories();
        super::screens::stories::report_edit(&mut self.ctx, path, result);
        if let Some(view) = self.stack.last_mut() {
            view.screen().edited(&mut self.ctx, path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::test_support::{self, Session};

    fn status(s: &Session) -> Option<String> {
        s.app.ctx.status.as_ref().map(|st| st.text.clone())
    }

    #[test]
    fn a_message_stays_with_the_screen_that_made_it() {
        let mut s = Session::new(test_support::ctx(), (120, 40));
        let q = s.app.ctx.bank.question_index("con-lost-argument").unwrap();
        s.app.stack.push(View::Drill(Box::new(
            super::super::screens::drill::DrillState::new(&s.app.ctx, vec![q], 0),
        )));
        s.act(Action::Bell);
        assert!(status(&s).unwrap().starts_with("Bell on"));
        s.act(Action::Open);
        assert_eq!(s.app.mode(), Mode::Rubric);
        assert_eq!(status(&s), None, "Bell on does not follow to the rubric");

        // Leaving a drill: the question "press again" belongs to the drill, not to Home.
        let mut s = Session::new(test_support::ctx(), (120, 40));
        s.app.stack.push(View::Drill(Box::new(
            super::super::screens::drill::DrillState::new(&s.app.ctx, vec![q], 0),
        )));
        s.act(Action::Back);
        assert!(status(&s).unwrap().contains("again to leave"));
        s.act(Action::Back);
        assert_eq!(s.app.mode(), Mode::Home);
        assert_eq!(status(&s), None, "no stale question on Home, where q quits");
    }

    #[test]
    fn a_message_made_while_moving_on_is_shown_on_the_next_screen_and_errors_stay() {
        let (c, _dir) = test_support::ctx_with_log();
        let mut s = Session::new(c, (120, 40));
        let qs = vec![0, 1];
        s.app.stack.push(View::Drill(Box::new(
            super::super::screens::drill::DrillState::new(&s.app.ctx, qs, 0),
        )));
        s.act(Action::Open).act(Action::Save);
        assert_eq!(s.app.mode(), Mode::Drill, "on to the second question");
        let saved = status(&s).unwrap();
        assert!(saved.starts_with("Saved: "), "{saved:?}");
        assert!(
            saved.contains("back for review "),
            "says when it comes back: {saved:?}"
        );

        s.app.ctx.error("the log is damaged");
        s.act(Action::Open);
        assert_eq!(status(&s).as_deref(), Some("the log is damaged"));
    }
}
