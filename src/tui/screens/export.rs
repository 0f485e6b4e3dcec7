//! Export from the app: `e` on Stats writes the same Markdown report as `prep export` to a new
//! file under `<data>/exports/`, and the status line says where.

use crate::tui::app::Ctx;
use prep_core::export;
use prep_core::storage::{Replace, write_atomic};
use std::path::PathBuf;

/// Write the report; the path on success, a message in plain words otherwise.
pub fn write_report(ctx: &Ctx) -> Result<PathBuf, String> {
    let Some(dir) = ctx
        .log
        .as_ref()
        .and_then(|l| l.path().parent())
        .map(PathBuf::from)
    else {
        return Err(
            "No data folder, so there is nowhere to write the report (see --data-dir)".into(),
        );
    };
    let stories = Some(export::from_stories(&ctx.bank, &ctx.stories));
    let doc = export::build(&ctx.bank, &ctx.attempts, ctx.now_unix, stories);
    let text = export::export_markdown(&ctx.bank, &doc);
    let folder = dir.join("exports");
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("Cannot create {}: {e}", folder.display()))?;
    let stamp = prep_core::days::Zone::local()
        .date_time(ctx.now_unix)
        .replace([' ', ':'], "-");
    // A second export in the same minute gets its own name: an earlier report is never replaced.
    for n in 1..100 {
        let name = match n {
            1 => format!("prep-report-{stamp}.md"),
            _ => format!("prep-report-{stamp}-{n}.md"),
        };
        let path = folder.join(name);
        match write_atomic(&path, text.as_bytes(), Replace::Never) {
            Ok(()) => return Ok(path),
            Err(prep_core::storage::StorageError::Exists { .. }) => continue,
            Err(e) => return Err(format!("Not exported: {e}")),
        }
    }
    Err(format!(
        "Not exported: {} holds too many reports from this minute",
        folder.display()
    ))
}

#[cfg(test)]
mod tests {
    use crate::keymap::{Action, Mode};
    use crate::tui::test_support::{Session, ctx_with_log};

    #[test]
    fn e_on_stats_writes_the_report_and_says_where_twice_without_replacing() {
        let (c, dir) = ctx_with_log();
        let mut s = Session::new(c, (120, 40));
        s.act(Action::Stats);
        assert_eq!(s.app.mode(), Mode::Stats);
        s.act(Action::Export);
        let said = s
            .app
            .ctx
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(said.starts_with("Exported to "), "{said}");
        s.act(Action::Export);
        let files: Vec<_> = std::fs::read_dir(dir.path().join("exports"))
            .unwrap()
            .collect();
        assert_eq!(files.len(), 2, "a second export is a second file");
        let path = said.trim_start_matches("Exported to ");
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.starts_with("# Interview practice report"), "{text}");
    }
}
