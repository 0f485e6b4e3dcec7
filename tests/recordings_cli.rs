//! `prep recordings ...` and `prep doctor` as processes, with a fake player and transcriber.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output};

fn prep(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .env("PREP_DATA_DIR", dir)
        .env("PREP_CONFIG", dir.join("config.toml"))
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A data folder with one 2-second recording and a config naming fake programs.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("recordings")).unwrap();
    let rate = 16_000u32;
    let n = 2 * rate as usize;
    let mut wav = Vec::new();
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + 2 * n as u32).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&[1, 0, 1, 0]);
    wav.extend_from_slice(&rate.to_le_bytes());
    wav.extend_from_slice(&(2 * rate).to_le_bytes());
    wav.extend_from_slice(&[2, 0, 16, 0]);
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&(2 * n as u32).to_le_bytes());
    for i in 0..n {
        let s = if i > n / 4 {
            (8000.0 * (i as f64 * 0.06).sin()) as i16
        } else {
            0
        };
        wav.extend_from_slice(&s.to_le_bytes());
    }
    std::fs::write(d.join("recordings/1795262400-0000beef.wav"), wav).unwrap();
    let played = d.join("played").display().to_string();
    std::fs::write(
        d.join("config.toml"),
        format!(
            "[audio]\nplay = \"echo {{wav}} > {played}\"\ntranscribe = \"echo I think we basically shipped it\"\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn list_play_transcribe_and_prune_work_on_the_recordings_folder() {
    let dir = setup();
    let d = dir.path();
    let out = prep(d, &["recordings", "list", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["id"], "1795262400-0000beef");
    assert_eq!(v[0]["seconds"], 2.0);
    assert!(v[0]["transcript"].is_null());

    let out = prep(d, &["recordings", "play", "1795262400-0000beef"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let played = std::fs::read_to_string(d.join("played")).unwrap();
    assert!(
        played
            .trim()
            .ends_with("recordings/1795262400-0000beef.wav"),
        "{played}"
    );

    let out = prep(d, &["recordings", "play", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no recording `nope`"));

    // A template without {txt}: what the command prints is the transcript.
    let out = prep(
        d,
        &["recordings", "transcribe", "--all", "--format", "json"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["text"], "I think we basically shipped it");
    assert_eq!(v[0]["figures"]["words"], 6);
    assert_eq!(v[0]["figures"]["wpm"], 180);
    assert_eq!(v[0]["figures"]["fillers"], 1);
    assert_eq!(v[0]["figures"]["hedges"], 1);
    assert!(d.join("recordings/1795262400-0000beef.txt").exists());
    let again = prep(
        d,
        &["recordings", "transcribe", "--all", "--format", "json"],
    );
    assert_eq!(
        text(&again.stdout).trim(),
        "[]",
        "--all skips what has a transcript"
    );

    let out = prep(
        d,
        &["recordings", "prune", "--older-than", "0d", "--dry-run"],
    );
    assert!(
        text(&out.stdout).contains("would remove"),
        "{}",
        text(&out.stdout)
    );
    assert!(d.join("recordings/1795262400-0000beef.wav").exists());
    let out = prep(d, &["recordings", "prune", "--older-than", "90d"]);
    assert!(text(&out.stdout).contains("No recordings older than that"));
    let out = prep(d, &["recordings", "prune", "--older-than", "0d"]);
    assert!(text(&out.stdout).contains("removed"));
    assert!(!d.join("recordings/1795262400-0000beef.wav").exists());
    assert!(!d.join("recordings/1795262400-0000beef.txt").exists());
    let out = prep(d, &["recordings", "prune", "--older-than", "soon"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn doctor_says_what_prep_would_use_and_why() {
    let dir = setup();
    let d = dir.path();
    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .arg("doctor")
        .env("PREP_DATA_DIR", d)
        .env("PREP_CONFIG", d.join("config.toml"))
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.contains("recorder     none"), "{s}");
    assert!(
        s.contains("none of pw-record, parecord, arecord, rec, ffmpeg is on PATH"),
        "{s}"
    );
    assert!(s.contains("from [audio] play in the config"), "{s}");
    assert!(s.contains("from [audio] transcribe in the config"), "{s}");
    assert!(
        s.contains(&d.join("config.toml").display().to_string()),
        "{s}"
    );
    assert!(s.contains("1 recording(s)"), "{s}");
    assert!(s.contains("prep can run here."), "{s}");
    let json = prep(d, &["doctor", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["checks"][0]["check"], "recorder");
}

#[test]
fn stats_show_the_delivery_of_recorded_answers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let record = serde_json::json!({
        "schema": 1, "id": "1795262400-0000beef", "at": 1_795_262_400, "question": "con-lost-argument",
        "section": "conflict", "kind": "behavioral", "time_limit": 90, "spoken": 60, "overtime": 0,
        "checked": [], "items": 5, "score": 40.0, "technical": null, "people": 40.0,
        "recording": {"file": "1795262400-0000beef.wav"},
        "delivery": {
            "parts": [{"part": "Situation", "secs": 30.0}, {"part": "Action", "secs": 30.0}],
            "audio": {"seconds": 60.0, "speaking": 45.0, "pauses": 3, "longest_pause": 4.0, "first_word": 1.5}
        }
    });
    std::fs::write(d.join("attempts.jsonl"), format!("{record}\n")).unwrap();
    let out = prep(d, &["stats"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("Delivery (last 1 recorded or STAR-marked answers)"),
        "{s}"
    );
    assert!(
        s.contains("speaking          75.0% of the recording"),
        "{s}"
    );
    assert!(
        s.contains("pauses            3.0 of 2 s or more a minute"),
        "{s}"
    );
    assert!(s.contains("Action share      50.0% (aim about 60%)"), "{s}");
    let out = prep(d, &["stats", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["delivery"]["recent"]["first_word"], 1.5);
    // Export carries the figures and the file's name, never the audio.
    let out = prep(d, &["export", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attempts"][0]["delivery"]["audio"]["pauses"], 3);
    assert!(!text(&out.stdout).contains("RIFF"));
}
