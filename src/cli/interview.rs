//! `prep interview [ID | --loop L] [--peer NAME]`: interviewer mode, for practising with a peer.
//! One question by id, a mock loop's questions in order, or (with neither) a random pick.

use prep_core::bank::Bank;
use prep_core::mock::{self, Preset};
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct InterviewArgs {
    /// The question to ask (its id, as `prep list` shows) [default: a random one]
    pub id: Option<String>,
    /// Ask a mock loop's questions in order: tech-lead, staff, em or director
    #[arg(long = "loop", value_name = "L", value_parser = parse_preset, conflicts_with = "id")]
    pub loop_: Option<Preset>,
    /// The name of the person asking, kept with their grade
    #[arg(long, value_name = "NAME")]
    pub peer: Option<String>,
    /// Time limit for every question, like 60s or 2m [default: each question's own]
    #[arg(long, value_parser = super::parse_time)]
    pub time: Option<u32>,
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| format!("expected one of {}", mock::expected_presets()))
}

/// Where the app opens, or the exit code after a message.
pub fn launch(bank: &Bank, args: &InterviewArgs) -> Result<crate::tui::Launch, ExitCode> {
    let seed = prep_core::rng::Rng::from_time().next_u64();
    let queue = match (&args.id, args.loop_) {
        (Some(id), _) => match bank.question_index(id) {
            Some(i) => vec![i],
            None => {
                eprintln!("prep: no question `{id}`; `prep list` shows the ids");
                return Err(ExitCode::from(1));
            }
        },
        (None, Some(preset)) => mock::plan(bank, preset, seed),
        (None, None) => {
            let mut rng = prep_core::rng::Rng::new(seed);
            prep_core::practice::shuffled(bank, &Default::default(), &mut rng)
        }
    };
    if queue.is_empty() {
        eprintln!("prep: the bank has no questions to ask");
        return Err(ExitCode::from(1));
    }
    let peer = args
        .peer
        .as_ref()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    Ok(crate::tui::Launch::Interview {
        queue,
        peer,
        time: args.time,
    })
}
