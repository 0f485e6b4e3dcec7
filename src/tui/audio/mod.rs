//! Recording answers in the TUI: the recorder on the drill (`R`, or every drill when the config
//! says so), STAR marks while speaking, and on the rubric the delivery figures, the player (`P`)
//! and the transcript arriving in the background. The programs and the figures are the core's
//! (`prep_core::audio`); this is the glue between them and the screens. Their events (a child
//! ended, a transcript is ready) arrive on the app's one channel.

pub mod drill;
pub mod rubric;
#[cfg(test)]
mod tests;

pub use drill::DrillAudio;
pub use rubric::RubricAudio;

use prep_core::audio::commands::{self, Command, Missing, Role};
use prep_core::audio::process::Notify;
use prep_core::config::Audio;
use std::path::{Path, PathBuf};

/// What every screen needs to record, play and transcribe.
#[derive(Default)]
pub struct AudioCtx {
    pub settings: Audio,
    /// The data folder (`None`: nothing can be recorded, since nothing is saved).
    pub data_dir: Option<PathBuf>,
    /// Where background events go: the app's channel (`None` in tests that drive no loop).
    pub notify: Option<Notify>,
    /// PATH as prep started with it, where default programs are looked for.
    pub path: Option<std::ffi::OsString>,
}

impl AudioCtx {
    pub fn new(settings: Audio, data_dir: Option<PathBuf>) -> Self {
        AudioCtx {
            settings,
            data_dir,
            notify: None,
            path: std::env::var_os("PATH"),
        }
    }

    /// The command for `role` on the recording `id`.
    pub fn command(&self, role: Role, id: &str) -> Result<Command, Missing> {
        let Some(data) = &self.data_dir else {
            return Err(Missing(
                "there is no data folder to keep recordings in (see --data-dir)".into(),
            ));
        };
        let (wav, txt) = (
            prep_core::audio::files::wav(data, id),
            prep_core::audio::files::txt(data, id),
        );
        commands::choose(&self.settings, role, &wav, &txt, self.path.as_deref())
    }

    pub fn wav(&self, id: &str) -> Option<PathBuf> {
        self.data_dir
            .as_deref()
            .map(|d| prep_core::audio::files::wav(d, id))
    }

    pub fn log(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(prep_core::audio::files::log)
    }

    fn log_note(&self) -> String {
        self.log().map_or(String::new(), |l| {
            format!("; its messages are in {}", shown(&l))
        })
    }
}

/// A path for the status line, with the home folder as `~`.
pub fn shown(p: &Path) -> String {
    let s = p.display().to_string();
    match std::env::var("HOME") {
        Ok(h) if !h.is_empty() && s.starts_with(&h) => format!("~{}", &s[h.len()..]),
        _ => s,
    }
}

/// `m:ss` for seconds (the REC badge, the player).
pub fn clock(secs: f64) -> String {
    prep_core::practice::format_clock(secs.max(0.0) as i64)
}

/// `4.2 s` under a minute, `m:ss` above (the delivery figures).
pub fn span(secs: f64) -> String {
    if secs < 59.95 {
        format!("{:.1} s", secs.max(0.0))
    } else {
        clock(secs.round())
    }
}
