use super::*;
use crossterm::event::{KeyCode as K, MouseButton};

fn key(code: K) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(K::Char(c), KeyModifiers::CONTROL)
}

fn remap(mode: &str, action: &str, keys: &[&str]) -> Remap {
    Remap {
        mode: mode.into(),
        action: action.into(),
        keys: keys.iter().map(|k| k.to_string()).collect(),
        origin: "config.toml:3:1".into(),
    }
}

#[test]
fn vim_keys_and_arrows_both_move() {
    let map = Keymap::default();
    assert_eq!(
        map.resolve(Mode::List, key(K::Char('j'))),
        Some(Action::Down)
    );
    assert_eq!(map.resolve(Mode::List, key(K::Down)), Some(Action::Down));
    assert_eq!(map.resolve(Mode::Home, key(K::Char('k'))), Some(Action::Up));
}

#[test]
fn text_modes_keep_printable_keys_for_typing() {
    let map = Keymap::default();
    assert_eq!(map.resolve(Mode::Search, key(K::Char('?'))), None);
    assert_eq!(map.resolve(Mode::Search, key(K::Char('j'))), None);
    assert_eq!(map.resolve(Mode::Notes, key(K::Char('q'))), None);
    assert_eq!(map.resolve(Mode::Search, ctrl('c')), Some(Action::Quit));
    assert_eq!(
        map.resolve(Mode::Home, key(K::Char('?'))),
        Some(Action::Help)
    );
}

#[test]
fn number_keys_tick_rubric_items() {
    let map = Keymap::default();
    let r = |c| map.resolve(Mode::Rubric, key(K::Char(c)));
    assert_eq!(r('1'), Some(Action::ToggleItem(0)));
    assert_eq!(r('9'), Some(Action::ToggleItem(8)));
    assert_eq!(r(' '), Some(Action::Toggle));
    assert_eq!(map.resolve(Mode::List, key(K::Char('1'))), None);
}

#[test]
fn the_mouse_comes_from_the_table() {
    let map = Keymap::default();
    let click = MouseEventKind::Down(MouseButton::Left);
    assert_eq!(map.mouse(Mode::Rubric, click), Some(Action::Toggle));
    assert_eq!(map.mouse(Mode::List, click), Some(Action::Open));
    assert_eq!(map.mouse(Mode::Drill, click), None);
    assert_eq!(
        map.mouse(Mode::Stats, MouseEventKind::ScrollUp),
        Some(Action::Up)
    );
    assert_eq!(
        map.mouse(Mode::Stats, MouseEventKind::ScrollDown),
        Some(Action::Down)
    );
}

#[test]
fn no_key_means_two_things_in_one_mode() {
    let map = Keymap::default();
    for &mode in Mode::ALL {
        let mut seen = Vec::new();
        for bind in map.bindings(mode).iter().chain(map.global()) {
            for k in &bind.keys {
                assert!(!seen.contains(k), "{mode:?}: {k:?} bound twice");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_action_is_bound_somewhere_and_has_a_name() {
    let map = Keymap::default();
    for action in Action::all() {
        let bound = map
            .modes()
            .flat_map(|(_, b)| b)
            .chain(map.global())
            .any(|b| std::mem::discriminant(&b.action) == std::mem::discriminant(&action));
        assert!(bound, "{action:?} has no key");
        assert_eq!(Action::from_name(action.name()), Some(action));
    }
    for &mode in Mode::ALL {
        assert_eq!(Mode::from_name(mode.name()), Some(mode));
    }
}

#[test]
fn the_mock_drill_is_the_drill_with_enter_and_q_as_a_mock_means_them() {
    let map = Keymap::default();
    let drill = map.bindings(Mode::Drill);
    let mock = map.bindings(Mode::MockDrill);
    assert_eq!(drill.len(), mock.len());
    for (d, m) in drill.iter().zip(mock) {
        assert_eq!((d.action, &d.keys), (m.action, &m.keys));
        if !matches!(d.action, Action::Open | Action::Back) {
            assert_eq!(d.label, m.label);
        }
    }
    let next = mock.iter().find(|b| b.action == Action::Open).unwrap();
    assert_eq!(next.hint, "next question");
}

#[test]
fn footer_roles_come_from_the_table_not_from_labels() {
    let map = Keymap::default();
    let hints = map.footer(Mode::Home);
    let role = |label: &str| hints.iter().find(|h| h.label == label).map(|h| h.role);
    assert_eq!(role("open"), Some(Role::Known));
    assert_eq!(role("quit"), Some(Role::Known));
    assert_eq!(role("help"), Some(Role::Help));
    assert_eq!(role("drill"), Some(Role::Feature));
}

#[test]
fn a_remap_moves_an_action_to_new_keys_and_the_help_follows() {
    let (map, problems) = Keymap::with_remaps(&[remap("home", "drill", &["D", "ctrl-d"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.resolve(Mode::Home, key(K::Char('D'))),
        Some(Action::Drill)
    );
    assert_eq!(map.resolve(Mode::Home, ctrl('d')), Some(Action::Drill));
    assert_eq!(map.resolve(Mode::Home, key(K::Char('d'))), None);
    let b = map
        .bindings(Mode::Home)
        .iter()
        .find(|b| b.action == Action::Drill)
        .unwrap();
    assert_eq!(b.shown, "D/Ctrl-D");
    // Other modes keep their own keys.
    assert_eq!(
        map.resolve(Mode::List, key(K::Char('d'))),
        Some(Action::Drill)
    );
}

#[test]
fn a_remap_takes_its_key_from_the_action_that_had_it() {
    let (map, problems) = Keymap::with_remaps(&[remap("list", "drill-all", &["d"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.resolve(Mode::List, key(K::Char('d'))),
        Some(Action::DrillAll)
    );
    let drill = map
        .bindings(Mode::List)
        .iter()
        .find(|b| b.action == Action::Drill)
        .unwrap();
    assert!(drill.keys.is_empty());
}

#[test]
fn drill_remaps_carry_into_the_mock_drill() {
    let (map, _) = Keymap::with_remaps(&[remap("drill", "pause", &["P"])]);
    assert_eq!(
        map.resolve(Mode::MockDrill, key(K::Char('P'))),
        Some(Action::Pause)
    );
    let (map, _) = Keymap::with_remaps(&[
        remap("drill", "pause", &["P"]),
        remap("mock-drill", "pause", &["z"]),
    ]);
    assert_eq!(
        map.resolve(Mode::MockDrill, key(K::Char('z'))),
        Some(Action::Pause)
    );
    assert_eq!(
        map.resolve(Mode::Drill, key(K::Char('P'))),
        Some(Action::Pause)
    );
}

#[test]
fn remaps_that_cannot_apply_are_reported_and_the_rest_still_apply() {
    let (map, problems) = Keymap::with_remaps(&[
        remap("hom", "drill", &["x"]),
        remap("home", "fly", &["x"]),
        remap("home", "pause", &["x"]),
        remap("home", "drill", &["ctrl-?"]),
        remap("home", "drill", &["meta-q"]),
        remap("home", "stats", &["?"]),
        remap("rubric", "toggle-item", &["x"]),
        remap("home", "mock", &["M"]),
    ]);
    assert_eq!(problems.len(), 7, "{problems:#?}");
    assert!(problems[0].starts_with("config.toml:3:1: there is no key table `hom`"));
    assert!(problems[1].contains("`fly` is not an action"));
    assert!(problems[2].contains("`pause` is not an action of [keys.home]"));
    assert!(problems[3].contains("only letters can be used with ctrl-"));
    assert!(problems[4].contains("unknown key `meta-q`"));
    assert!(problems[5].contains("already means `help` everywhere"));
    assert!(problems[6].contains("cannot be remapped"));
    assert_eq!(
        map.resolve(Mode::Home, key(K::Char('M'))),
        Some(Action::Mock)
    );
}

#[test]
fn keys_read_as_written_and_print_back() {
    for (text, shown) in [
        ("j", "j"),
        ("G", "G"),
        ("ctrl-k", "Ctrl-K"),
        ("Enter", "Enter"),
        ("shift-tab", "Shift-Tab"),
        ("space", "space"),
        ("f5", "F5"),
        ("pagedown", "PgDn"),
    ] {
        let k = Key::parse(text).unwrap();
        assert_eq!(k.shown(), shown, "{text}");
        assert_eq!(Key::parse(&k.config_name().unwrap()).unwrap(), k);
    }
    let bad = Key::parse("\u{1b}[31m").unwrap_err();
    assert!(!bad.contains('\u{1b}'), "{bad}");
}

#[test]
fn esc_on_home_does_not_quit_but_q_does() {
    let map = Keymap::default();
    assert_eq!(map.resolve(Mode::Home, key(K::Esc)), None);
    assert_eq!(
        map.resolve(Mode::Home, key(K::Char('q'))),
        Some(Action::Quit)
    );
}

#[test]
fn the_readme_names_every_key_table() {
    let readme = include_str!("../../README.md");
    let at = readme
        .find("**`[keys.<mode>]`**")
        .expect("the README's key tables paragraph");
    let para = &readme[at..at + readme[at..].find("\n\n").unwrap_or(readme.len() - at)];
    for mode in Mode::ALL {
        assert!(
            para.contains(&format!("`{}`", mode.name())),
            "README's [keys.<mode>] list lacks `{}`",
            mode.name()
        );
    }
}

#[test]
fn every_mode_has_keys_and_a_way_back() {
    let keys = Keymap::default();
    for &mode in Mode::ALL {
        let binds = keys.bindings(mode);
        assert!(!binds.is_empty(), "{} has no key table", mode.name());
        let out = binds.iter().chain(keys.global()).any(|b| {
            matches!(
                b.action,
                Action::Back | Action::Quit | Action::Open | Action::Save
            )
        });
        assert!(out, "{} has no key that leaves it", mode.name());
    }
}
