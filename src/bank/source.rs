//! Where bank files come from (folders, single files, memory) and the byte-level
//! checks every file passes before it is parsed: size cap, UTF-8, byte-order mark, control characters.

use super::Diagnostic;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// One place a bank is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankSource {
    /// The bank compiled into the binary (shown as `content/...`). It has no files to read here:
    /// `build.rs` parsed it when prep was built, and `bank::load` starts from the result.
    Builtin,
    /// A folder laid out like `content/`: `rubrics.yaml`, `sections/*.yaml`, `guides/*.md`.
    Dir(PathBuf),
    /// A single section, rubrics or guide file.
    File(PathBuf),
    /// A file held in memory, by name (`rubrics.yaml`, `x.yaml`, `x.md`) and bytes: for tests and tools.
    Memory(String, Vec<u8>),
}

impl BankSource {
    /// A folder or a single file, decided by what is on disk.
    pub fn from_path(path: &Path) -> Self {
        if path.is_file() {
            BankSource::File(path.to_path_buf())
        } else {
            BankSource::Dir(path.to_path_buf())
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Rubrics,
    Section,
    Guide,
}

/// A file's name as shown to the user, what it holds, and its text (or why it has none).
pub(crate) struct SourceFile {
    pub name: String,
    pub kind: FileKind,
    pub text: Result<String, Vec<Diagnostic>>,
}

fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if name == "rubrics.yaml" || name == "rubrics.yml" {
        Some(FileKind::Rubrics)
    } else if ext == "yaml" || ext == "yml" {
        Some(FileKind::Section)
    } else if ext == "md" {
        Some(FileKind::Guide)
    } else {
        None
    }
}

/// Read every bank file of a source, in a stable order. Problems reading a folder become diagnostics.
pub(crate) fn collect(source: &BankSource, out: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) {
    match source {
        BankSource::Builtin => {}
        BankSource::Dir(dir) => collect_dir(dir, out, diags),
        BankSource::Memory(name, bytes) => match kind_of(Path::new(name)) {
            Some(kind) => out.push(decoded(name.clone(), kind, bytes)),
            None => diags.push(Diagnostic::new(
                name,
                1,
                1,
                "not a bank file: expected rubrics.yaml, a section (.yaml) or a guide (.md)",
            )),
        },
        BankSource::File(path) => {
            let name = path.display().to_string();
            match kind_of(path) {
                Some(kind) => out.push(read_file(path, name, kind)),
                None => diags.push(Diagnostic::new(
                    &name,
                    1,
                    1,
                    "not a bank file: expected rubrics.yaml, a section (.yaml) or a guide (.md)",
                )),
            }
        }
    }
}

fn collect_dir(dir: &Path, out: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        let why = if dir.exists() {
            "not a folder"
        } else {
            "no such folder"
        };
        diags.push(Diagnostic::new(
            &shown,
            1,
            1,
            format!("cannot read bank: {why}"),
        ));
        return;
    }
    let before = out.len();
    for name in ["rubrics.yaml", "rubrics.yml"] {
        let path = dir.join(name);
        if path.is_file() {
            out.push(read_file(
                &path,
                path.display().to_string(),
                FileKind::Rubrics,
            ));
        }
    }
    for (folder, kind) in [("sections", FileKind::Section), ("guides", FileKind::Guide)] {
        let sub = dir.join(folder);
        if !sub.is_dir() {
            continue;
        }
        let entries = match std::fs::read_dir(&sub) {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::new(
                    &sub.display().to_string(),
                    1,
                    1,
                    format!("cannot read folder: {e}"),
                ));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && kind_of(p) == Some(kind))
            .collect();
        paths.sort();
        for p in paths {
            out.push(read_file(&p, p.display().to_string(), kind));
        }
    }
    if out.len() == before {
        diags.push(Diagnostic::new(
            &shown,
            1,
            1,
            "no bank files here: expected rubrics.yaml, sections/*.yaml or guides/*.md",
        ));
    }
}

fn read_file(path: &Path, name: String, kind: FileKind) -> SourceFile {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES as u64 => {
            return SourceFile {
                text: Err(vec![too_big(&name, m.len())]),
                name,
                kind,
            };
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => decoded(name, kind, &bytes),
        Err(e) => SourceFile {
            text: Err(vec![Diagnostic::new(
                &name,
                1,
                1,
                format!("cannot read file: {e}"),
            )]),
            name,
            kind,
        },
    }
}

fn too_big(name: &str, len: u64) -> Diagnostic {
    let mib = len as f64 / (1024.0 * 1024.0);
    Diagnostic::new(
        name,
        1,
        1,
        format!("file is {mib:.1} MiB; the limit is 8 MiB"),
    )
}

fn decoded(name: String, kind: FileKind, bytes: &[u8]) -> SourceFile {
    let text = decode(&name, bytes);
    SourceFile { name, kind, text }
}

/// Bytes to text: refuse oversize files and invalid UTF-8, drop a byte-order mark, and refuse
/// control characters that would reach the terminal (tab, newline and carriage return are fine).
pub(crate) fn decode(name: &str, bytes: &[u8]) -> Result<String, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(name, bytes.len() as u64)]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let (line, column) = position(std::str::from_utf8(good).unwrap_or(""));
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(vec![Diagnostic::new(
                name,
                line,
                column,
                format!("invalid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8"),
            )]);
        }
    };
    let mut diags = Vec::new();
    let (mut line, mut column) = (1u32, 1u32);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            column = 1;
            continue;
        }
        if let Some(what) = unsafe_char(c).filter(|_| diags.len() < 20) {
            diags.push(Diagnostic::new(name, line, column, unsafe_message(c, what)));
        }
        column += 1;
    }
    if diags.is_empty() {
        Ok(text.to_string())
    } else {
        Err(diags)
    }
}

/// Characters bank text may not hold, and what they are: control characters (but tab, newline and
/// carriage return) would reach the terminal raw; bidirectional overrides would reorder what
/// the reader sees.
pub fn unsafe_char(c: char) -> Option<&'static str> {
    if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
        Some("control character")
    } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        Some("bidirectional override")
    } else {
        None
    }
}

pub(crate) fn unsafe_message(c: char, what: &str) -> String {
    let why = if what == "bidirectional override" {
        "it would reorder the text on screen"
    } else {
        "it would reach the terminal raw"
    };
    format!("{what} U+{:04X} is not allowed: {why}", c as u32)
}

/// 1-based line and column just after `prefix`.
fn position(prefix: &str) -> (u32, u32) {
    let line = prefix.matches('\n').count() as u32 + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_accepted_and_dropped() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFid: x\n").unwrap(), "id: x\n");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode("f.yaml", b"id: x\nprompt: caf\xE9\n").unwrap_err();
        assert_eq!(
            err[0].to_string(),
            "f.yaml:2:12: invalid UTF-8 (byte 0xE9); save the file as UTF-8"
        );
    }

    #[test]
    fn escape_characters_are_refused_where_they_are() {
        let err = decode("f.yaml", b"a: ok\nb: \x1b[31mred\n").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].column), (2, 4));
        assert!(err[0].message.contains("U+001B"));
        assert!(decode("f", b"a:\tb\r\n").is_ok());
    }

    #[test]
    fn oversize_is_refused_before_parsing() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(
            decode("big.yaml", &big).unwrap_err()[0]
                .message
                .contains("limit is 8 MiB")
        );
    }
}
