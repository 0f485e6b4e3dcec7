//! Reading the parsed TOML table setting by setting, so one bad value costs only itself.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Read settings from `text`; `file` only names the file in problems.
pub fn parse(file: &Path, text: &str) -> Loaded {
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let pos = e.span().map_or(Pos::START, |s| pos_at(text, s.start));
            return Loaded {
                config: Config::default(),
                problems: vec![Problem::new(
                    file,
                    pos,
                    format!("this is not valid TOML: {}", printable(e.message())),
                )],
            };
        }
    };
    let mut r = Reader {
        file,
        text,
        problems: Vec::new(),
    };
    let mut config = Config::default();
    for (key, value) in table.get_ref().iter() {
        match key.get_ref().as_ref() {
            "theme" => {
                if let Some(t) = r.theme(value) {
                    config.theme = t;
                }
            }
            "keys" => config.keys = r.keys(value),
            "audio" => {
                for (k, v) in r.table("audio", AUDIO_KEYS, value) {
                    if k == "record_every_drill" {
                        match v.get_ref().as_bool() {
                            Some(b) => config.audio.record_every_drill = b,
                            None => {
                                let m = format!(
                                    "audio.record_every_drill must be true or false; found {}",
                                    r.found(v)
                                );
                                r.problem(v.span(), m);
                            }
                        }
                        continue;
                    }
                    if k == "transcribe_timeout" {
                        let n = v.get_ref().as_integer().and_then(|i| {
                            u32::try_from(i.as_str().replace('_', "").parse::<i64>().ok()?).ok()
                        });
                        match n.filter(|n| (1..=1000).contains(n)) {
                            // The default is kept as "not set", so `config show` marks it.
                            Some(n) => {
                                config.audio.transcribe_timeout =
                                    (n != DEFAULT_TRANSCRIBE_TIMEOUT).then_some(n);
                            }
                            None => {
                                let m = format!(
                                    "audio.transcribe_timeout must be a whole number from 1 to 1000 (times the recording's length); found {}",
                                    r.found(v)
                                );
                                r.problem(v.span(), m);
                            }
                        }
                        continue;
                    }
                    let (slot, allowed) = match k {
                        "record" => (&mut config.audio.record, RECORD_PLACEHOLDERS),
                        "play" => (&mut config.audio.play, PLAY_PLACEHOLDERS),
                        _ => (&mut config.audio.transcribe, TRANSCRIBE_PLACEHOLDERS),
                    };
                    if let Some(t) = r.template(&format!("audio.{k}"), allowed, v) {
                        *slot = Some(t);
                    }
                }
            }
            "grader" => {
                for (_, v) in r.table("grader", GRADER_KEYS, value) {
                    if let Some(t) = r.template("grader.command", GRADER_PLACEHOLDERS, v) {
                        config.grader.command = Some(t);
                    }
                }
            }
            other => r.unknown(key, other, "setting", TOP_KEYS),
        }
    }
    let mut problems = r.problems;
    problems.sort_by_key(|p| p.pos);
    Loaded { config, problems }
}

type Value<'i> = Spanned<DeValue<'i>>;

pub(super) struct Reader<'a> {
    file: &'a Path,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn pos(&self, span: std::ops::Range<usize>) -> Pos {
        pos_at(self.text, span.start)
    }

    fn problem(&mut self, span: std::ops::Range<usize>, message: String) {
        let pos = self.pos(span);
        self.problems.push(Problem::new(self.file, pos, message));
    }

    fn unknown(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        name: &str,
        what: &str,
        known: &[&str],
    ) {
        self.problem(
            key.span(),
            format!(
                "unknown {what} `{}`; the ones prep knows are {}",
                printable(name),
                known.join(", ")
            ),
        );
    }

    /// How a value is described after "found": its text for scalars, its kind otherwise.
    fn found(&self, value: &Value<'_>) -> String {
        match value.get_ref() {
            DeValue::String(s) => quoted(s),
            DeValue::Array(_) => "a list".into(),
            DeValue::Table(_) => "a table".into(),
            _ => {
                let raw = self.text.get(value.span()).unwrap_or("").trim();
                if raw.is_empty() {
                    format!("a {}", value.get_ref().type_str())
                } else {
                    printable(&shorten(raw))
                }
            }
        }
    }

    fn theme(&mut self, value: &Value<'_>) -> Option<ThemeChoice> {
        let found = value.get_ref().as_str().and_then(ThemeChoice::parse);
        if found.is_none() {
            let names: Vec<_> = ThemeChoice::ALL.iter().map(|t| t.as_str()).collect();
            let message = format!(
                "theme must be one of {}; found {}",
                names.join(", "),
                self.found(value)
            );
            self.problem(value.span(), message);
        }
        found
    }

    /// The entries of table `name`, known keys only (the rest are problems).
    fn table<'v, 'i>(
        &mut self,
        name: &str,
        known: &[&'static str],
        value: &'v Value<'i>,
    ) -> Vec<(&'static str, &'v Value<'i>)> {
        let Some(table) = value.get_ref().as_table() else {
            let message = format!(
                "{name} must be a table, written [{name}] on a line of its own with {} under it; found {}",
                known.join(", "),
                self.found(value)
            );
            self.problem(value.span(), message);
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, v) in table.iter() {
            let key = k.get_ref().as_ref();
            match known.iter().find(|n| **n == key) {
                Some(n) => out.push((*n, v)),
                None => self.unknown(k, key, &format!("{name} setting"), known),
            }
        }
        out
    }

    fn template(&mut self, name: &str, allowed: &[&str], value: &Value<'_>) -> Option<String> {
        let Some(s) = value.get_ref().as_str() else {
            let message = format!(
                "{name} must be a command in quotes, like \"{}\"; found {}",
                example(allowed),
                self.found(value)
            );
            self.problem(value.span(), message);
            return None;
        };
        if s.trim().is_empty() {
            self.problem(
                value.span(),
                format!("{name} is empty; delete the line to let prep find a default on PATH"),
            );
            return None;
        }
        let mut ok = true;
        for (offset, hole) in placeholders(s) {
            if allowed.contains(&hole) {
                continue;
            }
            ok = false;
            let span = value.span();
            // Point at the placeholder itself when the string is written without escapes.
            let exact = self.text.get(span.clone()).is_some_and(|raw| {
                ["\"", "'"].iter().any(|q| {
                    raw.len() == s.len() + 2 && raw.starts_with(q) && raw[1..].starts_with(s)
                })
            });
            let at = if exact {
                span.start + 1 + offset..span.end
            } else {
                span
            };
            let allowed_list: Vec<_> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
            self.problem(
                at,
                format!(
                    "{name} has the placeholder {{{}}}, which prep does not fill there; it may use {} (write {{{{ or }}}} for a literal brace)",
                    printable(hole),
                    and_list(&allowed_list)
                ),
            );
        }
        ok.then(|| s.to_string())
    }

    fn keys(&mut self, value: &Value<'_>) -> Vec<KeyRemap> {
        let Some(modes) = value.get_ref().as_table() else {
            let message = format!(
                "keys must hold tables like [keys.drill] with lines like pause = \"P\"; found {}",
                self.found(value)
            );
            self.problem(value.span(), message);
            return Vec::new();
        };
        let mut out = Vec::new();
        for (mode_key, actions) in modes.iter() {
            let mode = Located {
                text: mode_key.get_ref().to_string(),
                pos: self.pos(mode_key.span()),
            };
            let Some(actions) = actions.get_ref().as_table() else {
                let message = format!(
                    "keys.{} must be a table of actions, like [keys.{}] with lines like pause = \"P\"; found {}",
                    printable(&mode.text),
                    printable(&mode.text),
                    self.found(actions)
                );
                self.problem(actions.span(), message);
                continue;
            };
            for (action_key, keys) in actions.iter() {
                let name = format!(
                    "keys.{}.{}",
                    printable(&mode.text),
                    printable(action_key.get_ref())
                );
                let Some(keys) = self.key_list(&name, keys) else {
                    continue;
                };
                out.push(KeyRemap {
                    mode: mode.clone(),
                    action: Located {
                        text: action_key.get_ref().to_string(),
                        pos: self.pos(action_key.span()),
                    },
                    keys,
                });
            }
        }
        out.sort_by_key(|r| (r.mode.pos, r.action.pos));
        out
    }

    /// A key in quotes or a list of them; `None` when nothing usable is left.
    fn key_list(&mut self, name: &str, value: &Value<'_>) -> Option<Vec<Located>> {
        let wrong = |r: &Self, v: &Value<'_>| {
            format!(
                "{name} must be a key in quotes, like \"P\" or \"ctrl-s\", or a list of them; found {}",
                r.found(v)
            )
        };
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(a) => a.iter().collect(),
            _ => {
                let message = wrong(self, value);
                self.problem(value.span(), message);
                return None;
            }
        };
        let mut keys = Vec::new();
        for item in &items {
            match item.get_ref().as_str() {
                Some("") => self.problem(
                    item.span(),
                    format!("{name} has an empty key; write the key's name, like \"P\""),
                ),
                Some(k) => keys.push(Located {
                    text: k.to_string(),
                    pos: self.pos(item.span()),
                }),
                None => {
                    let message = wrong(self, item);
                    self.problem(item.span(), message);
                }
            }
        }
        // `[]` stays (as written); a list whose every entry was bad is dropped, not emptied.
        (keys.len() == items.len() || !keys.is_empty()).then_some(keys)
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`, clamped into it.
pub(super) fn pos_at(text: &str, offset: usize) -> Pos {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    }
}
