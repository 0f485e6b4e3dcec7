//! `prep completions SHELL` and `prep man`: shell completions and a man page, generated from the
//! same clap definition as `--help`, so they list exactly the commands and options prep has.

use clap::CommandFactory;
use std::process::ExitCode;

/// The completion script for `shell`, on stdout (the README says where each shell wants it).
pub fn completions(w: &mut String, shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = super::Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut cmd, "prep", &mut bytes);
    w.push_str(&String::from_utf8_lossy(&bytes));
    ExitCode::SUCCESS
}

/// The man page, in roff, on stdout: `prep man > prep.1`.
pub fn man(w: &mut String) -> ExitCode {
    let mut bytes = Vec::new();
    match clap_mangen::Man::new(super::Cli::command()).render(&mut bytes) {
        Ok(()) => {
            w.push_str(&String::from_utf8_lossy(&bytes));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prep: cannot write the man page: {e}");
            ExitCode::from(1)
        }
    }
}
