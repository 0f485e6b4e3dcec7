//! Markdown rendering for the terminal.
//!
//! This module owns turning Markdown (CommonMark plus GFM tables, strikethrough and footnotes, as
//! parsed by pulldown-cmark) into ratatui [`Text`] wrapped to a given number of display columns,
//! and making sure no control character or escape sequence from the content reaches the terminal
//! ([`sanitize`]). It does no I/O and keeps no state between calls.

use std::mem::take;

mod html;
mod table;
mod text;
use text::{clusters, cut, wrap, wrap_code};
pub use text::{ellipsize, sanitize};

use crate::theme::Background;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use unicode_width::UnicodeWidthStr;

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const STRIKE: Style = Style::new().add_modifier(Modifier::CROSSED_OUT);

/// Styling choices; `Theme::plain()` has no colour or modifiers at all (for NO_COLOR and pipes),
/// a coloured theme uses the palette of `crate::theme` for its background and bold/italic/underline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub background: Background,
}

impl Theme {
    pub fn new(color: bool, background: Background) -> Self {
        Self { color, background }
    }
    pub fn plain() -> Self {
        Self::new(false, Background::default())
    }
    /// Coloured, for a dark background.
    pub fn colored() -> Self {
        Self::new(true, Background::Dark)
    }
    fn style(self, s: Style) -> Style {
        if self.color { s } else { Style::new() }
    }
    fn palette(self) -> crate::theme::Theme {
        crate::theme::Theme::new(self.color, self.background)
    }
    fn heading(self) -> Style {
        self.style(self.palette().heading())
    }
    fn code(self) -> Style {
        self.style(self.palette().code())
    }
    fn dim(self) -> Style {
        self.style(self.palette().dim())
    }
    fn link(self) -> Style {
        self.style(self.palette().link())
    }
}

/// Render Markdown to styled lines wrapped at `width` display columns (width 0 treated as 1).
/// Never panics on any input.
pub fn render(markdown: &str, width: u16, theme: Theme) -> Text<'static> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut r = Renderer {
        width: usize::from(width.max(1)),
        theme,
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
    theme: Theme,
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
    html: html::HtmlText,
}

impl Renderer {
    fn theme(&self) -> Theme {
        self.theme
    }

    fn event(&mut self, ev: Event) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(s) => match &mut self.code {
                Some(code) => code.push_str(&s),
                // Between inline `<script>` and `</script>` (or inside a tag), text is HTML's.
                None if self.html.inside() => {
                    let s = self.html.feed(&s);
                    self.text(&s);
                }
                None => self.text(&s),
            },
            Event::Code(s) if self.theme.color => self.styled(&s, self.theme().code()),
            Event::Code(s) => self.text(&format!("`{s}`")),
            Event::Html(s) => {
                let s = self.html.feed(&s);
                if !s.trim().is_empty() {
                    self.text(&format!("{}\n", s.trim()));
                }
            }
            Event::InlineHtml(s) => {
                let s = self.html.feed(&s);
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
                self.styles.push(t.link());
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
                            .push(if big { t.heading() } else { t.style(BOLD) });
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
                    self.styled(&format!(" ({url})"), self.theme().dim());
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

    fn block_start(&mut self) {
        self.flush();
        self.html.reset();
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
            spans.insert(0, Span::styled(p.to_string(), self.theme().dim()));
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
            for piece in wrap_code(&line, avail) {
                self.push(pw, vec![Span::styled(piece, self.theme().code())]);
            }
        }
    }
}

#[cfg(test)]
mod tests;
