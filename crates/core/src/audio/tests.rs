//! Recordings made here, with speech-like bursts and silences at known places.

use super::transcript::figures;
use super::*;
use proptest::prelude::*;

pub(crate) const RATE: u32 = 16_000;

/// A speech-like burst: a 140 Hz voice with harmonics, its loudness wobbling like syllables.
fn voice(t: f64) -> f64 {
    let f = 140.0 * std::f64::consts::TAU;
    let syllable = 0.6 + 0.4 * (t * 4.0 * std::f64::consts::TAU).sin().abs();
    syllable * 0.3 * ((f * t).sin() + 0.5 * (2.0 * f * t).sin() + 0.25 * (3.0 * f * t).sin())
}

/// `secs` of room noise (about -46 dBFS) with bursts of voice over `bursts` (start, end).
pub(crate) fn wav(secs: f64, bursts: &[(f64, f64)]) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut rng = crate::rng::Rng::new(7);
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut out, spec).unwrap();
    for i in 0..(secs * f64::from(RATE)) as usize {
        let t = i as f64 / f64::from(RATE);
        let noise = ((rng.next_u64() % 2001) as f64 / 1000.0 - 1.0) * 0.008;
        let speaking = bursts.iter().any(|&(a, b)| t >= a && t < b);
        let s = noise + if speaking { voice(t) } else { 0.0 };
        w.write_sample((s.clamp(-1.0, 1.0) * 32767.0) as i16)
            .unwrap();
    }
    w.finalize().unwrap();
    out.into_inner()
}

fn near(found: f64, want: f64, what: &str) {
    assert!(
        (found - want).abs() <= 0.2,
        "{what}: found {found}, want {want} (within 0.2 s)"
    );
}

const BURSTS: &[(f64, f64)] = &[(0.5, 3.0), (3.4, 6.0), (9.0, 12.0), (14.5, 15.0)];

#[test]
fn speaking_time_pauses_and_first_word_are_found_within_a_fifth_of_a_second() {
    let f = analyse(&wav(16.0, BURSTS)).unwrap().figures();
    near(f.seconds, 16.0, "length");
    near(f.speaking, 2.5 + 2.6 + 3.0 + 0.5, "speaking time");
    near(f.first_word.unwrap(), 0.5, "first word");
    assert_eq!(
        f.pauses, 2,
        "the 3 s and 2.5 s silences; the 0.4 s one is not a pause"
    );
    near(f.longest_pause, 3.0, "longest pause");
}

#[test]
fn a_late_start_and_one_long_stretch() {
    let f = analyse(&wav(10.0, &[(4.2, 9.0)])).unwrap().figures();
    near(f.first_word.unwrap(), 4.2, "first word");
    near(f.speaking, 4.8, "speaking");
    assert_eq!(f.pauses, 0, "silence before the first word is not a pause");
}

#[test]
fn silence_has_no_words_and_an_empty_file_is_an_error() {
    let f = analyse(&wav(5.0, &[])).unwrap().figures();
    assert_eq!((f.first_word, f.speaking, f.pauses), (None, 0.0, 0));
    let e = analyse(&wav(0.0, &[])).unwrap_err();
    assert_eq!(e.to_string(), "the WAV file has no sound in it");
    let e = analyse(b"RIFF, but not really").unwrap_err();
    assert!(
        e.to_string().starts_with("not a WAV file prep can read"),
        "{e}"
    );
}

#[test]
fn a_recording_cut_short_is_read_as_far_as_it_goes() {
    let mut bytes = wav(8.0, &[(1.0, 3.0), (6.0, 8.0)]);
    bytes.truncate(bytes.len() / 2); // the header still claims 8 s
    let f = analyse(&bytes).unwrap().figures();
    near(f.seconds, 4.0, "length");
    near(f.speaking, 2.0, "speaking");
}

#[test]
fn other_sample_formats_give_the_same_figures() {
    let spec = hound::WavSpec {
        channels: 2,
        sample_rate: 22_050,
        bits_per_sample: 32,
        sample_format: hound::SampleFormat::Float,
    };
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = hound::WavWriter::new(&mut out, spec).unwrap();
    for i in 0..(6 * 22_050) {
        let t = f64::from(i) / 22_050.0;
        let s = if (1.0..4.0).contains(&t) {
            voice(t)
        } else {
            0.0
        } as f32;
        w.write_sample(s).unwrap();
        w.write_sample(s).unwrap();
    }
    w.finalize().unwrap();
    let f = analyse(&out.into_inner()).unwrap().figures();
    near(f.speaking, 3.0, "speaking");
    near(f.first_word.unwrap(), 1.0, "first word");
}

#[test]
fn star_parts_get_their_time_and_their_speech() {
    let speech = analyse(&wav(16.0, BURSTS)).unwrap();
    let marks = vec![
        ("Situation".to_string(), 0.0),
        ("Task".to_string(), 3.2),
        ("Action".to_string(), 6.5),
    ];
    // The recording started 0.5 s after the answer's clock.
    let p = parts(&marks, 16.5, Some((&speech, 0.5)));
    assert_eq!(p.len(), 3);
    near(p[0].secs, 3.2, "Situation time");
    near(p[2].secs, 10.0, "Action time");
    // Situation is 0..3.2 of the answer = -0.5..2.7 of the recording: speech 0.5..2.7.
    near(p[0].speaking.unwrap(), 2.2, "Situation speech");
    near(p[2].speaking.unwrap(), 3.5, "Action speech");
    let d = Delivery {
        parts: p,
        ..Delivery::default()
    };
    let share = d.action_percent().unwrap();
    assert!((40..=50).contains(&share), "{share}");
    assert_eq!(parts(&marks, 16.5, None)[1].speaking, None);
}

#[test]
fn transcript_figures_count_words_pronouns_fillers_and_hedges() {
    let text = "Um, so I think we basically rewrote it. I led the review, you know, and I \
                shipped it in two weeks. Like, maybe we could have done it sooner.";
    let mut none = Vec::new();
    let f = figures(text, 15.0, &mut none);
    assert_eq!(f.words, 29);
    assert_eq!(f.wpm, 116, "29 words in 15 s");
    assert_eq!((f.i_count, f.we_count), (3, 2));
    assert_eq!(f.fillers, 4, "um, basically, you know, like");
    assert_eq!(f.hedges, 2, "I think, maybe");
    assert!(f.star.is_empty());
}

#[test]
fn words_per_part_run_through_the_star_lint() {
    let situation =
        "The checkout went down. Sales stopped. Support lines filled. Nobody knew why. ";
    let action = "We paged the team and we rolled back. ";
    let result = "It went well in the end.";
    let mut p = vec![
        PartTime {
            part: "Situation".into(),
            secs: 10.0,
            speaking: Some(10.0),
            words: None,
        },
        PartTime {
            part: "Action".into(),
            secs: 6.0,
            speaking: Some(6.0),
            words: None,
        },
        PartTime {
            part: "Result".into(),
            secs: 4.0,
            speaking: Some(4.0),
            words: None,
        },
    ];
    let f = figures(&format!("{situation}{action}{result}"), 20.0, &mut p);
    let words: Vec<u32> = p.iter().map(|x| x.words.unwrap()).collect();
    assert_eq!(words.iter().sum::<u32>(), 26);
    assert_eq!(words, vec![13, 8, 5]);
    let all = f.star.join("\n");
    assert!(all.contains("Situation runs to"), "{all}");
    assert!(all.contains("\"we\""), "{all}");
}

proptest! {
    #[test]
    fn analysis_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = analyse(&bytes);
    }

    #[test]
    fn analysis_never_panics_on_any_samples_after_a_real_header(
        tail in proptest::collection::vec(any::<u8>(), 0..4096),
        cut in 0usize..44,
        flip in any::<(usize, u8)>(),
    ) {
        let mut bytes = wav(0.05, &[]);
        bytes.truncate(44 - cut.min(43) + 1);
        bytes.extend_from_slice(&tail);
        let i = flip.0 % bytes.len();
        bytes[i] ^= flip.1;
        if let Ok(s) = analyse(&bytes) {
            let f = s.figures();
            prop_assert!(f.speaking <= f.seconds + 0.1);
        }
    }
}

fn logged(at: i64) -> crate::storage::Attempt {
    serde_json::from_value(serde_json::json!({
        "schema": 1, "at": at, "question": "q", "section": "s", "kind": "behavioral",
        "time_limit": 90, "spoken": 80, "overtime": 0, "checked": [], "items": 5,
        "score": 50.0, "technical": null, "people": 50.0,
    }))
    .unwrap()
}

#[test]
fn the_trend_compares_the_latest_recorded_answers_with_the_ones_before() {
    let attempt = |at: i64, speaking: f64, action: f64| {
        let mut a = logged(at);
        a.delivery = Some(Delivery {
            parts: vec![
                PartTime {
                    part: "Situation".into(),
                    secs: 100.0 - action,
                    ..PartTime::default()
                },
                PartTime {
                    part: "Action".into(),
                    secs: action,
                    ..PartTime::default()
                },
            ],
            audio: Some(AudioFigures {
                seconds: 60.0,
                speaking,
                pauses: 2,
                longest_pause: 3.0,
                first_word: Some(1.0),
            }),
            speech: None,
        });
        a
    };
    let mut log: Vec<_> = (0..5).map(|i| attempt(100 + i, 30.0, 30.0)).collect();
    log.extend((0..5).map(|i| attempt(200 + i, 45.0, 60.0)));
    log.push(logged(300)); // not recorded: not in the trend
    log.reverse();
    let t = trend::trend(&log);
    assert_eq!(t.points.len(), 10);
    let (now, before) = (t.recent.unwrap(), t.earlier.unwrap());
    assert_eq!(now.speaking_percent, Some(75.0));
    assert_eq!(before.speaking_percent, Some(50.0));
    assert_eq!(
        (now.action_percent, before.action_percent),
        (Some(60.0), Some(30.0))
    );
    assert_eq!(now.pauses_per_minute, Some(2.0));
    assert_eq!(now.wpm, None, "no transcripts");
}
