//! One story file's text into a [`Story`]: the YAML front matter (with positions, for messages
//! that name the line) and the `##` sections found with pulldown-cmark.

use super::{Diagnostic, Part, Placed, Story, StorySection};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    title: String,
    #[serde(default)]
    themes: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    #[serde(default)]
    questions: Vec<Spanned<String>>,
}

const NO_FRONT_MATTER: &str = "a story starts with YAML front matter between `---` lines \
     (title, themes, roles, questions); `prep stories new` writes a template";

/// Parse a story's text. `file` is how messages name the file; `name` is its stem.
pub fn parse(file: &str, name: &str, text: &str) -> Result<Story, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((front, body, body_line)) = crate::bank::split_front_matter(text) else {
        return Err(Diagnostic::new(file, 1, 1, NO_FRONT_MATTER));
    };
    // The YAML starts on line 2, after the opening `---`.
    let raw: RawStory = serde_saphyr::from_str(front).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        Diagnostic::new(file, line + 1, column, yaml_message(&e, front))
    })?;
    let placed = |v: Vec<Spanned<String>>| -> Vec<Placed> {
        v.into_iter()
            .map(|s| Placed {
                value: s.value.trim().to_string(),
                line: s.referenced.line() as u32 + 1,
            })
            .collect()
    };
    Ok(Story {
        name: name.to_string(),
        path: PathBuf::new(),
        title: raw.title.trim().to_string(),
        themes: placed(raw.themes),
        roles: placed(raw.roles),
        questions: placed(raw.questions),
        sections: sections(body, body_line),
        body: body.to_string(),
        body_line,
    })
}

/// serde-saphyr's message without its position (we print our own), in plainer words.
fn yaml_message(e: &serde_saphyr::Error, front: &str) -> String {
    if front.trim().is_empty() {
        return "the front matter is empty; it needs at least `title: ...`".to_string();
    }
    crate::bank::plain_yaml_error(e)
}

/// The `##` sections of the body, each with its plain text. A `#` heading ends a section too.
fn sections(body: &str, body_line: u32) -> Vec<StorySection> {
    let line_of =
        |offset: usize| body_line + body[..offset.min(body.len())].matches('\n').count() as u32;
    let mut out: Vec<StorySection> = Vec::new();
    let mut open: Option<StorySection> = None;
    // Text of the `#`/`##` heading being read, and where it started.
    let mut heading: Option<(String, usize, HeadingLevel)> = None;
    for (event, range) in Parser::new_ext(body, Options::all()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. })
                if matches!(level, HeadingLevel::H1 | HeadingLevel::H2) =>
            {
                out.extend(open.take());
                heading = Some((String::new(), range.start, level));
            }
            Event::End(TagEnd::Heading(_)) if heading.is_some() => {
                if let Some((text, start, level)) = heading.take()
                    && level == HeadingLevel::H2
                {
                    let text = text.trim().to_string();
                    open = Some(StorySection {
                        part: Part::from_heading(&text),
                        heading: text,
                        line: line_of(start),
                        text: String::new(),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _, _)) = &mut heading {
                    h.push_str(&t);
                } else if let Some(s) = &mut open {
                    s.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => push(&mut heading, &mut open, " "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => push(&mut heading, &mut open, "\n"),
            _ => {}
        }
    }
    out.extend(open);
    for s in &mut out {
        s.text = s.text.trim().to_string();
    }
    out
}

fn push(
    heading: &mut Option<(String, usize, HeadingLevel)>,
    open: &mut Option<StorySection>,
    what: &str,
) {
    if let Some((h, _, _)) = heading {
        h.push_str(what);
    } else if let Some(s) = open {
        s.text.push_str(what);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "---\ntitle: The cache that saved launch\nthemes: [incident, delivery-under-pressure]\nroles: [tech-lead]\nquestions:\n  - inc-outage\n---\n\n## Situation\nCheckout fell over two days before launch.\n\n## Task\nI owned the fix.\n\n## Action\n<!-- a comment that does not count -->\nI pulled the **traces** and\nI found the slow lookup.\n\n## Result\np99 fell from 1.2 s to 300 ms.\n\n## Lessons learned:\nI load-test before launch now.\n";

    #[test]
    fn front_matter_and_sections_with_their_lines() {
        let s = parse("s.md", "s", FULL).unwrap();
        assert_eq!(s.title, "The cache that saved launch");
        let themes: Vec<_> = s
            .themes
            .iter()
            .map(|t| (t.value.as_str(), t.line))
            .collect();
        assert_eq!(themes, [("incident", 3), ("delivery-under-pressure", 3)]);
        assert_eq!(s.questions[0].value, "inc-outage");
        assert_eq!(s.questions[0].line, 6);
        assert_eq!(s.body_line, 8);
        let parts: Vec<_> = s.sections.iter().map(|x| (x.part, x.line)).collect();
        assert_eq!(
            parts,
            [
                (Some(Part::Situation), 9),
                (Some(Part::Task), 12),
                (Some(Part::Action), 15),
                (Some(Part::Result), 20),
                (Some(Part::Lesson), 23),
            ]
        );
        assert_eq!(
            s.section(Part::Action).unwrap().text,
            "I pulled the traces and I found the slow lookup."
        );
    }

    #[test]
    fn missing_sections_are_simply_absent_and_other_headings_kept_apart() {
        let text = "---\ntitle: t\n---\n# A title line\n## Situation\nx\n## Context\ny\n";
        let s = parse("s.md", "s", text).unwrap();
        assert_eq!(s.sections.len(), 2);
        assert_eq!(s.sections[1].part, None);
        assert_eq!(s.sections[1].heading, "Context");
        assert!(s.section(Part::Action).is_none());
    }

    #[test]
    fn bad_front_matter_is_reported_on_its_file_line() {
        let text = "---\ntitle: ok\nthemes: [conflict\nroles: []\n---\n## Situation\n";
        let err = parse("bad.md", "bad", text).unwrap_err();
        assert_eq!(err.file, "bad.md");
        assert!(err.line >= 3, "{err}");

        let err = parse("t.md", "t", "---\ntitle: x\ntheme: [a]\n---\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.message.contains("unknown field `theme`"), "{err}");

        let err = parse("n.md", "n", "---\nthemes: [a]\n---\n").unwrap_err();
        assert!(err.message.contains("title"), "{err}");
    }

    #[test]
    fn no_front_matter_or_an_unclosed_one_is_line_one() {
        for text in ["## Situation\nx\n", "---\ntitle: x\n## Situation\n", ""] {
            let err = parse("x.md", "x", text).unwrap_err();
            assert_eq!((err.line, err.message.as_str()), (1, NO_FRONT_MATTER));
        }
    }

    #[test]
    fn crlf_and_a_byte_order_mark_are_fine() {
        let text = "\u{feff}---\r\ntitle: 日本語の話 🚀\r\n---\r\n## Action\r\n私は決めた。\r\n";
        let s = parse("c.md", "c", text).unwrap();
        assert_eq!(s.title, "日本語の話 🚀");
        assert_eq!(s.section(Part::Action).unwrap().text, "私は決めた。");
        assert_eq!(s.section(Part::Action).unwrap().line, 4);
    }
}
