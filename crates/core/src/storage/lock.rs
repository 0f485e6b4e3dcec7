//! Waiting for another prep's lock on a data file, naming who holds it when the system can tell,
//! and turning I/O errors into words a user can act on.

use std::fs::{File, TryLockError};
use std::time::Duration;

/// How long a writer waits for another writer before giving up: long enough for any one append.
pub const PATIENCE: Duration = Duration::from_secs(2);
const STEP: Duration = Duration::from_millis(25);

/// Why a lock was not taken.
pub enum LockFailure {
    /// Someone else held it for all of [`PATIENCE`].
    Busy,
    /// The file system cannot lock (some network file systems).
    Unsupported(std::io::Error),
}

/// Take an exclusive (or shared) lock, polling for up to [`PATIENCE`].
pub fn lock_with_patience(file: &File, shared: bool) -> Result<(), LockFailure> {
    let tries = PATIENCE.as_millis() / STEP.as_millis();
    for _ in 0..tries {
        let attempt = if shared {
            file.try_lock_shared()
        } else {
            file.try_lock()
        };
        match attempt {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) => std::thread::sleep(STEP),
            Err(TryLockError::Error(e)) => return Err(LockFailure::Unsupported(e)),
        }
    }
    Err(LockFailure::Busy)
}

/// The process holding a lock on `file`, when the system says (Linux: `/proc/locks`).
pub fn holder(file: &File) -> Option<u32> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = file.metadata().ok()?;
        // The kernel writes the list a page at a time, so a line can slip past a read while
        // other locks come and go: look again before saying no one is named.
        (0..4).find_map(|_| {
            let locks = std::fs::read_to_string("/proc/locks").ok()?;
            holder_in(&locks, meta.dev(), meta.ino())
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

/// Find the pid of a granted lock on device `dev`, inode `ino` in `/proc/locks` text, e.g.
/// `1: FLOCK  ADVISORY  WRITE 4242 fe:00:10010821 0 EOF` (waiters are marked `->` and skipped).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn holder_in(locks: &str, dev: u64, ino: u64) -> Option<u32> {
    // Linux's encoding of a device number (glibc's `major`/`minor`).
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    locks.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.get(1) == Some(&"->") {
            return None;
        }
        let pid = fields.get(4)?.parse::<u32>().ok()?;
        let mut id = fields.get(5)?.split(':');
        let (maj, min, inode) = (id.next()?, id.next()?, id.next()?);
        let same = u64::from_str_radix(maj, 16).ok()? == major
            && u64::from_str_radix(min, 16).ok()? == minor
            && inode.parse::<u64>().ok()? == ino;
        same.then_some(pid)
    })
}

/// An I/O error in plain words first, the system's own words after: "the disk is full (No space
/// left on device (os error 28))".
pub fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let plain = match e.kind() {
        K::PermissionDenied => "not allowed to write there (a read-only folder or file?)",
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::StorageFull | K::QuotaExceeded => "the disk is full",
        K::FileTooLarge => "the file has reached the size limit (a full disk or a ulimit)",
        K::NotFound => "it does not exist",
        _ => return e.to_string(),
    };
    format!("{plain} ({e})")
}

/// [`reason`] for a failed read: a file prep may not read says so (not "write").
pub fn read_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            format!("not allowed to read it (check its permissions) ({e})")
        }
        _ => reason(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_is_found_by_device_and_inode() {
        let locks = "1: FLOCK  ADVISORY  WRITE 111 fe:00:99 0 EOF\n\
                     2: -> FLOCK  ADVISORY  WRITE 333 fe:00:42 0 EOF\n\
                     3: FLOCK  ADVISORY  WRITE 222 fe:00:42 0 EOF\n";
        let dev = 0xfe << 8;
        assert_eq!(holder_in(locks, dev, 42), Some(222));
        assert_eq!(holder_in(locks, dev, 7), None);
        assert_eq!(holder_in(locks, dev + 1, 42), None);
        assert_eq!(holder_in("garbage\n\n1: FLOCK", dev, 42), None);
    }

    #[test]
    fn reasons_say_what_went_wrong_in_plain_words() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(reason(&full).starts_with("the disk is full ("));
        let denied = std::io::Error::from_raw_os_error(13);
        assert!(reason(&denied).starts_with("not allowed to write there"));
        assert!(read_reason(&denied).starts_with("not allowed to read it"));
        let other = std::io::Error::other("boom");
        assert_eq!(reason(&other), "boom");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_lock_held_here_names_this_process() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let held = File::create(&path).unwrap();
        held.lock().unwrap();
        let other = File::open(&path).unwrap();
        assert_eq!(holder(&other), Some(std::process::id()));
    }
}
