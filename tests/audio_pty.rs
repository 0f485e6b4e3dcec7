//! Recording end to end, the real binary in a pseudo-terminal with a fake recorder, player and
//! transcriber (small scripts written here): a drill recorded with STAR marks, the rubric's part
//! times, delivery figures and transcript, `P` playing the right file, and no child left alive
//! after prep quits (checked by pid). Then what goes wrong: a recorder that exits at once, a
//! transcriber that hangs, no recorder at all; each gives its message and loses no attempt.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::Session;
use std::path::Path;
use std::time::Duration;

/// A 16 kHz mono WAV: `secs` long, voice-like sound over `bursts` (start, end).
fn wav(secs: f64, bursts: &[(f64, f64)]) -> Vec<u8> {
    let rate = 16_000u32;
    let n = (secs * f64::from(rate)) as usize;
    let data = (n * 2) as u32;
    let mut out = Vec::new();
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    for v in [1u16, 1] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    for v in [2u16, 16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    for i in 0..n {
        let t = i as f64 / f64::from(rate);
        let on = bursts.iter().any(|&(a, b)| t >= a && t < b);
        let s = if on { 0.3 * (t * 880.0).sin() } else { 0.0 };
        out.extend_from_slice(&((s * 32767.0) as i16).to_le_bytes());
    }
    out
}

fn script(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&path)
        .status()
        .unwrap();
    path.display().to_string()
}

/// The fake programs and a config naming them; `record`, `transcribe` override the defaults.
fn setup(dir: &Path, record: Option<&str>, transcribe: Option<&str>, extra: &str) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("fixture.wav"), wav(6.0, &[(0.5, 2.0), (4.5, 5.5)])).unwrap();
    let d = bin.display();
    let rec = script(
        &bin,
        "rec",
        &format!(
            "trap 'exit 0' INT TERM\ncp {d}/fixture.wav \"$1\"\necho $$ > {d}/rec.pid\nwhile :; do sleep 0.05; done"
        ),
    );
    let play = script(
        &bin,
        "play",
        &format!("echo $$ > {d}/play.pid\necho \"$1\" > {d}/played\nexec sleep 600"),
    );
    let stt = script(
        &bin,
        "stt",
        "echo 'Um, I led the migration and we moved forty services in three weeks.' > \"$2\"",
    );
    let record = record.map_or(format!("{rec} {{wav}}"), str::to_string);
    let transcribe = transcribe.map_or(format!("{stt} {{wav}} {{txt}}"), str::to_string);
    let config = dir.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!(
            "[audio]\nrecord = {record:?}\nplay = \"{play} {{wav}}\"\ntranscribe = {transcribe:?}\n{extra}"
        ),
    )
    .unwrap();
}

/// The pid a fake program wrote, once it has written it.
fn pid_of(s: &mut Session, name: &str) -> u32 {
    let file = s.data_dir().join("bin").join(name);
    s.wait_until_within(
        &format!("{name} to be written"),
        Duration::from_secs(20),
        |_| std::fs::read_to_string(&file).ok()?.trim().parse().ok(),
    )
}

/// Alive means in the process table and not a zombie waiting to be reaped.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, r)| r.trim_start().starts_with('Z'))
        })
        .is_some_and(|zombie| !zombie)
}

fn wait_gone(s: &mut Session, pid: u32, what: &str) {
    s.wait_until_within(what, Duration::from_secs(5), |_| {
        (!alive(pid)).then_some(())
    });
}

fn log(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join("attempts.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const DRILL: &[&str] = &["drill", "--section", "conflict"];

#[test]
fn a_recorded_answer_with_star_marks_is_measured_played_and_transcribed() {
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| setup(d, None, None, ""));
    let dir = s.data_dir().to_path_buf();
    s.wait_text(&["STAR: Situation"]);
    s.send("R");
    s.wait_text(&["● REC 0:0"]);
    let rec = pid_of(&mut s, "rec.pid");
    assert!(alive(rec));
    // Each part lasts until the recording clock has moved on a second.
    s.wait_text(&["● REC 0:01"]);
    s.send("]");
    s.wait_text(&["STAR: Task"]);
    s.wait_text(&["● REC 0:02"]);
    s.send("]");
    s.wait_text(&["STAR: Action"]);
    s.wait_text(&["● REC 0:03"]);
    s.send("\r");
    s.wait_text(&["Time per STAR part", "in three weeks"]);
    s.wait_quiet();
    let screen = s.screen();
    assert!(!alive(rec), "the recorder stops when the answer ends");
    assert!(screen.contains("Spoke 2.5 s of 6.0 s recorded"), "{screen}");
    assert!(
        screen.contains("1 pause of 2 s or more (longest 2.5 s)"),
        "{screen}"
    );
    assert!(
        screen.contains("Situation") && screen.contains("Action:"),
        "{screen}"
    );
    assert!(screen.contains("Fillers: 1 (approximate"), "{screen}");

    s.send("P");
    s.wait_text(&["▶ 0:0"]);
    s.wait_until("the player to start", |_| {
        dir.join("bin/played").exists().then_some(())
    });
    let played = std::fs::read_to_string(dir.join("bin/played")).unwrap();
    let player = pid_of(&mut s, "play.pid");
    assert!(alive(player));
    s.send("s");
    s.wait_text(&["Saved: "]);
    wait_gone(&mut s, player, "the player to stop when the rubric is left");

    let attempts = log(&dir);
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    let file = a["recording"]["file"].as_str().unwrap();
    assert_eq!(file, format!("{}.wav", a["id"].as_str().unwrap()));
    assert_eq!(
        played.trim(),
        dir.join("recordings").join(file).display().to_string()
    );
    assert_eq!(a["delivery"]["audio"]["pauses"], 1);
    assert_eq!(a["delivery"]["parts"].as_array().unwrap().len(), 3);
    assert_eq!(a["delivery"]["speech"]["words"], 13);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("recordings"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn quitting_while_recording_or_playing_leaves_no_child() {
    // Ctrl-C on the drill, while the recorder runs.
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| setup(d, None, None, ""));

    s.send("R");
    s.wait_text(&["● REC"]);
    let rec = pid_of(&mut s, "rec.pid");
    // An answer is under way: the first Ctrl-C asks, the second quits.
    s.send("\x03");
    s.wait_text(&["Ctrl-C again"]);
    s.send("\x03");
    s.exit_code();
    assert!(!alive(rec), "recorder {rec} outlived prep");

    // SIGTERM with every drill recorded and the player running on the rubric.
    let extra = "record_every_drill = true\n";
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| setup(d, None, None, extra));

    s.wait_text(&["● REC"]);
    pid_of(&mut s, "rec.pid");
    s.send("\r");
    s.wait_text(&["Delivery"]);
    s.send("P");
    let player = pid_of(&mut s, "play.pid");
    std::process::Command::new("kill")
        .args(["-TERM", &s.pid.to_string()])
        .status()
        .unwrap();
    assert_eq!(s.exit_code(), 128 + 15);
    assert!(!alive(player), "player {player} outlived prep");
}

#[test]
fn a_recorder_that_exits_at_once_is_reported_and_the_attempt_still_saves() {
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| {
        setup(d, Some("echo no input device >&2; exit 3"), None, "")
    });
    let dir = s.data_dir().to_path_buf();
    s.send("R");
    s.wait_text(&["The recorder stopped by itself (exit status 3)"]);
    s.wait_quiet();
    let screen = s.screen();
    assert!(screen.contains("goes on unrecorded"), "{screen}");
    assert!(!screen.contains("● REC"), "{screen}");
    let logged = std::fs::read_to_string(dir.join("audio.log")).unwrap();
    assert!(
        logged.contains("no input device"),
        "the recorder's stderr goes to the log"
    );
    s.send("\r");
    s.wait_text(&["Grade honestly"]);
    s.send("s");
    s.wait_text(&["Saved: "]);
    assert_eq!(log(&dir).len(), 1);
    assert!(log(&dir)[0].get("recording").is_none());
    s.send("q");
    s.exit_code();
}

#[test]
fn a_hanging_transcriber_is_stopped_with_a_message_and_grading_goes_on() {
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| {
        setup(
            d,
            None,
            Some("sleep 600 # {wav} {txt}"),
            "transcribe_timeout = 1\n",
        )
    });
    let dir = s.data_dir().to_path_buf();
    s.send("R");
    s.wait_text(&["● REC"]);
    pid_of(&mut s, "rec.pid"); // the recording is written
    s.send("\r");
    s.wait_text(&["transcribing…"]);
    s.send(" ");
    let screen = s.wait_until_within("the time limit", Duration::from_secs(40), |o| {
        let t = o.text();
        t.contains("No transcript: the transcriber ran for over 6 s")
            .then_some(t)
    });
    assert!(
        screen.contains("[x]"),
        "ticks made while it ran are kept: {screen}"
    );
    s.send("s");
    s.wait_text(&["Saved: "]);
    let a = &log(&dir)[0];
    assert!(a["recording"]["file"].is_string());
    assert!(a["delivery"].get("speech").is_none());
    s.send("q");
    s.exit_code();
}

#[test]
fn no_recorder_on_path_says_what_to_install_and_the_drill_goes_on() {
    let mut s = Session::start_in(DRILL, &[("PATH", "/nonexistent")], (40, 120), |d| {
        std::fs::create_dir_all(d.join("config")).unwrap();
    });
    let dir = s.data_dir().to_path_buf();
    s.wait_text(&["STAR: Situation"]);
    s.send("R");
    s.wait_text(&["Not recording: no recorder found"]);
    s.wait_quiet();
    let screen = s.screen();
    assert!(screen.contains("pw-record"), "{screen}");
    s.send("\r");
    s.wait_text(&["Grade honestly"]);
    s.send("s");
    s.wait_text(&["Saved: "]);
    assert_eq!(log(&dir).len(), 1);
    s.send("q");
    s.exit_code();
}

#[test]
fn a_recorder_that_dies_mid_answer_keeps_what_it_wrote_marked_incomplete() {
    // As a full disk does: part of the file written, then the recorder gives up.
    let mut s = Session::start_in(DRILL, &[], (40, 120), |d| {
        let fixture = d.join("bin/fixture.wav").display().to_string();
        let dying = format!("cp {fixture} {{wav}}; echo 'No space left on device' >&2; exit 28");
        setup(d, Some(&dying), None, "")
    });
    let dir = s.data_dir().to_path_buf();
    s.send("R");
    s.wait_text(&["The recorder stopped by itself (exit status 28)"]);
    s.send("\r");
    s.wait_text(&["The recording is incomplete"]);
    s.wait_quiet();
    let screen = s.screen();
    assert!(screen.contains("Spoke 2.5 s of 6.0 s recorded"), "{screen}");
    s.send("s");
    s.wait_text(&["Saved: "]);
    let a = &log(&dir)[0];
    assert_eq!(a["recording"]["incomplete"], true);
    assert_eq!(a["delivery"]["audio"]["speaking"], 2.5);
    s.send("q");
    s.exit_code();
}

#[test]
fn a_panic_while_recording_leaves_no_recorder() {
    let env = [("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME", "1")];
    let extra = "record_every_drill = true\n";
    let mut s = Session::start_in(DRILL, &env, (40, 120), |d| setup(d, None, None, extra));
    let dir = s.data_dir().to_path_buf();
    assert_eq!(s.exit_code(), 101);
    // Whether or not the recorder got as far as writing its pid: nothing of it is left running.
    let script = dir.join("bin/rec").display().to_string();
    let left: Vec<String> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
            (alive(pid) && cmd.contains(&script)).then_some(cmd)
        })
        .collect();
    assert!(left.is_empty(), "left running after the panic: {left:?}");
}
