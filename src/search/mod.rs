//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; each query scores every field and keeps the best one per item.
//! A query that only adds characters to the previous one scores only the fields that one matched
//! (a fuzzy match of the longer query is a match of the shorter one); scores are the same. Large
//! candidate sets are split across the machine's cores. [`Background`] runs an index on its own
//! thread, so an interactive front end never waits for a keystroke's results.

mod background;
pub use background::{Background, Results};

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

/// Fewer candidates than this are scored on one thread: starting threads would cost more.
const PARALLEL_FROM: usize = 16_384;

/// What scoring a run of entries found: the entries that matched, ascending, and the best entry of
/// each item as (score with weight, entry), in entry order.
#[derive(Default)]
struct Scored {
    matched: Vec<u32>,
    best: Vec<(u32, usize)>,
}

impl Scored {
    /// Append a later run's results; an item split across the two runs keeps its best entry
    /// (the earlier one on a tie, as scoring in one run would).
    fn append(&mut self, later: Scored, entries: &[Entry]) {
        self.matched.extend(later.matched);
        let mut rest = later.best.into_iter().peekable();
        if let (Some(last), Some(first)) = (self.best.last_mut(), rest.peek())
            && entries[last.1].target == entries[first.1].target
        {
            if first.0 > last.0 {
                *last = *first;
            }
            rest.next();
        }
        self.best.extend(rest);
    }
}

/// Score `candidates` (ascending entry numbers) against `pattern`.
fn score(
    entries: &[Entry],
    candidates: &[u32],
    pattern: &Pattern,
    matcher: &mut Matcher,
) -> Scored {
    let mut out = Scored::default();
    let mut last: Option<Target> = None;
    for &i in candidates {
        let e = &entries[i as usize];
        let Some(score) = pattern.score(e.text.slice(..), matcher) else {
            continue;
        };
        out.matched.push(i);
        let score = score + e.weight;
        match out.best.last_mut() {
            Some(slot) if last == Some(e.target) => {
                if score > slot.0 {
                    *slot = (score, i as usize);
                }
            }
            _ => out.best.push((score, i as usize)),
        }
        last = Some(e.target);
    }
    out
}

/// A prepared search index over one bank.
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// One per thread that scores; the first is also used to find positions.
    matchers: Vec<Matcher>,
    /// Candidate count from which scoring is split across threads.
    parallel_from: usize,
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
            matchers: vec![Matcher::new(Config::DEFAULT)],
            parallel_from: PARALLEL_FROM,
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
        let Scored { matched, mut best } = self.score(&pattern, &candidates);
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
                pattern.indices(e.text.slice(..), &mut self.matchers[0], &mut positions);
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

impl SearchIndex {
    /// Score the candidates, split across the cores when there are many.
    fn score(&mut self, pattern: &Pattern, candidates: &[u32]) -> Scored {
        let threads = if candidates.len() < self.parallel_from {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
        };
        while self.matchers.len() < threads {
            self.matchers.push(Matcher::new(Config::DEFAULT));
        }
        let entries = &self.entries;
        if threads == 1 {
            return score(entries, candidates, pattern, &mut self.matchers[0]);
        }
        let chunk = candidates.len().div_ceil(threads);
        let parts: Vec<Scored> = std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .zip(self.matchers.iter_mut())
                .map(|(part, matcher)| scope.spawn(move || score(entries, part, pattern, matcher)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut all = Scored::default();
        for part in parts {
            all.append(part, entries);
        }
        all
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
        let bank = load_builtin();
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
        let bank = load_builtin();
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
        let bank = load_builtin();
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
            let mut fields = vec![(Field::Prompt, 8, q.prompt.as_ref()), (Field::Id, 4, &q.id)];
            fields.extend(q.tags.iter().map(|t| (Field::Tag, 2, t.as_ref())));
            fields.extend(q.probes.iter().map(|p| (Field::Probe, 0, p.as_ref())));
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
        let bank = load_builtin();
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
    fn scoring_on_several_threads_ranks_as_one_thread_does() {
        let mut sources = vec![crate::bank::BankSource::Builtin];
        sources.extend(crate::synth::memory_sources(300));
        let bank = crate::bank::load(&sources).unwrap();
        let mut split = SearchIndex::new(&bank);
        split.parallel_from = 1;
        let mut whole = SearchIndex::new(&bank);
        whole.parallel_from = usize::MAX;
        // Typed and backspaced, so both fresh and narrowed candidate sets are split.
        for query in [
            "c",
            "ca",
            "cach",
            "cache r",
            "cache",
            "lead",
            "incident review",
            "zz",
        ] {
            assert_eq!(
                split.search(query, 200),
                whole.search(query, 200),
                "{query:?}"
            );
        }
        assert!(
            split.matchers.len() > 1 || std::thread::available_parallelism().unwrap().get() == 1
        );
    }

    #[test]
    fn a_query_that_is_not_an_extension_searches_everything_again() {
        let bank = load_builtin();
        let mut index = SearchIndex::new(&bank);
        assert!(!index.search("url shortener", 5).is_empty());
        let fresh = SearchIndex::new(&bank).search("conflict", 5);
        assert_eq!(index.search("conflict", 5), fresh);
        assert!(!index.search("conflict !zzz", 5).is_empty(), "negation");
    }
}
