//! Your stories: the list with lint counts (files that do not parse listed too, so they can be
//! opened and fixed), a preview of the selected story or the themes × stories coverage grid, and
//! the lint panel. `e`/Enter opens the story in `$EDITOR`; `n` asks for a title and starts one
//! from the template. The editor runs from the main loop, which hands the terminal over and back
//! and then calls [`edited`].

use super::Screen;
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crate::tui::nav::Nav;
use crossterm::event::KeyEvent;
use prep_core::bank::Question;
use prep_core::stories::coverage::{self, Coverage};
use prep_core::stories::lint::{self, Report, Severity};
use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;
use std::path::{Path, PathBuf};

mod draw;
mod manage;
pub use draw::draw;
use manage::{delete, rename};

/// What the right-hand pane shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Preview,
    Coverage,
}

pub struct StoriesState {
    /// One row per story, then one per file that did not parse.
    pub nav: Nav,
    pub reports: Vec<Report>,
    pub coverage: Coverage,
    pub pane: Pane,
    pub scroll: usize,
    /// Lines and height of the right pane at the last draw, to keep scrolling inside it.
    pane_lines: usize,
    pane_height: usize,
    /// The lint panel's scroll, and its lines (wrapped) and height at the last draw.
    pub lint_scroll: usize,
    lint_lines: usize,
    lint_height: usize,
    /// The title being typed for a new story.
    pub title: Option<TextArea<'static>>,
    /// The story the title popup renames (none: it starts a new story).
    pub renaming: Option<PathBuf>,
    /// The story a first `D` asked to delete; a second `D` on it moves it to `.deleted/`.
    pub deleting: Option<PathBuf>,
}

impl Ctx {
    /// Read the stories folder again (after an edit, or when the screen opens).
    pub fn reload_stories(&mut self) {
        if let Some(dir) = &self.stories_dir {
            self.stories = prep_core::stories::load(dir);
        }
    }
}

impl StoriesState {
    pub fn new(ctx: &mut Ctx) -> Self {
        ctx.reload_stories();
        let mut s = StoriesState {
            nav: Nav::new(0),
            reports: Vec::new(),
            coverage: coverage::compute(&ctx.bank, &[]),
            pane: Pane::Preview,
            scroll: 0,
            pane_lines: 0,
            pane_height: 0,
            lint_scroll: 0,
            lint_lines: 0,
            lint_height: 0,
            title: None,
            renaming: None,
            deleting: None,
        };
        s.refresh(ctx);
        if ctx.stories.stories.is_empty() && ctx.stories.problems.is_empty() {
            s.pane = Pane::Coverage;
        }
        s
    }

    /// Recompute lint and coverage from `ctx.stories`.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let bank = &ctx.stories;
        self.reports = bank.reports(&ctx.bank);
        self.coverage = coverage::compute(&ctx.bank, &bank.stories);
        self.nav.set_len(bank.stories.len() + bank.problems.len());
    }

    /// The file behind the selected row.
    pub fn selected_path(&self, ctx: &Ctx) -> Option<PathBuf> {
        let i = self.nav.selected()?;
        let bank = &ctx.stories;
        match bank.stories.get(i) {
            Some(s) => Some(s.path.clone()),
            None => bank
                .problems
                .get(i - bank.stories.len())
                .map(|p| PathBuf::from(&p.file)),
        }
    }

    fn select_path(&mut self, ctx: &Ctx, path: &Path) {
        let bank = &ctx.stories;
        let row = bank
            .stories
            .iter()
            .position(|s| s.path == path)
            .or_else(|| {
                let shown = path.display().to_string();
                let i = bank.problems.iter().position(|p| p.file == shown)?;
                Some(bank.stories.len() + i)
            });
        if let Some(row) = row {
            self.nav.select(row);
        }
    }
}

pub fn mode(s: &StoriesState) -> Mode {
    if s.title.is_some() {
        Mode::StoryTitle
    } else {
        Mode::Stories
    }
}

pub fn text_input(s: &mut StoriesState, key: KeyEvent) {
    if let Some(t) = &mut s.title {
        super::type_into(t, key);
    }
}

pub fn update(s: &mut StoriesState, ctx: &mut Ctx, action: Action) -> Step {
    if let Some(input) = &s.title {
        match action {
            Action::Back => {
                s.title = None;
                s.renaming = None;
            }
            Action::Open if s.renaming.is_some() => {
                let title = input.lines().join(" ").trim().to_string();
                if title.is_empty() {
                    ctx.info("Type a title first (Esc cancels)");
                    return Step::stay();
                }
                s.title = None;
                if let Some(path) = s.renaming.take() {
                    rename(s, ctx, &path, &title);
                }
            }
            Action::Open => {
                let title = input.lines().join(" ").trim().to_string();
                if title.is_empty() {
                    ctx.info("Type a title first (Esc cancels)");
                    return Step::stay();
                }
                s.title = None;
                if let Some(path) = create(ctx, &title) {
                    return Step::effect(Effect::Edit(path));
                }
            }
            _ => {}
        }
        return Step::stay();
    }
    let deleting = s.deleting.take();
    let page = s.pane_height.max(2) - 1;
    let max = s.pane_lines.saturating_sub(s.pane_height);
    match action {
        Action::PageDown => s.scroll = (s.scroll + page).min(max),
        Action::PageUp => s.scroll = s.scroll.saturating_sub(page),
        Action::LintDown => {
            s.lint_scroll = (s.lint_scroll + 1).min(s.lint_lines.saturating_sub(s.lint_height));
        }
        Action::LintUp => s.lint_scroll = s.lint_scroll.saturating_sub(1),
        _ if s.nav.apply(action) => {
            s.scroll = 0;
            s.lint_scroll = 0;
        }
        Action::EditStory | Action::Open => match s.selected_path(ctx) {
            Some(path) => return Step::effect(Effect::Edit(path)),
            None => ctx.info("No story yet: n starts one"),
        },
        Action::NewStory if ctx.stories_dir.is_none() => {
            ctx.error("No data folder, so stories cannot be saved; start prep with --data-dir DIR");
        }
        Action::NewStory => {
            let mut input = TextArea::default();
            input.set_placeholder_text("e.g. The migration nobody wanted");
            s.title = Some(input);
        }
        Action::RenameStory => match s.nav.selected().and_then(|i| ctx.stories.stories.get(i)) {
            Some(story) => {
                let mut input = TextArea::from([story.title.clone()]);
                input.move_cursor(ratatui_textarea::CursorMove::End);
                s.renaming = Some(story.path.clone());
                s.title = Some(input);
            }
            None => ctx.info("Select a story to rename (a file that does not parse: e to fix it)"),
        },
        Action::DeleteStory => match s.selected_path(ctx) {
            Some(path) if deleting.as_ref() == Some(&path) => delete(s, ctx, &path),
            Some(path) => {
                let title = ctx
                    .stories
                    .stories
                    .iter()
                    .find(|st| st.path == path)
                    .map_or_else(
                        || {
                            path.file_name()
                                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                        },
                        |st| st.shown_title().to_string(),
                    );
                let title = crate::markdown::sanitize(&title).into_owned();
                ctx.info(format!("Press D again to delete «{title}»"));
                s.deleting = Some(path);
            }
            None => ctx.info("No story to delete"),
        },
        Action::Coverage => {
            s.pane = match s.pane {
                Pane::Preview => Pane::Coverage,
                Pane::Coverage => Pane::Preview,
            };
            s.scroll = 0;
        }
        Action::Back => return Transition::Pop.into(),
        _ => {}
    }
    Step::stay()
}

/// Write a new story from the template; its path, to open in the editor.
fn create(ctx: &mut Ctx, title: &str) -> Option<PathBuf> {
    let dir = ctx.stories_dir.clone()?;
    match prep_core::stories::create(&dir, title, &prep_core::stories::template(title)) {
        Ok(path) => Some(path),
        Err(e) => {
            ctx.error(format!("Cannot write a story in {}: {e}", dir.display()));
            None
        }
    }
}

/// The editor on `path` has closed (the stories are already reloaded): say how the file reads
/// now, or why the editor failed.
pub fn report_edit(ctx: &mut Ctx, path: &Path, result: std::io::Result<std::process::ExitStatus>) {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match result {
        Err(e) => ctx.error(e.to_string()),
        Ok(status) if !status.success() => {
            ctx.error(format!(
                "The editor exited with {status}; {file} is kept as it is"
            ));
        }
        Ok(_) => {
            let story = ctx.stories.stories.iter().find(|s| s.path == path);
            let problem = ctx
                .stories
                .problems
                .iter()
                .find(|p| Path::new(&p.file) == path);
            match (story, problem) {
                (Some(st), _) => {
                    let r = lint::lint(st, Some(&ctx.bank));
                    let msg = match r.warnings() {
                        0 => format!("{file}: no STAR warnings"),
                        n => format!("{file}: {n} STAR warning{}", if n == 1 { "" } else { "s" }),
                    };
                    ctx.info(msg);
                }
                (None, Some(p)) => {
                    let msg = format!("{file}:{}: {} (kept as it is; e to fix)", p.line, p.message);
                    ctx.error(msg);
                }
                (None, None) => ctx.info(format!("{file} is gone")),
            }
        }
    }
}

impl Screen for StoriesState {
    fn mode(&self) -> Mode {
        mode(self)
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action)
    }
    fn draw(&mut self, f: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        self.title.is_none().then_some(&mut self.nav)
    }
    fn text_input(&mut self, _ctx: &mut Ctx, key: KeyEvent) {
        text_input(self, key);
    }
    /// Show the story just edited.
    fn edited(&mut self, ctx: &mut Ctx, path: &Path) {
        self.refresh(ctx);
        self.select_path(ctx, path);
        self.pane = Pane::Preview;
        self.scroll = 0;
    }
}

/// The drill's one-line offer of the user's stories for a behavioural question, if any fit.
pub fn drill_hint(ctx: &Ctx, q: &Question) -> Option<Line<'static>> {
    let fits = coverage::stories_for(q, &ctx.stories.stories);
    if fits.is_empty() {
        return None;
    }
    let titles: Vec<String> = fits
        .iter()
        .map(|s| crate::markdown::sanitize(s.shown_title()).into_owned())
        .collect();
    Some(Line::from(vec![
        Span::styled("Your stories: ", ctx.theme.dim()),
        Span::styled(titles.join(" · "), ctx.theme.key()),
    ]))
}

/// "3 warnings" / "1 note" / "ok" for the list.
pub fn lint_label(r: &Report) -> (String, Severity, bool) {
    let w = r.warnings();
    let notes = r.findings.len() - w;
    match (w, notes) {
        (0, 0) => ("ok".into(), Severity::Note, true),
        (0, n) => (format!("{n} note{}", plural(n)), Severity::Note, false),
        (n, _) => (format!("{n} to fix"), Severity::Warning, false),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
