//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; each query scores every field and keeps the best one per item.
//! A query that only adds characters to the previous one scores only the fields that one matched
//! (a fuzzy match of the longer query is a match of the shorter one); scores are the same.

use crate::bank::Bank;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::Serialize;

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
    target: Target,
    field: Field,
    /// Small bonus so a prompt or title beats an equally good tag or probe.
    weight: u32,
    text: Utf32String,
}

/// A prepared search index over one bank.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: Matcher,
    /// The last query and the entries it matched, ascending.
    last: Option<(String, Vec<u32>)>,
}

impl SearchIndex {
    pub fn new(bank: &Bank) -> Self {
        let mut entries = Vec::new();
        let mut push = |target, field, weight, text: &str| {
            entries.push(Entry {
                target,
                field,
                weight,
                text: Utf32String::from(text),
            });
        };
        for (i, q) in bank.questions.iter().enumerate() {
            let t = Target::Question(i);
            push(t, Field::Prompt, 8, &q.prompt);
            push(t, Field::Id, 4, &q.id);
            for tag in &q.tags {
                push(t, Field::Tag, 2, tag);
            }
            for p in &q.probes {
                push(t, Field::Probe, 0, p);
            }
        }
        for (i, g) in bank.guides.iter().enumerate() {
            let t = Target::Guide(i);
            push(t, Field::Title, 8, &g.title);
            push(t, Field::Id, 4, &g.id);
            push(t, Field::Summary, 0, &g.summary);
        }
        SearchIndex {
            entries,
            matcher: Matcher::new(Config::DEFAULT),
            last: None,
        }
    }

    /// Ranked hits for `query`, best first, at most `limit`. An empty query returns nothing.
    pub fn search(&mut self, query: &str, limit: usize) -> Vec<Hit> {
        let previous = self.last.take();
        if query.trim().is_empty() || limit == 0 {
            return Vec::new();
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let candidates: Vec<u32> = match previous {
            Some((prev, matched)) if narrows(&prev, query) => matched,
            _ => (0..self.entries.len() as u32).collect(),
        };
        let mut matched = Vec::new();
        // Best entry per target.
        let mut best: Vec<(u32, usize)> = Vec::new();
        let mut last: Option<Target> = None;
        for i in candidates.into_iter().map(|i| i as usize) {
            let e = &self.entries[i];
            let Some(score) = pattern.score(e.text.slice(..), &mut self.matcher) else {
                continue;
            };
            matched.push(i as u32);
            let score = score + e.weight;
            match best.last_mut() {
                Some(slot) if last == Some(e.target) => {
                    if score > slot.0 {
                        *slot = (score, i);
                    }
                }
                _ => best.push((score, i)),
            }
            last = Some(e.target);
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
            .map(|(score, i)| {
                let e = &self.entries[i];
                positions.clear();
                pattern.indices(e.text.slice(..), &mut self.matcher, &mut positions);
                positions.sort_unstable();
                positions.dedup();
                Hit {
                    target: e.target,
                    field: e.field,
                    score,
                    text: e.text.to_string(),
                    positions: positions.clone(),
                }
            })
            .collect()
    }
}

/// Can `query` match only entries that `prev` matched? True when it adds to the end of `prev`
/// and neither uses the pattern syntax (`!` negates, `^ $ '` anchor, `\` escapes).
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

    /// Every field of every question scored afresh: the ranking narrowing must keep.
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
