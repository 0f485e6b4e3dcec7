//! `prep doctor`: what prep would use here and why: the recorder, player and transcriber, the
//! settings file and the data folder, and what the terminal supports. Exits 0 when prep can run
//! (a missing recorder only means answers are not recorded).

use super::{Cli, Format};
use prep_core::audio::commands::{self, Role};
use prep_core::audio::files;
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, format: Format) -> ExitCode {
    let (file, loaded) = super::settings();
    let data = super::data_dir(cli);
    let path = std::env::var_os("PATH");
    let probe = data.clone().unwrap_or_else(|| "data".into());
    let (wav, txt) = (files::wav(&probe, "ID"), files::txt(&probe, "ID"));
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for role in [Role::Record, Role::Play, Role::Transcribe] {
        let (what, why) =
            match commands::choose(&loaded.config.audio, role, &wav, &txt, path.as_deref()) {
                Ok(c) => (c.shown(), c.why),
                Err(m) if role == Role::Transcribe => ("none (optional)".to_string(), m.0),
                Err(m) => ("none".to_string(), m.0),
            };
        rows.push((role.name().to_string(), what, why));
    }
    let config_state = match std::fs::metadata(file) {
        Ok(m) if m.is_dir() => "a folder, not a file: defaults apply".to_string(),
        Ok(_) if loaded.problems.is_empty() => "read, no problems".to_string(),
        Ok(_) => format!(
            "read, {} problem(s): `prep config show` lists them",
            loaded.problems.len()
        ),
        Err(_) => "not there: every setting has its default".to_string(),
    };
    rows.push(("config".into(), file.display().to_string(), config_state));
    let mut ok = true;
    match &data {
        Some(d) => {
            let n = files::list(d).len();
            let state = if d.is_dir() {
                format!("{n} recording(s) in {}", files::dir(d).display())
            } else {
                "not created yet: the first save makes it".into()
            };
            rows.push(("data".into(), d.display().to_string(), state));
        }
        None => {
            ok = false;
            rows.push((
                "data".into(),
                "none".into(),
                "no data folder could be found; pass --data-dir DIR".into(),
            ));
        }
    }
    let term = std::env::var("TERM").unwrap_or_default();
    let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let colour = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        "NO_COLOR set: no colour"
    } else if std::env::var("COLORTERM").is_ok_and(|v| v == "truecolor" || v == "24bit") {
        "24-bit colour"
    } else if term.contains("256color") {
        "256 colours"
    } else {
        "basic colours"
    };
    let term_state = match (term.as_str(), tty) {
        ("dumb", _) => "TERM=dumb: the interactive app will not start; commands work".to_string(),
        (_, false) => format!("not a terminal here (the app needs one); {colour}"),
        _ => format!("a terminal; {colour}, mouse, alternate screen"),
    };
    let shown_term = if term.is_empty() {
        "(TERM not set)".to_string()
    } else {
        format!("TERM={term}")
    };
    rows.push(("terminal".into(), shown_term, term_state));
    match super::load_bank(cli) {
        Ok(b) => rows.push((
            "bank".into(),
            format!("{} questions", b.questions.len()),
            "loads".into(),
        )),
        Err(_) => {
            ok = false;
            rows.push((
                "bank".into(),
                "broken".into(),
                "`prep validate` lists the problems".into(),
            ));
        }
    }
    if format == Format::Json {
        let v: Vec<_> = rows
            .iter()
            .map(|(k, what, why)| serde_json::json!({"check": k, "uses": what, "why": why}))
            .collect();
        outln!(w, "{}", serde_json::json!({"ok": ok, "checks": v}));
    } else {
        for (k, what, why) in &rows {
            outln!(w, "{k:<12} {what}");
            outln!(w, "{:<12} {why}", "");
        }
        outln!(
            w,
            "{}",
            if ok {
                "prep can run here."
            } else {
                "prep cannot run here yet (see above)."
            }
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
