//! A word's pieces: what a query atom can earn inside one word, by nucleo-matcher's scoring.

use super::{Atom, NONE};

// nucleo-matcher's scoring constants (`score.rs`) and its default configuration.
const MATCH: i32 = 16;
const GAP_START: i32 = 3;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const CONSECUTIVE: i32 = 4;
const BOUNDARY: i32 = 8;
const BOUNDARY_WHITE: i32 = BOUNDARY + 2;
const BOUNDARY_DELIMITER: i32 = BOUNDARY + 1;
const CAMEL: i32 = BOUNDARY - GAP_START;
const NON_WORD: i32 = BOUNDARY;
const DELIMITERS: &[u8] = b"/,:;|";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Number,
}

pub(super) fn class(c: u8) -> Class {
    match c {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        c if c.is_ascii_whitespace() => Class::Whitespace,
        c if DELIMITERS.contains(&c) => Class::Delimiter,
        _ => Class::NonWord,
    }
}

/// `c` as the atom compares it: lowercased when the atom ignores case.
pub(super) fn fold(ignore_case: bool, c: u8) -> u8 {
    if ignore_case {
        c.to_ascii_lowercase()
    } else {
        c
    }
}

/// The bonus for a character of class `class` after one of class `prev` (nucleo's `bonus_for`).
pub(super) fn bonus(prev: Class, class: Class) -> i32 {
    if class > Class::Delimiter {
        match prev {
            Class::Whitespace => return BOUNDARY_WHITE,
            Class::Delimiter => return BOUNDARY_DELIMITER,
            Class::NonWord => return BOUNDARY,
            _ => {}
        }
    }
    if (prev == Class::Lower && class == Class::Upper)
        || (prev != Class::Number && class == Class::Number)
    {
        CAMEL
    } else if class == Class::Whitespace {
        BOUNDARY_WHITE
    } else if class == Class::NonWord {
        NON_WORD
    } else {
        0
    }
}

/// One word's share of a path: the atom's characters `from..to` matched in it. A path that
/// reaches the piece with `x` leaves it with at most `max(x + with, fresh)`, less what it adds to
/// the skipped characters around it. (nucleo never lets a score fall below 0 in a gap, so a
/// long gap can leave a path as if it started afresh: `fresh`.) A piece that begins the atom
/// is reached with 0.
#[derive(Clone, Copy)]
pub(super) struct Piece {
    pub from: u8,
    pub to: u8,
    pub with: i32,
    pub fresh: i32,
}

/// Every piece `needle` can have in `word`, by first character: the best path through
/// `needle[from..to]` inside the word, less the characters before it (and the gap start) when it
/// does not begin the atom, and less the characters after it when it does not end the atom.
/// Paths are followed per end position keeping the best of each figure apart (score carried,
/// score afresh, run bonus), which can only overstate.
/// The caller ([`Atom::pieces_of`]) has checked that the word holds a character of the atom.
pub(super) fn pieces(word: &[u8], atom: &mut Atom) {
    let ignore_case = atom.ignore_case;
    let fold = |c: u8| fold(ignore_case, c);
    let len = word.len() as i32;
    let mut prev = Class::Whitespace;
    let chars = &mut atom.chars;
    chars.clear();
    chars.extend(word.iter().map(|&c| {
        let class = class(c);
        let b = bonus(prev, class);
        prev = class;
        (fold(c), b)
    }));
    let needle = &atom.needle;
    let chars = &atom.chars;
    let at = |j: usize| {
        chars
            .iter()
            .enumerate()
            .filter(move |(_, (c, _))| *c == needle[j])
            .map(|(p, &(_, b))| (p as i32, b))
    };
    let m = needle.len();
    let (now, next) = (&mut atom.now, &mut atom.next);
    for from in 0..m {
        now.clear();
        now.extend(at(from).map(|(p, b)| {
            if from == 0 {
                State {
                    at: p,
                    with: MATCH + b * FIRST_CHAR_MULTIPLIER,
                    fresh: NONE,
                    run: b,
                }
            } else {
                State {
                    at: p,
                    with: MATCH + b - GAP_START - p,
                    fresh: MATCH + b,
                    run: b,
                }
            }
        }));
        let mut j = from;
        while !now.is_empty() {
            let to = j + 1;
            let trailing = |p: i32| if to < m { len - 1 - p } else { 0 };
            let mut piece = Piece {
                from: from as u8,
                to: to as u8,
                with: NONE,
                fresh: NONE,
            };
            for s in now.iter() {
                piece.with = piece.with.max(s.with - trailing(s.at));
                piece.fresh = piece.fresh.max(s.fresh - trailing(s.at));
            }
            atom.pieces.push(piece);
            if to == m {
                break;
            }
            next.clear();
            for (r, b) in at(to) {
                let mut into = State {
                    at: r,
                    with: NONE,
                    fresh: NONE,
                    run: 0,
                };
                for s in now.iter() {
                    if s.at + 1 == r {
                        let mut run = s.run.max(CONSECUTIVE);
                        if b >= BOUNDARY && b > run {
                            run = b;
                        }
                        let gain = MATCH + run.max(b);
                        into.with = into.with.max(s.with + gain);
                        into.fresh = into.fresh.max(s.fresh + gain);
                        into.run = into.run.max(run);
                    } else if s.at + 1 < r {
                        // A gap: the score falls by its penalty, but not below 0.
                        let gap = r - s.at + 1;
                        let gain = MATCH + b;
                        into.with = into.with.max(s.with - gap + gain);
                        into.fresh = into.fresh.max(s.fresh - gap + gain).max(gain);
                        into.run = into.run.max(b);
                    }
                }
                if into.with > NONE / 2 || into.fresh > NONE / 2 {
                    next.push(into);
                }
            }
            std::mem::swap(now, next);
            j = to;
        }
    }
}

/// A path through the atom so far, ending at a character of the word.
#[derive(Clone)]
pub(super) struct State {
    at: i32,
    /// The most it scores, on top of the score it came in with.
    with: i32,
    /// The most it scores having started afresh after a gap.
    fresh: i32,
    /// The best run bonus it carries.
    run: i32,
}
