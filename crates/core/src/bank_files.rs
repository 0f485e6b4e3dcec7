//! A whole bank as files, to start one's own from: `prep bank init DIR` writes the built-in bank
//! (`rubrics.yaml`, `sections/*.yaml`, `guides/*.md`) and a `bank.yaml` that says the folder is a
//! whole bank, so prep loads it in place of the built-in one instead of on top of it (where every
//! id would clash). Which folder counts as a whole bank is decided by that file, never by where
//! prep was built.

use crate::bank::{Bank, Diagnostic, Question, format_duration};
use std::fmt::Write as _;
use std::path::Path;

/// The file that makes a folder a whole bank.
pub const WHOLE_BANK_FILE: &str = "bank.yaml";

const WHOLE_BANK_TEXT: &str = "\
# This folder is a whole bank: prep loads it in place of its built-in bank, so its ids are its
# own (nothing clashes with the built-in questions). Remove this file to load the folder on top
# of the built-in bank instead, as extra questions.
replaces: built-in
";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    replaces: String,
}

/// Does `dir` hold a `bank.yaml` saying it replaces the built-in bank? A `bank.yaml` that says
/// anything else is a problem, reported like any bank file's.
pub fn whole_bank(dir: &Path) -> Result<bool, Diagnostic> {
    let path = dir.join(WHOLE_BANK_FILE);
    let shown = path.display().to_string();
    let bytes = match crate::bank::regular::read_regular(&path, 64 * 1024) {
        Ok(b) => b,
        Err(crate::bank::regular::ReadProblem::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok(false);
        }
        Err(e) => return Err(Diagnostic::new(&shown, 1, 1, e.to_string())),
    };
    let text = String::from_utf8_lossy(&bytes);
    match serde_saphyr::from_str::<Manifest>(&text) {
        Ok(m) if m.replaces == "built-in" => Ok(true),
        _ => Err(Diagnostic::new(
            &shown,
            1,
            1,
            "a bank.yaml holds one line, `replaces: built-in`, saying this folder is a whole bank",
        )),
    }
}

/// Write `bank` into `dir` (which must not hold a bank already) as a whole bank. Returns the
/// number of files written.
pub fn write_bank(bank: &Bank, dir: &Path) -> Result<usize, String> {
    let taken = ["rubrics.yaml", "sections", "guides", WHOLE_BANK_FILE]
        .iter()
        .find(|n| dir.join(n).exists());
    if let Some(name) = taken {
        return Err(format!(
            "{} already has {name}; choose an empty or new folder",
            dir.display()
        ));
    }
    let mut files: Vec<(String, String)> = vec![(WHOLE_BANK_FILE.into(), WHOLE_BANK_TEXT.into())];
    files.push(("rubrics.yaml".into(), rubrics_yaml(bank)));
    for (i, s) in bank.sections.iter().enumerate() {
        files.push((
            format!("sections/{}", file_name(&s.origin.file, &s.id, i, "yaml")),
            section_yaml(bank, s),
        ));
    }
    for (i, g) in bank.guides.iter().enumerate() {
        files.push((
            format!("guides/{}", file_name(&g.origin.file, &g.id, i, "md")),
            guide_md(g),
        ));
    }
    for (name, text) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        crate::storage::write_atomic(&path, text.as_bytes(), crate::storage::Replace::Never)
            .map_err(|e| e.to_string())?;
    }
    Ok(files.len())
}

/// The file name the item came from (`ambiguity.yaml`), else its id.
fn file_name(origin: &str, id: &str, i: usize, ext: &str) -> String {
    let from = Path::new(origin).file_name().and_then(|n| n.to_str());
    match from {
        Some(n) if n.ends_with(&format!(".{ext}")) && !n.starts_with('.') => n.to_string(),
        _ if !id.is_empty() => format!("{id}.{ext}"),
        _ => format!("{i}.{ext}"),
    }
}

/// A YAML scalar: a literal block for text over several lines when that keeps it exactly, else a
/// double-quoted string (JSON's escapes are YAML's too).
fn scalar(out: &mut String, text: &str, indent: usize) {
    let block_safe = text.contains('\n')
        && !text.starts_with([' ', '\t'])
        && !text.contains(['\r', '\t'])
        && !text.ends_with("\n\n")
        && !text.chars().any(|c| c.is_control() && c != '\n');
    if !block_safe {
        out.push_str(&serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()));
        out.push('\n');
        return;
    }
    let (chomp, body) = match text.strip_suffix('\n') {
        Some(body) => ("|", body),
        None => ("|-", text),
    };
    out.push_str(chomp);
    out.push('\n');
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&" ".repeat(indent));
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn key(out: &mut String, indent: usize, name: &str, text: &str) {
    let _ = write!(out, "{}{name}: ", " ".repeat(indent));
    scalar(out, text, indent + 2);
}

fn list(out: &mut String, indent: usize, name: &str, items: &[crate::bank::Text]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}{name}:", " ".repeat(indent));
    for item in items {
        let _ = write!(out, "{}  - ", " ".repeat(indent));
        scalar(out, item, indent + 4);
    }
}

fn rubrics_yaml(bank: &Bank) -> String {
    let mut out = String::from("# The shared rubrics, written by `prep bank init`.\nrubrics:\n");
    for r in &bank.rubrics {
        out.push_str("  - id: ");
        scalar(&mut out, &r.id, 6);
        key(&mut out, 4, "title", &r.title);
        out.push_str("    items:\n");
        for i in &r.items {
            out.push_str("      - id: ");
            scalar(&mut out, &i.id, 8);
            key(&mut out, 8, "text", &i.text);
            let _ = writeln!(out, "        weight: {}", i.weight);
            let _ = writeln!(out, "        axis: {}", i.axis.as_str());
        }
    }
    out
}

fn section_yaml(bank: &Bank, s: &crate::bank::Section) -> String {
    let mut out = String::new();
    key(&mut out, 0, "id", &s.id);
    key(&mut out, 0, "title", &s.title);
    let _ = writeln!(out, "order: {}", s.order);
    if !s.summary.is_empty() {
        key(&mut out, 0, "summary", &s.summary);
    }
    out.push_str("questions:\n");
    for &qi in &s.questions {
        if let Some(q) = bank.questions.get(qi) {
            question_yaml(&mut out, q);
        }
    }
    out
}

fn question_yaml(out: &mut String, q: &Question) {
    out.push_str("  - id: ");
    scalar(out, &q.id, 6);
    key(out, 4, "prompt", &q.prompt);
    let _ = writeln!(out, "    kind: {}", q.kind.as_str());
    if !q.roles.is_empty() {
        let roles: Vec<&str> = q.roles.iter().map(|r| r.as_str()).collect();
        let _ = writeln!(out, "    roles: [{}]", roles.join(", "));
    }
    let _ = writeln!(out, "    time: {}", format_duration(q.time.into()));
    key(out, 4, "rubric", &q.rubric);
    list(out, 4, "probes", &q.probes);
    checks(out, q);
    levels(out, q);
    if let Some(e) = &q.example {
        out.push_str("    example:\n");
        key(out, 6, "weak", &e.weak);
        key(out, 6, "strong", &e.strong);
    }
    if !q.talking_points.is_empty() {
        key(out, 4, "talking_points", &q.talking_points);
    }
    list(out, 4, "pitfalls", &q.pitfalls);
    list(out, 4, "follow_ups", &q.follow_ups);
    list(out, 4, "tags", &q.tags);
}

/// A check as the bank writes it: text, or a one-key `people:`/`technical:` mapping for its axis.
fn check(out: &mut String, indent: usize, text: &str, axis: Option<crate::bank::Axis>) {
    match axis {
        None => scalar(out, text, indent + 2),
        Some(a) => {
            let _ = write!(out, "{}: ", a.as_str());
            scalar(out, text, indent + 4);
        }
    }
}

fn checks(out: &mut String, q: &Question) {
    if q.checks.is_empty() {
        return;
    }
    out.push_str("    checks:\n");
    for (i, c) in q.checks.iter().enumerate() {
        out.push_str("      - ");
        check(out, 6, c, q.check_axes.get(i).copied().flatten());
    }
}

fn levels(out: &mut String, q: &Question) {
    if q.levels.is_empty() {
        return;
    }
    out.push_str("    levels:\n");
    for l in &q.levels {
        let _ = writeln!(out, "      {}:", l.role.as_str());
        key(out, 8, "bar", &l.bar);
        match l.check.as_ref().map(|c| (c, c.axis)) {
            Some((c, None)) => key(out, 8, "check", &c.text),
            Some((c, Some(axis))) => {
                let _ = write!(out, "        check:\n          {}: ", axis.as_str());
                scalar(out, &c.text, 12);
            }
            None => {}
        }
        if let Some(t) = l.time {
            let _ = writeln!(out, "        time: {}", format_duration(t.into()));
        }
    }
}

fn guide_md(g: &crate::bank::Guide) -> String {
    let mut out = String::from("---\n");
    key(&mut out, 0, "id", &g.id);
    key(&mut out, 0, "title", &g.title);
    let _ = writeln!(out, "order: {}", g.order);
    if !g.summary.is_empty() {
        key(&mut out, 0, "summary", &g.summary);
    }
    list(&mut out, 0, "tags", &g.tags);
    out.push_str("---\n");
    out.push_str(&g.body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{BankSource, Origin, load_builtin, parse};

    /// A bank's contents without where each thing was read from.
    fn contents(mut bank: Bank) -> String {
        let none = || Origin {
            file: "".into(),
            line: 0,
            column: 0,
        };
        bank.rubrics.iter_mut().for_each(|r| r.origin = none());
        bank.sections.iter_mut().for_each(|s| s.origin = none());
        bank.questions.iter_mut().for_each(|q| q.origin = none());
        bank.guides.iter_mut().for_each(|g| g.origin = none());
        format!(
            "{:#?}",
            (&bank.rubrics, &bank.sections, &bank.questions, &bank.guides)
        )
    }

    #[test]
    fn the_written_bank_is_the_builtin_one_and_a_whole_bank() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("my-bank");
        let n = write_bank(&load_builtin(), &out).unwrap();
        assert!(n > 20, "{n} files");
        assert_eq!(whole_bank(&out), Ok(true));
        let read = parse(&[BankSource::Dir(out.clone())]).unwrap();
        assert_eq!(contents(read), contents(load_builtin()));
        // Loaded the way prep loads banks, it replaces the built-in one: no clashes.
        let loaded = crate::bank::load(&[BankSource::Builtin, BankSource::Dir(out.clone())]);
        assert_eq!(
            loaded.map(|b| b.questions.len()).ok(),
            Some(load_builtin().questions.len())
        );
        let again = write_bank(&load_builtin(), &out).unwrap_err();
        assert!(
            again.ends_with("already has rubrics.yaml; choose an empty or new folder"),
            "{again}"
        );
    }

    #[test]
    fn a_bank_yaml_that_says_something_else_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(whole_bank(dir.path()), Ok(false));
        std::fs::write(dir.path().join("bank.yaml"), "replaces: nothing\n").unwrap();
        let e = whole_bank(dir.path()).unwrap_err();
        assert!(e.message.contains("`replaces: built-in`"), "{e}");
    }
}
