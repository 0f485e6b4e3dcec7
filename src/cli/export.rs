//! `prep export`: attempts, scores, notes, mock reports and stories with their lint, as a Markdown
//! report, JSON or CSV, to standard output or (atomically, never over an existing file unless
//! `--force`) to a file.

use super::Cli;
use clap::ValueEnum;
use prep_core::bank::Bank;
use prep_core::export;
use prep_core::storage::{self, Replace, StorageError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A readable report to print before the interview
    Md,
    /// Everything, for scripts; reads back into prep's own types
    Json,
    /// One row per attempt, for a spreadsheet
    Csv,
}

#[derive(clap::Args, Debug, Clone)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output (refuses to replace an existing file)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace FILE if it already exists
    #[arg(long, requires = "out")]
    pub force: bool,
}

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, args: &ExportArgs) -> ExitCode {
    let (dir, read) = match super::read_log(cli, " (left out of the export)") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let stories = prep_core::stories::load(&dir.join("stories"));
    for d in &stories.problems {
        eprintln!("{d} (left out of the export)");
    }
    let stories = Some(export::from_stories(bank, &stories));
    let mut doc = export::build(bank, &read.attempts, prep_core::clock::now_unix(), stories);
    match prep_core::debrief::read(&dir) {
        Ok(d) if !d.is_empty() => doc.debriefs = Some(d),
        Ok(_) => {}
        Err(e) => eprintln!("prep: {e} (left out of the export)"),
    }
    let text = match args.format {
        ExportFormat::Md => {
            let debriefs = doc.debriefs.as_deref().unwrap_or_default();
            export::export_markdown(bank, &doc) + &prep_core::debrief::markdown(debriefs)
        }
        ExportFormat::Csv => export::attempts_csv(bank, &doc.attempts),
        ExportFormat::Json => match export::to_json(&doc) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("prep: cannot write JSON: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let Some(out) = &args.out else {
        w.push_str(&text);
        return ExitCode::SUCCESS;
    };
    match write_atomic(out, text.as_bytes(), args.force) {
        Ok(()) => {
            eprintln!(
                "prep: wrote {} attempt(s) and {} mock report(s) to {}",
                doc.attempts.len(),
                doc.mocks.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prep: {e}");
            ExitCode::from(1)
        }
    }
}

/// Write `bytes` to `path` whole or not at all (see [`storage::write_atomic`]); without `force` an
/// existing file is never replaced, even one created while we were writing.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let replace = if force {
        Replace::Allow
    } else {
        Replace::Never
    };
    storage::write_atomic(path, bytes, replace).map_err(|e| match e {
        StorageError::Exists { .. } => format!(
            "{} already exists; pass --force to replace it",
            path.display()
        ),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_never_replaces_one_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.md");
        write_atomic(&out, b"first", false).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"first");
        let err = write_atomic(&out, b"second", false).unwrap_err();
        assert!(
            err.ends_with("already exists; pass --force to replace it"),
            "{err}"
        );
        assert_eq!(std::fs::read(&out).unwrap(), b"first", "kept as it was");
        write_atomic(&out, b"second", true).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left behind");
        let err = write_atomic(&dir.path().join("no/such/dir.md"), b"x", false).unwrap_err();
        assert!(
            err.contains("no/such") && err.contains("does not exist"),
            "{err}"
        );
    }
}
