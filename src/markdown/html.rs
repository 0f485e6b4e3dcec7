//! Raw HTML inside Markdown, reduced to its text: tags go (a `>` inside a quoted attribute does
//! not end one), `<br>` and block tags break the line, table cells keep a gap between them,
//! `<script>`, `<style>` and comments show nothing, and common entities are decoded. The state
//! carries across events, since pulldown-cmark hands over inline HTML a tag at a time.

#[derive(Debug, Default)]
pub(super) struct HtmlText {
    /// Inside `<...>`: the tag's text so far.
    tag: Option<String>,
    /// Inside a quoted attribute value of the tag.
    quote: Option<char>,
    /// Inside a comment, or the body of `<script>`/`<style>`: what ends it.
    skip_until: Option<&'static str>,
    /// Text seen while skipping, to find the end marker across events.
    skipped: String,
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
];

impl HtmlText {
    /// Forget any tag left open (a new block starts).
    pub(super) fn reset(&mut self) {
        *self = HtmlText::default();
    }

    /// Inside a tag, a comment or a script: plain text there belongs to the HTML.
    pub(super) fn inside(&self) -> bool {
        self.tag.is_some() || self.skip_until.is_some()
    }

    /// The text `html` contributes, given what came before it.
    pub(super) fn feed(&mut self, html: &str) -> String {
        let mut out = String::new();
        for c in html.chars() {
            if let Some(end) = self.skip_until {
                self.skipped.push(c);
                if self.skipped.to_ascii_lowercase().ends_with(end) {
                    self.skip_until = None;
                    self.skipped.clear();
                }
                continue;
            }
            match (&mut self.tag, self.quote) {
                (None, _) if c == '<' => self.tag = Some(String::new()),
                (None, _) => out.push(c),
                (Some(tag), Some(q)) => {
                    tag.push(c);
                    if c == q {
                        self.quote = None;
                    }
                }
                (Some(tag), None) => {
                    if tag.starts_with("!--") {
                        self.tag = None;
                        self.skip_until = Some("-->");
                        self.skipped = c.to_string();
                        continue;
                    }
                    match c {
                        '"' | '\'' => {
                            tag.push(c);
                            self.quote = Some(c);
                        }
                        '>' => {
                            let tag = self.tag.take().unwrap_or_default();
                            out.push_str(&self.close(&tag));
                        }
                        _ => tag.push(c),
                    }
                }
            }
        }
        decode_entities(&out)
    }

    /// What a whole tag (without `<` and `>`) puts in the text.
    fn close(&mut self, tag: &str) -> String {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "script" if !closing => self.skip_until = Some("</script>"),
            "style" if !closing => self.skip_until = Some("</style>"),
            "br" => return "\n".into(),
            "td" | "th" if closing => return "  ".into(),
            n if BLOCK.contains(&n) => return "\n".into(),
            _ => {}
        }
        String::new()
    }
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and numeric references.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(parts: &[&str]) -> String {
        let mut h = HtmlText::default();
        parts.iter().map(|p| h.feed(p)).collect()
    }

    #[test]
    fn a_quoted_gt_does_not_end_the_tag() {
        assert_eq!(text(&[r#"<span title="a>b">"#, "x", "</span>"]), "x");
    }

    #[test]
    fn breaks_cells_scripts_comments_and_entities() {
        assert_eq!(text(&["a<br>b"]), "a\nb");
        assert_eq!(text(&["<tr><td>1</td><td>2</td></tr>"]), "\n1  2  \n");
        assert_eq!(text(&["<script>alert(1)</script>ok"]), "ok");
        assert_eq!(
            text(&["<style>p{}</style>", "<!-- hid", "den -->", "seen"]),
            "seen"
        );
        assert_eq!(
            text(&["&lt;b&gt; &amp; &#233; &unknown;"]),
            "<b> & é &unknown;"
        );
    }
}
