//! The user's key remaps (`[keys.<mode>]` in the config file) applied to the default table. A
//! remap gives an action new keys in one mode; a key it takes from another action of that mode
//! leaves that action. Anything that cannot apply is reported with its place in the file and
//! skipped; the rest still applies.

use super::{Action, Binding, Keymap, Mode, defaults};

/// One `action = ["key", ...]` line of a `[keys.<mode>]` table, as the config file wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remap {
    /// A mode name, or `global` for the keys that work everywhere.
    pub mode: String,
    pub action: String,
    pub keys: Vec<String>,
    /// `file:line:column` of the line, for messages.
    pub origin: String,
}

impl Remap {
    /// The remaps of a config file, with `file` for their messages.
    pub fn from_config(file: &std::path::Path, config: &prep_core::config::Config) -> Vec<Remap> {
        let file = prep_core::config::printable(&file.display().to_string());
        config
            .keys
            .iter()
            .map(|r| Remap {
                mode: r.mode.text.clone(),
                action: r.action.text.clone(),
                keys: r.keys.iter().map(|k| k.text.clone()).collect(),
                origin: format!("{file}:{}:{}", r.action.pos.line, r.action.pos.column),
            })
            .collect()
    }
}

/// The table as TOML a user could copy into the config file: every mode and action with its keys
/// (digit and mouse patterns are fixed, so they are left out).
pub fn to_toml(map: &Keymap) -> String {
    let mut out = String::new();
    let tables =
        std::iter::once(("global", map.global())).chain(map.modes().map(|(m, b)| (m.name(), b)));
    for (name, binds) in tables {
        out.push_str(&format!("\n[keys.{name}]\n"));
        for b in binds {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter_map(super::Key::config_name)
                .map(|k| prep_core::config::toml_string(&k))
                .collect();
            if keys.is_empty() && !b.keys.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "{} = [{}]  # {}\n",
                b.action.name(),
                keys.join(", "),
                b.label
            ));
        }
    }
    out
}

pub(super) fn apply(remaps: &[Remap]) -> (Keymap, Vec<String>) {
    let mut map = defaults::keymap();
    let mut problems = Vec::new();
    let is_mock = |r: &&Remap| r.mode.starts_with("mock-");
    // The mock's drill tables follow the drill's keys, then take their own remaps.
    for r in remaps.iter().filter(|r| !is_mock(r)) {
        if let Err(e) = one(&mut map, r) {
            problems.push(format!("{}: {e}", r.origin));
        }
    }
    for (mock, drill) in [
        (Mode::MockDrill, Mode::Drill),
        (Mode::MockPaced, Mode::Paced),
    ] {
        let source = map.bindings(drill).to_vec();
        if let Some(table) = table_mut(&mut map, mock) {
            for b in table.iter_mut() {
                if let Some(d) = source.iter().find(|d| d.action == b.action) {
                    b.keys.clone_from(&d.keys);
                    b.shown.clone_from(&d.shown);
                }
            }
        }
    }
    for r in remaps.iter().filter(is_mock) {
        if let Err(e) = one(&mut map, r) {
            problems.push(format!("{}: {e}", r.origin));
        }
    }
    (map, problems)
}

fn table_mut(map: &mut Keymap, mode: Mode) -> Option<&mut Vec<Binding>> {
    map.modes
        .iter_mut()
        .find(|(m, _)| *m == mode)
        .map(|(_, b)| b)
}

fn one(map: &mut Keymap, r: &Remap) -> Result<(), String> {
    let global = r.mode == "global";
    let mode = Mode::from_name(&r.mode);
    if mode.is_none() && !global {
        let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
        return Err(format!(
            "there is no key table `{}`; the tables are global, {}",
            r.mode.escape_default(),
            names.join(", ")
        ));
    }
    let Some(action) = Action::from_name(&r.action) else {
        return Err(format!(
            "`{}` is not an action prep has; `prep config show` lists each table's actions",
            r.action.escape_default()
        ));
    };
    if matches!(action, Action::ToggleItem(_)) {
        return Err("toggle-item is the digit keys 1-9 and cannot be remapped".into());
    }
    let keys = r
        .keys
        .iter()
        .map(|k| super::Key::parse(k))
        .collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Err(format!("`{}` needs at least one key", r.action));
    }
    if mode.is_some()
        && let Some(g) = map
            .global
            .iter()
            .find(|g| g.keys.iter().any(|k| keys.contains(k)))
    {
        return Err(format!(
            "`{}` already means `{}` everywhere; remap it under [keys.global] first",
            g.shown,
            g.action.name()
        ));
    }
    let table = match mode {
        Some(m) => table_mut(map, m).ok_or("that table has no keys")?,
        None => &mut map.global,
    };
    let pressed = |b: &Binding| b.keys.iter().all(|k| matches!(k, super::Key::Press { .. }));
    if !table.iter().any(|b| b.action == action && pressed(b)) {
        let names: Vec<&str> = table.iter().map(|b| b.action.name()).collect();
        return Err(format!(
            "`{}` is not an action of [keys.{}]; its actions are {}",
            r.action,
            r.mode,
            names.join(", ")
        ));
    }
    let shown = keys
        .iter()
        .map(super::Key::shown)
        .collect::<Vec<_>>()
        .join("/");
    // Patterns (the digits, the mouse) stay as they are.
    for b in table.iter_mut().filter(|b| pressed(b)) {
        if b.action == action {
            b.keys.clone_from(&keys);
            b.shown.clone_from(&shown);
        } else if b.keys.iter().any(|k| keys.contains(k)) {
            // The remap takes the key; the other action keeps the rest of its keys.
            b.keys.retain(|k| !keys.contains(k));
            b.shown = b
                .keys
                .iter()
                .map(super::Key::shown)
                .collect::<Vec<_>>()
                .join("/");
        }
    }
    Ok(())
}
