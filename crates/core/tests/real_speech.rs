//! Real speech: espeak-ng (a Debian package; `.ci/run` installs it) speaks three sentences, and
//! the test lays them out with silences of known length between them. The delivery figures must
//! match the known layout within 0.3 s. Without espeak-ng the test says so and passes, except on
//! CI (`CI` set), where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::audio;
use std::process::Command;

const SENTENCES: [&str; 3] = [
    "I proposed that every change to the payment service get a design review",
    "The team pushed back hard on the extra step",
    "So I kept the review for risky changes and dropped it for the rest",
];

/// One sentence as 16-bit samples, with the silence espeak puts around it cut off (anything
/// quieter than about -56 dBFS at either end), and its rate.
fn speak(text: &str, dir: &std::path::Path, n: usize) -> Option<(Vec<i16>, u32)> {
    let path = dir.join(format!("s{n}.wav"));
    let ok = Command::new("espeak-ng")
        .args(["-s", "160", "-w"])
        .arg(&path)
        .arg(text)
        .status()
        .ok()?
        .success();
    assert!(ok, "espeak-ng failed on {text:?}");
    let mut r = hound::WavReader::open(&path).unwrap();
    let rate = r.spec().sample_rate;
    let s: Vec<i16> = r.samples::<i16>().map(Result::unwrap).collect();
    let loud = |x: &i16| x.unsigned_abs() > 50;
    let a = s.iter().position(loud).unwrap();
    let b = s.iter().rposition(loud).unwrap();
    Some((s[a..=b].to_vec(), rate))
}

#[test]
fn espeak_speech_with_known_pauses_gives_known_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut clips = Vec::new();
    for (i, t) in SENTENCES.iter().enumerate() {
        match speak(t, dir.path(), i) {
            Some(c) => clips.push(c),
            None => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "espeak-ng is not installed (apt-get install espeak-ng)"
                );
                eprintln!("espeak-ng is not installed: skipping the real-speech test");
                return;
            }
        }
    }
    let rate = clips[0].1;
    let silence = |secs: f64| vec![0i16; (secs * f64::from(rate)) as usize];
    // 1.5 s before the first word, then 2.5 s and 3.2 s between the sentences, 1 s after.
    let gaps = [1.5, 2.5, 3.2];
    let mut all = Vec::new();
    for (gap, (clip, _)) in gaps.iter().zip(&clips) {
        all.extend(silence(*gap));
        all.extend_from_slice(clip);
    }
    all.extend(silence(1.0));
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut out, spec).unwrap();
    for s in &all {
        w.write_sample(*s).unwrap();
    }
    w.finalize().unwrap();

    let f = audio::analyse(&out.into_inner()).unwrap().figures();
    let spoken: f64 = clips
        .iter()
        .map(|(c, _)| c.len() as f64 / f64::from(rate))
        .sum();
    let near = |found: f64, want: f64, what: &str| {
        assert!(
            (found - want).abs() <= 0.3,
            "{what}: found {found}, want {want} within 0.3 s ({f:?})"
        );
    };
    eprintln!("espeak-ng layout: spoken {spoken:.2} s; found {f:?}");
    near(f.first_word.unwrap(), 1.5, "time to the first word");
    near(f.speaking, spoken, "speaking time");
    assert_eq!(f.pauses, 2, "{f:?}");
    near(f.longest_pause, 3.2, "longest pause");
    near(f.seconds, all.len() as f64 / f64::from(rate), "length");
}
