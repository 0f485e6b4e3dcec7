//! Attempts as CSV (RFC 4180): a header, then one row per attempt, each record ending in CRLF; a
//! field with a comma, a quote or a line break is quoted and its quotes doubled. Text a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return, and not a number) gets a leading `'`, so opening the export cannot run anything.

use super::date_time;
use crate::bank::Bank;
use crate::storage::Attempt;

pub const CSV_HEADER: &[&str] = &[
    "date_utc",
    "at",
    "question",
    "section",
    "kind",
    "score",
    "technical",
    "people",
    "time_limit",
    "spoken",
    "overtime",
    "items",
    "checked",
    "follow_ups",
    "mock",
    "notes",
    "technical_got",
    "technical_of",
    "people_got",
    "people_of",
    "recorded_secs",
    "speaking_secs",
    "first_word_secs",
    "pauses",
    "longest_pause_secs",
    "words",
    "wpm",
    "fillers",
    "hedges",
    "i_count",
    "we_count",
    "action_percent",
];

/// One CSV field, quoted only when it must be, never read as a formula, and with every control
/// character (but newline and tab) shown as a visible stand-in.
pub fn field(s: &str) -> String {
    let s = &*crate::text::clean(s);
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let guarded;
    let s = if formula {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn record(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// The axis weights come from [`crate::grades::axes`]: ticked and total rubric weight.
pub fn attempts_csv(bank: &Bank, attempts: &[Attempt]) -> String {
    let mut out = String::new();
    let header: Vec<String> = CSV_HEADER.iter().map(|h| h.to_string()).collect();
    record(&mut out, &header);
    let opt = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
    let num = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
    for a in attempts {
        let w = crate::grades::axes(bank, a).rounded();
        // Delivery figures, empty where the answer had no recording or transcript.
        let d = a.delivery.clone().unwrap_or_default();
        let (audio, speech) = (d.audio.as_ref(), d.speech.as_ref());
        let tenth = |v: f64| crate::audio::tenth(v).to_string();
        record(
            &mut out,
            &[
                date_time(a.at),
                a.at.to_string(),
                a.question.clone(),
                a.section.clone(),
                a.kind.as_str().to_string(),
                a.score.to_string(),
                opt(a.technical),
                opt(a.people),
                a.time_limit.to_string(),
                a.spoken.to_string(),
                a.overtime.to_string(),
                a.items.to_string(),
                a.checked.join(" "),
                a.follow_ups.to_string(),
                a.mock.clone().unwrap_or_default(),
                a.notes.clone(),
                w.technical.got.to_string(),
                w.technical.of.to_string(),
                w.people.got.to_string(),
                w.people.of.to_string(),
                audio.map_or(String::new(), |a| tenth(a.seconds)),
                audio.map_or(String::new(), |a| tenth(a.speaking)),
                audio
                    .and_then(|a| a.first_word)
                    .map_or(String::new(), tenth),
                num(audio.map(|a| a.pauses)),
                audio.map_or(String::new(), |a| tenth(a.longest_pause)),
                num(speech.map(|s| s.words)),
                num(speech.map(|s| s.wpm)),
                num(speech.map(|s| s.fillers)),
                num(speech.map(|s| s.hedges)),
                num(speech.map(|s| s.i_count)),
                num(speech.map(|s| s.we_count)),
                num(d.action_percent()),
            ],
        );
    }
    out
}
