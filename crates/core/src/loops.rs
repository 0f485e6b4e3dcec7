//! The loops prep knows: the built-in ones (`content/loops.yaml`, embedded in the binary and
//! checked against the built-in bank when prep is built) with each bank folder's own
//! `loops.yaml` laid on top, in the order the banks are loaded (a loop with an id already known
//! replaces it). The types and the checks are the bank crate's ([`crate::bank::Loop`]).

use crate::bank::{
    Bank, BankSource, Diagnostic, Diagnostics, Loop, check_loops, merge_loops, parse_loops,
};
use std::path::Path;

/// The text of the built-in loops.
pub const BUILTIN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../content/loops.yaml"
));

/// The built-in loops. (`build.rs` refuses to build prep when they do not parse.)
pub fn builtin() -> Vec<Loop> {
    parse_loops("content/loops.yaml", BUILTIN).unwrap_or_default()
}

/// The `loops.yaml` a bank folder may hold.
pub fn file_in(dir: &Path) -> std::path::PathBuf {
    dir.join("loops.yaml")
}

/// Parse one loops file from disk; a file that cannot be read is one problem at its line 1.
pub fn read(path: &Path) -> Result<Vec<Loop>, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::new(
            &name,
            1,
            1,
            format!("cannot read file: {e}"),
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![Diagnostic::new(
            &name,
            1,
            1,
            "invalid UTF-8; save the file as UTF-8",
        )]
    })?;
    parse_loops(&name, &text)
}

/// Every loop for these sources (built-in first when [`BankSource::Builtin`] is among them), with
/// the folders' own loops checked against `bank`: all problems, or the merged list.
pub fn load(sources: &[BankSource], bank: &Bank) -> Result<Vec<Loop>, Diagnostics> {
    let mut loops = if sources.contains(&BankSource::Builtin) {
        builtin()
    } else {
        Vec::new()
    };
    let mut problems = Vec::new();
    for source in sources {
        let path = match source {
            BankSource::Dir(dir) => file_in(dir),
            BankSource::File(f) if is_loops_file(f) => f.clone(),
            _ => continue,
        };
        if !path.is_file() {
            continue;
        }
        match read(&path) {
            Ok(own) => {
                problems.extend(check_loops(&own, bank));
                loops = merge_loops(loops, own);
            }
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() {
        Ok(loops)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Is this file a loops file (by its name)?
pub fn is_loops_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "loops.yaml" || n == "loops.yml")
}

/// A loop by id.
pub fn find<'a>(loops: &'a [Loop], id: &str) -> Option<&'a Loop> {
    loops.iter().find(|l| l.id == id)
}

/// The ids, comma separated, for messages.
pub fn ids(loops: &[Loop]) -> String {
    loops
        .iter()
        .map(|l| l.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A loop's length as people say it: `52m`, `1h 5m`.
pub fn length_label(secs: u32) -> String {
    let mins = secs.div_ceil(60);
    match (mins / 60, mins % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// One line for a picker: how long, how many questions, and the parts.
pub fn summary(l: &Loop) -> String {
    let mut parts: Vec<String> = Vec::new();
    for p in &l.parts {
        let label = if p.count > 1 {
            format!("{} {}", p.count, p.name)
        } else {
            p.name.clone()
        };
        parts.push(label);
    }
    format!(
        "{} · {} questions · {}",
        length_label(l.length()),
        l.questions(),
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;

    #[test]
    fn the_builtin_loops_parse_and_every_part_fits_the_builtin_bank() {
        let loops = parse_loops("content/loops.yaml", BUILTIN).unwrap();
        let ids: Vec<&str> = loops.iter().map(|l| l.id.as_str()).collect();
        for want in [
            "tech-lead",
            "staff",
            "em",
            "director",
            "amazon",
            "google",
            "meta",
            "startup-cto",
        ] {
            assert!(ids.contains(&want), "{want} missing from {ids:?}");
        }
        assert!(check_loops(&loops, &load_builtin()).is_empty());
        let amazon = find(&loops, "amazon").unwrap();
        assert!(amazon.parts.iter().any(|p| p.name == "bar raiser"));
        assert!(
            amazon
                .parts
                .iter()
                .any(|p| p.tags.contains(&"amazon-lp".to_string())
                    && p.tags.contains(&"company-amazon".to_string()))
        );
    }

    #[test]
    fn lengths_read_like_people_say_them() {
        assert_eq!(length_label(45 * 60 + 5 * 90 + 75), "54m");
        assert_eq!(length_label(3900), "1h 5m");
        assert_eq!(length_label(7200), "2h");
        let staff = find(&builtin(), "staff").cloned().unwrap();
        assert_eq!(
            summary(&staff),
            "53m · 6 questions · system design, judgment call, behavioral, judgment call, behavioral, curveball"
        );
    }

    #[test]
    fn a_folder_loop_replaces_a_builtin_one_by_id_and_adds_its_own() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("loops.yaml"),
            "loops:\n  - id: staff\n    title: My staff loop\n    role: staff\n    parts:\n      - { kind: system-design, time: 30m }\n  - id: mine\n    title: Mine\n    role: em\n    parts:\n      - { section: conflict, time: 90s, count: 3 }\n",
        )
        .unwrap();
        let bank = load_builtin();
        let sources = [BankSource::Builtin, BankSource::Dir(dir.path().into())];
        let loops = load(&sources, &bank).unwrap();
        assert_eq!(loops.len(), builtin().len() + 1);
        let staff = find(&loops, "staff").unwrap();
        assert_eq!(staff.title, "My staff loop");
        assert_eq!(staff.length(), 30 * 60);
        assert_eq!(loops[1].id, "staff", "a replaced loop keeps its place");
        assert_eq!(loops.last().unwrap().questions(), 3);
    }
}
