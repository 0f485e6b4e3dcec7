//! Loading a bank: the built-in one, and the built-in one plus 1k, 10k and 100k synthetic
//! questions held in memory (so the disk is not measured). Loading should grow linearly.
//! `parts` splits the 10k load into its stages to show where the time goes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use divan::Bencher;
use prep_core::bank;

fn main() {
    divan::main();
}

/// The built-in bank as prep starts with it: embedded data parsed when prep was built.
#[divan::bench]
fn builtin() -> bank::Bank {
    bank::load_builtin()
}

/// The same files parsed from YAML, as prep did before they were embedded (and as it reads user
/// banks).
#[divan::bench]
fn builtin_from_yaml() -> bank::Bank {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    match bank::parse(&[bank::BankSource::Dir(dir)]) {
        Ok(b) => b,
        Err(d) => panic!("{d:?}"),
    }
}

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn synthetic(bencher: Bencher, questions: usize) {
    let sources = common::sources(questions);
    bencher.bench(|| bank::load(&sources).map(|b| b.questions.len()));
}

/// The search index the app builds right after loading.
#[divan::bench(args = [10_000, 100_000], sample_count = 10, sample_size = 1)]
fn search_index(bencher: Bencher, questions: usize) {
    let bank = common::bank(questions);
    bencher.bench(|| prep_core::search::SearchIndex::new(&bank));
}
