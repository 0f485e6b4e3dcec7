//! Markdown rendering for the terminal.
//!
//! This module owns turning Markdown (CommonMark plus GFM tables, strikethrough and footnotes, as
//! parsed by pulldown-cmark) into ratatui [`Text`] wrapped to a given number of display columns,
//! and making sure no control character or escape sequence from the content reaches the terminal
//! ([`sanitize`]). It does no I/O and keeps no state between calls.

use std::borrow::Cow;
use std::mem::take;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const CODE: Style = Style::new().fg(Color::Yellow);
const DIM: Style = Style::new().fg(Color::DarkGray);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const STRIKE: Style = Style::new().add_modifier(Modifier::CROSSED_OUT);
const LINK: Style = Style::new()
    .fg(Color::Blue)
    .add_modifier(Modifier::UNDERLINED);

/// Styling choices; `Theme::plain()` has no colour or modifiers at all (for NO_COLOR and pipes),
/// `Theme::colored()` uses colours and bold/italic/underline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn plain() -> Self {
        Self { color: false }
    }
    pub fn colored() -> Self {
        Self { color: true }
    }
    fn style(self, s: Style) -> Style {
        if self.color { s } else { Style::new() }
    }
}

/// Render Markdown to styled lines wrapped at `width` display columns (width 0 treated as 1).
/// Never panics on any input.
pub fn render(markdown: &str, width: u16, theme: Theme) -> Text<'static> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut r = Renderer {
        width: usize::from(width.max(1)),
        color: theme.color,
        ..Default::default()
    };
    for ev in Parser::new_ext(markdown, opts) {
        r.event(ev);
    }
    r.flush();
    Text::from(r.lines)
}

/// Same, as plain strings (each line's spans concatenated) — used by the CLI and in tests.
pub fn render_plain(markdown: &str, width: u16) -> Vec<String> {
    let text = render(markdown, width, Theme::plain());
    text.lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// Replace control characters (C0 except '\n' and '\t', DEL, C1, and ESC sequences) with U+FFFD or a
/// visible escape so nothing from content can reach the terminal raw; tabs become spaces.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| (c.is_control() && c != '\n') || is_bidi_override(c))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' if it.peek() == Some(&'\n') => {}
            '\x1b' => {
                out.push('\u{FFFD}');
                if it.next_if_eq(&'[').is_some() {
                    // CSI: parameter and intermediate bytes, then one final byte.
                    while it.next_if(|c| (' '..='?').contains(c)).is_some() {}
                    it.next_if(|c| ('@'..='~').contains(c));
                } else if it.next_if_eq(&']').is_some() {
                    // OSC: payload up to BEL or ST (ESC \); a newline ends it too, to limit damage.
                    while it
                        .next_if(|c| !matches!(c, '\x07' | '\x1b' | '\n'))
                        .is_some()
                    {}
                    if it.next_if_eq(&'\x1b').is_some() {
                        it.next_if_eq(&'\\');
                    } else {
                        it.next_if_eq(&'\x07');
                    }
                } else {
                    it.next_if(|c| (' '..='~').contains(c));
                }
            }
            c if c.is_control() || is_bidi_override(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Characters that silently reorder the text around them.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A container that prefixes every line inside it.
enum Block {
    Quote,
    /// A list item or footnote: its marker on the first line, as many spaces on the others; the
    /// flag says whether the marker has been printed.
    Item(String, bool),
}

#[derive(Default)]
struct Renderer {
    width: usize,
    color: bool,
    lines: Vec<Line<'static>>,
    /// Inline text of the block being built, with its styles.
    inline: Vec<(String, Style)>,
    styles: Vec<Style>,
    blocks: Vec<Block>,
    /// Next number of each open list (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// Open links: URL and where their text starts in `inline`.
    links: Vec<(String, usize)>,
    code: Option<String>,
    /// Open table: column alignments and rows of cells, the header first.
    table: Option<(Vec<Alignment>, Vec<Vec<String>>)>,
    need_blank: bool,
    /// Prefix of a blank line to put before the next content line.
    pending_blank: Option<String>,
    in_tag: bool,
}

impl Renderer {
    fn theme(&self) -> Theme {
        Theme { color: self.color }
    }

    fn event(&mut self, ev: Event) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(s) => match &mut self.code {
                Some(code) => code.push_str(&s),
                None => self.text(&s),
            },
            Event::Code(s) if self.color => self.styled(&s, CODE),
            Event::Code(s) => self.text(&format!("`{s}`")),
            Event::Html(s) => {
                let s = self.strip_tags(&s);
                if !s.trim().is_empty() {
                    self.text(&format!("{}\n", s.trim()));
                }
            }
            Event::InlineHtml(s) => {
                let s = self.strip_tags(&s);
                self.text(&s);
            }
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Rule => {
                self.block_start();
                let (pw, avail) = self.room();
                self.push(pw, vec![Span::raw("─".repeat(avail))]);
                self.need_blank = true;
            }
            _ => {} // task lists and math are not enabled
        }
    }

    fn start(&mut self, tag: Tag) {
        let t = self.theme();
        match tag {
            Tag::Emphasis => self.styles.push(t.style(ITALIC)),
            Tag::Strong => self.styles.push(t.style(BOLD)),
            Tag::Strikethrough => self.styles.push(t.style(STRIKE)),
            Tag::Link { dest_url, .. } => {
                self.styles.push(t.style(LINK));
                self.links.push((dest_url.into_string(), self.inline.len()));
            }
            Tag::Image { .. } => self.text("[image: "),
            Tag::TableHead | Tag::TableRow => {
                self.table.iter_mut().for_each(|t| t.1.push(Vec::new()))
            }
            Tag::TableCell => {}
            block => {
                self.block_start();
                match block {
                    Tag::Heading { level, .. } => {
                        let big = level <= HeadingLevel::H2;
                        self.styles
                            .push(t.style(if big { BOLD.fg(Color::Cyan) } else { BOLD }));
                    }
                    Tag::BlockQuote(_) => self.blocks.push(Block::Quote),
                    Tag::CodeBlock(_) => self.code = Some(String::new()),
                    Tag::List(start) => self.lists.push(start),
                    Tag::Item => {
                        let marker = match self.lists.last_mut() {
                            Some(Some(n)) => {
                                format!("{}. ", std::mem::replace(n, n.saturating_add(1)))
                            }
                            _ => "• ".to_string(),
                        };
                        self.blocks.push(Block::Item(marker, false));
                    }
                    Tag::FootnoteDefinition(label) => {
                        self.blocks
                            .push(Block::Item(format!("[{}]: ", sanitize(&label)), false));
                    }
                    Tag::Table(align) => self.table = Some((align, Vec::new())),
                    _ => {}
                }
            }
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => _ = self.styles.pop(),
            TagEnd::Link => {
                self.styles.pop();
                let (url, start) = self.links.pop().unwrap_or_default();
                let shown = self.inline.get(start..).unwrap_or_default();
                let text: String = shown.iter().map(|s| s.0.as_str()).collect();
                if !url.is_empty() && text != url && Some(&*text) != url.strip_prefix("mailto:") {
                    self.styled(&format!(" ({url})"), DIM);
                }
            }
            TagEnd::Image => self.text("]"),
            TagEnd::TableCell => {
                let cell: String = self.inline.drain(..).map(|s| s.0).collect();
                if let Some(row) = self.table.as_mut().and_then(|t| t.1.last_mut()) {
                    row.push(cell.trim().replace('\n', " "));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {}
            TagEnd::List(_) => {
                self.lists.pop();
                self.need_blank |= self.lists.is_empty();
            }
            _ => {
                self.flush();
                match end {
                    TagEnd::Heading(_) => _ = self.styles.pop(),
                    TagEnd::CodeBlock => {
                        let code = self.code.take().unwrap_or_default();
                        self.code_block(&code);
                    }
                    TagEnd::Table => {
                        let table = self.table.take().unwrap_or_default();
                        self.table_block(table);
                    }
                    TagEnd::Item | TagEnd::FootnoteDefinition | TagEnd::BlockQuote(_) => {
                        if let Some(Block::Item(_, false)) = self.blocks.last() {
                            self.push(self.room().0, Vec::new()); // an empty item still shows its marker
                        }
                        self.blocks.pop();
                    }
                    _ => {}
                }
                self.need_blank |= end != TagEnd::Item;
            }
        }
    }

    fn text(&mut self, s: &str) {
        self.styled(s, Style::new());
    }

    /// Append sanitized inline text in the current style, patched with `extra` when coloured.
    fn styled(&mut self, s: &str, extra: Style) {
        let style = self.styles.iter().fold(Style::new(), |a, s| a.patch(*s));
        let style = style.patch(self.theme().style(extra));
        self.inline.push((sanitize(s).into_owned(), style));
    }

    /// Drop HTML tags (`<...>`, possibly spanning events), keeping the text between them.
    fn strip_tags(&mut self, s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '<' => self.in_tag = true,
                '>' if self.in_tag => self.in_tag = false,
                c if !self.in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    fn block_start(&mut self) {
        self.flush();
        self.in_tag = false;
        if take(&mut self.need_blank) {
            self.blank();
        }
    }

    /// Put a blank line (keeping quote bars) before the next content line.
    fn blank(&mut self) {
        if self.pending_blank.is_none() {
            self.pending_blank = Some(self.prefix(usize::MAX, false).trim_end().to_string());
        }
    }

    /// Columns for the prefix and for the content; the content gets at least `min(width, 2)`
    /// columns so that a wide character fits.
    fn room(&self) -> (usize, usize) {
        let widths = self.blocks.iter().map(|b| match b {
            Block::Quote => 2,
            Block::Item(marker, _) => marker.width(),
        });
        let pw = widths.sum::<usize>().min(self.width - self.width.min(2));
        (pw, self.width - pw)
    }

    /// The prefix for the next line, keeping its last `cols` columns (those nearest the text).
    /// With `consume`, unprinted item markers are printed (once).
    fn prefix(&mut self, cols: usize, consume: bool) -> String {
        let mut p = String::new();
        for b in &mut self.blocks {
            match b {
                Block::Quote => p.push_str("│ "),
                Block::Item(marker, used) if consume && !*used => {
                    p.push_str(marker);
                    *used = true;
                }
                Block::Item(marker, _) => p.push_str(&" ".repeat(marker.width())),
            }
        }
        let starts = clusters(&p).into_iter().rev().scan(0, |w, (i, c)| {
            *w += c.width();
            (*w <= cols).then_some(i)
        });
        let start = starts.last().unwrap_or(p.len());
        p.split_off(start)
    }

    /// Emit the pending blank line if any, then the prefix (at most `cols` wide) and `spans`.
    fn push(&mut self, cols: usize, mut spans: Vec<Span<'static>>) {
        if let Some(blank) = self.pending_blank.take().filter(|_| !self.lines.is_empty()) {
            let blank = cut(&blank, self.width).to_string();
            self.lines.push(Line::from(blank));
        }
        let p = self.prefix(cols, true);
        let p = if spans.is_empty() { p.trim_end() } else { &p };
        if !p.is_empty() {
            spans.insert(0, Span::styled(p.to_string(), self.theme().style(DIM)));
        }
        self.lines.push(Line::from(spans));
    }

    /// Wrap and emit the pending inline text, if any.
    fn flush(&mut self) {
        let segs = take(&mut self.inline);
        if segs.iter().any(|(s, _)| !s.trim().is_empty()) {
            let (pw, avail) = self.room();
            for line in wrap(&segs, avail) {
                self.push(pw, line);
            }
        }
    }

    fn code_block(&mut self, code: &str) {
        let (pw, avail) = self.room();
        for line in code.strip_suffix('\n').unwrap_or(code).split('\n') {
            let line = format!("    {}", sanitize(line.strip_suffix('\r').unwrap_or(line)));
            let line = cut(&line, avail).trim_end().to_string();
            self.push(pw, vec![Span::styled(line, self.theme().style(CODE))]);
        }
    }

    fn table_block(&mut self, (align, rows): (Vec<Alignment>, Vec<Vec<String>>)) {
        let Some(cols) = rows.iter().map(Vec::len).max().filter(|&c| c > 0) else {
            return;
        };
        let cell = |r: &[String], c: usize| r.get(c).cloned().unwrap_or_default();
        let widths: Vec<usize> = (0..cols)
            .map(|c| rows.iter().map(|r| cell(r, c).width()).max().unwrap_or(0))
            .collect();
        let (pw, avail) = self.room();
        let bold = self.theme().style(BOLD);
        if widths.iter().sum::<usize>() + 3 * (cols - 1) <= avail {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            for (i, row) in rows.iter().enumerate() {
                let cells: Vec<String> = (0..cols)
                    .map(|c| pad(&cell(row, c), widths[c], align.get(c)))
                    .collect();
                let style = if i == 0 { bold } else { Style::new() };
                let text = cells.join(" │ ").trim_end().to_string();
                self.push(pw, vec![Span::styled(text, style)]);
                if i == 0 {
                    self.push(pw, vec![Span::raw(rule.join("─┼─"))]);
                }
            }
            return;
        }
        // Too wide: each cell as a wrapped "Header: value" line, a blank line between rows.
        const NO_BODY: &[Vec<String>] = &[Vec::new()];
        let body = if rows.len() > 1 { &rows[1..] } else { NO_BODY };
        for (k, row) in body.iter().enumerate() {
            if k > 0 {
                self.blank();
            }
            for c in 0..cols {
                let label = format!("{}: ", cell(&rows[0], c));
                self.inline = vec![(label, bold), (cell(row, c), Style::new())];
                self.flush();
            }
        }
    }
}

fn pad(s: &str, w: usize, align: Option<&Alignment>) -> String {
    let n = w.saturating_sub(s.width());
    let (l, r) = match align {
        Some(Alignment::Right) => (n, 0),
        Some(Alignment::Center) => (n / 2, n - n / 2),
        _ => (0, n),
    };
    format!("{}{s}{}", " ".repeat(l), " ".repeat(r))
}

/// Split `s` into grapheme-ish clusters with their byte offsets: a character together with the
/// zero-width characters (combining marks, variation selectors, ZWJ), emoji modifiers and
/// ZWJ-joined characters after it, while the cluster stays at most 2 columns wide (and short).
/// Spaces and newlines always stand alone.
fn clusters(s: &str) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let extends = c.width() == Some(0) || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c);
        let joins =
            (extends || prev == '\u{200D}') && ![c, prev].iter().any(|c| matches!(c, ' ' | '\n'));
        match out.last_mut() {
            Some((start, cl)) if joins && i - *start < 64 && s[*start..end].width() <= 2 => {
                *cl = &s[*start..end];
            }
            _ => out.push((i, &s[i..end])),
        }
        prev = c;
    }
    out
}

/// The longest start of `s`, in whole clusters, at most `max` columns wide.
fn cut(s: &str, max: usize) -> &str {
    let ends = clusters(s).into_iter().scan(0, |w, (i, c)| {
        *w += c.width();
        (*w <= max).then_some(i + c.len())
    });
    &s[..ends.last().unwrap_or(0)]
}

/// A cluster with its style and width.
type Unit<'a> = (&'a str, Style, usize);

/// Greedy word wrap of styled text into lines of at most `avail` columns (a lone 2-column cluster
/// may exceed 1); '\n' forces a break; words wider than a line are broken between clusters.
fn wrap(segs: &[(String, Style)], avail: usize) -> Vec<Vec<Span<'static>>> {
    let text: String = segs.iter().map(|s| s.0.as_str()).collect();
    let ends: Vec<(usize, Style)> = segs
        .iter()
        .scan(0, |end, (s, style)| {
            *end += s.len();
            Some((*end, *style))
        })
        .collect();
    let style_at = |i| ends.iter().find(|e| i < e.0).map_or(Style::new(), |e| e.1);
    let units: Vec<Unit> = clusters(&text)
        .into_iter()
        .map(|(i, c)| (c, style_at(i), c.width()))
        .collect();
    let cols = |us: &[Unit]| us.iter().map(|u| u.2).sum::<usize>();
    let (mut lines, mut line, mut lw, mut gap) = (Vec::new(), Vec::new(), 0, &units[..0]);
    let mut rest = &units[..];
    while let Some(&(first, ..)) = rest.first() {
        let n = rest
            .iter()
            .take_while(|u| u.0 != "\n" && (u.0 == " ") == (first == " "))
            .count();
        let (run, tail) = rest.split_at(n.max(1));
        rest = tail;
        if first == "\n" {
            lines.push(take(&mut line));
            (lw, gap) = (0, &[]);
            continue;
        } else if first == " " {
            gap = run;
            continue;
        }
        if !line.is_empty() && lw + cols(gap) + cols(run) <= avail {
            line.extend_from_slice(gap);
            lw += cols(gap);
        } else if !line.is_empty() {
            lines.push(take(&mut line));
            lw = 0;
        }
        for u in run {
            if lw + u.2 > avail && !line.is_empty() {
                lines.push(take(&mut line));
                lw = 0;
            }
            line.push(*u);
            lw += u.2;
        }
        gap = &[];
    }
    lines.extend(Some(line).filter(|l| !l.is_empty()));
    let to_spans = |line: Vec<Unit>| {
        let mut spans: Vec<Span<'static>> = Vec::new();
        for (s, style, _) in line {
            match spans.last_mut() {
                Some(last) if last.style == style => last.content.to_mut().push_str(s),
                _ => spans.push(Span::styled(s.to_string(), style)),
            }
        }
        spans
    };
    lines.into_iter().map(to_spans).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn code_block_is_cut_not_reflowed() {
        let md = "```\nfn main() { let x = 1; }\n\tindented\n```";
        let want = ["    fn main() { let", "        indented"];
        assert_eq!(render_plain(md, 20), want);
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
            [Span::styled("H", BOLD.fg(Color::Cyan))]
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
}
