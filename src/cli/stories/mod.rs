//! `prep stories ...`: list, start, edit, lint and lay out coverage of the user's STAR stories.
//! Every command that reads the stories folder reports files it cannot read (with their line)
//! and exits 1 for them, after printing everything else; lint findings alone exit 0.

use super::output::{pad, print_json};
use super::{Cli, Format, Out};
use clap::Subcommand;
use prep_core::bank::Bank;
use prep_core::stories::coverage;
use prep_core::stories::lint::{self, Report};
use prep_core::stories::{self, Story, StoryBank};
use ratatui::style::{Modifier, Style};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

mod report;
use report::{coverage_grid, lint_all};

#[derive(Subcommand, Debug)]
pub enum StoriesCommand {
    /// Your stories with their themes and how many lint findings each has
    List {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Start a story from the STAR template and open it in $VISUAL or $EDITOR (else vi)
    New {
        /// The story's title (several words are joined)
        title: Vec<String>,
        /// Only write the file and print its path
        #[arg(long)]
        no_edit: bool,
    },
    /// Open a story in $VISUAL or $EDITOR (else vi)
    Edit {
        /// The file name (with or without .md) or the title
        name: String,
    },
    /// Check every story against the STAR rubric, each finding with its line and figure
    Lint {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Themes against stories: the gaps, and the bank questions that need a story there
    Coverage {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
}

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, cmd: &StoriesCommand, out: &Out) -> ExitCode {
    let Some(dir) = super::data_dir(cli).map(|d| d.join("stories")) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    match cmd {
        StoriesCommand::New { title, no_edit } => new(&dir, &title.join(" "), *no_edit, bank),
        StoriesCommand::Edit { name } => edit(&dir, name, bank),
        StoriesCommand::List { format } => read_all(&dir, |b| list(w, b, bank, *format, out)),
        StoriesCommand::Lint { format } => read_all(&dir, |b| lint_all(w, b, bank, *format, out)),
        StoriesCommand::Coverage { format } => read_all(&dir, |b| {
            coverage_grid(w, &coverage::compute(bank, &b.stories), *format, out)
        }),
    }
}

/// Load the folder, run `f`, then report unreadable files on stderr (exit 1 if there are any).
fn read_all(dir: &Path, f: impl FnOnce(&StoryBank)) -> ExitCode {
    let b = stories::load(dir);
    f(&b);
    if b.problems.is_empty() {
        return ExitCode::SUCCESS;
    }
    for p in &b.problems {
        eprintln!("{p}");
    }
    let n = b.problems.len();
    eprintln!(
        "prep: {n} story file{} could not be read; {} kept as {} and skipped",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it is" } else { "they are" },
        if n == 1 { "it is" } else { "they are" },
    );
    ExitCode::from(1)
}

fn new(dir: &Path, title: &str, no_edit: bool, bank: &Bank) -> ExitCode {
    let title = if title.trim().is_empty() {
        "My story"
    } else {
        title
    };
    let path = match stories::create(dir, title, &stories::template(title)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prep: cannot write a new story in {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    };
    if no_edit {
        return match super::emit(&format!("{}\n", path.display()), false) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        };
    }
    eprintln!("prep: wrote {}; opening it in your editor", path.display());
    open(&path, bank)
}

fn edit(dir: &Path, name: &str, bank: &Bank) -> ExitCode {
    // A file that does not parse can still be opened by name: that is how it gets fixed.
    let stem = name.trim().strip_suffix(".md").unwrap_or(name.trim());
    let direct = dir.join(format!("{stem}.md"));
    let path: PathBuf = if !stem.contains(['/', '\\']) && direct.is_file() {
        direct
    } else {
        match stories::load(dir).find(name) {
            Some(s) => s.path.clone(),
            None => {
                eprintln!(
                    "prep: no story `{name}` in {}; `prep stories list` shows them",
                    dir.display()
                );
                return ExitCode::from(1);
            }
        }
    };
    open(&path, bank)
}

/// Run the editor, then check the story and say what lint thinks of it.
fn open(path: &Path, bank: &Bank) -> ExitCode {
    // SIGTERM or SIGHUP while the editor is open stops the editor too.
    crate::signals::on_fatal(|| {});
    match crate::signals::edit(path) {
        Err(e) => {
            eprintln!("prep: {e}");
            return ExitCode::from(1);
        }
        Ok(status) if !status.success() => {
            eprintln!(
                "prep: the editor exited with {status}; {} is kept as it is",
                path.display()
            );
            return ExitCode::from(1);
        }
        Ok(_) => {}
    }
    match stories::read(path) {
        Err(d) => {
            eprintln!("{d}");
            eprintln!("prep: the story is kept as you left it; fix it with `prep stories edit`");
            ExitCode::from(1)
        }
        Ok(story) => {
            let r = lint::lint(&story, Some(bank));
            match super::emit(&format!("{}: {}\n", path.display(), summary(&r)), false) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
    }
}

fn summary(r: &Report) -> String {
    let warnings = r.warnings();
    let notes = r.findings.len() - warnings;
    match (warnings, notes) {
        (0, 0) => "no findings".to_string(),
        _ => format!(
            "{} · {}; `prep stories lint` shows them",
            count(warnings, "warning"),
            count(notes, "note")
        ),
    }
}

fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn stories_count(n: usize) -> String {
    format!("{n} stor{}", if n == 1 { "y" } else { "ies" })
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn themes(s: &Story) -> String {
    let t: Vec<&str> = s.themes.iter().map(|t| t.value.as_str()).collect();
    t.join(", ")
}

fn list(w: &mut String, b: &StoryBank, bank: &Bank, format: Format, out: &Out) {
    let reports = b.reports(bank);
    if format == Format::Json {
        let items: Vec<_> = b
            .stories
            .iter()
            .zip(&reports)
            .map(|(s, r)| {
                json!({
                    "name": s.name, "file": s.path.display().to_string(), "title": s.shown_title(),
                    "themes": s.themes.iter().map(|t| &t.value).collect::<Vec<_>>(),
                    "roles": s.roles.iter().map(|t| &t.value).collect::<Vec<_>>(),
                    "questions": s.questions.iter().map(|t| &t.value).collect::<Vec<_>>(),
                    "warnings": r.warnings(), "notes": r.findings.len() - r.warnings(),
                })
            })
            .collect();
        print_json(w, &json!(items));
        return;
    }
    if b.stories.is_empty() {
        outln!(w, "No stories yet in {}.", b.dir.display());
        outln!(w, "Start one with `prep stories new \"A title\"`.");
        return;
    }
    let titles: Vec<String> = b
        .stories
        .iter()
        .map(|s| prep_core::text::clean_line(s.shown_title()).into_owned())
        .collect();
    let name_w = b
        .stories
        .iter()
        .map(|s| prep_core::text::clean_line(&s.name).width())
        .max()
        .unwrap_or(0)
        .max(4);
    let lint_w = 20;
    // On a terminal the columns fit its width; piped, they are as wide as their widest value.
    let (name_w, title_w) = if out.tty {
        let name_w = name_w.min(24);
        let title_w = usize::from(out.width)
            .saturating_sub(name_w + lint_w + 6 + 16)
            .clamp(16, 48);
        (name_w, title_w)
    } else {
        let title_w = titles.iter().map(|t| t.width()).max().unwrap_or(0);
        (name_w, title_w.max("title".len()))
    };
    let head = format!(
        "{}  {}  {}  themes",
        pad("name", name_w),
        pad("title", title_w),
        pad("lint", lint_w)
    );
    outln!(w, "{}", out.paint(&head, bold()));
    let st = out.styles();
    for ((s, r), title) in b.stories.iter().zip(&reports).zip(&titles) {
        let (text, style) = match (r.warnings(), r.findings.len() - r.warnings()) {
            (0, 0) => ("ok".to_string(), st.good()),
            (0, n) => (count(n, "note"), st.dim()),
            (n, 0) => (count(n, "warning"), st.warn()),
            (n, m) => (
                format!("{}, {}", count(n, "warning"), count(m, "note")),
                st.warn(),
            ),
        };
        let lint = out.paint(&pad(&text, lint_w), style);
        outln!(
            w,
            "{}  {}  {lint}  {}",
            pad(
                &out.fit(&prep_core::text::clean_line(&s.name), name_w),
                name_w
            ),
            pad(&out.fit(title, title_w), title_w),
            prep_core::text::clean_line(&themes(s))
        );
    }
}
