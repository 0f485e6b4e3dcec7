//! The settings file, `<config dir>/prep/config.toml`: written by the user, only ever read by prep.
//!
//! [`load`] never fails and never panics. It returns the settings together with every problem it
//! found, each printed as `file:line:column: message`. A bad value costs only its own setting:
//! the file is parsed to a plain TOML table first and each key is then read on its own, so one
//! typo does not throw away the rest of the file. Only a file that is not TOML at all (or cannot
//! be read) falls back to the defaults as a whole.
//!
//! Key remaps are kept as written, with the position of every name, because only the TUI knows
//! which modes, actions and keys exist; it checks them and reports with those positions.

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod file;
mod read;
mod show;
#[cfg(test)]
mod tests;
mod text;

pub use file::{default_path, find_path, load};
pub use read::parse;
use read::pos_at;
pub use show::{remaps_toml, toml_key, toml_string};
use text::{and_list, example, quoted, shorten};
pub use text::{fill, placeholders, printable};

/// Files larger than this are refused (a settings file is a few hundred bytes).
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The file name inside prep's config folder.
pub const FILE_NAME: &str = "config.toml";

/// Placeholders each command template may use, by setting.
pub const RECORD_PLACEHOLDERS: &[&str] = &["wav"];
pub const PLAY_PLACEHOLDERS: &[&str] = &["wav"];
pub const TRANSCRIBE_PLACEHOLDERS: &[&str] = &["wav", "txt"];
pub const GRADER_PLACEHOLDERS: &[&str] = &["prompt", "txt", "wav"];

const TOP_KEYS: &[&str] = &["theme", "keys", "audio", "grader"];
const AUDIO_KEYS: &[&str] = &[
    "record",
    "play",
    "transcribe",
    "record_every_drill",
    "transcribe_timeout",
];
const GRADER_KEYS: &[&str] = &["command"];

/// Every setting, each with its default (see [`Config::default`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `theme`: colours for a light or dark terminal background.
    pub theme: ThemeChoice,
    /// `[keys.<mode>]` tables, in file order, names unchecked.
    pub keys: Vec<KeyRemap>,
    /// `[audio]`: recorder, player and speech-to-text commands.
    pub audio: Audio,
    /// `[grader]`: an outside program that grades an answer.
    pub grader: Grader,
}

/// `theme = "auto" | "light" | "dark"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Work out the terminal's background (dark when it cannot be told).
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The name as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// `[audio]` command templates; `None` means "look for a default on PATH when needed".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Audio {
    /// Records from the microphone into `{wav}`.
    pub record: Option<String>,
    /// Plays `{wav}` back.
    pub play: Option<String>,
    /// Turns `{wav}` into text, written to `{txt}` (or printed, if the template has no `{txt}`).
    pub transcribe: Option<String>,
    /// `record_every_drill = true`: every drill starts recording (R still stops it).
    pub record_every_drill: bool,
    /// `transcribe_timeout = N`: a transcriber gets N times the recording's length, at least
    /// 5 s; `None` means the default, [`DEFAULT_TRANSCRIBE_TIMEOUT`].
    pub transcribe_timeout: Option<u32>,
}

/// A transcriber gets this many times the recording's length before it is stopped.
pub const DEFAULT_TRANSCRIBE_TIMEOUT: u32 = 10;

/// `[grader]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grader {
    /// Grades an answer: `{prompt}` is the question, `{txt}` the transcript, `{wav}` the audio.
    pub command: Option<String>,
}

/// A line and a column in the file, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The start of the file, for problems with the file as a whole.
    pub const START: Pos = Pos { line: 1, column: 1 };
}

/// A name exactly as the file wrote it, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub text: String,
    pub pos: Pos,
}

/// One `<action> = "key"` or `<action> = ["key", ...]` line of a `[keys.<mode>]` table.
///
/// An empty list is kept as written (the TUI decides what it means).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRemap {
    pub mode: Located,
    pub action: Located,
    pub keys: Vec<Located>,
}

/// One problem with the settings file, printed as `file:line:column: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub pos: Pos,
    /// Plain words; anything quoted from the file has its control characters escaped.
    pub message: String,
}

impl Problem {
    pub fn new(file: &Path, pos: Pos, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            pos,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            printable(&self.file.display().to_string()),
            self.pos.line,
            self.pos.column,
            self.message
        )
    }
}

/// What [`load`] found: the settings to use and what was wrong with the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<Problem>,
}

/// How [`find_path`] chose the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathOrigin {
    /// `PREP_CONFIG` names the file.
    EnvFile,
    /// `PREP_CONFIG_DIR` names prep's config folder (the one holding `bank/`).
    EnvDir,
    /// The platform's config folder.
    Platform,
}

impl fmt::Display for PathOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathOrigin::EnvFile => "set by PREP_CONFIG",
            PathOrigin::EnvDir => "in the folder PREP_CONFIG_DIR names",
            PathOrigin::Platform => "in the platform's config folder",
        })
    }
}
