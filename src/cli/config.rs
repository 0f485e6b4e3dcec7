//! `prep config path` and `prep config show`: where the settings file is, and what prep makes of
//! it. Neither ever writes the file; it belongs to the user.

use super::Cli;
use clap::Subcommand;
use prep_core::config::{self, Config};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print where the settings file is (env PREP_CONFIG names another file)
    Path,
    /// Print the settings prep uses, defaults included, as TOML; problems go to stderr
    Show,
}

pub fn run(w: &mut String, _cli: &Cli, command: &ConfigCommand) -> ExitCode {
    match command {
        ConfigCommand::Path => path(w),
        ConfigCommand::Show => show(w),
    }
}

fn no_path() -> ExitCode {
    eprintln!(
        "prep: no config folder could be found (no home folder?); set PREP_CONFIG to a file path"
    );
    ExitCode::from(1)
}

fn path(w: &mut String) -> ExitCode {
    let Some((path, origin)) = config::find_path() else {
        return no_path();
    };
    outln!(w, "{}", path.display());
    let state = match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => "is a folder, not a file; prep uses its defaults",
        Ok(_) => "exists",
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "does not exist yet; prep uses its defaults (create it to change a setting)"
        }
        Err(_) => "cannot be read; `prep config show` says why",
    };
    eprintln!("prep: the settings file ({origin}) {state}");
    ExitCode::SUCCESS
}

fn show(w: &mut String) -> ExitCode {
    let Some((path, origin)) = config::find_path() else {
        return no_path();
    };
    let loaded = config::load(&path);
    let shown = config::printable(&path.display().to_string());
    let exists = path.exists();
    outln!(
        w,
        "# The settings prep uses. \"# default\" marks prep's own values."
    );
    if exists {
        outln!(w, "# Read from {shown} ({origin}).");
    } else {
        outln!(
            w,
            "# There is no file at {shown} ({origin}), so these are all defaults."
        );
    }
    outln!(
        w,
        "# prep never writes that file: copy the lines you want to change into it."
    );
    outln!(w);
    w.push_str(&loaded.config.to_toml());
    let (keys, key_problems) = keys_section(&path, &loaded.config);
    w.push_str(&keys);
    let mut problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    problems.extend(key_problems);
    if problems.is_empty() {
        return ExitCode::SUCCESS;
    }
    for p in &problems {
        eprintln!("{p}");
    }
    let n = problems.len();
    let s = if n == 1 { "" } else { "s" };
    eprintln!(
        "prep: {n} problem{s} in the settings file; prep uses the default for each setting with a problem"
    );
    ExitCode::from(1)
}

/// The `[keys.<mode>]` part of `prep config show`: every table with its keys as they stand
/// after the file's remaps, and what could not be remapped.
fn keys_section(file: &std::path::Path, config: &Config) -> (String, Vec<String>) {
    let (map, problems) = crate::keymap::Keymap::from_config(file, config);
    let mut out = String::from(
        "\n# Keys: a [keys.<mode>] table per screen, each line <action> = [\"key\", ...]; the digit\n\
         # keys (toggle-item) and the mouse are fixed. Names: j, G, ?, ctrl-k, enter, esc, tab,\n\
         # shift-tab, space, backspace, up, down, left, right, home, end, pageup, pagedown, f1-f12.\n",
    );
    out.push_str(&map.to_toml());
    (out, problems)
}
