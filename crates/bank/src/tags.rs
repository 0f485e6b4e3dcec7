//! The curated tag vocabulary (`tags.yaml`) and the warning for a question's tag that differs from
//! a known one only by spelling (British / American) or plural, or that is a listed alias.

use super::build::Builder;
use super::checks::at;
use super::raw::RawTags;
use super::{Diagnostic, Tag};
use std::collections::HashMap;

/// A tag reduced so that spellings of one word meet: each dash-separated part loses its plural
/// ending and takes the American spelling (`organisations` → `organization`, `candour` →
/// `candor`, `priorities` → `priority`). `scripts/tags.py` applies the same rules.
pub fn tag_key(tag: &str) -> String {
    tag.trim()
        .to_lowercase()
        .split('-')
        .map(|part| american(&singular(part)))
        .collect::<Vec<_>>()
        .join("-")
}

fn singular(w: &str) -> String {
    if w.len() <= 3 {
        return w.to_string();
    }
    for (plural, one) in [
        ("ies", "y"),
        ("sses", "ss"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
    ] {
        if let Some(stem) = w.strip_suffix(plural) {
            return format!("{stem}{one}");
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Word stems whose British spelling doubles the final `l` (`levelling`, `modelled`).
const DOUBLE_L: &[&str] = &[
    "level", "model", "travel", "label", "cancel", "fuel", "signal", "counsel", "channel", "tunnel",
];

/// Endings before which `-ise` is the British spelling of `-ize` (`organise`, `optimise`).
const ISE_AFTER: &[&str] = &[
    "al", "il", "at", "it", "or", "ar", "gn", "an", "en", "on", "im", "um",
];

/// The American spelling of one word; a word it does not know is returned as it is.
fn american(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("isation") {
        return format!("{stem}ization");
    }
    for (british, us) in [
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("iser", "izer"),
    ] {
        if let Some(stem) = w.strip_suffix(british)
            && stem.len() >= 3
            && ISE_AFTER.iter().any(|e| stem.ends_with(e))
        {
            return format!("{stem}{us}");
        }
    }
    for (british, us) in [("lling", "ing"), ("lled", "ed"), ("ller", "er")] {
        if let Some(stem) = w.strip_suffix(british)
            && DOUBLE_L
                .iter()
                .any(|d| stem.len() + 1 == d.len() && d.starts_with(stem))
        {
            return format!("{stem}l{us}");
        }
    }
    for (british, us, min) in [
        ("yse", "yze", 2),
        ("dgement", "dgment", 1),
        ("ogue", "og", 4),
        ("amme", "am", 3),
        ("tre", "ter", 3),
    ] {
        if let Some(stem) = w.strip_suffix(british)
            && stem.len() >= min
        {
            return format!("{stem}{us}");
        }
    }
    if let Some(stem) = w.strip_suffix("our")
        && stem.len() >= 3
        && !stem.ends_with('t')
    {
        return format!("{stem}or");
    }
    match w {
        "defence" => "defense",
        "licence" => "license",
        "offence" => "offense",
        _ => w,
    }
    .to_string()
}

impl Builder {
    pub(super) fn tags(&mut self, name: &str, raw: RawTags) {
        for t in raw.tags {
            let t = t.value;
            let origin = at(name, &t.id.referenced, 0);
            self.check_id(&origin, "tag", &t.id.value);
            let known = self.bank.tags.iter().chain(&self.fallback_tags);
            if let Some(first) = known.clone().find(|k| k.id == t.id.value) {
                // Repeating a tag another bank already lists is harmless; twice in one file is a slip.
                if first.origin.file == name {
                    let msg = format!(
                        "tag `{}` is listed twice; also at {}",
                        t.id.value, first.origin
                    );
                    self.diags.push(Diagnostic::at(&origin, msg));
                }
                continue;
            }
            for a in &t.aliases {
                if let Some(owner) = known
                    .clone()
                    .find(|k| k.id == a.value || k.aliases.contains(&a.value.as_str().into()))
                {
                    let msg = format!(
                        "alias `{}` is already a tag or an alias of `{}`",
                        a.value, owner.id
                    );
                    self.diags
                        .push(Diagnostic::at(&at(name, &a.referenced, 0), msg));
                }
            }
            self.bank.tags.push(Tag {
                id: t.id.value.into(),
                aliases: t.aliases.into_iter().map(|a| a.value.into()).collect(),
                summary: t.summary.trim().to_string().into(),
                origin,
            });
        }
    }

    /// Warn about every tag of the new questions that is an alias, or a near spelling, of a tag
    /// in the vocabulary.
    pub(super) fn lint_tags(&mut self) {
        let vocabulary: Vec<Tag> = self
            .bank
            .tags
            .iter()
            .chain(&self.fallback_tags)
            .cloned()
            .collect();
        if vocabulary.is_empty() {
            return;
        }
        let mut by_key: HashMap<String, &Tag> = HashMap::new();
        let mut alias: HashMap<&str, &Tag> = HashMap::new();
        for t in &vocabulary {
            by_key.entry(tag_key(&t.id)).or_insert(t);
            for a in &t.aliases {
                alias.insert(a, t);
            }
        }
        let mut warnings = Vec::new();
        for (question, tag, here) in std::mem::take(&mut self.pending_tags) {
            if vocabulary.iter().any(|t| t.id == tag) {
                continue;
            }
            let msg = if let Some(t) = alias.get(tag.as_str()) {
                format!(
                    "tag `{tag}` is an alias of `{}` in the tag vocabulary ({}); write `{}`",
                    t.id, t.origin, t.id
                )
            } else if let Some(t) = by_key.get(&tag_key(&tag)) {
                format!(
                    "tag `{tag}` differs from the known tag `{}` only by spelling or plural; write `{}`",
                    t.id, t.id
                )
            } else {
                continue;
            };
            warnings.push(Diagnostic::at(&here, format!("{question}: {msg}")));
        }
        self.bank.warnings.extend(warnings);
    }
}

#[cfg(test)]
mod tests {
    use super::tag_key;

    #[test]
    fn spellings_and_plurals_of_one_tag_meet() {
        for (a, b) in [
            ("prioritisation", "prioritization"),
            ("stakeholder", "stakeholders"),
            ("candour", "candor"),
            ("levelling", "leveling"),
            ("organisations", "organization"),
            ("priorities", "priority"),
            ("legacy-modernisation", "legacy-modernization"),
            ("postmortem", "postmortems"),
            ("judgement", "judgment"),
            ("behaviours", "behavior"),
            ("optimised", "optimized"),
            ("modelling", "modeling"),
        ] {
            assert_eq!(tag_key(a), tag_key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("focus", "foc"),
            ("on-call", "on-calls-x"),
            ("kafka", "cafka"),
            ("status", "statu"),
            ("upskilling", "upskiling"),
            ("influence", "influense"),
            ("enterprise", "enterprize"),
            ("promise", "promize"),
            ("hours", "hors"),
        ] {
            assert_ne!(tag_key(a), tag_key(b), "{a} / {b}");
        }
    }
}
