//! Text that leaves prep: the one sanitiser every output edge uses, so that nothing read from a
//! bank, a story, the attempt log, a file name or the user can drive the terminal that shows it.
//!
//! [`clean`] replaces each control a terminal would act on with a visible stand-in: C0 controls
//! (except tab and newline) and DEL in caret form (`ESC` shows as `^[`), C1 controls (U+0080 to
//! U+009F) and the bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C)
//! as `<U+XXXX>`. [`clean_line`] does the same and also shows tab, newline and carriage return, for
//! a value that must stay on one line (a table cell, a file name). [`json_escape`] makes
//! serialised JSON carry the same characters as `\uXXXX` escapes, so the data is unchanged for a
//! program and harmless on a terminal.

use std::borrow::Cow;

/// Is `c` a character a terminal acts on (or that reorders what it shows), tab and newline aside?
pub fn is_hostile(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\0'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}' => true,
        _ => is_bidi(c),
    }
}

/// The bidirectional formatting controls.
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// `s` with every hostile character replaced by its visible stand-in; borrowed when there is none.
/// A carriage return right before a newline (a Windows line end) is kept; a lone one, which would
/// let text overwrite its own line, is not.
pub fn clean(s: &str) -> Cow<'_, str> {
    clean_with(s, false)
}

/// [`clean`], and tab, newline and carriage return shown too: for a value kept to one line.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    clean_with(s, true)
}

fn clean_with(s: &str, one_line: bool) -> Cow<'_, str> {
    let mut chars = s.chars().peekable();
    let mut out: Option<String> = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        let bad = if one_line {
            c == '\t' || c == '\n' || is_hostile(c)
        } else {
            is_hostile(c) && !(c == '\r' && chars.peek() == Some(&'\n'))
        };
        match (&mut out, bad) {
            (Some(o), true) => push_stand_in(o, c),
            (Some(o), false) => o.push(c),
            (None, true) => {
                let mut o = String::with_capacity(s.len() + 8);
                o.push_str(&s[..at]);
                push_stand_in(&mut o, c);
                out = Some(o);
            }
            (None, false) => {}
        }
        at += c.len_utf8();
    }
    out.map_or(Cow::Borrowed(s), Cow::Owned)
}

/// The visible form of a hostile character.
fn push_stand_in(out: &mut String, c: char) {
    let n = c as u32;
    if n < 0x20 || n == 0x7f {
        out.push('^');
        // Caret notation: ^@ for NUL, ^[ for ESC, ^? for DEL.
        out.push(char::from((n as u8) ^ 0x40));
    } else {
        out.push_str(&format!("<U+{n:04X}>"));
    }
}

/// Markdown with every HTML character reference that a renderer would turn into a hostile
/// character (`&#x1b;`, `&#27;`, `&#x9b;`, `&rlm;`, ...) written with its `&` escaped, so it shows
/// as the text it is. References to any other character are left alone.
pub fn defuse_entities(md: &str) -> Cow<'_, str> {
    if !md.contains('&') {
        return Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let hostile = end.is_some_and(|e| entity_char(&tail[1..e]).is_some_and(is_hostile));
        out.push_str(if hostile { "&amp;" } else { "&" });
        rest = &tail[1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character an entity name (without `&` and `;`) stands for, for the ones that matter here.
fn entity_char(name: &str) -> Option<char> {
    let number = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()
    } else if let Some(dec) = name.strip_prefix('#') {
        dec.parse().ok()
    } else {
        match name {
            "lrm" => Some(0x200e),
            "rlm" => Some(0x200f),
            _ => None,
        }
    };
    // HTML reads NUL and the C1 range through Windows-1252, but a renderer may not.
    number.and_then(char::from_u32)
}

/// Serialised JSON with DEL, C1 and bidirectional controls (and U+2028/U+2029) written as
/// `\uXXXX`. serde_json already escapes C0 controls; outside strings JSON text is ASCII, so every
/// character replaced here is inside a string, where the escape means the same character.
pub fn json_escape(json: &str) -> Cow<'_, str> {
    let bad = |c: char| c == '\x7f' || is_hostile(c) || c == '\u{2028}' || c == '\u{2029}';
    if !json.chars().any(bad) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn controls_become_visible_stand_ins() {
        assert_eq!(clean("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean("\x1bc"), "^[c");
        assert_eq!(clean("a\x07b\0\x7f"), "a^Gb^@^?");
        assert_eq!(clean("\u{9b}31m"), "<U+009B>31m");
        assert_eq!(clean("abc\u{202e}fed"), "abc<U+202E>fed");
        assert_eq!(clean("\r"), "^M");
        assert_eq!(clean("over\rwrite\r\nline"), "over^Mwrite\r\nline");
        assert_eq!(clean_line("a\r\n"), "a^M^J");
        assert_eq!(clean_line("a\nb\tc"), "a^Jb^Ic");
        assert_eq!(clean("日本語 émoji 🎉"), "日本語 émoji 🎉");
    }

    #[test]
    fn the_bank_loader_refuses_what_the_sanitiser_replaces() {
        // Same list in both places: what a bank may not hold is what never reaches a terminal.
        for n in 0..0x3000u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let refused = crate::bank::unsafe_char(c).is_some();
            assert_eq!(refused, is_hostile(c) && c != '\r', "U+{n:04X}");
        }
    }

    #[test]
    fn character_references_to_controls_are_shown_not_decoded() {
        assert_eq!(
            defuse_entities("a &#x1b;c &#27;[5m &#155; &rlm; &amp; &#8212; &copy; & x"),
            "a &amp;#x1b;c &amp;#27;[5m &amp;#155; &amp;rlm; &amp; &#8212; &copy; & x"
        );
        assert!(matches!(defuse_entities("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_the_data_and_escapes_what_a_terminal_acts_on() {
        let v = serde_json::json!({"t": "a\u{9b}b\u{202e}c\x1bd\x7f"});
        let text = serde_json::to_string(&v).unwrap();
        let escaped = json_escape(&text);
        assert!(!escaped.chars().any(is_hostile), "{escaped}");
        assert!(!escaped.contains('\x7f'));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, v);
    }

    proptest! {
        #[test]
        fn nothing_hostile_survives(s in "\\PC*|[\\x00-\\x7f\\u{80}-\\u{9f}\\u{200e}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-z]*") {
            let out = clean(&s);
            // Nothing hostile is left but a carriage return that ends a line.
            let bare = out.replace("\r\n", "\n");
            prop_assert!(!bare.chars().any(is_hostile), "{:?}", out);
            let line = clean_line(&s);
            prop_assert!(!line.chars().any(|c| is_hostile(c) || c == '\n' || c == '\t'));
            // Text with nothing hostile comes back as it was.
            if !s.replace("\r\n", "\n").chars().any(is_hostile) {
                prop_assert_eq!(out.as_ref(), s.as_str());
            }
            // Every other character is kept, in order.
            let kept: String = s.replace("\r\n", "\n").chars().filter(|c| !is_hostile(*c)).collect();
            let shown: String = bare.chars().filter(|c| !c.is_ascii_punctuation() && !c.is_ascii_alphanumeric()).collect();
            let kept_rest: String = kept.chars().filter(|c| !c.is_ascii_punctuation() && !c.is_ascii_alphanumeric()).collect();
            prop_assert_eq!(shown, kept_rest);
        }

        #[test]
        fn json_escape_round_trips(s in "[\\x00-\\x7f\\u{80}-\\u{9f}\\u{2028}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-zé]*") {
            let text = serde_json::to_string(&s).unwrap();
            let escaped = json_escape(&text);
            prop_assert!(!escaped.chars().any(|c| c.is_control() || is_bidi(c)));
            let back: String = serde_json::from_str(&escaped).unwrap();
            prop_assert_eq!(back, s);
        }
    }
}
