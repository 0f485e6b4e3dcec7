//! Text helpers: printing file text safely, naming choices, and command-template placeholders.

/// `s` safe to print on a terminal: control characters (and the invisible ones that reorder
/// text or break lines) become escapes like `\u{1b}`; everything else is kept.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control()
            || matches!(
                c,
                '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            )
        {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A string from the file, quoted for a message: escaped and cut to a readable length.
pub(super) fn quoted(s: &str) -> String {
    format!("\"{}\"", printable(&shorten(s)))
}

pub(super) fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => "no placeholders".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn example(allowed: &[&str]) -> String {
    let holes: Vec<_> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
    format!("my-command {}", holes.join(" "))
}

/// One piece of a command template.
pub(super) enum Piece<'t> {
    Text(&'t str),
    /// `{name}`, with the byte offset of its `{`.
    Hole(usize, &'t str),
}

/// Split a template into text and `{name}` placeholders (`name` is ASCII letters, digits and
/// `_`). `{{` and `}}` are literal braces; any other brace is plain text.
pub(super) fn pieces(t: &str) -> Vec<Piece<'_>> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let pair = b.get(i + 1) == Some(&b[i]);
        match b[i] {
            b'{' | b'}' if pair => {
                // Keep one brace of the pair.
                out.push(Piece::Text(&t[start..=i]));
                i += 2;
                start = i;
            }
            b'{' => {
                let rest = &t[i + 1..];
                let n = rest
                    .bytes()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
                    .count();
                if n > 0 && rest.as_bytes().get(n) == Some(&b'}') {
                    out.push(Piece::Text(&t[start..i]));
                    out.push(Piece::Hole(i, &rest[..n]));
                    i += n + 2;
                    start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out.push(Piece::Text(&t[start..]));
    out
}

/// The placeholders of a template, each with the byte offset of its `{`.
pub fn placeholders(template: &str) -> Vec<(usize, &str)> {
    pieces(template)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Hole(at, name) => Some((at, name)),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Fill a template: each `{name}` with a value from `values` is replaced by it, verbatim (quoting
/// for a shell is the caller's business), `{{`/`}}` become single braces, everything else stays.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    for p in pieces(template) {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Hole(_, name) => match values.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}
