//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; a query scores the fields and keeps the best one per item, skipping
//! fields that cannot change the results (`score.rs`). A query that only adds characters to the
//! previous one looks only at the fields that one matched (a fuzzy match of the longer query is a
//! match of the shorter one); scores are the same. Large candidate sets are split across the
//! machine's cores. [`Background`] runs an index on its own thread, so an interactive front end
//! never waits for a keystroke's results.

mod background;
mod bound;
mod score;
pub use background::{Background, Results};

use crate::bank::Bank;
use bound::{Bounds, Words};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use score::{Prune, Seen};
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
    /// The item's number: questions, then guides, in bank order.
    item: u32,
    field: Field,
    /// Small bonus so a prompt or title beats an equally good tag or probe.
    weight: u32,
    text: Utf32String,
}

/// How many candidates are scored on this thread per block before the rest may be split across
/// threads (fewer than this are never split: starting threads would cost more).
const PARALLEL_FROM: usize = 16_384;

/// A prepared search index over one bank.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// One per thread that scores; the first is also used to find positions.
    matchers: Vec<Matcher>,
    /// Candidates scored on this thread per block before the rest may be split across threads.
    parallel_from: usize,
    /// Skip fields that cannot change the results (off only to test that it changes nothing).
    prune: bool,
    /// How many items (questions and guides).
    items: usize,
    /// Every entry's words, for bounding what a query can score on it.
    words: Words,
    /// The last query and the entries it matched, ascending.
    last: Option<(String, Vec<u32>)>,
}

impl SearchIndex {
    pub fn new(bank: &Bank) -> Self {
        let mut entries = Vec::new();
        let mut push = |target, item: usize, field, weight, text: &str| {
            entries.push(Entry {
                target,
                item: item as u32,
                field,
                weight,
                text: Utf32String::from(text),
            });
        };
        for (i, q) in bank.questions.iter().enumerate() {
            let t = Target::Question(i);
            push(t, i, Field::Prompt, 8, &q.prompt);
            push(t, i, Field::Id, 4, &q.id);
            for tag in &q.tags {
                push(t, i, Field::Tag, 2, tag);
            }
            for p in &q.probes {
                push(t, i, Field::Probe, 0, p);
            }
        }
        let first_guide = bank.questions.len();
        for (i, g) in bank.guides.iter().enumerate() {
            let t = Target::Guide(i);
            push(t, first_guide + i, Field::Title, 8, &g.title);
            push(t, first_guide + i, Field::Id, 4, &g.id);
            push(t, first_guide + i, Field::Summary, 0, &g.summary);
        }
        SearchIndex::over(entries)
    }

    /// An index over `entries`, given item by item, each item's fields heaviest first.
    fn over(mut entries: Vec<Entry>) -> Self {
        // Heaviest fields first, each weight in bank order (the sort is stable).
        entries.sort_by_key(|e| std::cmp::Reverse(e.weight));
        SearchIndex {
            words: Words::new(entries.iter().map(|e| (e.text.slice(..), e.item))),
            items: entries
                .iter()
                .map(|e| e.item as usize + 1)
                .max()
                .unwrap_or(0),
            entries,
            matchers: vec![Matcher::new(Config::DEFAULT)],
            parallel_from: PARALLEL_FROM,
            prune: true,
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
        let (matched, seen) = self.score(&pattern, &candidates, limit);
        self.last = Some((query.to_string(), matched));
        let mut best = seen.ranked();
        // Letters scattered across a long text still "match"; keep only hits close to the best.
        let floor = best.first().map_or(0, |b| b.0 * RELEVANCE_PERCENT / 100);
        best.retain(|b| b.0 >= floor);
        best.truncate(limit);
        self.hits(&pattern, &best, &seen.highlights)
    }

    /// The hits for ranked (score, entry) pairs, with the characters to highlight. (Finding
    /// them on several threads was tried: starting the threads cost more than it saved.)
    /// `known` holds letters already found while scoring, by entry (ascending): those are reused.
    fn hits(
        &mut self,
        pattern: &Pattern,
        ranked: &[(u32, u32)],
        known: &[(u32, Vec<u32>)],
    ) -> Vec<Hit> {
        ranked
            .iter()
            .map(|&(score, i)| {
                let e = &self.entries[i as usize];
                let positions = match known.binary_search_by_key(&i, |k| k.0) {
                    Ok(k) => known[k].1.clone(),
                    Err(_) => {
                        let mut positions = Vec::new();
                        pattern.indices(e.text.slice(..), &mut self.matchers[0], &mut positions);
                        positions.sort_unstable();
                        positions.dedup();
                        positions
                    }
                };
                Hit {
                    target: e.target,
                    field: e.field,
                    score,
                    text: plain(e.text.slice(..)),
                    positions,
                }
            })
            .collect()
    }
}

impl SearchIndex {
    /// Score the candidates; `keep` is how many items the results may hold. They are scored
    /// on this thread a block of `parallel_from` at a time while skipping spares most of a
    /// block (it often ends the search early); once it does not, what remains is split across
    /// the cores, each part starting from what this thread saw. Returns the candidates for a
    /// longer query, and what was found.
    fn score(&mut self, pattern: &Pattern, candidates: &[u32], keep: usize) -> (Vec<u32>, Seen) {
        let prune = match (self.prune, score::ceiling(pattern, &mut self.matchers[0])) {
            (true, Some(ceiling)) => Some(Prune { ceiling, keep }),
            _ => None,
        };
        let entries = &self.entries;
        let mut bounds = prune.and_then(|_| Bounds::new(&self.words, pattern));
        let mut seen = Seen::new(self.items);
        // Without bounds (query syntax, letters outside ASCII), find the likely best first.
        let passed = match (prune, score::words(pattern)) {
            (Some(p), Some(words)) if bounds.is_none() => {
                let m = &mut self.matchers[0];
                score::fill(entries, candidates, pattern, m, p, &words, &mut seen)
            }
            _ => Vec::new(),
        };
        let passed = &passed[..];
        let mut matched = Vec::new();
        let mut rest = candidates;
        loop {
            let (block, after) = rest.split_at(rest.len().min(self.parallel_from));
            let before = seen.scored;
            let m = &mut self.matchers[0];
            matched.extend(score::run(
                entries,
                block,
                pattern,
                m,
                prune,
                passed,
                bounds.as_mut(),
                &mut seen,
            ));
            rest = after;
            if seen.stopped {
                matched.extend_from_slice(rest);
                return (matched, seen);
            }
            if rest.is_empty() {
                return (matched, seen);
            }
            if seen.scored - before > block.len() / 2 {
                break;
            }
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        while self.matchers.len() < threads {
            self.matchers.push(Matcher::new(Config::DEFAULT));
        }
        let chunk = rest.len().div_ceil(threads);
        let start = &seen;
        let parts: Vec<(Vec<u32>, Seen)> = std::thread::scope(|scope| {
            let handles: Vec<_> = rest
                .chunks(chunk)
                .zip(self.matchers.iter_mut())
                .map(|(part, m)| {
                    let mut mine = start.clone();
                    let mut bounds = bounds.clone();
                    scope.spawn(move || {
                        let found = score::run(
                            entries,
                            part,
                            pattern,
                            m,
                            prune,
                            passed,
                            bounds.as_mut(),
                            &mut mine,
                        );
                        (found, mine)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (found, part) in parts {
            matched.extend(found);
            seen.absorb(part);
        }
        (matched, seen)
    }
}

/// The text back as a `String` (a copy of the bytes for ASCII; `to_string` would format it
/// a character at a time).
fn plain(text: Utf32Str<'_>) -> String {
    match text {
        Utf32Str::Ascii(bytes) => {
            std::str::from_utf8(bytes).map_or_else(|_| String::new(), str::to_owned)
        }
        Utf32Str::Unicode(chars) => chars.iter().collect(),
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
mod tests;
