//! Draft questions: a question asked in a real interview that the bank does not have goes into
//! the user bank's `sections/from-interviews.yaml`, tagged `draft`, so it can be drilled and
//! completed later. The file is an ordinary section (`prep validate` checks it); new drafts are
//! added at its end, and the whole file is written atomically.

use crate::bank::Bank;
use crate::storage::{Replace, write_atomic};
use std::path::{Path, PathBuf};

pub const SECTION: &str = "from-interviews";

pub fn path(bank_dir: &Path) -> PathBuf {
    bank_dir.join("sections").join(format!("{SECTION}.yaml"))
}

/// A free id for a draft of `text`: `draft-` and its first words, numbered when taken.
pub fn draft_id(bank: &Bank, existing: &str, text: &str) -> String {
    let slug: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect();
    let base = format!(
        "draft-{}",
        if slug.is_empty() {
            "question".into()
        } else {
            slug.join("-")
        }
    );
    let taken = |id: &str| bank.question(id).is_some() || existing.contains(&format!("id: {id}\n"));
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Append a draft question for `text` (asked at `company`) and return its id.
pub fn add(bank_dir: &Path, bank: &Bank, text: &str, company: &str) -> Result<String, String> {
    let file = path(bank_dir);
    let existing = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => format!(
            "# Questions asked in real interviews that the bank did not have (written by `prep debrief`).\n\
             # Edit them freely: add probes, checks and talking points, and drop the `draft` tag.\n\
             id: {SECTION}\ntitle: From your interviews\norder: 900\nquestions:\n"
        ),
        Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
    };
    let id = draft_id(bank, &existing, text);
    let kind = if text.to_lowercase().starts_with("design") {
        ("system-design", "45m", "system-design")
    } else {
        ("behavioral", "90s", "star")
    };
    let company_tag = crate::stories::normalize(company);
    let mut tags = vec!["draft".to_string(), "debrief".to_string()];
    if !company_tag.is_empty() {
        tags.push(format!("company-{company_tag}"));
    }
    let mut out = existing;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&format!(
        "  - id: {id}\n    prompt: {}\n    kind: {}\n    roles: [tech-lead, staff, em, director]\n    time: {}\n    rubric: {}\n    tags: [{}]\n",
        serde_json::to_string(text.trim()).unwrap_or_default(),
        kind.0,
        kind.1,
        kind.2,
        tags.join(", ")
    ));
    let dir = file.parent().unwrap_or(bank_dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    write_atomic(&file, out.as_bytes(), Replace::Allow).map_err(|e| e.to_string())?;
    Ok(id)
}
