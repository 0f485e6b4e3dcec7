//! The axis share a director's strategy answer must carry: at least 40% of the checklist's weight
//! (rubric items, own checks and the director level's check) on people leadership.

use super::build::Builder;
use super::{Axis, Diagnostic, Kind, Question, Role, Rubric};

/// The least share of a director's strategy checklist that is people weight.
pub const DIRECTOR_STRATEGY_PEOPLE_SHARE: f64 = 0.40;

/// People weight and all weight of `q`'s checklist at `role`: its rubric's items, its own checks
/// (weight 1 each) and the level's check (weight 1).
pub fn people_share(q: &Question, rubric: Option<&Rubric>, role: Role) -> (u32, u32) {
    let mut people = 0;
    let mut all = 0;
    let mut add = |axis: Axis, weight: u32| {
        all += weight;
        if axis == Axis::People {
            people += weight;
        }
    };
    for item in rubric.map(|r| r.items.as_slice()).unwrap_or_default() {
        add(item.axis, item.weight);
    }
    for n in 0..q.checks.len() {
        add(q.check_axis(n), 1);
    }
    if let Some(c) = q.level(role).and_then(|l| l.check.as_ref()) {
        add(c.axis.unwrap_or_else(|| q.kind.own_check_axis()), 1);
    }
    (people, all)
}

impl Builder {
    pub(super) fn lint_people_weight(&mut self) {
        let start = self.first_new_question.min(self.bank.questions.len());
        let mut warnings = Vec::new();
        for q in &self.bank.questions[start..] {
            if q.kind != Kind::Strategy || !q.roles.contains(&Role::Director) {
                continue;
            }
            let rubric = self.bank.rubric(&q.rubric);
            let (people, all) = people_share(q, rubric, Role::Director);
            if all > 0 && f64::from(people) < DIRECTOR_STRATEGY_PEOPLE_SHARE * f64::from(all) {
                let msg = format!(
                    "{}: a director's strategy answer carries at least 40% people weight; this one has {people} of {all} (mark the checks about people `people:`)",
                    q.id
                );
                warnings.push(Diagnostic::at(&q.origin, msg));
            }
        }
        self.bank.warnings.extend(warnings);
    }
}
