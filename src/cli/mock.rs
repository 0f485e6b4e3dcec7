//! `prep mock`: start a mock loop straight away (the picker, or a loop by id), or print the report of
//! a saved one (`--report [ID]`, the latest by default) as text or JSON.

use super::output::print_json;
use super::{Cli, Format, Out};
use prep_core::bank::Bank;
use prep_core::mock::{self, Preset};
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct MockArgs {
    /// A role's loop: tech-lead, staff, em or director (the same as --loop with that id)
    #[arg(long, value_parser = parse_preset, conflicts_with = "loop_id")]
    pub preset: Option<Preset>,
    /// Which loop, by id: a role (tech-lead, staff, em, director), a company-style loop (amazon,
    /// google, meta, startup-cto) or one of your own loops.yaml [default: choose in the app]
    #[arg(long = "loop", value_name = "NAME")]
    pub loop_id: Option<String>,
    /// Time limit for every question, like 60s or 2m [default: each question's own]
    #[arg(long, value_parser = super::parse_time)]
    pub time: Option<u32>,
    /// Print a saved mock's report instead: the latest, or the one with this id
    #[arg(
        long,
        value_name = "ID",
        num_args = 0..=1,
        default_missing_value = "",
        conflicts_with_all = ["preset", "loop_id", "time"]
    )]
    pub report: Option<String>,
    /// Output of --report
    #[arg(long, value_enum, default_value_t = Format::Plain, requires = "report")]
    pub format: Format,
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| format!("expected one of {}", mock::expected_presets()))
}

pub fn run(w: &mut String, cli: &Cli, bank: Bank, args: &MockArgs, out: &Out) -> ExitCode {
    match &args.report {
        Some(id) => report(w, cli, &bank, id, args.format, out),
        None => start(cli, bank, args),
    }
}

fn report(w: &mut String, cli: &Cli, bank: &Bank, id: &str, format: Format, out: &Out) -> ExitCode {
    let (_, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let ids = mock::mock_ids(&read.attempts);
    let id = if id.is_empty() {
        match ids.first() {
            Some(latest) => latest.as_str(),
            None => {
                eprintln!("prep: no mock loop saved yet; `prep mock` starts one");
                return ExitCode::from(1);
            }
        }
    } else {
        id
    };
    let Some(r) = mock::report(bank, &read.attempts, id) else {
        let known = if ids.is_empty() {
            "none saved yet".to_string()
        } else {
            ids.join(", ")
        };
        eprintln!("prep: no mock `{id}` in the log (saved mocks, latest first: {known})");
        return ExitCode::from(1);
    };
    match format {
        Format::Json => print_json(w, &serde_json::to_value(&r).unwrap_or_default()),
        Format::Plain => {
            let md = mock::report_markdown(bank, &r, 1);
            out.print_text(w, &crate::markdown::render(&md, out.width, out.theme()));
        }
    }
    ExitCode::SUCCESS
}

fn start(cli: &Cli, bank: Bank, args: &MockArgs) -> ExitCode {
    let loops = match super::loops::load(cli, &bank) {
        Ok(loops) => loops,
        Err(code) => return code,
    };
    let loop_id = args
        .loop_id
        .clone()
        .or_else(|| args.preset.map(|p| p.as_str().to_string()));
    if let Some(id) = &loop_id
        && prep_core::loops::find(&loops, id).is_none()
    {
        eprintln!(
            "prep: no loop `{id}`; the loops are: {}",
            prep_core::loops::ids(&loops)
        );
        return ExitCode::from(2);
    }
    let launch = crate::tui::Launch::Mock {
        loop_id,
        time: args.time,
    };
    super::launch_tui(cli, bank, launch)
}
