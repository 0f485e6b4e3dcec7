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
//! Fields are held in blocks of up to 128 in a row (`words.rs`), fewer where they use many
//! distinct words. A block's bound chains the best pieces of all its words in any order, as if
//! they stood side by side; fields of one word (tags, ids) must hold every atom in that word.
//! Blocks of the same kind that use the same words share that bound, worked out once. Every
//! word and block also carries the letters it holds as bits, so a word without an atom's letters
//! is passed over, and a block without them is known not to match, before any piece is looked at.
//! When a block cannot be skipped as a whole, its pieces are cut down to those on some path that
//! could still count, and the fields that hold words for every step of such a path (a bit per
//! field, by word) are bounded one by one, following their own words in order, the atom that
//! must make up the most first. Fields that are not ASCII, words longer than [`LONGEST_WORD`]
//! and blocks whose fields share few words are not bounded: they are scored as before.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::pattern::{AtomKind, Pattern};
use paths::Chain;
use pieces::{Piece, State, class, fold, pieces};
use std::collections::HashMap;
pub(super) use words::Words;

mod paths;
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
    /// For the prepared block: the fields (bits by position) holding, for each character of
    /// the atom, a word with a kept piece that matches it; only those can have a path.
    holders: u128,
    /// The most it reaches on the prepared block's fields, by its chain (at least 0).
    best: i32,
    /// Its best paths over the words of the block last worked out.
    chain: Chain,
    /// The needle's characters, for passing over words that hold none; as bits too
    /// ([`words::letters`]).
    wanted: [bool; 256],
    letters: u64,
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
    /// Per vocabulary of blocks (see [`Words::vocab`]), once worked out.
    blocks: Vec<Option<Reach>>,
    /// The block whose fields [`Bounds::field`] bounds.
    prepared: Option<usize>,
    /// The prepared block's fields (bits by position) that every atom could have a path in.
    holders: u128,
    /// What the prepared block's fields must score, and what all atoms reach there at best.
    need: i32,
    all: i32,
    /// The order in which [`Bounds::field`] follows the atoms.
    turns: Vec<usize>,
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
                    holders: 0,
                    best: 0,
                    chain: Chain::default(),
                    wanted: std::array::from_fn(|c| needle.contains(&(c as u8))),
                    letters: words::letters(needle),
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
            blocks: vec![None; words.vocabularies],
            prepared: None,
            holders: 0,
            need: 0,
            all: 0,
            turns: Vec::new(),
        })
    }

    /// Get ready to bound single fields of block `block` ([`Bounds::field`]), of which only
    /// those that could score `need` or more matter.
    pub fn prepare(&mut self, block: usize, need: u32) {
        let words = self.words;
        let places = words.from[block] as usize..words.from[block + 1] as usize;
        let (used, holders) = (&words.used[places.clone()], &words.holders[places]);
        for atom in &mut self.atoms {
            atom.best = atom
                .chain(words, used, words.vocab[block] as usize)
                .most()
                .max(0);
        }
        let all: i32 = self.atoms.iter().map(|a| a.best).sum();
        let need = i32::try_from(need).unwrap_or(i32::MAX / 4);
        for atom in &mut self.atoms {
            // This atom must make up what the others, at their best, leave.
            atom.prepare(words, used, holders, need - (all - atom.best));
        }
        // The atom that must make up the most goes first: it rules out the most fields.
        self.turns.clear();
        self.turns.extend(0..self.atoms.len());
        self.turns
            .sort_by_key(|&a| std::cmp::Reverse(self.atoms[a].best));
        (self.need, self.all) = (need, all);
        self.holders = self.atoms.iter().fold(u128::MAX, |all, a| all & a.holders);
        self.prepared = Some(block);
    }

    /// For a field of the block last prepared: the most the query can score on it, or `None`
    /// when that is under the `need` it was prepared for. Each atom's share goes into `atoms`
    /// (by the pattern's order): the most that atom can score there, when the field's score
    /// reaches `need`.
    pub fn field(&self, field: usize, atoms: &mut [u32]) -> Option<u32> {
        let words = self.words;
        let block = self.prepared.unwrap_or(0);
        debug_assert_eq!(block, words.block_of(field));
        if self.holders & (1 << (field - words.first[block] as usize)) == 0 {
            return None;
        }
        let order = &words.order[words.starts[field] as usize..words.starts[field + 1] as usize];
        // What the atoms not yet followed could add at their best.
        let mut rest = self.all;
        let mut total = 0;
        for &a in &self.turns {
            let atom = &self.atoms[a];
            let most = atom.field(order)?.max(0);
            total += most;
            if let Some(slot) = atoms.get_mut(a) {
                *slot = u32::try_from(most).unwrap_or(0);
            }
            rest -= atom.best;
            if total + rest < self.need {
                return None;
            }
        }
        u32::try_from(total).ok()
    }

    /// The block holding field `field`, and the field after its last.
    pub fn block_of(&self, field: usize) -> (usize, usize) {
        let block = self.words.block_of(field);
        (block, self.words.first[block + 1] as usize)
    }

    /// The earliest item a field of block `block` belongs to.
    pub fn least(&self, block: usize) -> u32 {
        self.words.least[block]
    }

    /// The most the query can score on any field of block `block` (the sum over its atoms).
    pub fn block(&mut self, block: usize) -> Reach {
        let words = self.words;
        let vocab = words.vocab[block] as usize;
        if let Some(most) = self.blocks[vocab] {
            return most;
        }
        let used = &words.used[words.from[block] as usize..words.from[block + 1] as usize];
        let held = words.block_letters[block];
        let most = if !self.atoms.iter().all(|a| a.within(held)) {
            // Some atom has a character no word of the block holds.
            Reach::Nothing
        } else if words.bounded[block] && words.single[block] {
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
                    let reach = atom.chain(words, used, words.vocab[block] as usize).most();
                    (reach > NONE / 2).then(|| total + reach.max(0) as u32)
                })
                .map_or(Reach::Nothing, Reach::AtMost)
        } else {
            Reach::Unknown
        };
        self.blocks[vocab] = Some(most);
        most
    }
}

impl Atom {
    /// The best path through the whole atom within word `w`.
    fn whole(&mut self, words: &Words, w: u32) -> Option<i32> {
        if !self.within(words.letters[w as usize]) {
            return None;
        }
        let m = self.needle.len();
        let (start, end) = self.pieces_of(words, w);
        self.pieces[start as usize..end as usize]
            .iter()
            .filter(|p| p.from == 0 && p.to as usize == m)
            .map(|p| p.with.max(p.fresh))
            .max()
    }

    /// Could text holding the characters `letters` ([`words::letters`]) match the atom?
    fn within(&self, letters: u64) -> bool {
        letters & self.letters == self.letters
    }

    fn pieces_of(&mut self, words: &Words, w: u32) -> (u32, u32) {
        if let Some(range) = self.seen[w as usize] {
            return range;
        }
        // Words alike but for characters the atom does not hold (ids differing only in their
        // digits, say) have the same pieces: what matters is which characters match and the
        // class of every character.
        let word = words.word(w);
        let ignore_case = self.ignore_case;
        let fold = |c: u8| fold(ignore_case, c);
        if words.letters[w as usize] & self.letters == 0
            || !word.iter().any(|&c| self.wanted[fold(c) as usize])
        {
            // No piece: nothing to work out or look up.
            self.seen[w as usize] = Some((0, 0));
            return (0, 0);
        }
        self.shape.clear();
        for &c in word {
            let f = fold(c);
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
