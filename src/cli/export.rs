//! `prep export`: attempts, scores, notes, mock reports and stories with their lint, as a Markdown
//! report, JSON or CSV, to standard output or (atomically, never over an existing file unless
//! `--force`) to a file.

use super::Cli;
use crate::bank::Bank;
use crate::export;
use clap::ValueEnum;
use std::fs::OpenOptions;
use std::io::Write;
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
    let Some(dir) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    let log = crate::storage::AttemptLog::new(&dir);
    let read = match log.read() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("prep: {e}");
            return ExitCode::from(1);
        }
    };
    for p in &read.problems {
        eprintln!(
            "{}:{}: {} (left out of the export)",
            log.path().display(),
            p.line,
            p.message
        );
    }
    let stories = crate::stories::load(&dir.join("stories"));
    for d in &stories.problems {
        eprintln!("{d} (left out of the export)");
    }
    let stories = Some(export::from_stories(bank, &stories));
    let doc = export::build(bank, &read.attempts, crate::tui::now_unix(), stories);
    let text = match args.format {
        ExportFormat::Md => export::export_markdown(bank, &doc),
        ExportFormat::Csv => export::attempts_csv(&doc.attempts),
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

/// Write `bytes` to `path` whole or not at all: a temporary file beside it, flushed to disk, then
/// moved into place. Without `force` an existing file is never replaced, even one created while
/// we were writing (the move is a hard link, which fails if the name is taken).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let shown = path.display();
    if !force && path.exists() {
        return Err(format!(
            "{shown} already exists; pass --force to replace it"
        ));
    }
    let name = path
        .file_name()
        .ok_or_else(|| format!("{shown} is not a file name"))?
        .to_string_lossy();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = dir.join(format!(".{name}.prep-{}.tmp", std::process::id()));
    let result = write_then_move(&tmp, path, bytes, force);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_then_move(tmp: &Path, path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    let shown = path.display();
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    drop(file);
    if force {
        std::fs::rename(tmp, path).map_err(|e| format!("cannot replace {shown}: {e}"))?;
    } else {
        match std::fs::hard_link(tmp, path) {
            Ok(()) => {
                let _ = std::fs::remove_file(tmp);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(format!(
                    "{shown} already exists; pass --force to replace it"
                ));
            }
            // A file system without hard links: check, then move (a narrow race, not data loss
            // of anything but a file that appeared in the last millisecond).
            Err(_) if !path.exists() => {
                std::fs::rename(tmp, path).map_err(|e| format!("cannot write {shown}: {e}"))?;
            }
            Err(e) => return Err(format!("cannot write {shown}: {e}")),
        }
    }
    // Make the new name itself durable.
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
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
        assert!(err.starts_with("cannot create"), "{err}");
    }
}
