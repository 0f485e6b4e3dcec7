//! The drill's side of recording: the recorder started and stopped with `R` (or at the start
//! when the config records every drill), a recorder that dies reported and the drill carried on
//! unrecorded, STAR marks, and what the answer takes to the rubric when it ends.

use super::{AudioCtx, clock};
use crate::tui::app::Ctx;
use prep_core::audio::commands::Role;
use prep_core::audio::process::{self, Child, Event};
use prep_core::audio::{self as core_audio, Delivery, RecordingRef, STAR_PARTS};
use ratatui::text::Span;
use std::path::PathBuf;
use std::time::Instant;

/// A recorder running for this answer.
struct Rec {
    child: Child,
    wav: PathBuf,
    /// Seconds into the answer when it started.
    offset: f64,
}

/// The recording a drill made, once it stopped.
#[derive(Clone, Debug)]
struct Made {
    wav: PathBuf,
    offset: f64,
    incomplete: bool,
}

pub struct DrillAudio {
    /// The attempt id, chosen when the drill starts; the recording is named after it.
    pub id: String,
    /// When the answer started (STAR marks and the recording are timed from here).
    pub started: Instant,
    rec: Option<Rec>,
    made: Option<Made>,
    /// STAR marks (part index, when), for a behavioural question; `None` for other kinds.
    pub star: Option<Vec<(usize, Instant)>>,
    /// A message for the status line, shown on the next update or tick.
    note: Option<(String, bool)>,
}

impl DrillAudio {
    /// The audio side of a new answer; records at once when the config says every drill.
    pub fn new(ctx: &Ctx, behavioral: bool) -> Self {
        let id = prep_core::storage::new_attempt_id(ctx.now_unix);
        let mut a = DrillAudio {
            id,
            started: ctx.now,
            rec: None,
            made: None,
            star: behavioral.then(|| vec![(0, ctx.now)]),
            note: None,
        };
        if ctx.audio.settings.record_every_drill {
            a.start(&ctx.audio, ctx.now);
        }
        a
    }

    pub fn recording(&self) -> bool {
        self.rec.is_some()
    }

    /// Seconds recorded so far.
    pub fn rec_secs(&self, now: Instant) -> Option<f64> {
        self.rec
            .as_ref()
            .map(|r| now.saturating_duration_since(self.started).as_secs_f64() - r.offset)
    }

    fn start(&mut self, audio: &AudioCtx, now: Instant) {
        let cmd = match audio.command(Role::Record, &self.id) {
            Ok(c) => c,
            Err(m) => {
                self.note = Some((format!("Not recording: {m}"), true));
                return;
            }
        };
        let Some(wav) = audio.wav(&self.id) else {
            return;
        };
        if let Some(data) = &audio.data_dir
            && let Err(e) = prep_core::audio::files::ensure_dir(data)
        {
            self.note = Some((
                format!("Not recording: cannot make the recordings folder: {e}"),
                true,
            ));
            return;
        }
        let log = audio.log();
        match process::spawn(&cmd, log.as_deref(), None, audio.notify.clone()) {
            Ok(child) => {
                self.rec = Some(Rec {
                    child,
                    wav,
                    offset: now.saturating_duration_since(self.started).as_secs_f64(),
                });
                self.note = Some(("Recording: R stops it".into(), false));
            }
            Err(e) => {
                self.note = Some((
                    format!(
                        "Not recording: could not start `{}`: {e}; set `record = \"...\"` under [audio] in the config",
                        cmd.shown()
                    ),
                    true,
                ))
            }
        }
    }

    fn stop(&mut self) {
        if let Some(mut r) = self.rec.take() {
            // How a recorder ends when told to stop varies by program; only one that stopped by
            // itself (see `event`) or left no readable file makes the recording incomplete.
            let _ = r.child.stop(process::GRACE);
            self.made = Some(Made {
                wav: r.wav,
                offset: r.offset,
                incomplete: false,
            });
        }
    }

    /// `R`: start or stop recording.
    pub fn toggle(&mut self, ctx: &mut Ctx) {
        if self.rec.is_some() {
            self.stop();
            ctx.info("Recording stopped; R records again (over this one)");
        } else {
            self.start(&ctx.audio, ctx.now);
        }
        self.flush(ctx);
    }

    /// The next STAR part (Situation → Task → Action → Result → Lesson).
    pub fn next_part(&mut self, ctx: &mut Ctx) {
        let Some(marks) = &mut self.star else {
            ctx.info("STAR parts are marked on behavioural questions");
            return;
        };
        let next = marks.last().map_or(0, |m| m.0 + 1);
        if next < STAR_PARTS.len() {
            marks.push((next, ctx.now));
            ctx.info(format!("Now: {}", STAR_PARTS[next]));
        } else {
            ctx.info("Lesson is the last part");
        }
    }

    /// Show a waiting message on the status line.
    pub fn flush(&mut self, ctx: &mut Ctx) {
        match self.note.take() {
            Some((text, true)) => ctx.error(text),
            Some((text, false)) => ctx.info(text),
            None => {}
        }
    }

    /// A child ended: if it was this drill's recorder, say so and go on unrecorded.
    pub fn event(&mut self, ctx: &mut Ctx, ev: &Event) {
        let Event::Exited { pid, how } = ev else {
            return;
        };
        if self.rec.as_ref().is_none_or(|r| r.child.pid != *pid) {
            return;
        }
        let secs = self.rec_secs(ctx.now).unwrap_or(0.0);
        self.stop();
        if let Some(m) = &mut self.made {
            m.incomplete = true;
        }
        ctx.error(format!(
            "The recorder stopped by itself ({how}) after {}; the drill goes on unrecorded{} (check the microphone, or set `record = \"...\"` under [audio])",
            clock(secs),
            ctx.audio.log_note()
        ));
    }

    /// The answer is over: stop the recorder and measure what there is. Returns the recording
    /// the attempt names (marked incomplete when the recorder died or the file cannot be read)
    /// and the delivery figures.
    pub fn finish(&mut self, now: Instant) -> (Option<RecordingRef>, Option<Delivery>) {
        self.stop();
        let end = now.saturating_duration_since(self.started).as_secs_f64();
        let marks: Vec<(String, f64)> = self
            .star
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .map(|(p, at)| {
                let secs = at.saturating_duration_since(self.started).as_secs_f64();
                (STAR_PARTS[*p].to_string(), secs)
            })
            .collect();
        let marked = marks.len() > 1;
        let mut delivery = Delivery::default();
        let mut recording = None;
        let mut speech = None;
        if let Some(m) = self.made.clone() {
            let file = m.wav.file_name().map(|f| f.to_string_lossy().into_owned());
            let analysed = std::fs::read(&m.wav)
                .map_err(|e| e.to_string())
                .and_then(|b| core_audio::analyse(&b).map_err(|e| e.to_string()));
            if let Ok(s) = analysed {
                delivery.audio = Some(s.figures());
                speech = Some((s, m.offset));
            }
            if let Some(file) = file.filter(|_| m.wav.exists()) {
                recording = Some(RecordingRef {
                    file,
                    incomplete: m.incomplete || speech.is_none(),
                });
            }
        }
        if marked {
            delivery.parts =
                core_audio::parts(&marks, end, speech.as_ref().map(|(s, off)| (s, *off)));
        }
        (recording, (!delivery.is_empty()).then_some(delivery))
    }

    /// "● REC 0:42" and the STAR part, for the drill's top line.
    pub fn badges(&self, ctx: &Ctx) -> Vec<Span<'static>> {
        let t = ctx.theme;
        let mut out = Vec::new();
        if let Some(secs) = self.rec_secs(ctx.now) {
            out.push(Span::raw("  "));
            out.push(Span::styled(format!("● REC {}", clock(secs)), t.bad()));
        }
        if let Some(marks) = &self.star {
            let p = marks.last().map_or(0, |m| m.0);
            out.push(Span::styled(
                format!("  STAR: {} ({}/5)", STAR_PARTS[p], p + 1),
                t.key(),
            ));
            // The key that moves on, as the key table (with the user's remaps) has it.
            let key = ctx
                .keys
                .bindings(crate::keymap::Mode::Drill)
                .iter()
                .find(|b| b.action == crate::keymap::Action::NextPart)
                .map(|b| b.shown.clone());
            if let Some(key) = key.filter(|_| p + 1 < STAR_PARTS.len()) {
                out.push(Span::styled(format!(" · {key} next"), t.dim()));
            }
        }
        out
    }
}
