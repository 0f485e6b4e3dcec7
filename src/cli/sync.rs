//! `prep sync init [--remote URL]` and `prep sync`: the data folder synced through git (see
//! `prep_core::sync` for how it stays conflict-free). git's own output is never shown.

use super::Cli;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub command: Option<SyncCommand>,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum SyncCommand {
    /// Make the data folder a git repository (or use the one there) and set its remote
    Init {
        /// Where to sync to: any git URL, or a path to a bare repository
        #[arg(long)]
        remote: Option<String>,
    },
}

pub fn run(w: &mut String, cli: &Cli, args: &SyncArgs) -> ExitCode {
    let Some(dir) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    match &args.command {
        Some(SyncCommand::Init { remote }) => {
            match prep_core::sync::init(&dir, remote.as_deref()) {
                Ok(said) => {
                    for s in said {
                        outln!(w, "{s}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("prep: {e}");
                    ExitCode::from(1)
                }
            }
        }
        None => {
            let device = std::env::var("HOSTNAME")
                .ok()
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| "this machine".into());
            match prep_core::sync::sync(&dir, &device) {
                Ok(r) => {
                    let mut parts = Vec::new();
                    parts.push(if r.committed {
                        "committed what was new"
                    } else {
                        "nothing new here"
                    });
                    if r.pulled {
                        parts.push("pulled the other machines' work");
                    }
                    if r.pushed {
                        parts.push("pushed");
                    }
                    outln!(w, "synced: {}", parts.join(", "));
                    for (file, n) in &r.deduped {
                        outln!(w, "{file}: {n} record(s) that arrived twice now count once");
                    }
                    for b in &r.both_kept {
                        outln!(w, "both kept: {b}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("prep: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
