//! Renderer tests: what a reader would notice.

use super::*;
use proptest::prelude::*;
use std::borrow::Cow;

/// Every line fits `width` columns (a lone wide character may take 2 when width is 1).
fn assert_fits(md: &str, width: u16) -> Vec<String> {
    let lines = render_plain(md, width);
    for l in &lines {
        let max = usize::from(width.max(1)).max(if width < 2 { 2 } else { 0 });
        assert!(
            l.width() <= max,
            "{l:?} is {} > {width} columns for {md:?}",
            l.width()
        );
        assert!(!l.contains('\x1b'), "raw ESC in {l:?}");
    }
    lines
}

#[test]
fn heading_and_paragraph_spacing() {
    let md = "# Title\nFirst para.\n\n\n## Sub\nSecond para.\n- item\n\nLast.\n";
    let want = "Title\n\nFirst para.\n\nSub\n\nSecond para.\n\n• item\n\nLast.";
    assert_eq!(render_plain(md, 40).join("\n"), want);
}

#[test]
fn wraps_between_words_and_breaks_only_overlong_ones() {
    assert_eq!(render_plain("aaa bb cc", 5), ["aaa", "bb cc"]);
    assert_eq!(render_plain("abcdefghij x", 4), ["abcd", "efgh", "ij x"]);
    assert_eq!(render_plain("中文中文中", 4), ["中文", "中文", "中"]);
}

#[test]
fn nested_list_indents_and_hangs() {
    let md = "- one\n  - two two two two\n- three";
    let want = ["• one", "  • two two", "    two two", "• three"];
    assert_eq!(render_plain(md, 12), want);
}

#[test]
fn ordered_list_keeps_start_number() {
    assert_eq!(render_plain("3. a\n4. b\n", 20), ["3. a", "4. b"]);
    assert_eq!(render_plain("7. alpha beta", 9), ["7. alpha", "   beta"]);
}

#[test]
fn block_quote_prefixes_wrapped_lines() {
    let lines = render_plain("> alpha beta gamma delta epsilon", 12);
    assert!(lines.len() > 2, "{lines:?}");
    assert!(lines.iter().all(|l| l.starts_with("│ ")), "{lines:?}");
    assert_eq!(render_plain("> a\n>\n> > b", 20), ["│ a", "│", "│ │ b"]);
}

#[test]
fn code_block_wraps_at_columns_not_words() {
    let md = "```\nfn main() { let x = 1; }\n\tindented\n```";
    let want = ["    fn main() { let ", "    x = 1; }", "        indented"];
    assert_eq!(render_plain(md, 20), want);
    let md = "```\n  中文中文中文 x\n```";
    assert_eq!(
        render_plain(md, 12),
        ["      中文中", "      文中文", "       x"]
    );
}

#[test]
fn long_code_line_keeps_every_character() {
    let code: String = (0..130)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let code = format!("  {}", &code[2..]); // indented inside the block too
    let lines = assert_fits(&format!("```\n{code}\n```"), 80);
    assert!(lines.len() > 1, "{lines:?}");
    let indent = "    ".to_string() + "  ";
    assert!(lines.iter().all(|l| l.starts_with(&indent)), "{lines:?}");
    let kept: String = lines.iter().map(|l| &l[indent.len()..]).collect();
    assert_eq!(kept, code.trim_start());
}

/// Finding each character's style in emphasis-heavy text (`*a ` repeated: a segment every
/// character or so) takes steps in proportion to the text, not to text x segments: 4x the input
/// takes 4x the steps, where a scan per character would take 16x. Counted, not timed, so a busy
/// machine cannot make it flaky; `cargo bench --bench render -- markdown` has the timings.
#[test]
fn style_lookup_grows_linearly() {
    let steps = |n: usize| {
        super::text::STYLE_STEPS.with(|s| s.set(0));
        std::hint::black_box(render(&"*a ".repeat(n), 80, Theme::colored()));
        super::text::STYLE_STEPS.with(|s| s.get())
    };
    let (small, large) = (steps(5_000), steps(20_000));
    assert!(small > 5_000, "the counter counts: {small}");
    let ratio = large as f64 / small as f64;
    assert!(
        ratio < 4.5,
        "4x input took {ratio:.1}x the steps ({small} -> {large})"
    );
}

#[test]
fn table_aligned_when_it_fits() {
    let md = "| a | bb |\n|---|--:|\n| ccc | d |";
    assert_eq!(render_plain(md, 40), ["a   │ bb", "────┼───", "ccc │  d"]);
}

#[test]
fn table_falls_back_to_records_when_narrow() {
    let md = "| name | description |\n|---|---|\n| x | a long description here |\n| y | z |";
    let lines = assert_fits(md, 20);
    assert_eq!(lines[0], "name: x");
    assert!(lines[1].starts_with("description: a"), "{lines:?}");
    assert_eq!(lines[lines.len() - 3..], ["", "name: y", "description: z"]);
}

#[test]
fn links_show_url_images_show_alt() {
    let md = "[docs](https://ex.com) and <https://a.b> ![logo](x.png)";
    let want = "docs (https://ex.com) and https://a.b [image: logo]";
    assert_eq!(render_plain(md, 80), [want]);
}

#[test]
fn no_line_wider_than_width_for_varied_text() {
    let family = "👩\u{200D}👩\u{200D}👧";
    let inputs = [
        "中文字符测试，这是一个很长的句子。".repeat(3),
        format!("- {0} {0}{0}{0} > {0}", family).repeat(4),
        "cafe\u{301} re\u{301}sume\u{301} e\u{301}e\u{301}e\u{301}e\u{301}".repeat(3),
        "> שלום עולם مرحبا بالعالم لا لا\n> > nested ".repeat(3),
        "| 中 | 👩‍👩‍👧 |\n|-|-|\n| e\u{301} | supercalifragilistic |".into(),
        "1. x\n   ```\n   日本語のコード\n   ```\n---\n".into(),
    ];
    for md in &inputs {
        for width in 1..40 {
            let out = assert_fits(md, width).concat();
            assert_eq!(
                out.matches(family).count(),
                md.matches(family).count(),
                "{md:?} at {width}"
            );
            for l in render_plain(md, width) {
                let text = l.trim_start_matches(['│', '•', ' ']);
                assert!(
                    !text.starts_with(['\u{301}', '\u{200D}']),
                    "split cluster {l:?} at {width}"
                );
            }
        }
    }
}

#[test]
fn sanitize_removes_escapes_and_controls() {
    assert_eq!(sanitize("a\x1b[31mred\x1b[0m"), "a\u{FFFD}red\u{FFFD}");
    assert_eq!(sanitize("\x1b]0;title\x07x\x1bcy"), "\u{FFFD}x\u{FFFD}y");
    assert_eq!(sanitize("\x07\u{9b}\x7f\0"), "\u{FFFD}".repeat(4));
    assert_eq!(sanitize("a\tb\r\nc"), "a    b\nc");
    assert!(matches!(sanitize("clean\ntext ✓"), Cow::Borrowed(_)));
    let out = render_plain(
        "# \x1b[2Jwipe &#27;[31m &#x9b;1m\n\n```\n\x1b]8;;x\x07\n```",
        40,
    )
    .concat();
    assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
}

#[test]
fn plain_theme_has_no_styles_colored_does() {
    let md = "# H\n**b** *i* ~~s~~ `c` [l](u)\n> q\n- x\n\n| a |\n|-|\n| b |\n\n```\nk\n```";
    let plain = render(md, 40, Theme::plain());
    let spans = || plain.lines.iter().flat_map(|l| &l.spans);
    assert!(plain.lines.iter().all(|l| l.style == Style::default()));
    assert!(spans().all(|s| s.style == Style::default()), "{plain:?}");
    assert!(
        spans().any(|s| s.content.contains("`c`")),
        "inline code lost its backticks"
    );
    let colored = |md| render(md, 40, Theme::colored()).lines[0].clone();
    assert_eq!(
        colored("# H").spans,
        [Span::styled("H", BOLD.fg(crate::theme::DARK.title))]
    );
    let want = [Span::raw("a "), Span::styled("b", BOLD), Span::raw(" c")];
    assert_eq!(colored("a **b** c").spans, want);
}

fn markdownish() -> impl Strategy<Value = String> {
    "[#*_`>|()\\[\\]!<>/\n\t 1.a-z中👩👧\u{200D}\u{301}-]{0,80}"
}

proptest! {
    #[test]
    fn never_panics_nor_overflows(md in prop_oneof![any::<String>(), markdownish()], width in 1u16..120) {
        assert_fits(&md, width);
        render(&md, width, Theme::colored());
    }
}

#[test]
fn inline_html_keeps_only_its_text() {
    let lines = render_plain(
        "one <span title=\"a>b\">two</span><br>three <script>x()</script>four",
        40,
    );
    assert_eq!(lines, ["one two", "three four"]);
    let lines = render_plain(
        "<table><tr><td>cell a</td><td>cell b</td></tr></table>\n",
        40,
    );
    assert!(
        lines.iter().any(|l| l.contains("cell a  cell b")),
        "{lines:?}"
    );
}
