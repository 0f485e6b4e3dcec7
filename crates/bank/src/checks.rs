//! The checks every value passes (ids, text, words from a fixed list, time limits) and the helpers
//! that turn YAML positions and errors into diagnostics.

use super::build::Builder;
use super::source;
use super::{Diagnostic, Origin};
use serde_saphyr::{Location, Spanned};

/// Shortest and longest time limits a question may have, in seconds.
const TIME_RANGE: (u64, u64) = (10, 3 * 3600);

impl Builder {
    pub(super) fn check_id(&mut self, origin: &Origin, what: &str, id: &str) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !ok {
            let msg = format!(
                "{what} id `{id}` must be lowercase letters, digits and dashes (like `sd-url-shortener`)"
            );
            self.diags.push(Diagnostic::at(origin, msg));
        }
    }

    /// Refuse characters that YAML escapes (`"\e[31m"`) would let past the byte-level check.
    pub(super) fn safe_text(&mut self, origin: &Origin, what: &str, text: &str) {
        if !source::may_hold_unsafe_chars(text.as_bytes()) {
            return;
        }
        if let Some((c, kind)) = text
            .chars()
            .find_map(|c| source::unsafe_char(c).map(|k| (c, k)))
        {
            let msg = format!(
                "{} (in {what}, written as a YAML escape)",
                source::unsafe_message(c, kind)
            );
            self.diags.push(Diagnostic::at(origin, msg));
        }
    }

    pub(super) fn non_empty(
        &mut self,
        name: &str,
        value: &Spanned<String>,
        what: &str,
        offset: u32,
    ) {
        if source::may_hold_unsafe_chars(value.value.as_bytes()) {
            self.safe_text(&at(name, &value.referenced, offset), what, &value.value);
        }
        if value.value.trim().is_empty() {
            self.diags.push(Diagnostic::at(
                &at(name, &value.referenced, offset),
                format!("empty {what}"),
            ));
        }
    }

    pub(super) fn word<T>(
        &mut self,
        name: &str,
        value: &Spanned<String>,
        what: &str,
        parse: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Option<T> {
        let found = parse(value.value.trim());
        if found.is_none() {
            let msg = format!(
                "unknown {what} `{}`; expected one of {}",
                value.value,
                expected()
            );
            self.diags
                .push(Diagnostic::at(&at(name, &value.referenced, 0), msg));
        }
        found
    }

    pub(super) fn time(&mut self, name: &str, value: &Spanned<String>) -> Option<u32> {
        let here = at(name, &value.referenced, 0);
        let Some(secs) = super::parse_duration(&value.value) else {
            let msg = format!(
                "time `{}` is not a duration; write it like 90s, 45m or 1h30m",
                value.value
            );
            self.diags.push(Diagnostic::at(&here, msg));
            return None;
        };
        if !(TIME_RANGE.0..=TIME_RANGE.1).contains(&secs) {
            let msg = format!(
                "time {} is outside the allowed 10s to 3h",
                value.value.trim()
            );
            self.diags.push(Diagnostic::at(&here, msg));
            return None;
        }
        u32::try_from(secs).ok()
    }
}

pub(super) fn at(name: &str, loc: &Location, line_offset: u32) -> Origin {
    Origin {
        file: name.to_string().into(),
        line: loc.line() as u32 + line_offset,
        column: loc.column() as u32,
    }
}

/// `---\n<yaml>\n---\n<body>` → (yaml, body, 1-based line where the body starts).
pub fn split_front_matter(text: &str) -> Option<(&str, &str, u32)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body, i as u32 + 3));
        }
        offset += line.len();
    }
    None
}

/// serde-saphyr places a missing field at the mapping's last key; point at its first key instead,
/// found by walking up to the nearest line indented less than `column` that starts a list item.
pub(super) fn mapping_start(text: &str, line: u32, column: u32) -> (u32, u32) {
    let lines: Vec<&str> = text.lines().collect();
    let key_indent = column.saturating_sub(1) as usize;
    for n in (0..(line as usize).min(lines.len())).rev() {
        let l = lines[n];
        let indent = l.len() - l.trim_start().len();
        if l.trim_start().starts_with("- ") && indent + 2 == key_indent {
            return (n as u32 + 1, column);
        }
        if !l.trim().is_empty() && indent < key_indent && !l.trim_start().starts_with('-') {
            break;
        }
    }
    (line, column)
}

/// serde-saphyr's message without its position suffix (we print our own) and with plainer words.
pub(super) fn yaml_message(e: &serde_saphyr::Error, text: &str) -> String {
    if text.trim().is_empty() {
        return "file is empty".to_string();
    }
    plain_yaml_error(e)
}

/// serde-saphyr's message without its position suffix or snippet, in plainer words.
pub fn plain_yaml_error(e: &serde_saphyr::Error) -> String {
    let mut msg = e.without_snippet().to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    if let Some(i) = msg.find(", set DuplicateKeyPolicy") {
        msg.truncate(i);
    }
    let msg = msg
        .replace("expected sequence start", "expected a list")
        .replace(
            "expected string scalar",
            "expected a single value, not a list or mapping",
        );
    crate::words::in_bank_terms(&msg)
}
