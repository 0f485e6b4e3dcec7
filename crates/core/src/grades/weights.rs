//! Axis figures by weight. An attempt's axis is the rubric weight ticked against the weight there
//! was; figures over many attempts add those weights up, so a behavioural answer's single
//! technical item (weight 1) counts for 1, not for as much as a whole design answer.
//!
//! Where the weights come from, best first: the record's own `weights` (written since prep
//! records them); else the question's checklist in the bank today, when it still has the same
//! number of items and every ticked key; else the record's percentages, with the axis split
//! solved from the overall score (`score` lies between the two axes in proportion to their
//! weights) and the record's item count as the total.

use crate::bank::{Axis, Bank};
use crate::practice::ChecklistItem;
use crate::storage::Attempt;
use serde::{Deserialize, Serialize};

/// Below this much rubric weight an axis figure means too little to print as a percentage: the
/// figure says "3 of 4" instead. 5 is more than one answer's minor axis (a STAR answer's one
/// technical item, a design answer's communication item) and less than any answer's main one.
pub const MIN_WEIGHT: f64 = 5.0;

/// Ticked and total weight per axis, as a record stores it: `[got, of]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AxisWeights {
    pub technical: [u32; 2],
    pub people: [u32; 2],
}

/// Ticked weight `got` of `of`; fractional only for old records without weights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub got: f64,
    pub of: f64,
}

/// The two axes of one attempt or of many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Axes {
    pub technical: Tally,
    pub people: Tally,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn number(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

impl Tally {
    /// 0-100, to one decimal; `None` with no weight at all.
    pub fn percent(&self) -> Option<f64> {
        (self.of > 0.0).then(|| round1(100.0 * self.got / self.of))
    }
    /// Enough weight to mean something as a percentage ([`MIN_WEIGHT`]).
    pub fn enough(&self) -> bool {
        self.of >= MIN_WEIGHT - 1e-9
    }
    /// The percentage when there is enough weight behind it, else `None`.
    pub fn figure(&self) -> Option<f64> {
        self.percent().filter(|_| self.enough())
    }
    /// `7 of 12`.
    pub fn weight_text(&self) -> String {
        format!("{} of {}", number(self.got), number(self.of))
    }
    /// Where space is short: `58%`, `0 of 1` when there is too little weight, `–` with none.
    pub fn short(&self) -> String {
        match (self.figure(), self.of > 0.0) {
            (Some(p), _) => format!("{p:.0}%"),
            (None, true) => self.weight_text(),
            (None, false) => "–".into(),
        }
    }
    /// One answer's axis: `7 of 12 (58%)`, `0 of 1` with too little weight, `no items`.
    pub fn single(&self) -> String {
        match (self.figure(), self.of > 0.0) {
            (Some(p), _) => format!("{} ({p:.0}%)", self.weight_text()),
            (None, true) => self.weight_text(),
            (None, false) => "no items".into(),
        }
    }
    /// Many answers: `58% (7 of 12)`, `0 of 1, too little to tell`, or `–` with none.
    pub fn long(&self) -> String {
        match (self.figure(), self.of > 0.0) {
            (Some(p), _) => format!("{p:.0}% ({})", self.weight_text()),
            (None, true) => format!("{}, too little to tell", self.weight_text()),
            (None, false) => "–".into(),
        }
    }
    fn add(&mut self, other: Tally) {
        self.got += other.got;
        self.of += other.of;
    }
    fn rounded(self) -> Tally {
        Tally {
            got: round1(self.got),
            of: round1(self.of),
        }
    }
}

impl Axes {
    /// Both axes together: the overall score by weight (always between the two axes).
    pub fn overall(&self) -> Tally {
        let mut t = self.technical;
        t.add(self.people);
        t
    }
    pub fn add(&mut self, other: &Axes) {
        self.technical.add(other.technical);
        self.people.add(other.people);
    }
    /// To one decimal, for JSON.
    pub fn rounded(&self) -> Axes {
        Axes {
            technical: self.technical.rounded(),
            people: self.people.rounded(),
        }
    }
    pub fn axis(&self, axis: Axis) -> Tally {
        match axis {
            Axis::Technical => self.technical,
            Axis::People => self.people,
        }
    }
}

impl From<AxisWeights> for Axes {
    fn from(w: AxisWeights) -> Axes {
        let t = |[got, of]: [u32; 2]| Tally {
            got: f64::from(got),
            of: f64::from(of),
        };
        Axes {
            technical: t(w.technical),
            people: t(w.people),
        }
    }
}

/// The weights a ticked checklist makes, as a new record stores them.
pub fn weights_of(items: &[ChecklistItem], checked: &[bool]) -> AxisWeights {
    let mut w = AxisWeights::default();
    for (i, item) in items.iter().enumerate() {
        let slot = match item.axis {
            Axis::Technical => &mut w.technical,
            Axis::People => &mut w.people,
        };
        slot[1] += item.weight;
        if checked.get(i).copied().unwrap_or(false) {
            slot[0] += item.weight;
        }
    }
    w
}

/// One attempt's axes (see the module comment for where they come from).
pub fn axes(bank: &Bank, a: &Attempt) -> Axes {
    if let Some(w) = a.grade.weights {
        return w.into();
    }
    if let Some(q) = bank.question(&a.question) {
        let items = crate::practice::checklist(bank, q);
        let known = |k: &String| items.iter().any(|i| &i.key == k);
        if items.len() == a.items as usize && a.checked.iter().all(known) {
            let checked: Vec<bool> = items.iter().map(|i| a.checked.contains(&i.key)).collect();
            return weights_of(&items, &checked).into();
        }
    }
    from_percentages(a)
}

/// An old record whose question is gone or changed: its item count shared between the axes in
/// the proportion the three percentages imply.
fn from_percentages(a: &Attempt) -> Axes {
    let n = f64::from(a.items.max(1));
    let share = match (a.technical, a.people) {
        (Some(t), Some(p)) if (t - p).abs() >= 0.05 => ((a.score - p) / (t - p)).clamp(0.0, 1.0),
        (Some(_), Some(_)) => 0.5,
        (Some(_), None) => 1.0,
        (None, Some(_)) => 0.0,
        (None, None) => return Axes::default(),
    };
    let tally = |pct: Option<f64>, of: f64| Tally {
        got: pct.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0 * of,
        of,
    };
    Axes {
        technical: tally(a.technical, n * share),
        people: tally(a.people, n * (1.0 - share)),
    }
}

/// The axes of many attempts, their weights added up.
pub fn sum<'a>(bank: &Bank, attempts: impl IntoIterator<Item = &'a Attempt>) -> Axes {
    let mut all = Axes::default();
    for a in attempts {
        all.add(&axes(bank, a));
    }
    all
}

#[cfg(test)]
mod tests;
