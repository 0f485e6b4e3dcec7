//! `prep debug ...`: hidden commands for tests, not for users (absent from `--help` and the
//! README). `prep debug append-sample` drives the attempt log's real save path without the TUI, so
//! tests/durability.rs can kill it at random moments, run two at once, or run it on a full disk.

use super::Cli;
use clap::Subcommand;
use prep_core::storage::{AttemptLog, SCHEMA_VERSION};
use std::io::Write;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum DebugCommand {
    /// Append sample records to the attempt log; print each one's id once it is on disk
    AppendSample {
        /// How many records
        #[arg(long, default_value_t = 1)]
        count: u64,
        /// Bytes of filler in each record's notes (big records can be torn by a kill)
        #[arg(long, default_value_t = 0)]
        size: usize,
        /// Prefix of the ids [default: this process's id]
        #[arg(long)]
        tag: Option<String>,
    },
}

pub fn run(cli: &Cli, command: &DebugCommand) -> ExitCode {
    let DebugCommand::AppendSample { count, size, tag } = command;
    let Some(dir) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    let log = AttemptLog::new(&dir);
    let tag = tag
        .clone()
        .unwrap_or_else(|| std::process::id().to_string());
    let filler = "x".repeat(*size);
    let mut stdout = std::io::stdout().lock();
    for i in 0..*count {
        let id = format!("{tag}-{i}");
        // Built through serde so fields added to `Attempt` later (all optional) take defaults.
        let record = serde_json::json!({
            "schema": SCHEMA_VERSION,
            "at": prep_core::clock::now_unix(),
            "question": "debug-sample",
            "section": "debug",
            "kind": "behavioral",
            "time_limit": 90,
            "spoken": 60,
            "overtime": 0,
            "checked": [],
            "items": 1,
            "score": 0.0,
            "technical": null,
            "people": null,
            "notes": format!("{id} {filler}"),
        });
        let attempt = match serde_json::from_value(record) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("prep: cannot build a sample record: {e}");
                return ExitCode::from(1);
            }
        };
        if let Err(e) = log.append(&attempt) {
            eprintln!("prep: not saved: {e}");
            return ExitCode::from(1);
        }
        // Only now, with the record on disk, may anyone be told it was saved.
        if writeln!(stdout, "{id}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::SUCCESS;
        }
    }
    ExitCode::SUCCESS
}
