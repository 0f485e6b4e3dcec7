//! The terminal survives whatever prep meets: a panic hands it back (alternate screen left, cursor
//! shown, mouse off) and exits non-zero with the message; sizes from 0×0 to 300×100 and a storm
//! of resizes never panic; wide text (CJK, emoji with joiners, combining marks, right-to-left)
//! never spoils a neighbouring cell; escape sequences in a bank never reach the terminal; and a
//! damaged attempt log is reported on the status line. The real binary in a pty throughout.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

mod common;

use common::pty::{ENTER_ALT_SCREEN, Session, assert_terminal_restored, find, lock};
use std::path::Path;

const SIZE: (u16, u16) = (40, 120);

#[test]
fn a_panic_restores_the_terminal_and_exits_non_zero_with_the_message() {
    let env = [("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME", "1")];
    let mut s = Session::start_in(&[], &env, SIZE, |_| {});
    let code = s.exit_code();
    let raw = s.raw();
    assert_eq!(
        code,
        101,
        "the Rust panic status; the screen:\n{}",
        s.screen()
    );
    let entered = find(&raw, ENTER_ALT_SCREEN).expect("the app took the terminal");
    assert!(
        find(&raw[entered..], b"Sections").is_some(),
        "Home was drawn before the panic"
    );
    let out = lock(&s.out);
    assert_terminal_restored(&raw, entered, out.parser.screen());
    let screen = out.text();
    assert!(screen.contains("panicked"), "{screen}");
    assert!(screen.contains("prep panics on purpose"), "{screen}");
}

/// Waits for the too-small message as the given size shows it (nothing can show at 0×0).
fn wait_small(s: &mut Session, rows: u16, cols: u16) {
    let what = format!("the too-small message at {cols}×{rows}");
    let want: String = "Make the window".chars().take(usize::from(cols)).collect();
    s.wait_until(&what, |o| {
        let flat = o.text().split_whitespace().collect::<String>();
        flat.contains(&want.replace(' ', "")).then_some(())
    });
}

#[test]
fn every_size_and_a_storm_of_resizes_keep_prep_running() {
    let mut s = Session::start_in(&[], &[], SIZE, |_| {});
    s.wait_home();
    for (rows, cols) in [(0, 0), (1, 1), (5, 20), (100, 300), (0, 0)] {
        let mark = s.raw_len();
        s.resize(rows, cols);
        if rows >= 16 && cols >= 60 {
            s.wait_until("Home redrawn", |o| {
                find(&o.raw[mark..], b"Sections").map(|_| ())
            });
        } else if rows > 0 {
            wait_small(&mut s, rows, cols);
        }
        assert!(s.running(), "prep stopped at {cols}×{rows}");
    }
    // 50 resizes as fast as they come, through every shape, without waiting for any frame.
    let mut x: u32 = 0x2545_f491;
    for _ in 0..50 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.resize((x % 120) as u16, ((x >> 8) % 320) as u16);
    }
    let mark = s.raw_len();
    s.resize(SIZE.0, SIZE.1);
    s.wait_until("Home redrawn after the storm", |o| {
        find(&o.raw[mark..], b"Guides: how the loop works").map(|_| ())
    });
    let home = s.wait_home();
    assert!(!home.contains("Make the window"), "{home}");
    let mark = s.raw_len();
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let raw = s.raw();
    assert_terminal_restored(&raw, mark, lock(&s.out).parser.screen());
}

#[test]
fn starting_at_0x0_or_1x1_then_growing_shows_home() {
    for (rows, cols) in [(0, 0), (1, 1)] {
        let mut s = Session::start_in(&[], &[], (rows, cols), |_| {});
        if rows > 0 {
            wait_small(&mut s, rows, cols);
        } else {
            s.wait_until("the app to take the terminal", |o| {
                find(&o.raw, ENTER_ALT_SCREEN).map(|_| ())
            });
        }
        s.resize(SIZE.0, SIZE.1);
        s.wait_home();
        s.send("q");
        assert_eq!(s.exit_code(), 0, "started at {cols}×{rows}");
    }
}

/// The section of wide and tricky text: each odd question is a plain neighbour.
const WIDE: &str = include_str!("terminal/wide.yaml");

fn wide_bank(dir: &Path) {
    let sections = dir.join("bank").join("sections");
    std::fs::create_dir_all(&sections).unwrap();
    std::fs::write(sections.join("wide.yaml"), WIDE).unwrap();
}

/// Every cell of the screen, as the terminal shows it (never-written cells read as blanks).
fn cells(s: &Session) -> Vec<Vec<String>> {
    let out = lock(&s.out);
    let screen = out.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| match screen.cell(r, c).map(|c| c.contents()) {
                    Some(t) if !t.is_empty() => t.to_string(),
                    _ => " ".to_string(),
                })
                .collect()
        })
        .collect()
}

/// The screen as the app drew it bit by bit must equal the same screen drawn whole on a cleared
/// terminal (a resize makes prep clear and redraw everything): a stale or shifted cell differs.
fn assert_same_as_full_redraw(s: &mut Session, what: &str) {
    s.wait_quiet();
    let drawn = cells(s);
    for cols in [SIZE.1 - 1, SIZE.1] {
        let mark = s.raw_len();
        s.resize(SIZE.0, cols);
        // A resize clears the screen; the footer ("? help") is the last row drawn after it.
        s.wait_until("a full redraw after a resize", |o| {
            let clear = find(&o.raw[mark..], b"\x1b[2J")?;
            find(&o.raw[mark + clear..], b"help").map(|_| ())
        });
    }
    s.wait_quiet();
    let redrawn = cells(s);
    for (row, (a, b)) in drawn.iter().zip(&redrawn).enumerate() {
        assert_eq!(
            a.concat(),
            b.concat(),
            "{what}: row {row} differs from a full redraw"
        );
    }
}

#[test]
fn wide_text_renders_without_spoiling_neighbouring_cells() {
    let mut s = Session::start_in(&["--bank", "bank"], &[], SIZE, wide_bank);
    s.wait_home();
    s.send("j");
    s.wait_until("Wide text selected", |o| {
        o.text()
            .lines()
            .any(|l| l.contains('›') && l.contains("Wide text"))
            .then_some(())
    });
    s.send("\r");
    s.wait_text(&[" 8 shown ", "Plain neighbour four after"]);
    let first = cells(&s);
    let ids = [
        "wide-cjk",
        "wide-plain-1",
        "wide-emoji",
        "wide-plain-2",
        "wide-combining",
        "wide-plain-3",
        "wide-rtl",
        "wide-plain-4",
    ];
    for (i, id) in ids.iter().enumerate() {
        s.send("\r");
        s.wait_text(&[&format!(" {id} "), "Rubric: Judgment call"]);
        assert_same_as_full_redraw(&mut s, id);
        s.send("q");
        s.wait_text(&[" 8 shown ", "Plain neighbour four after"]);
        assert_same_as_full_redraw(&mut s, &format!("the list after {id}"));
        if i + 1 < ids.len() {
            s.send("j");
        }
    }
    s.send("g");
    s.wait_until("the first question selected again", |o| {
        o.text()
            .lines()
            .nth(2)
            .is_some_and(|l| l.contains('›'))
            .then_some(())
    });
    let last = cells(&s);
    for (row, (a, b)) in first.iter().zip(&last).enumerate() {
        assert_eq!(
            a.concat(),
            b.concat(),
            "row {row} of the list, first drawn and drawn again over other screens"
        );
    }
}

/// Scrolling talking points full of keycaps, flags and joined emoji one line at a time moves each
/// such grapheme over cells that held other text: every step must equal its own full redraw.
#[test]
fn scrolling_over_emoji_one_line_at_a_time_redraws_cleanly() {
    let mut s = Session::start_in(&["--bank", "bank"], &[], SIZE, wide_bank);
    s.wait_home();
    s.send("/");
    s.wait_text(&["Type to search"]);
    s.send("wide-emoji");
    s.wait_text(&["/ wide-emoji█", " match"]);
    s.send("\r");
    s.wait_text(&[" wide-emoji ", "Line 0: keycap"]);
    for step in 1..=12 {
        let before = s.screen();
        s.send("j");
        s.wait_until("the text to scroll", |o| (o.text() != before).then_some(()));
        assert_same_as_full_redraw(&mut s, &format!("scrolled {step} line(s)"));
    }
}

/// A bank whose text would drive the terminal: YAML-escaped ESC sequences (a screen clear, an
/// OSC window title, a colour), a bidirectional override, and in a second file a raw ESC byte.
const HOSTILE: &str = "id: hostile\ntitle: \"Title \\e]0;pwned\\a\"\nquestions:\n  - id: hostile-one\n    prompt: \"Clears \\e[2J the screen\"\n    kind: behavioral\n    time: 90s\n    rubric: star\n    talking_points: \"Hidden \\u202Eesrever\"\n    tags: [\"ok\", \"\\e[31mred\"]\n";
const RAW_ESC: &str = "id: raw\ntitle: Raw\nquestions:\n  - id: raw-one\n    prompt: Raw \u{1b}[5m blink\n    kind: behavioral\n    time: 90s\n    rubric: star\n";

fn hostile_bank(dir: &Path) {
    let sections = dir.join("bank").join("sections");
    std::fs::create_dir_all(&sections).unwrap();
    std::fs::write(sections.join("hostile.yaml"), HOSTILE).unwrap();
    std::fs::write(sections.join("raw.yaml"), RAW_ESC).unwrap();
}

#[test]
fn escape_sequences_in_a_bank_never_reach_the_terminal() {
    let mut s = Session::start_in(&["--bank", "bank"], &[], SIZE, hostile_bank);
    let code = s.exit_code();
    let raw = s.raw();
    let screen = s.screen();
    assert_eq!(code, 1, "the app refuses the bank: {screen}");
    for seq in [
        &b"\x1b]0;pwned"[..],
        b"\x1b[2J",
        b"\x1b[31m",
        b"\x1b[5m",
        "\u{202e}".as_bytes(),
    ] {
        assert!(
            find(&raw, seq).is_none(),
            "{:?} reached the terminal",
            String::from_utf8_lossy(seq)
        );
    }
    assert!(
        find(&raw, ENTER_ALT_SCREEN).is_none(),
        "the app never started"
    );

    let validate = std::process::Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["validate", "bank"])
        .current_dir(s.dir.path())
        .env("PREP_CONFIG_DIR", s.dir.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(validate.status.code(), Some(1));
    let report = String::from_utf8_lossy(&validate.stderr).into_owned();
    let problems: Vec<&str> = report.lines().filter(|l| l.starts_with("bank/")).collect();
    assert_eq!(problems.len(), 5, "{report}");
    for want in [
        "bank/sections/hostile.yaml:2:8: control character U+001B is not allowed",
        "bank/sections/hostile.yaml:5:13: control character U+001B is not allowed",
        "bank/sections/hostile.yaml:4:9: bidirectional override U+202E is not allowed",
        "bank/sections/hostile.yaml:10:18: control character U+001B is not allowed",
        "bank/sections/raw.yaml:5:17: control character U+001B is not allowed",
    ] {
        assert!(report.contains(want), "want {want:?} in:\n{report}");
    }
    // The app printed the very same problems (the pty turns each line end into CR LF).
    let printed = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
    for line in problems {
        assert!(
            printed.contains(line),
            "the app did not say {line:?}:\n{printed}"
        );
    }
}

/// A damaged attempt log: the app starts, keeps the good record, and the status line names the
/// file and the bad line.
#[test]
fn a_damaged_attempt_log_is_reported_on_the_status_line() {
    let good = r#"{"schema":1,"at":1700000000,"question":"sd-url-shortener","section":"system-design","kind":"system-design","time_limit":90,"spoken":80,"overtime":0,"checked":[],"items":10,"score":50.0,"technical":50.0,"people":null,"notes":""}"#;
    let log = format!("{good}\n\0\0\0\n{{\"schema\":1,\"at\":2,\"quest");
    let mut s = Session::start_in(&[], &[], SIZE, |d| {
        std::fs::write(d.join("attempts.jsonl"), &log).unwrap();
    });
    let home = s.wait_text(&[" Sections ", "attempts.jsonl:2: contains NUL bytes"]);
    assert!(
        home.contains("2 unreadable line(s) kept in the file"),
        "{home}"
    );
    assert!(
        home.contains("1 practised"),
        "the good record counts: {home}"
    );
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let after = std::fs::read(s.dir.path().join("attempts.jsonl")).unwrap();
    assert_eq!(after, log.as_bytes(), "the log is untouched");
}
