//! The on-disk shape of bank files, as serde reads them. Positions are kept (`Spanned`) for every
//! value a later check may need to point at.

use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRubrics {
    pub rubrics: Vec<Spanned<RawRubric>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRubric {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub items: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub weight: Spanned<u32>,
    pub axis: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub order: i64,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub questions: Vec<Spanned<RawQuestion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub prompt: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub roles: Vec<Spanned<String>>,
    pub time: Spanned<String>,
    pub rubric: Spanned<String>,
    #[serde(default)]
    pub probes: Vec<Spanned<String>>,
    #[serde(default)]
    pub checks: Vec<Spanned<RawCheck>>,
    #[serde(default)]
    pub talking_points: String,
    #[serde(default)]
    pub pitfalls: Vec<Spanned<String>>,
    #[serde(default)]
    pub follow_ups: Vec<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub levels: Option<Spanned<RawLevels>>,
    #[serde(default)]
    pub example: Option<Spanned<RawExample>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub order: i64,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
}

pub use super::raw_check::{RawCheck, RawLevels};

/// What a strong answer adds at one role.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub bar: Spanned<String>,
    #[serde(default)]
    pub check: Option<Spanned<RawCheck>>,
    #[serde(default)]
    pub time: Option<Spanned<String>>,
}

/// A short weak answer and what the strong one does differently.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    #[serde(default)]
    pub weak: Option<Spanned<String>>,
    #[serde(default)]
    pub strong: Option<Spanned<String>>,
}

/// `tags.yaml`: the curated tag vocabulary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTags {
    pub tags: Vec<Spanned<RawTag>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTag {
    pub id: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub summary: String,
}
