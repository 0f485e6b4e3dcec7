//! Reading and parsing bank files into their raw shapes. Each file is independent, so a large
//! bank is parsed on worker threads, a few files ahead of the builder that checks and merges them
//! in file order (the results, and the order of any messages, are the same as on one thread).

use super::Diagnostic;
use super::checks::{mapping_start, split_front_matter, yaml_message};
use super::raw::{RawGuide, RawRubrics, RawSection, RawTags};
use super::source::{FileKind, SourceFile};
use std::sync::mpsc;

/// One file, parsed.
pub(super) enum Parsed {
    Rubrics(RawRubrics),
    Section(RawSection),
    Tags(RawTags),
    Guide {
        raw: RawGuide,
        body: String,
        /// The line the body starts on.
        body_line: u32,
    },
    Failed(Vec<Diagnostic>),
}

/// Fewer files than this are parsed on the calling thread.
const THREADS_FROM_FILES: usize = 8;

/// Parse every file and hand each result to `take`, in the order of `files`.
pub(super) fn each_parsed(files: &[SourceFile], mut take: impl FnMut(&str, Parsed)) {
    let workers = if files.len() < THREADS_FROM_FILES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    };
    if workers == 1 {
        for f in files {
            take(&f.name, parse_file(f));
        }
        return;
    }
    std::thread::scope(|scope| {
        // Worker w parses files w, w + workers, ...; a small queue each keeps memory bounded.
        let inboxes: Vec<_> = (0..workers)
            .map(|w| {
                let (tx, rx) = mpsc::sync_channel(2);
                scope.spawn(move || {
                    for f in files.iter().skip(w).step_by(workers) {
                        if tx.send(parse_file(f)).is_err() {
                            return;
                        }
                    }
                });
                rx
            })
            .collect();
        for (i, f) in files.iter().enumerate() {
            let parsed = inboxes[i % workers].recv().unwrap_or_else(|_| {
                let why = "was not parsed: its parser thread stopped";
                Parsed::Failed(vec![Diagnostic::new(&f.name, 1, 1, why)])
            });
            take(&f.name, parsed);
        }
    });
}

fn parse_file(file: &SourceFile) -> Parsed {
    let text = match file.text() {
        Ok(text) => text,
        Err(diags) => return Parsed::Failed(diags),
    };
    let name = &file.name;
    let parsed = match file.kind {
        FileKind::Rubrics => yaml(name, &text, 0).map(Parsed::Rubrics),
        FileKind::Section => yaml(name, &text, 0).map(Parsed::Section),
        FileKind::Tags => yaml(name, &text, 0).map(Parsed::Tags),
        FileKind::Guide => match split_front_matter(&text) {
            None => {
                let msg = "a guide starts with YAML front matter between `---` lines (id, title, order, summary, tags)";
                Err(Diagnostic::new(name, 1, 1, msg))
            }
            Some((front, body, body_line)) => yaml(name, front, 1).map(|raw| Parsed::Guide {
                raw,
                body: body.to_string(),
                body_line,
            }),
        },
    };
    parsed.unwrap_or_else(|d| Parsed::Failed(vec![d]))
}

/// Deserialize `text`; an error points at its line (shifted by `line_offset`) and column.
fn yaml<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
    line_offset: u32,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let (mut line, mut column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        let message = yaml_message(&e, text);
        if message.starts_with("missing field") {
            (line, column) = mapping_start(text, line, column);
        }
        Diagnostic::new(name, line + line_offset, column, message)
    })
}
