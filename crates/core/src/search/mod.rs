//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; a query scores the fields and keeps the best one per item, skipping
//! fields that cannot change the results (`score.rs`). A query that only adds characters to the
//! previous one looks only at the fields that one matched (a fuzzy match of the longer query is a
//! match of the shorter one); scores are the same. Large candidate sets are shared across the
//! machine's cores (`split.rs`). [`Background`] runs an index on its own thread, so an
//! interactive front end never waits for a keystroke's results.

mod background;
mod bound;
mod score;
mod seen;
mod split;
pub use background::{Background, Results};

use crate::bank::Bank;
use bound::{Bounds, Words};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use score::{Job, Prune};
use seen::Seen;
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

/// Candidates are scored in chunks of about this many, shared across the cores once there are
/// [`PARALLEL_FROM`] chunks (fewer are scored on this thread: starting a thread would cost more
/// than it saves; the built-in bank alone is under the line).
const CHUNK: usize = 512;
const PARALLEL_FROM: usize = 8;

/// A prepared search index over one bank.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// One per thread that scores (made on first need); the first is also used to find
    /// positions. How many threads may score: the cores, asked once (it reads files on Linux).
    matchers: Vec<Matcher>,
    threads: usize,
    /// Chunks from which the scoring is shared across the cores, and candidates per chunk (see
    /// [`CHUNK`]).
    parallel_from: usize,
    chunk: usize,
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
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
            parallel_from: PARALLEL_FROM,
            chunk: CHUNK,
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
        let (matched, hits) = self.score(&pattern, &candidates, limit);
        self.last = Some((query.to_string(), matched));
        hits
    }
}

/// The best items `seen` found, as (score, entry) pairs, best first, at most `limit`.
fn rank(seen: &Seen, limit: usize) -> Vec<(u32, u32)> {
    let mut best = seen.ranked();
    // Letters scattered across a long text still "match"; keep only hits close to the best.
    let floor = best.first().map_or(0, |b| b.0 * RELEVANCE_PERCENT / 100);
    best.retain(|b| b.0 >= floor);
    best.truncate(limit);
    best
}

/// The hit for a ranked (score, entry) pair, with the characters to highlight. `known` holds
/// letters already found while scoring, by entry (ascending): those are reused.
fn hit(
    entries: &[Entry],
    pattern: &Pattern,
    known: &[(u32, Vec<u32>)],
    &(score, i): &(u32, u32),
    matcher: &mut Matcher,
) -> Hit {
    let e = &entries[i as usize];
    let positions = match known.binary_search_by_key(&i, |k| k.0) {
        Ok(k) => known[k].1.clone(),
        Err(_) => {
            let mut positions = Vec::new();
            pattern.indices(e.text.slice(..), matcher, &mut positions);
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
}

impl SearchIndex {
    /// Score the candidates; `keep` is how many items the results may hold. They are scored a
    /// chunk at a time, on this thread when there are few, or shared across the cores, each
    /// thread taking the next chunk in turn and telling the others how high the kept items
    /// score (the letters of the hits are then found on every core too). Returns the
    /// candidates for a longer query, and the hits.
    fn score(
        &mut self,
        pattern: &Pattern,
        candidates: &[u32],
        keep: usize,
    ) -> (Vec<u32>, Vec<Hit>) {
        let caps = score::ceilings(pattern, &mut self.matchers[0]).unwrap_or_default();
        let prune = match (self.prune, caps.is_empty()) {
            (true, false) => Some(Prune {
                ceiling: caps.iter().sum(),
                keep,
            }),
            _ => None,
        };
        let mut turns: Vec<usize> = (0..caps.len()).collect();
        turns.sort_by_key(|&a| std::cmp::Reverse(caps[a]));
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
        let job = Job {
            entries,
            pattern,
            prune,
            keep,
            passed: &passed,
            caps: &caps,
            turns: &turns,
        };
        let chunks = split::chunks(candidates, self.chunk, bounds.as_ref());
        let mut matched = Vec::with_capacity(candidates.len());
        // Letters found while scoring (by `fill`), reused for the hits.
        let known = std::mem::take(&mut seen.highlights);
        let hit = |r: &(u32, u32), m: &mut Matcher| hit(entries, pattern, &known, r, m);
        while self.matchers.len() < self.threads {
            self.matchers.push(Matcher::new(Config::DEFAULT));
        }
        if chunks.len() >= self.parallel_from
            && let Some((mine, helpers)) = self.matchers.split_first_mut()
            && !helpers.is_empty()
        {
            let m = (mine, helpers);
            let hits = split::share(&job, &chunks, m, bounds, &mut seen, &mut matched, &hit);
            return (matched, hits);
        }
        for (n, chunk) in chunks.iter().enumerate() {
            let m = &mut self.matchers[0];
            matched.extend(score::run(&job, chunk, m, bounds.as_mut(), &mut seen));
            if seen.stopped {
                chunks[n + 1..]
                    .iter()
                    .for_each(|c| matched.extend_from_slice(c));
                break;
            }
        }
        let m = &mut self.matchers[0];
        let hits = rank(&seen, keep).iter().map(|r| hit(r, m)).collect();
        (matched, hits)
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
