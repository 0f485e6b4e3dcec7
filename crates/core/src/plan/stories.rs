//! Stories per loop: which of the loop's themes (for Amazon, the principles it probes) have a
//! story, and which story is the named answer to too many of the loop's questions (the panel
//! compares notes, so the same story three times costs).

use crate::bank::{Bank, Loop};
use crate::stories::Story;
use serde::Serialize;

/// Named answers to more than this many of a loop's questions earn a warning.
pub const MAX_ANSWERS: usize = 2;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LoopStories {
    /// Each theme of the loop with the titles of the stories on it.
    pub themes: Vec<(String, Vec<String>)>,
    /// Stories named as the answer to too many questions the loop may ask: (title, how many).
    pub overused: Vec<(String, usize)>,
}

pub fn for_loop(bank: &Bank, lp: &Loop, stories: &[Story]) -> LoopStories {
    let themes = lp
        .themes
        .iter()
        .map(|t| {
            let id = crate::stories::normalize(t);
            let on: Vec<String> = stories
                .iter()
                .filter(|s| s.theme_ids().any(|x| x == id))
                .map(|s| s.shown_title().to_string())
                .collect();
            (t.clone(), on)
        })
        .collect();
    let mut overused = Vec::new();
    for s in stories {
        let n = s
            .questions
            .iter()
            .filter_map(|q| bank.question(q.value.trim()))
            .filter(|q| lp.parts.iter().any(|p| p.matches(q)))
            .count();
        if n > MAX_ANSWERS {
            overused.push((s.shown_title().to_string(), n));
        }
    }
    LoopStories { themes, overused }
}
