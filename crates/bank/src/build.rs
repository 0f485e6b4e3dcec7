//! Turning bank files into a [`Bank`]: parse each file, check every value, merge sources, and
//! collect every problem with its position rather than stopping at the first.

use super::checks::at;
use super::parse::{self, Parsed};
use super::raw::{RawGuide, RawQuestion, RawRubrics, RawSection};
use super::source::{self, BankSource, FileKind};
use super::{
    Axis, Bank, Check, Diagnostic, Diagnostics, Guide, Kind, Origin, Question, Role, Rubric,
    RubricItem, Section, Tag, Text,
};
use serde_saphyr::Spanned;
use std::collections::HashMap;

/// `text` without surrounding white space, reusing its buffer.
fn trimmed(mut text: String) -> Text {
    text.truncate(text.trim_end().len());
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text.into()
}

/// Parse and check bank files from disk or memory, merged in order, with nothing built in. (The
/// built-in bank is already parsed: see the core crate's `bank/builtin.rs`.)
pub fn parse(sources: &[BankSource]) -> Result<Bank, Diagnostics> {
    Builder::default().run(sources)
}

/// Parse `sources` and add them to `base`: they may use its rubrics, and reusing one of its ids
/// is a clash.
pub fn parse_on_top_of(base: Bank, sources: &[BankSource]) -> Result<Bank, Diagnostics> {
    Builder::on_top_of(base).run(sources)
}

/// Check `sources` as one bank that would be loaded on top of `base`: rubric references may use
/// `base`'s rubrics and its ids are taken, but the result holds only what `sources` define.
pub fn validate_on_top_of(base: Bank, sources: &[BankSource]) -> Result<Bank, Diagnostics> {
    let mut builder = Builder::default();
    builder.reserve(&base);
    builder.fallback_rubrics = base.rubrics;
    builder.fallback_tags = base.tags;
    builder.run(sources)
}

#[derive(Default)]
pub(super) struct Builder {
    pub(super) bank: Bank,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) fallback_rubrics: Vec<Rubric>,
    pub(super) section_ids: HashMap<String, Origin>,
    pub(super) question_ids: HashMap<String, Origin>,
    pub(super) guide_ids: HashMap<String, Origin>,
    pub(super) rubric_ids: HashMap<String, Origin>,
    /// Questions whose rubric is checked once every rubric file is read.
    pub(super) pending_rubrics: Vec<(usize, Origin)>,
    /// The tag vocabulary of the bank this one is checked against (see [`validate_on_top_of`]).
    pub(super) fallback_tags: Vec<Tag>,
    /// Questions before this index came from the base bank and are not linted again.
    pub(super) first_new_question: usize,
    /// Every tag of the new questions, with where it was written, checked once the vocabulary is read.
    pub(super) pending_tags: Vec<(String, String, Origin)>,
}

impl Builder {
    /// A builder that adds to `bank`: its rubrics can be referred to and its ids are taken.
    pub(super) fn on_top_of(bank: Bank) -> Self {
        let mut builder = Builder::default();
        builder.reserve(&bank);
        builder.first_new_question = bank.questions.len();
        builder.bank = bank;
        builder
    }

    /// Treat every id of `bank` as taken, so reusing one is reported as a clash.
    pub(super) fn reserve(&mut self, bank: &Bank) {
        let pairs = |it: &mut dyn Iterator<Item = (&Text, &Origin)>| -> HashMap<String, Origin> {
            it.map(|(id, o)| (id.to_string(), o.clone())).collect()
        };
        self.section_ids = pairs(&mut bank.sections.iter().map(|s| (&s.id, &s.origin)));
        self.question_ids = pairs(&mut bank.questions.iter().map(|q| (&q.id, &q.origin)));
        self.guide_ids = pairs(&mut bank.guides.iter().map(|g| (&g.id, &g.origin)));
        self.rubric_ids = pairs(&mut bank.rubrics.iter().map(|r| (&r.id, &r.origin)));
    }

    pub(super) fn run(mut self, sources: &[BankSource]) -> Result<Bank, Diagnostics> {
        let mut files = Vec::new();
        for s in sources {
            source::collect(s, &mut files, &mut self.diags);
        }
        // Rubrics first so sections can refer to rubrics in any file.
        files.sort_by_key(|f| f.kind != FileKind::Rubrics);
        parse::each_parsed(&files, |name, parsed| match parsed {
            Parsed::Rubrics(raw) => self.rubrics(name, raw),
            Parsed::Section(raw) => self.section(name, raw),
            Parsed::Tags(raw) => self.tags(name, raw),
            Parsed::Guide {
                raw,
                body,
                body_line,
            } => self.guide(name, raw, &body, body_line),
            Parsed::Failed(diags) => self.diags.extend(diags),
        });
        self.resolve_rubrics();
        self.lint_tags();
        self.lint_people_weight();
        if !self.diags.is_empty() {
            return Err(Diagnostics(self.diags));
        }
        let mut bank = self.bank;
        bank.sections
            .sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
        bank.guides
            .sort_by(|a, b| (a.order, &a.title).cmp(&(b.order, &b.title)));
        bank.index();
        Ok(bank)
    }

    fn rubrics(&mut self, name: &str, raw: RawRubrics) {
        for r in raw.rubrics {
            let r = r.value;
            let origin = at(name, &r.id.referenced, 0);
            if let Some(first) = self.rubric_ids.get(&r.id.value) {
                let msg = format!(
                    "duplicate rubric id `{}`; also defined at {first}",
                    r.id.value
                );
                self.diags.push(Diagnostic::at(&origin, msg));
                continue;
            }
            self.rubric_ids.insert(r.id.value.clone(), origin.clone());
            self.check_id(&origin, "rubric", &r.id.value);
            self.non_empty(name, &r.title, "rubric title", 0);
            let mut items: Vec<RubricItem> = Vec::new();
            for item in r.items {
                let item = item.value;
                let here = at(name, &item.id.referenced, 0);
                self.check_id(&here, "rubric item", &item.id.value);
                if items.iter().any(|i| i.id == item.id.value) {
                    let msg = format!(
                        "duplicate item id `{}` in rubric `{}`",
                        item.id.value, r.id.value
                    );
                    self.diags.push(Diagnostic::at(&here, msg));
                }
                self.non_empty(name, &item.text, "rubric item text", 0);
                if !(1..=10).contains(&item.weight.value) {
                    let msg = format!("weight {} is outside 1-10", item.weight.value);
                    self.diags
                        .push(Diagnostic::at(&at(name, &item.weight.referenced, 0), msg));
                }
                let axis = self.word::<Axis>(name, &item.axis, "axis", Axis::parse, Axis::expected);
                items.push(RubricItem {
                    id: item.id.value.into(),
                    text: trimmed(item.text.value),
                    weight: item.weight.value,
                    axis: axis.unwrap_or(Axis::Technical),
                });
            }
            if items.is_empty() {
                self.diags.push(Diagnostic::at(
                    &origin,
                    format!("rubric `{}` has no items", r.id.value),
                ));
            }
            self.bank.rubrics.push(Rubric {
                id: r.id.value.into(),
                title: r.title.value.into(),
                items,
                origin,
            });
        }
    }

    fn section(&mut self, name: &str, raw: RawSection) {
        let RawSection {
            id,
            title,
            order,
            summary,
            questions,
        } = raw;
        let origin = at(name, &id.referenced, 0);
        self.check_id(&origin, "section", &id.value);
        self.non_empty(name, &title, "section title", 0);
        self.safe_text(&origin, "section summary", &summary);
        if let Some(first) = self.section_ids.get(&id.value) {
            let msg = format!(
                "duplicate section id `{}`; also defined at {first}",
                id.value
            );
            self.diags.push(Diagnostic::at(&origin, msg));
        }
        self.section_ids.insert(id.value.clone(), origin.clone());
        if questions.is_empty() {
            self.diags.push(Diagnostic::at(
                &origin,
                format!("section `{}` has no questions", id.value),
            ));
        }
        let mut indices = Vec::with_capacity(questions.len());
        for q in questions {
            if let Some(q) = self.question(name, &id.value, q.value) {
                indices.push(self.bank.questions.len());
                self.bank.questions.push(q);
            }
        }
        let section = Section {
            id: id.value.into(),
            title: trimmed(title.value),
            order,
            summary: trimmed(summary),
            questions: indices,
            origin,
        };
        self.bank.sections.push(section);
    }

    fn question(&mut self, name: &str, section: &str, q: RawQuestion) -> Option<Question> {
        let origin = at(name, &q.id.referenced, 0);
        self.check_id(&origin, "question", &q.id.value);
        if let Some(first) = self.question_ids.get(&q.id.value) {
            let msg = format!(
                "duplicate question id `{}`; also defined at {first}",
                q.id.value
            );
            self.diags.push(Diagnostic::at(&origin, msg));
        }
        self.question_ids.insert(q.id.value.clone(), origin.clone());
        self.non_empty(name, &q.prompt, "prompt", 0);
        self.safe_text(&origin, "talking points", &q.talking_points);
        let kind = self.word(name, &q.kind, "kind", Kind::parse, Kind::expected);
        let roles: Vec<Role> = q
            .roles
            .iter()
            .filter_map(|r| self.word(name, r, "role", Role::parse, Role::expected))
            .collect();
        let time = self.time(name, &q.time);
        let lists = [&q.probes, &q.pitfalls, &q.follow_ups, &q.tags];
        for (list, what) in lists
            .into_iter()
            .zip(["probe", "pitfall", "follow-up", "tag"])
        {
            for item in list {
                self.non_empty(name, item, what, 0);
            }
        }
        let checks: Vec<Check> = q
            .checks
            .iter()
            .filter_map(|c| self.check(name, c, "check"))
            .collect();
        for t in &q.tags {
            let here = at(name, &t.referenced, 0);
            self.pending_tags
                .push((q.id.value.clone(), t.value.trim().to_string(), here));
        }
        let levels = self.levels(name, &origin, &roles, q.levels);
        let example = self.example(name, &origin, q.example);
        let strings = |v: Vec<Spanned<String>>| v.into_iter().map(|s| trimmed(s.value)).collect();
        let (Some(kind), Some(time)) = (kind, time) else {
            return None;
        };
        self.pending_rubrics
            .push((self.bank.questions.len(), at(name, &q.rubric.referenced, 0)));
        Some(Question {
            id: q.id.value.into(),
            section: section.to_string().into(),
            prompt: trimmed(q.prompt.value),
            kind,
            roles,
            time,
            rubric: trimmed(q.rubric.value),
            probes: strings(q.probes),
            checks: checks.iter().map(|c| c.text.clone()).collect(),
            talking_points: q.talking_points.into(),
            pitfalls: strings(q.pitfalls),
            follow_ups: strings(q.follow_ups),
            tags: strings(q.tags),
            origin,
            check_axes: checks.iter().map(|c| c.axis).collect(),
            levels,
            example,
        })
    }

    fn guide(&mut self, name: &str, raw: RawGuide, body: &str, body_line: u32) {
        let origin = at(name, &raw.id.referenced, 1);
        self.check_id(&origin, "guide", &raw.id.value);
        self.non_empty(name, &raw.title, "guide title", 1);
        self.safe_text(&origin, "guide summary", &raw.summary);
        for tag in &raw.tags {
            self.safe_text(&at(name, &tag.referenced, 1), "guide tag", &tag.value);
        }
        if let Some(first) = self.guide_ids.get(&raw.id.value) {
            let msg = format!(
                "duplicate guide id `{}`; also defined at {first}",
                raw.id.value
            );
            self.diags.push(Diagnostic::at(&origin, msg));
        }
        self.guide_ids.insert(raw.id.value.clone(), origin.clone());
        if body.trim().is_empty() {
            self.diags.push(Diagnostic::new(
                name,
                body_line,
                1,
                "guide has no text after its front matter",
            ));
        }
        self.bank.guides.push(Guide {
            id: raw.id.value.into(),
            title: trimmed(raw.title.value),
            order: raw.order,
            summary: trimmed(raw.summary),
            tags: raw.tags.into_iter().map(|t| t.value.into()).collect(),
            body: body.to_string().into(),
            origin,
        });
    }

    fn resolve_rubrics(&mut self) {
        for (qi, origin) in std::mem::take(&mut self.pending_rubrics) {
            let wanted = self.bank.questions[qi].rubric.clone();
            if self.bank.rubric(&wanted).is_some() {
                continue;
            }
            if let Some(r) = self.fallback_rubrics.iter().find(|r| r.id == wanted) {
                self.bank.rubrics.push(r.clone());
                continue;
            }
            let known: Vec<_> = self
                .bank
                .rubrics
                .iter()
                .chain(&self.fallback_rubrics)
                .map(|r| r.id.as_ref())
                .collect();
            let msg = if known.is_empty() {
                format!(
                    "unknown rubric `{wanted}`: no rubrics are loaded; they live in the bank's rubrics.yaml, so check the file together with it (or the whole bank folder)"
                )
            } else {
                format!(
                    "unknown rubric `{wanted}`; known rubrics: {}",
                    known.join(", ")
                )
            };
            self.diags.push(Diagnostic::at(&origin, msg));
        }
    }
}
