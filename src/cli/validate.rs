//! `prep validate [PATH...]`: every problem as `file:line:column: message`, exit 1; or a summary,
//! after any warnings (`file:line:column: warning: message`), which fail only with `--strict`.

use super::{Cli, Format};
use prep_core::bank::{self, Bank, BankSource, Diagnostics};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, paths: &[PathBuf], format: Format, strict: bool) -> ExitCode {
    let loop_files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| prep_core::loops::is_loops_file(p))
        .cloned()
        .collect();
    let bank_paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !prep_core::loops::is_loops_file(p))
        .cloned()
        .collect();
    let (what, result) = if paths.is_empty() {
        let sources = super::sources(cli);
        let result = bank::load(&sources).and_then(|b| {
            prep_core::loops::load(&sources, &b)?;
            Ok(b)
        });
        ("the bank prep loads".to_string(), result)
    } else {
        let shown: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        let result = if bank_paths.is_empty() {
            Ok(Bank::default())
        } else {
            bank::validate_paths(&bank_paths)
        };
        (
            shown.join(", "),
            with_loops(result, &bank_paths, &loop_files),
        )
    };
    let n =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    match (format, result) {
        (Format::Json, Ok(b)) => {
            let ok = !strict || b.warnings.is_empty();
            outln!(
                w,
                "{}",
                json!({"ok": ok, "problems": [], "warnings": b.warnings, "counts": counts(&b)})
            );
            exit(ok)
        }
        (Format::Json, Err(Diagnostics(d))) => {
            let text = json!({"ok": false, "problems": d}).to_string();
            outln!(w, "{}", prep_core::text::json_escape(&text));
            ExitCode::from(1)
        }
        (Format::Plain, Ok(b)) => {
            for warning in &b.warnings {
                eprintln!(
                    "{}:{}:{}: warning: {}",
                    warning.file, warning.line, warning.column, warning.message
                );
            }
            let warned = match b.warnings.len() {
                0 => String::new(),
                count if strict => format!("; {} (--strict)", n(count, "warning")),
                count => format!(
                    "; {} (`prep validate --strict` fails on them)",
                    n(count, "warning")
                ),
            };
            let loops = loops_in(&bank_paths, &loop_files);
            let loops = if loops > 0 {
                format!(", {}", n(loops, "loop"))
            } else {
                String::new()
            };
            let counts = counts_line(&n, &b, &what, paths, &loops);
            if strict && !b.warnings.is_empty() {
                eprintln!("{counts}{warned}");
                return ExitCode::from(1);
            }
            outln!(w, "ok: {counts}{warned}");
            ExitCode::SUCCESS
        }
        (Format::Plain, Err(Diagnostics(d))) => {
            for problem in &d {
                eprintln!("{problem}");
            }
            let mut files: Vec<_> = d.iter().map(|p| p.file.as_str()).collect();
            files.sort_unstable();
            files.dedup();
            let s = if d.len() == 1 { "" } else { "s" };
            let fs = if files.len() == 1 { "" } else { "s" };
            eprintln!("{} problem{s} in {} file{fs}", d.len(), files.len());
            ExitCode::from(1)
        }
    }
}

fn exit(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn counts_line(
    n: &dyn Fn(usize, &str) -> String,
    b: &Bank,
    what: &str,
    paths: &[PathBuf],
    loops: &str,
) -> String {
    // Say where the rubrics came from: a folder without rubrics.yaml is checked against the
    // built-in ones, which is not the same as having one of its own.
    let mine = b
        .rubrics
        .iter()
        .filter(|r| {
            paths.is_empty()
                || paths
                    .iter()
                    .any(|p| r.origin.file.starts_with(&*p.to_string_lossy()))
        })
        .count();
    let borrowed = b.rubrics.len() - mine;
    let rubrics = match (mine, borrowed) {
        (_, 0) => n(mine, "rubric"),
        (0, _) => format!("{} of the built-in bank", n(borrowed, "rubric")),
        _ => format!(
            "{} (and {borrowed} of the built-in bank)",
            n(mine, "rubric")
        ),
    };
    format!(
        "{} in {}, {rubrics}, {}{loops} ({what})",
        n(b.questions.len(), "question"),
        n(b.sections.len(), "section"),
        n(b.guides.len(), "guide")
    )
}

fn counts(b: &Bank) -> serde_json::Value {
    json!({"questions": b.questions.len(), "sections": b.sections.len(), "rubrics": b.rubrics.len(), "guides": b.guides.len()})
}

/// Add the problems of the loops in `dirs` (their `loops.yaml`) and `files`, checked against the
/// built-in bank with the checked folders on top (or the folders alone when they are `content/`).
fn with_loops(
    result: Result<Bank, Diagnostics>,
    dirs: &[PathBuf],
    files: &[PathBuf],
) -> Result<Bank, Diagnostics> {
    let mut sources: Vec<BankSource> = dirs
        .iter()
        .filter(|d| d.is_dir())
        .map(|d| BankSource::Dir(d.clone()))
        .collect();
    sources.extend(files.iter().map(|f| BankSource::File(f.clone())));
    let has_loops = sources.iter().any(|s| match s {
        BankSource::Dir(d) => prep_core::loops::file_in(d).is_file(),
        _ => true,
    });
    if !has_loops {
        return result;
    }
    let builtin_folder = dirs.iter().any(|d| {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        matches!((d.canonicalize(), content.canonicalize()), (Ok(a), Ok(b)) if a == b)
    });
    // The bank the loops run on: without it (the folders have problems) only the parsing is checked.
    let questions = if builtin_folder {
        bank::parse(&[BankSource::Dir(dirs[0].clone())]).ok()
    } else {
        let mut all = vec![BankSource::Builtin];
        all.extend(
            sources
                .iter()
                .filter(|s| matches!(s, BankSource::Dir(_)))
                .cloned(),
        );
        bank::load(&all).ok()
    }
    .unwrap_or_else(bank::load_builtin);
    let loops = prep_core::loops::load(&sources, &questions);
    match (result, loops) {
        (Ok(b), Ok(_)) => Ok(b),
        (Err(e), Ok(_)) => Err(e),
        (Ok(_), Err(l)) => Err(l),
        (Err(Diagnostics(mut d)), Err(Diagnostics(l))) => {
            d.extend(l);
            Err(Diagnostics(d))
        }
    }
}

/// How many loops the checked folders' `loops.yaml` and the loops files define.
fn loops_in(dirs: &[PathBuf], files: &[PathBuf]) -> usize {
    dirs.iter()
        .map(|d| prep_core::loops::file_in(d))
        .filter(|f| f.is_file())
        .chain(files.iter().cloned())
        .filter_map(|f| prep_core::loops::read(&f).ok())
        .map(|l| l.len())
        .sum()
}
