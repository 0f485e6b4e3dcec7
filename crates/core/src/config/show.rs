//! The settings written back as TOML, for `prep config show`.

#[allow(clippy::wildcard_imports)]
use super::*;

/// `s` as a TOML basic string, quotes included.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a TOML key: bare when it can be, quoted otherwise.
pub fn toml_key(s: &str) -> String {
    let bare = !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
    if bare { s.to_string() } else { toml_string(s) }
}

/// `[keys.<mode>]` tables holding `remaps`, grouped by mode in the order the modes first appear.
pub fn remaps_toml(remaps: &[KeyRemap]) -> String {
    let mut modes: Vec<&str> = Vec::new();
    for r in remaps {
        if !modes.contains(&r.mode.text.as_str()) {
            modes.push(&r.mode.text);
        }
    }
    let mut out = String::new();
    for mode in modes {
        out.push_str(&format!("\n[keys.{}]\n", toml_key(mode)));
        for r in remaps.iter().filter(|r| r.mode.text == mode) {
            let keys: Vec<_> = r.keys.iter().map(|k| toml_string(&k.text)).collect();
            let value = match keys.as_slice() {
                [one] => one.clone(),
                _ => format!("[{}]", keys.join(", ")),
            };
            out.push_str(&format!("{} = {value}\n", toml_key(&r.action.text)));
        }
    }
    out
}

impl Config {
    /// The settings as TOML a user could paste into their file, defaults included and marked,
    /// unset commands commented out. The `[keys]` tables are not included: only the TUI knows
    /// the full key table (see [`remaps_toml`] for the file's own remaps).
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let default = Config::default();
        let mark = |is_default: bool| if is_default { "  # default" } else { "" };
        out.push_str("# Colours: auto reads the terminal's background; light or dark picks one.\n");
        out.push_str(&format!(
            "theme = {}{}\n",
            toml_string(self.theme.as_str()),
            mark(self.theme == default.theme)
        ));
        out.push_str(
            "\n# Commands for spoken answers. {wav} is the recording's path, {txt} the transcript's.\n",
        );
        out.push_str("[audio]\n");
        command_line(
            &mut out,
            "record",
            self.audio.record.as_deref(),
            "<recorder> {wav}",
        );
        command_line(
            &mut out,
            "play",
            self.audio.play.as_deref(),
            "<player> {wav}",
        );
        command_line(
            &mut out,
            "transcribe",
            self.audio.transcribe.as_deref(),
            "<speech-to-text> {wav} {txt}",
        );
        out.push_str(&format!(
            "record_every_drill = {}{}\n",
            self.audio.record_every_drill,
            mark(!self.audio.record_every_drill)
        ));
        out.push_str(&format!(
            "transcribe_timeout = {}{}  # times the recording's length\n",
            self.audio
                .transcribe_timeout
                .unwrap_or(super::DEFAULT_TRANSCRIBE_TIMEOUT),
            mark(self.audio.transcribe_timeout.is_none())
        ));
        out.push_str(
            "\n# An outside grader. {prompt} is the question, {txt} the transcript, {wav} the audio.\n",
        );
        out.push_str("[grader]\n");
        command_line(
            &mut out,
            "command",
            self.grader.command.as_deref(),
            "<grader> {prompt} {txt}",
        );
        out
    }
}

pub(super) fn command_line(out: &mut String, key: &str, value: Option<&str>, shape: &str) {
    match value {
        Some(v) => out.push_str(&format!("{key} = {}\n", toml_string(v))),
        None => out.push_str(&format!(
            "# {key} = {}  # not set: found on PATH when needed\n",
            toml_string(shape)
        )),
    }
}
