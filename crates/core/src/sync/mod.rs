//! Sync between machines through git: the data folder is a git repository; `init` makes it one
//! (or uses the one there), `sync` commits what is new, pulls with rebase and pushes.
//!
//! Conflict-free by design. The attempt log and the debriefs are append-only JSON lines with a
//! stable id per record; `.gitattributes` gives them git's union merge (both machines' new lines
//! are kept), and after a pull prep drops any line whose id it has already seen, so a record that
//! arrives twice counts once. Stories and `plan.yaml` are merged as whole files (`merge=binary`):
//! when both machines changed the same one, the other machine's version stays at its name and
//! this machine's is kept next to it as `NAME.mine.md` (`plan.mine.yaml`), and both are reported;
//! no file prep reads ever holds conflict markers. Recordings and temporary files are not synced
//! (`.gitignore`). Any other conflict stops the sync with the rebase undone.

pub mod git;
mod resolve;

use git::Git;
use std::path::Path;

/// The `.gitattributes` prep writes.
pub const ATTRIBUTES: &str = "# Written by `prep sync init`: how git merges prep's files (see prep's README).\n\
attempts.jsonl merge=union\n\
debriefs.jsonl merge=union\n\
stories/*.md merge=binary\n\
plan.yaml merge=binary\n";

/// The `.gitignore` prep writes.
pub const IGNORE: &str = "# Written by `prep sync init`: not synced.\n\
recordings/\n\
*.wav\n\
.*.tmp-*\n";

/// What a sync did, for the user.
#[derive(Debug, Default)]
pub struct Report {
    pub committed: bool,
    pub pulled: bool,
    pub pushed: bool,
    /// Records seen twice after the pull and dropped, per file.
    pub deduped: Vec<(String, usize)>,
    /// Files changed on both machines, with where each version is now.
    pub both_kept: Vec<String>,
}

/// Find git on this process's PATH, or say why there is none.
pub fn git_for(dir: &Path) -> Result<Git, String> {
    match git::find(std::env::var_os("PATH").as_deref()) {
        Some(p) => Ok(Git::new(p, dir)),
        None => Err(
            "sync needs git, and no `git` program is on PATH; install git or add it to PATH (nothing was changed)"
                .into(),
        ),
    }
}

fn is_repo(g: &Git) -> bool {
    g.dir.join(".git").exists()
}

/// Make the data folder a git repository (or use the one there), with prep's attributes and
/// ignore list, a first commit, and `remote` as `origin` when given.
pub fn init(dir: &Path, remote: Option<&str>) -> Result<Vec<String>, String> {
    let g = git_for(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut said = Vec::new();
    if is_repo(&g) {
        said.push(format!(
            "{} is already a git repository; using it",
            dir.display()
        ));
    } else {
        g.must("git init", &["init", "-q", "-b", "main"])?;
        said.push(format!("made {} a git repository", dir.display()));
    }
    for (name, text) in [(".gitattributes", ATTRIBUTES), (".gitignore", IGNORE)] {
        let path = dir.join(name);
        if !path.exists() {
            crate::storage::write_atomic(&path, text.as_bytes(), crate::storage::Replace::Never)
                .map_err(|e| e.to_string())?;
        }
    }
    if g.text(&["config", "user.email"]).is_empty() {
        g.must("git config", &["config", "user.email", "prep@localhost"])?;
        g.must("git config", &["config", "user.name", "prep"])?;
    }
    if let Some(url) = remote {
        let has = !g.text(&["remote", "get-url", "origin"]).is_empty();
        let args: &[&str] = if has {
            &["remote", "set-url", "origin", url]
        } else {
            &["remote", "add", "origin", url]
        };
        g.must("setting the remote", args)?;
        said.push(format!("remote origin is {url}"));
    }
    if commit(&g, "prep sync init")? {
        said.push("committed what is in the folder".into());
    }
    Ok(said)
}

/// Commit everything new; true when there was something.
fn commit(g: &Git, message: &str) -> Result<bool, String> {
    g.must("git add", &["add", "-A"])?;
    if g.run(&["diff", "--cached", "--quiet"])?.ok {
        return Ok(false);
    }
    g.must("git commit", &["commit", "-q", "-m", message])?;
    Ok(true)
}

/// Commit, pull with rebase, drop records seen twice, push.
pub fn sync(dir: &Path, device: &str) -> Result<Report, String> {
    let g = git_for(dir)?;
    if !is_repo(&g) {
        return Err(format!(
            "{} is not synced yet; `prep sync init --remote URL` sets it up (nothing was changed)",
            dir.display()
        ));
    }
    if g.text(&["remote", "get-url", "origin"]).is_empty() {
        return Err(
            "no remote to sync with; `prep sync init --remote URL` adds one (nothing was changed)"
                .into(),
        );
    }
    let branch = match g.text(&["symbolic-ref", "--short", "HEAD"]) {
        b if b.is_empty() => "main".to_string(),
        b => b,
    };
    let mut report = Report::default();
    let remote_has = g
        .must(
            "reaching the remote",
            &["ls-remote", "--heads", "origin", &branch],
        )?
        .stdout
        .contains(&format!("refs/heads/{branch}"));
    let before = g.text(&["rev-parse", "HEAD"]);
    report.committed = commit(&g, &format!("prep sync from {device}"))?;
    if remote_has {
        g.must("fetching", &["fetch", "-q", "origin", &branch])?;
        let pull = g.run(&["rebase", "-q", &format!("origin/{branch}")])?;
        if !pull.ok {
            resolve::rebase(&g, &mut report)?;
        }
        report.pulled = true;
        report.deduped = resolve::dedupe(dir)?;
        if !report.deduped.is_empty() {
            commit(&g, "prep sync: a record seen twice counts once")?;
        }
    }
    let push = g.run(&["push", "-q", "origin", &format!("HEAD:{branch}")])?;
    if !push.ok {
        // Nothing came in: take back this run's commit too, so the folder is as it was.
        if report.committed && !report.pulled && !before.is_empty() {
            let _ = g.run(&["reset", "-q", "--soft", &before]);
        }
        return Err(format!(
            "the remote refused the push ({}); your files are as they were; run `prep sync` again",
            push.why()
        ));
    }
    let _ = g.run(&[
        "branch",
        "-q",
        "--set-upstream-to",
        &format!("origin/{branch}"),
    ]);
    report.pushed = true;
    Ok(report)
}
