//! One keystroke's search over the built-in bank plus 10k and 100k synthetic questions, as the
//! search screen runs it: the query as it stands after the key, up to 200 hits. The index is built
//! outside the timed part, as the app builds it once at start, and the search for the query
//! before the key runs untimed first (the index narrows from it). `typed` and `backspace` score on
//! the calling thread (split across the cores for large candidate sets); `handoff` and `results`
//! go through the search thread the app uses.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use divan::Bencher;
use prep_core::search::{Background, SearchIndex};
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

fn main() {
    divan::main();
}

/// What the search screen asks for per keystroke.
const LIMIT: usize = 200;

/// Typing "cache replica": the first key matches almost everything (most hits to rank); later keys
/// score a longer pattern over fewer texts.
const QUERIES: &[&str] = &["c", "cach", "cache r", "cache replica"];

/// Abbreviations: no text holds them as written, so every field could match a little.
const ABBREVIATIONS: &[&str] = &["ltncy", "cch rplc", "hdcnt", "mgrtn plfm"];

/// The key that completes `query`, typed after the rest of it.
fn keystroke(bencher: Bencher, questions: usize, query: &str, before: &str) {
    let bank = common::bank(questions);
    let index = RefCell::new(SearchIndex::new(&bank));
    bencher
        .with_inputs(|| {
            index.borrow_mut().search(before, LIMIT);
        })
        .bench_local_values(|()| index.borrow_mut().search(query, LIMIT));
}

#[divan::bench(consts = [0, 10_000, 100_000], args = QUERIES, sample_size = 1, sample_count = 50)]
fn typed<const N: usize>(bencher: Bencher, query: &str) {
    keystroke(bencher, N, query, &query[..query.len() - 1]);
}

/// Backspace: the query is shorter than the one before, so every text is scored again.
#[divan::bench(consts = [0, 10_000, 100_000], args = QUERIES, sample_size = 1, sample_count = 50)]
fn backspace<const N: usize>(bencher: Bencher, query: &str) {
    keystroke(bencher, N, query, &format!("{query}z"));
}

/// The key that completes an abbreviation, typed after the rest of it.
#[divan::bench(consts = [0, 10_000, 100_000], args = ABBREVIATIONS, sample_size = 1, sample_count = 50)]
fn abbreviation<const N: usize>(bencher: Bencher, query: &str) {
    keystroke(bencher, N, query, &query[..query.len() - 1]);
}

/// An abbreviation arriving whole (pasted, or the search reopened on it): nothing to narrow from.
#[divan::bench(consts = [0, 10_000, 100_000], args = ABBREVIATIONS, sample_size = 1, sample_count = 50)]
fn abbreviation_whole<const N: usize>(bencher: Bencher, query: &str) {
    keystroke(bencher, N, query, "");
}

/// What a keystroke costs the app's own thread with the search on its own thread: handing the
/// query over and taking whatever has arrived, without waiting (the screen waits at most 2 ms).
#[divan::bench(consts = [0, 10_000, 100_000], args = QUERIES, sample_size = 1, sample_count = 50)]
fn handoff<const N: usize>(bencher: Bencher, query: &str) {
    let background = RefCell::new(Background::start(Arc::new(common::bank(N))));
    let before = &query[..query.len() - 1];
    bencher
        .with_inputs(|| {
            let mut b = background.borrow_mut();
            b.wait();
            b.submit(before, LIMIT);
            b.wait();
        })
        .bench_local_values(|()| {
            let mut b = background.borrow_mut();
            b.submit(query, LIMIT);
            b.take(Duration::ZERO)
        });
}

/// From the key to its results on screen with the search thread: hand over, score, hand back.
#[divan::bench(consts = [0, 10_000, 100_000], args = QUERIES, sample_size = 1, sample_count = 50)]
fn results<const N: usize>(bencher: Bencher, query: &str) {
    let background = RefCell::new(Background::start(Arc::new(common::bank(N))));
    let before = &query[..query.len() - 1];
    bencher
        .with_inputs(|| {
            let mut b = background.borrow_mut();
            b.submit(before, LIMIT);
            b.wait();
        })
        .bench_local_values(|()| {
            let mut b = background.borrow_mut();
            b.submit(query, LIMIT);
            b.wait()
        });
}
