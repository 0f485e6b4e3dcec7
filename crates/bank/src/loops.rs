//! Interview loops as data (`loops.yaml`): each loop is a list of parts, and a part says which
//! questions it asks (a kind, a section and/or any of some tags), how long each one takes and how
//! many. The built-in loops are in `content/loops.yaml`; a user bank's `loops.yaml` adds loops or
//! replaces one with the same id. [`check_loops`] pins every part that names an unknown section or
//! matches no question to its file and line.

use super::checks::{at, mapping_start, yaml_message};
use super::{Bank, Diagnostic, Kind, Origin, Question, Role};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// One interview loop.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Loop {
    pub id: String,
    pub title: String,
    /// The level the loop is for: questions for this role are asked first.
    pub role: Role,
    pub summary: String,
    /// Story themes the loop's behavioural rounds probe (coverage ids like `conflict`, or a
    /// section or tag name, as for a story's own themes).
    pub themes: Vec<String>,
    pub parts: Vec<LoopPart>,
    pub origin: Origin,
}

/// One part of a loop: `count` questions matching the filter, `time` seconds each.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoopPart {
    /// A short name for the part ("bar raiser", "coding-adjacent design").
    pub name: String,
    pub kind: Option<Kind>,
    pub section: Option<String>,
    /// Any of these tags (empty: no tag filter).
    pub tags: Vec<String>,
    pub time: u32,
    pub count: u32,
    pub origin: Origin,
}

impl LoopPart {
    /// Does `q` fit this part (role aside)?
    pub fn matches(&self, q: &Question) -> bool {
        self.kind.is_none_or(|k| q.kind == k)
            && self.section.as_ref().is_none_or(|s| q.section == *s)
            && (self.tags.is_empty() || q.tags.iter().any(|t| self.tags.iter().any(|w| w == t)))
    }
}

impl Loop {
    /// The questions the loop asks, all parts together.
    pub fn questions(&self) -> u32 {
        self.parts.iter().map(|p| p.count).sum()
    }

    /// How long the loop takes, in seconds: every part's time times its count.
    pub fn length(&self) -> u32 {
        self.parts.iter().map(|p| p.time * p.count).sum()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLoops {
    loops: Vec<Spanned<RawLoop>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLoop {
    id: Spanned<String>,
    title: Spanned<String>,
    role: Spanned<String>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    themes: Vec<String>,
    parts: Vec<Spanned<RawPart>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    kind: Option<Spanned<String>>,
    #[serde(default)]
    section: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<String>,
    time: Spanned<String>,
    #[serde(default)]
    count: Option<Spanned<String>>,
}

/// Parse one `loops.yaml` (named `name` in messages). Every problem is returned, each with its line.
pub fn parse_loops(name: &str, text: &str) -> Result<Vec<Loop>, Vec<Diagnostic>> {
    let raw: RawLoops = serde_saphyr::from_str(text).map_err(|e| {
        let (mut line, mut column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        let message = yaml_message(&e, text);
        if message.starts_with("missing field") {
            (line, column) = mapping_start(text, line, column);
        }
        vec![Diagnostic::new(name, line, column, message)]
    })?;
    let mut diags = Vec::new();
    let mut loops: Vec<Loop> = Vec::new();
    for l in raw.loops {
        let l = l.value;
        let origin = at(name, &l.id.referenced, 0);
        if let Some(first) = loops.iter().find(|x| x.id == l.id.value) {
            let msg = format!(
                "duplicate loop id `{}`; also defined at {}",
                l.id.value, first.origin
            );
            diags.push(Diagnostic::at(&origin, msg));
        }
        if !is_id(&l.id.value) {
            let msg = format!(
                "loop id `{}` must be lowercase letters, digits and dashes (like `staff`)",
                l.id.value
            );
            diags.push(Diagnostic::at(&origin, msg));
        }
        if l.title.value.trim().is_empty() {
            diags.push(Diagnostic::at(
                &at(name, &l.title.referenced, 0),
                "empty loop title",
            ));
        }
        let role = Role::parse(&l.role.value);
        if role.is_none() {
            let msg = format!(
                "unknown role `{}`; expected one of {}",
                l.role.value,
                Role::expected()
            );
            diags.push(Diagnostic::at(&at(name, &l.role.referenced, 0), msg));
        }
        if l.parts.is_empty() {
            diags.push(Diagnostic::at(
                &origin,
                format!("loop `{}` has no parts", l.id.value),
            ));
        }
        let parts = l
            .parts
            .into_iter()
            .filter_map(|p| part(name, p, &mut diags))
            .collect();
        loops.push(Loop {
            id: l.id.value,
            title: l.title.value.trim().to_string(),
            role: role.unwrap_or(Role::Staff),
            summary: l.summary.trim().to_string(),
            themes: l.themes.iter().map(|t| t.trim().to_string()).collect(),
            parts,
            origin,
        });
    }
    if diags.is_empty() {
        Ok(loops)
    } else {
        Err(diags)
    }
}

fn part(name: &str, p: Spanned<RawPart>, diags: &mut Vec<Diagnostic>) -> Option<LoopPart> {
    let origin = at(name, &p.referenced, 0);
    let p = p.value;
    let kind = match &p.kind {
        None => None,
        Some(k) => match Kind::parse(&k.value) {
            Some(kind) => Some(kind),
            None => {
                let msg = format!(
                    "unknown kind `{}`; expected one of {}",
                    k.value,
                    Kind::expected()
                );
                diags.push(Diagnostic::at(&at(name, &k.referenced, 0), msg));
                return None;
            }
        },
    };
    if kind.is_none() && p.section.is_none() && p.tags.is_empty() {
        let msg = "a part needs a kind, a section or tags to say which questions it asks";
        diags.push(Diagnostic::at(&origin, msg));
        return None;
    }
    let here = at(name, &p.time.referenced, 0);
    let time = match super::parse_duration(&p.time.value) {
        Some(secs @ 10..=10_800) => secs as u32,
        _ => {
            let msg = format!(
                "time `{}` is not a duration from 10s to 3h; write it like 90s, 45m or 1h",
                p.time.value
            );
            diags.push(Diagnostic::at(&here, msg));
            return None;
        }
    };
    let count = match &p.count {
        None => 1,
        Some(c) => match c.value.trim().parse::<u32>() {
            Ok(n @ 1..=20) => n,
            _ => {
                let msg = format!("count `{}` is not a whole number from 1 to 20", c.value);
                diags.push(Diagnostic::at(&at(name, &c.referenced, 0), msg));
                return None;
            }
        },
    };
    let section = p.section.map(|s| s.value);
    let name = p.name.map(|n| n.trim().to_string()).unwrap_or_else(|| {
        kind.map(|k| k.label().to_string())
            .or_else(|| section.clone())
            .unwrap_or_else(|| p.tags.join(" or "))
    });
    Some(LoopPart {
        name,
        kind,
        section,
        tags: p.tags,
        time,
        count,
        origin,
    })
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Problems with loops against the bank they run on: a part naming a section the bank lacks, or
/// a part no question fits.
pub fn check_loops(loops: &[Loop], bank: &Bank) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for l in loops {
        for p in &l.parts {
            if let Some(s) = &p.section
                && bank.section(s).is_none()
            {
                let known: Vec<&str> = bank.sections.iter().map(|s| s.id.as_ref()).collect();
                let msg = format!(
                    "loop `{}`: unknown section `{s}`; known sections: {}",
                    l.id,
                    known.join(", ")
                );
                diags.push(Diagnostic::at(&p.origin, msg));
            } else if !bank.questions.iter().any(|q| p.matches(q)) {
                let msg = format!(
                    "loop `{}`: part `{}` matches no question in the bank",
                    l.id, p.name
                );
                diags.push(Diagnostic::at(&p.origin, msg));
            }
        }
    }
    diags
}

/// `base` with `over` laid on top: a loop with an id already there replaces it in place, a new
/// one is added at the end.
pub fn merge_loops(mut base: Vec<Loop>, over: Vec<Loop>) -> Vec<Loop> {
    for l in over {
        match base.iter_mut().find(|b| b.id == l.id) {
            Some(slot) => *slot = l,
            None => base.push(l),
        }
    }
    base
}
