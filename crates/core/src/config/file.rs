//! Finding the settings file and reading it safely: size, kind of file, encoding.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Where the settings file is: `PREP_CONFIG` (a file), else `config.toml` in `PREP_CONFIG_DIR`,
/// else `config.toml` in the platform's config folder for prep (`~/.config/prep` on Linux).
/// Empty variables count as unset. `None` when no home folder can be found.
pub fn find_path() -> Option<(PathBuf, PathOrigin)> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(file) = var("PREP_CONFIG") {
        return Some((PathBuf::from(file), PathOrigin::EnvFile));
    }
    if let Some(dir) = var("PREP_CONFIG_DIR") {
        return Some((PathBuf::from(dir).join(FILE_NAME), PathOrigin::EnvDir));
    }
    directories::ProjectDirs::from("", "", "prep")
        .map(|d| (d.config_dir().join(FILE_NAME), PathOrigin::Platform))
}

/// [`find_path`] without the reason.
pub fn default_path() -> Option<PathBuf> {
    find_path().map(|(path, _)| path)
}

/// Read the settings file. A missing file gives the defaults and no problem; a file that cannot
/// be read or is not TOML gives the defaults and one problem; otherwise every setting that reads
/// well applies and each one that does not is a problem.
pub fn load(path: &Path) -> Loaded {
    match read_text(path) {
        Ok(None) => Loaded::default(),
        Ok(Some(text)) => parse(path, &text),
        Err((pos, message)) => Loaded {
            config: Config::default(),
            problems: vec![Problem::new(path, pos, message)],
        },
    }
}

/// The file's text, `None` when there is no file.
pub(super) fn read_text(path: &Path) -> Result<Option<String>, (Pos, String)> {
    let whole = |m: String| (Pos::START, m);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(whole(io_words(&e))),
    };
    if meta.is_dir() {
        return Err(whole(
            "this is a folder; the settings file must be a file".into(),
        ));
    }
    if !meta.is_file() {
        return Err(whole(
            "this is not a regular file (a device or a pipe?); prep reads settings only from a file"
                .into(),
        ));
    }
    let too_big = |n: u64| {
        whole(format!(
            "the file is {n} bytes, over the 1 MiB limit; a settings file needs a few lines"
        ))
    };
    if meta.len() > MAX_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| whole(io_words(&e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| whole(io_words(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            // The prefix is valid UTF-8 by definition; fall back to the start if not.
            let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
            Err((
                pos_at(prefix, prefix.len()),
                "the file is not UTF-8 text (the byte here is not valid UTF-8); save it as UTF-8"
                    .into(),
            ))
        }
    }
}

pub(super) fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied => "prep is not allowed to read this file (permission denied)".into(),
        K::NotADirectory => "part of this path is a file, not a folder".into(),
        _ => format!("cannot read this file: {}", printable(&e.to_string())),
    }
}
