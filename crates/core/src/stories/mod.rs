//! The user's STAR stories: Markdown files in `<data dir>/stories/*.md`, each with YAML front
//! matter (title, themes, roles, the question ids it answers) and the sections `## Situation`,
//! `## Task`, `## Action`, `## Result`, `## Lesson`. This module loads them (a file that does not
//! parse is reported with its line and kept as it is, never rewritten), creates new ones from a
//! template without ever overwriting a file, and opens them in the user's editor. [`lint`] checks
//! each against the STAR rubric; [`coverage`] lays themes against stories. No terminal code.

pub mod coverage;
mod files;
pub mod lint;
pub mod manage;
mod parse;

pub use crate::bank::Diagnostic;
pub use files::{create, editor_command, editor_pid, open_in_editor, slug, template};
pub use parse::parse;

use serde::Serialize;
use std::path::{Path, PathBuf};

/// Largest story file read, in bytes; anything bigger is reported, not loaded.
pub const MAX_STORY_BYTES: u64 = 1024 * 1024;

/// The five parts of a STAR(L) story, in the order they are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Situation,
    Task,
    Action,
    Result,
    Lesson,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Situation,
        Part::Task,
        Part::Action,
        Part::Result,
        Part::Lesson,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Situation => "Situation",
            Part::Task => "Task",
            Part::Action => "Action",
            Part::Result => "Result",
            Part::Lesson => "Lesson",
        }
    }

    /// The part a `##` heading names: its word in any case, singular or plural, with an optional
    /// trailing colon ("Lessons learned" counts as the Lesson).
    pub fn from_heading(heading: &str) -> Option<Part> {
        let h = heading.trim().trim_end_matches(':').trim().to_lowercase();
        let h = h.strip_suffix(" learned").unwrap_or(&h);
        let h = h.strip_suffix('s').unwrap_or(h);
        Part::ALL.into_iter().find(|p| p.name().to_lowercase() == h)
    }
}

/// One `##` section of a story, with its text as plain words (Markdown markup and HTML comments
/// dropped) for counting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySection {
    /// `None` for a heading that is not one of the five parts.
    pub part: Option<Part>,
    pub heading: String,
    /// 1-based line of the heading in the file.
    pub line: u32,
    pub text: String,
}

/// A value from the front matter and the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub value: String,
    pub line: u32,
}

/// One story file that parsed.
#[derive(Clone, Debug)]
pub struct Story {
    /// The file name without `.md`: what `prep stories edit NAME` takes.
    pub name: String,
    pub path: PathBuf,
    pub title: String,
    pub themes: Vec<Placed>,
    pub roles: Vec<Placed>,
    pub questions: Vec<Placed>,
    pub sections: Vec<StorySection>,
    /// The Markdown after the front matter, for previews.
    pub body: String,
    /// 1-based line where the body starts.
    pub body_line: u32,
}

impl Story {
    /// The first section for `part`, if the story has one.
    pub fn section(&self, part: Part) -> Option<&StorySection> {
        self.sections.iter().find(|s| s.part == Some(part))
    }

    /// The title, or the file name when the title is blank.
    pub fn shown_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.name
        } else {
            self.title.trim()
        }
    }

    /// Themes as coverage compares them (see [`normalize`]).
    pub fn theme_ids(&self) -> impl Iterator<Item = String> + '_ {
        self.themes.iter().map(|t| normalize(&t.value))
    }

    pub fn answers(&self, question: &str) -> bool {
        self.questions.iter().any(|q| q.value.trim() == question)
    }
}

/// `Delivery under pressure` and `delivery_under_pressure` both mean `delivery-under-pressure`.
pub fn normalize(theme: &str) -> String {
    let lower = theme.trim().to_lowercase();
    let dashed: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    dashed.join("-")
}

/// Every story in a folder, plus one problem per file that could not be read or parsed.
#[derive(Clone, Debug, Default)]
pub struct StoryBank {
    pub dir: PathBuf,
    pub stories: Vec<Story>,
    pub problems: Vec<Diagnostic>,
}

impl StoryBank {
    /// The STAR lint of every story, in order, checked against `bank`.
    pub fn reports(&self, bank: &crate::bank::Bank) -> Vec<lint::Report> {
        self.stories
            .iter()
            .map(|s| lint::lint(s, Some(bank)))
            .collect()
    }

    /// The story a user means by `name`: its file name (with or without `.md`), or its title.
    pub fn find(&self, name: &str) -> Option<&Story> {
        let name = name.trim();
        let stem = name.strip_suffix(".md").unwrap_or(name);
        let stem = Path::new(stem)
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or(stem);
        self.stories.iter().find(|s| s.name == stem).or_else(|| {
            let lower = name.to_lowercase();
            self.stories
                .iter()
                .find(|s| s.title.trim().to_lowercase() == lower)
        })
    }
}

/// Read every `*.md` in `dir` (sorted by file name). A missing folder is an empty bank.
pub fn load(dir: &Path) -> StoryBank {
    let mut bank = StoryBank {
        dir: dir.to_path_buf(),
        ..StoryBank::default()
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return bank,
        Err(e) => {
            let msg = format!("cannot read the stories folder: {e}");
            bank.problems
                .push(Diagnostic::new(&dir.display().to_string(), 1, 1, msg));
            return bank;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if p.file_name().is_some_and(|n| n.to_str().is_none()) {
            let msg = "the file name is not UTF-8 text, so it was skipped; rename it";
            bank.problems
                .push(Diagnostic::new(&p.display().to_string(), 1, 1, msg));
        } else if is_story_file(&p) {
            paths.push(p);
        }
    }
    // By name without `.md`, so `story.md` comes before `story-2.md`.
    paths.sort_by(|a, b| a.file_stem().cmp(&b.file_stem()));
    for path in paths {
        match read(&path) {
            Ok(story) => bank.stories.push(story),
            Err(d) => bank.problems.push(d),
        }
    }
    bank
}

/// `name.md`, not hidden (editors and our own temp files start with a dot), not a folder.
fn is_story_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".md") && !name.starts_with('.') && !path.is_dir()
}

/// Read and parse one story file.
pub fn read(path: &Path) -> Result<Story, Diagnostic> {
    let shown = path.display().to_string();
    let fail = |line: u32, msg: String| Diagnostic::new(&shown, line, 1, msg);
    // Only a regular file is read (a FIFO or `/dev/zero` is refused at once), up to the cap.
    let bytes = crate::bank::regular::read_regular(path, MAX_STORY_BYTES).map_err(|e| match e {
        crate::bank::regular::ReadProblem::TooBig(size) => fail(
            1,
            format!("the file is {size} bytes; a story may be at most 1 MiB"),
        ),
        other => fail(1, other.to_string()),
    })?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32
                + 1;
            return Err(fail(line, "invalid UTF-8; save the file as UTF-8".into()));
        }
    };
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("story")
        .to_string();
    parse(&shown, &name, text).map(|mut s| {
        s.path = path.to_path_buf();
        s
    })
}
