//! The paced system-design session, without a terminal: the design spine as six stages, each with
//! a share of the question's time limit, a short list of what to cover (plus the question's own
//! checks that belong there), its own clock, skip / back / extend, notes per stage, and the summary
//! of time spent per stage against the plan that goes into the attempt.
//!
//! Time is an input, as for the drill clock: every method takes `now`. Exactly one stage clock runs
//! while the session clock runs, so the stage times always add up to the session's time.

mod stage;

pub use stage::{Stage, stage_of_check};

use super::clock::{Clock, format_clock};
use crate::bank::Kind;
use crate::storage::StageTime;
use std::time::{Duration, Instant};

/// The plan's length: the stage shares below are minutes of a 45-minute round.
pub const PLAN_MINUTES: u32 = 45;
/// Seconds `extend` gives the current stage (and the session, so later stages keep their time).
pub const EXTEND_SECS: u32 = 60;
/// System-design questions with at least this limit run as a paced session.
pub const MIN_PACED_SECS: u32 = 20 * 60;

/// Does a question of `kind` with `limit_secs` on the clock run as a paced session?
pub fn is_paced(kind: Kind, limit_secs: u32) -> bool {
    kind == Kind::SystemDesign && limit_secs >= MIN_PACED_SECS
}

/// Each stage's suggested seconds for a session of `limit_secs`: the 45-minute plan scaled in
/// proportion, stage boundaries rounded to 5 s, always adding up to exactly `limit_secs`.
pub fn suggested_secs(limit_secs: u32) -> [u32; 6] {
    let mut out = [0; 6];
    let (mut cum, mut prev) = (0u64, 0u64);
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        cum += u64::from(stage.plan_minutes());
        let boundary = if i + 1 == Stage::ALL.len() {
            u64::from(limit_secs)
        } else {
            // round(limit * cum / 45 / 5) * 5, in integers.
            let tenths = u64::from(limit_secs) * cum * 2 / (u64::from(PLAN_MINUTES) * 5);
            tenths.div_ceil(2) * 5
        };
        let boundary = boundary.clamp(prev, u64::from(limit_secs));
        out[i] = u32::try_from(boundary - prev).unwrap_or(u32::MAX);
        prev = boundary;
    }
    out
}

/// One stage of a running session.
#[derive(Clone, Debug)]
pub struct StageRun {
    pub stage: Stage,
    /// Seconds the plan gives it.
    pub suggested: u32,
    /// Seconds added with `extend`.
    pub extra: u32,
    /// Runs only while this is the current stage; its limit is `suggested + extra`.
    pub clock: Clock,
}

/// A paced session: the whole session's clock and one clock per stage.
#[derive(Clone, Debug)]
pub struct Pace {
    session: Clock,
    stages: Vec<StageRun>,
    current: usize,
}

impl Pace {
    /// A running session of `limit_secs`, in its first stage.
    pub fn start(limit_secs: u32, now: Instant) -> Self {
        let stages = Stage::ALL
            .into_iter()
            .zip(suggested_secs(limit_secs))
            .enumerate()
            .map(|(i, (stage, suggested))| {
                let mut clock = Clock::start(suggested, now);
                if i > 0 {
                    clock.pause(now);
                }
                StageRun {
                    stage,
                    suggested,
                    extra: 0,
                    clock,
                }
            })
            .collect();
        Pace {
            session: Clock::start(limit_secs, now),
            stages,
            current: 0,
        }
    }

    pub fn session(&self) -> &Clock {
        &self.session
    }

    pub fn stages(&self) -> &[StageRun] {
        &self.stages
    }

    /// Index of the current stage.
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn stage(&self) -> &StageRun {
        &self.stages[self.current]
    }

    pub fn is_paused(&self) -> bool {
        self.session.is_paused()
    }

    pub fn toggle(&mut self, now: Instant) {
        self.session.toggle(now);
        let clock = &mut self.stages[self.current].clock;
        if self.session.is_paused() {
            clock.pause(now)
        } else {
            clock.resume(now)
        }
    }

    fn go(&mut self, to: usize, now: Instant) {
        self.stages[self.current].clock.pause(now);
        self.current = to;
        if !self.session.is_paused() {
            self.stages[to].clock.resume(now);
        }
    }

    /// Move on to the next stage; false (and nothing changes) in the last one.
    pub fn next(&mut self, now: Instant) -> bool {
        let ok = self.current + 1 < self.stages.len();
        if ok {
            self.go(self.current + 1, now);
        }
        ok
    }

    /// Go back one stage, whose clock carries on from where it stopped; false in the first.
    pub fn back(&mut self, now: Instant) -> bool {
        let ok = self.current > 0;
        if ok {
            self.go(self.current - 1, now);
        }
        ok
    }

    /// One more minute for the current stage, and for the session so later stages keep theirs.
    pub fn extend(&mut self) {
        let run = &mut self.stages[self.current];
        run.extra += EXTEND_SECS;
        run.clock.adjust(i64::from(EXTEND_SECS));
        self.session.adjust(i64::from(EXTEND_SECS));
    }

    /// Time spent in stage `i` so far.
    pub fn used(&self, i: usize, now: Instant) -> Duration {
        self.stages
            .get(i)
            .map_or(Duration::ZERO, |s| s.clock.elapsed(now))
    }

    /// Seconds used against seconds suggested, stage by stage: what the attempt records.
    pub fn summary(&self, now: Instant) -> Vec<StageTime> {
        self.stages
            .iter()
            .map(|s| StageTime {
                stage: s.stage.id().to_string(),
                used: u32::try_from(s.clock.elapsed(now).as_secs()).unwrap_or(u32::MAX),
                suggested: s.suggested + s.extra,
                extended: s.extra,
            })
            .collect()
    }
}

/// The notes of each stage (in stage order) as one text, each under its stage's heading; stages
/// with no notes are left out.
pub fn join_notes(notes: &[String]) -> String {
    Stage::ALL
        .into_iter()
        .zip(notes)
        .filter(|(_, n)| !n.trim().is_empty())
        .map(|(s, n)| format!("## {}\n{}", s.name(), n.trim_end()))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A Markdown list of time used per stage against the plan, for the grading screen.
pub fn summary_markdown(stages: &[StageTime]) -> String {
    let mut md = String::from("## Time per stage\n\n");
    let reached = stages.iter().rposition(|s| s.used > 0).map_or(0, |i| i + 1);
    for (i, s) in stages.iter().enumerate() {
        let name = match Stage::from_id(&s.stage) {
            Some(stage) => stage.name(),
            None => &s.stage,
        };
        let over = i64::from(s.used) - i64::from(s.suggested);
        let verdict = match over {
            o if o > 0 => format!(", **{} over**", format_clock(o)),
            o if o < 0 && s.used > 0 => format!(", {} spare", format_clock(-o)),
            _ if s.used == 0 && i >= reached => ", not reached".to_string(),
            _ if s.used == 0 => ", skipped".to_string(),
            _ => String::new(),
        };
        let extended = if s.extended > 0 {
            format!(" (extended by {})", format_clock(i64::from(s.extended)))
        } else {
            String::new()
        };
        md.push_str(&format!(
            "- {}: {} of {}{extended}{verdict}\n",
            crate::doc::escape(name),
            format_clock(i64::from(s.used)),
            format_clock(i64::from(s.suggested)),
        ));
    }
    md
}

#[cfg(test)]
mod tests;
