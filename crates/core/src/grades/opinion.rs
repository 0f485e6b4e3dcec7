//! A second opinion as the attempt keeps it: the grader's mark per checklist item and its summary.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The grader's mark on one checklist item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub met: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// What the grader command returned, keyed by checklist item key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecondOpinion {
    #[serde(default)]
    pub items: BTreeMap<String, Mark>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}
