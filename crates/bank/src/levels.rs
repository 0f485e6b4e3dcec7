//! Checks for the calibration fields of a question: own checks that name their axis, `levels`
//! (what a strong answer adds at each role) and `example` (a weak answer and what a strong one does
//! differently). A missing level or example is a warning, not an error: a bank without them still
//! loads, and `prep validate` lists them (`--strict` makes them fail).

use super::build::Builder;
use super::checks::at;
use super::raw::{RawCheck, RawExample, RawLevels};
use super::{Axis, Check, Diagnostic, Example, Level, Origin, Role, Text};
use serde_saphyr::Spanned;

impl Builder {
    /// One check, plain or `people:` / `technical:`; `None` (with a message) when malformed.
    pub(super) fn check(&mut self, name: &str, c: &Spanned<RawCheck>, what: &str) -> Option<Check> {
        let here = at(name, &c.referenced, 0);
        let (text, axis) = match &c.value {
            RawCheck::Plain(text) => (text, None),
            RawCheck::Mapping(pairs) => {
                let [(key, text)] = pairs.as_slice() else {
                    let keys: Vec<_> = pairs.iter().map(|(k, _)| format!("`{k}`")).collect();
                    let msg = format!(
                        "a {what} written as a mapping has one key, `people` or `technical`; found {}",
                        if keys.is_empty() {
                            "none".to_string()
                        } else {
                            keys.join(", ")
                        }
                    );
                    self.diags.push(Diagnostic::at(&here, msg));
                    return None;
                };
                let Some(axis) = Axis::parse(key.trim()) else {
                    let msg = format!(
                        "unknown axis `{key}` in the {what}; write `people: ...` or `technical: ...`, or plain text for the axis of the question's kind"
                    );
                    self.diags.push(Diagnostic::at(&here, msg));
                    return None;
                };
                (text, Some(axis))
            }
        };
        self.safe_text(&here, what, text);
        if text.trim().is_empty() {
            self.diags
                .push(Diagnostic::at(&here, format!("empty {what}")));
            return None;
        }
        Some(Check {
            text: text.trim().to_string().into(),
            axis,
        })
    }

    /// The question's levels: one per role it lists, each with a bar and a check.
    pub(super) fn levels(
        &mut self,
        name: &str,
        question: &Origin,
        roles: &[Role],
        raw: Option<Spanned<RawLevels>>,
    ) -> Vec<Level> {
        let mut levels: Vec<Level> = Vec::new();
        let Some(raw) = raw else {
            if !roles.is_empty() {
                let msg = format!(
                    "no levels: say what a strong answer adds for each role ({})",
                    words(roles)
                );
                self.bank.warnings.push(Diagnostic::at(question, msg));
            }
            return levels;
        };
        let levels_at = at(name, &raw.referenced, 0);
        for (key, level) in raw.value.0 {
            let here = at(name, &key.referenced, 0);
            let Some(role) = self.word(name, &key, "role", Role::parse, Role::expected) else {
                continue;
            };
            if !roles.contains(&role) {
                let msg = format!(
                    "levels has `{role}`, which is not among the question's roles ({}); add it to `roles` or remove the level",
                    words(roles)
                );
                self.diags.push(Diagnostic::at(&here, msg));
                continue;
            }
            if levels.iter().any(|l| l.role == role) {
                let msg = format!("levels gives `{role}` twice");
                self.diags.push(Diagnostic::at(&here, msg));
                continue;
            }
            let level = level.value;
            self.non_empty(name, &level.bar, &format!("{role} level bar"), 0);
            let check = match &level.check {
                Some(c) => self.check(name, c, &format!("{role} level check")),
                None => {
                    let msg = format!(
                        "level `{role}` has no check (the item the rubric adds when practising at {role})"
                    );
                    self.bank.warnings.push(Diagnostic::at(&here, msg));
                    None
                }
            };
            let time = level.time.as_ref().and_then(|t| self.time(name, t));
            levels.push(Level {
                role,
                bar: level.bar.value.trim().to_string().into(),
                check,
                time,
            });
        }
        let missing: Vec<Role> = roles
            .iter()
            .copied()
            .filter(|r| levels.iter().all(|l| l.role != *r))
            .collect();
        if !missing.is_empty() {
            let msg = format!(
                "levels has no entry for {} (every role in `roles` needs one)",
                words(&missing)
            );
            self.bank.warnings.push(Diagnostic::at(&levels_at, msg));
        }
        levels
    }

    /// The question's example answers: both a weak and a strong one.
    pub(super) fn example(
        &mut self,
        name: &str,
        question: &Origin,
        raw: Option<Spanned<RawExample>>,
    ) -> Option<Example> {
        let Some(raw) = raw else {
            let msg = "no example: add `example:` with a short `weak:` answer and what the `strong:` one does differently";
            self.bank.warnings.push(Diagnostic::at(question, msg));
            return None;
        };
        let here = at(name, &raw.referenced, 0);
        let mut part = |value: &Option<Spanned<String>>, what: &str| -> Option<Text> {
            match value {
                Some(v) => {
                    self.non_empty(name, v, &format!("example {what} answer"), 0);
                    Some(v.value.trim().to_string().into())
                }
                None => {
                    let msg = format!("example has no `{what}:` answer");
                    self.bank.warnings.push(Diagnostic::at(&here, msg));
                    None
                }
            }
        };
        let weak = part(&raw.value.weak, "weak");
        let strong = part(&raw.value.strong, "strong");
        Some(Example {
            weak: weak?,
            strong: strong?,
        })
    }
}

/// Roles as the bank spells them, comma separated.
fn words(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
