//! `prep recordings list | play ID | transcribe [ID | --all] | prune --older-than 90d`: the
//! recordings in `<data>/recordings/`, from the shell. The recordings never leave the machine;
//! these commands only read, play, transcribe or delete them there.

use super::{Cli, Format};
use clap::Subcommand;
use prep_core::audio::commands::{self, Role};
use prep_core::audio::{files, process, transcript};
use std::path::Path;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum RecordingsCommand {
    /// Every recording, oldest first, with its length, question and transcript
    List {
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Play a recording through the player (Ctrl-C stops it)
    Play {
        /// The recording's id (its attempt's id; `prep recordings list` shows them)
        id: String,
    },
    /// Transcribe a recording (or every one without a transcript) with the transcriber
    Transcribe {
        id: Option<String>,
        /// Every recording that has no transcript yet
        #[arg(long, conflicts_with = "id")]
        all: bool,
        #[arg(long, value_enum, default_value_t = Format::Plain)]
        format: Format,
    },
    /// Delete recordings (and their transcripts) older than a time span
    Prune {
        /// Like 90d, 12w or 48h
        #[arg(long, value_parser = parse_age)]
        older_than: i64,
        /// Say what would go, delete nothing
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_age(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = n
        .parse()
        .map_err(|_| "write it like 90d, 12w or 48h".to_string())?;
    let scale = match unit {
        "d" => 86_400,
        "w" => 7 * 86_400,
        "h" => 3600,
        _ => return Err("write it like 90d, 12w or 48h".into()),
    };
    Ok(n.saturating_mul(scale))
}

pub fn run(w: &mut String, cli: &Cli, command: &RecordingsCommand) -> ExitCode {
    let Some(data) = super::data_dir(cli) else {
        eprintln!("prep: no data folder could be found; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    let audio = &super::settings().1.config.audio;
    match command {
        RecordingsCommand::List { format } => list(w, cli, &data, *format),
        RecordingsCommand::Play { id } => play(audio, &data, id),
        RecordingsCommand::Transcribe { id, all, format } => {
            transcribe(w, audio, &data, id.as_deref(), *all, *format)
        }
        RecordingsCommand::Prune {
            older_than,
            dry_run,
        } => prune(w, &data, *older_than, *dry_run),
    }
}

fn list(w: &mut String, cli: &Cli, data: &Path, format: Format) -> ExitCode {
    let attempts = super::read_log(cli, " (skipped)")
        .map(|(_, r)| r.attempts)
        .unwrap_or_default();
    let rows: Vec<serde_json::Value> = files::list(data)
        .into_iter()
        .map(|s| {
            let file = format!("{}.wav", s.id);
            let a = attempts
                .iter()
                .find(|a| a.recording.as_ref().is_some_and(|r| r.file == file));
            let seconds = std::fs::read(&s.wav)
                .ok()
                .and_then(|b| prep_core::audio::analyse(&b).ok())
                .map(|sp| prep_core::audio::tenth(sp.seconds));
            serde_json::json!({
                "id": s.id, "file": s.wav, "bytes": s.bytes, "modified": s.modified,
                "seconds": seconds, "question": a.map(|a| a.question.clone()),
                "incomplete": a.and_then(|a| a.recording.as_ref()).is_some_and(|r| r.incomplete),
                "transcript": s.transcript,
            })
        })
        .collect();
    if format == Format::Json {
        outln!(w, "{}", serde_json::Value::Array(rows));
        return ExitCode::SUCCESS;
    }
    if rows.is_empty() {
        outln!(w, "No recordings in {}", files::dir(data).display());
        return ExitCode::SUCCESS;
    }
    for r in &rows {
        let secs = r["seconds"]
            .as_f64()
            .map_or("unreadable".to_string(), |s| format!("{s:.1} s"));
        let q = r["question"].as_str().unwrap_or("(not saved)");
        let t = if r["transcript"].is_null() {
            ""
        } else {
            " · transcript"
        };
        let inc = if r["incomplete"] == true {
            " · incomplete"
        } else {
            ""
        };
        outln!(
            w,
            "{}  {secs:>9}  {q}{t}{inc}",
            r["id"].as_str().unwrap_or("")
        );
    }
    ExitCode::SUCCESS
}

fn path_env() -> Option<std::ffi::OsString> {
    std::env::var_os("PATH")
}

fn play(audio: &prep_core::config::Audio, data: &Path, id: &str) -> ExitCode {
    let wav = files::wav(data, id);
    if !wav.exists() {
        eprintln!(
            "prep: no recording `{id}` in {}; `prep recordings list` shows them",
            files::dir(data).display()
        );
        return ExitCode::from(1);
    }
    let cmd = match commands::choose(
        audio,
        Role::Play,
        &wav,
        &files::txt(data, id),
        path_env().as_deref(),
    ) {
        Ok(c) => c,
        Err(m) => {
            eprintln!("prep: cannot play: {m}");
            return ExitCode::from(1);
        }
    };
    stop_children_on_signals();
    let log = files::log(data);
    let mut child = match process::spawn(&cmd, Some(&log), None, None) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("prep: could not start `{}`: {e}", cmd.shown());
            return ExitCode::from(1);
        }
    };
    eprintln!("prep: playing {} (Ctrl-C stops)", wav.display());
    loop {
        if let Some(how) = child.wait_for(std::time::Duration::from_secs(3600)) {
            if how.success() {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "prep: the player ended with {how}; its messages are in {}",
                log.display()
            );
            return ExitCode::from(1);
        }
    }
}

/// Ctrl-C, SIGTERM or SIGHUP while a child plays or transcribes: stop it, then exit.
fn stop_children_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    process::stop_all();
                    std::process::exit(128 + sig);
                }
            });
        }
    }
}

fn transcribe(
    w: &mut String,
    audio: &prep_core::config::Audio,
    data: &Path,
    id: Option<&str>,
    all: bool,
    format: Format,
) -> ExitCode {
    let todo: Vec<String> = match (id, all) {
        (Some(id), _) => vec![id.to_string()],
        (None, true) => files::list(data)
            .into_iter()
            .filter(|s| s.transcript.is_none())
            .map(|s| s.id)
            .collect(),
        (None, false) => {
            eprintln!("prep: name a recording (`prep recordings list` shows them) or pass --all");
            return ExitCode::from(2);
        }
    };
    stop_children_on_signals();
    let mut out = Vec::new();
    let mut failed = false;
    for id in todo {
        let (wav, txt) = (files::wav(data, &id), files::txt(data, &id));
        let Ok(bytes) = std::fs::read(&wav) else {
            eprintln!(
                "prep: no recording `{id}` in {}",
                files::dir(data).display()
            );
            failed = true;
            continue;
        };
        let seconds = prep_core::audio::analyse(&bytes).map_or(0.0, |s| s.seconds);
        let cmd = match commands::choose(audio, Role::Transcribe, &wav, &txt, path_env().as_deref())
        {
            Ok(c) => c,
            Err(m) => {
                eprintln!("prep: cannot transcribe: {m}");
                return ExitCode::from(1);
            }
        };
        let limit = process::transcribe_limit(audio, seconds);
        match process::transcribe(&cmd, &txt, Some(&files::log(data)), limit) {
            Ok(text) => {
                let f = transcript::figures(&text, seconds, &mut []);
                if format == Format::Plain {
                    outln!(
                        w,
                        "{id}: {} words, {} a minute, \"I\" {} / \"we\" {}, fillers {} (approximate), hedges {} -> {}",
                        f.words,
                        f.wpm,
                        f.i_count,
                        f.we_count,
                        f.fillers,
                        f.hedges,
                        txt.display()
                    );
                }
                out.push(
                    serde_json::json!({"id": id, "transcript": txt, "text": text, "figures": f}),
                );
            }
            Err(e) => {
                eprintln!("prep: {id}: {e}");
                failed = true;
            }
        }
    }
    if format == Format::Json {
        outln!(w, "{}", serde_json::Value::Array(out));
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn prune(w: &mut String, data: &Path, older_than: i64, dry_run: bool) -> ExitCode {
    let now = prep_core::clock::now_unix();
    let old = files::older_than(data, older_than, now);
    let mut failed = false;
    for s in &old {
        if dry_run {
            outln!(w, "would remove {}", s.wav.display());
            continue;
        }
        let gone = std::fs::remove_file(&s.wav)
            .and_then(|()| s.transcript.as_ref().map_or(Ok(()), std::fs::remove_file));
        match gone {
            Ok(()) => outln!(w, "removed {}", s.wav.display()),
            Err(e) => {
                eprintln!("prep: cannot remove {}: {e}", s.wav.display());
                failed = true;
            }
        }
    }
    if old.is_empty() {
        outln!(w, "No recordings older than that");
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
