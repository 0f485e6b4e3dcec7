//! One keystroke's search over the built-in bank plus 10k and 100k synthetic questions, as the
//! search screen runs it: the query as it stands after the key, up to 200 hits. The index is built
//! outside the timed part, as the app builds it once at start, and the search for the query
//! before the key runs untimed first (the index narrows from it).

mod common;

use divan::Bencher;
use prep::search::SearchIndex;
use std::cell::RefCell;

fn main() {
    divan::main();
}

/// What the search screen asks for per keystroke.
const LIMIT: usize = 200;

/// Typing "cache replica": the first key matches almost everything (most hits to rank); later keys
/// score a longer pattern over fewer texts.
const QUERIES: &[&str] = &["c", "cach", "cache r", "cache replica"];

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
