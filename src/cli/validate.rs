//! `prep validate [PATH...]`: every problem as `file:line:column: message`, exit 1; or a summary.

use super::{Cli, Format};
use prep_core::bank::{self, Bank, Diagnostics};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, paths: &[PathBuf], format: Format) -> ExitCode {
    let (what, result) = if paths.is_empty() {
        (
            "the bank prep loads".to_string(),
            bank::load(&super::sources(cli)),
        )
    } else {
        let shown: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        (shown.join(", "), bank::validate_paths(paths))
    };
    match (format, result) {
        (Format::Json, Ok(b)) => {
            outln!(
                w,
                "{}",
                json!({"ok": true, "problems": [], "counts": counts(&b)})
            );
            ExitCode::SUCCESS
        }
        (Format::Json, Err(Diagnostics(d))) => {
            let text = json!({"ok": false, "problems": d}).to_string();
            outln!(w, "{}", prep_core::text::json_escape(&text));
            ExitCode::from(1)
        }
        (Format::Plain, Ok(b)) => {
            let n = |count: usize, word: &str| {
                format!("{count} {word}{}", if count == 1 { "" } else { "s" })
            };
            outln!(
                w,
                "ok: {} in {}, {}, {} ({what})",
                n(b.questions.len(), "question"),
                n(b.sections.len(), "section"),
                n(b.rubrics.len(), "rubric"),
                n(b.guides.len(), "guide")
            );
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

fn counts(b: &Bank) -> serde_json::Value {
    json!({"questions": b.questions.len(), "sections": b.sections.len(), "rubrics": b.rubrics.len(), "guides": b.guides.len()})
}
