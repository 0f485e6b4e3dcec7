//! Where prep looks: the config folder, the data folder, the bank sources a command loads, and
//! reading the attempt log.

use super::Cli;
use prep_core::bank::{self, BankSource};
use std::path::PathBuf;
use std::process::ExitCode;

/// Config folder (user bank lives in `bank/` inside it); `PREP_CONFIG_DIR` overrides.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PREP_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "prep").map(|d| d.config_dir().to_path_buf())
}

/// Data folder: `--data-dir`, else `PREP_DATA_DIR`, else the platform's data folder.
pub fn data_dir(cli: &Cli) -> Option<PathBuf> {
    cli.data_dir
        .clone()
        .or_else(|| std::env::var_os("PREP_DATA_DIR").map(PathBuf::from))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "prep").map(|d| d.data_dir().to_path_buf())
        })
}

/// The sources prep reads, in merge order: built-in, the user bank (if present), `--bank` folders.
pub fn sources(cli: &Cli) -> Vec<BankSource> {
    let mut sources = vec![BankSource::Builtin];
    if !cli.no_user_bank
        && let Some(dir) = config_dir()
            .map(|d| d.join("bank"))
            .filter(|d| d.is_dir() && !bank::holds_nothing(d))
    {
        sources.push(BankSource::Dir(dir));
    }
    sources.extend(cli.banks.iter().map(|b| BankSource::Dir(b.clone())));
    sources
}

/// Read the attempt log of the data folder, printing each unreadable line (with `note` after it)
/// to stderr. `Err` carries the exit code after a message, when there is no folder or no reading.
pub(crate) fn read_log(
    cli: &Cli,
    note: &str,
) -> Result<(PathBuf, prep_core::storage::LogRead), ExitCode> {
    let Some(dir) = data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return Err(ExitCode::from(1));
    };
    let log = prep_core::storage::AttemptLog::new(&dir);
    let read = log.read().map_err(|e| {
        eprintln!("prep: {e}");
        ExitCode::from(1)
    })?;
    for p in &read.problems {
        eprintln!("{}:{}: {}{note}", log.path().display(), p.line, p.message);
    }
    Ok((dir, read))
}
