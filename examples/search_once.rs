//! One search over the built-in bank plus N generated questions, after the query before it (the
//! index narrows from it), for counting its instructions with callgrind:
//!
//! ```text
//! cargo build --release --example search_once   # with CARGO_PROFILE_RELEASE_STRIP=none
//! taskset -c 0 valgrind --tool=callgrind --toggle-collect='search_once::timed' \
//!     target/release/examples/search_once 10000 "cch rpl" "cch rplc"
//! ```
//!
//! `taskset -c 0` keeps the search on one thread, so the count is all of its work.
use prep_core::bank::{self, BankSource};
use prep_core::search::SearchIndex;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(before), Some(query)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
        args.get(2),
    ) else {
        eprintln!("usage: search_once QUESTIONS BEFORE QUERY   (BEFORE may be \"\")");
        return ExitCode::from(2);
    };
    let mut sources = vec![BankSource::Builtin];
    sources.extend(prep_core::synth::memory_sources(n));
    let bank = match bank::load(&sources) {
        Ok(bank) => bank,
        Err(e) => {
            eprintln!("the generated bank does not load:\n{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut index = SearchIndex::new(&bank);
    index.search(before, 200);
    let started = std::time::Instant::now();
    let hits = timed(&mut index, query);
    println!(
        "{query:?} after {before:?}: {hits} hits in {:?}",
        started.elapsed()
    );
    ExitCode::SUCCESS
}

/// The search being counted.
#[inline(never)]
fn timed(index: &mut SearchIndex, query: &str) -> usize {
    index.search(query, 200).len()
}
