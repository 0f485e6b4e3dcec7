//! Writing a new story from the template without ever replacing a file, and opening a story in
//! the user's editor (`$VISUAL`, then `$EDITOR`, then `vi`).

use super::coverage::THEMES;
use crate::storage::{self, Replace, StorageError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicU32, Ordering};

/// A file name for a title: lowercase letters and digits (any script), dashes between words.
pub fn slug(title: &str) -> String {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut slug = String::new();
    for w in words {
        if slug.chars().count() + w.chars().count() > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(w);
    }
    if slug.is_empty() {
        "story".to_string()
    } else {
        slug
    }
}

/// A new story's text: front matter with the title and hints, then the five sections.
pub fn template(title: &str) -> String {
    let title = title.trim();
    let title = if title.is_empty() { "My story" } else { title };
    // A double-quoted YAML string holds any title safely.
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| "\"My story\"".into());
    let themes: Vec<&str> = THEMES.iter().map(|t| t.id).collect();
    let mut known = String::new();
    let mut line = String::from("#  ");
    for t in themes {
        if line.len() + t.len() > 96 {
            known.push_str(line.trim_end());
            known.push('\n');
            line = String::from("#  ");
        }
        line.push_str(t);
        line.push(' ');
    }
    known.push_str(line.trim_end());
    format!(
        "---\ntitle: {quoted}\nthemes: []      # the themes this story shows; known ones:\n{known}\n\
roles: []       # tech-lead, staff, em, director\n\
questions: []   # bank question ids it answers (`prep list` shows them)\n---\n\n\
## Situation\n\n<!-- Two sentences of context: where, when, what was at stake. -->\n\n\
## Task\n\n<!-- What you personally were accountable for, in one sentence. -->\n\n\
## Action\n\n<!-- Most of the story (about 60% of the words): what *I* did, step by step, and why.\n\
     Name the hard moment and the people move. -->\n\n\
## Result\n\n<!-- A number, a date or a count: what changed, and by how much. -->\n\n\
## Lesson\n\n<!-- One sentence on what you still do differently because of it. -->\n"
    )
}

/// Write `text` as a new story named after `title` in `dir` and return its path. The name gets
/// `-2`, `-3`, ... if taken; the write is atomic and never replaces an existing file
/// ([`storage::write_atomic`]), so a crash never leaves half a story.
pub fn create(dir: &Path, title: &str, text: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let base = slug(title);
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{base}.md")
        } else {
            format!("{base}-{n}.md")
        };
        let path = dir.join(name);
        match storage::write_atomic(&path, text.as_bytes(), Replace::Never) {
            Ok(()) => return Ok(path),
            Err(StorageError::Exists { .. }) => continue,
            Err(e) => return Err(io::Error::other(e.to_string())),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{base}.md and 998 numbered names are all taken"),
    ))
}

/// The editor to run, as program and arguments: `$VISUAL`, else `$EDITOR`, else `vi`. The value
/// may carry arguments (`code --wait`); it is split on whitespace, without shell quoting.
pub fn editor_command(visual: Option<&str>, editor: Option<&str>) -> (String, Vec<String>) {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .unwrap_or("vi");
    let mut words = chosen.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_else(|| "vi".to_string());
    (program, words.collect())
}

/// Run the user's editor on `path` and wait for it. The terminal must already be handed over.
pub fn open_in_editor(path: &Path) -> io::Result<ExitStatus> {
    let visual = std::env::var("VISUAL").ok();
    let editor = std::env::var("EDITOR").ok();
    let (program, args) = editor_command(visual.as_deref(), editor.as_deref());
    let mut child = Command::new(&program)
        .args(&args)
        .arg(path)
        .spawn()
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot start the editor `{program}`: {e}; set $VISUAL or $EDITOR"),
            )
        })?;
    EDITOR_PID.store(child.id(), Ordering::SeqCst);
    let status = child.wait();
    EDITOR_PID.store(0, Ordering::SeqCst);
    status
}

/// The editor [`open_in_editor`] is waiting for, if any.
static EDITOR_PID: AtomicU32 = AtomicU32::new(0);

/// The process id of the editor running now, so a signal that ends prep can stop it too.
pub fn editor_pid() -> Option<u32> {
    Some(EDITOR_PID.load(Ordering::SeqCst)).filter(|&p| p != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("My story"), "my-story");
        assert_eq!(slug("  The 40% outage — and me! "), "the-40-outage-and-me");
        assert_eq!(slug("障害対応 🚀"), "障害対応");
        assert_eq!(slug("🚀🔥"), "story");
        assert!(slug(&"word ".repeat(40)).chars().count() <= 60);
    }

    #[test]
    fn the_template_parses_and_has_all_five_empty_sections() {
        let text = template("Quote \"me\": yes");
        let s = super::super::parse("t.md", "t", &text).unwrap();
        assert_eq!(s.title, "Quote \"me\": yes");
        assert!(s.themes.is_empty());
        for p in super::super::Part::ALL {
            assert_eq!(s.section(p).map(|x| x.text.as_str()), Some(""), "{p:?}");
        }
    }

    #[test]
    fn create_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let stories = dir.path().join("stories");
        let a = create(&stories, "My story", "one").unwrap();
        let b = create(&stories, "My story", "two").unwrap();
        assert_eq!(a.file_name().unwrap(), "my-story.md");
        assert_eq!(b.file_name().unwrap(), "my-story-2.md");
        assert_eq!(fs::read_to_string(&a).unwrap(), "one");
        assert_eq!(fs::read_to_string(&b).unwrap(), "two");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(&stories).unwrap().count(), 2);
    }

    #[test]
    fn editor_is_visual_then_editor_then_vi_with_arguments() {
        let cmd = |v, e| editor_command(v, e);
        assert_eq!(cmd(None, None), ("vi".into(), vec![]));
        assert_eq!(cmd(Some("  "), Some("nano")), ("nano".into(), vec![]));
        assert_eq!(
            cmd(Some("code --wait -n"), Some("nano")),
            ("code".into(), vec!["--wait".into(), "-n".into()])
        );
    }
}
