//! The commands as a user runs them: a real `prep` process, its exit code and its output.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::process::{Command, Stdio};

fn prep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn version_and_help() {
    let v = prep(&["--version"]);
    assert!(v.status.success());
    assert_eq!(
        stdout(&v).trim(),
        format!("prep {}", env!("CARGO_PKG_VERSION"))
    );
    let h = stdout(&prep(&["--help"]));
    for cmd in ["list", "show", "search", "validate", "--bank", "--data-dir"] {
        assert!(h.contains(cmd), "help lacks {cmd}");
    }
}

#[test]
fn list_groups_by_section_and_aligns_columns() {
    let o = prep(&["list"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(
        text.starts_with("Your story and your systems ("),
        "{}",
        &text[..80]
    );
    assert!(text.contains("\nSystem design ("));
    assert!(text.contains("\n  sd-url-shortener "));
    // Rows of one section share the column where the kind starts.
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("  sd-")).collect();
    let col = |l: &str| l.find("system-design").unwrap();
    assert!(rows.len() > 5 && rows.iter().all(|r| col(r) == col(rows[0])));
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn list_filters_by_kind_section_tag_and_role() {
    let all = json(&prep(&["list", "--format", "json"]));
    let sd = json(&prep(&[
        "list",
        "--kind",
        "system-design",
        "--format",
        "json",
    ]));
    let all = all.as_array().unwrap();
    let sd = sd.as_array().unwrap();
    assert!(!sd.is_empty() && sd.len() < all.len());
    assert!(sd.iter().all(|q| q["kind"] == "system-design"));
    let by_section = json(&prep(&[
        "list",
        "--section",
        "strategy",
        "--role",
        "director",
        "--format",
        "json",
    ]));
    assert!(
        by_section
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["section"] == "strategy"
                && q["roles"].as_array().unwrap().contains(&"director".into()))
    );
    let tag = all[0]["tags"][0].as_str().unwrap().to_string();
    let tagged = json(&prep(&["list", "--tag", &tag, "--format", "json"]));
    assert!(
        tagged
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["tags"].as_array().unwrap().contains(&tag.clone().into()))
    );
    for field in [
        "id",
        "section",
        "kind",
        "roles",
        "time_secs",
        "rubric",
        "tags",
        "prompt",
    ] {
        assert!(all[0].get(field).is_some(), "list JSON lacks {field}");
    }
}

#[test]
fn list_rejects_unknown_filters_clearly() {
    let o = prep(&["list", "--section", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("no section `nope`; sections: narrative, system-design")
    );
    let o = prep(&["list", "--kind", "essay"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected one of system-design, judgment"));
}

#[test]
fn show_prints_every_part_of_a_question() {
    let o = prep(&["show", "sd-url-shortener"]);
    assert!(o.status.success());
    let text = stdout(&o);
    for part in [
        "What it probes",
        "Rubric: System design",
        "[own check]",
        "Talking points",
        "Pitfalls",
        "Follow-ups",
        "Tags:",
    ] {
        assert!(text.contains(part), "show lacks {part}");
    }
    assert!(!text.contains("**"), "Markdown is rendered, not echoed");
    let j = json(&prep(&["show", "sd-url-shortener", "--format", "json"]));
    assert_eq!(j["id"], "sd-url-shortener");
    assert_eq!(j["section_title"], "System design");
    assert!(j["rubric_items"].as_array().unwrap().len() >= 3);
    assert!(j["talking_points"].as_str().unwrap().len() > 100);
}

#[test]
fn show_reads_guides_and_refuses_unknown_ids() {
    let o = prep(&["show", "design-spine"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).lines().count() > 10);
    let o = prep(&["show", "no-such-question"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("no question or guide with id `no-such-question`")
    );
}

#[test]
fn search_ranks_and_marks_matches() {
    let o = prep(&["search", "url", "shortener"]);
    assert!(o.status.success());
    assert!(
        stdout(&o)
            .lines()
            .next()
            .unwrap()
            .starts_with("sd-url-shortener")
    );
    let j = json(&prep(&[
        "search",
        "shortener",
        "--format",
        "json",
        "--limit",
        "3",
    ]));
    let hits = j.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    assert!(!hits[0]["positions"].as_array().unwrap().is_empty());
    let o = prep(&["search", "qqqzzzxxx"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_prep"))
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn user_bank_in_the_config_folder_is_merged() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = tmp.path().join("bank");
    std::fs::create_dir_all(bank.join("sections")).unwrap();
    std::fs::copy(
        "tests/banks/valid/user-bank/sections/my-company.yaml",
        bank.join("sections/my-company.yaml"),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_prep"))
            .args(extra)
            .args(["show", "mc-launch"])
            .env("PREP_CONFIG_DIR", tmp.path())
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    assert_eq!(run(&["--no-user-bank"]).status.code(), Some(1));
}

/// Piped output is not a terminal: values are printed whole, never cut to a width with `…`.
#[test]
fn piped_review_prints_whole_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let bank = prep_core::bank::load_builtin();
    // The question with the longest prompt, practised badly ten days ago, so it is due now.
    let q = bank
        .questions
        .iter()
        .max_by_key(|q| q.prompt.chars().count())
        .unwrap();
    assert!(q.prompt.chars().count() > 80, "a prompt longer than a line");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let record = serde_json::json!({
        "schema": prep_core::storage::SCHEMA_VERSION, "at": now - 10 * 86_400,
        "question": q.id.to_string(), "section": "any", "kind": "behavioral", "time_limit": 90,
        "spoken": 80, "overtime": 0, "checked": [], "items": 5, "score": 30.0,
        "technical": null, "people": 30.0,
    });
    std::fs::write(dir.path().join("attempts.jsonl"), format!("{record}\n")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["review", "--data-dir"])
        .arg(dir.path())
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env("COLUMNS", "40")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    assert!(text.contains("Due now (1)"), "{text}");
    assert!(text.contains(q.prompt.as_ref() as &str), "{text}");
    assert!(!text.contains('…'), "{text}");
}

/// A data folder with one story whose title is 150 characters and whose own theme is long.
fn long_story_dir() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let title = "A very long story title "
        .repeat(7)
        .chars()
        .take(150)
        .collect::<String>();
    assert_eq!(title.chars().count(), 150);
    let theme = "a-theme-of-my-own-with-a-rather-long-name-indeed".to_string();
    std::fs::create_dir_all(dir.path().join("stories")).unwrap();
    std::fs::write(
        dir.path().join("stories/long.md"),
        format!(
            "---\ntitle: {title}\nthemes: [{theme}, conflict]\nroles: []\nquestions: []\n---\n\n\
             ## Situation\nA launch was late.\n\n## Task\nI owned it.\n\n## Action\nI planned.\n\n\
             ## Result\nWe shipped.\n\n## Lesson\nPlan first.\n"
        ),
    )
    .unwrap();
    (dir, title, theme)
}

fn stories(dir: &std::path::Path, command: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["stories", command, "--data-dir"])
        .arg(dir)
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    stdout(&o)
}

#[test]
fn piped_stories_list_prints_whole_titles() {
    let (dir, title, _) = long_story_dir();
    let text = stories(dir.path(), "list");
    assert!(text.contains(&title), "{text}");
    assert!(!text.contains('…'), "{text}");
    // The columns still line up: each starts where its header does.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0].find("lint"), lines[1].find("2 warnings"), "{text}");
    assert_eq!(
        lines[0].find("themes"),
        lines[1].find("a-theme-of-my-own"),
        "{text}"
    );
}

#[test]
fn piped_stories_coverage_prints_whole_titles_themes_and_ids() {
    let (dir, title, theme) = long_story_dir();
    let text = stories(dir.path(), "coverage");
    assert!(text.contains(&title), "{text}");
    assert!(text.contains(&theme.replace('-', " ")), "{text}");
    assert!(!text.contains('…'), "{text}");
    // Every question of a theme without a story is named, the whole list on its line.
    let bank = prep_core::bank::load_builtin();
    let waiting = text.split("Questions waiting for a story").nth(1).unwrap();
    for line in waiting.lines().filter(|l| l.contains(": ")) {
        for id in line.split_once(": ").unwrap().1.split(", ") {
            assert!(
                bank.question_index(id).is_some(),
                "not a whole id: {id:?}\n{text}"
            );
        }
    }
}
