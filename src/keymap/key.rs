//! One key of the table: a key press (with or without Ctrl), a pattern standing for several keys
//! (any digit), or a mouse gesture; how the config file writes keys, and how help shows them.

use super::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the user can press or do with the mouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// A key, with `ctrl` held or not. Letters keep their case: `G` is Shift-g.
    Press { code: KeyCode, ctrl: bool },
    /// `1` to `9`: the action's item by number (`ToggleItem(digit - 1)`).
    Digit,
    /// The mouse wheel, either way: up moves up, down moves down.
    Wheel,
    /// A left click on the selected row.
    Click,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key::Press { code, ctrl: false }
    }

    pub const fn ctrl(c: char) -> Key {
        Key::Press {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// What `event` means if it is this key, bound to `action`.
    pub fn matches(&self, event: KeyEvent, action: Action) -> Option<Action> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match *self {
            Key::Press { code, ctrl: c } => (c == ctrl && code == event.code).then_some(action),
            Key::Digit => match event.code {
                // 1-9, then 0 for item 10, as on the number row; with Alt held, 11-20.
                KeyCode::Char(d @ '0'..='9') if !ctrl => {
                    let n = (d as usize - '0' as usize + 9) % 10;
                    let alt = event.modifiers.contains(KeyModifiers::ALT);
                    Some(Action::ToggleItem(n + if alt { 10 } else { 0 }))
                }
                _ => None,
            },
            Key::Wheel | Key::Click => None,
        }
    }

    /// Keys that type text in a text box.
    pub fn is_text(code: KeyCode) -> bool {
        matches!(code, KeyCode::Char(_))
    }

    /// Read a key as the config file writes it: `j`, `G`, `?`, `ctrl-k`, `enter`, `esc`, `tab`,
    /// `shift-tab`, `space`, `up`, `pagedown`, `f5`, ...
    pub fn parse(text: &str) -> Result<Key, String> {
        let (ctrl, rest) = match text
            .strip_prefix("ctrl-")
            .or_else(|| text.strip_prefix("Ctrl-"))
        {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => named_code(&rest.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "unknown key `{}`: use one character (`j`, `G`, `?`), `ctrl-` and a letter, or a name such as enter, esc, tab, shift-tab, space, backspace, up, down, left, right, home, end, pageup, pagedown, f1-f12",
                    rest.escape_default()
                )
            })?,
        };
        if ctrl && !matches!(code, KeyCode::Char(c) if c.is_ascii_alphabetic()) {
            return Err(format!(
                "`{}`: only letters can be used with ctrl-",
                text.escape_default()
            ));
        }
        Ok(Key::Press { code, ctrl })
    }

    /// How help and the footer write this key.
    pub fn shown(&self) -> String {
        match *self {
            Key::Press { code, ctrl: true } => format!("Ctrl-{}", code_shown(code).to_uppercase()),
            Key::Press { code, ctrl: false } => code_shown(code),
            Key::Digit => "0-9".into(),
            Key::Wheel => "wheel".into(),
            Key::Click => "click".into(),
        }
    }

    /// How the config file writes this key (`None` for patterns and the mouse).
    pub fn config_name(&self) -> Option<String> {
        let Key::Press { code, ctrl } = *self else {
            return None;
        };
        let name = match code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            other => NAMES.iter().find(|(_, c)| *c == other)?.0.to_string(),
        };
        Some(if ctrl { format!("ctrl-{name}") } else { name })
    }
}

const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

fn named_code(name: &str) -> Option<KeyCode> {
    match name {
        "space" => return Some(KeyCode::Char(' ')),
        "backtab" => return Some(KeyCode::BackTab),
        "escape" => return Some(KeyCode::Esc),
        "return" => return Some(KeyCode::Enter),
        _ => {}
    }
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Some(KeyCode::F(n));
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

fn code_shown(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}
