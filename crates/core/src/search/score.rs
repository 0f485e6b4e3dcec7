//! Scoring a query against the index's fields, skipping the fields that cannot change the
//! results.
//!
//! Fields are held heaviest first (every prompt and title, then ids, tags, probes and summaries),
//! each group in bank order. No field scores more than the query against its own text (every
//! character matched in a row from a word start), plus the field's weight. Scoring keeps the best
//! `keep` items seen so far; a field whose best possible score could not place its item among
//! them, or could not raise its item's own best, or falls under the relevance floor, is skipped.
//! Once no later field could place, the run stops. The results are exactly those of scoring
//! everything (the tests compare both), and a short query over a large bank scores a few hundred
//! prompts.
//!
//! Reaching that best score takes every word of the query in a row (a gap costs points, and so
//! does a start inside a word). So before the run, [`fill`] scores only the first prompts that
//! hold every word as written, which quickly shows how high the kept items score, and notes the
//! prompts passed over: they cannot reach the best score, so the run may skip them too.
//!
//! When every atom of the query is a plain fuzzy one, the run has better bounds than the query
//! against itself: per block of fields and per field, from their words (`bound.rs`). A block
//! that cannot place is skipped whole, and [`fill`] is not needed: the bounds skip more.

use super::bound::{Bounds, Reach};
use super::{Entry, RELEVANCE_PERCENT};
use nucleo_matcher::pattern::{AtomKind, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How a run of entries may skip fields.
#[derive(Clone, Copy)]
pub(super) struct Prune {
    /// The most the query can score on any text.
    pub ceiling: u32,
    /// How many items the results keep.
    pub keep: usize,
}

/// The most `pattern` can score on any text, when that can be known: every atom fuzzy and not
/// negated, each scoring at most what it scores against its own text, plus a little per
/// character: a text can place a character after a stronger boundary than the needle itself
/// has (`_C1` scores higher on `_ C1`, where C follows a space, than on itself).
pub(super) fn ceiling(pattern: &Pattern, matcher: &mut Matcher) -> Option<u32> {
    pattern.atoms.iter().try_fold(0u32, |total, atom| {
        if atom.negative || atom.kind != AtomKind::Fuzzy {
            return None;
        }
        let own = atom.score(atom.needle_text(), matcher)?;
        let slack = 4 * u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX / 8);
        Some(total + u32::from(own) + slack)
    })
}

/// The query's words in lowercase, when all are ASCII (for [`fill`]'s quick test).
pub(super) fn words(pattern: &Pattern) -> Option<Vec<Vec<u8>>> {
    pattern
        .atoms
        .iter()
        .map(|atom| match atom.needle_text() {
            Utf32Str::Ascii(bytes) => Some(bytes.to_ascii_lowercase()),
            Utf32Str::Unicode(_) => None,
        })
        .collect()
}

/// Could `text` score the query's best score? Only if it holds every word in a row, in any case.
/// Text that is not ASCII (where matching also folds accents) always could.
fn may_reach_ceiling(text: Utf32Str<'_>, words: &[Vec<u8>]) -> bool {
    let Utf32Str::Ascii(text) = text else {
        return true;
    };
    words.iter().all(|w| {
        w.is_empty()
            || text
                .windows(w.len())
                .any(|window| window.eq_ignore_ascii_case(w))
    })
}

/// Score the heaviest candidates that may reach the query's best score, in order, until the
/// kept items all have it (or the heaviest run out). Returns the heaviest candidates passed over
/// as unable to reach it, ascending.
pub(super) fn fill(
    entries: &[Entry],
    candidates: &[u32],
    pattern: &Pattern,
    matcher: &mut Matcher,
    prune: Prune,
    words: &[Vec<u8>],
    seen: &mut Seen,
) -> Vec<u32> {
    let mut passed = Vec::new();
    let Some(heaviest) = candidates.first().map(|&i| entries[i as usize].weight) else {
        return passed;
    };
    let full = prune.ceiling + heaviest;
    for &i in candidates {
        let e = &entries[i as usize];
        if e.weight != heaviest || seen.low(prune.keep).is_some_and(|low| low >= full) {
            break;
        }
        if !may_reach_ceiling(e.text.slice(..), words) {
            passed.push(i);
            continue;
        }
        seen.scored += 1;
        // These are the likely hits: keep the letters to highlight, found while scoring.
        let mut letters = Vec::new();
        if let Some(score) = pattern.indices(e.text.slice(..), matcher, &mut letters) {
            letters.sort_unstable();
            letters.dedup();
            seen.highlights.push((i, letters));
            seen.found(e.item, (score + e.weight, i), Some(prune));
        }
    }
    passed
}

/// What scoring has found so far, carried from one run of entries to the next (and copied into
/// each thread when the rest is split).
#[derive(Clone)]
pub(super) struct Seen {
    /// Per item: its best field so far as (score with weight, entry); score 0 for none.
    pub best: Vec<(u32, u32)>,
    /// The best `keep` items, as (score, item), lowest on top. Scores are lower bounds: an item's
    /// best may have risen since it went in.
    top: BinaryHeap<Reverse<(u32, u32)>>,
    in_top: Vec<bool>,
    /// The highest item number ever put in `top`.
    max_pushed: Option<u32>,
    best_yet: u32,
    /// No later entry can change the results.
    pub stopped: bool,
    /// Entries scored (not skipped).
    pub scored: usize,
    /// The highlighted letters of entries [`fill`] scored, by entry, ascending.
    pub highlights: Vec<(u32, Vec<u32>)>,
}

impl Seen {
    pub fn new(items: usize) -> Self {
        Seen {
            best: vec![(0, 0); items],
            top: BinaryHeap::new(),
            in_top: vec![false; items],
            max_pushed: None,
            best_yet: 0,
            stopped: false,
            scored: 0,
            highlights: Vec::new(),
        }
    }

    /// Fold in what another run found (a later part of the same candidates).
    pub fn absorb(&mut self, other: Seen) {
        for (mine, theirs) in self.best.iter_mut().zip(other.best) {
            if better(theirs, *mine) {
                *mine = theirs;
            }
        }
        self.best_yet = self.best_yet.max(other.best_yet);
        self.scored += other.scored;
    }

    /// The items that matched, as (score, entry), best first, bank order among equals.
    pub fn ranked(&self) -> Vec<(u32, u32)> {
        let mut hits: Vec<(u32, u32, u32)> = (0..)
            .zip(&self.best)
            .filter(|(_, b)| b.0 > 0)
            .map(|(item, &(score, entry))| (score, item, entry))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(s, _, e)| (s, e)).collect()
    }

    /// The lowest score among `keep` kept items, if there are that many.
    fn low(&self, keep: usize) -> Option<u32> {
        if self.top.len() < keep {
            return None;
        }
        self.top.peek().map(|Reverse((score, _))| *score)
    }

    fn keep_item(&mut self, item: u32, score: u32, keep: usize) {
        if self.in_top[item as usize] {
            return;
        }
        self.top.push(Reverse((score, item)));
        self.in_top[item as usize] = true;
        self.max_pushed = self.max_pushed.max(Some(item));
        if self.top.len() > keep
            && let Some(Reverse((_, out))) = self.top.pop()
        {
            self.in_top[out as usize] = false;
        }
    }

    /// `found` (score, entry) for `item`: keep it if it is the item's best yet.
    fn found(&mut self, item: u32, found: (u32, u32), prune: Option<Prune>) {
        let slot = &mut self.best[item as usize];
        if better(found, *slot) {
            *slot = found;
            self.best_yet = self.best_yet.max(found.0);
            if let Some(p) = prune {
                self.keep_item(item, found.0, p.keep);
            }
        }
    }

    /// What a field must score to count: the lowest kept score once `keep` items are kept,
    /// and never under the relevance floor.
    fn need(&self, keep: usize) -> u32 {
        let floor = self.best_yet * RELEVANCE_PERCENT / 100;
        self.low(keep).map_or(floor, |low| low.max(floor))
    }

    /// May every field of a block be skipped, when none scores over `most` and the earliest
    /// item among them is `least`? (As [`Seen::can_skip`], for fields whose items are unknown:
    /// an item among the kept ones comes no later than `max_pushed`.)
    fn can_skip_block(&self, most: u32, least: u32, keep: usize) -> bool {
        if most < self.best_yet * RELEVANCE_PERCENT / 100 {
            return true;
        }
        self.low(keep).is_some_and(|low| {
            most < low || (most == low && self.max_pushed.is_some_and(|m| least > m))
        })
    }

    /// May a field of `item` whose score is at most `most` be skipped?
    fn can_skip(&self, item: u32, most: u32, keep: usize) -> bool {
        let own = self.best[item as usize].0;
        // Only a strictly higher score replaces an item's best field (the earlier one wins).
        if own > 0 && most <= own {
            return true;
        }
        // Under the relevance floor, the item would be dropped anyway.
        if most < self.best_yet * RELEVANCE_PERCENT / 100 {
            return true;
        }
        // `keep` items already score at least `low`: one that cannot beat it does not place
        // (a tie places only if the item comes earlier in the bank than all of them).
        match self.low(keep) {
            Some(low) if !self.in_top[item as usize] => {
                most < low || (most == low && self.max_pushed.is_some_and(|m| item > m))
            }
            _ => false,
        }
    }
}

/// Does `a` beat `b` as an item's best field: a higher score, or the same from an earlier entry?
fn better(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.0 > 0 && a.1 < b.1)
}

/// Score `candidates` (ascending entry numbers) against `pattern`, adding to `seen`; `passed`
/// are entries [`fill`] found unable to reach the query's best score (ascending). Returns the
/// entries that matched or were skipped (so may match), ascending: the next, longer query's
/// candidates. `bounds`, when given, says the most the query can score on an entry.
#[allow(clippy::too_many_arguments)]
pub(super) fn run(
    entries: &[Entry],
    candidates: &[u32],
    pattern: &Pattern,
    matcher: &mut Matcher,
    prune: Option<Prune>,
    passed: &[u32],
    mut bounds: Option<&mut Bounds<'_>>,
    seen: &mut Seen,
) -> Vec<u32> {
    let mut matched = Vec::with_capacity(candidates.len() / 4);
    let first = candidates.first().copied().unwrap_or(0);
    let mut passed = &passed[passed.partition_point(|&p| p < first)..];
    // The field after the last of the current candidate's block.
    let mut block_end = 0;
    // Whether the fields of `block` are bounded one by one.
    let mut fields = false;
    let mut n = 0;
    while let Some(&i) = candidates.get(n) {
        n += 1;
        let e = &entries[i as usize];
        if let Some(p) = prune {
            while passed.first().is_some_and(|&p| p < i) {
                passed = &passed[1..];
            }
            // A field `fill` passed over cannot reach the best score: one point short at least.
            let short = u32::from(passed.first() == Some(&i));
            let most = p.ceiling + e.weight - short;
            // Later entries weigh no more than this one: if this one cannot beat the lowest of
            // the kept items, no later one can change the results.
            if seen.low(p.keep).is_some_and(|low| most < low) {
                matched.extend_from_slice(&candidates[n - 1..]);
                seen.stopped = true;
                break;
            }
            // The first candidate of a block weighs the most of the block's candidates.
            if let Some(b) = bounds.as_mut()
                && i as usize >= block_end
            {
                let block;
                (block, block_end) = b.block_of(i as usize);
                fields = false;
                let end = n + candidates[n..].partition_point(|&c| (c as usize) < block_end);
                match b.block(block) {
                    // None of them matches, so a longer query will not either.
                    Reach::Nothing => {
                        n = end;
                        continue;
                    }
                    Reach::AtMost(bound)
                        if seen.can_skip_block(bound + e.weight, b.least(block), p.keep) =>
                    {
                        matched.extend_from_slice(&candidates[n - 1..end]);
                        n = end;
                        continue;
                    }
                    Reach::AtMost(_) => {
                        // Bound each field, once a field must score something to count.
                        let need = seen.need(p.keep).saturating_sub(e.weight);
                        fields = need > 0;
                        if fields {
                            b.prepare(block, need);
                        }
                    }
                    Reach::Unknown => {}
                }
            }
            if seen.can_skip(e.item, most, p.keep) {
                matched.push(i);
                continue;
            }
            if fields && let Some(b) = bounds.as_ref() {
                let skip = b
                    .field(i as usize)
                    .is_none_or(|bound| seen.can_skip(e.item, bound + e.weight, p.keep));
                if skip {
                    matched.push(i);
                    continue;
                }
            }
        }
        seen.scored += 1;
        let Some(score) = pattern.score(e.text.slice(..), matcher) else {
            continue;
        };
        matched.push(i);
        seen.found(e.item, (score + e.weight, i), prune);
    }
    matched
}
