//! Writing a whole file so that a reader, a crash or a power cut sees either the old file or the
//! new one, never half of either: temp file in the same folder, write, fsync, rename (or link, when
//! an existing file must not be replaced), fsync the folder.

use super::StorageError;
use super::lock::reason;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// What [`write_atomic`] may do to a file already at the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Replace it (atomically).
    Allow,
    /// Leave it alone and answer [`StorageError::Exists`] (checked atomically, not just before).
    Never,
}

/// Write `bytes` to `path` atomically. On any error the file at `path` is as it was and no temp
/// file is left behind. The folder must exist.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), StorageError> {
    let shown = || path.display().to_string();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        return Err(StorageError::Save {
            path: shown(),
            reason: "it is not a file name".into(),
        });
    };
    if replace == Replace::Never && path.exists() {
        return Err(StorageError::Exists { path: shown() });
    }
    super::stale::replaceable(path).map_err(|reason| StorageError::Save {
        path: shown(),
        reason,
    })?;
    super::stale::clear_stale_temps(&dir, &name.to_string_lossy());
    let (tmp, mut file) =
        temp_file(&dir, &name.to_string_lossy()).map_err(|e| StorageError::Save {
            path: shown(),
            reason: format!(
                "cannot create a temporary file in {}: {}",
                dir.display(),
                reason(&e)
            ),
        })?;
    let written = write_and_sync(&mut file, path, bytes).and_then(|()| {
        drop(file);
        match replace {
            Replace::Allow => std::fs::rename(&tmp, path),
            Replace::Never => link_new(&tmp, path),
        }
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(StorageError::Exists { path: shown() });
        }
        return Err(StorageError::Save {
            path: shown(),
            reason: reason(&e),
        });
    }
    // The rename is durable only once the folder is; a failure here leaves the new file in place.
    sync_dir(&dir).map_err(|e| StorageError::Save {
        path: shown(),
        reason: format!(
            "written, but the folder could not be flushed: {}",
            reason(&e)
        ),
    })
}

fn write_and_sync(file: &mut File, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Keep the permissions the user gave the file it replaces.
    if let Ok(meta) = std::fs::metadata(target) {
        let _ = file.set_permissions(meta.permissions());
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Give `tmp` the name `path` only if nothing has it. A hard link fails if the name is taken, even
/// by a file created a moment ago; where links are not supported, check and rename instead.
fn link_new(tmp: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(tmp, path) {
        Ok(()) => {
            let _ = std::fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists || path.exists() => {
            Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
        }
        Err(_) => std::fs::rename(tmp, path),
    }
}

/// A new, empty, hidden file next to the target: `.NAME.tmp-PID-N`.
fn temp_file(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Flush a folder's entries (a new or renamed file in it) to disk. A no-op where folders cannot be
/// opened as files.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }

    #[test]
    fn writes_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        write_atomic(&path, b"first", Replace::Allow).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"second", Replace::Allow).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn never_replace_keeps_the_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        write_atomic(&path, b"mine", Replace::Never).unwrap();
        let err = write_atomic(&path, b"theirs", Replace::Never).unwrap_err();
        assert!(matches!(err, StorageError::Exists { .. }), "{err}");
        assert!(err.to_string().contains("story.md already exists"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"mine");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    #[cfg(unix)]
    fn replacing_keeps_the_files_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new", Replace::Allow).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("story.md");
        let err = write_atomic(&path, b"x", Replace::Allow).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("story.md"), "{text}");
        assert!(text.contains("temporary file"), "{text}");
    }
}
