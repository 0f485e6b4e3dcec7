//! Practice without a terminal: the drill clock, the rubric checklist and its score, and the
//! attempt record a graded answer becomes.

mod clock;
pub mod pace;
mod score;

pub use clock::{Clock, Phase, format_clock};
pub use score::{
    ChecklistItem, Score, checklist, checklist_for, level_check_key, own_check_axis, score,
};

use crate::bank::Question;
use crate::storage::{Attempt, SCHEMA_VERSION, StageTime};

/// What the user did in one drill, ready to be graded and saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The id the attempt will be saved under (chosen when the drill starts, so a recording can be
    /// named after it); empty means "make one when grading".
    pub id: String,
    /// Seconds spoken (time on the clock while running).
    pub spoken_secs: u32,
    /// The time limit in force when the answer ended (after any +/- adjustments).
    pub limit_secs: u32,
    pub notes: String,
    pub follow_ups_revealed: u32,
    /// Time per stage of a paced design session; empty for a short drill.
    pub stages: Vec<StageTime>,
    /// The recording of the answer, when there is one.
    pub recording: Option<crate::audio::RecordingRef>,
    /// STAR part times, speaking time and pauses, transcript figures (when any were measured).
    pub delivery: Option<crate::audio::Delivery>,
}

/// Build the record that goes into the attempt log.
pub fn attempt(
    q: &Question,
    items: &[ChecklistItem],
    checked: &[bool],
    answer: &Answer,
    at_unix: i64,
) -> Attempt {
    let s = score(items, checked);
    Attempt {
        schema: SCHEMA_VERSION,
        id: if answer.id.is_empty() {
            crate::storage::new_attempt_id(at_unix)
        } else {
            answer.id.clone()
        },
        at: at_unix,
        question: q.id.to_string(),
        section: q.section.to_string(),
        kind: q.kind,
        time_limit: answer.limit_secs,
        spoken: answer.spoken_secs,
        overtime: answer.spoken_secs.saturating_sub(answer.limit_secs),
        checked: items
            .iter()
            .zip(checked)
            .filter(|(_, c)| **c)
            .map(|(i, _)| i.key.clone())
            .collect(),
        items: items.len() as u32,
        score: s.total,
        technical: s.technical,
        people: s.people,
        notes: answer.notes.trim_end().to_string(),
        follow_ups: answer.follow_ups_revealed,
        mock: None,
        stages: answer.stages.clone(),
        grade: crate::grades::GradeInfo {
            weights: Some(crate::grades::weights_of(items, checked)),
            ..Default::default()
        },
        recording: answer.recording.clone(),
        delivery: answer.delivery.clone().filter(|d| !d.is_empty()),
    }
}

/// Every question `filter` lets through, in a random order (a drill of "all shown, shuffled", or
/// of one random question when the caller keeps the first).
pub fn shuffled(
    bank: &crate::bank::Bank,
    filter: &crate::bank::Filter,
    rng: &mut crate::rng::Rng,
) -> Vec<usize> {
    let mut pool: Vec<usize> = bank
        .filter(filter)
        .filter_map(|q| bank.question_index(&q.id))
        .collect();
    rng.shuffle(&mut pool);
    pool
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;

    #[test]
    fn attempt_records_what_was_ticked_and_the_overtime() {
        let bank = load_builtin();
        let q = bank.question("sd-url-shortener").unwrap();
        let items = checklist(&bank, q);
        let mut checked = vec![false; items.len()];
        checked[0] = true;
        checked[items.len() - 1] = true;
        let answer = Answer {
            spoken_secs: 100,
            limit_secs: 90,
            notes: "keys\n".into(),
            follow_ups_revealed: 1,
            ..Answer::default()
        };
        let a = attempt(q, &items, &checked, &answer, 1_700_000_000);
        assert_eq!(
            a.checked,
            vec![items[0].key.clone(), items[items.len() - 1].key.clone()]
        );
        assert_eq!(a.overtime, 10);
        assert_eq!(a.items as usize, items.len());
        assert_eq!(a.notes, "keys");
        assert!(a.score > 0.0 && a.score < 100.0);
        assert_eq!(a.schema, SCHEMA_VERSION);
    }
}
