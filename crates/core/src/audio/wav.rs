//! WAV bytes to frame energies. 16-bit PCM (what prep records) is read straight from the data
//! chunk; other sample formats go through `hound`'s sample reader. A file cut short (a recorder
//! killed before it wrote its header's sizes) is read as far as it goes.

use hound::{SampleFormat, WavReader};
use std::io::Cursor;

/// Mean square energy per frame (samples scaled to -1..1), the frame length and the file length.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Energy {
    pub frames: Vec<f64>,
    pub frame_secs: f64,
    pub seconds: f64,
}

/// Why a recording could not be analysed, in plain words.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("not a WAV file prep can read ({0})")]
    NotWav(String),
    #[error("the WAV file has no sound in it")]
    Empty,
}

/// Decode WAV bytes into frame energies; never panics.
pub fn decode(bytes: &[u8]) -> Result<Energy, AudioError> {
    let reader =
        WavReader::new(Cursor::new(bytes)).map_err(|e| AudioError::NotWav(e.to_string()))?;
    let spec = reader.spec();
    let channels = usize::from(spec.channels.max(1));
    let rate = f64::from(spec.sample_rate);
    if spec.sample_rate == 0 || spec.sample_rate > 1_000_000 {
        return Err(AudioError::NotWav(format!(
            "a sample rate of {} Hz",
            spec.sample_rate
        )));
    }
    let frame_len = ((rate * super::FRAME_SECS).round() as usize).max(1) * channels;
    let mut acc = Accumulator::new(frame_len);
    if spec.sample_format == SampleFormat::Int && spec.bits_per_sample == 16 {
        let declared = reader.len() as usize * 2;
        let start = reader.into_inner().position() as usize;
        let data = bytes.get(start..).unwrap_or(&[]);
        // A streaming recorder may leave the size as 0 or "unknown"; then the rest is the data.
        let take = if declared == 0 || declared > data.len() {
            data.len()
        } else {
            declared
        };
        for pair in data[..take].chunks_exact(2) {
            let s = f64::from(i16::from_le_bytes([pair[0], pair[1]])) / 32768.0;
            acc.push(s * s);
        }
    } else {
        let bits = u32::from(spec.bits_per_sample.clamp(1, 32));
        let scale = 2f64.powi(bits as i32 - 1);
        match spec.sample_format {
            SampleFormat::Float => {
                for s in reader.into_samples::<f32>().map_while(Result::ok) {
                    let s = f64::from(s);
                    acc.push(if s.is_finite() { s * s } else { 0.0 });
                }
            }
            SampleFormat::Int => {
                for s in reader.into_samples::<i32>().map_while(Result::ok) {
                    let s = f64::from(s) / scale;
                    acc.push(s * s);
                }
            }
        }
    }
    let samples = acc.count;
    let frames = acc.finish();
    if frames.is_empty() {
        return Err(AudioError::Empty);
    }
    Ok(Energy {
        frames,
        frame_secs: (frame_len / channels) as f64 / rate,
        seconds: (samples / channels) as f64 / rate,
    })
}

struct Accumulator {
    frame_len: usize,
    sum: f64,
    n: usize,
    count: usize,
    frames: Vec<f64>,
}

impl Accumulator {
    fn new(frame_len: usize) -> Self {
        Accumulator {
            frame_len,
            sum: 0.0,
            n: 0,
            count: 0,
            frames: Vec::new(),
        }
    }

    #[inline]
    fn push(&mut self, sq: f64) {
        self.sum += sq;
        self.n += 1;
        self.count += 1;
        if self.n == self.frame_len {
            self.frames.push(self.sum / self.n as f64);
            self.sum = 0.0;
            self.n = 0;
        }
    }

    fn finish(mut self) -> Vec<f64> {
        if self.n > 0 {
            self.frames.push(self.sum / self.n as f64);
        }
        self.frames
    }
}
