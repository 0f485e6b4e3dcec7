//! Paths through an atom over a block's words: the best in any order (a block's bound), the
//! pieces on some path that could still count, and the best path through one field.

use super::{Atom, LONGEST_ATOM, NONE, Words};

/// The best pieces of a block's words, by (from, to), and the best paths through them; kept
/// in the atom, sized by it, for the block last worked out.
#[derive(Clone, Default)]
pub(super) struct Chain {
    /// The vocabulary these are for (see [`Words::vocab`]).
    block: Option<usize>,
    /// By `from * (m + 1) + to`, for an atom of `m` characters.
    with: Vec<i32>,
    fresh: Vec<i32>,
    /// reach[i]: the best path through the atom's first `i` characters.
    pub reach: Vec<i32>,
}

impl Chain {
    /// The best path through the whole atom.
    pub fn most(&self) -> i32 {
        self.reach.last().copied().unwrap_or(NONE)
    }

    fn at(&self, from: usize, to: usize) -> (i32, i32) {
        let k = from * self.reach.len() + to;
        (self.with[k], self.fresh[k])
    }
}

impl Atom {
    /// Work out, for a block made of the words `used` (vocabulary `vocab`), the best path
    /// through any field made of them, in any order and with no characters between them (once
    /// per vocabulary in a row).
    pub(super) fn chain(&mut self, words: &Words, used: &[u32], vocab: usize) -> &Chain {
        if self.chain.block != Some(vocab) {
            let m = self.needle.len();
            let mut c = std::mem::take(&mut self.chain);
            c.block = Some(vocab);
            for v in [&mut c.with, &mut c.fresh] {
                v.clear();
                v.resize(m * (m + 1), NONE);
            }
            c.reach.clear();
            c.reach.resize(m + 1, NONE);
            for &w in used {
                let (start, end) = self.pieces_of(words, w);
                for p in &self.pieces[start as usize..end as usize] {
                    let k = p.from as usize * (m + 1) + p.to as usize;
                    c.with[k] = c.with[k].max(p.with);
                    c.fresh[k] = c.fresh[k].max(p.fresh);
                }
            }
            c.reach[0] = 0;
            for to in 1..=m {
                for from in 0..to {
                    let (w, f) = c.at(from, to);
                    if c.reach[from] <= NONE / 2 || w.max(f) <= NONE / 2 {
                        continue;
                    }
                    c.reach[to] = c.reach[to].max((c.reach[from] + w).max(f));
                }
            }
            self.chain = c;
        }
        &self.chain
    }

    /// Keep, per word of the block, only the pieces on some path that could reach `need` (by
    /// the block's best paths before and after them), for [`Atom::field`].
    pub(super) fn prepare(&mut self, words: &Words, used: &[u32], holders: &[u128], need: i32) {
        let m = self.needle.len();
        let c = std::mem::take(&mut self.chain);
        // The best way to finish from `i` characters, reached with x: max(x + after, alone).
        let mut after = [NONE; LONGEST_ATOM + 1];
        let mut alone = [NONE; LONGEST_ATOM + 1];
        after[m] = 0;
        for from in (0..m).rev() {
            for to in from + 1..=m {
                let (w, f) = c.at(from, to);
                if w.max(f) <= NONE / 2 || after[to].max(alone[to]) <= NONE / 2 {
                    continue;
                }
                after[from] = after[from].max(w + after[to]);
                alone[from] = alone[from].max(f + after[to]).max(alone[to]);
            }
        }
        self.kept.clear();
        // Fields with a kept piece matching characters j and j + 1 together; with one ending
        // at t; with one starting at f.
        self.local.clear();
        let mut within = [0u128; LONGEST_ATOM];
        let mut ending = [0u128; LONGEST_ATOM + 1];
        let mut starting = [0u128; LONGEST_ATOM + 1];
        for (&w, &holders) in used.iter().zip(holders) {
            let (start, end) = self.pieces_of(words, w);
            let first = self.kept.len() as u32;
            // Latest first character first (see `field`).
            for p in self.pieces[start as usize..end as usize].iter().rev() {
                let (f, t) = (p.from as usize, p.to as usize);
                let before = if f == 0 { 0 } else { c.reach[f] };
                if before <= NONE / 2 {
                    continue;
                }
                let here = (before + p.with).max(p.fresh);
                let most = if t == m {
                    here
                } else {
                    (here + after[t]).max(alone[t])
                };
                if most >= need {
                    self.kept.push(*p);
                    for c in &mut within[f..t - 1] {
                        *c |= holders;
                    }
                    ending[t] |= holders;
                    starting[f] |= holders;
                }
            }
            let len = words.word(w).len() as i32;
            self.local.push((len, first, self.kept.len() as u32));
        }
        // A path starts and ends, and passes every character to the next within one piece
        // or from a piece ending there to one starting there.
        self.holders = (0..m - 1).fold(starting[0] & ending[m], |all, j| {
            all & (within[j] | (ending[j + 1] & starting[j + 1]))
        });
        self.chain = c;
    }

    /// The best path through a field of the prepared block with words `order` (places in the
    /// block's words), keeping to the kept pieces: `None` when no kept piece makes one.
    pub(super) fn field(&self, order: &[u8]) -> Option<i32> {
        let m = self.needle.len();
        // held[i]: the best path through the atom's first `i` characters so far, plus `offset`
        // when it was written; `offset` grows by each word's length and a space, so a path
        // loses a point for every character after its last piece.
        let mut held = [NONE; LONGEST_ATOM + 1];
        let mut offset = 0i32;
        let mut best = NONE;
        for &k in order {
            let (len, start, end) = self.local[k as usize];
            let next = offset + len + 1;
            // Pieces come with the latest first character first, so a path is never extended
            // twice within one word.
            for p in &self.kept[start as usize..end as usize] {
                let before = if p.from == 0 {
                    0
                } else {
                    let h = held[p.from as usize];
                    if h <= NONE / 2 {
                        continue;
                    }
                    h - offset
                };
                let reach = (before + p.with).max(p.fresh);
                if p.to as usize == m {
                    best = best.max(reach);
                } else {
                    let slot = &mut held[p.to as usize];
                    *slot = (*slot).max(reach + next);
                }
            }
            offset = next;
        }
        (best > NONE / 2).then_some(best)
    }
}
