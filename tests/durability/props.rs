//! Property tests of the readers: the attempt-log parser and the bank loader give errors, never
//! panics; the log parser keeps exactly the good records and reports exactly the bad lines; and
//! they, and the story parser with its lint, take time that grows linearly with the input.

use super::good_line;
use prep_core::bank::{self, BankSource};
use prep_core::storage::parse_log;
use proptest::prelude::*;
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
enum Line {
    Good(i64),
    /// A record cut short, as a kill mid-write leaves it.
    Torn(i64, prop::sample::Index),
    /// Any non-blank bytes without a line end.
    Junk(Vec<u8>),
}

fn line() -> impl Strategy<Value = Line> {
    let junk = proptest::collection::vec(
        any::<u8>().prop_filter("no line end", |b| *b != b'\n'),
        1..80,
    )
    .prop_filter("not blank", |v| !v.iter().all(u8::is_ascii_whitespace));
    prop_oneof![
        any::<i64>().prop_map(Line::Good),
        (any::<i64>(), any::<prop::sample::Index>()).prop_map(|(at, i)| Line::Torn(at, i)),
        junk.prop_map(Line::Junk),
    ]
}

fn bytes_of(line: &Line) -> Vec<u8> {
    match line {
        Line::Good(at) => good_line(*at).into_bytes(),
        Line::Torn(at, cut) => {
            let full = good_line(*at);
            full.as_bytes()[..1 + cut.index(full.len() - 1)].to_vec()
        }
        Line::Junk(bytes) => bytes.clone(),
    }
}

const RUBRICS: &str = "rubrics:\n  - id: r\n    title: R\n    items:\n      - id: a\n        text: Did the thing\n        weight: 2\n        axis: people\n";

/// A section file with `n` questions of realistic length.
fn section(n: usize) -> String {
    let mut s = String::from("id: gen\ntitle: Generated\nquestions:\n");
    for i in 0..n {
        s.push_str(&format!(
            "  - id: gen-{i}\n    prompt: Tell me about a time number {i} you changed a team's mind — 日本語 too.\n    kind: behavioral\n    roles: [tech-lead, em]\n    time: 90s\n    rubric: r\n    probes: [Ownership, Specifics]\n    checks: [Named the date, Said what I did]\n    talking_points: |\n      **Situation.** A short one, then the action, told as I, with a number: {i}.\n    pitfalls: [Saying we]\n    follow_ups: [What would you change?]\n    tags: [delivery]\n"
        ));
    }
    s
}

fn load(section: Vec<u8>) -> bool {
    bank::load(&[
        BankSource::Memory("rubrics.yaml".into(), RUBRICS.as_bytes().to_vec()),
        BankSource::Memory("sections/gen.yaml".into(), section),
    ])
    .is_ok()
}

#[derive(Clone, Debug)]
enum Edit {
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, Vec<u8>),
    Replace(prop::sample::Index, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = proptest::collection::vec(
        prop_oneof![
            Just(b':'),
            Just(b'\n'),
            Just(b' '),
            Just(b'-'),
            Just(b'['),
            Just(b'"'),
            Just(b'&'),
            Just(b'*'),
            Just(b'\t'),
            Just(0x1b),
            Just(0xff),
            any::<u8>()
        ],
        1..12,
    );
    prop_oneof![
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<prop::sample::Index>(), snippet).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
    ]
}

fn apply(text: &mut Vec<u8>, edit: &Edit) {
    match edit {
        Edit::Delete(i, n) => {
            let at = i.index(text.len());
            let end = (at + n).min(text.len());
            text.drain(at..end);
        }
        Edit::Insert(i, s) => {
            let at = i.index(text.len() + 1);
            text.splice(at..at, s.iter().copied());
        }
        Edit::Replace(i, b) => {
            let at = i.index(text.len());
            text[at] = *b;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Good records come back in order; every other non-blank line is one problem, at its number.
    #[test]
    fn the_log_reader_keeps_good_lines_and_reports_each_bad_one(lines in proptest::collection::vec(line(), 0..30)) {
        let text = lines.iter().map(bytes_of).collect::<Vec<_>>().join(&b'\n');
        let read = parse_log(&text);
        let good: Vec<i64> = lines.iter().filter_map(|l| match l { Line::Good(at) => Some(*at), _ => None }).collect();
        let bad: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| !matches!(l, Line::Good(_))).map(|(i, _)| i + 1).collect();
        prop_assert_eq!(read.attempts.iter().map(|a| a.at).collect::<Vec<_>>(), good);
        prop_assert_eq!(read.problems.iter().map(|p| p.line).collect::<Vec<_>>(), bad);
    }

    #[test]
    fn the_log_reader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let read = parse_log(&bytes);
        let lines = bytes.split(|&b| b == b'\n').count();
        prop_assert!(read.attempts.len() + read.problems.len() <= lines);
    }

    /// A valid section damaged anywhere: the loader answers (a bank or problems), never panics.
    #[test]
    fn the_bank_loader_survives_damage(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut text = section(3).into_bytes();
        for e in &edits {
            if !text.is_empty() {
                apply(&mut text, e);
            }
        }
        let _ = load(text);
    }
}

#[test]
fn the_undamaged_generated_bank_loads() {
    assert!(load(section(3).into_bytes()));
}

/// Ten times the input must take at most ~10x the time. The bound is 30x and each side is the
/// fastest of five interleaved runs, tried up to three times, so a busy machine does not fail it;
/// a quadratic reader takes ~100x every time.
fn assert_linear(what: &str, mut small: impl FnMut(), mut large: impl FnMut()) {
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed()
    };
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (mut s, mut l) = (Duration::MAX, Duration::MAX);
        for _ in 0..5 {
            s = s.min(time(&mut small));
            l = l.min(time(&mut large));
        }
        let ratio = l.as_secs_f64() / s.as_secs_f64().max(1e-6);
        eprintln!("{what}: {s:?} -> {l:?} for 10x the input ({ratio:.1}x)");
        if ratio < 30.0 {
            return;
        }
        ratios.push(ratio);
    }
    panic!("{what}: 10x the input took {ratios:.1?} times as long");
}

#[test]
fn log_parse_time_grows_linearly() {
    let log = |n: usize| -> Vec<u8> {
        let mut out = Vec::new();
        for i in 0..n {
            let line = match i % 10 {
                7 => "\0\0\0\0".to_string(),
                8 => good_line(i as i64)[..50].to_string(),
                _ => good_line(i as i64),
            };
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out
    };
    let (small, large) = (log(2_000), log(20_000));
    assert_linear(
        "attempt log, 2k -> 20k lines",
        || assert_eq!(parse_log(&small).attempts.len(), 1_600),
        || assert_eq!(parse_log(&large).attempts.len(), 16_000),
    );
    // One long line without an end (a torn giant record) is linear too.
    let (one, ten) = (vec![b'{'; 200_000], vec![b'{'; 2_000_000]);
    assert_linear(
        "one unterminated line, 200 KB -> 2 MB",
        || assert_eq!(parse_log(&one).problems.len(), 1),
        || assert_eq!(parse_log(&ten).problems.len(), 1),
    );
}

#[test]
fn bank_load_time_grows_linearly() {
    let (small, large) = (section(100).into_bytes(), section(1_000).into_bytes());
    assert_linear(
        "bank, 100 -> 1000 questions",
        || assert!(load(small.clone())),
        || assert!(load(large.clone())),
    );
}

#[test]
fn story_parse_and_lint_time_grows_linearly() {
    let story = |paragraphs: usize| -> String {
        let mut text = String::from(
            "---\ntitle: Long\nthemes: [incident]\n---\n## Situation\nIt broke.\n## Task\nI owned it.\n## Action\n",
        );
        for i in 0..paragraphs {
            text.push_str(&format!(
                "I traced fault {i}, we paired on it, and I shipped a fix in 2 days.\n\n"
            ));
        }
        text.push_str("## Result\nErrors fell 40%.\n## Lesson\nI test first now.\n");
        text
    };
    let check = |text: &str| {
        let parsed = prep_core::stories::parse("stories/long.md", "long", text).expect("parses");
        let report = prep_core::stories::lint::lint(&parsed, None);
        assert!(report.figures.words > 0);
    };
    let (small, large) = (story(500), story(5_000));
    assert_linear(
        "story, 500 -> 5000 paragraphs",
        || check(&small),
        || check(&large),
    );
}
