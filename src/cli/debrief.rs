//! `prep debrief`: after a real interview, what was asked and how it went. Flags give the
//! answers; on a terminal, prep asks for any left out. `prep debrief list` shows them.

use super::output::print_json;
use super::{Cli, Format};
use prep_core::bank::Bank;
use prep_core::debrief::{self, Typed};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct DebriefArgs {
    #[command(subcommand)]
    pub command: Option<DebriefCommand>,
    /// The interview's day, like 2026-12-15 [default: today]
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub company: Option<String>,
    /// Which round: system design, behavioural, bar raiser, ...
    #[arg(long)]
    pub round: Option<String>,
    /// A question they asked, in your words (repeatable)
    #[arg(long = "question", value_name = "TEXT")]
    pub questions: Vec<String>,
    /// How the technical side went, 1 (badly) to 5 (very well)
    #[arg(long)]
    pub technical: Option<String>,
    /// How the people side went, 1 to 5
    #[arg(long)]
    pub people: Option<String>,
    /// What to fix before the next one
    #[arg(long)]
    pub fix: Option<String>,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum DebriefCommand {
    /// The debriefs saved so far
    List {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
}

/// Ask on the terminal for a value not given as a flag.
fn ask(question: &str) -> String {
    eprint!("{question}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    line.trim().to_string()
}

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, args: &DebriefArgs) -> ExitCode {
    let Some(dir) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    if let Some(DebriefCommand::List { format }) = &args.command {
        return list(w, &dir, *format);
    }
    let today = prep_core::days::date_of(prep_core::clock::now_unix());
    let tty = std::io::stdin().is_terminal();
    let mut typed = Typed {
        date: args.date.clone().unwrap_or(today),
        company: args.company.clone().unwrap_or_default(),
        round: args.round.clone().unwrap_or_default(),
        questions: args.questions.clone(),
        technical: args.technical.clone().unwrap_or_default(),
        people: args.people.clone().unwrap_or_default(),
        fix: args.fix.clone().unwrap_or_default(),
    };
    if tty {
        if args.company.is_none() {
            typed.company = ask("Company");
        }
        if args.round.is_none() {
            typed.round = ask("Round (system design, behavioural, ...)");
        }
        if args.questions.is_empty() {
            eprintln!("The questions they asked, one a line; an empty line ends the list.");
            loop {
                let q = ask("Question");
                if q.is_empty() {
                    break;
                }
                typed.questions.push(q);
            }
        }
        if args.technical.is_none() {
            typed.technical = ask("How did the technical side go, 1-5 (empty: skip)");
        }
        if args.people.is_none() {
            typed.people = ask("How did the people side go, 1-5 (empty: skip)");
        }
        if args.fix.is_none() {
            typed.fix = ask("What to fix before the next one");
        }
    }
    let bank_dir = (!cli.no_user_bank)
        .then(super::config_dir)
        .flatten()
        .map(|d| d.join("bank"));
    let now = prep_core::clock::now_unix();
    let salt = prep_core::rng::Rng::from_time().next_u64();
    match debrief::record(&dir, bank_dir.as_deref(), bank, &typed, now, salt) {
        Ok((d, notes)) => {
            outln!(w, "saved debrief {} ({} · {})", d.id, d.company, d.date);
            for n in notes {
                outln!(w, "  {n}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prep: {e}; nothing was saved");
            ExitCode::from(if tty { 1 } else { 2 })
        }
    }
}

fn list(w: &mut String, dir: &std::path::Path, format: Format) -> ExitCode {
    let all = match debrief::read(dir) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("prep: {e}");
            return ExitCode::from(1);
        }
    };
    if format == Format::Json {
        print_json(w, &serde_json::to_value(&all).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    if all.is_empty() {
        outln!(
            w,
            "no debriefs yet; `prep debrief` records one after a real interview"
        );
    }
    for d in &all {
        let r = |v: Option<u8>| v.map_or("–".to_string(), |n| format!("{n}/5"));
        outln!(
            w,
            "{}  {} · {} · technical {} · people {}",
            d.date,
            d.company,
            if d.round.is_empty() {
                "round not given"
            } else {
                &d.round
            },
            r(d.technical),
            r(d.people)
        );
        for q in &d.questions {
            let id = q.question.as_deref().unwrap_or("not in the bank");
            let draft = if q.draft { " (draft)" } else { "" };
            outln!(w, "    {}  [{id}{draft}]", q.text);
        }
        if !d.fix.is_empty() {
            outln!(w, "    to fix: {}", d.fix);
        }
    }
    ExitCode::SUCCESS
}
