//! What [`super::write_atomic`] checks around the file it writes: only a regular file is ever
//! replaced (never a link, a device such as `/dev/null`, a FIFO or a folder), and the temp files
//! an earlier prep left next to the target when it was killed mid-write are cleared.

use std::path::Path;

/// `Err(reason)` when something other than a regular file has the name `path`.
pub(super) fn replaceable(path: &Path) -> Result<(), String> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let what = if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else {
        "a device, a pipe or a socket"
    };
    Err(format!(
        "it is {what}, not a regular file; prep only ever replaces a regular file"
    ))
}

/// Remove `.NAME.tmp-PID-N` files in `dir` whose process is gone: what a prep killed while
/// writing `NAME` left behind. A temp file of a running prep (this one included) is kept.
pub(super) fn clear_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest.split_once('-').and_then(|(p, n)| {
            n.parse::<u32>().ok()?;
            p.parse::<u32>().ok()
        }) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid != std::process::id() && !running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Is a process with this id running? Where that cannot be known, say yes (keep the file).
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Replace, write_atomic};
    use super::*;

    #[test]
    fn only_a_regular_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.md");
        std::fs::write(&target, "kept").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = write_atomic(&link, b"new", Replace::Allow).unwrap_err();
        assert!(
            e.to_string()
                .contains("it is a symbolic link, not a regular file"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let e = write_atomic(Path::new("/dev/null"), b"new", Replace::Allow).unwrap_err();
        assert!(
            e.to_string().contains("a device, a pipe or a socket"),
            "{e}"
        );
        write_atomic(&target, b"new", Replace::Allow).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn temp_files_of_a_killed_prep_are_cleared_on_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        // No process has an id this large (pid_max is at most 2^22).
        let stale = dir.path().join(".report.md.tmp-99999999-0");
        let mine = dir
            .path()
            .join(format!(".report.md.tmp-{}-77", std::process::id()));
        let other = dir.path().join(".notes.md.tmp-99999999-0");
        for f in [&stale, &mine, &other] {
            std::fs::write(f, "half").unwrap();
        }
        write_atomic(&dir.path().join("report.md"), b"whole", Replace::Allow).unwrap();
        assert!(!stale.exists(), "a dead prep's temp file is cleared");
        assert!(mine.exists(), "a running prep's temp file is kept");
        assert!(other.exists(), "only temp files of the file being written");
    }
}
