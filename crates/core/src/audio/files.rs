//! Where recordings live: `<data>/recordings/<attempt id>.wav` with its transcript beside it
//! (`<id>.txt`), the folder private to the user (mode 0700), and the outside programs' messages
//! in `<data>/audio.log`.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub const DIR: &str = "recordings";
pub const LOG: &str = "audio.log";

pub fn dir(data: &Path) -> PathBuf {
    data.join(DIR)
}

pub fn wav(data: &Path, id: &str) -> PathBuf {
    dir(data).join(format!("{id}.wav"))
}

pub fn txt(data: &Path, id: &str) -> PathBuf {
    dir(data).join(format!("{id}.txt"))
}

pub fn log(data: &Path) -> PathBuf {
    data.join(LOG)
}

/// Make the recordings folder (and the data folder) if needed, readable by the user alone.
pub fn ensure_dir(data: &Path) -> std::io::Result<PathBuf> {
    let d = dir(data);
    std::fs::create_dir_all(&d)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(d)
}

/// One recording on disk.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Stored {
    pub id: String,
    pub wav: PathBuf,
    pub bytes: u64,
    /// Unix seconds it was last written.
    pub modified: i64,
    /// The transcript, when there is one.
    pub transcript: Option<PathBuf>,
}

/// Every recording in the data folder, oldest first.
pub fn list(data: &Path) -> Vec<Stored> {
    let Ok(entries) = std::fs::read_dir(dir(data)) else {
        return Vec::new();
    };
    let mut out: Vec<Stored> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "wav") {
                return None;
            }
            let id = path.file_stem()?.to_str()?.to_string();
            let meta = e.metadata().ok()?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64);
            let t = txt(data, &id);
            Some(Stored {
                id,
                wav: path,
                bytes: meta.len(),
                modified,
                transcript: t.exists().then_some(t),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.modified, &a.id).cmp(&(b.modified, &b.id)));
    out
}

/// Recordings written `secs` seconds or more before `now` (Unix seconds).
pub fn older_than(data: &Path, secs: i64, now: i64) -> Vec<Stored> {
    list(data)
        .into_iter()
        .filter(|s| now - s.modified >= secs)
        .collect()
}
