//! Delivery over time: the figures of recorded (or STAR-marked) attempts, oldest first, and the
//! latest few against the few before them, for Stats.

use super::Delivery;
use crate::storage::Attempt;
use serde::Serialize;

/// How many attempts each side of the comparison averages.
pub const WINDOW: usize = 5;

/// One attempt's delivery, as shares and rates so answers of any length compare.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Point {
    pub at: i64,
    /// Share of the recording spent speaking, 0-100.
    pub speaking_percent: Option<f64>,
    pub pauses_per_minute: Option<f64>,
    pub first_word: Option<f64>,
    /// The Action's share of the marked answer, 0-100.
    pub action_percent: Option<f64>,
    pub wpm: Option<f64>,
    pub fillers_per_minute: Option<f64>,
}

/// Averages over a window of attempts (each figure over the attempts that have it).
pub type Average = Point;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trend {
    pub points: Vec<Point>,
    /// The latest [`WINDOW`] attempts with delivery figures, and the [`WINDOW`] before them.
    pub recent: Option<Average>,
    pub earlier: Option<Average>,
}

fn point(at: i64, d: &Delivery) -> Point {
    let audio = d.audio.as_ref().filter(|a| a.seconds > 0.0);
    let minutes = audio.map(|a| a.seconds / 60.0);
    Point {
        at,
        speaking_percent: audio.map(|a| a.speaking * 100.0 / a.seconds),
        pauses_per_minute: audio.map(|a| f64::from(a.pauses) / (a.seconds / 60.0)),
        first_word: audio.and_then(|a| a.first_word),
        action_percent: d.action_percent().map(f64::from),
        wpm: d.speech.as_ref().map(|s| f64::from(s.wpm)),
        fillers_per_minute: d
            .speech
            .as_ref()
            .zip(minutes)
            .map(|(s, m)| f64::from(s.fillers) / m),
    }
}

fn mean(points: &[Point], f: impl Fn(&Point) -> Option<f64>) -> Option<f64> {
    let v: Vec<f64> = points.iter().filter_map(f).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn average(points: &[Point]) -> Option<Average> {
    (!points.is_empty()).then(|| Point {
        at: points.last().map_or(0, |p| p.at),
        speaking_percent: mean(points, |p| p.speaking_percent),
        pauses_per_minute: mean(points, |p| p.pauses_per_minute),
        first_word: mean(points, |p| p.first_word),
        action_percent: mean(points, |p| p.action_percent),
        wpm: mean(points, |p| p.wpm),
        fillers_per_minute: mean(points, |p| p.fillers_per_minute),
    })
}

/// The delivery trend over `attempts` (in any order).
pub fn trend(attempts: &[Attempt]) -> Trend {
    let mut points: Vec<Point> = attempts
        .iter()
        .filter_map(|a| a.delivery.as_ref().map(|d| point(a.at, d)))
        .collect();
    points.sort_by_key(|p| p.at);
    let n = points.len();
    let recent = average(&points[n.saturating_sub(WINDOW)..]);
    let earlier = average(&points[n.saturating_sub(2 * WINDOW)..n.saturating_sub(WINDOW)]);
    Trend {
        points,
        recent,
        earlier,
    }
}
