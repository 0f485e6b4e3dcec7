//! Writing a story through `$EDITOR`, with the real binary in a pseudo-terminal and a shell script
//! as the editor: `prep stories new` from the command line, and `n` on the TUI's stories screen
//! (which must hand the terminal to the editor and take it back). Every step waits for a screen
//! state or for the process to exit, never for a fixed time.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::{COLS, ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, ROWS, Session, find, prep_command};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the editor script writes into the file it is given (`$1`), replacing the template.
const STORY: &str = "---
title: Billing migration under a deadline
themes: [delivery-under-pressure, conflict]
roles: [tech-lead]
questions: []
---

## Situation
Our billing API was ten years old and blocked a launch. The launch date was fixed.

## Task
I owned the migration plan and its risk.

## Action
I mapped every caller of the old API and I ranked them by risk. I paired with the two riskiest
teams, I wrote the compatibility shim myself, and I ran a weekly review so nobody was surprised.
When the payments lead pushed back I showed her the traces, and I offered to take the first
on-call week for the new path. I cut two nice-to-have features to protect the date.

## Result
We moved all 14 callers in 11 weeks, a week before launch, with zero billing incidents.

## Lesson
I map callers before I estimate anything.
";

/// A shell script that writes [`STORY`] to its first argument and notes that it ran.
fn editor_script(dir: &Path) -> PathBuf {
    let script = dir.join("editor.sh");
    let body = format!(
        "#!/bin/sh\necho ran > \"$(dirname \"$0\")/editor-ran\"\ncat > \"$1\" <<'STORY_END'\n{STORY}STORY_END\n"
    );
    std::fs::write(&script, body).expect("write the editor script");
    script
}

impl Session {
    /// `prep ARGS` in a 120×40 pty with its own data folder and a script as `$EDITOR`.
    fn start_with_editor(args: &[&str]) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = editor_script(dir.path());
        let mut cmd = prep_command(args);
        cmd.env_remove("VISUAL");
        // Run through `sh` (an editor command with an argument), so the script need not be
        // executable and cannot hit "text file busy".
        cmd.env("EDITOR", format!("sh {}", script.display()));
        Session::spawn(dir, cmd, &[], (ROWS, COLS), None)
    }

    fn stories(&self) -> PathBuf {
        self.dir.path().join("stories")
    }
}

/// `prep stories lint --format json` over the session's data folder.
fn lint_json(data: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["stories", "lint", "--format", "json"])
        .env("PREP_DATA_DIR", data)
        .env("PREP_CONFIG_DIR", data.join("config"))
        .output()
        .expect("run prep stories lint");
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("lint prints JSON")
}

#[test]
fn stories_new_writes_the_template_then_the_editor_fills_it() {
    let mut s = Session::start_with_editor(&["stories", "new", "My story"]);
    let screen = s.wait_text(&["my-story.md: no findings"]);
    assert!(screen.contains("opening it in your editor"), "{screen}");
    assert_eq!(s.exit_code(), 0);
    assert!(s.dir.path().join("editor-ran").exists(), "the editor ran");

    let path = s.stories().join("my-story.md");
    assert_eq!(std::fs::read_to_string(&path).expect("my-story.md"), STORY);

    let report = lint_json(s.dir.path());
    assert_eq!(report["ok"], true, "{report}");
    let story = &report["stories"][0];
    assert_eq!(story["name"], "my-story", "{report}");
    assert_eq!(story["title"], "Billing migration under a deadline");
    assert_eq!(story["warnings"], 0, "{report}");
    assert_eq!(story["findings"], serde_json::json!([]), "{report}");
    assert_eq!(story["figures"]["situation_sentences"], 2);
    assert!(
        story["figures"]["action_percent"].as_u64().unwrap_or(0) >= 60,
        "{report}"
    );
    assert_eq!(story["figures"]["we_count"], 0);

    // A second `new` with the same title never touches the first file.
    let mut again = Session::start_with_editor(&["stories", "new", "--no-edit", "My story"]);
    assert_eq!(again.exit_code(), 0);
    drop(again);
    assert_eq!(std::fs::read_to_string(&path).expect("still there"), STORY);
}

#[test]
fn the_stories_screen_hands_the_terminal_to_the_editor_and_takes_it_back() {
    let mut s = Session::start_with_editor(&[]);
    s.wait_text(&[" Sections ", "y stories"]);
    s.send("y");
    s.wait_text(&["Your stories", "No stories yet", " Coverage "]);
    s.send("n");
    s.wait_text(&["New story title"]);
    s.send("Second story\r");
    // Back from the editor: the list holds the story the script wrote, selected and linted.
    let screen = s.wait_text(&[
        "Billing migration under a deadline",
        "second-story.md: no STAR warnings",
        " Preview ",
    ]);
    assert!(screen.contains("2 of 15 themes covered"), "{screen}");
    assert!(
        screen.contains("Reads like a strong STAR answer."),
        "{screen}"
    );
    let raw = s.raw();
    let left = find(&raw, LEAVE_ALT_SCREEN).expect("the alternate screen was left for the editor");
    let back = raw[left..]
        .windows(ENTER_ALT_SCREEN.len())
        .any(|w| w == ENTER_ALT_SCREEN);
    assert!(back, "and entered again afterwards");
    assert_eq!(
        std::fs::read_to_string(s.stories().join("second-story.md")).expect("written"),
        STORY
    );
    s.send("q");
    s.wait_text(&[" Sections "]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
