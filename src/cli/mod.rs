//! The command line: argument parsing and one thin function per command over the core.

/// `writeln!` into a `String` buffer (which cannot fail).
macro_rules! outln {
    ($w:expr) => {{
        $w.push('\n');
    }};
    ($w:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($w, $($arg)*);
    }};
}

mod args;
mod bank_init;
mod completions;
mod config;
mod debrief;
#[cfg(feature = "test-hooks")]
mod debug;
mod doctor;
mod entry;
mod export;
mod history;
mod interview;
mod list;
mod loops;
mod mock;
mod output;
mod paths;
mod plan;
mod recordings;
mod review;
mod show;
mod stats;
mod stats_delivery;
mod stories;
mod sync;
mod validate;

pub use args::{FilterArgs, Format};
use args::{parse_role, parse_time};
use clap::{Parser, Subcommand};
pub(crate) use paths::read_log;
pub use paths::{config_dir, data_dir, sources};
use prep_core::bank::{self, Bank, Filter, Role};
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) use entry::emit;
pub use entry::main;
pub use output::Out;

#[derive(Parser, Debug)]
#[command(
    name = "prep",
    version,
    about = "Practise tech-lead, staff, EM and leadership interviews in the terminal"
)]
#[command(after_help = "Run `prep` with no command to open the interactive app.")]
pub struct Cli {
    /// Extra bank folder to merge with the built-in one (repeatable)
    #[arg(long = "bank", value_name = "DIR", global = true)]
    pub banks: Vec<PathBuf>,
    /// Do not load the user bank from the config folder
    #[arg(long, global = true)]
    pub no_user_bank: bool,
    /// Where attempts and stories live [default: the platform data folder; env PREP_DATA_DIR]
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List questions, optionally filtered
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Show one question (or guide) in full
    Show {
        /// Question or guide id
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
        /// Show the part for this role: its bar, its check in the rubric, its time
        #[arg(long, value_parser = parse_role)]
        role: Option<Role>,
    },
    /// Fuzzy-search prompts, ids, tags, probes and guides
    Search {
        /// What to look for (several words are joined)
        #[arg(required = true)]
        query: Vec<String>,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Start a timed drill straight away (random order over the filter)
    Drill {
        #[command(flatten)]
        filter: FilterArgs,
        /// How many questions
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// Time limit for every question, like 60s or 2m [default: each question's own]
        #[arg(long, value_parser = parse_time)]
        time: Option<u32>,
        /// Drill what is due for review, most overdue first (practice order when nothing is)
        #[arg(long)]
        due: bool,
    },
    /// What is due for review now, and what comes due next
    Review {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Practice figures: per section, trend, calendar, overtime
    Stats {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// A timed mock loop graded at the end, or a saved mock's report (--report)
    Mock(mock::MockArgs),
    /// Interviewer mode: a peer asks and grades live, then you grade the same answer blind
    Interview(interview::InterviewArgs),
    /// Everything you practised as a Markdown report, JSON or CSV
    Export(export::ExportArgs),
    /// Your STAR stories: list, new, edit, lint, coverage
    Stories {
        #[command(subcommand)]
        command: stories::StoriesCommand,
    },
    /// After a real interview: what they asked and how it went (feeds the plan); `list` shows them
    Debrief(debrief::DebriefArgs),
    /// Your plan to the interview day: `prep plan set --date ... --role ...`, then `prep plan`
    Plan(plan::PlanArgs),
    /// Sync the data folder between machines through git: `prep sync init --remote URL`, then `prep sync`
    Sync(sync::SyncArgs),
    /// Check bank folders or files and report every problem as file:line:column
    Validate {
        /// Bank folders or single files [default: the bank prep would load]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
        /// Fail on warnings too (a question without levels or an example, a misspelt tag)
        #[arg(long)]
        strict: bool,
    },
    /// Where prep's settings file is and what it holds
    Config {
        #[command(subcommand)]
        command: config::ConfigCommand,
    },
    /// Every attempt at one question: when, the score per axis, the time and your notes
    History {
        /// Question id
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
        /// Delete this attempt (its id as `prep history ID` prints it); the log keeps a record
        #[arg(long, value_name = "ATTEMPT_ID")]
        delete: Option<String>,
    },
    /// Print a completion script for your shell (see the README for where it goes)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print prep's man page (roff): `prep man > ~/.local/share/man/man1/prep.1`
    Man,
    /// Start your own bank from the built-in one (`prep bank init DIR`)
    Bank {
        #[command(subcommand)]
        command: bank_init::BankCommand,
    },
    /// Recordings of your answers: list, play, transcribe, prune
    Recordings {
        #[command(subcommand)]
        command: recordings::RecordingsCommand,
    },
    /// What prep would use here and why: recorder, player, transcriber, paths, terminal
    Doctor {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    #[cfg(feature = "test-hooks")]
    /// Hooks for tests (hidden; see src/cli/debug.rs)
    #[command(hide = true)]
    Debug {
        #[command(subcommand)]
        command: debug::DebugCommand,
    },
}

/// Load the bank, or print every problem and say how to find them again.
pub fn load_bank(cli: &Cli) -> Result<Bank, ExitCode> {
    bank::load(&sources(cli)).map_err(|diags| {
        for d in &diags.0 {
            eprintln!("{d}");
        }
        eprintln!(
            "prep: the bank has {} problem(s); fix them and run `prep validate` to check",
            diags.0.len()
        );
        ExitCode::from(1)
    })
}

/// Run a parsed command line. `None` means: open the interactive app.
pub fn run(cli: &Cli) -> ExitCode {
    // Commands print in the palette the settings choose (their problems: `prep config show`).
    let out = Out::detect_for(settings().1.config.theme);
    let Some(command) = &cli.command else {
        return match load_bank(cli) {
            Ok(bank) => tui_main(cli, bank, None),
            Err(code) => code,
        };
    };
    let mut w = String::new();
    let code = match command {
        Command::Validate {
            paths,
            format,
            strict,
        } => validate::run(&mut w, cli, paths, *format, *strict),
        Command::Config { command } => config::run(&mut w, cli, command),
        Command::Completions { shell } => completions::completions(&mut w, *shell),
        Command::Man => completions::man(&mut w),
        Command::Bank { command } => bank_init::run(command),
        Command::Sync(args) => sync::run(&mut w, cli, args),
        Command::Recordings { command } => recordings::run(&mut w, cli, command),
        Command::Doctor { format } => doctor::run(&mut w, cli, *format),
        #[cfg(feature = "test-hooks")]
        Command::Debug { command } => debug::run(cli, command),
        _ => match load_bank(cli) {
            Err(code) => code,
            Ok(bank) => match command {
                Command::List { filter, format } => {
                    list::list(&mut w, &bank, &filter.to_filter(), *format, &out)
                }
                Command::Show { id, format, role } => {
                    show::show(&mut w, &bank, (id, *role), *format, &out)
                }
                Command::Search {
                    query,
                    limit,
                    format,
                } => list::search(&mut w, &bank, &query.join(" "), *limit, *format, &out),
                Command::Drill {
                    filter,
                    count,
                    time,
                    due,
                } => {
                    let plan = DrillPlan {
                        filter: filter.to_filter(),
                        count: *count,
                        time: *time,
                        due: *due,
                    };
                    return tui_main(cli, bank, Some(plan));
                }
                Command::Stats { format } => stats::run(&mut w, cli, &bank, *format, &out),
                Command::Mock(args) => mock::run(&mut w, cli, bank, args, &out),
                Command::Interview(args) => match interview::launch(&bank, args) {
                    Ok(launch) => return launch_tui(cli, bank, launch),
                    Err(code) => code,
                },
                Command::Export(args) => export::run(&mut w, cli, &bank, args),
                Command::Stories { command } => stories::run(&mut w, cli, &bank, command, &out),
                Command::Review { format } => review::run(&mut w, cli, &bank, *format, &out),
                Command::History { id, format, delete } => match delete {
                    Some(d) => history::delete(&mut w, cli, id, d),
                    None => history::run(&mut w, cli, &bank, id, *format),
                },
                Command::Plan(args) => plan::run(&mut w, cli, &bank, args),
                Command::Debrief(args) => debrief::run(&mut w, cli, &bank, args),
                // Answered above, before the bank is loaded.
                _ => ExitCode::SUCCESS,
            },
        },
    };
    match emit(&w, out.color) {
        Ok(()) => code,
        Err(failed) => failed,
    }
}

/// What `prep drill` asked for.
struct DrillPlan {
    filter: Filter,
    count: usize,
    time: Option<u32>,
    /// `--due`: what is due, most overdue first, instead of a random pick.
    due: bool,
}

fn tui_main(cli: &Cli, bank: Bank, plan: Option<DrillPlan>) -> ExitCode {
    use crate::tui::Launch;
    let launch = match plan {
        None => Launch::Home,
        Some(p) => {
            if let Some(s) = &p.filter.section
                && bank.section(s).is_none()
            {
                eprintln!("prep: no section `{s}`; `prep list` shows them");
                return ExitCode::from(1);
            }
            if bank.filter(&p.filter).next().is_none() {
                eprintln!(
                    "prep: no question matches that filter; `prep list` with the same options shows what there is"
                );
                return ExitCode::from(1);
            }
            let (filter, count, time) = (p.filter, p.count, p.time);
            if p.due {
                Launch::Due {
                    filter,
                    count,
                    time,
                }
            } else {
                Launch::Drill {
                    filter,
                    count,
                    time,
                }
            }
        }
    };
    launch_tui(cli, bank, launch)
}

/// The settings file and what reading it gave, read once per run.
fn settings() -> &'static (PathBuf, prep_core::config::Loaded) {
    static SETTINGS: std::sync::OnceLock<(PathBuf, prep_core::config::Loaded)> =
        std::sync::OnceLock::new();
    SETTINGS.get_or_init(|| {
        let file = prep_core::config::default_path().unwrap_or_else(|| "config.toml".into());
        let loaded = prep_core::config::load(&file);
        (file, loaded)
    })
}

/// Open the interactive app: the one way in.
fn launch_tui(cli: &Cli, bank: Bank, launch: crate::tui::Launch) -> ExitCode {
    let (file, loaded) = settings();
    let loops = match loops::load(cli, &bank) {
        Ok(loops) => loops,
        Err(code) => return code,
    };
    let (data, file, loaded) = (data_dir(cli), file.clone(), loaded.clone());
    crate::tui::run(launch, bank, data, file, loaded, loops)
}
