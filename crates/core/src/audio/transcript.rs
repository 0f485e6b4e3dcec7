//! What a transcript says about the delivery: words per minute, "I" against "we", filler words
//! (approximate: many speech-to-text engines drop them), hedges, and, with STAR marks, the words
//! of each part run through the story bank's STAR lint.

use super::PartTime;
use crate::stories::lint::{self, Rule, Severity};
use crate::stories::{Part, Story, StorySection};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Filler words and phrases, lower case, as word sequences.
pub const FILLERS: &[&str] = &[
    "um",
    "umm",
    "uh",
    "uhm",
    "er",
    "erm",
    "like",
    "you know",
    "sort of",
    "kind of",
    "basically",
];

/// Words and phrases that soften a claim.
pub const HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "hopefully",
    "i think",
    "i guess",
    "i feel",
    "i believe",
    "might",
    "somewhat",
    "a bit",
    "a little",
];

/// The figures saved in the attempt's `delivery.speech`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpeechFigures {
    pub words: u32,
    /// Words per minute of recording.
    pub wpm: u32,
    pub i_count: u32,
    pub we_count: u32,
    /// Approximate: engines often leave fillers out.
    pub fillers: u32,
    pub hedges: u32,
    /// STAR lint warnings on the words said in each marked part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub star: Vec<String>,
}

fn lower_words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| w.replace('\u{2019}', "'").to_lowercase())
        .collect()
}

/// How often any of `phrases` occurs in `words`.
pub fn count_phrases(words: &[String], phrases: &[&str]) -> u32 {
    let mut n = 0;
    for p in phrases {
        let pw: Vec<&str> = p.split(' ').collect();
        n += words
            .windows(pw.len())
            .filter(|w| w.iter().zip(&pw).all(|(a, b)| a == b))
            .count() as u32;
    }
    n
}

/// Figures for `text`, a transcript of `seconds` of audio. With `parts` (STAR marks with their
/// spoken time), the words are shared out between the parts in proportion to the time spoken in
/// each (the transcript has no timings), written into `parts`, and linted as a story.
pub fn figures(text: &str, seconds: f64, parts: &mut [PartTime]) -> SpeechFigures {
    let words = lower_words(text);
    let n = words.len() as u32;
    let (i, we) = lint::pronouns(text);
    let wpm = if seconds > 0.0 {
        (f64::from(n) * 60.0 / seconds).round() as u32
    } else {
        0
    };
    let star = if parts.is_empty() {
        Vec::new()
    } else {
        star_lint(text, parts)
    };
    SpeechFigures {
        words: n,
        wpm,
        i_count: i as u32,
        we_count: we as u32,
        fillers: count_phrases(&words, FILLERS),
        hedges: count_phrases(&words, HEDGES),
        star,
    }
}

/// Share the transcript's words out between the parts and lint the result as a story.
fn star_lint(text: &str, parts: &mut [PartTime]) -> Vec<String> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let time = |p: &PartTime| p.speaking.unwrap_or(p.secs).max(0.0);
    let total: f64 = parts.iter().map(time).sum();
    let mut sections = Vec::new();
    let mut at = 0usize;
    let mut spent = 0.0;
    let count = parts.len();
    for (k, p) in parts.iter_mut().enumerate() {
        spent += time(p);
        let end = if k + 1 == count || total <= 0.0 {
            raw.len()
        } else {
            ((spent / total) * raw.len() as f64).round() as usize
        }
        .clamp(at, raw.len());
        let said = raw[at..end].join(" ");
        at = end;
        p.words = Some(lint::words(&said) as u32);
        sections.push(StorySection {
            part: Part::from_heading(&p.part),
            heading: p.part.clone(),
            line: 1,
            text: said,
        });
    }
    let story = Story {
        name: "answer".into(),
        path: "answer".into(),
        title: "The answer as spoken".into(),
        themes: Vec::new(),
        roles: Vec::new(),
        questions: Vec::new(),
        sections,
        body: String::new(),
        body_line: 1,
    };
    lint::lint(&story, None)
        .findings
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Warning
                && matches!(
                    f.rule,
                    Rule::LongSituation | Rule::ThinAction | Rule::WeNotI | Rule::VagueResult
                )
        })
        .map(|f| f.message)
        .collect()
}
