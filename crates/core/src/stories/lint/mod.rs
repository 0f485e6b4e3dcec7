//! STAR lint: each story checked against what makes a behavioural answer land (a short
//! Situation, an Action that is most of the story and told as "I", a Result with a number, a
//! Lesson), each finding with its reason, its figure and the line to look at. Words and sentences
//! are counted with Unicode segmentation, so CJK text (one word per ideograph) and emoji work.

use super::{Part, Story, coverage};
use crate::bank::{Bank, Role};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// More Situation sentences than this is a finding.
pub const MAX_SITUATION_SENTENCES: usize = 2;
/// An Action under this share of the words is a finding.
pub const MIN_ACTION_PERCENT: u32 = 50;
/// The share the STAR guide aims for.
pub const TARGET_ACTION_PERCENT: u32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    LongSituation,
    ThinAction,
    WeNotI,
    VagueResult,
    NoLesson,
    MissingSection,
    EmptySection,
    NoTitle,
    NoThemes,
    UnknownTheme,
    UnknownRole,
    UnknownQuestion,
    OtherHeading,
    RepeatedSection,
}

/// Warnings weaken the answer; notes are about the file (vocabulary, typos).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Note,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// 1-based line in the story file.
    pub line: u32,
    pub message: String,
}

/// The numbers the rules look at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Words in the five parts together.
    pub words: usize,
    pub action_words: usize,
    /// Action words as a share of all words, 0-100; `None` when there are no words.
    pub action_percent: Option<u32>,
    pub situation_sentences: usize,
    /// "I", "I'm", "I've", "I'd", "I'll" in the Action.
    pub i_count: usize,
    /// "we", "we're", "we've", "we'd", "we'll" in the Action.
    pub we_count: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub figures: Figures,
}

impl Report {
    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

pub fn words(text: &str) -> usize {
    text.unicode_words().count()
}

/// Sentences with at least one word in them (a lone "—" or emoji is not a sentence).
pub fn sentences(text: &str) -> usize {
    // unicode-segmentation 1.13's sentence iterator underflows in `size_hint` on empty text, so
    // never hand it an empty string and never ask it for a size hint.
    if text.trim().is_empty() {
        return 0;
    }
    let mut n = 0;
    for s in text.unicode_sentences() {
        if s.unicode_words().next().is_some() {
            n += 1;
        }
    }
    n
}

/// How often the text says "I" and how often "we" (with contractions, straight or curly
/// apostrophes, any case).
pub fn pronouns(text: &str) -> (usize, usize) {
    let (mut i, mut we) = (0, 0);
    for w in text.unicode_words() {
        let w = w.replace('\u{2019}', "'").to_lowercase();
        let (head, tail) = w.split_once('\'').unwrap_or((&w, ""));
        if !matches!(tail, "" | "m" | "ve" | "d" | "ll" | "re") {
            continue;
        }
        match head {
            "i" => i += 1,
            "we" => we += 1,
            _ => {}
        }
    }
    (i, we)
}

/// Words that make a result checkable without a digit: counts, multiples, spans of time, dates.
#[rustfmt::skip]
const MEASURE_WORDS: &[&str] = &[
    "once", "twice", "thrice", "half", "halved", "double", "doubled", "tripled", "quadrupled",
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "dozen", "dozens", "percent",
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "quarter", "quarters", "year", "years", "sprint", "sprints", "overnight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// CJK characters for numbers, multiples and units of time.
const MEASURE_CHARS: &str = "一二三四五六七八九十百千万萬亿億两兩倍半天日周週月年秒分時时%％";

/// Does the text carry something measurable: a digit (any script), a percentage, a count or a
/// span of time?
pub fn measurable(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_numeric() || MEASURE_CHARS.contains(c))
        || text
            .unicode_words()
            .any(|w| MEASURE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Check a story. With a bank, the question ids it names are checked too.
pub fn lint(story: &Story, bank: Option<&Bank>) -> Report {
    let mut out = Vec::new();
    let mut add = |rule, severity, line, message: String| {
        out.push(Finding {
            rule,
            severity,
            line,
            message,
        })
    };
    use Severity::{Note, Warning};
    if story.title.trim().is_empty() {
        add(Rule::NoTitle, Warning, 2, "the title is empty".into());
    }
    let text = |p: Part| story.section(p).map_or("", |s| s.text.as_str());
    let line = |p: Part| story.section(p).map_or(story.body_line, |s| s.line);
    for p in Part::ALL {
        match story.section(p) {
            None if p == Part::Lesson => add(
                Rule::NoLesson,
                Warning,
                line(p),
                "no `## Lesson`: close with one sentence on what you do differently since".into(),
            ),
            None => add(
                Rule::MissingSection,
                Warning,
                line(p),
                format!("no `## {}` section", p.name()),
            ),
            Some(s) if words(&s.text) == 0 && p == Part::Lesson => add(
                Rule::NoLesson,
                Warning,
                s.line,
                "the Lesson is empty: one sentence on what you do differently since".into(),
            ),
            Some(s) if words(&s.text) == 0 => add(
                Rule::EmptySection,
                Warning,
                s.line,
                format!("`## {}` is empty", p.name()),
            ),
            Some(_) => {}
        }
    }
    let figures = figures(story);
    if figures.situation_sentences > MAX_SITUATION_SENTENCES {
        let msg = format!(
            "the Situation runs to {} sentences; two are enough to set the scene",
            figures.situation_sentences
        );
        add(Rule::LongSituation, Warning, line(Part::Situation), msg);
    }
    if let Some(pct) = figures.action_percent
        && pct < MIN_ACTION_PERCENT
        && figures.action_words > 0
    {
        let msg = format!(
            "the Action is {pct}% of the words ({} of {}); aim for about {TARGET_ACTION_PERCENT}%, \
             trimming the Situation first",
            figures.action_words, figures.words
        );
        add(Rule::ThinAction, Warning, line(Part::Action), msg);
    }
    if figures.we_count > figures.i_count {
        let msg = format!(
            "the Action says \"we\" {} time{} and \"I\" {}; say what you did yourself",
            figures.we_count,
            plural(figures.we_count),
            figures.i_count
        );
        add(Rule::WeNotI, Warning, line(Part::Action), msg);
    }
    if words(text(Part::Result)) > 0 && !measurable(text(Part::Result)) {
        let msg = "the Result has no number, percentage, time span or count; say what changed \
                   and by how much"
            .to_string();
        add(Rule::VagueResult, Warning, line(Part::Result), msg);
    }
    for s in story.sections.iter().filter(|s| s.part.is_none()) {
        let msg = format!(
            "`## {}` is not a STAR section, so its words are not counted \
             (expected Situation, Task, Action, Result, Lesson)",
            s.heading
        );
        add(Rule::OtherHeading, Note, s.line, msg);
    }
    for p in Part::ALL {
        for s in story.sections.iter().filter(|s| s.part == Some(p)).skip(1) {
            let msg = format!(
                "a second `## {}` (the first is on line {}); only the first is checked",
                p.name(),
                line(p)
            );
            add(Rule::RepeatedSection, Note, s.line, msg);
        }
    }
    if story.themes.is_empty() {
        let msg = "no themes, so coverage cannot count this story; add some, like [conflict]";
        add(Rule::NoThemes, Note, 3, msg.into());
    }
    for t in &story.themes {
        if coverage::theme(&super::normalize(&t.value)).is_none() {
            let msg = format!(
                "theme `{}` is your own, not one of prep's; it gets its own coverage row",
                t.value
            );
            add(Rule::UnknownTheme, Note, t.line, msg);
        }
    }
    for r in &story.roles {
        if Role::parse(r.value.trim()).is_none() {
            let msg = format!(
                "unknown role `{}`; expected one of {}",
                r.value,
                Role::expected()
            );
            add(Rule::UnknownRole, Note, r.line, msg);
        }
    }
    if let Some(bank) = bank {
        for q in &story.questions {
            if bank.question(q.value.trim()).is_none() {
                let msg = format!(
                    "no question `{}` in the bank; `prep list` shows ids",
                    q.value
                );
                add(Rule::UnknownQuestion, Note, q.line, msg);
            }
        }
    }
    // Warnings first (they weaken the answer), each group in file order.
    out.sort_by_key(|f| (f.severity, f.line));
    Report {
        findings: out,
        figures,
    }
}

fn figures(story: &Story) -> Figures {
    let text = |p: Part| story.section(p).map_or("", |s| s.text.as_str());
    let total: usize = Part::ALL.into_iter().map(|p| words(text(p))).sum();
    let action = words(text(Part::Action));
    let (i_count, we_count) = pronouns(text(Part::Action));
    Figures {
        words: total,
        action_words: action,
        action_percent: (total > 0).then(|| ((action * 100 + total / 2) / total) as u32),
        situation_sentences: sentences(text(Part::Situation)),
        i_count,
        we_count,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
