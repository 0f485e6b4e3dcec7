//! Text helpers for the renderer: removing control characters, splitting into grapheme-like
//! clusters, cutting and wrapping by display width.

use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::Span;
use std::borrow::Cow;
use std::mem::take;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Characters that silently reorder the text around them (the core's one list).
fn is_bidi_override(c: char) -> bool {
    prep_core::text::is_bidi(c)
}

pub(super) fn pad(s: &str, w: usize, align: Option<&Alignment>) -> String {
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
pub(super) fn clusters(s: &str) -> Vec<(usize, &str)> {
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
pub(super) fn cut(s: &str, max: usize) -> &str {
    let ends = clusters(s).into_iter().scan(0, |w, (i, c)| {
        *w += c.width();
        (*w <= max).then_some(i + c.len())
    });
    &s[..ends.last().unwrap_or(0)]
}

/// `s` cut to at most `width` display columns between clusters, ending in `…` when anything was
/// cut, so a shortened text always says so.
pub fn ellipsize(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = cut(s, width.saturating_sub(1)).to_string();
    out.push('…');
    out
}

#[cfg(test)]
thread_local! {
    /// Steps taken to find each cluster's style, counted so a test can check they grow linearly.
    pub(super) static STYLE_STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A cluster with its style and width.
type Unit<'a> = (&'a str, Style, usize);

/// Greedy word wrap of styled text into lines of at most `avail` columns (a lone 2-column cluster
/// may exceed 1); '\n' forces a break; words wider than a line are broken between clusters.
pub(super) fn wrap(segs: &[(String, Style)], avail: usize) -> Vec<Vec<Span<'static>>> {
    let text: String = segs.iter().map(|s| s.0.as_str()).collect();
    let ends: Vec<(usize, Style)> = segs
        .iter()
        .scan(0, |end, (s, style)| {
            *end += s.len();
            Some((*end, *style))
        })
        .collect();
    // Cluster offsets only grow, so the segment holding each one is found by walking forward
    // (one pass over the segments for the whole text, not a scan per cluster).
    let mut seg = 0;
    let units: Vec<Unit> = clusters(&text)
        .into_iter()
        .map(|(i, c)| {
            while ends.get(seg).is_some_and(|e| i >= e.0) {
                seg += 1;
                #[cfg(test)]
                STYLE_STEPS.with(|n| n.set(n.get() + 1));
            }
            #[cfg(test)]
            STYLE_STEPS.with(|n| n.set(n.get() + 1));
            let style = ends.get(seg).map_or(Style::new(), |e| e.1);
            (c, style, c.width())
        })
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

/// Wrap one code line (sanitized, without '\n') at `avail` columns between clusters, keeping
/// every character: each piece starts with the line's leading spaces (at most half the width, so
/// that the code still gets room) and the rest of the line continues on the next piece.
pub(super) fn wrap_code(line: &str, avail: usize) -> Vec<String> {
    let body = line.trim_start_matches(' ').trim_end();
    // Half the width at most, and never so much that a wide character has no room after it.
    let lead = (line.len() - line.trim_start_matches(' ').len())
        .min(avail / 2)
        .min(avail.saturating_sub(2));
    let room = avail.saturating_sub(lead).max(1);
    let indent = " ".repeat(lead);
    let (mut out, mut piece, mut w) = (Vec::new(), indent.clone(), 0);
    for (_, c) in clusters(body) {
        if w + c.width() > room && w > 0 {
            out.push(std::mem::replace(&mut piece, indent.clone()));
            w = 0;
        }
        piece.push_str(c);
        w += c.width();
    }
    out.push(if w > 0 { piece } else { String::new() });
    out
}
