//! Delivery figures from a recording: a 3-minute 16 kHz mono 16-bit WAV (the recorder's
//! format), decoded and classed speech/silence. Goal: under 20 ms.

use prep_core::audio;

fn main() {
    divan::main();
}

/// Three minutes: 6 s of voice-like sound, then 2.5 s of room noise, over and over.
fn three_minutes() -> Vec<u8> {
    let rate = 16_000u32;
    let n = rate as usize * 180;
    let mut out = Vec::with_capacity(44 + n * 2);
    let data = (n * 2) as u32;
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    let mut seed = 1u32;
    for i in 0..n {
        let t = i as f64 / f64::from(rate);
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let noise = f64::from(seed >> 16) / 65_536.0 * 0.01 - 0.005;
        let voice = if t % 8.5 < 6.0 {
            0.3 * (t * 140.0 * std::f64::consts::TAU).sin()
        } else {
            0.0
        };
        let s = ((voice + noise) * 32_767.0) as i16;
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[divan::bench]
fn analyse_three_minutes(bencher: divan::Bencher) {
    let wav = three_minutes();
    bencher.bench(|| {
        let speech = audio::analyse(divan::black_box(&wav)).map(|s| s.figures());
        divan::black_box(speech)
    });
}
