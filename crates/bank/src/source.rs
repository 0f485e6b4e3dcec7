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
    /// `tags.yaml`: the curated tag vocabulary.
    Tags,
}

/// A file's name as shown to the user, what it holds, and where its bytes are. Nothing is read
/// until [`SourceFile::text`] is called, so a large bank is never all in memory as text at once.
pub(crate) struct SourceFile<'a> {
    pub name: String,
    pub kind: FileKind,
    bytes: Bytes<'a>,
}

enum Bytes<'a> {
    Disk(PathBuf),
    Memory(&'a [u8]),
}

impl<'a> SourceFile<'a> {
    /// The file's checked text, or why it has none.
    pub fn text(&self) -> Result<std::borrow::Cow<'a, str>, Vec<Diagnostic>> {
        match &self.bytes {
            Bytes::Memory(bytes) => decode(&self.name, bytes).map(std::borrow::Cow::Borrowed),
            Bytes::Disk(path) => {
                let bytes = read_file(path, &self.name)?;
                decode(&self.name, &bytes).map(|text| text.to_owned().into())
            }
        }
    }
}

fn kind_of(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if name == "rubrics.yaml" || name == "rubrics.yml" {
        Some(FileKind::Rubrics)
    } else if name == "tags.yaml" || name == "tags.yml" {
        Some(FileKind::Tags)
    } else if ext == "yaml" || ext == "yml" {
        Some(FileKind::Section)
    } else if ext == "md" {
        Some(FileKind::Guide)
    } else {
        None
    }
}

/// Read every bank file of a source, in a stable order. Problems reading a folder become diagnostics.
pub(crate) fn collect<'a>(
    source: &'a BankSource,
    out: &mut Vec<SourceFile<'a>>,
    diags: &mut Vec<Diagnostic>,
) {
    match source {
        BankSource::Builtin => {}
        BankSource::Dir(dir) => collect_dir(dir, out, diags),
        BankSource::Memory(name, bytes) => match kind_of(Path::new(name)) {
            Some(kind) => out.push(SourceFile {
                name: name.clone(),
                kind,
                bytes: Bytes::Memory(bytes),
            }),
            None => diags.push(Diagnostic::new(
                name,
                1,
                1,
                "not a bank file: expected rubrics.yaml, tags.yaml, a section (.yaml) or a guide (.md)",
            )),
        },
        BankSource::File(path) => {
            let name = path.display().to_string();
            match kind_of(path) {
                Some(kind) => out.push(on_disk(path, name, kind)),
                None => diags.push(Diagnostic::new(
                    &name,
                    1,
                    1,
                    "not a bank file: expected rubrics.yaml, tags.yaml, a section (.yaml) or a guide (.md)",
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
    for (name, kind) in [
        ("rubrics.yaml", FileKind::Rubrics),
        ("rubrics.yml", FileKind::Rubrics),
        ("tags.yaml", FileKind::Tags),
        ("tags.yml", FileKind::Tags),
    ] {
        let path = dir.join(name);
        if path.is_file() {
            out.push(on_disk(&path, path.display().to_string(), kind));
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
        let mut paths: Vec<PathBuf> = Vec::new();
        for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if p.file_name().is_some_and(|n| n.to_str().is_none()) {
                let msg = "the file name is not UTF-8 text, so it was skipped; rename it";
                diags.push(Diagnostic::new(&p.display().to_string(), 1, 1, msg));
            } else if in_folder(kind_of(&p), kind) && !p.is_dir() {
                // Read (or refused as a FIFO or device) by `read_file`, which says why.
                paths.push(p);
            }
        }
        paths.sort();
        for p in paths {
            out.push(on_disk(&p, p.display().to_string(), kind));
        }
    }
    // A folder holding only `loops.yaml` is a bank of loops (read by the core's `loops`).
    if out.len() == before && !dir.join("loops.yaml").is_file() {
        diags.push(Diagnostic::new(
            &shown,
            1,
            1,
            "no bank files here: expected rubrics.yaml, sections/*.yaml or guides/*.md",
        ));
    }
}

/// Does a file of kind `found` belong in the folder for `kind`? (A `sections/tags.yaml` is a section.)
fn in_folder(found: Option<FileKind>, kind: FileKind) -> bool {
    found == Some(kind) || (kind == FileKind::Section && found == Some(FileKind::Tags))
}

fn on_disk(path: &Path, name: String, kind: FileKind) -> SourceFile<'static> {
    SourceFile {
        name,
        kind,
        bytes: Bytes::Disk(path.to_path_buf()),
    }
}

fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    use crate::regular::{ReadProblem, read_regular};
    read_regular(path, MAX_FILE_BYTES as u64).map_err(|e| match e {
        ReadProblem::TooBig(n) => vec![too_big(name, n)],
        ReadProblem::Io(e) => vec![Diagnostic::new(
            name,
            1,
            1,
            format!("cannot read file: {e}"),
        )],
        other => vec![Diagnostic::new(name, 1, 1, other.to_string())],
    })
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

/// Bytes to text: refuse oversize files and invalid UTF-8, drop a byte-order mark, and refuse
/// control characters that would reach the terminal (tab, newline and carriage return are fine).
pub(crate) fn decode<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<Diagnostic>> {
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
    if !may_hold_unsafe_chars(bytes) {
        return Ok(text);
    }
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
        Ok(text)
    } else {
        Err(diags)
    }
}

/// A quick look at the UTF-8 bytes for anything [`unsafe_char`] might refuse: C0 controls but
/// tab, newline and carriage return, DEL, C1 controls (`C2 80`–`C2 9F`) and the bidirectional
/// controls (`E2 80 AA`–`AE`, `E2 81 A6`–`A9`, the marks `E2 80 8E`/`8F` and `D8 9C`). False
/// only when there is none of them.
pub(crate) fn may_hold_unsafe_chars(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..0x20 | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE | 0x8E | 0x8F)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        0xD8 => bytes.get(i + 1) == Some(&0x9C),
        _ => false,
    })
}

/// Characters bank text may not hold, and what they are: control characters (but tab, newline and
/// carriage return) would reach the terminal raw; bidirectional overrides would reorder what
/// the reader sees.
pub fn unsafe_char(c: char) -> Option<&'static str> {
    if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
        Some("control character")
    } else if matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    ) {
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
    fn the_quick_byte_check_misses_no_character_the_full_check_refuses() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            // Alone, and between ordinary text, where a slice boundary cannot hide it.
            let framed = [b"a ", bytes, b" z"].concat();
            let refused = unsafe_char(c).is_some();
            assert_eq!(may_hold_unsafe_chars(bytes), refused, "U+{:04X}", c as u32);
            assert_eq!(
                may_hold_unsafe_chars(&framed),
                refused,
                "U+{:04X}",
                c as u32
            );
        }
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
