//! Files and messages a user meets at the edges: an empty user bank, `--limit 0`, one section file
//! validated alone, bank files with names that are not UTF-8, `export --force` over something
//! that is not a regular file, and starting a bank of one's own from the built-in one
//! (`prep bank init`, or a copy of `content/`) without a single id clash.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn prep_in(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .env("PREP_CONFIG_DIR", config)
        .env("PREP_DATA_DIR", config.join("data"))
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_empty_user_bank_folder_is_an_empty_bank() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("bank/sections")).unwrap();
    let o = prep_in(dir.path(), &["list"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("sd-url-shortener"));
    let o = prep_in(dir.path(), &["validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn limit_zero_is_refused_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let o = prep_in(dir.path(), &["search", "url", "--limit", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("--limit 0 asks for no results"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("nothing matches"));
}

#[test]
fn one_section_file_of_a_whole_bank_validates_with_its_rubrics() {
    let dir = tempfile::tempdir().unwrap();
    let o = prep_in(dir.path(), &["validate", "content/sections/ambiguity.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // A whole bank without rubrics says where they would come from, not "known rubrics: ".
    let bank = dir.path().join("mine");
    std::fs::create_dir_all(bank.join("sections")).unwrap();
    std::fs::write(bank.join("bank.yaml"), "replaces: built-in\n").unwrap();
    std::fs::copy(
        "content/sections/ambiguity.yaml",
        bank.join("sections/ambiguity.yaml"),
    )
    .unwrap();
    let file = bank.join("sections/ambiguity.yaml");
    let o = prep_in(dir.path(), &["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(
        e.contains("unknown rubric `star`: no rubrics are loaded"),
        "{e}"
    );
    assert!(!e.contains("known rubrics: \n"), "{e}");
}

#[test]
#[cfg(unix)]
fn bank_files_with_names_that_are_not_utf8_are_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let sections = dir.path().join("extra/sections");
    std::fs::create_dir_all(&sections).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(sections.join(name), "id: x\ntitle: X\n").unwrap();
    let extra = dir.path().join("extra");
    let o = prep_in(dir.path(), &["validate", extra.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o)
            .contains("caf\u{fffd}.yaml:1:1: the file name is not UTF-8 text, so it was skipped"),
        "{}",
        err(&o)
    );
}

#[test]
#[cfg(unix)]
fn export_force_replaces_only_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "kept").unwrap();
    let link = dir.path().join("report.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = prep_in(
        dir.path(),
        &["export", "--out", link.to_str().unwrap(), "--force"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("it is a symbolic link, not a regular file"),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let o = prep_in(dir.path(), &["export", "--out", "/dev/null", "--force"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));
}

fn question_count(o: &Output) -> usize {
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_bank_started_from_the_built_in_one_loads_without_clashes() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = question_count(&prep_in(dir.path(), &["list", "--format", "json"]));
    let mine = dir.path().join("my-bank");
    let o = prep_in(dir.path(), &["bank", "init", mine.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        err(&o).contains(&format!("({builtin} questions)")),
        "{}",
        err(&o)
    );
    // Edit a prompt: the edit shows, and nothing clashes.
    let file = mine.join("sections/ambiguity.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("prompt: ", "prompt: EDITED ", 1);
    std::fs::write(&file, edited).unwrap();
    let m = mine.to_str().unwrap();
    let o = prep_in(dir.path(), &["--bank", m, "list", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(question_count(&o), builtin);
    assert!(String::from_utf8_lossy(&o.stdout).contains("EDITED "));
    let o = prep_in(dir.path(), &["validate", m]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // As the user bank (config folder `bank/`), it replaces the built-in one too.
    std::fs::rename(&mine, dir.path().join("bank")).unwrap();
    let o = prep_in(dir.path(), &["list", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(question_count(&o), builtin);
    // Init refuses a folder that already holds a bank.
    let again = dir.path().join("bank");
    let o = prep_in(dir.path(), &["bank", "init", again.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("already has rubrics.yaml"), "{}", err(&o));
}

#[test]
fn a_copy_of_content_is_a_whole_bank_wherever_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("content-copy");
    copy_dir(Path::new("content"), &copy);
    let c = copy.to_str().unwrap();
    let o = prep_in(dir.path(), &["--bank", c, "list", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = prep_in(dir.path(), &["validate", c]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
#[cfg(unix)]
fn an_unreadable_log_says_it_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("attempts.jsonl");
    std::fs::write(&log, "").unwrap();
    mode(dir.path(), 0o755);
    mode(&log, 0o000);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prep"));
    cmd.args(["stats"])
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env("PREP_DATA_DIR", dir.path());
    // Root reads any file: as root, the child runs as `nobody`.
    if std::fs::read(&log).is_ok() {
        cmd.uid(65534).gid(65534);
    }
    let o = cmd.output().unwrap();
    mode(&log, 0o644);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    let want = format!(
        "prep: cannot read {}: not allowed to read it",
        log.display()
    );
    assert!(e.starts_with(&want), "want {want:?}, got {e:?}");
    assert!(!e.contains("write"), "{e}");
}
