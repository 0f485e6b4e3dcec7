//! The bank's plain types: sections, questions, rubrics, guides, where each was defined, and the
//! filter shared by the CLI and the TUI.

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
