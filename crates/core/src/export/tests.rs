use super::csv::{CSV_HEADER, field};
use super::*;
use crate::bank::load_builtin;
use crate::practice::{self, Answer};

const NOTES: &str = "cache, then \"queue\"\n- shard by user\r\nlast line: 日本語 ✓";

fn attempt(bank: &Bank, id: &str, at: i64, ticked: &[usize], notes: &str) -> Attempt {
    let q = bank.question(id).unwrap();
    let items = practice::checklist(bank, q);
    let checked: Vec<bool> = (0..items.len()).map(|i| ticked.contains(&i)).collect();
    let answer = Answer {
        spoken_secs: 100,
        limit_secs: 90,
        notes: notes.into(),
        follow_ups_revealed: 1,
        ..Answer::default()
    };
    practice::attempt(q, &items, &checked, &answer, at)
}

fn log(bank: &Bank) -> Vec<Attempt> {
    let mut mocked = attempt(bank, "con-lost-argument", 1_795_200_000, &[0, 2], "");
    mocked.mock = Some("mock-1795199000".into());
    vec![
        attempt(bank, "sd-url-shortener", 1_795_100_000, &[0, 1, 5], NOTES),
        mocked,
        attempt(bank, "sd-url-shortener", 1_795_250_000, &[0], "second try"),
    ]
}

fn story() -> StoryExport {
    StoryExport {
        name: "payments-outage".into(),
        title: "The payments outage".into(),
        themes: vec!["incident".into()],
        roles: vec!["em".into()],
        questions: vec!["con-lost-argument".into()],
        sections: vec![StorySectionExport {
            heading: "Situation".into(),
            text: "Checkout failed for 40 minutes.".into(),
        }],
        words: 6,
        action_percent: None,
        findings: vec![LintFinding {
            rule: "no-lesson".into(),
            severity: "warning".into(),
            line: 9,
            message: "no Lesson section".into(),
        }],
    }
}

#[test]
fn json_reads_back_into_the_same_export() {
    let bank = load_builtin();
    for stories in [None, Some(vec![story()])] {
        let e = build(&bank, &log(&bank), 1_795_262_400, stories);
        let json = to_json(&e).unwrap();
        let back: Export = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
        assert_eq!(json.contains("\"stories\""), e.stories.is_some());
    }
}

#[test]
fn the_export_holds_every_attempt_mock_and_section() {
    let bank = load_builtin();
    let log = log(&bank);
    let e = build(&bank, &log, 1_795_262_400, None);
    assert_eq!(e.attempts, log);
    assert_eq!(e.summary.attempts, 3);
    assert_eq!(e.summary.practised_questions, 2);
    assert_eq!(e.sections.len(), bank.sections.len());
    assert_eq!(e.mocks.len(), 1);
    assert_eq!(e.mocks[0].id, "mock-1795199000");
    // The weakest items count the latest answer to each question only: the URL shortener's
    // second try ticked only its first item, so its second item shows as missed once of once.
    let sd = practice::checklist(&bank, bank.question("sd-url-shortener").unwrap());
    let second = e.weakest.iter().find(|m| m.text == sd[1].text).unwrap();
    assert_eq!((second.missed, second.of), (1, 1));
}

#[test]
fn markdown_times_are_local_and_name_the_zone_while_csv_stays_utc() {
    let bank = load_builtin();
    let log = log(&bank);
    let e = build(&bank, &log, 1_795_262_400, None);
    let ny = crate::days::Zone::named("America/New_York").expect("tz database (tzdata)");
    let md = export_markdown_in(&bank, &e, &ny);
    // 2026-11-21 12:00 UTC is 07:00 in New York (UTC-5); the first attempt was 14:53 UTC.
    assert!(md.contains("Made 2026-11-21 07:00 (America/New_York) from 3 attempts"));
    assert!(
        md.contains("### 2026-11-19 09:53 · sd-url-shortener"),
        "{md}"
    );
    assert!(!md.contains("14:53"), "{md}");
    let csv = attempts_csv(&bank, &log);
    assert_eq!(parse_csv(&csv)[1][0], "2026-11-19 14:53");
}

#[test]
fn markdown_has_every_section_and_the_notes_verbatim() {
    let bank = load_builtin();
    let e = build(&bank, &log(&bank), 1_795_262_400, None);
    let md = export_markdown_in(&bank, &e, &crate::days::Zone::utc());
    for want in [
        "# Interview practice report",
        "Made 2026-11-21 12:00 (UTC) from 3 attempts at 2 of",
        "## Progress by section",
        "| System design |",
        "## Weakest rubric items",
        "## Mock loops",
        "### Mock mock-1795199000",
        "## Recent attempts",
        "sd-url-shortener · 42%",
        "> cache, then \"queue\"\\\n> \\- shard by user\\\n> last line: 日本語 ✓\n",
        "*Build a link-shortening service",
        "in mock-1795199000",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    assert!(
        !md.contains("## Stories"),
        "no stories section without stories"
    );
    let recent = md.find("## Recent attempts").unwrap();
    let newest = md[recent..].find("second try").unwrap();
    let oldest = md[recent..].find("shard by user").unwrap();
    assert!(newest < oldest, "newest first");

    let e = build(&bank, &log(&bank), 1_795_262_400, Some(vec![story()]));
    let md = export_markdown(&bank, &e);
    assert!(md.contains("## Stories\n\n### The payments outage"));
    assert!(md.contains("- line 9: no Lesson section"));
}

/// A strict RFC 4180 reader, to check what the writer produced.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => {
                assert!(cell.is_empty(), "a quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CR without LF"),
            (false, '\n') => panic!("a record must end in CRLF"),
            (false, c) => cell.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "ends with a whole record"
    );
    rows
}

#[test]
fn csv_has_a_header_and_one_row_per_attempt_with_awkward_text_quoted() {
    let bank = load_builtin();
    let log = log(&bank);
    let csv = attempts_csv(&bank, &log);
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 1 + log.len());
    assert_eq!(rows[0], CSV_HEADER);
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    assert!(rows.iter().all(|r| r.len() == CSV_HEADER.len()));
    assert_eq!(
        rows[1][col("notes")],
        NOTES,
        "commas, quotes and newlines survive"
    );
    assert_eq!(rows[1][col("question")], "sd-url-shortener");
    assert_eq!(rows[1][col("date_utc")], "2026-11-19 14:53");
    assert_eq!(rows[2][col("mock")], "mock-1795199000");
    assert_eq!(rows[3][col("mock")], "");
    assert_eq!(rows[1][col("score")], log[0].score.to_string());
    let w = log[0].grade.weights.unwrap();
    let cells = ["technical_got", "technical_of", "people_got", "people_of"]
        .map(|c| rows[1][col(c)].clone());
    let want = [w.technical[0], w.technical[1], w.people[0], w.people[1]].map(|n| n.to_string());
    assert_eq!(cells, want, "each attempt's weight per axis");
    assert!(csv.starts_with("date_utc,at,question,"));
    assert_eq!(field("plain"), "plain");
    assert_eq!(field("a,b"), "\"a,b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    // Spreadsheet formulas are defused; numbers, even negative ones, are left alone.
    assert_eq!(
        field("=HYPERLINK(\"http://x\")"),
        "\"'=HYPERLINK(\"\"http://x\"\")\""
    );
    assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(field("+1 more"), "'+1 more");
    assert_eq!(field("-12.5"), "-12.5");
    assert_eq!(field("a = b"), "a = b");
}

/// An attempt answered aloud: recorded, transcribed, its STAR parts marked.
fn spoken(bank: &Bank) -> Attempt {
    use crate::audio::{AudioFigures, Delivery, PartTime, transcript::SpeechFigures};
    let mut a = attempt(bank, "con-lost-argument", 1_795_300_000, &[0], "");
    let part = |part: &str, secs: f64| PartTime {
        part: part.into(),
        secs,
        ..PartTime::default()
    };
    a.delivery = Some(Delivery {
        parts: vec![part("Situation", 20.0), part("Action", 60.0)],
        audio: Some(AudioFigures {
            seconds: 151.34,
            speaking: 120.4,
            pauses: 3,
            longest_pause: 3.24,
            first_word: Some(1.2),
        }),
        speech: Some(SpeechFigures {
            words: 300,
            wpm: 119,
            i_count: 12,
            we_count: 4,
            fillers: 6,
            hedges: 2,
            star: Vec::new(),
        }),
    });
    a
}

#[test]
fn both_reports_carry_the_delivery_figures_of_answers_given_aloud() {
    let bank = load_builtin();
    let mut log = log(&bank);
    log.push(spoken(&bank));
    let rows = parse_csv(&attempts_csv(&bank, &log));
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    // The delivery columns, the last of the header.
    let delivery = col("recorded_secs")..CSV_HEADER.len();
    assert_eq!(delivery.len(), 12);
    assert_eq!(col("action_percent"), CSV_HEADER.len() - 1);
    for name in ["speaking_secs", "pauses", "wpm", "fillers", "we_count"] {
        assert!(delivery.contains(&col(name)), "{name}");
    }
    let cells = |row: &[String]| row[delivery.clone()].to_vec();
    assert_eq!(
        cells(&rows[4]),
        [
            "151.3", "120.4", "1.2", "3", "3.2", "300", "119", "6", "2", "12", "4", "75"
        ]
    );
    assert_eq!(
        cells(&rows[1]),
        vec![String::new(); 12],
        "typed answers leave them empty"
    );

    let e = build(&bank, &log, 1_795_362_400, None);
    let md = export_markdown_in(&bank, &e, &crate::days::Zone::utc());
    let line = md
        .lines()
        .find(|l| l.starts_with("Delivery: "))
        .expect("a delivery line");
    assert_eq!(
        line,
        "Delivery: spoke 2:00 of 2:31 recorded · first word after 1.2 s · 3 pauses of 2 s or more \
         (longest 3.2 s) · 300 words, 119 a minute · \"I\" 12 times, \"we\" 4 · 6 fillers, 2 hedges \
         · Action 75% of the answer"
    );
    assert_eq!(
        md.matches("Delivery: ").count(),
        1,
        "only the answer given aloud"
    );
}
