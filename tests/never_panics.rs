//! Arbitrary input never panics the bank loader, the story parser and its lint, or the Markdown
//! renderer: they give errors or output.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::bank::{self, BankSource};
use proptest::prelude::*;

fn load_one(name: &str, bytes: Vec<u8>) {
    let _ = bank::load(&[BankSource::Memory(name.to_string(), bytes)]);
}

/// YAML-ish text built from the characters that matter to the parser.
fn yamlish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r"(id|title|questions|prompt|kind|time|rubric|- |: |\n|  |\[|\]|\{|\}|'|&a|\*a|!!str|#|---|90s|45m|é|日|\t|\x1b){0,60}").unwrap()
}

/// Story-file-ish text: front matter keys, STAR headings, pronouns, numbers, odd characters.
fn storyish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r"(---\n|title: |themes: \[|roles: |questions: |\]|## Situation\n|## Task\n|## Action\n|## Result\n|## Lesson\n|# |I |we |We’re |I’d |30% |2 weeks |\. |\n|- |\*\*|é|日|🧑‍💻|\t|\x1b|\u{202E}){0,80}").unwrap()
}

fn parse_and_lint(text: &str) {
    if let Ok(story) = prep_core::stories::parse("stories/x.md", "x", text) {
        let _ = prep_core::stories::lint::lint(&story, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn loader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_one("sections/x.yaml", bytes.clone());
        load_one("rubrics.yaml", bytes.clone());
        load_one("guides/x.md", bytes);
    }

    #[test]
    fn loader_survives_yaml_shaped_text(text in yamlish()) {
        load_one("sections/x.yaml", text.clone().into_bytes());
        load_one("guides/x.md", format!("---\n{text}\n---\nbody").into_bytes());
    }

    #[test]
    fn story_parser_and_lint_survive_any_text(text in ".{0,400}") {
        parse_and_lint(&text);
    }

    #[test]
    fn story_parser_and_lint_survive_story_shaped_text(text in storyish()) {
        parse_and_lint(&text);
        parse_and_lint(&format!("---\ntitle: T\n---\n{text}"));
    }

    #[test]
    fn renderer_survives_any_markdown(text in ".{0,300}", width in 0u16..200) {
        let _ = prep::markdown::render(&text, width, prep::markdown::Theme::colored());
    }
}
