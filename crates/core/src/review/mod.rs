//! Spaced repetition, derived from the attempt log and never stored: each practised question's
//! attempts are replayed in time order through FSRS-6 (`fsrs`: default parameters, 90% desired
//! retention),
//! with the rubric score mapped to an FSRS grade (see [`Rating::from_score`]). The result says
//! what is due now (most overdue first), what comes due next, and, for when nothing is due, an
//! order that keeps practice possible: weak questions first, then ones never tried.

use crate::bank::{Bank, Filter};
use crate::days::Zone;
use crate::stats::SECS_PER_DAY;
use crate::storage::Attempt;
use serde::Serialize;
use std::collections::HashMap;

mod back;
mod fsrs;

pub use back::{back_in, phrase};

/// The chance of recalling a question on its due date that the schedule aims for.
pub const DESIRED_RETENTION: f32 = 0.9;
/// How many questions a "drill what is due" session takes when nothing is due.
pub const PRACTICE_BATCH: usize = 5;

/// FSRS's four grades.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// The rubric score (0-100) as an FSRS grade: below 40% is Again (it comes back within
    /// hours), 40-64% Hard, 65-84% Good, 85% and up Easy (it comes back after days or weeks).
    pub fn from_score(score: f64) -> Rating {
        if score >= 85.0 {
            Rating::Easy
        } else if score >= 65.0 {
            Rating::Good
        } else if score >= 40.0 {
            Rating::Hard
        } else {
            Rating::Again
        }
    }

    /// Weak enough to practise before questions never tried.
    pub fn is_weak(self) -> bool {
        matches!(self, Rating::Again | Rating::Hard)
    }
}

/// One practised question's review state, rebuilt from its attempts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// Index into the bank's questions.
    pub question: usize,
    pub reviews: usize,
    /// FSRS stability (days until recall drops to 90%) and difficulty (1-10).
    pub stability: f32,
    pub difficulty: f32,
    /// The latest attempt: when (Unix seconds), its score and the grade it became.
    pub last_review: i64,
    pub last_score: f64,
    pub last_rating: Rating,
    /// When it is due again, Unix seconds: the last review plus the FSRS interval.
    pub due_at: i64,
}

/// A question on the review list.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Due {
    pub question: usize,
    pub due_at: i64,
    /// Days past due; negative when it is not due yet.
    pub overdue_days: f64,
}

/// What is due, derived from the bank, the log and the time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    pub now: i64,
    /// Every practised question of the bank, by question index.
    pub cards: Vec<Card>,
    /// Due now, most overdue first.
    pub due: Vec<Due>,
    /// Not due yet, soonest first.
    pub upcoming: Vec<Due>,
}

/// Replay one question's attempts (any order; they are sorted by time) into its review state.
/// `None` when there are no attempts. The days between reviews are local calendar days.
pub fn replay(question: usize, attempts: &[&Attempt]) -> Option<Card> {
    replay_in(question, attempts, Zone::local())
}

/// [`replay`] with the days between reviews counted in `zone`: 23:00 and 01:00 local are a day
/// apart, 00:10 and 23:50 on one date are not.
pub fn replay_in(question: usize, attempts: &[&Attempt], zone: &Zone) -> Option<Card> {
    let mut list = attempts.to_vec();
    list.sort_by_key(|a| a.at);
    let mut memory: Option<fsrs::Memory> = None;
    let mut card: Option<Card> = None;
    for a in list {
        let elapsed = card.as_ref().map_or(0, |c| {
            u32::try_from(zone.day_of(a.at) - zone.day_of(c.last_review)).unwrap_or(0)
        });
        let rating = Rating::from_score(a.score);
        let grade = match rating {
            Rating::Again => fsrs::Grade::Again,
            Rating::Hard => fsrs::Grade::Hard,
            Rating::Good => fsrs::Grade::Good,
            Rating::Easy => fsrs::Grade::Easy,
        };
        let (state, days) = fsrs::next(memory, grade, elapsed, DESIRED_RETENTION);
        memory = Some(state);
        let interval = (f64::from(days) * SECS_PER_DAY as f64).round() as i64;
        card = Some(Card {
            question,
            reviews: card.as_ref().map_or(0, |c| c.reviews) + 1,
            stability: state.stability,
            difficulty: state.difficulty,
            last_review: a.at,
            last_score: a.score,
            last_rating: rating,
            due_at: a.at.saturating_add(interval),
        });
    }
    card
}

/// The review schedule at `now_unix`. Attempts for questions no longer in the bank are ignored.
pub fn schedule(bank: &Bank, attempts: &[Attempt], now_unix: i64) -> Schedule {
    let mut by_question: HashMap<usize, Vec<&Attempt>> = HashMap::new();
    // One grade per answer, the most trusted: a peer's, then a re-grade after replay, then yours.
    for a in crate::grades::calibration::trusted(attempts) {
        if let Some(i) = bank.question_index(&a.question) {
            by_question.entry(i).or_default().push(a);
        }
    }
    let mut cards: Vec<Card> = by_question
        .into_iter()
        .filter_map(|(i, list)| replay(i, &list))
        .collect();
    cards.sort_by_key(|c| c.question);
    let (mut due, mut upcoming): (Vec<Due>, Vec<Due>) = cards
        .iter()
        .map(|c| Due {
            question: c.question,
            due_at: c.due_at,
            overdue_days: now_unix.saturating_sub(c.due_at) as f64 / SECS_PER_DAY as f64,
        })
        .partition(|d| d.due_at <= now_unix);
    due.sort_by_key(|d| (d.due_at, d.question));
    upcoming.sort_by_key(|d| (d.due_at, d.question));
    Schedule {
        now: now_unix,
        cards,
        due,
        upcoming,
    }
}

impl Schedule {
    /// The review state of a question, if it was ever practised.
    pub fn card(&self, question: usize) -> Option<&Card> {
        self.cards
            .binary_search_by_key(&question, |c| c.question)
            .ok()
            .map(|i| &self.cards[i])
    }

    pub fn is_due(&self, question: usize) -> bool {
        self.card(question).is_some_and(|c| c.due_at <= self.now)
    }

    /// The order to practise in when nothing is due, over the questions `filter` lets through:
    /// weak ones first (latest grade Again or Hard, lowest latest score first), then questions
    /// never practised (in bank order, taking one from each section in turn so a session
    /// spreads across sections), then the rest of the practised ones, lowest latest score first.
    pub fn practice_order(&self, bank: &Bank, filter: &Filter) -> Vec<usize> {
        let by_score = |list: &mut Vec<&Card>| {
            list.sort_by(|a, b| {
                a.last_score
                    .total_cmp(&b.last_score)
                    .then(a.last_review.cmp(&b.last_review))
                    .then(a.question.cmp(&b.question))
            })
        };
        let shown = |i: usize| filter.matches(&bank.questions[i]);
        let (mut weak, mut strong): (Vec<&Card>, Vec<&Card>) = self
            .cards
            .iter()
            .filter(|c| shown(c.question))
            .partition(|c| c.last_rating.is_weak());
        by_score(&mut weak);
        by_score(&mut strong);
        let mut order: Vec<usize> = weak.iter().map(|c| c.question).collect();
        let fresh: Vec<Vec<usize>> = bank
            .sections
            .iter()
            .map(|s| {
                s.questions
                    .iter()
                    .copied()
                    .filter(|&i| shown(i) && self.card(i).is_none())
                    .collect()
            })
            .collect();
        let rounds = fresh.iter().map(Vec::len).max().unwrap_or(0);
        for round in 0..rounds {
            order.extend(fresh.iter().filter_map(|s| s.get(round)));
        }
        order.extend(strong.iter().map(|c| c.question));
        order
    }
}

/// What "drill what is due" will drill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuePlan {
    /// Bank indices, in drill order.
    pub queue: Vec<usize>,
    /// How many questions (under the filter) are due now.
    pub due: usize,
}

impl DuePlan {
    /// A line for the status bar saying what is being drilled.
    pub fn message(&self) -> String {
        let n = self.queue.len();
        if self.due == 0 {
            "Nothing is due: practising weak questions first, then ones not tried yet".into()
        } else if n < self.due {
            format!("{} due: drilling the {n} most overdue", self.due)
        } else {
            format!("{} due: drilling them, most overdue first", self.due)
        }
    }
}

/// The drill for what is due under `filter`: every due question, most overdue first, up to
/// `limit` (`None`: all of them); when nothing is due, the practice order instead, up to
/// `limit` (`None`: [`PRACTICE_BATCH`]). Never empty while the filter lets any question through.
pub fn due_plan(
    bank: &Bank,
    schedule: &Schedule,
    filter: &Filter,
    limit: Option<usize>,
) -> DuePlan {
    let due: Vec<usize> = schedule
        .due
        .iter()
        .map(|d| d.question)
        .filter(|&i| filter.matches(&bank.questions[i]))
        .collect();
    let count = due.len();
    let mut queue = if due.is_empty() {
        let mut order = schedule.practice_order(bank, filter);
        order.truncate(limit.unwrap_or(PRACTICE_BATCH).max(1));
        order
    } else {
        due
    };
    if let Some(n) = limit {
        queue.truncate(n.max(1));
    }
    DuePlan { queue, due: count }
}
