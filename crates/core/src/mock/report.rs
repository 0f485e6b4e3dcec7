//! A mock's closing report, recomputed from the attempt log: both axes by weight over the graded
//! answers, the rubric items most often left unticked, overtime per question and in all, and what
//! to drill next (the weakest part of the loop and concrete questions for it).

use super::{Slot, part_label, part_of};
use crate::bank::{Axis, Bank, Kind};
use crate::days::Zone;
use crate::grades::{self, Axes};
use crate::storage::Attempt;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many rubric items and suggested questions a report lists.
const WEAKEST: usize = 5;
const SUGGESTED: usize = 3;

/// One graded answer of a mock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: String,
    pub section: String,
    pub kind: Kind,
    /// "curveball" or the kind's label.
    pub part: String,
    pub at: i64,
    pub score: f64,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    pub time_limit: u32,
    pub spoken: u32,
    pub overtime: u32,
    /// Ticked and total rubric weight per axis for this answer.
    #[serde(default)]
    pub weights: Axes,
}

/// A rubric item (or a question's own check) and how often it went unticked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissedItem {
    pub text: String,
    pub axis: Axis,
    /// Graded answers that left it unticked, of those whose checklist had it.
    pub missed: u32,
    pub of: u32,
    /// The questions where it went unticked, first seen first.
    pub questions: Vec<String>,
}

/// The weakest part of the loop and questions to drill for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextDrill {
    pub part: String,
    pub average: f64,
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MockReport {
    pub id: String,
    /// The local date of the first graded answer, `YYYY-MM-DD` (see [`crate::days`]).
    pub date: String,
    pub questions: Vec<QuestionResult>,
    /// Percentages 0-100 by weight (ticked rubric weight over all weight) over the graded
    /// answers; an axis with too little weight behind it is `None` (see `weights`).
    pub average: Option<f64>,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    /// Seconds over the limit, in all, and how many answers ran over.
    pub overtime_secs: u32,
    pub over_time: usize,
    pub weakest: Vec<MissedItem>,
    pub next: Option<NextDrill>,
    /// Ticked and total rubric weight per axis over the graded answers.
    #[serde(default)]
    pub weights: Axes,
}

/// Every mock id in the log, the most recently graded first.
pub fn mock_ids(attempts: &[Attempt]) -> Vec<String> {
    let mut last: Vec<(String, i64)> = Vec::new();
    for (id, at) in attempts
        .iter()
        .filter_map(|a| a.mock.as_ref().map(|m| (m, a.at)))
    {
        match last.iter_mut().find(|(m, _)| m == id) {
            Some(slot) => slot.1 = slot.1.max(at),
            None => last.push((id.clone(), at)),
        }
    }
    last.sort_by_key(|(_, at)| std::cmp::Reverse(*at));
    last.into_iter().map(|(id, _)| id).collect()
}

/// The rubric items the given attempts left unticked most often (ties: the higher miss rate, then
/// the first seen). Items are matched by their text, so the same rubric item across questions
/// counts together; attempts at questions no longer in the bank are skipped.
pub fn weakest_items(bank: &Bank, attempts: &[&Attempt], limit: usize) -> Vec<MissedItem> {
    let mut items: Vec<MissedItem> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for a in attempts {
        let Some(q) = bank.question(&a.question) else {
            continue;
        };
        for item in crate::practice::checklist(bank, q) {
            let i = *index.entry(item.text.clone()).or_insert_with(|| {
                items.push(MissedItem {
                    text: item.text.clone(),
                    axis: item.axis,
                    missed: 0,
                    of: 0,
                    questions: Vec::new(),
                });
                items.len() - 1
            });
            let m = &mut items[i];
            m.of += 1;
            if !a.checked.contains(&item.key) {
                m.missed += 1;
                if !m.questions.contains(&a.question) {
                    m.questions.push(a.question.clone());
                }
            }
        }
    }
    items.retain(|m| m.missed > 0);
    // Stable sort: equal items keep first-seen order.
    items.sort_by(|x, y| {
        y.missed.cmp(&x.missed).then_with(|| {
            let rate = |m: &MissedItem| f64::from(m.missed) / f64::from(m.of.max(1));
            rate(y).total_cmp(&rate(x))
        })
    });
    items.truncate(limit);
    items
}

/// The report of mock `id`, from every attempt in the log (the others decide which suggested
/// questions were never practised or scored lowest). `None` if no attempt carries the id.
pub fn report(bank: &Bank, attempts: &[Attempt], id: &str) -> Option<MockReport> {
    report_in(bank, attempts, id, Zone::local())
}

/// [`report`] with its date in `zone`.
pub fn report_in(bank: &Bank, attempts: &[Attempt], id: &str, zone: &Zone) -> Option<MockReport> {
    let mine: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| a.mock.as_deref() == Some(id))
        .collect();
    let first = mine.iter().map(|a| a.at).min()?;
    let questions: Vec<QuestionResult> = mine
        .iter()
        .map(|a| QuestionResult {
            weights: grades::axes(bank, a).rounded(),
            question: a.question.clone(),
            section: a.section.clone(),
            kind: a.kind,
            part: part_label(part_of(&a.section, a.kind)).to_string(),
            at: a.at,
            score: a.score,
            technical: a.technical,
            people: a.people,
            time_limit: a.time_limit,
            spoken: a.spoken,
            overtime: a.overtime,
        })
        .collect();
    let axes = grades::sum(bank, mine.iter().copied());
    Some(MockReport {
        id: id.to_string(),
        date: zone.date_of(first),
        average: axes.overall().percent(),
        technical: axes.technical.figure(),
        people: axes.people.figure(),
        weights: axes.rounded(),
        overtime_secs: mine.iter().map(|a| a.overtime).sum(),
        over_time: mine.iter().filter(|a| a.overtime > 0).count(),
        weakest: weakest_items(bank, &mine, WEAKEST),
        next: next_drill(bank, attempts, &mine),
        questions,
    })
}

/// The part of the loop with the lowest mean score (ties: the one asked first), and up to three
/// questions for it: this mock's own answers there that were not perfect, lowest first, then
/// other questions of that part for the mock's role(s), never practised first, then by their
/// latest score.
fn next_drill(bank: &Bank, all: &[Attempt], mine: &[&Attempt]) -> Option<NextDrill> {
    let mut parts: Vec<(Slot, Vec<&Attempt>)> = Vec::new();
    for a in mine {
        let part = part_of(&a.section, a.kind);
        match parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, answers)) => answers.push(a),
            None => parts.push((part, vec![a])),
        }
    }
    let (part, average) = parts
        .into_iter()
        .filter_map(|(p, s)| grades::sum(bank, s).overall().percent().map(|m| (p, m)))
        .fold(None, |best: Option<(Slot, f64)>, (p, m)| match best {
            Some((_, b)) if b <= m => best,
            _ => Some((p, m)),
        })?;
    let mut own: Vec<&&Attempt> = mine
        .iter()
        .filter(|a| part_of(&a.section, a.kind) == part && a.score < 100.0)
        .collect();
    own.sort_by(|x, y| x.score.total_cmp(&y.score));
    let mut questions: Vec<String> = own.iter().map(|a| a.question.clone()).collect();
    questions.dedup();
    // The roles every question of the mock was asked for: the preset's role, at least.
    let roles: Vec<_> = crate::bank::Role::ALL
        .iter()
        .filter(|r| {
            mine.iter()
                .filter_map(|a| bank.question(&a.question))
                .all(|q| q.roles.contains(r))
        })
        .copied()
        .collect();
    let latest = crate::stats::latest(all);
    let mut others: Vec<(Option<f64>, usize)> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            part_of(&q.section, q.kind) == part
                && (roles.is_empty() || q.roles.iter().any(|r| roles.contains(r)))
                && !mine.iter().any(|a| a.question == q.id)
        })
        .map(|(i, q)| (latest.get(q.id.as_ref()).map(|a| a.score), i))
        .collect();
    // Never practised (None) sorts first; then the lowest latest score; then bank order.
    others.sort_by(|(x, i), (y, j)| match (x, y) {
        (None, None) => i.cmp(j),
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.total_cmp(y).then(i.cmp(j)),
    });
    questions.extend(
        others
            .into_iter()
            .map(|(_, i)| bank.questions[i].id.to_string()),
    );
    questions.truncate(SUGGESTED);
    Some(NextDrill {
        part: part_label(part).to_string(),
        average,
        questions,
    })
}
