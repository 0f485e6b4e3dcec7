//! The words of every field of the index, and the words each block of fields uses.

use super::LONGEST_WORD;
use nucleo_matcher::Utf32Str;
use std::collections::HashMap;

/// How many fields (entries, in index order) share one bound.
pub(in crate::search) const BLOCK: usize = 128;
/// Blocks using more distinct words than this are scored rather than bounded: their bound
/// would cost more to work out than it saves, and would say little.
const MOST_BLOCK_WORDS: usize = 160;

/// The words of every field, each distinct word stored once, and the words each block of
/// [`BLOCK`] fields uses.
pub(in crate::search) struct Words {
    /// The distinct words, end to end; word `w` ends at `ends[w]`.
    pub bytes: Vec<u8>,
    pub ends: Vec<u32>,
    /// Block `b` uses `used[from[b]..from[b + 1]]`, or is not bounded when `!bounded[b]`.
    pub used: Vec<u32>,
    pub from: Vec<u32>,
    pub bounded: Vec<bool>,
    /// Per block, the earliest item any of its fields belongs to.
    pub least: Vec<u32>,
    /// Per block, whether each of its fields is one word (a tag, an id).
    pub single: Vec<bool>,
    /// Field `e`'s words, in order, as places in its block's `used`: `order[starts[e]..starts[e + 1]]`
    /// (none for a field of a block that is not bounded).
    pub order: Vec<u8>,
    pub starts: Vec<u32>,
}

impl Words {
    /// The words of `fields`, given in index order with the item each belongs to.
    pub fn new<'a>(fields: impl Iterator<Item = (Utf32Str<'a>, u32)>) -> Self {
        let mut words = Words {
            bytes: Vec::new(),
            ends: Vec::new(),
            used: Vec::new(),
            from: vec![0],
            bounded: Vec::new(),
            least: Vec::new(),
            single: Vec::new(),
            order: Vec::new(),
            starts: vec![0],
        };
        let mut known: HashMap<&[u8], u32> = HashMap::new();
        // The block being read: its fields' words (ids), where each field ends, and its items.
        let mut block: Vec<u32> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut least = u32::MAX;
        let mut ok = true;
        let mut fields = fields.peekable();
        while let Some((field, item)) = fields.next() {
            least = least.min(item);
            match field {
                Utf32Str::Ascii(text) if ok => {
                    for word in text.split(u8::is_ascii_whitespace) {
                        if word.is_empty() {
                            continue;
                        }
                        if word.len() > LONGEST_WORD {
                            ok = false;
                            break;
                        }
                        let next = words.ends.len() as u32;
                        let id = *known.entry(word).or_insert_with(|| {
                            words.bytes.extend_from_slice(word);
                            words.ends.push(words.bytes.len() as u32);
                            next
                        });
                        block.push(id);
                    }
                }
                _ => ok = false,
            }
            ends.push(block.len());
            if ends.len() == BLOCK || fields.peek().is_none() {
                words.close_block(&block, &ends, ok, least);
                block.clear();
                ends.clear();
                ok = true;
                least = u32::MAX;
            }
        }
        words
    }

    /// Record a block: the words of its fields (`ends` says where each field's end).
    fn close_block(&mut self, block: &[u32], ends: &[usize], ok: bool, least: u32) {
        let mut used = block.to_vec();
        used.sort_unstable();
        used.dedup();
        let ok = ok && used.len() <= MOST_BLOCK_WORDS;
        let mut start = 0;
        let mut single = true;
        for &end in ends {
            single &= end - start <= 1;
            if ok {
                self.order.extend(block[start..end].iter().map(|w| {
                    // The block has at most MOST_BLOCK_WORDS (< 256) words.
                    used.binary_search(w).unwrap_or(0) as u8
                }));
            }
            self.starts.push(self.order.len() as u32);
            start = end;
        }
        if ok {
            self.used.extend_from_slice(&used);
        }
        self.bounded.push(ok);
        self.from.push(self.used.len() as u32);
        self.least.push(least);
        self.single.push(single);
    }

    pub fn word(&self, w: u32) -> &[u8] {
        let end = self.ends[w as usize] as usize;
        let start = w
            .checked_sub(1)
            .map_or(0, |p| self.ends[p as usize] as usize);
        &self.bytes[start..end]
    }
}
