//! `prep history ID`: every attempt at one question, newest first, as text or JSON.

use super::output::print_json;
use super::{Cli, Format};
use prep_core::bank::Bank;
use prep_core::days::Zone;
use prep_core::history;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, id: &str, format: Format) -> ExitCode {
    if bank.question(id).is_none() {
        eprintln!("prep: no question `{id}`; `prep list` or `prep search` finds its id");
        return ExitCode::from(1);
    }
    let (_, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    if format == Format::Json {
        print_json(w, &history::to_json(&read.attempts, id));
        return ExitCode::SUCCESS;
    }
    let mine = history::of(&read.attempts, id);
    if mine.is_empty() {
        outln!(
            w,
            "No attempts at {id} yet; `prep drill` and the app's `d` drill it."
        );
        return ExitCode::SUCCESS;
    }
    let zone = Zone::local();
    outln!(
        w,
        "{id}: {} attempts, newest first ({})",
        mine.len(),
        zone.name()
    );
    for a in mine {
        outln!(w);
        outln!(w, "{}", history::facts(bank, a, zone));
        outln!(w, "  id {}", a.id);
        outln!(w, "  {} of {} items ticked", a.checked.len(), a.items);
        for line in a.notes.lines().filter(|l| !l.trim().is_empty()) {
            outln!(w, "  | {line}");
        }
    }
    ExitCode::SUCCESS
}

/// `prep history ID --delete ATTEMPT_ID`: mark one attempt at `id` deleted.
pub fn delete(w: &mut String, cli: &Cli, id: &str, attempt: &str) -> ExitCode {
    let (dir, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let Some(a) = history::of(&read.attempts, id)
        .into_iter()
        .find(|a| a.id == attempt)
    else {
        eprintln!("prep: no attempt `{attempt}` at {id}; `prep history {id}` lists their ids");
        return ExitCode::from(1);
    };
    let log = prep_core::storage::AttemptLog::new(&dir);
    if let Err(e) = log.delete(&a.id, prep_core::clock::now_unix()) {
        eprintln!("prep: {e}");
        return ExitCode::from(1);
    }
    let when = Zone::local().date_time(a.at);
    outln!(
        w,
        "Deleted the attempt at {id} from {when} (score {:.0}); stats, review and history leave it out.",
        a.score
    );
    ExitCode::SUCCESS
}
