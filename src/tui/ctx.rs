//! What every screen may read or change: the bank, the log, the user's stories, the keys, the
//! theme, the time as last given to the app, and the status line.

use super::derived::Memo;
use super::theme::Theme;
use crate::keymap::Keymap;
use prep_core::bank::Bank;
use prep_core::review::Schedule;
use prep_core::rng::Rng;
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
    /// The key table: the defaults with the user's remaps.
    pub keys: Keymap,
    /// The time as last given to the app (ticks and events carry it).
    pub now: Instant,
    pub now_unix: i64,
    pub status: Option<Status>,
    /// Ring the bell when a drill's time is up.
    pub bell: bool,
    /// `prep drill --time`: one limit for every question instead of each one's own.
    pub drill_time: Option<u32>,
    /// The user's stories (`<data dir>/stories`, next to the attempt log), reloaded after edits.
    pub stories: prep_core::stories::StoryBank,
    pub stories_dir: Option<std::path::PathBuf>,
    /// Picks drills and mocks.
    pub rng: Rng,
    /// Recorder, player and transcriber settings, and where their events go.
    pub audio: super::audio::AudioCtx,
    stats: Memo<Stats>,
    schedule: Memo<Schedule>,
    /// The role being practised (`prep drill --role`; a plan may set the user's target role): the
    /// reader shows that level's bar, the rubric adds its check, the drill uses its time.
    pub target_role: Option<prep_core::bank::Role>,
    /// `[grader] command` from the config, and how long it may take.
    pub grader: Option<String>,
    pub grader_limit: Duration,
    /// Wakes the event loop with `Msg::Background` (set by the loop; `None` in tests).
    pub notify: Option<Arc<dyn Fn() + Send + Sync>>,
    /// The mock loops: built-in, with the user banks' `loops.yaml` on top.
    pub loops: Vec<prep_core::bank::Loop>,
    /// `<data dir>/plan.yaml` as read at start (and after each tick), or its problem.
    pub plan_file: Option<Result<prep_core::plan::PlanFile, String>>,
    /// Bumped whenever the plan file or the debriefs change, so the plan is computed again.
    pub plan_version: usize,
    plan_memo: Memo<Option<Result<prep_core::plan::Plan, String>>>,
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
            keys: Keymap::default(),
            now,
            now_unix,
            status: None,
            bell: false,
            drill_time: None,
            stories,
            stories_dir,
            rng: Rng::new(now_unix as u64),
            audio: super::audio::AudioCtx::default(),
            stats: Memo::default(),
            schedule: Memo::default(),
            target_role: None,
            grader: None,
            grader_limit: prep_core::grader::TIME_LIMIT,
            notify: None,
            loops: prep_core::loops::builtin(),
            plan_file: None,
            plan_version: 0,
            plan_memo: Memo::default(),
        };
        ctx.plan_file = ctx
            .data_dir()
            .and_then(|d| match prep_core::plan::file::read(&d) {
                Ok(p) => p.map(Ok),
                Err(e) => Some(Err(e.to_string())),
            });
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

    /// The data folder (where the log, stories and plan live), when there is one.
    pub fn data_dir(&self) -> Option<std::path::PathBuf> {
        self.log
            .as_ref()
            .and_then(|l| l.path().parent())
            .map(std::path::Path::to_path_buf)
    }

    /// The plan as of today, when one is set and its loop is known; `Err` says what is wrong.
    /// Computed again when the log, the stories, the plan file or the minute change.
    pub fn plan(&self) -> Option<Result<prep_core::plan::Plan, String>> {
        let (len, minute) = self.derived_key();
        let key = (
            len ^ self.stories.stories.len().rotate_left(20) ^ self.plan_version.rotate_left(40),
            minute,
        );
        (*self.plan_memo.get(key, || self.compute_plan())).clone()
    }

    fn compute_plan(&self) -> Option<Result<prep_core::plan::Plan, String>> {
        let file = match self.plan_file.as_ref()? {
            Ok(f) => f,
            Err(e) => return Some(Err(e.clone())),
        };
        let fix = self
            .data_dir()
            .map(|d| prep_core::debrief::fix_list_in(&d, &self.attempts))
            .unwrap_or_default();
        let world = prep_core::plan::World {
            bank: &self.bank,
            loops: &self.loops,
            attempts: &self.attempts,
            stories: &self.stories.stories,
            fix: &fix,
        };
        let zone = prep_core::days::Zone::local();
        Some(prep_core::plan::for_day(
            file,
            &world,
            zone.day_of(self.now_unix),
            zone,
        ))
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
