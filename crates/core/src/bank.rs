//! The question bank: everything of the `prep-bank` crate (the model and the loader), plus the
//! built-in bank, embedded as data, and loading banks on top of it.
//!
//! `build.rs` runs the loader over `content/` when prep is compiled (a broken file fails the
//! build with the same `file:line:column` messages `prep validate` prints) and writes the result
//! as Rust code, included below. Its text is borrowed from the binary, so starting prep neither
//! parses YAML nor copies the bank: it builds the lists that point into it.

pub use prep_bank::*;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin_bank.rs"));

fn s(text: &'static str) -> Text {
    Text::Borrowed(text)
}

fn v(texts: &[&'static str]) -> Vec<Text> {
    texts.iter().map(|t| Text::Borrowed(t)).collect()
}

fn o(file: &'static str, line: u32, column: u32) -> Origin {
    Origin {
        file: Text::Borrowed(file),
        line,
        column,
    }
}

/// A [`Question`] as the generated table holds it.
struct StaticQuestion {
    id: &'static str,
    section: &'static str,
    prompt: &'static str,
    kind: Kind,
    roles: &'static [Role],
    time: u32,
    rubric: &'static str,
    probes: &'static [&'static str],
    checks: &'static [&'static str],
    talking_points: &'static str,
    pitfalls: &'static [&'static str],
    follow_ups: &'static [&'static str],
    tags: &'static [&'static str],
    origin: (&'static str, u32, u32),
    check_axes: &'static [Option<Axis>],
    levels: &'static [StaticLevel],
    example: Option<(&'static str, &'static str)>,
}

/// A [`Level`] as the generated table holds it.
struct StaticLevel {
    role: Role,
    bar: &'static str,
    check: Option<(&'static str, Option<Axis>)>,
    time: Option<u32>,
}

fn questions() -> Vec<Question> {
    QUESTIONS
        .iter()
        .map(|q| Question {
            id: s(q.id),
            section: s(q.section),
            prompt: s(q.prompt),
            kind: q.kind,
            roles: q.roles.to_vec(),
            time: q.time,
            rubric: s(q.rubric),
            probes: v(q.probes),
            checks: v(q.checks),
            talking_points: s(q.talking_points),
            pitfalls: v(q.pitfalls),
            follow_ups: v(q.follow_ups),
            tags: v(q.tags),
            origin: o(q.origin.0, q.origin.1, q.origin.2),
            check_axes: q.check_axes.to_vec(),
            levels: q
                .levels
                .iter()
                .map(|l| Level {
                    role: l.role,
                    bar: s(l.bar),
                    check: l.check.map(|(text, axis)| Check {
                        text: s(text),
                        axis,
                    }),
                    time: l.time,
                })
                .collect(),
            example: q.example.map(|(weak, strong)| Example {
                weak: s(weak),
                strong: s(strong),
            }),
        })
        .collect()
}

/// The bank compiled into the binary.
pub fn load_builtin() -> Bank {
    let mut bank = Bank::default();
    bank.rubrics = rubrics();
    bank.sections = sections();
    bank.questions = questions();
    bank.guides = guides();
    bank.tags = tags();
    bank.index();
    bank
}

/// Load and merge banks in order. With [`BankSource::Builtin`] among them, the others are added
/// to the built-in bank: they may use its rubrics, and reusing one of its ids is a clash. A folder
/// that is a whole bank (its `bank.yaml` says `replaces: built-in`, as `prep bank init` writes)
/// takes the built-in bank's place instead.
pub fn load(sources: &[BankSource]) -> Result<Bank, Diagnostics> {
    let (replaced, diags) = replaces_builtin(sources);
    if !diags.is_empty() {
        return Err(Diagnostics(diags));
    }
    if replaced {
        let own: Vec<_> = sources
            .iter()
            .filter(|s| **s != BankSource::Builtin)
            .cloned()
            .collect();
        parse(&own)
    } else if sources.contains(&BankSource::Builtin) {
        parse_on_top_of(load_builtin(), sources)
    } else {
        parse(sources)
    }
}

/// Is any folder among `sources` a whole bank? And the problems with their `bank.yaml` files.
fn replaces_builtin(sources: &[BankSource]) -> (bool, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut replaced = false;
    for s in sources {
        if let BankSource::Dir(dir) = s {
            match crate::bank_files::whole_bank(dir) {
                Ok(yes) => replaced |= yes,
                Err(d) => diags.push(d),
            }
        }
    }
    (replaced, diags)
}

/// Check the given folders or files as one bank. A whole bank (see [`load`]), or a file inside
/// one, is checked on its own, with that bank's `rubrics.yaml` for the rubrics its questions name;
/// anything else is checked as prep would load it on top of the built-in bank: rubric references
/// may use built-in rubrics, and an id the built-in bank already uses is a clash.
pub fn validate_paths(paths: &[PathBuf]) -> Result<Bank, Diagnostics> {
    let mut sources: Vec<_> = paths.iter().map(|p| BankSource::from_path(p)).collect();
    let (mut whole, diags) = replaces_builtin(&sources);
    if !diags.is_empty() {
        return Err(Diagnostics(diags));
    }
    for p in paths.iter().filter(|p| p.is_file()) {
        let Some(root) = bank_root(p) else { continue };
        if crate::bank_files::whole_bank(&root) == Ok(true) {
            whole = true;
            let rubrics = root.join("rubrics.yaml");
            let listed = |s: &BankSource| matches!(s, BankSource::File(f) if f.canonicalize().ok() == rubrics.canonicalize().ok());
            if rubrics.is_file() && !sources.iter().any(listed) {
                sources.insert(0, BankSource::File(rubrics));
            }
        }
    }
    if whole {
        parse(&sources)
    } else {
        validate_on_top_of(load_builtin(), &sources)
    }
}

/// The bank folder a file belongs to: the folder of `rubrics.yaml`, or the one above `sections/`
/// or `guides/`.
fn bank_root(file: &Path) -> Option<PathBuf> {
    let parent = file.parent()?;
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let folder = parent.file_name().and_then(|n| n.to_str());
    if matches!(folder, Some("sections" | "guides")) {
        return parent.parent().map(Path::to_path_buf);
    }
    Some(parent.to_path_buf())
}

/// Does `dir` hold nothing a bank is made of (no entries, or only empty `sections/` and
/// `guides/` folders)? An empty user bank folder is an empty bank, not an error.
pub fn holds_nothing(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().all(|e| {
        let name = e.file_name();
        (name == "sections" || name == "guides")
            && e.file_type().is_ok_and(|t| t.is_dir())
            && std::fs::read_dir(e.path()).is_ok_and(|mut d| d.next().is_none())
    })
}

/// The folder the built-in bank is compiled from, for the tests that compare the two.
#[cfg(test)]
fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Debug text of a bank's contents, with each origin's file made relative to the package.
    fn contents(bank: &Bank) -> String {
        let text = format!(
            "{:#?}",
            (
                &bank.rubrics,
                &bank.sections,
                &bank.questions,
                &bank.guides,
                &bank.tags,
            )
        );
        let top = content_dir()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        text.replace(&format!("{}/", top.display()), "")
    }

    #[test]
    fn the_embedded_bank_is_what_parsing_content_gives_now() {
        let dir = content_dir();
        let parsed = parse(&[BankSource::Dir(dir)]).expect("content/ is valid");
        let embedded = load_builtin();
        assert!(embedded.questions.len() > 200);
        assert_eq!(contents(&embedded), contents(&parsed));
        let id = &parsed.questions[7].id;
        assert_eq!(embedded.question_index(id), Some(7));
    }

    #[test]
    fn a_user_bank_adds_to_the_builtin_one_and_may_not_reuse_its_ids() {
        let builtin = load_builtin();
        let first = &builtin.questions[0];
        let yaml = |id: &str| {
            format!(
                "id: extra\ntitle: Extra\norder: 99\nsummary: More.\nquestions:\n  - id: {id}\n    \
                 prompt: Tell me about a time you changed a plan.\n    kind: behavioral\n    \
                 roles: [em]\n    time: 60s\n    rubric: star\n"
            )
        };
        let ok = load(&[
            BankSource::Builtin,
            BankSource::Memory("extra.yaml".into(), yaml("extra-one").into_bytes()),
        ])
        .expect("uses the built-in star rubric");
        assert_eq!(ok.questions.len(), builtin.questions.len() + 1);
        assert!(ok.question("extra-one").is_some() && ok.section("extra").is_some());

        let clash = load(&[
            BankSource::Builtin,
            BankSource::Memory("extra.yaml".into(), yaml(&first.id).into_bytes()),
        ])
        .expect_err("id taken");
        let text = clash.to_string();
        assert!(
            text.contains(&format!("also defined at {}", first.origin)),
            "{text}"
        );
    }

    /// Section file `i`: two questions, or (when `broken`) a question with an unknown kind.
    fn section(i: usize, broken: bool) -> BankSource {
        let kind = if broken { "opinion" } else { "judgment" };
        let yaml = format!(
            "id: s{i}\ntitle: Section {i}\nquestions:\n  - id: s{i}-a\n    prompt: First of {i}?\n    \
             kind: {kind}\n    roles: [staff]\n    time: 60s\n    rubric: judgment\n  - id: s{i}-b\n    \
             prompt: Second of {i}?\n    kind: judgment\n    roles: [staff]\n    time: 60s\n    \
             rubric: judgment\n"
        );
        BankSource::Memory(format!("s{i:02}.yaml"), yaml.into_bytes())
    }

    #[test]
    fn many_files_load_in_file_order_with_messages_in_file_order() {
        // Enough files to be parsed on worker threads.
        let mut sources = vec![BankSource::Builtin];
        sources.extend((0..20).map(|i| section(i, false)));
        let bank = load(&sources).unwrap();
        let ours: Vec<&str> = bank
            .questions
            .iter()
            .filter(|q| q.id.starts_with('s') && q.id.contains('-') && q.id.len() <= 5)
            .map(|q| q.id.as_ref())
            .collect();
        let want: Vec<String> = (0..20)
            .flat_map(|i| [format!("s{i}-a"), format!("s{i}-b")])
            .collect();
        assert_eq!(ours, want);

        let mut sources = vec![BankSource::Builtin];
        sources.extend((0..20).map(|i| section(i, i % 3 == 0)));
        let err = load(&sources).unwrap_err();
        let files: Vec<&str> = err.0.iter().map(|d| d.file.as_str()).collect();
        let want: Vec<String> = (0..20)
            .filter(|i| i % 3 == 0)
            .map(|i| format!("s{i:02}.yaml"))
            .collect();
        assert_eq!(files, want);
        assert!(
            err.0
                .iter()
                .all(|d| d.line == 6 && d.message.contains("opinion"))
        );
    }
}
