//! `prep validate [PATH...]`: every problem as `file:line:column: message`, exit 1; or a summary,
//! after any warnings (`file:line:column: warning: message`), which fail only with `--strict`.

use super::{Cli, Format};
use prep_core::bank::{self, Bank, Diagnostics};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, paths: &[PathBuf], format: Format, strict: bool) -> ExitCode {
    let (what, result) = if paths.is_empty() {
        (
            "the bank prep loads".to_string(),
            bank::load(&super::sources(cli)),
        )
    } else {
        let shown: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        (shown.join(", "), bank::validate_paths(paths))
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
            if strict && !b.warnings.is_empty() {
                eprintln!("{}{warned}", counts_line(&n, &b, &what, paths));
                return ExitCode::from(1);
            }
            outln!(w, "ok: {}{warned}", counts_line(&n, &b, &what, paths));
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
        "{} in {}, {rubrics}, {} ({what})",
        n(b.questions.len(), "question"),
        n(b.sections.len(), "section"),
        n(b.guides.len(), "guide")
    )
}

fn counts(b: &Bank) -> serde_json::Value {
    json!({"questions": b.questions.len(), "sections": b.sections.len(), "rubrics": b.rubrics.len(), "guides": b.guides.len()})
}
