//! Loading the mock loops for a command: the built-in ones, then each bank folder's `loops.yaml`.

use super::Cli;
use prep_core::bank::{Bank, Loop};
use std::process::ExitCode;

/// The loops, or every problem printed (with how to find them again) and exit 1.
pub(crate) fn load(cli: &Cli, bank: &Bank) -> Result<Vec<Loop>, ExitCode> {
    prep_core::loops::load(&super::sources(cli), bank).map_err(|diags| {
        for d in &diags.0 {
            eprintln!("{d}");
        }
        eprintln!(
            "prep: the loops have {} problem(s); fix them and run `prep validate` to check",
            diags.0.len()
        );
        ExitCode::from(1)
    })
}
