//! Recordings of answers: what the audio says about the delivery (speaking time, pauses, time to
//! the first word, per STAR part), found by energy with no speech-to-text ([`analyse`]); what a
//! transcript says ([`transcript`]); and the outside recorder, player and transcriber, started
//! and stopped like `$EDITOR` ([`commands`], [`process`]).

pub mod commands;
pub mod files;
pub mod process;
pub mod transcript;
pub mod trend;
mod wav;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use wav::{AudioError, Energy, decode};

/// Frames this long are classed speech or silence.
pub const FRAME_SECS: f64 = 0.02;
/// A silence this long or longer is a pause.
pub const PAUSE_SECS: f64 = 2.0;
/// Gaps shorter than this inside speech (between words) count as speech.
const BRIDGE_SECS: f64 = 0.3;
/// Sound shorter than this (a click, a knock) is not speech.
const MIN_SPEECH_SECS: f64 = 0.06;
/// Below this RMS (about -50 dBFS) nothing is speech, however quiet the room.
const ABS_MIN_RMS: f64 = 0.003;

/// The STAR parts a behavioural answer walks through, in order.
pub const STAR_PARTS: [&str; 5] = ["Situation", "Task", "Action", "Result", "Lesson"];

/// What the audio alone says about an answer. Seconds, to a tenth.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AudioFigures {
    /// The length of the recording.
    pub seconds: f64,
    /// Time spent talking (short gaps between words count as talking).
    pub speaking: f64,
    /// Silences of [`PAUSE_SECS`] or more between words.
    pub pauses: u32,
    pub longest_pause: f64,
    /// Seconds from the start of the recording to the first word; `None`: no speech found.
    pub first_word: Option<f64>,
}

/// One marked STAR part: its name, the seconds from its mark to the next, and (with a recording)
/// the seconds spoken in it and (with a transcript) its words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartTime {
    pub part: String,
    pub secs: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaking: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<u32>,
}

/// Everything measured about how an answer was delivered; saved in the attempt as `delivery`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    /// STAR parts as marked while speaking (empty when none were marked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<AudioFigures>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech: Option<transcript::SpeechFigures>,
}

impl Delivery {
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty() && self.audio.is_none() && self.speech.is_none()
    }

    /// The Action's share of the marked time, 0-100 (`None` without marks or time).
    pub fn action_percent(&self) -> Option<u32> {
        action_percent(&self.parts)
    }
}

/// The Action's share of the time across `parts`, spoken time when known, 0-100.
pub fn action_percent(parts: &[PartTime]) -> Option<u32> {
    let time = |p: &PartTime| p.speaking.unwrap_or(p.secs);
    let total: f64 = parts.iter().map(time).sum();
    let action: f64 = parts.iter().filter(|p| p.part == "Action").map(time).sum();
    (total > 0.0 && !parts.is_empty()).then(|| (action * 100.0 / total).round() as u32)
}

/// The recording that an attempt names: its file (in `<data>/recordings/`) and whether it was
/// cut short (the recorder died, the disk filled).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordingRef {
    pub file: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
}

/// Stretches of speech in a recording, in seconds from its start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Speech {
    pub segments: Vec<(f64, f64)>,
    pub seconds: f64,
}

/// Round to a tenth of a second.
pub fn tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Find speech in WAV bytes. Never panics, whatever the bytes.
pub fn analyse(bytes: &[u8]) -> Result<Speech, AudioError> {
    Ok(speech(&decode(bytes)?))
}

/// Class each frame as speech or silence by its energy against the room's floor and the
/// answer's loud parts, bridge the gaps between words, drop clicks.
pub fn speech(e: &Energy) -> Speech {
    let rms: Vec<f64> = e.frames.iter().map(|m| m.max(0.0).sqrt()).collect();
    let seconds = e.seconds;
    if rms.is_empty() || e.frame_secs <= 0.0 {
        return Speech {
            segments: Vec::new(),
            seconds,
        };
    }
    let mut sorted = rms.clone();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q) as usize];
    let threshold = ABS_MIN_RMS.max(at(0.1) * 3.0).max(at(0.95) * 0.05);
    let fs = e.frame_secs;
    let mut raw: Vec<(f64, f64)> = Vec::new();
    let mut start = None;
    for (i, &r) in rms.iter().enumerate() {
        match (r >= threshold, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                raw.push((s as f64 * fs, i as f64 * fs));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        raw.push((s as f64 * fs, (rms.len() as f64 * fs).min(seconds.max(0.0))));
    }
    let mut bridged: Vec<(f64, f64)> = Vec::new();
    for seg in raw {
        match bridged.last_mut() {
            Some(last) if seg.0 - last.1 < BRIDGE_SECS => last.1 = seg.1,
            _ => bridged.push(seg),
        }
    }
    bridged.retain(|(a, b)| b - a >= MIN_SPEECH_SECS);
    Speech {
        segments: bridged,
        seconds,
    }
}

impl Speech {
    pub fn figures(&self) -> AudioFigures {
        let speaking: f64 = self.segments.iter().map(|(a, b)| b - a).sum();
        let gaps: Vec<f64> = self.segments.windows(2).map(|w| w[1].0 - w[0].1).collect();
        let pauses: Vec<f64> = gaps.into_iter().filter(|g| *g >= PAUSE_SECS).collect();
        AudioFigures {
            seconds: tenth(self.seconds),
            speaking: tenth(speaking),
            pauses: pauses.len() as u32,
            longest_pause: tenth(pauses.iter().copied().fold(0.0, f64::max)),
            first_word: self.segments.first().map(|s| tenth(s.0)),
        }
    }

    /// Seconds of speech between `from` and `to` (seconds from the start).
    pub fn speaking_between(&self, from: f64, to: f64) -> f64 {
        self.segments
            .iter()
            .map(|&(a, b)| (b.min(to) - a.max(from)).max(0.0))
            .sum()
    }
}

/// The STAR parts from their marks: `marks` are (part, seconds from the start of the answer),
/// in order; each runs to the next mark or to `end`. With `speech` (and the recording starting
/// `offset` seconds into the answer), the spoken seconds of each part too.
pub fn parts(marks: &[(String, f64)], end: f64, speech: Option<(&Speech, f64)>) -> Vec<PartTime> {
    marks
        .iter()
        .enumerate()
        .map(|(i, (part, from))| {
            let to = marks.get(i + 1).map_or(end, |m| m.1).max(*from);
            PartTime {
                part: part.clone(),
                secs: tenth(to - from),
                speaking: speech.map(|(s, off)| tenth(s.speaking_between(from - off, to - off))),
                words: None,
            }
        })
        .collect()
}
