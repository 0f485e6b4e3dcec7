//! The two bank values serde cannot read by derive: a check (plain text, or a one-key mapping that
//! names its axis) and the `levels` mapping (role → level, kept in file order with positions).

use super::raw::RawLevel;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A check as written: `- Named the metric` or `- people: Brought the other teams along`.
#[derive(Debug)]
pub enum RawCheck {
    Plain(String),
    /// Every key and value of the mapping, in order; the builder insists on one key.
    Mapping(Vec<(String, String)>),
}

impl<'de> Deserialize<'de> for RawCheck {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCheck;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a check: text, or `people: text` / `technical: text`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCheck, E> {
                Ok(RawCheck::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawCheck, E> {
                Ok(RawCheck::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCheck, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: String = map.next_value()?;
                    pairs.push((key, value));
                }
                Ok(RawCheck::Mapping(pairs))
            }
        }
        d.deserialize_any(V)
    }
}

/// `levels:`, a mapping from role to [`RawLevel`], in file order.
#[derive(Debug, Default)]
pub struct RawLevels(pub Vec<(Spanned<String>, Spanned<RawLevel>)>);

impl<'de> Deserialize<'de> for RawLevels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLevels;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a mapping from role (tech-lead, staff, em, director) to its bar and check",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLevels, A::Error> {
                let mut levels = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    levels.push((key, map.next_value()?));
                }
                Ok(RawLevels(levels))
            }
        }
        d.deserialize_map(V)
    }
}
