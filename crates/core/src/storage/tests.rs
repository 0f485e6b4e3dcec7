//! Unit tests of the attempt log: round trips, torn lines, bad lines, locks and failed writes.

use super::*;

pub(crate) fn sample(at: i64, score: f64) -> Attempt {
    Attempt {
        schema: SCHEMA_VERSION,
        id: format!("{at}-0000abcd"),
        at,
        question: "sd-url-shortener".into(),
        section: "system-design".into(),
        kind: Kind::SystemDesign,
        time_limit: 90,
        spoken: 80,
        overtime: 0,
        checked: vec!["requirements".into()],
        items: 10,
        score,
        technical: Some(score),
        people: None,
        notes: "ünïcödé 日本".into(),
        follow_ups: 0,
        mock: None,
        stages: Vec::new(),
        grade: Default::default(),
        recording: None,
        delivery: None,
    }
}

#[test]
fn a_record_written_before_ids_gets_a_stable_id_from_its_time_and_question() {
    let mut old = serde_json::to_value(sample(7, 40.0)).unwrap();
    old.as_object_mut().unwrap().remove("id");
    let line = format!("{old}\n{old}\n");
    let read = parse_log(line.as_bytes());
    assert_eq!(read.attempts.len(), 2);
    assert_eq!(read.attempts[0].id, "7-sd-url-shortener");
    assert_eq!(read.attempts[0].id, read.attempts[1].id);
}

#[test]
fn new_ids_start_with_the_time_and_differ() {
    let a = new_attempt_id(1_700_000_000);
    let b = new_attempt_id(1_700_000_000);
    assert!(
        a.starts_with("1700000000-") && a.len() == "1700000000-".len() + 8,
        "{a}"
    );
    assert_ne!(a, b);
}

#[test]
fn append_then_read_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(&dir.path().join("nested"));
    assert_eq!(log.read().unwrap(), LogRead::default());
    log.append(&sample(1, 50.0)).unwrap();
    log.append(&sample(2, 70.0)).unwrap();
    let read = log.read().unwrap();
    assert_eq!(read.attempts, vec![sample(1, 50.0), sample(2, 70.0)]);
    assert!(read.problems.is_empty());
}

#[test]
fn a_torn_last_line_is_reported_and_the_next_append_starts_clean() {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(dir.path());
    log.append(&sample(1, 50.0)).unwrap();
    let mut f = OpenOptions::new().append(true).open(log.path()).unwrap();
    f.write_all(br#"{"schema":1,"at":2,"quest"#).unwrap();
    drop(f);
    let before = std::fs::read(log.path()).unwrap();
    let read = log.read().unwrap();
    assert_eq!(read.attempts.len(), 1);
    assert_eq!(read.problems[0].line, 2);
    assert_eq!(
        std::fs::read(log.path()).unwrap(),
        before,
        "reading never rewrites"
    );
    log.append(&sample(3, 90.0)).unwrap();
    let read = log.read().unwrap();
    assert_eq!(
        read.attempts.iter().map(|a| a.at).collect::<Vec<_>>(),
        vec![1, 3]
    );
    assert_eq!(read.problems.len(), 1);
}

#[test]
fn bad_lines_are_skipped_by_number_and_good_ones_kept() {
    let good = serde_json::to_string(&sample(5, 10.0)).unwrap();
    let future = good.replace("\"schema\":1", "\"schema\":9");
    let text = format!("{good}\n\0\0\0\n{future}\n{{\"schema\":1}}\nnot json\n\n{good}\n");
    let read = parse_log(text.as_bytes());
    assert_eq!(read.attempts.len(), 2);
    let lines: Vec<usize> = read.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5]);
    assert!(read.problems[1].message.contains("newer prep (schema 9"));
    let read = parse_log(&[0xff, 0xfe, b'\n']);
    assert_eq!(read.problems[0].message, "not UTF-8 text; skipped");
}

#[test]
fn a_second_writer_waits_for_the_lock_then_saves() {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(dir.path());
    log.append(&sample(1, 50.0)).unwrap();
    let held = File::open(log.path()).unwrap();
    held.lock().unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        held.unlock().unwrap();
    });
    log.append(&sample(2, 60.0)).unwrap();
    releaser.join().unwrap();
    assert_eq!(log.read().unwrap().attempts.len(), 2);
}

#[test]
fn a_lock_held_too_long_says_who_holds_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(dir.path());
    log.append(&sample(1, 50.0)).unwrap();
    let before = std::fs::read(log.path()).unwrap();
    let held = File::open(log.path()).unwrap();
    held.lock().unwrap();
    let err = log.append(&sample(2, 60.0)).unwrap_err();
    let holder = if cfg!(target_os = "linux") {
        format!(" (process {})", std::process::id())
    } else {
        String::new()
    };
    let want = format!(
        "another prep{holder} is saving to {}; waited 2 s for it; try again in a moment",
        log.path().display()
    );
    assert_eq!(err.to_string(), want);
    assert_eq!(std::fs::read(log.path()).unwrap(), before);
}

#[test]
fn a_data_folder_that_cannot_be_created_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "").unwrap();
    let log = AttemptLog::new(&dir.path().join("file").join("data"));
    let text = log.append(&sample(1, 50.0)).unwrap_err().to_string();
    assert!(text.starts_with("cannot create the data folder "), "{text}");
    assert!(text.contains("file/data"), "{text}");
}
