//! Calibration: how the candidate's own grades compare with a peer's grade of the same answer
//! and with their own re-grade after replaying it, per axis and over time; and which grade of an
//! answer to trust (a peer's, then a re-grade after replay, then the candidate's own).
//!
//! An answer is a first grade and every grade whose `regrade_of` leads back to it.

use super::{Axes, MIN_WEIGHT, axes};
use crate::bank::Bank;
use crate::days::Zone;
use crate::storage::Attempt;
use serde::Serialize;
use std::collections::HashMap;

/// How far a grade is trusted: a peer's over a re-grade after replay over a grade from memory.
pub fn trust(a: &Attempt) -> u8 {
    if a.grade.is_peer() {
        2
    } else if a.grade.replayed {
        1
    } else {
        0
    }
}

/// The checklist keys one grade ticked and the other did not, in either direction.
pub fn differences(a: &Attempt, b: &Attempt) -> Vec<String> {
    let only = |x: &Attempt, y: &Attempt| {
        x.checked
            .iter()
            .filter(|k| !y.checked.contains(k))
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut out = only(a, b);
    out.extend(only(b, a));
    out
}

/// Every answer's grades, in log order, keyed by the first grade's id.
fn answers(attempts: &[Attempt]) -> Vec<Vec<&Attempt>> {
    let by_id: HashMap<&str, usize> = attempts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let root = |mut i: usize| {
        // A chain, never a loop: stop after as many steps as there are records.
        for _ in 0..attempts.len() {
            match attempts[i]
                .grade
                .regrade_of
                .as_deref()
                .and_then(|id| by_id.get(id))
            {
                Some(&up) => i = up,
                None => break,
            }
        }
        i
    };
    let mut order: Vec<usize> = Vec::new();
    let mut groups: HashMap<usize, Vec<&Attempt>> = HashMap::new();
    for (i, a) in attempts.iter().enumerate() {
        let r = root(i);
        if !groups.contains_key(&r) {
            order.push(r);
        }
        groups.entry(r).or_default().push(a);
    }
    order
        .into_iter()
        .filter_map(|r| groups.remove(&r))
        .collect()
}

/// One grade per answer, the most trusted (ties: the later one), in log order of the answers.
pub fn trusted(attempts: &[Attempt]) -> Vec<&Attempt> {
    answers(attempts)
        .into_iter()
        .filter_map(|g| g.into_iter().rev().max_by_key(|a| trust(a)))
        .collect()
}

/// Self minus the other grade, in percentage points, for one answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    pub at: i64,
    pub date: String,
    pub question: String,
    pub overall: Option<f64>,
    pub technical: Option<f64>,
    pub people: Option<f64>,
}

/// The self-grade against one kind of other grade.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Side {
    /// Answers graded both ways.
    pub answers: usize,
    /// Self minus other in points, by weight over those answers; `None` with too little weight.
    pub overall: Option<f64>,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    /// One gap per answer, oldest first.
    pub trend: Vec<Gap>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Calibration {
    /// The candidate's own grade against a peer's (interviewer mode).
    pub vs_peer: Side,
    /// The grade from memory against the re-grade after replaying the recording.
    pub vs_replay: Side,
}

fn points(mine: &super::Tally, other: &super::Tally) -> Option<f64> {
    let of = mine.of.max(other.of);
    (of >= MIN_WEIGHT - 1e-9).then(|| (1000.0 * (mine.got - other.got) / of).round() / 10.0)
}

fn gap(mine: &Axes, other: &Axes) -> [Option<f64>; 3] {
    [
        points(&mine.overall(), &other.overall()),
        points(&mine.technical, &other.technical),
        points(&mine.people, &other.people),
    ]
}

fn side(bank: &Bank, pairs: &[(&Attempt, &Attempt)], zone: &Zone) -> Side {
    let (mut mine_all, mut other_all) = (Axes::default(), Axes::default());
    let mut trend = Vec::new();
    for (mine, other) in pairs {
        let (m, o) = (axes(bank, mine), axes(bank, other));
        mine_all.add(&m);
        other_all.add(&o);
        // One answer alone: its figures need only some weight, not MIN_WEIGHT.
        let one = |x: &super::Tally, y: &super::Tally| {
            (x.of > 0.0).then(|| (1000.0 * (x.got - y.got) / x.of.max(y.of)).round() / 10.0)
        };
        trend.push(Gap {
            at: other.at,
            date: zone.date_of(other.at),
            question: other.question.clone(),
            overall: one(&m.overall(), &o.overall()),
            technical: one(&m.technical, &o.technical),
            people: one(&m.people, &o.people),
        });
    }
    trend.sort_by_key(|g| g.at);
    let [overall, technical, people] = gap(&mine_all, &other_all);
    Side {
        answers: pairs.len(),
        overall,
        technical,
        people,
        trend,
    }
}

/// Calibration over the whole log, days in the user's zone.
pub fn calibration(bank: &Bank, attempts: &[Attempt]) -> Calibration {
    calibration_in(bank, attempts, Zone::local())
}

pub fn calibration_in(bank: &Bank, attempts: &[Attempt], zone: &Zone) -> Calibration {
    let (mut peer, mut replay) = (Vec::new(), Vec::new());
    for g in answers(attempts) {
        let Some(mine) = g.iter().find(|a| trust(a) == 0) else {
            continue;
        };
        if let Some(p) = g.iter().find(|a| trust(a) == 2) {
            peer.push((*mine, *p));
        }
        if let Some(r) = g.iter().find(|a| trust(a) == 1) {
            replay.push((*mine, *r));
        }
    }
    Calibration {
        vs_peer: side(bank, &peer, zone),
        vs_replay: side(bank, &replay, zone),
    }
}

/// "You grade yourself 12 points above your peers on people", or `None` with nothing to say.
pub fn sentence(side: &Side, whom: &str) -> Option<String> {
    let axis = [
        ("technical judgement", side.technical),
        ("people leadership", side.people),
    ]
    .into_iter()
    .filter_map(|(n, g)| g.map(|g| (n, g)))
    .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))?;
    let (name, g) = axis;
    Some(if g.abs() < 0.5 {
        format!("You grade yourself the same as {whom} on {name}")
    } else {
        format!(
            "You grade yourself {:.0} points {} {whom} on {name}",
            g.abs(),
            if g > 0.0 { "above" } else { "below" }
        )
    })
}

/// "You grade yourself 12 points above your peers on people leadership (3
/// answers) · ..." or `None` before any answer was graded twice.
pub fn summary(c: &Calibration) -> Option<String> {
    let part = |side: &Side, whom: &str| {
        sentence(side, whom).map(|s| {
            let n = side.answers;
            format!("{s} ({n} answer{})", if n == 1 { "" } else { "s" })
        })
    };
    let parts: Vec<String> = [
        part(&c.vs_peer, "your peers"),
        part(&c.vs_replay, "your replays"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests;
