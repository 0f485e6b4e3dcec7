//! `prep config path` and `prep config show` as a user runs them, against settings files in
//! temporary folders. prep must never write the file, whatever is in it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::Path;
use std::process::{Command, Output};

/// `prep` with every way of finding the settings file cleared, then `env` applied.
fn prep(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prep"));
    cmd.args(args)
        .env_remove("PREP_CONFIG")
        .env_remove("PREP_CONFIG_DIR")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn path_follows_xdg_config_home() {
    let home = tempfile::tempdir().unwrap();
    let o = prep(
        &["config", "path"],
        &[("XDG_CONFIG_HOME", home.path()), ("HOME", home.path())],
    );
    assert!(o.status.success());
    let want = home.path().join("prep").join("config.toml");
    assert_eq!(text(&o.stdout), format!("{}\n", want.display()));
    let err = text(&o.stderr);
    assert!(err.contains("does not exist yet"), "{err}");
    assert!(!want.exists(), "prep created the settings file");
    assert!(
        !home.path().join("prep").exists(),
        "prep created the folder"
    );

    std::fs::create_dir_all(want.parent().unwrap()).unwrap();
    std::fs::write(&want, "theme = \"dark\"\n").unwrap();
    let o = prep(
        &["config", "path"],
        &[("XDG_CONFIG_HOME", home.path()), ("HOME", home.path())],
    );
    assert!(o.status.success());
    assert!(text(&o.stderr).contains("exists"));
    let o = prep(
        &["config", "show"],
        &[("XDG_CONFIG_HOME", home.path()), ("HOME", home.path())],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("\ntheme = \"dark\"\n"));
}

#[test]
fn prep_config_names_the_file_and_wins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("elsewhere.toml");
    let o = prep(
        &["config", "path"],
        &[
            ("PREP_CONFIG", &file),
            ("PREP_CONFIG_DIR", dir.path()),
            ("XDG_CONFIG_HOME", dir.path()),
        ],
    );
    assert!(o.status.success());
    assert_eq!(text(&o.stdout), format!("{}\n", file.display()));
    assert!(text(&o.stderr).contains("PREP_CONFIG"));
    // Without it, PREP_CONFIG_DIR (the folder that also holds the user bank) is next.
    let o = prep(&["config", "path"], &[("PREP_CONFIG_DIR", dir.path())]);
    assert_eq!(
        text(&o.stdout),
        format!("{}\n", dir.path().join("config.toml").display())
    );
}

#[test]
fn show_prints_the_settings_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let body = "theme = \"light\"\n\n[audio]\nrecord = \"arecord -q -f cd {wav}\"\n\n[keys.drill]\npause = \"P\"\nmore-time = [\"+\", \"=\"]\n";
    std::fs::write(&file, body).unwrap();
    let o = prep(&["config", "show"], &[("PREP_CONFIG", &file)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stderr), "");
    let out = text(&o.stdout);
    for want in [
        "theme = \"light\"\n",
        "record = \"arecord -q -f cd {wav}\"\n",
        "# play = ",
        "# not set: found on PATH when needed",
        "[grader]\n",
        "[keys.drill]\nopen = [\"enter\"]  # end the answer and grade it\npause = [\"P\"]  # pause / resume (space starts a waiting clock)\nmore-time = [\"+\", \"=\"]  # add 15 s\n",
    ] {
        assert!(out.contains(want), "no {want:?} in\n{out}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), body);

    // What show prints is itself a good settings file.
    let copy = dir.path().join("copy.toml");
    std::fs::write(&copy, &out).unwrap();
    let again = prep(&["config", "show"], &[("PREP_CONFIG", &copy)]);
    assert!(again.status.success(), "{}", text(&again.stderr));

    // No file: all defaults, exit 0, and still no file.
    let missing = dir.path().join("missing.toml");
    let o = prep(&["config", "show"], &[("PREP_CONFIG", &missing)]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("theme = \"auto\"  # default\n"));
    assert!(!missing.exists());
}

#[test]
fn a_broken_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    // Bad values: each is reported and the rest applies.
    let body: &[u8] =
        b"theme = 3\n[audio]\nplay = \"mpv {wav}\"\nrecord = \"rec {out}\"\nvolume = 11\n";
    std::fs::write(&file, body).unwrap();
    let o = prep(&["config", "show"], &[("PREP_CONFIG", &file)]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    let f = file.display();
    assert!(
        err.contains(&format!(
            "{f}:1:9: theme must be one of auto, light, dark; found 3\n"
        )),
        "{err}"
    );
    assert!(err.contains(&format!(
        "{f}:4:15: audio.record has the placeholder {{out}}"
    )));
    assert!(err.contains(&format!("{f}:5:1: unknown audio setting `volume`")));
    assert!(err.contains("3 problems"), "{err}");
    let out = text(&o.stdout);
    assert!(out.contains("play = \"mpv {wav}\"\n"), "{out}");
    assert!(out.contains("theme = \"auto\"  # default\n"), "{out}");
    assert_eq!(std::fs::read(&file).unwrap(), body);

    // Not TOML at all, with a control character: one problem, escaped, defaults.
    let body: &[u8] = b"theme = \"dark\"\n[audio\x1b]\n";
    std::fs::write(&file, body).unwrap();
    let o = prep(&["config", "show"], &[("PREP_CONFIG", &file)]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!("{f}:2:7: this is not valid TOML")),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(text(&o.stdout).contains("theme = \"auto\"  # default\n"));
    assert_eq!(std::fs::read(&file).unwrap(), body);

    // Not UTF-8.
    let body: &[u8] = b"theme = \"\xff\"\n";
    std::fs::write(&file, body).unwrap();
    let o = prep(&["config", "show"], &[("PREP_CONFIG", &file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains(&format!("{f}:1:10: the file is not UTF-8 text")));
    assert_eq!(std::fs::read(&file).unwrap(), body);

    // `path` still succeeds: it only says where the file is.
    let o = prep(&["config", "path"], &[("PREP_CONFIG", &file)]);
    assert!(o.status.success());
}

#[test]
fn a_folder_in_place_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = prep(&["config", "show"], &[("PREP_CONFIG", dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("this is a folder"));
    let o = prep(&["config", "path"], &[("PREP_CONFIG", dir.path())]);
    assert!(o.status.success());
    assert!(text(&o.stderr).contains("is a folder"));
}
