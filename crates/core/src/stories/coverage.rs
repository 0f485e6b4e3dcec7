//! Themes against stories: which themes the user's stories cover, which are empty, and which
//! behavioural questions in the bank each theme serves (by the question's section or tags), so a
//! gap comes with the questions it would cost.

use super::Story;
use crate::bank::{Bank, Kind, Question};
use serde::Serialize;

/// A theme prep knows, and how it finds the bank questions that need it.
#[derive(Debug)]
pub struct Theme {
    pub id: &'static str,
    pub label: &'static str,
    /// Behavioural questions in these sections need the theme...
    pub sections: &'static [&'static str],
    /// ...and so do behavioural questions carrying any of these tags.
    pub tags: &'static [&'static str],
}

const fn t(
    id: &'static str,
    label: &'static str,
    sections: &'static [&'static str],
    tags: &'static [&'static str],
) -> Theme {
    Theme {
        id,
        label,
        sections,
        tags,
    }
}

/// The fixed vocabulary, in the order coverage shows it.
#[rustfmt::skip]
pub const THEMES: &[Theme] = &[
    t("conflict", "conflict", &["conflict"],
      &["conflict", "disagreement", "team-conflict", "technical-disagreement", "mediation"]),
    t("failure", "failure", &[], &["failure", "missed-deadline", "mistakes", "turnaround"]),
    t("mentoring", "mentoring", &["mentoring"],
      &["mentoring", "coaching", "career-growth", "sponsorship", "leadership-development"]),
    t("delivery-under-pressure", "delivery under pressure", &["ownership"],
      &["delivery", "missed-deadline", "schedule", "launch", "deadline"]),
    t("incident", "incident", &["incidents"],
      &["incident-response", "outage", "postmortem", "team-crisis", "incidents"]),
    t("influence-without-authority", "influence without authority", &["influence"],
      &["influence", "influence-without-authority", "buy-in", "scaling-influence"]),
    t("ambiguity", "ambiguity", &["ambiguity"], &["ambiguity", "uncertainty", "problem-framing"]),
    t("partnership", "partnership", &["partnerships"],
      &["stakeholder-management", "product-partnership", "cross-functional", "partnerships",
        "cross-team", "stakeholders"]),
    t("pushback-to-manager", "pushback to a manager", &[],
      &["managing-up", "pushback", "saying-no", "disagree-and-commit"]),
    t("culture-change", "culture change", &[],
      &["engineering-culture", "culture", "change-management", "team-norms",
        "psychological-safety", "resistance-to-change"]),
    t("hiring", "hiring", &[], &["hiring", "interview-design", "talent-density", "recruiting"]),
    t("difficult-conversation", "difficult conversation", &[],
      &["difficult-conversations", "feedback", "underperformance", "performance-management"]),
    t("technical-decision", "technical decision", &[],
      &["technical-decisions", "decision-making", "architecture", "trade-offs"]),
    t("role-transition", "stepping into a new role", &["transitions"],
      &["transition", "new-manager", "ic-to-lead", "new-role", "inherited-team"]),
    t("remote-team", "leading a remote team", &["remote"],
      &["remote", "distributed-teams", "async", "time-zones"]),
];

/// A known theme by its id (already [`super::normalize`]d).
pub fn theme(id: &str) -> Option<&'static Theme> {
    THEMES.iter().find(|t| t.id == id)
}

/// Does a question call for a story on this theme? Only behavioural questions do. A theme of the
/// user's own matches a question whose section or a tag has the same name.
pub fn needs(theme_id: &str, q: &Question) -> bool {
    if q.kind != Kind::Behavioral {
        return false;
    }
    match theme(theme_id) {
        Some(t) => {
            t.sections.contains(&q.section.as_ref())
                || q.tags.iter().any(|tag| t.tags.contains(&tag.as_ref()))
        }
        None => q.section == theme_id || q.tags.iter().any(|tag| tag == theme_id),
    }
}

/// The stories to offer when drilling `q`: those that name it, then those whose themes fit it.
pub fn stories_for<'a>(q: &Question, stories: &'a [Story]) -> Vec<&'a Story> {
    if q.kind != Kind::Behavioral {
        return Vec::new();
    }
    let named = stories.iter().filter(|s| s.answers(&q.id));
    let themed = stories
        .iter()
        .filter(|s| !s.answers(&q.id) && s.theme_ids().any(|t| needs(&t, q)));
    named.chain(themed).collect()
}

/// One row of the grid.
#[derive(Clone, Debug, Serialize)]
pub struct ThemeRow {
    pub id: String,
    pub label: String,
    /// False for a theme only the user's stories use.
    pub known: bool,
    /// Indices into [`Coverage::stories`] of the stories with this theme.
    pub stories: Vec<usize>,
    /// Ids of the behavioural bank questions that need this theme.
    pub questions: Vec<String>,
}

impl ThemeRow {
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct StoryColumn {
    pub name: String,
    pub title: String,
}

/// Themes (rows) against stories (columns): the known themes first, then the user's own.
#[derive(Clone, Debug, Serialize)]
pub struct Coverage {
    pub stories: Vec<StoryColumn>,
    pub themes: Vec<ThemeRow>,
}

impl Coverage {
    pub fn empty_themes(&self) -> impl Iterator<Item = &ThemeRow> {
        self.themes.iter().filter(|r| r.known && r.is_empty())
    }

    pub fn covered(&self) -> usize {
        self.themes
            .iter()
            .filter(|r| r.known && !r.is_empty())
            .count()
    }
}

pub fn compute(bank: &Bank, stories: &[Story]) -> Coverage {
    let mut ids: Vec<(String, String, bool)> = THEMES
        .iter()
        .map(|t| (t.id.to_string(), t.label.to_string(), true))
        .collect();
    for s in stories {
        for id in s.theme_ids() {
            if !id.is_empty() && !ids.iter().any(|(known, _, _)| *known == id) {
                ids.push((id.clone(), id.replace('-', " "), false));
            }
        }
    }
    let themes = ids
        .into_iter()
        .map(|(id, label, known)| ThemeRow {
            stories: (0..stories.len())
                .filter(|&i| stories[i].theme_ids().any(|t| t == id))
                .collect(),
            questions: bank
                .filter(&Default::default())
                .filter(|q| needs(&id, q))
                .map(|q| q.id.to_string())
                .collect(),
            id,
            label,
            known,
        })
        .collect();
    Coverage {
        stories: stories
            .iter()
            .map(|s| StoryColumn {
                name: s.name.clone(),
                title: s.shown_title().to_string(),
            })
            .collect(),
        themes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;
    use crate::stories::parse;

    fn story(name: &str, themes: &str, questions: &str) -> Story {
        let text =
            format!("---\ntitle: {name}\nthemes: [{themes}]\nquestions: [{questions}]\n---\n");
        parse(&format!("{name}.md"), name, &text).unwrap()
    }

    #[test]
    fn every_known_theme_serves_some_behavioural_question() {
        let bank = load_builtin();
        let c = compute(&bank, &[]);
        for row in &c.themes {
            assert!(
                !row.questions.is_empty(),
                "theme {} needs no question",
                row.id
            );
            for q in &row.questions {
                assert_eq!(bank.question(q).unwrap().kind, Kind::Behavioral);
            }
        }
        assert_eq!(c.empty_themes().count(), THEMES.len());
        let conflict = &c.themes[0];
        let section = bank.section("conflict").unwrap();
        assert!(conflict.questions.len() >= section.questions.len());
    }

    #[test]
    fn grid_marks_stories_per_theme_and_keeps_own_themes() {
        let bank = load_builtin();
        let stories = [
            story("a", "conflict, Delivery under pressure", ""),
            story("b", "conflict, managing-up", ""),
        ];
        let c = compute(&bank, &stories);
        let row = |id: &str| c.themes.iter().find(|r| r.id == id).unwrap();
        assert_eq!(row("conflict").stories, [0, 1]);
        assert_eq!(row("delivery-under-pressure").stories, [0]);
        assert!(row("hiring").is_empty());
        let own = row("managing-up");
        assert!(!own.known);
        assert_eq!(own.stories, [1]);
        assert!(
            !own.questions.is_empty(),
            "bank questions tagged managing-up"
        );
        assert_eq!(c.covered(), 2);
        assert!(c.empty_themes().all(|r| r.id != "conflict"));
    }

    #[test]
    fn drilling_offers_named_stories_first_then_themed_ones() {
        let bank = load_builtin();
        let all = Default::default();
        let q = bank
            .filter(&all)
            .find(|q| q.section == "conflict" && q.kind == Kind::Behavioral)
            .unwrap();
        let stories = [
            story("themed", "conflict", ""),
            story("other", "hiring", ""),
            story("named", "", &q.id),
        ];
        let names: Vec<_> = stories_for(q, &stories)
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["named", "themed"]);
        let design = bank.question("sd-url-shortener").unwrap();
        assert!(stories_for(design, &stories).is_empty());
    }
}
