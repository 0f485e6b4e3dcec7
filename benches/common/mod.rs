//! Fixtures shared by the benchmarks: synthetic banks in memory, and an app context with a
//! realistic attempt history, built outside the timed part.

#![allow(dead_code)] // each bench file uses a different part

use prep::tui::app::Ctx;
use prep::tui::theme::Theme;
use prep_core::bank::{self, Bank, BankSource};
use prep_core::practice::{self, Answer};
use prep_core::storage::Attempt;
use std::time::Instant;

/// 2026-11-21 12:00 UTC, as in the screen tests.
pub const NOW_UNIX: i64 = 1_795_262_400;

/// The sources of the built-in bank plus `extra` synthetic questions (0: the built-in bank alone).
pub fn sources(extra: usize) -> Vec<BankSource> {
    let mut sources = vec![BankSource::Builtin];
    if extra > 0 {
        sources.extend(prep_core::synth::memory_sources(extra));
    }
    sources
}

pub fn bank(extra: usize) -> Bank {
    match bank::load(&sources(extra)) {
        Ok(bank) => bank,
        Err(d) => panic!("generated bank does not load: {d:?}"),
    }
}

/// `n` graded attempts spread over the last 60 days, cycling through the bank's questions.
pub fn attempts(bank: &Bank, n: usize) -> Vec<Attempt> {
    (0..n)
        .map(|i| {
            let q = &bank.questions[(i * 7) % bank.questions.len()];
            let items = practice::checklist(bank, q);
            let checked: Vec<bool> = (0..items.len()).map(|j| (i + j) % 3 != 0).collect();
            let answer = Answer {
                spoken_secs: q.time - 5 + (i as u32 % 20),
                limit_secs: q.time,
                ..Answer::default()
            };
            let at = NOW_UNIX - (i as i64 % 60) * 86_400 - (i as i64 % 11) * 3600;
            practice::attempt(q, &items, &checked, &answer, at)
        })
        .collect()
}

/// A context over `bank` with `history` attempts, colour on, the clock fixed.
pub fn ctx(bank: Bank, history: usize) -> Ctx {
    let attempts = attempts(&bank, history);
    let mut ctx = Ctx::new(
        bank,
        None,
        Theme::new(true, prep::theme::Background::Dark),
        Instant::now(),
        NOW_UNIX,
    );
    ctx.attempts = attempts;
    ctx
}
