//! The words of every field of the index, and the words each block of fields uses.

use super::LONGEST_WORD;
use nucleo_matcher::Utf32Str;
use std::collections::HashMap;

/// The most fields (entries, in index order) that share one bound: one bit each in a `u128`.
pub(in crate::search) const BLOCK: usize = 128;
/// A block is closed before it would use more distinct words than this: a bound over more
/// would cost more to work out than it saves, and would say little.
const MOST_BLOCK_WORDS: usize = 160;
/// A block is bounded only when its fields use at most this many distinct words each.
const WORDS_PER_FIELD: usize = 4;

/// The words of every field, each distinct word stored once, and the words each block of
/// fields uses. A block is up to [`BLOCK`] fields in a row, fewer where they use many words;
/// a field that cannot be bounded (not ASCII, or holding a word longer than [`LONGEST_WORD`])
/// goes into a block of such fields, which are scored rather than bounded.
pub(in crate::search) struct Words {
    /// The distinct words, end to end; word `w` ends at `ends[w]`; the characters each holds
    /// ([`letters`]).
    pub bytes: Vec<u8>,
    pub ends: Vec<u32>,
    pub letters: Vec<u64>,
    /// Block `b` holds fields `first[b]..first[b + 1]`.
    pub first: Vec<u32>,
    /// Block `b` uses `used[from[b]..from[b + 1]]`, or is not bounded when `!bounded[b]`.
    pub used: Vec<u32>,
    pub from: Vec<u32>,
    /// Per place in `used`: the fields of its block holding that word, as bits by position.
    pub holders: Vec<u128>,
    pub bounded: Vec<bool>,
    /// Per block, the earliest item any of its fields belongs to.
    pub least: Vec<u32>,
    /// Per block, whether each of its fields is one word (a tag, an id), and the characters
    /// its words hold ([`letters`]).
    pub single: Vec<bool>,
    pub block_letters: Vec<u64>,
    /// Field `e`'s words, in order, as places in its block's `used`: `order[starts[e]..starts[e + 1]]`
    /// (none for a field of a block that is not bounded).
    pub order: Vec<u8>,
    pub starts: Vec<u32>,
    /// Per block, its vocabulary: blocks of the same kind using the same words share one, and
    /// with it what a query can score on them. `vocabularies` is how many there are.
    pub vocab: Vec<u32>,
    pub vocabularies: usize,
}

/// The vocabularies met so far, by (bounded, single, words used).
type Vocabularies = HashMap<(bool, bool, Vec<u32>), u32>;

/// The block being read.
#[derive(Default)]
struct Open {
    /// Its fields' words (ids) end to end, and where each field ends.
    words: Vec<u32>,
    ends: Vec<usize>,
    /// Its distinct words, and whether its fields can be bounded.
    distinct: Vec<u32>,
    bounded: bool,
    least: u32,
}

impl Words {
    /// The words of `fields`, given in index order with the item each belongs to.
    pub fn new<'a>(fields: impl Iterator<Item = (Utf32Str<'a>, u32)>) -> Self {
        let mut words = Words {
            bytes: Vec::new(),
            ends: Vec::new(),
            letters: Vec::new(),
            first: vec![0],
            used: Vec::new(),
            from: vec![0],
            holders: Vec::new(),
            bounded: Vec::new(),
            least: Vec::new(),
            single: Vec::new(),
            block_letters: Vec::new(),
            order: Vec::new(),
            starts: vec![0],
            vocab: Vec::new(),
            vocabularies: 0,
        };
        let mut vocabularies = Vocabularies::new();
        let mut known: HashMap<&[u8], u32> = HashMap::new();
        // Per word: the block that last used it, plus one (so a word is counted once a block).
        let mut seen_in: Vec<u32> = Vec::new();
        let mut open = Open::default();
        let mut field_words: Vec<u32> = Vec::new();
        for (field, item) in fields {
            field_words.clear();
            let mut bounded = matches!(field, Utf32Str::Ascii(_));
            if let Utf32Str::Ascii(text) = field {
                for word in text.split(u8::is_ascii_whitespace) {
                    if word.is_empty() {
                        continue;
                    }
                    if word.len() > LONGEST_WORD {
                        bounded = false;
                        break;
                    }
                    let next = words.ends.len() as u32;
                    let id = *known.entry(word).or_insert_with(|| {
                        words.bytes.extend_from_slice(word);
                        words.ends.push(words.bytes.len() as u32);
                        words.letters.push(letters(word));
                        seen_in.push(0);
                        next
                    });
                    field_words.push(id);
                }
            }
            if !bounded {
                field_words.clear();
            }
            let mark = words.bounded.len() as u32 + 1;
            let new = field_words.iter().filter(|&&w| seen_in[w as usize] != mark);
            let fits = open.distinct.len() + new.count() <= MOST_BLOCK_WORDS;
            if !open.ends.is_empty()
                && (open.ends.len() == BLOCK || bounded != open.bounded || (bounded && !fits))
            {
                words.close_block(&mut open, &mut vocabularies);
            }
            if open.ends.is_empty() {
                open.bounded = bounded;
                open.least = u32::MAX;
            }
            let mark = words.bounded.len() as u32 + 1;
            for &w in &field_words {
                if seen_in[w as usize] != mark {
                    seen_in[w as usize] = mark;
                    open.distinct.push(w);
                }
            }
            open.words.extend_from_slice(&field_words);
            open.ends.push(open.words.len());
            open.least = open.least.min(item);
        }
        if !open.ends.is_empty() {
            words.close_block(&mut open, &mut vocabularies);
        }
        words
    }

    /// Record the open block and empty it for the next.
    fn close_block(&mut self, open: &mut Open, vocabularies: &mut Vocabularies) {
        let used = &mut open.distinct;
        used.sort_unstable();
        // A field with more distinct words than a block may use is not bounded, nor a block
        // whose fields share few words: working out each word's pieces would cost more than
        // scoring the fields.
        let ok = open.bounded
            && used.len() <= MOST_BLOCK_WORDS
            && used.len() <= WORDS_PER_FIELD * open.ends.len();
        let mut start = 0;
        let mut single = true;
        let mut holders = vec![0u128; if ok { used.len() } else { 0 }];
        for (f, &end) in open.ends.iter().enumerate() {
            single &= end - start <= 1;
            if ok {
                self.order.extend(open.words[start..end].iter().map(|w| {
                    // The block has at most MOST_BLOCK_WORDS (< 256) words.
                    let place = used.binary_search(w).unwrap_or(0);
                    holders[place] |= 1 << f;
                    place as u8
                }));
            }
            self.starts.push(self.order.len() as u32);
            start = end;
        }
        if ok {
            self.used.extend_from_slice(used);
            self.holders.extend_from_slice(&holders);
        }
        let fields = *self.first.last().unwrap_or(&0) + open.ends.len() as u32;
        self.first.push(fields);
        self.bounded.push(ok);
        self.from.push(self.used.len() as u32);
        self.least.push(open.least);
        self.single.push(single);
        let held = used
            .iter()
            .fold(0, |all, &w| all | self.letters[w as usize]);
        self.block_letters.push(if ok { held } else { u64::MAX });
        let known = vocabularies.len() as u32;
        let key = (ok, single, if ok { used.clone() } else { Vec::new() });
        self.vocab.push(*vocabularies.entry(key).or_insert(known));
        self.vocabularies = vocabularies.len();
        open.words.clear();
        open.ends.clear();
        open.distinct.clear();
    }

    /// The block holding field `field`.
    pub fn block_of(&self, field: usize) -> usize {
        self.first.partition_point(|&f| f as usize <= field) - 1
    }

    pub fn word(&self, w: u32) -> &[u8] {
        let end = self.ends[w as usize] as usize;
        let start = w
            .checked_sub(1)
            .map_or(0, |p| self.ends[p as usize] as usize);
        &self.bytes[start..end]
    }
}

/// The characters of `text`, in any case, as bits: one per letter and digit, the rest sharing
/// the others. A text can match an atom only if it holds every bit of the atom's.
pub(in crate::search) fn letters(text: &[u8]) -> u64 {
    text.iter().fold(0, |all, &c| {
        let c = c.to_ascii_lowercase();
        all | 1
            << match c {
                b'a'..=b'z' => c - b'a',
                b'0'..=b'9' => 26 + c - b'0',
                _ => 36 + c % 28,
            }
    })
}
