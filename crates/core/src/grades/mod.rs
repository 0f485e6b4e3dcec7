//! Grades you can trust. Axis figures weighted by rubric weight (ticked weight over all weight,
//! per axis, summed over the attempts, never a mean of percentages); what a grade adds to an
//! attempt record (its weights, who graded it, which answer it grades again, a second opinion);
//! calibration of self-grades against peers and re-grades; and the one trusted grade per answer.

pub mod calibration;
pub mod nudge;
mod opinion;
mod weights;

pub use opinion::{Mark, SecondOpinion};
pub use weights::{Axes, AxisWeights, MIN_WEIGHT, Tally, axes, sum, weights_of};

use serde::{Deserialize, Serialize};

/// The `grader` of an attempt graded by the person asking (interviewer mode).
pub const PEER: &str = "peer";

/// What a grade adds to an attempt record. Flattened into the record, so each field is a key of
/// its own in `attempts.jsonl`; every one is optional and left out when empty, so records written
/// before these existed read the same.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GradeInfo {
    /// Ticked and total rubric weight per axis (`{"technical": [got, of], "people": [got, of]}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<AxisWeights>,
    /// Who graded: absent for the candidate themself, `"peer"` for the person asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grader: Option<String>,
    /// The peer's name, if they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grader_name: Option<String>,
    /// The id of the attempt whose answer this grades again (the candidate's blind grade of a
    /// peer-graded answer, or a re-grade after replaying the recording).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regrade_of: Option<String>,
    /// Graded after replaying the recording of the answer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replayed: bool,
    /// What the configured grader command said, beside the user's own ticks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_opinion: Option<SecondOpinion>,
}

impl GradeInfo {
    pub fn is_peer(&self) -> bool {
        self.grader.as_deref() == Some(PEER)
    }
}

/// Make `again` a second grade of the answer `first` graded: linked to it, with the answer's
/// own time and length, and `replayed` when it was graded after replaying the recording. (The
/// recorder's replay calls this; calibration and review read the link.)
pub fn regrade(
    again: &mut crate::storage::Attempt,
    first: &crate::storage::Attempt,
    replayed: bool,
) {
    again.grade.regrade_of = Some(first.id.clone());
    again.grade.replayed = replayed;
    again.spoken = first.spoken;
    again.time_limit = first.time_limit;
    again.overtime = first.overtime;
}
