//! The rubric checklist for a question (its rubric's items, then its own checks) and the weighted
//! score, overall and per axis.

use crate::bank::{Axis, Bank, Kind, Question, Role};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// The rubric item id, or `check-N` (1-based) for the question's own checks.
    pub key: String,
    pub text: String,
    pub weight: u32,
    pub axis: Axis,
    /// True for the question's own checks.
    pub own: bool,
}

/// A question's plain own checks weigh 1 each and count towards the axis its kind mostly tests
/// (a check written `people: ...` or `technical: ...` names its own).
pub fn own_check_axis(kind: Kind) -> Axis {
    kind.own_check_axis()
}

/// The checklist key of the check a question adds at `role`'s level.
pub fn level_check_key(role: Role) -> String {
    format!("level-{role}")
}

/// The checklist for practising `q`, with the check its level adds when `role` is given (weight 1,
/// its named axis or the kind's, keyed `level-ROLE`).
pub fn checklist_for(bank: &Bank, q: &Question, role: Option<Role>) -> Vec<ChecklistItem> {
    let mut items = checklist(bank, q);
    if let Some((role, check)) =
        role.and_then(|r| q.level(r).and_then(|l| l.check.as_ref()).map(|c| (r, c)))
    {
        items.push(ChecklistItem {
            key: level_check_key(role),
            text: check.text.to_string(),
            weight: 1,
            axis: check.axis.unwrap_or_else(|| q.kind.own_check_axis()),
            own: true,
        });
    }
    items
}

pub fn checklist(bank: &Bank, q: &Question) -> Vec<ChecklistItem> {
    let mut items: Vec<ChecklistItem> = bank
        .rubric(&q.rubric)
        .map(|r| {
            r.items
                .iter()
                .map(|i| ChecklistItem {
                    key: i.id.to_string(),
                    text: i.text.to_string(),
                    weight: i.weight,
                    axis: i.axis,
                    own: false,
                })
                .collect()
        })
        .unwrap_or_default();
    items.extend(q.checks.iter().enumerate().map(|(n, c)| ChecklistItem {
        key: format!("check-{}", n + 1),
        text: c.to_string(),
        weight: 1,
        axis: q.check_axis(n),
        own: true,
    }));
    items
}

/// Percentages 0-100; an axis with no items is `None`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Score {
    pub total: f64,
    pub technical: Option<f64>,
    pub people: Option<f64>,
}

pub fn score(items: &[ChecklistItem], checked: &[bool]) -> Score {
    let part = |axis: Option<Axis>| {
        let (mut got, mut all) = (0u32, 0u32);
        for (item, &c) in items
            .iter()
            .zip(checked.iter().chain(std::iter::repeat(&false)))
        {
            if axis.is_none_or(|a| a == item.axis) {
                all += item.weight;
                if c {
                    got += item.weight;
                }
            }
        }
        (all > 0).then(|| round1(100.0 * f64::from(got) / f64::from(all)))
    };
    Score {
        total: part(None).unwrap_or(0.0),
        technical: part(Some(Axis::Technical)),
        people: part(Some(Axis::People)),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(weight: u32, axis: Axis) -> ChecklistItem {
        ChecklistItem {
            key: "k".into(),
            text: "t".into(),
            weight,
            axis,
            own: false,
        }
    }

    #[test]
    fn weights_decide_the_score() {
        let items = [
            item(3, Axis::Technical),
            item(1, Axis::Technical),
            item(2, Axis::People),
        ];
        let s = score(&items, &[true, false, false]);
        assert_eq!(s.total, 50.0);
        assert_eq!(s.technical, Some(75.0));
        assert_eq!(s.people, Some(0.0));
        assert_eq!(score(&items, &[true, true, true]).total, 100.0);
        assert_eq!(score(&items, &[]).total, 0.0);
    }

    #[test]
    fn an_axis_without_items_has_no_score() {
        let s = score(&[item(1, Axis::People)], &[true]);
        assert_eq!(s.technical, None);
        assert_eq!(s.people, Some(100.0));
    }

    #[test]
    fn checklist_is_rubric_items_then_own_checks() {
        let bank = crate::bank::load_builtin();
        let q = bank
            .questions
            .iter()
            .find(|q| q.kind == Kind::Behavioral)
            .unwrap();
        let items = checklist(&bank, q);
        let rubric = bank.rubric("star").unwrap();
        assert_eq!(items.len(), rubric.items.len() + q.checks.len());
        assert!(!items[0].own && items.last().unwrap().own);
        assert_eq!(
            items.last().unwrap().key,
            format!("check-{}", q.checks.len())
        );
        assert_eq!(items.last().unwrap().axis, Axis::People);
    }
}
