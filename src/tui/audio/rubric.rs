//! The rubric's side of a recording: `P` plays it (or stops it) with the time played shown, the
//! player stopped when the screen goes; the transcript made in the background ("transcribing…"
//! until it arrives); and the delivery figures and transcript for the compare pane.

use super::{AudioCtx, clock, span};
use crate::tui::app::Ctx;
use prep_core::audio::commands::Role;
use prep_core::audio::process::{self, Child, Event};
use prep_core::audio::{Delivery, action_percent, transcript};
use prep_core::practice::Answer;
use std::path::PathBuf;
use std::time::Duration;

/// Where the transcript is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transcript {
    /// No transcriber set, or nothing recorded.
    None,
    Running,
    Done(String),
    Failed(String),
}

pub struct RubricAudio {
    /// The recording's id (its file is `<id>.wav`).
    id: String,
    wav: Option<PathBuf>,
    player: Option<Child>,
    pub transcript: Transcript,
}

impl RubricAudio {
    /// The rubric for `answer` opens: with a recording and a transcriber set, transcribing starts
    /// in the background at once.
    pub fn new(ctx: &Ctx, answer: &Answer) -> Self {
        let wav = answer.recording.as_ref().and_then(|r| {
            ctx.audio
                .data_dir
                .as_deref()
                .map(|d| d.join("recordings").join(&r.file))
        });
        let id = wav
            .as_ref()
            .and_then(|w| w.file_stem())
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let mut a = RubricAudio {
            id,
            wav,
            player: None,
            transcript: Transcript::None,
        };
        let seconds = answer
            .delivery
            .as_ref()
            .and_then(|d| d.audio.as_ref())
            .map_or(0.0, |f| f.seconds);
        a.start_transcribing(&ctx.audio, seconds);
        a
    }

    fn start_transcribing(&mut self, audio: &AudioCtx, seconds: f64) {
        let (Some(wav), Some(notify)) = (self.wav.clone(), audio.notify.clone()) else {
            return;
        };
        if audio.settings.transcribe.is_none() {
            return;
        }
        let Ok(cmd) = audio.command(Role::Transcribe, &self.id) else {
            return;
        };
        let Some(txt) = audio
            .data_dir
            .as_deref()
            .map(|d| prep_core::audio::files::txt(d, &self.id))
        else {
            return;
        };
        let limit = process::transcribe_limit(&audio.settings, seconds);
        process::transcribe_in_background(cmd, wav, txt, audio.log(), limit, notify);
        self.transcript = Transcript::Running;
    }

    pub fn playing(&self) -> Option<f64> {
        self.player
            .as_ref()
            .map(|p| p.started.elapsed().as_secs_f64())
    }

    /// Is anything going on that the screen shows changing?
    pub fn busy(&self) -> bool {
        self.player.is_some() || self.transcript == Transcript::Running
    }

    /// `P`: play the recording, or stop it.
    pub fn toggle_play(&mut self, ctx: &mut Ctx) {
        if let Some(mut p) = self.player.take() {
            p.stop(Duration::from_millis(500));
            ctx.info("Stopped playing");
            return;
        }
        let Some(wav) = self.wav.clone().filter(|w| w.exists()) else {
            ctx.info("This answer was not recorded (R on the drill records)");
            return;
        };
        let cmd = match ctx.audio.command(Role::Play, &self.id) {
            Ok(c) => c,
            Err(m) => return ctx.error(format!("Cannot play: {m}")),
        };
        let log = ctx.audio.log();
        match process::spawn(&cmd, log.as_deref(), None, ctx.audio.notify.clone()) {
            Ok(child) => {
                self.player = Some(child);
                ctx.info(format!("Playing {}: P stops", super::shown(&wav)));
            }
            Err(e) => ctx.error(format!(
                "Cannot play: could not start `{}`: {e}",
                cmd.shown()
            )),
        }
    }

    /// A child ended or a transcript arrived. The answer gets the transcript's figures.
    pub fn event(&mut self, ctx: &mut Ctx, answer: &mut Answer, ev: &Event) {
        match ev {
            Event::Exited { pid, how } if self.player.as_ref().is_some_and(|p| p.pid == *pid) => {
                self.player = None;
                if how.success() {
                    ctx.info("Played to the end");
                } else {
                    ctx.error(format!(
                        "The player stopped with {how}{}",
                        ctx.audio.log_note()
                    ));
                }
            }
            Event::Transcribed { wav, result } if self.wav.as_ref() == Some(wav) => match result {
                Ok(text) => {
                    let d = answer.delivery.get_or_insert_with(Delivery::default);
                    let seconds = d.audio.as_ref().map_or(0.0, |a| a.seconds);
                    d.speech = Some(transcript::figures(text, seconds, &mut d.parts));
                    self.transcript = Transcript::Done(text.clone());
                }
                Err(e) => {
                    ctx.error(format!("No transcript: {e}"));
                    self.transcript = Transcript::Failed(e.clone());
                }
            },
            _ => {}
        }
    }

    /// " · ▶ 0:12" while playing, for the rubric's title.
    pub fn title(&self) -> String {
        self.playing()
            .map_or(String::new(), |s| format!("· ▶ {} (P stops) ", clock(s)))
    }

    /// The delivery figures and the transcript, as Markdown for the compare pane.
    pub fn markdown(&self, answer: &Answer) -> String {
        let mut md = String::new();
        let d = answer.delivery.clone().unwrap_or_default();
        if d.audio.is_none() && d.parts.is_empty() && self.transcript == Transcript::None {
            return md;
        }
        md.push_str("## Delivery\n\n");
        if let Some(r) = &answer.recording
            && r.incomplete
        {
            md.push_str("*The recording is incomplete (the recorder stopped early).*\n\n");
        }
        if let Some(a) = &d.audio {
            md.push_str(&format!(
                "- Spoke {} of {} recorded\n- First word after {:.1} s\n- {} pause{} of 2 s or more{}\n",
                span(a.speaking),
                span(a.seconds),
                a.first_word.unwrap_or(0.0),
                a.pauses,
                if a.pauses == 1 { "" } else { "s" },
                if a.pauses > 0 {
                    format!(" (longest {:.1} s)", a.longest_pause)
                } else {
                    String::new()
                }
            ));
        }
        if !d.parts.is_empty() {
            md.push_str("\n**Time per STAR part**\n\n");
            for p in &d.parts {
                let spoke = p
                    .speaking
                    .map_or(String::new(), |s| format!(", spoke {}", span(s)));
                let words = p.words.map_or(String::new(), |w| format!(", {w} words"));
                md.push_str(&format!("- {} {}{spoke}{words}\n", p.part, span(p.secs)));
            }
            if let Some(share) = action_percent(&d.parts) {
                md.push_str(&format!(
                    "\nAction: {share}% of the answer (aim for about 60%)\n"
                ));
            }
        }
        md.push('\n');
        match &self.transcript {
            Transcript::None => {}
            Transcript::Running => md.push_str("## Transcript\n\n*transcribing…*\n\n"),
            Transcript::Failed(e) => {
                md.push_str(&format!("## Transcript\n\n*No transcript: {e}*\n\n"))
            }
            Transcript::Done(text) => {
                md.push_str("## Transcript\n\n");
                if let Some(s) = &d.speech {
                    md.push_str(&format!(
                        "- {} words, {} a minute\n- \"I\" {} times, \"we\" {} times\n- Fillers: {} (approximate: many engines drop them)\n- Hedges: {}\n",
                        s.words, s.wpm, s.i_count, s.we_count, s.fillers, s.hedges
                    ));
                    for w in &s.star {
                        md.push_str(&format!("- STAR: {w}\n"));
                    }
                }
                md.push('\n');
                for line in text.lines() {
                    md.push_str(&format!("> {}\n", prep_core::doc::escape(line)));
                }
                md.push('\n');
            }
        }
        md
    }
}
