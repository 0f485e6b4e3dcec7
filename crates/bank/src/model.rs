//! The bank's plain types: sections, questions, rubrics, guides, where each was defined, and the
//! filter shared by the CLI and the TUI.

use super::Diagnostic;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// Text in the bank: borrowed from the binary for the built-in bank (nothing to copy at start),
/// owned for banks read from disk.
pub type Text = Cow<'static, str>;

/// Where something was defined: a file as the user would name it, and a 1-based position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: Text,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $word:literal / $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The word used in bank files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
            /// A short human label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            pub fn parse(word: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == word)
            }
            /// All accepted words, comma separated, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum!(
    /// What sort of question this is; decides the clock and the default rubric.
    Kind {
        SystemDesign = "system-design" / "system design",
        Judgment = "judgment" / "judgment call",
        Behavioral = "behavioral" / "behavioral",
        Strategy = "strategy" / "strategy",
        Ask = "ask" / "question to ask",
        Estimation = "estimation" / "estimation",
    }
);

word_enum!(
    /// The roles a question suits.
    Role {
        TechLead = "tech-lead" / "tech lead",
        Staff = "staff" / "staff engineer",
        Em = "em" / "engineering manager",
        Director = "director" / "director / VP",
    }
);

word_enum!(
    /// The two axes a leadership loop is scored on.
    Axis {
        Technical = "technical" / "technical judgement",
        People = "people" / "people leadership",
    }
);

#[derive(Clone, Debug, Serialize)]
pub struct RubricItem {
    pub id: Text,
    pub text: Text,
    pub weight: u32,
    pub axis: Axis,
}

#[derive(Clone, Debug, Serialize)]
pub struct Rubric {
    pub id: Text,
    pub title: Text,
    pub items: Vec<RubricItem>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Clone, Debug, Serialize)]
pub struct Question {
    pub id: Text,
    pub section: Text,
    pub prompt: Text,
    pub kind: Kind,
    pub roles: Vec<Role>,
    /// Time limit in seconds.
    pub time: u32,
    pub rubric: Text,
    pub probes: Vec<Text>,
    pub checks: Vec<Text>,
    pub talking_points: Text,
    pub pitfalls: Vec<Text>,
    pub follow_ups: Vec<Text>,
    pub tags: Vec<Text>,
    #[serde(skip)]
    pub origin: Origin,
    /// The axis each own check names (`people:` / `technical:`), one per check; `None` scores on
    /// the axis of the question's kind.
    pub check_axes: Vec<Option<Axis>>,
    /// What a strong answer adds at each role, in file order.
    pub levels: Vec<Level>,
    /// A short weak answer and what the strong one does differently.
    pub example: Option<Example>,
}

/// A check added to the rubric, with the axis it names, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub text: Text,
    pub axis: Option<Axis>,
}

/// What a strong answer adds at one role: the bar, a check added to the rubric at that level, and
/// that level's own time limit.
#[derive(Clone, Debug, Serialize)]
pub struct Level {
    pub role: Role,
    pub bar: Text,
    pub check: Option<Check>,
    /// Seconds; `None` uses the question's `time`.
    pub time: Option<u32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Example {
    pub weak: Text,
    pub strong: Text,
}

impl Question {
    /// The part of the question for `role`, if it has one.
    pub fn level(&self, role: Role) -> Option<&Level> {
        self.levels.iter().find(|l| l.role == role)
    }

    /// The time limit when practising at `role` (its level's time, else the question's).
    pub fn time_for(&self, role: Option<Role>) -> u32 {
        role.and_then(|r| self.level(r))
            .and_then(|l| l.time)
            .unwrap_or(self.time)
    }

    /// The axis own check `n` (0-based) counts towards: the one it names, else the kind's.
    pub fn check_axis(&self, n: usize) -> Axis {
        self.check_axes
            .get(n)
            .copied()
            .flatten()
            .unwrap_or_else(|| self.kind.own_check_axis())
    }
}

impl Kind {
    /// The axis a question's plain own checks count towards: the one its kind mostly tests.
    pub fn own_check_axis(self) -> Axis {
        match self {
            Kind::SystemDesign | Kind::Judgment | Kind::Strategy | Kind::Estimation => {
                Axis::Technical
            }
            Kind::Behavioral | Kind::Ask => Axis::People,
        }
    }
}

/// A tag of the curated vocabulary (`tags.yaml`), with the spellings that should become it.
#[derive(Clone, Debug, Serialize)]
pub struct Tag {
    pub id: Text,
    pub aliases: Vec<Text>,
    pub summary: Text,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    pub order: i64,
    pub summary: Text,
    /// Indices into [`Bank::questions`], in file order.
    #[serde(skip)]
    pub questions: Vec<usize>,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Clone, Debug, Serialize)]
pub struct Guide {
    pub id: Text,
    pub title: Text,
    pub order: i64,
    pub summary: Text,
    pub tags: Vec<Text>,
    /// Markdown body, after the front matter.
    pub body: Text,
    #[serde(skip)]
    pub origin: Origin,
}

/// A loaded, validated bank: the built-in one merged with any extra folders.
#[derive(Debug, Default)]
pub struct Bank {
    pub rubrics: Vec<Rubric>,
    /// Sorted by `order`, then title.
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    /// Sorted by `order`, then title.
    pub guides: Vec<Guide>,
    question_index: HashMap<Text, usize>,
    /// The curated tag vocabulary (`tags.yaml`), in file order.
    pub tags: Vec<Tag>,
    /// Problems that do not stop the bank loading (a question without levels or an example, a tag
    /// spelled unlike the vocabulary); `prep validate` prints them.
    pub warnings: Vec<Diagnostic>,
}

impl Bank {
    pub fn index(&mut self) {
        self.question_index = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    pub fn rubric(&self, id: &str) -> Option<&Rubric> {
        self.rubrics.iter().find(|r| r.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// Questions matching every given filter (None = any).
    pub fn filter<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Question> + 'a {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(|&i| &self.questions[i]))
            .filter(move |q| filter.matches(q))
    }
}

/// A filter over questions, shared by the CLI and the TUI.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub section: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<Kind>,
    pub role: Option<Role>,
}

impl Filter {
    pub fn matches(&self, q: &Question) -> bool {
        self.section.as_ref().is_none_or(|s| &q.section == s)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| q.tags.iter().any(|x| x == t))
            && self.kind.is_none_or(|k| q.kind == k)
            && self.role.is_none_or(|r| q.roles.contains(&r))
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}
