//! The app's state and its one `update` entry point: a stack of screens over a shared context.
//! Input becomes an [`Action`] through the keymap; each screen's `update` answers with a
//! [`Transition`]; drawing (in `view`) is a function of this state.

use super::derived::Memo;
use super::keymap::{self, Action, Mode};
use super::screens::{self, View};
use super::theme::Theme;
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use prep_core::bank::Bank;
use prep_core::review::Schedule;
use prep_core::search::Background;
use prep_core::stats::Stats;
use prep_core::storage::{Attempt, AttemptLog, LogProblem};
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A message on the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    pub until: Option<Instant>,
}

/// How often a running clock (or a timed status message) is looked at.
pub const TICK: Duration = Duration::from_millis(250);

/// What every screen may read or change.
pub struct Ctx {
    /// Shared with the search thread.
    pub bank: Arc<Bank>,
    /// Fuzzy search on its own thread (the index is built there after start).
    pub search: Background,
    /// `None` when there is no data folder: practice works but nothing is saved.
    pub log: Option<AttemptLog>,
    pub attempts: Vec<Attempt>,
    pub log_problems: Vec<LogProblem>,
    pub theme: Theme,
    /// The time as last given to the app (ticks and events carry it).
    pub now: Instant,
    pub now_unix: i64,
    pub status: Option<Status>,
    pub bell: bool,
    pub ring: bool,
    /// `prep drill --time`: one limit for every question instead of each one's own.
    pub drill_time: Option<u32>,
    /// The user's stories (`<data dir>/stories`, next to the attempt log), reloaded after edits.
    pub stories: prep_core::stories::StoryBank,
    pub stories_dir: Option<std::path::PathBuf>,
    /// A story file the main loop should open in the editor, handing the terminal over.
    pub edit_request: Option<std::path::PathBuf>,
    seed: u64,
    stats: Memo<Stats>,
    schedule: Memo<Schedule>,
}

impl Ctx {
    pub fn new(
        bank: Bank,
        log: Option<AttemptLog>,
        theme: Theme,
        now: Instant,
        now_unix: i64,
    ) -> Self {
        let (attempts, log_problems, status) = match log.as_ref().map(AttemptLog::read) {
            Some(Ok(read)) => (read.attempts, read.problems, None),
            Some(Err(e)) => (Vec::new(), Vec::new(), Some(e.to_string())),
            None => (Vec::new(), Vec::new(), None),
        };
        let bank = Arc::new(bank);
        let search = Background::start(Arc::clone(&bank));
        let stories_dir = log
            .as_ref()
            .and_then(|l| l.path().parent())
            .map(|d| d.join("stories"));
        let stories = stories_dir
            .as_deref()
            .map(prep_core::stories::load)
            .unwrap_or_default();
        let mut ctx = Ctx {
            bank,
            search,
            log,
            attempts,
            log_problems,
            theme,
            now,
            now_unix,
            status: None,
            bell: false,
            ring: false,
            drill_time: None,
            stories,
            stories_dir,
            edit_request: None,
            seed: (now_unix as u64) | 1,
            stats: Memo::default(),
            schedule: Memo::default(),
        };
        if let Some(text) = status {
            ctx.error(text);
        } else if let (Some(p), Some(log)) = (ctx.log_problems.first(), &ctx.log) {
            let n = ctx.log_problems.len();
            let text = format!(
                "{}:{}: {} ({n} unreadable line(s) kept in the file, skipped here)",
                log.path().display(),
                p.line,
                p.message
            );
            ctx.error(text);
        }
        ctx
    }

    /// What the figures derived from the log depend on: its length and the current minute.
    fn derived_key(&self) -> super::derived::Key {
        (self.attempts.len(), self.now_unix.div_euclid(60))
    }

    /// Progress figures over the whole log, as of now (recomputed when the log or minute changes).
    pub fn stats(&self) -> Rc<Stats> {
        self.stats.get(self.derived_key(), || {
            prep_core::stats::compute(&self.bank, &self.attempts, self.now_unix)
        })
    }

    /// The spaced-repetition schedule, as of now (recomputed when the log or minute changes).
    pub fn schedule(&self) -> Rc<Schedule> {
        self.schedule.get(self.derived_key(), || {
            prep_core::review::schedule(&self.bank, &self.attempts, self.now_unix)
        })
    }

    pub fn info(&mut self, text: impl Into<String>) {
        let until = Some(self.now + Duration::from_secs(4));
        self.status = Some(Status {
            text: text.into(),
            error: false,
            until,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            until: None,
        });
    }

    /// A pseudo-random number (xorshift), for shuffling drills.
    pub fn random(&mut self) -> u64 {
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        self.seed
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.random() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }

    /// The latest saved score of a question, if it was ever practised.
    pub fn last_score(&self, id: &str) -> Option<f64> {
        self.attempts
            .iter()
            .filter(|a| a.question == id)
            .max_by_key(|a| a.at)
            .map(|a| a.score)
    }
}

/// What a screen asks of the stack after an action.
pub enum Transition {
    Stay,
    Push(View),
    Pop,
    Replace(View),
    Quit,
}

pub struct App {
    pub ctx: Ctx,
    pub stack: Vec<View>,
    pub help: bool,
    pub quit: bool,
    /// Set by Ctrl-Z; the main loop suspends the process and clears it.
    pub suspend: bool,
}

impl App {
    /// An app showing the last of `stack` (Back walks down the rest).
    pub fn new(ctx: Ctx, stack: Vec<View>) -> Self {
        App {
            ctx,
            stack,
            help: false,
            quit: false,
            suspend: false,
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
        if let Some(View::Drill(d)) = self.stack.last_mut() {
            screens::drill::tick(d, &mut self.ctx);
        }
        if let Some(View::Mock(m)) = self.stack.last_mut() {
            screens::mock::tick(m, &mut self.ctx);
        }
        match self.stack.last_mut() {
            Some(View::Search(s)) => screens::search::refresh(s, &mut self.ctx, Duration::ZERO),
            // Results for a search screen already closed: nobody will show them.
            _ => drop(self.ctx.search.take(Duration::ZERO)),
        }
    }

    /// Does anything on screen change with time alone?
    pub fn needs_tick(&self) -> bool {
        self.ctx.status.as_ref().is_some_and(|s| s.until.is_some())
            || matches!(self.stack.last(), Some(View::Drill(d)) if screens::drill::running(d))
            || matches!(self.stack.last(), Some(View::Mock(m)) if screens::mock::running(m))
            || self.ctx.search.pending()
    }

    /// How long the main loop may wait for input before it must tick; `None`: wait for input.
    pub fn tick_every(&self) -> Option<Duration> {
        if self.ctx.search.pending() {
            // Search results arrive from another thread; look for them often.
            Some(Duration::from_millis(4))
        } else if self.needs_tick() {
            Some(TICK)
        } else {
            None
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        match keymap::resolve(mode, key) {
            Some(action) => self.update(action),
            None if keymap::takes_text(mode) => {
                if let Some(view) = self.stack.last_mut() {
                    view.text_input(&mut self.ctx, key);
                }
            }
            None => {}
        }
    }

    fn handle_mouse(&mut self, m: MouseEvent) {
        match m.kind {
            MouseEventKind::ScrollUp => self.update(Action::Up),
            MouseEventKind::ScrollDown => self.update(Action::Down),
            MouseEventKind::Down(MouseButton::Left) if !self.help => {
                if let Some(view) = self.stack.last_mut()
                    && let Some(action) = view.click(m.column, m.row)
                {
                    self.update(action);
                }
            }
            _ => {}
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Suspend => {
                self.suspend = true;
                return;
            }
            Action::Help => {
                self.help = !self.help;
                return;
            }
            _ if self.help => {
                if action == Action::Back {
                    self.help = false;
                }
                return;
            }
            Action::Search
                if !matches!(
                    self.mode(),
                    Mode::Search | Mode::Drill | Mode::Notes | Mode::Rubric
                ) =>
            {
                self.stack
                    .push(View::Search(screens::search::SearchState::default()));
                return;
            }
            _ => {}
        }
        let Some(view) = self.stack.last_mut() else {
            self.quit = true;
            return;
        };
        match view.update(&mut self.ctx, action) {
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
    }
}
