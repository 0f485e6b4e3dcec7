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

/// The Stats screen's delivery line: the latest recorded answers against the ones before, or
/// `None` when nothing was recorded or marked yet.
pub fn stats_line(ctx: &crate::tui::app::Ctx) -> Option<ratatui::text::Line<'static>> {
    let tr = prep_core::audio::trend::trend(&ctx.attempts);
    let recent = tr.recent?;
    let earlier = tr.earlier;
    let fig = |now: Option<f64>, before: Option<f64>, unit: &str, digits: usize| {
        now.map(|v| {
            let was = before.map_or(String::new(), |b| format!(" (was {b:.digits$})"));
            format!("{v:.digits$}{unit}{was}")
        })
    };
    let e = |f: fn(&prep_core::audio::trend::Point) -> Option<f64>| earlier.as_ref().and_then(f);
    let parts: Vec<String> = [
        fig(
            recent.speaking_percent,
            e(|p| p.speaking_percent),
            "% speaking",
            0,
        ),
        fig(
            recent.pauses_per_minute,
            e(|p| p.pauses_per_minute),
            " pauses/min",
            1,
        ),
        fig(
            recent.first_word,
            e(|p| p.first_word),
            " s to first word",
            1,
        ),
        fig(
            recent.action_percent,
            e(|p| p.action_percent),
            "% Action (aim 60)",
            0,
        ),
        fig(recent.wpm, e(|p| p.wpm), " wpm", 0),
    ]
    .into_iter()
    .flatten()
    .collect();
    let n = tr.points.len().min(prep_core::audio::trend::WINDOW);
    Some(ratatui::text::Line::styled(
        format!("delivery, last {n}: {}", parts.join(" · ")),
        ctx.theme.dim(),
    ))
}
