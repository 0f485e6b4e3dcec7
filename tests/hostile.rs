//! Hostile input at the output edge: every command runs against a hostile bank (values written
//! with YAML escapes, odd file names), a hostile story folder (escapes in titles, themes and bodies,
//! HTML entities, raw bytes, a FIFO, a link to `/dev/zero`, an oversized file) and a hand-edited
//! attempt log, and no output holds ESC, a C0 control (but tab and newline, and CR before LF), DEL,
//! a C1 control or a bidirectional control. Each command must also finish: a FIFO that blocked
//! or an endless read would fail the test instead of hanging it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The fixture folders, copied to a temporary folder with what git cannot hold added.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    copy_dir(&from, dir.path());
    let sections = dir.path().join("refused/sections");
    // A newline in a file name could forge a `file:line` line; an escape could set the title.
    std::fs::write(
        sections.join("forged\nfake.yaml:1:1: all good.yaml"),
        "id: [",
    )
    .unwrap();
    std::fs::write(sections.join("\x1b]0;fname\x07.yaml"), "id: [").unwrap();
    let stories = dir.path().join("data/stories");
    std::fs::write(stories.join("\x1b[31mred\u{202e}.md"), story("Named")).unwrap();
    std::fs::write(stories.join("big.md"), "x".repeat(2 << 20)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", stories.join("zero.md")).unwrap();
    let fifo = std::ffi::CString::new(stories.join("pipe.md").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"bad\xff.md");
        std::fs::write(stories.join(name), story("Not UTF-8 name")).unwrap();
    }
    dir
}

fn story(title: &str) -> String {
    format!(
        "---\ntitle: {title}\nthemes: [conflict]\n---\n## Situation\nS.\n\n## Action\nI did.\n\n## Result\nUp 5%.\n"
    )
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

/// Run prep in `dir` with the hostile data and config; a command still running after a generous
/// time is killed and fails the test (a FIFO or `/dev/zero` read forever would do that).
fn prep(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(args)
        .current_dir(dir)
        .env("PREP_CONFIG_DIR", dir.join("config"))
        .env("PREP_DATA_DIR", dir.join("data"))
        .env("EDITOR", "true")
        .env_remove("VISUAL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("prep {args:?} did not finish: a read that never ends or a FIFO that blocks");
        }
    }
}

/// The first character a terminal would act on, with what surrounds it.
fn hostile_char(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let bidi = matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        );
        let line_end = c == '\r' && chars.get(i + 1) == Some(&'\n');
        if (c.is_control() && c != '\n' && c != '\t' && !line_end) || bidi {
            let from = i.saturating_sub(30);
            let around: String = chars[from..(i + 30).min(chars.len())].iter().collect();
            return Some(format!("U+{:04X} in {around:?}", c as u32));
        }
    }
    None
}

const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--format", "json"],
    &["list", "--section", "\x1bc"],
    &["--bank", "refused", "list"],
    &["show", "sd-url-shortener"],
    &["show", "sd-url-shortener", "--format", "json"],
    &["show", "\x1b]0;id\x07"],
    &["search", "url"],
    &["search", "url", "--format", "json"],
    &["search", "\x1bc\u{9b}"],
    &["validate"],
    &["validate", "refused"],
    &["validate", "refused", "--format", "json"],
    &["validate", "refused/sections/evil.yaml"],
    &["validate", "refused/guides/evil.md"],
    &["stats"],
    &["stats", "--format", "json"],
    &["review"],
    &["review", "--format", "json"],
    &["export"],
    &["export", "--format", "csv"],
    &["export", "--format", "json"],
    &["export", "--out", "report.md"],
    &["stories", "list"],
    &["stories", "list", "--format", "json"],
    &["stories", "lint"],
    &["stories", "lint", "--format", "json"],
    &["stories", "coverage"],
    &["stories", "coverage", "--format", "json"],
    &["stories", "edit", "\x1b]0;x\x07"],
    &["config", "show"],
    &["config", "path"],
    &["mock"],
    &["mock", "--report", "\x1b[2J"],
    &["drill"],
    &["drill", "--section", "\x1bc"],
    &[],
    &["--bank", "refused"],
];

#[test]
fn no_command_lets_hostile_text_reach_the_terminal() {
    let dir = setup();
    let mut outputs = Vec::new();
    for args in COMMANDS {
        let o = prep(dir.path(), args);
        for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            if let Some(found) = hostile_char(&text) {
                panic!("prep {args:?} wrote {found} to {stream}");
            }
            assert!(
                !text.contains("panicked"),
                "prep {args:?} panicked:\n{text}"
            );
        }
        if args.contains(&"json") && o.status.success() {
            serde_json::from_slice::<serde_json::Value>(&o.stdout)
                .unwrap_or_else(|e| panic!("prep {args:?} wrote JSON that does not parse: {e}"));
        }
        outputs.push((args, o));
    }
    let report = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(
        hostile_char(&report).is_none(),
        "{:?}",
        hostile_char(&report)
    );

    // The hostile values are there to see, as visible stand-ins, not silently dropped.
    let said = |args: &[&str], stream: &str, want: &str| {
        let (_, o) = outputs.iter().find(|(a, _)| **a == args).unwrap();
        let bytes = if stream == "stdout" {
            &o.stdout
        } else {
            &o.stderr
        };
        let text = String::from_utf8_lossy(bytes);
        assert!(
            text.contains(want),
            "prep {args:?} {stream} lacks {want:?}:\n{text}"
        );
    };
    said(
        &["stories", "list"],
        "stdout",
        "Outage ^[]0;pwned^G<U+009B>2J two^Jlines",
    );
    said(&["stats"], "stderr", "attempts.jsonl:3:");
    said(&["stats"], "stderr", "attempts.jsonl:4: `score` is 1e308");
    said(&["validate", "refused"], "stderr", "^[]0;pwned^G");
    said(&["validate", "refused"], "stderr", "forged^Jfake.yaml");
    said(
        &["validate", "refused"],
        "stderr",
        "(in guide tag, written as a YAML escape)",
    );
    said(
        &["export", "--format", "csv"],
        "stdout",
        "Notes ^[]52;c;aGk=^G <U+009B>31m",
    );
    said(
        &["stories", "lint"],
        "stderr",
        "pipe.md:1:1: not a regular file (it is a named pipe)",
    );
    said(
        &["stories", "lint"],
        "stderr",
        "zero.md:1:1: not a regular file (it is a device)",
    );
    said(
        &["stories", "lint"],
        "stderr",
        "big.md:1:1: the file is 2097152 bytes",
    );
    said(
        &["stories", "lint"],
        "stderr",
        "bad\u{fffd}.md:1:1: the file name is not UTF-8",
    );
    // Character references to controls (`&#x1b;c`) are shown as what they stand for, defused.
    said(&["export"], "stdout", "with ^[c and <U+009B>31m in it");
    said(&["export"], "stdout", "two^Jlines");
    // JSON keeps the data, escaped.
    said(
        &["export", "--format", "json"],
        "stdout",
        "\\u009b31m \\u202eesrever",
    );
}
