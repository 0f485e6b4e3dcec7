//! The most a query can score on a block of fields, and on one field, worked out from their
//! words, so that fields that cannot place are skipped without scoring them.
//!
//! nucleo-matcher scores a match as a path through the text: each matched character earns a
//! fixed amount plus a bonus for where it stands (a word start, after a delimiter, a camel-case
//! hump, inside a run of matched characters), and each run of skipped characters costs 3 for
//! the first and 1 for each further one, never taking the score below 0. Its optimal matcher
//! keeps one path per cell, so what it returns is the score of some path; these bounds are the
//! best over every path, which is never lower (the tests check this against nucleo itself).
//!
//! A query atom holds no whitespace, so a path through a field splits into pieces, one per word
//! it touches, and what a piece earns depends only on its word and on which characters of the
//! atom it matches (`pieces.rs`, worked out once per distinct word and query, lazily). The
//! skipped characters between two pieces are at least the rest of the first word, one space,
//! any words in between with a space each, and the start of the second word.
//!
//! Fields are held in blocks of [`BLOCK`] (`words.rs`). A block's bound chains the best pieces
//! of all its words in any order, as if they stood side by side; fields of one word (tags, ids)
//! must hold every atom in that word. When a block cannot be skipped as a whole, its pieces are
//! cut down to those on some path that could still count, and each field's bound follows its
//! own words in order. Fields that are not ASCII, words longer than [`LONGEST_WORD`] and blocks
//! of many distinct words are not bounded: they are scored as before.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::pattern::{AtomKind, Pattern};
use pieces::{Piece, State, class, pieces};
use std::collections::HashMap;
pub(super) use words::{BLOCK, Words};

mod pieces;
mod words;

/// Longer words (and fields holding one) are scored rather than bounded.
const LONGEST_WORD: usize = 64;
/// Longer query atoms are scored rather than bounded.
const LONGEST_ATOM: usize = 32;
/// Far below any score, and far from overflowing when a penalty is taken off.
const NONE: i32 = i32::MIN / 4;

/// What a query can score on the fields of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// The query cannot match any of them.
    Nothing,
    /// The query scores at most this on each of them.
    AtMost(u32),
    /// Not worked out: score the fields.
    Unknown,
}

/// One query atom's pieces, per distinct word, worked out as words are met.
#[derive(Clone)]
struct Atom {
    needle: Vec<u8>,
    ignore_case: bool,
    /// Per word: its pieces' range in `pieces`, or `None` if not yet worked out.
    seen: Vec<Option<(u32, u32)>>,
    pieces: Vec<Piece>,
    /// For the prepared block, per place in its words: (length, range in `kept`).
    local: Vec<(i32, u32, u32)>,
    kept: Vec<Piece>,
    /// The needle's characters, for passing over words that hold none.
    wanted: [bool; 256],
    /// Room for [`pieces`]: a word's characters with their bonuses, and paths.
    chars: Vec<(u8, i32)>,
    now: Vec<State>,
    next: Vec<State>,
    /// Pieces by the shape of a word (see `pieces_of`), and room for one shape.
    shapes: HashMap<Box<[u8]>, (u32, u32)>,
    shape: Vec<u8>,
}

/// A query's bounds over a [`Words`]; cheap to clone for another thread.
#[derive(Clone)]
pub(super) struct Bounds<'w> {
    words: &'w Words,
    atoms: Vec<Atom>,
    /// Per block, once worked out.
    blocks: Vec<Option<Reach>>,
    /// The block whose fields [`Bounds::field`] bounds.
    prepared: Option<usize>,
}

impl<'w> Bounds<'w> {
    /// Bounds for `pattern`, when every atom is a plain fuzzy ASCII one.
    pub fn new(words: &'w Words, pattern: &Pattern) -> Option<Self> {
        let atoms = pattern
            .atoms
            .iter()
            .map(|atom| {
                let Utf32Str::Ascii(needle) = atom.needle_text() else {
                    return None;
                };
                let plain = !atom.negative && atom.kind == AtomKind::Fuzzy;
                (plain && !needle.is_empty() && needle.len() <= LONGEST_ATOM).then(|| Atom {
                    needle: needle.to_vec(),
                    ignore_case: !needle.iter().any(u8::is_ascii_uppercase),
                    seen: vec![None; words.ends.len()],
                    pieces: Vec::new(),
                    local: Vec::new(),
                    kept: Vec::new(),
                    wanted: std::array::from_fn(|c| needle.contains(&(c as u8))),
                    chars: Vec::new(),
                    now: Vec::new(),
                    next: Vec::new(),
                    shapes: HashMap::new(),
                    shape: Vec::new(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        (!atoms.is_empty()).then(|| Bounds {
            words,
            atoms,
            blocks: vec![None; words.bounded.len()],
            prepared: None,
        })
    }

    /// Get ready to bound single fields of block `block` ([`Bounds::field`]), of which only
    /// those that could score `need` or more matter.
    pub fn prepare(&mut self, block: usize, need: u32) {
        let words = self.words;
        let used = &words.used[words.from[block] as usize..words.from[block + 1] as usize];
        let chains: Vec<Chain> = self
            .atoms
            .iter_mut()
            .map(|a| a.chain(words, used))
            .collect();
        let most = |atom: &Atom, chain: &Chain| chain.reach[atom.needle.len()].max(0);
        let all: i32 = self
            .atoms
            .iter()
            .zip(&chains)
            .map(|(a, c)| most(a, c))
            .sum();
        let need = i32::try_from(need).unwrap_or(i32::MAX / 4);
        for (atom, chain) in self.atoms.iter_mut().zip(&chains) {
            // This atom must make up what the others, at their best, leave.
            let own = most(atom, chain);
            atom.prepare(words, used, chain, need - (all - own));
        }
        self.prepared = Some(block);
    }

    /// For a field of the block last prepared: the most the query can score on it, or `None`
    /// when that is under the `need` it was prepared for.
    pub fn field(&self, field: usize) -> Option<u32> {
        let words = self.words;
        debug_assert_eq!(self.prepared, Some(field / BLOCK));
        let order = &words.order[words.starts[field] as usize..words.starts[field + 1] as usize];
        self.atoms.iter().try_fold(0u32, |total, atom| {
            atom.field(order).map(|m| total + m.max(0) as u32)
        })
    }

    /// The earliest item a field of block `block` belongs to.
    pub fn least(&self, block: usize) -> u32 {
        self.words.least[block]
    }

    /// The most the query can score on any field of block `block` (the sum over its atoms).
    pub fn block(&mut self, block: usize) -> Reach {
        if let Some(most) = self.blocks[block] {
            return most;
        }
        let words = self.words;
        let used = &words.used[words.from[block] as usize..words.from[block + 1] as usize];
        let most = if words.bounded[block] && words.single[block] {
            // Fields of one word: the atoms must all match within the same word.
            let atoms = &mut self.atoms;
            used.iter()
                .filter_map(|&w| {
                    atoms.iter_mut().try_fold(0u32, |total, atom| {
                        atom.whole(words, w).map(|m| total + m.max(0) as u32)
                    })
                })
                .max()
                .map_or(Reach::Nothing, Reach::AtMost)
        } else if words.bounded[block] {
            self.atoms
                .iter_mut()
                .try_fold(0u32, |total, atom| {
                    let reach = atom.chain(words, used).reach[atom.needle.len()];
                    (reach > NONE / 2).then(|| total + reach.max(0) as u32)
                })
                .map_or(Reach::Nothing, Reach::AtMost)
        } else {
            Reach::Unknown
        };
        self.blocks[block] = Some(most);
        most
    }
}

/// The best pieces of a block's words, by (from, to), and the best paths through them.
struct Chain {
    with: [[i32; LONGEST_ATOM + 1]; LONGEST_ATOM],
    fresh: [[i32; LONGEST_ATOM + 1]; LONGEST_ATOM],
    /// reach[i]: the best path through the atom's first `i` characters.
    reach: [i32; LONGEST_ATOM + 1],
}

impl Atom {
    /// The best path through any field made of the words `used`, in any order and with no
    /// characters between them.
    fn chain(&mut self, words: &Words, used: &[u32]) -> Chain {
        let m = self.needle.len();
        let mut c = Chain {
            with: [[NONE; LONGEST_ATOM + 1]; LONGEST_ATOM],
            fresh: [[NONE; LONGEST_ATOM + 1]; LONGEST_ATOM],
            reach: [NONE; LONGEST_ATOM + 1],
        };
        for &w in used {
            let (start, end) = self.pieces_of(words, w);
            for p in &self.pieces[start as usize..end as usize] {
                let (f, t) = (p.from as usize, p.to as usize);
                c.with[f][t] = c.with[f][t].max(p.with);
                c.fresh[f][t] = c.fresh[f][t].max(p.fresh);
            }
        }
        c.reach[0] = 0;
        for to in 1..=m {
            for from in 0..to {
                let (w, f) = (c.with[from][to], c.fresh[from][to]);
                if c.reach[from] <= NONE / 2 || w.max(f) <= NONE / 2 {
                    continue;
                }
                c.reach[to] = c.reach[to].max((c.reach[from] + w).max(f));
            }
        }
        c
    }

    /// Keep, per word of the block, only the pieces on some path that could reach `need` (by
    /// the block's best paths before and after them), for [`Atom::field`].
    fn prepare(&mut self, words: &Words, used: &[u32], c: &Chain, need: i32) {
        let m = self.needle.len();
        // The best way to finish from `i` characters, reached with x: max(x + after, alone).
        let mut after = [NONE; LONGEST_ATOM + 1];
        let mut alone = [NONE; LONGEST_ATOM + 1];
        after[m] = 0;
        for from in (0..m).rev() {
            for to in from + 1..=m {
                let (w, f) = (c.with[from][to], c.fresh[from][to]);
                if w.max(f) <= NONE / 2 || after[to].max(alone[to]) <= NONE / 2 {
                    continue;
                }
                after[from] = after[from].max(w + after[to]);
                alone[from] = alone[from].max(f + after[to]).max(alone[to]);
            }
        }
        self.local.clear();
        self.kept.clear();
        for &w in used {
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
                }
            }
            let len = words.word(w).len() as i32;
            self.local.push((len, first, self.kept.len() as u32));
        }
    }

    /// The best path through a field of the prepared block with words `order` (places in the
    /// block's words), keeping to the kept pieces: `None` when no kept piece makes one.
    fn field(&self, order: &[u8]) -> Option<i32> {
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

    /// The best path through the whole atom within word `w`.
    fn whole(&mut self, words: &Words, w: u32) -> Option<i32> {
        let m = self.needle.len();
        let (start, end) = self.pieces_of(words, w);
        self.pieces[start as usize..end as usize]
            .iter()
            .filter(|p| p.from == 0 && p.to as usize == m)
            .map(|p| p.with.max(p.fresh))
            .max()
    }

    fn pieces_of(&mut self, words: &Words, w: u32) -> (u32, u32) {
        if let Some(range) = self.seen[w as usize] {
            return range;
        }
        // Words alike but for characters the atom does not hold (ids differing only in their
        // digits, say) have the same pieces: what matters is which characters match and the
        // class of every character.
        let word = words.word(w);
        self.shape.clear();
        for &c in word {
            let f = if self.ignore_case {
                c.to_ascii_lowercase()
            } else {
                c
            };
            self.shape.push(if self.wanted[f as usize] {
                f
            } else {
                0x80 | class(c) as u8
            });
        }
        let range = match self.shapes.get(self.shape.as_slice()) {
            Some(&range) => range,
            None => {
                let start = self.pieces.len() as u32;
                pieces(word, self);
                let range = (start, self.pieces.len() as u32);
                self.shapes
                    .insert(self.shape.clone().into_boxed_slice(), range);
                range
            }
        };
        self.seen[w as usize] = Some(range);
        range
    }
}

#[cfg(test)]
mod tests;
