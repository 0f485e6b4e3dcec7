//! What a run of scoring has found so far, and what it may skip because of it.

use super::RELEVANCE_PERCENT;
use super::score::Prune;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What scoring has found so far, carried from one chunk of entries to the next (and copied
/// into each thread the scoring is shared with).
#[derive(Clone)]
pub(super) struct Seen {
    /// Per item: its best field so far as (score with weight, entry); score 0 for none.
    pub best: Vec<(u32, u32)>,
    /// The best `keep` items, as (score, item), lowest on top. Scores are lower bounds: an item's
    /// best may have risen since it went in.
    top: BinaryHeap<Reverse<(u32, u32)>>,
    in_top: Vec<bool>,
    /// The highest item number ever put in `top`, and how many times one was.
    max_pushed: Option<u32>,
    pushed: usize,
    best_yet: u32,
    /// What other threads scoring the same query have found: a score `keep` items reach at
    /// least, and the best score. Both only ever understate the final figures, so a field
    /// under the first (or under the relevance floor of the second) cannot place.
    pub outside: Outside,
    /// No later entry can change the results.
    pub stopped: bool,
    /// The highlighted letters of entries [`super::score::fill`] scored, by entry, ascending.
    pub highlights: Vec<(u32, Vec<u32>)>,
}

/// See [`Seen::outside`]. `last` is the latest item among the `keep` best at `low`: a field
/// of a later item scoring `low` at most does not place either (earlier items win ties).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Outside {
    pub low: u32,
    pub last: u32,
    pub best: u32,
}

impl Default for Outside {
    fn default() -> Self {
        Outside {
            low: 0,
            last: u32::MAX,
            best: 0,
        }
    }
}

impl Seen {
    pub fn new(items: usize) -> Self {
        Seen {
            best: vec![(0, 0); items],
            top: BinaryHeap::new(),
            in_top: vec![false; items],
            max_pushed: None,
            pushed: 0,
            best_yet: 0,
            outside: Outside::default(),
            stopped: false,
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
    }

    /// The best score found here (what other threads see of it: [`Seen::outside`]).
    pub fn best_yet(&self) -> u32 {
        self.best_yet
    }

    /// The items kept here, as (item, score), and how many times one has been put in (so a
    /// change shows).
    pub fn kept(&self) -> (impl Iterator<Item = (u32, u32)> + '_, usize) {
        let kept = self.top.iter().map(|&Reverse((score, item))| (item, score));
        (kept, self.pushed)
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

    /// The lowest score among `keep` items kept by this run, if there are that many.
    pub fn low(&self, keep: usize) -> Option<u32> {
        if self.top.len() < keep {
            return None;
        }
        self.top.peek().map(|Reverse((score, _))| *score)
    }

    /// The relevance floor: hits under it are dropped.
    fn floor(&self) -> u32 {
        self.best_yet.max(self.outside.best) * RELEVANCE_PERCENT / 100
    }

    /// Can no field scoring at most `most` place, whatever its item? (Under the relevance
    /// floor, or under a score `keep` items are known to reach.)
    pub fn beaten(&self, most: u32, keep: usize) -> bool {
        most < self.floor()
            || most < self.outside.low
            || self.low(keep).is_some_and(|low| most < low)
    }

    fn keep_item(&mut self, item: u32, score: u32, keep: usize) {
        if self.in_top[item as usize] {
            return;
        }
        self.top.push(Reverse((score, item)));
        self.in_top[item as usize] = true;
        self.max_pushed = self.max_pushed.max(Some(item));
        self.pushed += 1;
        if self.top.len() > keep
            && let Some(Reverse((_, out))) = self.top.pop()
        {
            self.in_top[out as usize] = false;
        }
    }

    /// `found` (score, entry) for `item`: keep it if it is the item's best yet.
    pub fn found(&mut self, item: u32, found: (u32, u32), prune: Option<Prune>) {
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
    /// and never under the relevance floor or what other threads have shown.
    pub fn need(&self, keep: usize) -> u32 {
        let shown = self.floor().max(self.outside.low);
        self.low(keep).map_or(shown, |low| low.max(shown))
    }

    /// May every field of a block be skipped, when none scores over `most` and the earliest
    /// item among them is `least`? (As [`Seen::can_skip`], for fields whose items are unknown:
    /// an item among the kept ones comes no later than `max_pushed`.)
    pub fn can_skip_block(&self, most: u32, least: u32, keep: usize) -> bool {
        self.beaten(most, keep) || self.tied(most, least, keep) || self.tied_outside(most, least)
    }

    /// Does a field scoring at most `most`, of an item no earlier than `least`, at best tie
    /// with the lowest of the `keep` items other threads have shown, all of them earlier?
    fn tied_outside(&self, most: u32, least: u32) -> bool {
        most == self.outside.low && least > self.outside.last
    }

    /// Does a field scoring at most `most`, of an item no earlier than `least`, at best tie
    /// with the lowest of `keep` items kept here, all of them earlier in the bank (so it does
    /// not place)?
    fn tied(&self, most: u32, least: u32, keep: usize) -> bool {
        self.low(keep) == Some(most) && self.max_pushed.is_some_and(|m| least > m)
    }

    /// May a field of `item` whose score is at most `most` be skipped?
    pub fn can_skip(&self, item: u32, most: u32, keep: usize) -> bool {
        let own = self.best[item as usize].0;
        // Only a strictly higher score replaces an item's best field (the earlier one wins).
        if own > 0 && most <= own {
            return true;
        }
        // Under the relevance floor, the item would be dropped anyway; under the lowest
        // kept score, it does not place (a tie places only if the item comes earlier in the
        // bank than all of the kept ones).
        self.beaten(most, keep)
            || (!self.in_top[item as usize] && self.tied(most, item, keep))
            || self.tied_outside(most, item)
    }
}

/// Does `a` beat `b` as an item's best field: a higher score, or the same from an earlier entry?
fn better(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.0 > 0 && a.1 < b.1)
}
