//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; each query scores every field and keeps the best one per item.
//!
//! Per keystroke: each distinct text is scored once (questions share tags), and a query that only
//! adds characters to the previous one scores only the texts that one matched (a fuzzy match of
//! the longer query is a match of the shorter one). Scores are nucleo's optimal ones throughout.
use crate::bank::Bank;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::Serialize;
use std::collections::HashMap;

/// Hits scoring under this share of the best hit are dropped as noise.
const RELEVANCE_PERCENT: u32 = 75;

/// What a hit points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "index", rename_all = "lowercase")]
pub enum Target {
    /// Index into [`Bank::questions`].
    Question(usize),
    /// Index into [`Bank::guides`].
    Guide(usize),
}

/// Which field of the item matched best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Prompt,
    Id,
    Tag,
    Probe,
    Title,
    Summary,
}

/// One ranked result: the text that matched and the character positions to highlight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub target: Target,
    pub field: Field,
    pub score: u32,
    pub text: String,
    /// Char (not byte) indices into `text`, ascending.
    pub positions: Vec<u32>,
}

struct Entry {
    field: Field,
    /// Small bonus so a prompt or title beats an equally good tag or probe.
    weight: u32,
    /// Index into [`SearchIndex::texts`].
    text: u32,
}

const NO_MATCH: u32 = u32::MAX;

/// A prepared search index over one bank.
pub struct SearchIndex {
    /// Every distinct text once.
    texts: Vec<Utf32String>,
    /// Each item's fields, item after item in bank order.
    entries: Vec<Entry>,
    /// Each item and its fields: `entries[start..end]`.
    items: Vec<(Target, u32, u32)>,
    matcher: Matcher,
    /// The last query and the texts it matched.
    last: Option<(String, Vec<u32>)>,
    /// Score per text for the current query (scratch, reused; [`NO_MATCH`] between queries).
    scores: Vec<u32>,
}

impl SearchIndex {
    pub fn new(bank: &Bank) -> Self {
        let mut index = SearchIndex {
            texts: Vec::new(),
            entries: Vec::new(),
            items: Vec::new(),
            matcher: Matcher::new(Config::DEFAULT),
            last: None,
            scores: Vec::new(),
        };
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for (i, q) in bank.questions.iter().enumerate() {
            let mut fields = vec![(Field::Prompt, 8, q.prompt.as_str()), (Field::Id, 4, &q.id)];
            fields.extend(q.tags.iter().map(|t| (Field::Tag, 2, t.as_str())));
            fields.extend(q.probes.iter().map(|p| (Field::Probe, 0, p.as_str())));
            index.add(&mut seen, Target::Question(i), fields);
        }
        for (i, g) in bank.guides.iter().enumerate() {
            let fields = vec![
                (Field::Title, 8, g.title.as_str()),
                (Field::Id, 4, &g.id),
                (Field::Summary, 0, &g.summary),
            ];
            index.add(&mut seen, Target::Guide(i), fields);
        }
        index.scores = vec![NO_MATCH; index.texts.len()];
        index
    }

    /// An item and its fields; a text already held is referred to, not copied.
    fn add<'b>(
        &mut self,
        seen: &mut HashMap<&'b str, u32>,
        target: Target,
        fields: Vec<(Field, u32, &'b str)>,
    ) {
        let start = self.entries.len() as u32;
        for (field, weight, text) in fields {
            let text = *seen.entry(text).or_insert_with(|| {
                self.texts.push(Utf32String::from(text));
                self.texts.len() as u32 - 1
            });
            self.entries.push(Entry {
                field,
                weight,
                text,
            });
        }
        self.items.push((target, start, self.entries.len() as u32));
    }

    /// Ranked hits for `query`, best first, at most `limit`. An empty query returns nothing.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        if pattern.atoms.is_empty() || limit == 0 {
            self.last = None;
            return Vec::new();
        }
        let matched = self.score_texts(query, &pattern);
        // Each item's best field; the first of equals.
        let mut best: Vec<(u32, usize, usize)> = Vec::new();
        for (item, &(_, start, end)) in self.items.iter().enumerate() {
            let mut top: Option<(u32, usize)> = None;
            for e in start as usize..end as usize {
                let entry = &self.entries[e];
                let score = self.scores[entry.text as usize];
                if score != NO_MATCH && top.is_none_or(|t| score + entry.weight > t.0) {
                    top = Some((score + entry.weight, e));
                }
            }
            if let Some((score, e)) = top {
                best.push((score, item, e));
            }
        }
        for &t in &matched {
            self.scores[t as usize] = NO_MATCH;
        }
        self.last = Some((query.to_string(), matched));
        // Stable order for equal scores: bank order.
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // Letters scattered across a long text still "match"; keep only hits close to the best.
        let floor = best.first().map_or(0, |b| b.0 * RELEVANCE_PERCENT / 100);
        best.retain(|b| b.0 >= floor);
        best.truncate(limit);
        let mut positions = Vec::new();
        best.into_iter()
            .map(|(score, item, e)| {
                let entry = &self.entries[e];
                let text = &self.texts[entry.text as usize];
                positions.clear();
                pattern.indices(text.slice(..), &mut self.matcher, &mut positions);
                positions.sort_unstable();
                positions.dedup();
                Hit {
                    target: self.items[item].0,
                    field: entry.field,
                    score,
                    text: text.to_string(),
                    positions: positions.clone(),
                }
            })
            .collect()
    }

    /// Score the candidate texts into `self.scores`; return those that matched.
    fn score_texts(&mut self, query: &str, pattern: &Pattern) -> Vec<u32> {
        let candidates: Vec<u32> = match self.last.take() {
            Some((prev, matched)) if narrows(&prev, query) => matched,
            _ => (0..self.texts.len() as u32).collect(),
        };
        let mut matched = Vec::new();
        for t in candidates {
            if let Some(score) = pattern.score(self.texts[t as usize].slice(..), &mut self.matcher)
            {
                self.scores[t as usize] = score;
                matched.push(t);
            }
        }
        matched
    }
}

/// Can `query` match only texts that `prev` matched? True when it adds to the end of `prev` and
/// neither uses the pattern syntax (`!` negates, `^ $ '` anchor, `\` escapes).
fn narrows(prev: &str, query: &str) -> bool {
    !prev.trim().is_empty()
        && query.starts_with(prev)
        && !query.contains(['!', '^', '$', '\'', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;

    #[test]
    fn gaps_in_the_query_still_find_the_question() {
        let bank = load_builtin().unwrap();
        let mut index = SearchIndex::new(&bank);
        let target = bank.question_index("sd-url-shortener").unwrap();
        let hits = index.search("url shrtnr", 5);
        assert!(
            hits.iter().any(|h| h.target == Target::Question(target)),
            "{hits:?}"
        );
    }

    #[test]
    fn positions_point_at_the_matched_characters() {
        let bank = load_builtin().unwrap();
        let mut index = SearchIndex::new(&bank);
        let hits = index.search("star", 20);
        assert!(!hits.is_empty());
        for h in &hits {
            let chars: Vec<char> = h.text.chars().collect();
            let matched: String = h
                .positions
                .iter()
                .map(|&p| chars[p as usize].to_ascii_lowercase())
                .collect();
            assert_eq!(matched, "star", "{h:?}");
        }
    }

    #[test]
    fn results_are_ranked_and_one_per_item() {
        let bank = load_builtin().unwrap();
        let mut index = SearchIndex::new(&bank);
        let hits = index.search("conflict", 50);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        let mut targets: Vec<_> = hits.iter().map(|h| h.target).collect();
        targets.dedup();
        assert_eq!(targets.len(), hits.len());
        assert!(index.search("   ", 10).is_empty());
        assert!(index.search("zzqqxxjj", 10).is_empty());
    }

    /// Every field of every item scored with the optimal matcher: the ranking the fast path keeps.
    fn exhaustive(bank: &Bank, query: &str, limit: usize) -> Vec<(Target, Field, u32)> {
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut best: Vec<(u32, usize, Target, Field)> = Vec::new();
        for (i, q) in bank.questions.iter().enumerate() {
            let mut fields = vec![(Field::Prompt, 8, q.prompt.as_str()), (Field::Id, 4, &q.id)];
            fields.extend(q.tags.iter().map(|t| (Field::Tag, 2, t.as_str())));
            fields.extend(q.probes.iter().map(|p| (Field::Probe, 0, p.as_str())));
            let top = fields
                .into_iter()
                .filter_map(|(f, w, text)| {
                    let s = pattern.score(Utf32String::from(text).slice(..), &mut matcher)?;
                    Some((s + w, f))
                })
                .rev()
                .max_by_key(|(s, _)| *s);
            if let Some((score, field)) = top {
                best.push((score, i, Target::Question(i), field));
            }
        }
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let floor = best.first().map_or(0, |b| b.0 * RELEVANCE_PERCENT / 100);
        best.retain(|b| b.0 >= floor);
        best.truncate(limit);
        best.into_iter().map(|(s, _, t, f)| (t, f, s)).collect()
    }

    #[test]
    fn typing_ranks_as_scoring_every_field_exactly() {
        let bank = load_builtin().unwrap();
        let mut index = SearchIndex::new(&bank);
        for (query, limit) in [("rate limiter", 20), ("conflict", 20), ("hire", 10)] {
            // Typed a key at a time, as the search screen asks, so later keys narrow.
            for end in 1..=query.len() {
                let typed = &query[..end];
                let hits: Vec<_> = index
                    .search(typed, limit)
                    .into_iter()
                    .filter(|h| matches!(h.target, Target::Question(_)))
                    .map(|h| (h.target, h.field, h.score))
                    .collect();
                let want = exhaustive(&bank, typed, limit);
                let n = hits.len().min(want.len());
                assert_eq!(hits[..n], want[..n], "query {typed:?}");
            }
        }
    }

    #[test]
    fn a_query_that_is_not_an_extension_searches_everything_again() {
        let bank = load_builtin().unwrap();
        let mut index = SearchIndex::new(&bank);
        assert!(!index.search("url shortener", 5).is_empty());
        let fresh = SearchIndex::new(&bank).search("conflict", 5);
        assert_eq!(index.search("conflict", 5), fresh);
        assert!(!index.search("conflict !zzz", 5).is_empty(), "negation");
    }
}
