//! Reading a user's file safely: only a regular file is read (a FIFO, a device such as
//! `/dev/zero`, a socket or a folder is refused, and opening never blocks on a FIFO), and never
//! more than a cap, so a file linked to an endless source is reported instead of read forever.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// It is a FIFO, a device, a socket or a folder (what it is, in words).
    NotRegular(&'static str),
    /// It holds more than the cap (its size, or at least the cap plus one when it grows).
    TooBig(u64),
    Io(io::Error),
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::NotRegular(what) => {
                write!(f, "not a regular file (it is {what}); skipped")
            }
            ReadProblem::TooBig(n) => write!(f, "the file is {n} bytes, too large"),
            ReadProblem::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// Open `path` for reading if it is a regular file, without blocking when it is a FIFO.
pub fn open_regular(path: &Path) -> Result<File, ReadProblem> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadProblem::Io)?;
    let meta = file.metadata().map_err(ReadProblem::Io)?;
    if !meta.is_file() {
        return Err(ReadProblem::NotRegular(what_it_is(&meta)));
    }
    Ok(file)
}

/// What a file that is not a regular one is, in a user's words.
fn what_it_is(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a plain file"
}

/// The whole of a regular file of at most `cap` bytes.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ReadProblem> {
    let file = open_regular(path)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > cap {
        return Err(ReadProblem::TooBig(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grows while being read stops at the cap (plus one byte to notice it).
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadProblem::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read_and_never_past_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "hello").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"hello");
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadProblem::TooBig(5))
        ));
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a regular file (it is a folder); skipped"
        );
        // /dev/zero never ends and says its size is 0.
        let e = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a regular file (it is a device); skipped"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        // Without O_NONBLOCK this open waits for a writer forever.
        let e = read_regular(&fifo, 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a regular file (it is a named pipe); skipped"
        );
    }
}
