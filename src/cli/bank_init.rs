//! `prep bank init DIR`: the built-in bank written out as files to start one's own from.

use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum BankCommand {
    /// Write the built-in bank into DIR as a whole bank to edit: loaded with `--bank DIR` (or
    /// from the config folder's `bank/`), it takes the built-in bank's place, so no id clashes
    Init {
        /// A new or empty folder
        dir: PathBuf,
    },
}

pub fn run(command: &BankCommand) -> ExitCode {
    match command {
        BankCommand::Init { dir } => init(dir),
    }
}

fn init(dir: &Path) -> ExitCode {
    let bank = prep_core::bank::load_builtin();
    match prep_core::bank_files::write_bank(&bank, dir) {
        Ok(n) => {
            let user = super::config_dir().map(|d| d.join("bank"));
            eprintln!(
                "prep: wrote {n} files ({} questions) to {}; it replaces the built-in bank wherever it is loaded: `prep --bank {}`{}",
                bank.questions.len(),
                dir.display(),
                dir.display(),
                user.map(|u| format!(", or move it to {} to use it always", u.display()))
                    .unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prep: {e}");
            ExitCode::from(1)
        }
    }
}
