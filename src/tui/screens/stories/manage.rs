//! The stories screen's rename (`r`) and delete (`D` twice): the file work is in
//! [`prep_core::stories::manage`]; this reloads the list and says what happened.

use super::StoriesState;
use crate::tui::app::Ctx;
use crate::tui::screens::Screen;
use std::path::Path;

/// Retitle the story at `path` and show it; say when its file name had to stay.
pub(super) fn rename(s: &mut StoriesState, ctx: &mut Ctx, path: &Path, title: &str) {
    match prep_core::stories::manage::rename(path, title) {
        Ok(r) => {
            ctx.reload_stories();
            s.edited(ctx, &r.path);
            let file = r
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            if r.moved {
                ctx.info(format!("Renamed; the file is now {file}"));
            } else {
                ctx.info(format!(
                    "Renamed; the file keeps its name {file} (the new name is taken)"
                ));
            }
        }
        Err(e) => ctx.error(format!("Cannot rename {}: {e}", path.display())),
    }
}

/// Move the story at `path` to `.deleted/` and say where it went.
pub(super) fn delete(s: &mut StoriesState, ctx: &mut Ctx, path: &Path) {
    match prep_core::stories::manage::delete(path) {
        Ok(to) => {
            ctx.reload_stories();
            s.refresh(ctx);
            s.scroll = 0;
            s.lint_scroll = 0;
            let file = to
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            ctx.info(format!(
                "Deleted; the file is kept as stories/.deleted/{file}"
            ));
        }
        Err(e) => ctx.error(format!("Cannot delete {}: {e}", path.display())),
    }
}
