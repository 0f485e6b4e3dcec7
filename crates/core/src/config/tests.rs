use super::*;
use proptest::prelude::*;

fn read(text: &str) -> Loaded {
    parse(Path::new("config.toml"), text)
}

/// The problems as the user sees them.
fn lines(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(ToString::to_string).collect()
}

fn write(dir: &tempfile::TempDir, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, bytes).unwrap();
    path
}

const FULL: &str = r#"theme = "light"

[audio]
record = "arecord -q -f cd {wav}"
play = "aplay -q {wav}"
transcribe = "whisper-cli -f {wav} -otxt -of {txt}"

[grader]
command = "my-grader --question {prompt} {txt}"

[keys.drill]
pause = "P"
more-time = ["+", "="]

[keys.home]
search = "ctrl-f"
"#;

#[test]
fn defaults() {
    let c = Config::default();
    assert_eq!(c.theme, ThemeChoice::Auto);
    assert!(c.keys.is_empty());
    assert_eq!(c.audio, Audio::default());
    assert_eq!(c.audio.record, None);
    assert_eq!(c.audio.play, None);
    assert_eq!(c.audio.transcribe, None);
    assert_eq!(c.grader.command, None);
    for text in ["", "\n", "# only a comment\n", "\u{feff}"] {
        assert_eq!(read(text), Loaded::default(), "{text:?}");
    }
}

#[test]
fn missing_file_is_defaults_without_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load(&dir.path().join("config.toml")), Loaded::default());
    assert_eq!(
        load(&dir.path().join("no/such/folder/config.toml")),
        Loaded::default()
    );
}

#[test]
fn every_key_is_read() {
    let l = read(FULL);
    assert_eq!(lines(&l), Vec::<String>::new());
    let c = l.config;
    assert_eq!(c.theme, ThemeChoice::Light);
    assert_eq!(c.audio.record.as_deref(), Some("arecord -q -f cd {wav}"));
    assert_eq!(c.audio.play.as_deref(), Some("aplay -q {wav}"));
    assert_eq!(
        c.audio.transcribe.as_deref(),
        Some("whisper-cli -f {wav} -otxt -of {txt}")
    );
    assert_eq!(
        c.grader.command.as_deref(),
        Some("my-grader --question {prompt} {txt}")
    );
    let remaps: Vec<(&str, &str, Vec<&str>)> = c
        .keys
        .iter()
        .map(|r| {
            (
                r.mode.text.as_str(),
                r.action.text.as_str(),
                r.keys.iter().map(|k| k.text.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        remaps,
        vec![
            ("drill", "pause", vec!["P"]),
            ("drill", "more-time", vec!["+", "="]),
            ("home", "search", vec!["ctrl-f"]),
        ]
    );
    for (text, theme) in [("dark", ThemeChoice::Dark), ("auto", ThemeChoice::Auto)] {
        let l = read(&format!("theme = '{text}'"));
        assert_eq!((l.config.theme, l.problems.len()), (theme, 0));
    }
}

#[test]
fn inline_and_dotted_tables_read_the_same() {
    let l = read(
        "audio = { record = \"rec {wav}\" }\nkeys.drill.pause = \"P\"\ngrader.command = \"g {txt}\"\n",
    );
    assert!(l.problems.is_empty(), "{:?}", lines(&l));
    assert_eq!(l.config.audio.record.as_deref(), Some("rec {wav}"));
    assert_eq!(l.config.grader.command.as_deref(), Some("g {txt}"));
    assert_eq!(l.config.keys.len(), 1);
    assert_eq!(l.config.keys[0].keys[0].text, "P");
}

/// Each bad value is its own problem, at its own place, and everything else still applies.
#[test]
fn bad_values_are_problems_and_the_rest_applies() {
    let cases: &[(&str, &str)] = &[
        (
            "theme = 3",
            "config.toml:1:9: theme must be one of auto, light, dark; found 3",
        ),
        (
            "theme = \"blue\"",
            "config.toml:1:9: theme must be one of auto, light, dark; found \"blue\"",
        ),
        (
            "theme = \"Dark\"",
            "config.toml:1:9: theme must be one of auto, light, dark; found \"Dark\"",
        ),
        (
            "theme = true",
            "config.toml:1:9: theme must be one of auto, light, dark; found true",
        ),
        (
            "theme = [\"dark\"]",
            "config.toml:1:9: theme must be one of auto, light, dark; found a list",
        ),
        (
            "colour = \"dark\"",
            "config.toml:1:1: unknown setting `colour`; the ones prep knows are theme, keys, audio, grader",
        ),
        (
            "[sound]\nrecord = \"x\"",
            "config.toml:1:2: unknown setting `sound`; the ones prep knows are theme, keys, audio, grader",
        ),
        (
            "audio = \"sox\"",
            "config.toml:1:9: audio must be a table, written [audio] on a line of its own with record, play, transcribe, record_every_drill, transcribe_timeout under it; found \"sox\"",
        ),
        (
            "[audio]\nrecrod = \"rec {wav}\"",
            "config.toml:2:1: unknown audio setting `recrod`; the ones prep knows are record, play, transcribe, record_every_drill, transcribe_timeout",
        ),
        (
            "[audio]\nplay = 3",
            "config.toml:2:8: audio.play must be a command in quotes, like \"my-command {wav}\"; found 3",
        ),
        (
            "[audio]\ntranscribe = [\"a\", \"b\"]",
            "config.toml:2:14: audio.transcribe must be a command in quotes, like \"my-command {wav} {txt}\"; found a list",
        ),
        (
            "[audio]\nrecord = \"  \"",
            "config.toml:2:10: audio.record is empty; delete the line to let prep find a default on PATH",
        ),
        (
            "[grader]\ncmd = \"g\"",
            "config.toml:2:1: unknown grader setting `cmd`; the ones prep knows are command",
        ),
        (
            "[grader]\ncommand = { program = \"g\" }",
            "config.toml:2:11: grader.command must be a command in quotes, like \"my-command {prompt} {txt} {wav}\"; found a table",
        ),
        (
            "keys = \"vim\"",
            "config.toml:1:8: keys must hold tables like [keys.drill] with lines like pause = \"P\"; found \"vim\"",
        ),
        (
            "[keys]\ndrill = \"P\"",
            "config.toml:2:9: keys.drill must be a table of actions, like [keys.drill] with lines like pause = \"P\"; found \"P\"",
        ),
        (
            "[keys.drill]\npause = 1",
            "config.toml:2:9: keys.drill.pause must be a key in quotes, like \"P\" or \"ctrl-s\", or a list of them; found 1",
        ),
        (
            "[keys.drill]\npause = \"\"",
            "config.toml:2:9: keys.drill.pause has an empty key; write the key's name, like \"P\"",
        ),
    ];
    for (bad, want) in cases {
        let l = read(&format!("{bad}\n"));
        assert_eq!(lines(&l), vec![want.to_string()], "{bad}");
        // After a good setting (one line, so the positions move down by one): it still applies.
        let (good, applied): (&str, fn(&Config) -> bool) = if bad.contains("grader") {
            ("audio.play = \"aplay {wav}\"", |c| {
                c.audio.play.as_deref() == Some("aplay {wav}")
            })
        } else {
            ("grader.command = \"g {prompt}\"", |c| {
                c.grader.command.as_deref() == Some("g {prompt}")
            })
        };
        let l = read(&format!("{good}\n{bad}\n"));
        let line: u32 = want["config.toml:".len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let moved = want.replacen(
            &format!("config.toml:{line}:"),
            &format!("config.toml:{}:", line + 1),
            1,
        );
        assert_eq!(lines(&l), vec![moved], "{good}\n{bad}");
        assert!(applied(&l.config), "{good}\n{bad}: {:?}", l.config);
    }
}

#[test]
fn one_bad_setting_leaves_the_others_applied() {
    let text = "theme = 3\n[audio]\nrecord = \"rec {wav}\"\nplay = 4\ntranscribe = \"stt {wav} {txt}\"\n[grader]\ncommand = \"g {prompt} {nope}\"\n[keys.drill]\npause = \"P\"\nquit = [\"q\", 7, \"Q\"]\n";
    let l = read(text);
    assert_eq!(
        lines(&l),
        vec![
            "config.toml:1:9: theme must be one of auto, light, dark; found 3",
            "config.toml:4:8: audio.play must be a command in quotes, like \"my-command {wav}\"; found 4",
            "config.toml:7:23: grader.command has the placeholder {nope}, which prep does not fill there; it may use {prompt}, {txt} and {wav} (write {{ or }} for a literal brace)",
            "config.toml:10:14: keys.drill.quit must be a key in quotes, like \"P\" or \"ctrl-s\", or a list of them; found 7",
        ]
    );
    let c = &l.config;
    assert_eq!(c.theme, ThemeChoice::Auto);
    assert_eq!(c.audio.record.as_deref(), Some("rec {wav}"));
    assert_eq!(c.audio.play, None);
    assert_eq!(c.audio.transcribe.as_deref(), Some("stt {wav} {txt}"));
    assert_eq!(c.grader.command, None);
    let quit = &c.keys[1];
    assert_eq!(quit.action.text, "quit");
    let keys: Vec<_> = quit.keys.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(keys, ["q", "Q"]);
}

#[test]
fn a_list_of_nothing_but_bad_keys_is_dropped_and_an_empty_list_kept() {
    let l = read("[keys.drill]\npause = [1, 2]\nbell = []\n");
    assert_eq!(l.problems.len(), 2);
    assert_eq!(l.config.keys.len(), 1);
    assert_eq!(l.config.keys[0].action.text, "bell");
    assert!(l.config.keys[0].keys.is_empty());
}

#[test]
fn syntax_error_gives_one_problem_at_its_place_and_the_defaults() {
    let l = read("theme = \"dark\"\n\n[audio\nrecord = \"x {wav}\"\n");
    assert_eq!(
        lines(&l),
        ["config.toml:3:7: this is not valid TOML: unclosed table, expected `]`"]
    );
    assert_eq!(l.config, Config::default());

    let l = read("theme = \"dark\"\ntheme = \"light\"\n");
    assert_eq!(
        lines(&l),
        ["config.toml:2:1: this is not valid TOML: duplicate key"]
    );
    assert_eq!(l.config, Config::default());

    // Columns count characters, not bytes.
    let l = read("# é\n\"é\" = é\n");
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].pos, Pos { line: 2, column: 7 });
}

#[test]
fn remaps_keep_names_as_written_with_their_positions() {
    let text = "[keys.drill]\n  Pause = \"P\"\nnot_an_action = [ \"x\",  \"ctrl-Y\" ]\n\n[keys.\"odd mode\"]\nquit = 'q'\n";
    let l = read(text);
    assert!(l.problems.is_empty(), "{:?}", lines(&l));
    let at = |line, column| Pos { line, column };
    let k = &l.config.keys;
    assert_eq!(k.len(), 3);
    assert_eq!(
        k[0].mode,
        Located {
            text: "drill".into(),
            pos: at(1, 7)
        }
    );
    assert_eq!(
        k[0].action,
        Located {
            text: "Pause".into(),
            pos: at(2, 3)
        }
    );
    assert_eq!(
        k[0].keys,
        [Located {
            text: "P".into(),
            pos: at(2, 11)
        }]
    );
    assert_eq!(k[1].mode.pos, at(1, 7));
    assert_eq!(k[1].action.text, "not_an_action");
    assert_eq!(k[1].action.pos, at(3, 1));
    assert_eq!(
        k[1].keys,
        [
            Located {
                text: "x".into(),
                pos: at(3, 19)
            },
            Located {
                text: "ctrl-Y".into(),
                pos: at(3, 25)
            },
        ]
    );
    assert_eq!(
        k[2].mode,
        Located {
            text: "odd mode".into(),
            pos: at(5, 7)
        }
    );
    assert_eq!(k[2].keys[0].pos, at(6, 8));
    // The TUI reports its own problems at these positions.
    let p = Problem::new(Path::new("config.toml"), k[1].action.pos, "no such action");
    assert_eq!(p.to_string(), "config.toml:3:1: no such action");
}

#[test]
fn placeholders_are_checked_per_setting() {
    // Every allowed one, and literal braces.
    let l = read(
        "[audio]\nrecord = \"sh -c 'rec {wav}; echo {{done}}'\"\nplay = \"awk '{ print }' {wav}\"\ntranscribe = \"stt {wav} > {txt}\"\n[grader]\ncommand = \"g {prompt} {txt} {wav}\"\n",
    );
    assert!(l.problems.is_empty(), "{:?}", lines(&l));
    let cases = [
        (
            "[audio]\nrecord = \"rec {txt}\"",
            "config.toml:2:15: audio.record has the placeholder {txt}, which prep does not fill there; it may use {wav} (write {{ or }} for a literal brace)",
        ),
        (
            "[audio]\nplay = 'play {WAV}'",
            "config.toml:2:14: audio.play has the placeholder {WAV}, which prep does not fill there; it may use {wav} (write {{ or }} for a literal brace)",
        ),
        (
            "[audio]\ntranscribe = \"stt {prompt}\"",
            "config.toml:2:19: audio.transcribe has the placeholder {prompt}, which prep does not fill there; it may use {wav} and {txt} (write {{ or }} for a literal brace)",
        ),
        (
            // With an escape in the string the column falls back to the string's start.
            "[grader]\ncommand = \"g\\t{question}\"",
            "config.toml:2:11: grader.command has the placeholder {question}, which prep does not fill there; it may use {prompt}, {txt} and {wav} (write {{ or }} for a literal brace)",
        ),
    ];
    for (text, want) in cases {
        let l = read(text);
        assert_eq!(lines(&l), [want], "{text}");
        assert_eq!(l.config.audio, Audio::default());
        assert_eq!(l.config.grader, Grader::default());
    }
    // Two bad ones are two problems.
    assert_eq!(read("[audio]\nrecord = \"{a} {b}\"").problems.len(), 2);
}

#[test]
fn templates_split_and_fill() {
    let t = "rec {wav} {{literal}} {x-y} { wav } {} {txt}}";
    assert_eq!(placeholders(t), [(4, "wav"), (39, "txt")]);
    assert_eq!(
        fill(t, &[("wav", "/tmp/a b.wav"), ("txt", "T")]),
        "rec /tmp/a b.wav {literal} {x-y} { wav } {} T}"
    );
    assert_eq!(fill("{unknown} {wav}", &[("wav", "w")]), "{unknown} w");
    assert_eq!(fill("é{wav}ü", &[("wav", "—")]), "é—ü");
    assert!(placeholders("{").is_empty());
    assert_eq!(fill("}{", &[]), "}{");
}

#[test]
fn not_utf8_is_a_problem_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, b"theme = \"dark\"\n# caf\xe9\n");
    let l = load(&path);
    assert_eq!(l.config, Config::default());
    assert_eq!(
        lines(&l),
        [format!(
            "{}:2:6: the file is not UTF-8 text (the byte here is not valid UTF-8); save it as UTF-8",
            path.display()
        )]
    );
}

#[test]
fn too_large_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = b"theme = \"dark\"\n".to_vec();
    big.resize(MAX_BYTES as usize + 1, b'\n');
    let path = write(&dir, &big);
    let l = load(&path);
    assert_eq!(l.config, Config::default());
    assert_eq!(
        lines(&l),
        [format!(
            "{}:1:1: the file is 1048577 bytes, over the 1 MiB limit; a settings file needs a few lines",
            path.display()
        )]
    );
    // Exactly the limit is fine.
    big.truncate(MAX_BYTES as usize);
    let path = write(&dir, &big);
    let l = load(&path);
    assert!(l.problems.is_empty());
    assert_eq!(l.config.theme, ThemeChoice::Dark);
}

#[test]
fn a_folder_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let l = load(dir.path());
    assert_eq!(l.config, Config::default());
    assert_eq!(
        lines(&l),
        [format!(
            "{}:1:1: this is a folder; the settings file must be a file",
            dir.path().display()
        )]
    );
}

#[cfg(unix)]
#[test]
fn unreadable_is_a_problem() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, b"theme = \"dark\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop reading, nothing to test.
        return;
    }
    let l = load(&path);
    assert_eq!(l.config, Config::default());
    assert_eq!(
        lines(&l),
        [format!(
            "{}:1:1: prep is not allowed to read this file (permission denied)",
            path.display()
        )]
    );
}

#[cfg(unix)]
#[test]
fn a_path_through_a_file_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, b"");
    let l = load(&path.join("config.toml"));
    assert_eq!(l.problems.len(), 1);
    assert_eq!(
        l.problems[0].message,
        "part of this path is a file, not a folder"
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let l = read(
        "theme = \"\\u001b[2J\\u0007\\u202e\"\n\"\\u001b]0;x\\u0007\" = 1\n[keys.\"\\u001b\"]\nx = 1\n",
    );
    let shown = lines(&l).join("\n");
    assert_eq!(l.problems.len(), 3, "{shown}");
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown:?}"
    );
    assert!(!shown.contains('\u{202e}'));
    assert!(shown.contains("\\u{1b}[2J\\u{7}\\u{202e}"), "{shown}");
    // Paths too.
    let p = Problem::new(Path::new("a\u{1b}b.toml"), Pos::START, "m");
    assert_eq!(p.to_string(), "a\\u{1b}b.toml:1:1: m");
    // Long values are cut.
    let long = "x".repeat(500);
    let l = read(&format!("theme = \"{long}\""));
    assert!(
        l.problems[0].message.len() < 150,
        "{}",
        l.problems[0].message
    );
    assert!(l.problems[0].message.ends_with("…\""));
}

#[test]
fn to_toml_shows_defaults_and_reads_back_the_same() {
    let shown = Config::default().to_toml();
    assert!(shown.contains("theme = \"auto\"  # default\n"), "{shown}");
    for key in ["record", "play", "transcribe", "command"] {
        let line = shown
            .lines()
            .find(|l| l.starts_with(&format!("# {key} = ")))
            .unwrap_or_else(|| panic!("no {key} in {shown}"));
        assert!(
            line.ends_with("# not set: found on PATH when needed"),
            "{line}"
        );
    }
    assert!(!shown.contains("[keys"));
    let back = read(&shown);
    assert!(back.problems.is_empty(), "{:?}", lines(&back));
    assert_eq!(back.config, Config::default());

    // Everything set, with strings that need escaping.
    let mut c = read(FULL).config;
    c.audio.play = Some("play \"quoted\" \\ back\tslash {wav}".into());
    let shown = c.to_toml() + &remaps_toml(&c.keys);
    assert!(shown.contains("theme = \"light\"\n"), "{shown}");
    assert!(!shown.contains("not set"), "{shown}");
    let back = read(&shown);
    assert!(back.problems.is_empty(), "{:?}\n{shown}", lines(&back));
    let strip = |c: &Config| {
        let mut c = c.clone();
        for r in &mut c.keys {
            r.mode.pos = Pos::START;
            r.action.pos = Pos::START;
            r.keys.iter_mut().for_each(|k| k.pos = Pos::START);
        }
        c
    };
    assert_eq!(strip(&back.config), strip(&c));
}

#[test]
fn remaps_toml_quotes_names_that_need_it() {
    let l = read(
        "[keys.\"odd mode\"]\n\"a.b\" = [\"\\\"\", \"\\\\\"]\nquit = 'q'\n[keys.drill]\nbell = []\n",
    );
    assert!(l.problems.is_empty(), "{:?}", lines(&l));
    let shown = remaps_toml(&l.config.keys);
    assert_eq!(
        shown,
        "\n[keys.\"odd mode\"]\n\"a.b\" = [\"\\\"\", \"\\\\\"]\nquit = \"q\"\n\n[keys.drill]\nbell = []\n"
    );
    assert_eq!(read(&shown).config.keys.len(), 3);
}

#[test]
fn toml_string_escapes() {
    assert_eq!(toml_string("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\u0001é\"");
    assert_eq!(toml_key("ok-key_1"), "ok-key_1");
    assert_eq!(toml_key(""), "\"\"");
    assert_eq!(toml_key("é"), "\"é\"");
}

fn tomlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("theme".to_string()),
        Just("[audio]".to_string()),
        Just("[keys.drill]".to_string()),
        Just("[[keys]]".to_string()),
        Just("record".to_string()),
        Just("command".to_string()),
        Just(" = ".to_string()),
        Just("\"{wav}\"".to_string()),
        Just("'{txt}{{'".to_string()),
        Just("[\"a\", 1]".to_string()),
        Just("{ a = 1 }".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just(".".to_string()),
        Just("\u{feff}".to_string()),
        Just("1979-05-27T00:00:00Z".to_string()),
        "[a-z{}\\[\\]=\"' .,\n\u{1b}é]{0,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, &bytes);
        let l = load(&path);
        for p in &l.problems {
            let s = p.to_string();
            prop_assert!(!s.chars().any(char::is_control), "{s:?}");
        }
    }

    #[test]
    fn tomlish_text_never_panics(text in tomlish()) {
        let l = read(&text);
        for p in &l.problems {
            let s = p.to_string();
            prop_assert!(!s.chars().any(char::is_control), "{s:?}");
            prop_assert!(p.pos.line >= 1 && p.pos.column >= 1);
        }
        let shown = l.config.to_toml() + &remaps_toml(&l.config.keys);
        let back = read(&shown);
        prop_assert!(back.problems.is_empty(), "{:?}\n{}", lines(&back), shown);
    }

    #[test]
    fn fill_never_panics(t in "[{}a-z_é ]{0,30}") {
        let _ = fill(&t, &[("a", "x")]);
        let _ = placeholders(&t);
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for text in [
        format!("theme = {}", "[".repeat(200_000)),
        format!("theme = {}1{}", "[".repeat(5_000), "]".repeat(5_000)),
        format!("keys = {}", "{ a = ".repeat(100_000)),
        format!("[{}]", "a.".repeat(100_000) + "b"),
    ] {
        let l = read(&text);
        assert!(l.problems.len() <= 1);
    }
}

#[test]
fn record_every_drill_and_transcribe_timeout_are_read_and_checked() {
    let r = read("[audio]\nrecord_every_drill = true\ntranscribe_timeout = 3\n");
    assert!(r.problems.is_empty(), "{:?}", lines(&r));
    assert!(r.config.audio.record_every_drill);
    assert_eq!(r.config.audio.transcribe_timeout, Some(3));
    let r = read("[audio]\nrecord_every_drill = \"yes\"\ntranscribe_timeout = 0\n");
    assert_eq!(
        lines(&r),
        vec![
            "config.toml:2:22: audio.record_every_drill must be true or false; found \"yes\"",
            "config.toml:3:22: audio.transcribe_timeout must be a whole number from 1 to 1000 (times the recording's length); found 0",
        ]
    );
    assert!(!r.config.audio.record_every_drill);
}
