//! Renaming a story (its title in the front matter, and its file when the new name is free) and
//! deleting one (moved into `<stories>/.deleted/`, which the loader never reads, so nothing is
//! lost). Every write goes through [`storage::write_atomic`].

use super::files::slug;
use crate::storage::{self, Replace, StorageError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folder deleted stories are moved to, inside the stories folder.
pub const DELETED_DIR: &str = ".deleted";

/// Where a renamed story ended up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    pub path: PathBuf,
    /// False when the file kept its old name because the new one was taken.
    pub moved: bool,
}

fn io_err(e: StorageError) -> io::Error {
    io::Error::other(e.to_string())
}

/// `text` with the front matter's `title:` line holding `title`; every other byte as it was.
pub fn retitle(text: &str, title: &str) -> Result<String, String> {
    let bom = if text.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let rest = &text[bom.len()..];
    let Some((front, _, _)) = crate::bank::split_front_matter(rest) else {
        return Err("the file has no front matter between `---` lines".into());
    };
    let front_start = bom.len() + if rest.starts_with("---\r\n") { 5 } else { 4 };
    let mut offset = front_start;
    for line in front.split_inclusive('\n') {
        if let Some(value) = line.strip_prefix("title:") {
            let value = value.trim();
            if value.starts_with('|') || value.starts_with('>') {
                return Err("the title spans several lines; change it in the editor".into());
            }
            let body = line.trim_end_matches(['\n', '\r']);
            let quoted = serde_json::to_string(title.trim()).map_err(|e| e.to_string())?;
            let mut out = String::with_capacity(text.len() + quoted.len());
            out.push_str(&text[..offset]);
            out.push_str("title: ");
            out.push_str(&quoted);
            out.push_str(&text[offset + body.len()..]);
            return Ok(out);
        }
        offset += line.len();
    }
    Err("the front matter has no `title:` line".into())
}

/// Give the story at `path` the title `title`, and the file name of its slug when that is free.
pub fn rename(path: &Path, title: &str) -> io::Result<Renamed> {
    let text = fs::read_to_string(path)?;
    let new_text = retitle(&text, title).map_err(io::Error::other)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let target = dir.join(format!("{}.md", slug(title)));
    if target != path {
        match storage::write_atomic(&target, new_text.as_bytes(), Replace::Never) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(Renamed {
                    path: target,
                    moved: true,
                });
            }
            Err(StorageError::Exists { .. }) => {}
            Err(e) => return Err(io_err(e)),
        }
    }
    storage::write_atomic(path, new_text.as_bytes(), Replace::Allow).map_err(io_err)?;
    Ok(Renamed {
        path: path.to_path_buf(),
        moved: target == path,
    })
}

/// Move the story at `path` into `.deleted/` beside it (`-2`, `-3`, ... if the name is taken
/// there) and return where it went.
pub fn delete(path: &Path) -> io::Result<PathBuf> {
    let bytes = fs::read(path)?;
    let dir = path.parent().unwrap_or(Path::new(".")).join(DELETED_DIR);
    fs::create_dir_all(&dir)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("story");
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let to = dir.join(name);
        match storage::write_atomic(&to, &bytes, Replace::Never) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(to);
            }
            Err(StorageError::Exists { .. }) => continue,
            Err(e) => return Err(io_err(e)),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{stem}.md and 998 numbered names are all taken in {}",
            dir.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\r\ntitle: Old one   \r\nthemes: [incident] # kept\r\n---\r\n\r\n## Situation\r\nIt broke.\r\n";

    #[test]
    fn retitle_changes_only_the_title_line() {
        let out = retitle(TEXT, "New: \"one\"").unwrap();
        assert_eq!(
            out,
            TEXT.replace("title: Old one   ", "title: \"New: \\\"one\\\"\"")
        );
        let story = crate::stories::parse("f", "f", &out).unwrap();
        assert_eq!(story.title, "New: \"one\"");
        assert!(retitle("no front matter", "x").is_err());
        assert!(retitle("---\nthemes: []\n---\n", "x").is_err());
    }

    #[test]
    fn rename_moves_to_the_new_slug_when_free_and_keeps_the_name_when_taken() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old-one.md");
        fs::write(&old, TEXT).unwrap();
        let r = rename(&old, "Brand new").unwrap();
        assert_eq!(
            r,
            Renamed {
                path: dir.path().join("brand-new.md"),
                moved: true
            }
        );
        assert!(!old.exists());
        let text = fs::read_to_string(&r.path).unwrap();
        assert!(text.contains("title: \"Brand new\"\r\nthemes: [incident] # kept\r\n"));

        fs::write(dir.path().join("taken.md"), "other").unwrap();
        let r2 = rename(&r.path, "Taken").unwrap();
        assert_eq!(
            r2,
            Renamed {
                path: r.path.clone(),
                moved: false
            }
        );
        assert!(
            fs::read_to_string(&r.path)
                .unwrap()
                .contains("title: \"Taken\"")
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("taken.md")).unwrap(),
            "other"
        );
    }

    #[test]
    fn delete_moves_into_the_deleted_folder_which_the_loader_skips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.md");
        fs::write(&path, TEXT).unwrap();
        let to = delete(&path).unwrap();
        assert_eq!(to, dir.path().join(".deleted/gone.md"));
        assert!(!path.exists());
        assert_eq!(fs::read_to_string(&to).unwrap(), TEXT);
        fs::write(&path, TEXT).unwrap();
        assert_eq!(
            delete(&path).unwrap(),
            dir.path().join(".deleted/gone-2.md")
        );
        let bank = crate::stories::load(dir.path());
        assert!(bank.stories.is_empty(), "{:?}", bank.stories);
        assert!(bank.problems.is_empty(), "{:?}", bank.problems);
    }
}
