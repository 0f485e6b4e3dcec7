//! `prep plan`: the plan to the interview day by day (text or JSON); `prep plan set` writes
//! `<data dir>/plan.yaml`; `prep plan tick ID` ticks a final-week checklist item.

use super::output::print_json;
use super::{Cli, Format};
use prep_core::bank::{Bank, Role};
use prep_core::plan::{self, PlanFile, Status, file};
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub command: Option<PlanCommand>,
    #[arg(long, value_enum, default_value_t = Format::Plain)]
    pub format: Format,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum PlanCommand {
    /// Set the interview date, role, loop and daily minutes
    Set {
        /// The interview day, like 2026-12-15
        #[arg(long, value_parser = parse_date)]
        date: i64,
        #[arg(long, value_parser = super::parse_role)]
        role: Role,
        /// The loop to prepare for [default: the role's own loop]
        #[arg(long = "loop", value_name = "NAME")]
        loop_id: Option<String>,
        /// Minutes a day to spend
        #[arg(long, default_value_t = 45, value_parser = clap::value_parser!(u32).range(5..=600))]
        minutes: u32,
    },
    /// Tick (or untick, if ticked) a final-week checklist item by its id
    Tick { id: String },
}

fn parse_date(s: &str) -> Result<i64, String> {
    file::parse_date(s).ok_or_else(|| "write the date like 2026-12-15".into())
}

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, args: &PlanArgs) -> ExitCode {
    let Some(dir) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    let loops = match super::loops::load(cli, bank) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let today = prep_core::days::day_of(prep_core::clock::now_unix());
    let current = match file::read(&dir) {
        Ok(p) => p,
        Err(d) => {
            eprintln!("{d}");
            eprintln!(
                "prep: the plan file is kept as it is; fix it or remove it, then run `prep plan` again"
            );
            return ExitCode::from(1);
        }
    };
    match &args.command {
        Some(PlanCommand::Set {
            date,
            role,
            loop_id,
            minutes,
        }) => {
            let id = loop_id.clone().unwrap_or_else(|| role.as_str().to_string());
            if prep_core::loops::find(&loops, &id).is_none() {
                eprintln!(
                    "prep: no loop `{id}`; the loops are: {}",
                    prep_core::loops::ids(&loops)
                );
                return ExitCode::from(2);
            }
            if *date < today {
                eprintln!(
                    "prep: {} is in the past; the plan needs a day from today on",
                    prep_core::days::date_string(*date)
                );
                return ExitCode::from(2);
            }
            let p = PlanFile {
                date: *date,
                role: *role,
                loop_id: loop_id.clone(),
                minutes: *minutes,
                set_on: today,
                ticked: current.map(|c| c.ticked).unwrap_or_default(),
            };
            if let Err(e) = file::write(&dir, &p) {
                eprintln!("prep: {e}");
                return ExitCode::from(1);
            }
            eprintln!("prep: plan saved to {}", file::path(&dir).display());
            show(w, cli, bank, &loops, &p, today, args.format)
        }
        Some(PlanCommand::Tick { id }) => {
            let Some(mut p) = current else {
                eprintln!(
                    "prep: no plan yet; `prep plan set --date YYYY-MM-DD --role ROLE` makes one"
                );
                return ExitCode::from(1);
            };
            let items = plan::checklist::items(bank);
            let Some(item) = items.iter().find(|i| i.id == *id) else {
                let known: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
                eprintln!(
                    "prep: no checklist item `{id}`; the items are: {}",
                    known.join(", ")
                );
                return ExitCode::from(2);
            };
            let ticked = toggle(&mut p, &item.id);
            if let Err(e) = file::write(&dir, &p) {
                eprintln!("prep: {e}");
                return ExitCode::from(1);
            }
            let what = if ticked { "ticked" } else { "unticked" };
            outln!(w, "{what}: {}", item.text);
            ExitCode::SUCCESS
        }
        None => match current {
            None => {
                eprintln!(
                    "prep: no plan yet; `prep plan set --date YYYY-MM-DD --role ROLE [--loop NAME] [--minutes 45]` makes one"
                );
                ExitCode::from(1)
            }
            Some(p) => show(w, cli, bank, &loops, &p, today, args.format),
        },
    }
}

/// Tick `id`, or untick it when it was ticked; true when it is ticked now.
pub fn toggle(p: &mut PlanFile, id: &str) -> bool {
    if let Some(i) = p.ticked.iter().position(|t| t == id) {
        p.ticked.remove(i);
        false
    } else {
        p.ticked.push(id.to_string());
        true
    }
}

fn show(
    w: &mut String,
    cli: &Cli,
    bank: &Bank,
    loops: &[prep_core::bank::Loop],
    p: &PlanFile,
    today: i64,
    format: Format,
) -> ExitCode {
    let (dir, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let stories = prep_core::stories::load(&dir.join("stories"));
    let fix = prep_core::debrief::fix_list_in(&dir, &read.attempts);
    let world = plan::World {
        bank,
        loops,
        attempts: &read.attempts,
        stories: &stories.stories,
        fix: &fix,
    };
    let plan = match plan::for_day(p, &world, today, prep_core::days::Zone::local()) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("prep: {e}");
            return ExitCode::from(1);
        }
    };
    if format == Format::Json {
        print_json(w, &serde_json::to_value(&plan).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    outln!(w, "{}", plan.headline());
    outln!(
        w,
        "{} on {} · {} minutes a day",
        plan.loop_title,
        plan.date,
        plan.minutes
    );
    let parts: Vec<String> = plan
        .parts
        .iter()
        .map(|(n, d, want)| format!("{n} {d}/{want}"))
        .collect();
    outln!(w, "Parts covered: {}", parts.join(" · "));
    let open = if plan.open_themes.is_empty() {
        "every theme of the loop has one".to_string()
    } else {
        format!("no story yet on {}", plan.open_themes.join(", "))
    };
    outln!(w, "Stories: {} ({open})", plan.stories);
    for (title, n) in &plan.loop_stories.overused {
        outln!(
            w,
            "Warning: \"{title}\" is your answer to {n} questions this loop may ask; the panel compares notes, so give some of them another story"
        );
    }
    if !plan.unplaced.is_empty() {
        outln!(
            w,
            "Does not fit in {} minutes a day before the date: {}",
            plan.minutes,
            plan.unplaced.join(", ")
        );
    }
    outln!(w);
    for d in &plan.days {
        let status = match d.status {
            Status::Done => format!("done    {} answer(s)", d.practised),
            Status::Missed => "missed  (its work moved on)".into(),
            Status::Due => "today".into(),
            Status::Ahead => "ahead".into(),
            Status::Interview => "the interview".into(),
        };
        outln!(w, "{}  {status}", d.date);
        for t in &d.tasks {
            let mark = if t.done { "[x]" } else { "[ ]" };
            outln!(w, "    {mark} {} ({}m)", t.label(), t.minutes);
        }
    }
    ExitCode::SUCCESS
}
