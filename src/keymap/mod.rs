//! The key table: what every key, digit and mouse gesture means in each mode. Input handling, the
//! footer hints, the help overlay and `prep config show` are all read from one [`Keymap`], so
//! what the help says is what the keys do. The defaults live in `defaults.rs`; the user's config
//! file can only override them (`remap.rs`).

mod action;
mod defaults;
mod key;
mod remap;
#[cfg(test)]
mod tests;

pub use action::{Action, Mode};
pub use key::Key;
pub use remap::Remap;

use crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

/// What a binding is to the footer: hints everyone guesses give way first when room is short,
/// and the help hint always stays, last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Feature,
    /// Opening, going back and quitting.
    Known,
    Help,
}

/// One line of the table: keys, what they do, how help and the footer name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// How the keys are written in hints and help.
    pub shown: String,
    pub action: Action,
    pub label: &'static str,
    /// Short text for the footer; empty means help only.
    pub hint: &'static str,
    pub role: Role,
}

/// One footer hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
    pub role: Role,
}

/// The keys of every mode, the defaults with the user's remaps applied.
#[derive(Clone, Debug)]
pub struct Keymap {
    modes: Vec<(Mode, Vec<Binding>)>,
    global: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        defaults::keymap()
    }
}

impl Keymap {
    /// The default keys with `remaps` applied, and a message for each remap that could not be.
    pub fn with_remaps(remaps: &[Remap]) -> (Keymap, Vec<String>) {
        remap::apply(remaps)
    }

    /// The keys a config file asks for: the defaults, its remaps applied, and the problems.
    pub fn from_config(
        file: &std::path::Path,
        config: &prep_core::config::Config,
    ) -> (Keymap, Vec<String>) {
        remap::apply(&Remap::from_config(file, config))
    }

    /// Every table as TOML, for `prep config show`.
    pub fn to_toml(&self) -> String {
        remap::to_toml(self)
    }

    /// The mode's own bindings (global ones come from [`Keymap::global`]).
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[][..], |(_, b)| b)
    }

    /// Keys that work in every mode.
    pub fn global(&self) -> &[Binding] {
        &self.global
    }

    /// The action a key means in a mode, if any. Text-entry modes only see their non-text keys.
    pub fn resolve(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let text = mode.takes_text() && !ctrl && Key::is_text(event.code);
        if text {
            return None;
        }
        let found = |binds: &[Binding]| {
            binds
                .iter()
                .find_map(|b| b.keys.iter().find_map(|k| k.matches(event, b.action)))
        };
        match found(&self.global).or_else(|| found(self.bindings(mode))) {
            // Inside a text box Ctrl-Z is undo, as in every editor, not suspend.
            Some(Action::Suspend) if mode.takes_text() => None,
            other => other,
        }
    }

    /// Whether any of a binding's keys does something in `mode`: in a text box a plain
    /// printable key (`?`) types itself, and Ctrl-Z is undo.
    pub fn works_in(&self, mode: Mode, b: &Binding) -> bool {
        if !mode.takes_text() {
            return !b.keys.is_empty();
        }
        b.action != Action::Suspend
            && b.keys.iter().any(|k| match k {
                Key::Press { code, ctrl } => *ctrl || !Key::is_text(*code),
                Key::Digit => false,
                Key::Wheel | Key::Click => true,
            })
    }

    /// The action of a mouse gesture in a mode, if any.
    /// A click means the action only when it lands on the selected row (the screen decides).
    pub fn mouse(&self, mode: Mode, kind: MouseEventKind) -> Option<Action> {
        let key = match kind {
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => Key::Wheel,
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => Key::Click,
            _ => return None,
        };
        let bound = self
            .bindings(mode)
            .iter()
            .chain(&self.global)
            .find(|b| b.keys.contains(&key))?;
        Some(match kind {
            MouseEventKind::ScrollUp => Action::Up,
            MouseEventKind::ScrollDown => Action::Down,
            _ => bound.action,
        })
    }

    /// The footer's hints for a mode, in table order, the help key last.
    pub fn footer(&self, mode: Mode) -> Vec<Hint> {
        let global = if mode == Mode::Help {
            &[][..]
        } else {
            &self.global
        };
        let hints = self.bindings(mode).iter().chain(global);
        let hint = |b: &Binding| Hint {
            keys: b.shown.clone(),
            label: b.hint,
            role: b.role,
        };
        hints
            .filter(|b| !b.hint.is_empty() && !b.shown.is_empty() && self.works_in(mode, b))
            .map(hint)
            .collect()
    }

    /// Every mode with its bindings, in table order (for `prep config show`).
    pub fn modes(&self) -> impl Iterator<Item = (Mode, &[Binding])> {
        self.modes.iter().map(|(m, b)| (*m, b.as_slice()))
    }
}
