//! One test per lint rule, each with the figure the message must carry, in several scripts.

use super::*;
use crate::stories::parse;

/// A story from its sections (in order), so each test changes one thing.
fn story(sections: &[(&str, &str)]) -> Story {
    let mut text = String::from("---\ntitle: A story\nthemes: [conflict]\nroles: [em]\n---\n");
    for (heading, body) in sections {
        text.push_str(&format!("\n## {heading}\n{body}\n"));
    }
    parse("s.md", "s", &text).unwrap()
}

const GOOD_ACTION: &str = "I mapped every caller of the old API and I ranked them by risk. \
    I paired with the two riskiest teams, I wrote the shim myself, and I ran a weekly review \
    so nobody was surprised. When the payments lead pushed back I showed her the traces and \
    I offered to take the first on-call week for the new path.";

fn good() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "Situation",
            "Our billing API was ten years old. It blocked the launch.",
        ),
        ("Task", "I owned the migration."),
        ("Action", GOOD_ACTION),
        ("Result", "We cut the migration from 6 months to 11 weeks."),
        ("Lesson", "I now map callers before I estimate."),
    ]
}

fn rules(s: &Story) -> Vec<Rule> {
    lint(s, None).findings.iter().map(|f| f.rule).collect()
}

fn finding(s: &Story, rule: Rule) -> Finding {
    let r = lint(s, None);
    r.findings
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no {rule:?} finding"))
}

#[test]
fn a_good_story_has_no_findings() {
    let s = story(&good());
    assert_eq!(rules(&s), []);
    let f = lint(&s, None).figures;
    assert_eq!(f.situation_sentences, 2);
    assert!(f.action_percent.unwrap() >= 60, "{f:?}");
    assert_eq!((f.i_count, f.we_count), (7, 0));
}

#[test]
fn long_situation_counts_sentences_in_any_script() {
    let mut parts = good();
    parts[0].1 = "It was 2021. The team was new. The API was old! Did anyone own it?";
    let f = finding(&story(&parts), Rule::LongSituation);
    assert!(f.message.contains("4 sentences"), "{}", f.message);
    assert_eq!(f.line, 7);
    // Japanese full stops end sentences; "e.g." and "3.5" do not.
    parts[0].1 = "二〇二一年のことだ。チームは新しかった。APIは古かった。";
    assert!(
        finding(&story(&parts), Rule::LongSituation)
            .message
            .contains("3 sentences")
    );
    parts[0].1 = "We ran e.g. billing on a 3.5 year old box. It was slow.";
    assert!(!rules(&story(&parts)).contains(&Rule::LongSituation));
}

#[test]
fn empty_text_has_no_words_or_sentences() {
    assert_eq!((words(""), sentences(""), sentences(" \n ")), (0, 0, 0));
    assert_eq!(pronouns(""), (0, 0));
    assert!(!measurable(""));
}

#[test]
fn thin_action_reports_its_share_of_the_words() {
    let mut parts = good();
    parts[2].1 = "I fixed it myself.";
    let f = finding(&story(&parts), Rule::ThinAction);
    assert!(f.message.contains("% of the words"), "{}", f.message);
    assert!(f.message.contains("4 of "), "{}", f.message);
    assert!(f.message.contains("about 60%"), "{}", f.message);
    let figs = lint(&story(&parts), None).figures;
    assert!(figs.action_percent.unwrap() < 50);
}

#[test]
fn cjk_counts_one_word_per_ideograph_and_emoji_count_none() {
    assert_eq!(words("私は決めた"), 5);
    assert_eq!(words("我负责迁移"), 5);
    assert_eq!(words("🚀🔥 👩‍💻"), 0);
    assert_eq!(words("I shipped it 🚀 in 3.5 weeks"), 6);
    assert_eq!(words("naïve café e\u{301}lan"), 3);
    let mut parts = good();
    parts[2].1 = "我负责迁移。"; // 5 words against an English Situation and Result
    assert!(rules(&story(&parts)).contains(&Rule::ThinAction));
}

#[test]
fn we_over_i_reports_both_counts_with_contractions_and_curly_quotes() {
    let mut parts = good();
    parts[2].1 = "We’d planned it, we're careful, and we’ve shipped; I'm proud. \
        We wrote the plan, we tested it and we launched it, and I’ve kept the notes.";
    let f = finding(&story(&parts), Rule::WeNotI);
    assert_eq!(
        f.message,
        "the Action says \"we\" 6 times and \"I\" 2; say what you did yourself"
    );
    assert_eq!(pronouns("I’ll, I'd, i, IT, WE'LL, weave, wed"), (3, 1));
}

#[test]
fn vague_result_wants_a_number_percentage_time_or_count() {
    let mut parts = good();
    parts[3].1 = "It went really well and everyone was happy.";
    let f = finding(&story(&parts), Rule::VagueResult);
    assert!(f.message.contains("no number"), "{}", f.message);
    for ok in [
        "Errors fell by 40%.",
        "We shipped twice as fast.",
        "It landed a week early.",
        "Two of the three engineers now lead projects.",
        "障害は半分になった。",
        "遅延が３割減った。",
    ] {
        parts[3].1 = ok;
        assert!(!rules(&story(&parts)).contains(&Rule::VagueResult), "{ok}");
    }
}

#[test]
fn no_lesson_whether_missing_or_empty() {
    let mut parts = good();
    parts.pop();
    let f = finding(&story(&parts), Rule::NoLesson);
    assert!(f.message.contains("no `## Lesson`"), "{}", f.message);
    parts.push(("Lesson", "<!-- later -->"));
    let f = finding(&story(&parts), Rule::NoLesson);
    assert!(f.message.contains("Lesson is empty"), "{}", f.message);
}

#[test]
fn missing_and_empty_sections_name_the_section_and_line() {
    let mut parts = good();
    parts.remove(1); // no Task
    parts[0].1 = "";
    let s = story(&parts);
    let missing = finding(&s, Rule::MissingSection);
    assert_eq!(missing.message, "no `## Task` section");
    assert_eq!(missing.line, 6, "points at the start of the body");
    let empty = finding(&s, Rule::EmptySection);
    assert_eq!(
        (empty.message.as_str(), empty.line),
        ("`## Situation` is empty", 7)
    );
}

#[test]
fn vocabulary_notes_do_not_count_as_warnings() {
    let text = "---\ntitle: x\nthemes: [conflict, Space Travel]\nroles: [cto]\nquestions: [nope]\n---\n\
        ## Situation\nA.\n## Context\nB.\n## Task\nC.\n## Action\nI did D, then I did everything else myself, step by step, for weeks.\n## Action\nE.\n## Result\n3 days.\n## Lesson\nF.\n";
    let s = parse("x.md", "x", text).unwrap();
    let bank = crate::bank::load_builtin();
    let r = lint(&s, Some(&bank));
    let notes: Vec<_> = r.findings.iter().map(|f| (f.rule, f.line)).collect();
    assert_eq!(
        notes,
        [
            (Rule::UnknownTheme, 3),
            (Rule::UnknownRole, 4),
            (Rule::UnknownQuestion, 5),
            (Rule::OtherHeading, 9),
            (Rule::RepeatedSection, 15),
        ]
    );
    assert_eq!(r.warnings(), 0);
    assert!(r.findings[0].message.contains("`Space Travel`"));
}
