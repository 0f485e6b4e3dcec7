//! Write a synthetic bank of N questions with realistic field lengths, for timing and benchmarks.
//!
//! `cargo run --release --example genbank -- 10000 /tmp/bank10k`
//! then `prep validate /tmp/bank10k` or `prep --bank /tmp/bank10k list`.
//! The same generator feeds the benchmarks (`benches/`), from memory.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| format!("/tmp/prep-bank-{count}")),
    );
    match prep_core::synth::write_dir(count, &out) {
        Ok(()) => {
            println!("wrote {count} questions to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("genbank: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
