//! Sync through git with two data folders and a bare repository in a temp folder: attempts made
//! on both machines, synced both ways in both orders, are all there once each; a story edited on
//! both sides keeps both versions; no remote, a refused push and a missing git each say so and
//! change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::storage::{Attempt, AttemptLog, SCHEMA_VERSION};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn prep(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn attempt(id: &str, at: i64) -> Attempt {
    serde_json::from_value(serde_json::json!({
        "schema": SCHEMA_VERSION, "id": id, "at": at, "question": "con-disagree-manager",
        "section": "conflict", "kind": "behavioral", "time_limit": 90, "spoken": 80,
        "overtime": 0, "checked": [], "items": 5, "score": 60.0, "notes": "", "follow_ups": 0,
    }))
    .unwrap()
}

fn add(data: &Path, id: &str, at: i64) {
    AttemptLog::new(data).append(&attempt(id, at)).unwrap();
}

fn ids(data: &Path) -> Vec<String> {
    let mut ids: Vec<String> = AttemptLog::new(data)
        .read()
        .unwrap()
        .attempts
        .into_iter()
        .map(|a| a.id)
        .collect();
    ids.sort();
    ids
}

/// Every file of a folder outside `.git`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

struct World {
    _tmp: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    remote: PathBuf,
}

fn world() -> World {
    let tmp = tempfile::tempdir().unwrap();
    let remote = tmp.path().join("remote.git");
    let st = Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .status()
        .unwrap();
    assert!(st.success());
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let url = remote.display().to_string();
    ok(prep(&a, &["sync", "init", "--remote", &url]));
    ok(prep(&b, &["sync", "init", "--remote", &url]));
    World {
        _tmp: tmp,
        a,
        b,
        remote,
    }
}

#[test]
fn attempts_from_both_machines_synced_both_ways_in_both_orders_are_all_there_once() {
    let w = world();
    add(&w.a, "a1", 100);
    add(&w.a, "a2", 200);
    add(&w.b, "b1", 150);
    // A first, then B, then A.
    ok(prep(&w.a, &["sync"]));
    ok(prep(&w.b, &["sync"]));
    ok(prep(&w.a, &["sync"]));
    assert_eq!(ids(&w.a), ["a1", "a2", "b1"]);
    assert_eq!(ids(&w.b), ["a1", "a2", "b1"]);
    // New work on both, B first this time; one record reached both logs already (copied by hand).
    add(&w.a, "a3", 300);
    add(&w.b, "b2", 310);
    add(&w.b, "a3", 300);
    ok(prep(&w.b, &["sync"]));
    ok(prep(&w.a, &["sync"]));
    ok(prep(&w.b, &["sync"]));
    let want = ["a1", "a2", "a3", "b1", "b2"];
    assert_eq!(ids(&w.a), want);
    assert_eq!(ids(&w.b), want);
    // Nothing new: syncing again changes nothing.
    let before = files(&w.a);
    ok(prep(&w.a, &["sync"]));
    assert_eq!(files(&w.a), before);
    assert!(w.remote.join("HEAD").is_file());
}

#[test]
fn a_story_edited_on_both_machines_keeps_both_versions_and_says_so() {
    let w = world();
    std::fs::create_dir_all(w.a.join("stories")).unwrap();
    std::fs::write(
        w.a.join("stories/launch.md"),
        "---\ntitle: Launch\n---\n## Situation\nfirst\n",
    )
    .unwrap();
    ok(prep(
        &w.a,
        &["plan", "set", "--date", "2099-01-01", "--role", "staff"],
    ));
    ok(prep(&w.a, &["sync"]));
    ok(prep(&w.b, &["sync"]));
    assert!(w.b.join("stories/launch.md").is_file());
    ok(prep(
        &w.a,
        &["plan", "set", "--date", "2099-01-02", "--role", "staff"],
    ));
    ok(prep(
        &w.b,
        &["plan", "set", "--date", "2099-01-03", "--role", "em"],
    ));
    std::fs::write(
        w.a.join("stories/launch.md"),
        "---\ntitle: Launch\n---\n## Situation\nfrom A\n",
    )
    .unwrap();
    std::fs::write(
        w.b.join("stories/launch.md"),
        "---\ntitle: Launch\n---\n## Situation\nfrom B\n",
    )
    .unwrap();
    ok(prep(&w.a, &["sync"]));
    let said = ok(prep(&w.b, &["sync"]));
    assert!(
        said.contains("both kept: stories/launch.md was changed on both machines"),
        "{said}"
    );
    let here = |p: &str| std::fs::read_to_string(w.b.join(p)).unwrap();
    assert!(here("stories/launch.md").contains("from A"));
    assert!(here("stories/launch.mine.md").contains("from B"));
    assert!(
        said.contains("both kept: plan.yaml was changed on both machines"),
        "{said}"
    );
    assert!(here("plan.yaml").contains("2099-01-02"));
    assert!(here("plan.mine.yaml").contains("2099-01-03"));
    // The plan prep reads still parses.
    ok(prep(&w.b, &["plan", "--format", "json"]));
    ok(prep(&w.a, &["sync"]));
    assert!(
        std::fs::read_to_string(w.a.join("stories/launch.mine.md"))
            .unwrap()
            .contains("from B")
    );
    for dir in [&w.a, &w.b] {
        for (path, bytes) in files(dir) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn no_remote_a_refused_push_and_no_git_each_say_so_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    // No remote.
    let lone = tmp.path().join("lone");
    ok(prep(&lone, &["sync", "init"]));
    add(&lone, "x1", 100);
    let before = files(&lone);
    let out = prep(&lone, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no remote to sync with; `prep sync init --remote URL` adds one"),
        "{err}"
    );
    assert_eq!(files(&lone), before);
    assert!(String::from_utf8_lossy(&out.stdout).is_empty());

    // A remote that refuses every push.
    let w = world();
    let hook = w.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'pushes are closed' >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    add(&w.a, "a1", 100);
    let before = files(&w.a);
    let out = prep(&w.a, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the remote refused the push"), "{err}");
    assert!(
        !err.contains("remote:"),
        "git's own output stays hidden: {err}"
    );
    assert_eq!(files(&w.a), before);
    let log = Command::new("git")
        .args(["log", "--oneline"])
        .current_dir(&w.a)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).lines().count(),
        1,
        "only the init commit"
    );

    // No git on PATH.
    let empty = tmp.path().join("no-git-here");
    std::fs::create_dir_all(&empty).unwrap();
    let data = tmp.path().join("c");
    for args in [&["sync", "init"][..], &["sync"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_prep"))
            .env("PATH", &empty)
            .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("sync needs git, and no `git` program is on PATH"),
            "{err}"
        );
        assert!(!data.exists(), "nothing was made");
    }
}
