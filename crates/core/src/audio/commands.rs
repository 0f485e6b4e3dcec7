//! Which outside program records, plays or transcribes, and with what arguments: the config's
//! template (`{wav}`, `{txt}`), run through `sh -c` with the paths quoted, or else the first
//! default found on PATH, with arguments for 16 kHz mono 16-bit WAV (what speech-to-text wants).

use crate::config::{Audio, fill};
use std::path::{Path, PathBuf};

/// What a command is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Record,
    Play,
    Transcribe,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Record => "recorder",
            Role::Play => "player",
            Role::Transcribe => "transcriber",
        }
    }

    pub fn setting(self) -> &'static str {
        match self {
            Role::Record => "record",
            Role::Play => "play",
            Role::Transcribe => "transcribe",
        }
    }
}

/// Default recorders, in the order they are looked for: program, then arguments (`{wav}` is the
/// output file).
pub const RECORDERS: &[(&str, &[&str])] = &[
    (
        "pw-record",
        &[
            "--rate",
            "16000",
            "--channels",
            "1",
            "--format",
            "s16",
            "{wav}",
        ],
    ),
    (
        "parecord",
        &[
            "--rate=16000",
            "--channels=1",
            "--format=s16le",
            "--file-format=wav",
            "{wav}",
        ],
    ),
    (
        "arecord",
        &[
            "-q", "-f", "S16_LE", "-r", "16000", "-c", "1", "-t", "wav", "{wav}",
        ],
    ),
    (
        "rec",
        &["-q", "-r", "16000", "-c", "1", "-b", "16", "{wav}"],
    ),
    (
        "ffmpeg",
        &[
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-f",
            FFMPEG_INPUT,
            "-i",
            FFMPEG_DEVICE,
            "-ac",
            "1",
            "-ar",
            "16000",
            "-c:a",
            "pcm_s16le",
            "{wav}",
        ],
    ),
];

#[cfg(target_os = "macos")]
const FFMPEG_INPUT: &str = "avfoundation";
#[cfg(target_os = "macos")]
const FFMPEG_DEVICE: &str = ":0";
#[cfg(not(target_os = "macos"))]
const FFMPEG_INPUT: &str = "pulse";
#[cfg(not(target_os = "macos"))]
const FFMPEG_DEVICE: &str = "default";

/// Default players, in the order they are looked for.
pub const PLAYERS: &[(&str, &[&str])] = &[
    ("pw-play", &["{wav}"]),
    ("paplay", &["{wav}"]),
    ("aplay", &["-q", "{wav}"]),
    ("play", &["-q", "{wav}"]),
    (
        "ffplay",
        &["-nodisp", "-autoexit", "-loglevel", "error", "{wav}"],
    ),
    ("afplay", &["{wav}"]),
];

/// A command ready to run, and why it was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub program: String,
    pub args: Vec<String>,
    /// "from [audio] record in the config", "pw-record, found on PATH at /usr/bin/pw-record".
    pub why: String,
    /// Writes the transcript to stdout (a transcribe template without `{txt}`).
    pub prints: bool,
}

impl Command {
    /// The command as a user would type it (for messages and `prep doctor`).
    pub fn shown(&self) -> String {
        if self.program == "sh" && self.args.first().is_some_and(|a| a == "-c") {
            return self.args.get(1).cloned().unwrap_or_default();
        }
        std::iter::once(self.program.clone())
            .chain(self.args.iter().map(|a| quote(a)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Nothing to run: why, and what to install or set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing(pub String);

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Quote `s` for `sh` when it needs it.
pub fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+,@%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The first file named `program` on `path` (a PATH value) that can be run.
pub fn find_on_path(program: &str, path: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

fn template(audio: &Audio, role: Role) -> Option<&str> {
    match role {
        Role::Record => audio.record.as_deref(),
        Role::Play => audio.play.as_deref(),
        Role::Transcribe => audio.transcribe.as_deref(),
    }
}

/// The command for `role` on `wav` (and `txt`, the transcript to write), given the settings and
/// a PATH value.
pub fn choose(
    audio: &Audio,
    role: Role,
    wav: &Path,
    txt: &Path,
    path: Option<&std::ffi::OsStr>,
) -> Result<Command, Missing> {
    let (wav_s, txt_s) = (wav.display().to_string(), txt.display().to_string());
    if let Some(t) = template(audio, role) {
        let prints = role == Role::Transcribe
            && !crate::config::placeholders(t)
                .iter()
                .any(|(_, n)| *n == "txt");
        let line = fill(t, &[("wav", &quote(&wav_s)), ("txt", &quote(&txt_s))]);
        return Ok(Command {
            program: "sh".into(),
            args: vec!["-c".into(), line],
            why: format!("from [audio] {} in the config", role.setting()),
            prints,
        });
    }
    let list = match role {
        Role::Record => RECORDERS,
        Role::Play => PLAYERS,
        Role::Transcribe => {
            return Err(Missing(
                "no transcriber set: add `transcribe = \"...\"` under [audio] in the config (see the README's whisper.cpp recipe)".into(),
            ));
        }
    };
    for (program, args) in list {
        if let Some(found) = find_on_path(program, path) {
            return Ok(Command {
                program: found.display().to_string(),
                args: args
                    .iter()
                    .map(|a| {
                        if *a == "{wav}" {
                            wav_s.clone()
                        } else {
                            (*a).to_string()
                        }
                    })
                    .collect(),
                why: format!("{program}, the first of {} found on PATH", names(list)),
                prints: false,
            });
        }
    }
    let what = if role == Role::Record {
        "install one (PipeWire's pw-record, PulseAudio's parecord, ALSA's arecord, sox or ffmpeg)"
    } else {
        "install one (pw-play, paplay, aplay, sox's play, ffplay or afplay)"
    };
    Err(Missing(format!(
        "no {} found: none of {} is on PATH; {what} or set `{} = \"...\"` under [audio] in the config",
        role.name(),
        names(list),
        role.setting()
    )))
}

fn names(list: &[(&str, &[&str])]) -> String {
    list.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")
}
