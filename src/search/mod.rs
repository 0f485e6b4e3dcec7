//! Fuzzy search over the bank (prompts, ids, tags, probes, guide titles) with nucleo-matcher.
//! The index is built once; each query scores every field and keeps the best one per item.
//! A query that only adds characters to the previous one scores only the fields that one matched
//! (a fuzzy match of the longer query is a match of the shorter one); scores are the same. Large
//! candidate sets are split across the machine's cores.
//!
//! No field scores more than the query matched against itself (every character matched in a row
//! from a word start). Once enough items hold that best score, a field whose best possible score
//! could not place its item among them is skipped without scoring: the results are exactly those
//! of scoring everything, and a short query over a large bank scores only a few hundred fields. [`Background`] runs an index on its own
//! thread, so an interactive front end never waits for a keystroke's results.

mod background;
pub use background::{Background, Results};

use crate::bank::Bank;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

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

/// What scoring a run of entries found: the entries that matched (or were skipped unscored, so
/// may match), ascending, and the best entry of each item as (score with weight, entry), in
/// entry order.
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

/// How a run of entries may skip fields: the query's best possible score, and how many items
/// the results keep.
#[derive(Clone, Copy)]
struct Prune {
    ceiling: u32,
    keep: usize,
    /// The largest field weight in the index.
    heaviest: u32,
}

/// The most `pattern` can score on any text, when that can be known: every atom fuzzy and not
/// negated, each scoring at most what it scores against its own text.
fn ceiling(pattern: &Pattern, matcher: &mut Matcher) -> Option<u32> {
    pattern.atoms.iter().try_fold(0u32, |total, atom| {
        if atom.negative || atom.kind != AtomKind::Fuzzy {
            return None;
        }
        let own = atom.score(atom.needle_text(), matcher)?;
        Some(total + u32::from(own))
    })
}

/// What scoring has learnt of the items before a run of entries.
#[derive(Clone, Default)]
struct Seen {
    /// The best `keep` item scores, lowest on top.
    top: BinaryHeap<Reverse<u32>>,
    best_yet: u32,
    /// Every later entry was skipped: no later item can place.
    stopped: bool,
    /// How many entries were scored (not skipped).
    scored: usize,
}

/// Score `candidates` (ascending entry numbers) against `pattern`, skipping fields that cannot
/// change the results (see the module notes), given what was `seen` before them.
fn score(
    entries: &[Entry],
    candidates: &[u32],
    pattern: &Pattern,
    matcher: &mut Matcher,
    prune: Option<Prune>,
    seen: &mut Seen,
) -> Scored {
    let mut out = Scored::default();
    // The item of the entry at hand, and whether `out.best`'s last slot is that item's.
    let mut item: Option<Target> = None;
    let mut item_has_best = false;
    let Seen {
        top,
        best_yet,
        stopped,
        scored,
    } = seen;
    for (n, &i) in candidates.iter().enumerate() {
        let e = &entries[i as usize];
        if item != Some(e.target) {
            if let (Some(p), true, Some(&(done, _))) = (prune, item_has_best, out.best.last()) {
                top.push(Reverse(done));
                if top.len() > p.keep {
                    top.pop();
                }
            }
            item = Some(e.target);
            item_has_best = false;
            // Full of items no later field can beat: the rest may match, but cannot place.
            if let Some(p) = prune
                && top.len() == p.keep
                && top.peek().is_some_and(|low| p.ceiling + p.heaviest <= low.0)
            {
                out.matched.extend_from_slice(&candidates[n..]);
                *stopped = true;
                break;
            }
        }
        if let Some(p) = prune {
            let most = p.ceiling + e.weight;
            // A later item that at best ties the lowest kept one ranks below it.
            let crowded = top.len() == p.keep && top.peek().is_some_and(|low| most <= low.0);
            // Only a strictly higher score replaces an item's best field.
            let no_better = item_has_best && out.best.last().is_some_and(|b| most <= b.0);
            let under_floor = most < *best_yet * RELEVANCE_PERCENT / 100;
            if crowded || no_better || under_floor {
                out.matched.push(i);
                continue;
            }
        }
        *scored += 1;
        let Some(score) = pattern.score(e.text.slice(..), matcher) else {
            continue;
        };
        out.matched.push(i);
        let score = score + e.weight;
        *best_yet = (*best_yet).max(score);
        match out.best.last_mut() {
            Some(slot) if item_has_best => {
                if score > slot.0 {
                    *slot = (score, i as usize);
                }
            }
            _ => out.best.push((score, i as usize)),
        }
        item_has_best = true;
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
    /// Skip fields that cannot change the results (off only to test that it changes nothing).
    prune: bool,
    /// The largest field weight.
    heaviest: u32,
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
        SearchIndex::over(entries)
    }

    fn over(entries: Vec<Entry>) -> Self {
        SearchIndex {
            heaviest: entries.iter().map(|e| e.weight).max().unwrap_or(0),
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
        let Scored { matched, mut best } = self.score(&pattern, &candidates, limit);
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
    /// Score the candidates; `keep` is how many items the results may hold. They are scored
    /// on this thread a block of `parallel_from` at a time while skipping spares most of a
    /// block (it often ends the search early); once it does not, what remains is split across
    /// the cores, each part starting from what this thread saw.
    fn score(&mut self, pattern: &Pattern, candidates: &[u32], keep: usize) -> Scored {
        let prune = match (self.prune, ceiling(pattern, &mut self.matchers[0])) {
            (true, Some(ceiling)) => Some(Prune {
                ceiling,
                keep,
                heaviest: self.heaviest,
            }),
            _ => None,
        };
        let entries = &self.entries;
        let mut seen = Seen::default();
        let mut all = Scored::default();
        let mut rest = candidates;
        loop {
            let (block, after) = rest.split_at(rest.len().min(self.parallel_from));
            let before = seen.scored;
            let part = score(entries, block, pattern, &mut self.matchers[0], prune, &mut seen);
            all.append(part, entries);
            rest = after;
            if seen.stopped {
                all.matched.extend_from_slice(rest);
                return all;
            }
            if rest.is_empty() {
                return all;
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
        let parts: Vec<Scored> = std::thread::scope(|scope| {
            let handles: Vec<_> = rest
                .chunks(chunk)
                .zip(self.matchers.iter_mut())
                .map(|(part, matcher)| {
                    let mut seen = seen.clone();
                    scope.spawn(move || score(entries, part, pattern, matcher, prune, &mut seen))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
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
    fn skipping_fields_that_cannot_place_changes_no_result() {
        let mut sources = vec![crate::bank::BankSource::Builtin];
        sources.extend(crate::synth::memory_sources(400));
        let bank = crate::bank::load(&sources).unwrap();
        let mut pruned = SearchIndex::new(&bank);
        // In blocks, and split across threads: each run starts from what the runs before saw.
        let mut blocks = SearchIndex::new(&bank);
        blocks.parallel_from = 700;
        let mut full = SearchIndex::new(&bank);
        full.prune = false;
        for limit in [1, 5, 20, 200] {
            // Typed a key at a time (narrowing), then edited (fresh), with and without syntax.
            for query in [
                "cache replica",
                "rate lim",
                "Incident",
                "q1 2",
                "zz",
                "url shrtnr",
            ] {
                for end in 1..=query.len() {
                    let q = &query[..end];
                    let want = full.search(q, limit);
                    assert_eq!(blocks.search(q, limit), want, "blocks: {q:?} {limit}");
                    assert_eq!(
                        pruned.search(q, limit),
                        want,
                        "{q:?} {limit}"
                    );
                }
            }
            // Syntax (never skipped), and abbreviations whose best scores are far from perfect.
            for q in [
                "cache !replica",
                "'cache",
                "^scope",
                "latency$",
                "c",
                "a b c d e f",
                "cch rplc",
                "ltncy bdgt",
                "hrng mntr",
                "qrm",
            ] {
                let want = full.search(q, limit);
                assert_eq!(blocks.search(q, limit), want, "blocks: {q:?} {limit}");
                assert_eq!(pruned.search(q, limit), want, "{q:?} {limit}");
            }
        }
    }

    /// An index over made-up items: each a list of (weight, text) fields.
    fn made_up(items: &[Vec<(u32, String)>]) -> SearchIndex {
        let mut entries = Vec::new();
        for (i, fields) in items.iter().enumerate() {
            for (weight, text) in fields {
                entries.push(Entry {
                    target: Target::Question(i),
                    field: Field::Probe,
                    weight: *weight,
                    text: Utf32String::from(text.as_str()),
                });
            }
        }
        SearchIndex::over(entries)
    }

    #[test]
    fn skipping_changes_nothing_where_scores_nearly_tie() {
        use proptest::prelude::*;
        // Few letters and short texts: many matches whose scores differ by a point or two, the
        // cases where skipping a field must be exactly right.
        let field = (prop::sample::select(vec![0u32, 2, 4, 8]), "[ab c-]{1,10}");
        let items = prop::collection::vec(prop::collection::vec(field, 1..4), 1..25);
        proptest!(ProptestConfig::with_cases(3000), |(items in items, query in "[ab c]{1,4}", limit in 1usize..5)| {
            let mut pruned = made_up(&items);
            let mut full = made_up(&items);
            full.prune = false;
            for end in 1..=query.len() {
                let q = &query[..end];
                prop_assert_eq!(pruned.search(q, limit), full.search(q, limit), "{:?}", q);
            }
        });
    }

    #[test]
    fn no_text_scores_above_the_query_against_itself() {
        use proptest::prelude::*;
        // Letters of both cases, a digit, spaces, delimiters, punctuation and an accent.
        proptest!(ProptestConfig::with_cases(2000), |(needle in "[a-cA-C1 _/:.,é-]{1,6}", text in "[a-cA-C1 _/:.,é-]{0,40}")| {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let pattern = Pattern::parse(&needle, CaseMatching::Smart, Normalization::Smart);
            if let Some(most) = ceiling(&pattern, &mut matcher)
                && let Some(got) = pattern.score(Utf32String::from(text.as_str()).slice(..), &mut matcher)
            {
                prop_assert!(got <= most, "{needle:?} scores {got} on {text:?}, above {most}");
            }
        });
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
