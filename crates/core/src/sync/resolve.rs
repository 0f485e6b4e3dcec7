//! After a pull: a rebase that stopped on files both machines changed is carried on by keeping
//! both versions (stories, the plan), and records that arrived twice are dropped by id.

use super::Report;
use super::git::Git;
use std::collections::HashSet;
use std::path::Path;

/// The file next to `path` that keeps this machine's version: `x.md` → `x.mine.md`.
fn mine_name(path: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("{stem}.mine.{ext}")
        }
        _ => format!("{path}.mine"),
    }
}

/// Carry a stopped rebase to the end, keeping both versions of each story or plan changed on
/// both machines. Any other conflict: the rebase is undone and the sync stops.
pub fn rebase(g: &Git, report: &mut Report) -> Result<(), String> {
    for _ in 0..1000 {
        if !g.dir.join(".git/rebase-merge").exists() && !g.dir.join(".git/rebase-apply").exists() {
            return Ok(());
        }
        let conflicted = g.text(&["diff", "--name-only", "--diff-filter=U"]);
        let files: Vec<&str> = conflicted.lines().filter(|l| !l.is_empty()).collect();
        let ours_theirs =
            |f: &str| f == "plan.yaml" || (f.starts_with("stories/") && f.ends_with(".md"));
        if let Some(other) = files.iter().find(|f| !ours_theirs(f)) {
            let _ = g.run(&["rebase", "--abort"]);
            return Err(format!(
                "{other} was changed on both machines and cannot be merged; nothing was changed here; sort it out with git in {}",
                g.dir.display()
            ));
        }
        for f in &files {
            // In a rebase, stage 2 is the other machine's (what is rebased onto), 3 is ours.
            let theirs = g.run(&["show", &format!(":2:{f}")])?;
            let mine = g.run(&["show", &format!(":3:{f}")])?;
            let keep = mine_name(f);
            let write = |name: &str, text: &str| {
                crate::storage::write_atomic(
                    &g.dir.join(name),
                    text.as_bytes(),
                    crate::storage::Replace::Allow,
                )
                .map_err(|e| e.to_string())
            };
            if theirs.ok {
                write(f, &theirs.stdout)?;
            }
            if mine.ok {
                write(&keep, &mine.stdout)?;
            }
            g.must("git add", &["add", "-f", "--", f, &keep])?;
            report.both_kept.push(format!(
                "{f} was changed on both machines: the other machine's version is {f}, this one's is {keep}"
            ));
        }
        let next = g.run(&["rebase", "--continue"])?;
        if !next.ok && files.is_empty() {
            // Stopped for a reason that is not a file conflict.
            let _ = g.run(&["rebase", "--abort"]);
            return Err(format!(
                "pulling failed: {}; nothing was changed here",
                next.why()
            ));
        }
    }
    Err("pulling did not finish; run `prep sync` again".into())
}

/// Drop every line of the attempt log and the debriefs whose record id was already seen (first
/// kept, order kept), rewriting a file only when it had some. Lines that do not parse are kept.
pub fn dedupe(dir: &Path) -> Result<Vec<(String, usize)>, String> {
    let mut out = Vec::new();
    for name in [crate::storage::LOG_FILE, "debriefs.jsonl"] {
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut seen = HashSet::new();
        let mut kept = String::with_capacity(text.len());
        let mut dropped = 0;
        for line in text.lines() {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
                .filter(|id| !id.is_empty());
            if let Some(id) = id
                && !seen.insert(id)
            {
                dropped += 1;
                continue;
            }
            kept.push_str(line);
            kept.push('\n');
        }
        if dropped > 0 {
            crate::storage::write_atomic(&path, kept.as_bytes(), crate::storage::Replace::Allow)
                .map_err(|e| e.to_string())?;
            out.push((name.to_string(), dropped));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_seen_twice_counts_once_and_other_lines_stay_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join(crate::storage::LOG_FILE);
        let text =
            "{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\"}\nnot json\n{\"id\":\"a\",\"n\":1}\nnot json\n";
        std::fs::write(&log, text).unwrap();
        let dropped = dedupe(dir.path()).unwrap();
        assert_eq!(dropped, vec![(crate::storage::LOG_FILE.to_string(), 1)]);
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "{\"id\":\"a\",\"n\":1}\n{\"id\":\"b\"}\nnot json\nnot json\n"
        );
        assert!(
            dedupe(dir.path()).unwrap().is_empty(),
            "a clean file is not rewritten"
        );
        assert_eq!(mine_name("stories/launch.md"), "stories/launch.mine.md");
        assert_eq!(mine_name("plan.yaml"), "plan.mine.yaml");
    }
}
