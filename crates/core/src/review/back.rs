//! When a question just graded comes back for review, in words ("tomorrow", "in about 5 days").

use super::{SECS_PER_DAY, replay};
use crate::bank::Bank;
use crate::storage::Attempt;

/// When `question` (an id) is due again after the attempts so far, said from `now`: "later
/// today", "tomorrow", "in about 5 days", "in about 3 weeks", "in about 4 months". `None` when
/// the question is not in the bank or has no attempts.
pub fn back_in(bank: &Bank, attempts: &[Attempt], question: &str, now: i64) -> Option<String> {
    let index = bank.question_index(question)?;
    let mine = crate::history::of(attempts, question);
    let card = replay(index, &mine)?;
    Some(phrase(card.due_at.saturating_sub(now)))
}

/// A wait in seconds, in words.
pub fn phrase(secs: i64) -> String {
    let days = (secs as f64 / SECS_PER_DAY as f64).round() as i64;
    match days {
        ..=0 => "later today".into(),
        1 => "tomorrow".into(),
        2..=13 => format!("in about {days} days"),
        14..=59 => format!("in about {} weeks", (days as f64 / 7.0).round() as i64),
        _ => format!("in about {} months", (days as f64 / 30.4).round() as i64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_a_person_would_say_them() {
        let day = SECS_PER_DAY;
        assert_eq!(phrase(3600), "later today");
        assert_eq!(phrase(day), "tomorrow");
        assert_eq!(phrase(5 * day + 3600), "in about 5 days");
        assert_eq!(phrase(20 * day), "in about 3 weeks");
        assert_eq!(phrase(120 * day), "in about 4 months");
    }

    #[test]
    fn a_weak_answer_comes_back_sooner_than_a_strong_one() {
        let bank = crate::bank::load_builtin();
        let q = &bank.questions[0];
        let graded = |score: f64| {
            let mut a: Attempt = serde_json::from_value(serde_json::json!({
                "schema": 1, "at": 1_000_000, "question": q.id, "section": q.section,
                "kind": q.kind, "time_limit": 90, "spoken": 80, "overtime": 0,
                "checked": [], "items": 5, "score": score, "technical": null, "people": null
            }))
            .unwrap();
            a.score = score;
            a
        };
        let days = |score| {
            let a = graded(score);
            let index = bank.question_index(&q.id).unwrap();
            replay(index, &[&a]).unwrap().due_at - a.at
        };
        assert!(days(20.0) < days(95.0));
        assert_eq!(
            back_in(&bank, &[graded(95.0)], &q.id, 1_000_000).unwrap(),
            phrase(days(95.0))
        );
        assert_eq!(back_in(&bank, &[], &q.id, 0), None);
    }
}
