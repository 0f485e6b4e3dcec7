//! The bound never falls below nucleo-matcher's score, and meets it where a word holds the match.

use super::*;
use nucleo_matcher::pattern::{CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

/// The best score of `query` over `texts`, and the bound of the block they make.
fn block(texts: &[&str], query: &str) -> (Option<u32>, Reach) {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let fields: Vec<Utf32String> = texts.iter().map(|&t| Utf32String::from(t)).collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let score = fields
        .iter()
        .filter_map(|f| pattern.score(f.slice(..), &mut matcher))
        .max();
    let words = Words::new(fields.iter().map(|f| (f.slice(..), 0)));
    let most = Bounds::new(&words, &pattern).map_or(Reach::Unknown, |mut b| b.block(0));
    (score, most)
}

fn both(text: &str, query: &str) -> (Option<u32>, Reach) {
    block(&[text], query)
}

fn holds_over(texts: &[&str], query: &str) -> Result<(), String> {
    match block(texts, query) {
        (_, Reach::Unknown) => Ok(()),
        (None, Reach::Nothing) | (None, Reach::AtMost(_)) => Ok(()),
        (Some(s), Reach::AtMost(m)) if s <= m => Ok(()),
        (s, m) => Err(format!("{texts:?} / {query:?}: scored {s:?}, bound {m:?}")),
    }
}

fn holds(text: &str, query: &str) -> Result<(), String> {
    holds_over(&[text], query)
}

#[test]
fn a_word_that_holds_the_match_is_bounded_by_its_own_score() {
    for (text, query) in [
        ("latency", "ltncy"),
        ("the latency budget", "ltncy"),
        ("replica cache", "rplc"),
        ("Cache-Replica/Failover", "crf"),
        ("headcount", "hdcnt"),
        ("a", "a"),
    ] {
        let (score, most) = both(text, query);
        let score = score.unwrap();
        assert_eq!(most, Reach::AtMost(score), "{text:?} / {query:?}");
    }
}

#[test]
fn a_field_that_cannot_match_is_known_not_to() {
    assert_eq!(both("cache replica", "zq").1, Reach::Nothing);
    assert_eq!(both("cache replica", "ac rz").1, Reach::Nothing);
    assert_eq!(both("", "a").1, Reach::Nothing);
}

#[test]
fn fields_and_queries_outside_ascii_are_scored_not_bounded() {
    assert_eq!(both("café latency", "ltncy").1, Reach::Unknown);
    assert_eq!(both("latency", "lté").1, Reach::Unknown);
    assert_eq!(both("latency", "!ltncy").1, Reach::Unknown);
    assert_eq!(both("latency", "^lat").1, Reach::Unknown);
    assert_eq!(both(&"x".repeat(LONGEST_WORD + 1), "x").1, Reach::Unknown);
}

#[test]
fn paths_across_words_are_bounded() {
    for (text, query) in [
        ("rate limiter", "rl"),
        ("service level objective", "slo"),
        ("replica cache", "rplc"),
        ("cache replica", "cch rplc"),
        ("l t n cycle", "ltncy"),
        ("no L4 to cycle", "ltncy"),
        ("a_b a b", "ab"),
    ] {
        holds(text, query).unwrap();
    }
}

#[test]
fn a_block_of_single_words_needs_every_atom_in_one_word() {
    // "cache" holds "cch" and "replica" holds "rplc", but no one word holds both.
    assert_eq!(block(&["cache", "replica"], "cch rplc").1, Reach::Nothing);
    assert_eq!(
        block(&["cache", "replica"], "rplc"),
        (Some(82), Reach::AtMost(82))
    );
}

#[test]
fn a_block_is_bounded_by_its_best_field() {
    let texts = ["the latency budget", "replica cache", "no match here"];
    assert_eq!(block(&texts, "ltncy"), (Some(102), Reach::AtMost(102)));
    assert_eq!(block(&texts, "zzz").1, Reach::Nothing);
    let words = Words::new(
        texts
            .iter()
            .map(|t| Utf32String::from(*t))
            .collect::<Vec<_>>()
            .iter()
            .zip([7, 3, 9])
            .map(|(f, item)| (f.slice(..), item))
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let pattern = Pattern::parse("a", CaseMatching::Smart, Normalization::Smart);
    assert_eq!(Bounds::new(&words, &pattern).unwrap().least(0), 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Texts from a small alphabet with case, digits, delimiters and runs of spaces, so that
    /// matches cross words, start inside words and after every kind of boundary.
    #[test]
    fn the_bound_is_never_below_the_score(
        text in "[abcAB1 _/-]{0,40}",
        query in "[abcAB1_/-]{1,5}( [abc]{1,3})?",
    ) {
        holds(&text, &query).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_bound_is_never_below_the_score_on_words(
        words in proptest::collection::vec("(latency|cache|replica|trade-off|L4|a|team|t|no|cycle|Head/Count|x1)", 0..12),
        query in "[lantcyrhdpoe1]{1,6}",
    ) {
        holds(&words.join(" "), &query).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_block_bound_is_never_below_any_of_its_fields(
        texts in proptest::collection::vec("[abcAB1 _/-]{0,20}", 1..6),
        query in "[abcAB1_/-]{1,4}( [abc]{1,3})?",
    ) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        holds_over(&texts, &query).map_err(TestCaseError::fail)?;
    }
}

/// The words of `texts`, as the index holds them, all of item 0.
fn words_of(texts: &[&str]) -> (Vec<Utf32String>, Words) {
    let fields: Vec<Utf32String> = texts.iter().map(|&t| Utf32String::from(t)).collect();
    let words = Words::new(fields.iter().map(|f| (f.slice(..), 0)));
    (fields, words)
}

/// Every field that scores `need` or more is bounded one by one at or over its score, and so is
/// each atom's share of it.
fn fields_hold(texts: &[&str], query: &str, need: u32) -> Result<(), String> {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let (fields, words) = words_of(texts);
    let Some(mut bounds) = Bounds::new(&words, &pattern) else {
        return Ok(());
    };
    let mut matcher = Matcher::new(Config::DEFAULT);
    for block in 0..words.bounded.len() {
        if !words.bounded[block] || bounds.block(block) == Reach::Nothing {
            continue;
        }
        bounds.prepare(block, need);
        for f in words.first[block] as usize..words.first[block + 1] as usize {
            let Some(score) = pattern.score(fields[f].slice(..), &mut matcher) else {
                continue;
            };
            let mut atoms = vec![0; pattern.atoms.len()];
            let most = bounds.field(f, &mut atoms);
            let shares: Vec<u32> = pattern
                .atoms
                .iter()
                .map(|a| {
                    a.score(fields[f].slice(..), &mut matcher)
                        .map_or(0, u32::from)
                })
                .collect();
            let held = most.is_some_and(|most| most >= score)
                && atoms.iter().zip(&shares).all(|(most, got)| most >= got);
            if score >= need && !held {
                return Err(format!(
                    "{:?} / {query:?} need {need}: scored {score} ({shares:?}), bound {most:?} \
                     ({atoms:?})",
                    texts[f]
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn fields_that_could_place_are_bounded_one_by_one() {
    let texts = [
        "cache replica",
        "customer cache headcount risk platform cache",
        "retry platform cache",
        "replica cache",
        "nothing here",
    ];
    for need in [0, 60, 100, 150, 170] {
        fields_hold(&texts, "cch rplc", need).unwrap();
        fields_hold(&texts, "rplc", need).unwrap();
    }
}

#[test]
fn blocks_close_at_many_words_and_around_fields_that_cannot_be_bounded() {
    // Twelve fields of twenty new words each: the block closes before it would pass the most
    // distinct words a block may use.
    let many: Vec<String> = (0..12)
        .map(|f| {
            (0..20)
                .map(|w| format!("w{f}x{w}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let texts: Vec<&str> = many.iter().map(String::as_str).collect();
    let (_, words) = words_of(&texts);
    assert!(words.first.len() > 2, "one block of 240 distinct words");
    // A field outside ASCII makes a block of its own, and its neighbours stay bounded.
    let (_, words) = words_of(&["cache a", "cache b", "café", "cache c", "cache a"]);
    assert_eq!(words.first, [0, 2, 3, 5]);
    assert_eq!(words.bounded, [true, false, true]);
    assert_eq!(words.block_of(2), 1);
    assert_eq!(words.block_of(4), 2);
    // Each word's holders are the fields of its block that hold it, by position.
    let used = &words.used[words.from[2] as usize..words.from[2 + 1] as usize];
    let holders = &words.holders[words.from[2] as usize..words.from[3] as usize];
    let cache = used
        .iter()
        .position(|&w| words.word(w) == b"cache")
        .unwrap();
    let c = used.iter().position(|&w| words.word(w) == b"c").unwrap();
    assert_eq!((holders[cache], holders[c]), (0b11, 0b01));
}

#[test]
fn blocks_of_the_same_words_share_their_bound_and_others_do_not() {
    // Three blocks of BLOCK fields: cache and replica, then risk and budget, then cache and
    // replica again.
    let mut texts = Vec::new();
    for words in ["cache replica", "risk budget", "replica cache"] {
        texts.extend(std::iter::repeat_n(words, words::BLOCK));
    }
    let (fields, words) = words_of(&texts);
    assert_eq!(words.first.len(), 4, "three blocks");
    assert_eq!(words.vocab[0], words.vocab[2]);
    assert_ne!(words.vocab[0], words.vocab[1]);
    let pattern = Pattern::parse("rplc", CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let best = [0, 2 * words::BLOCK]
        .map(|f| pattern.score(fields[f].slice(..), &mut matcher).unwrap())
        .into_iter()
        .max();
    let best = best.unwrap();
    let mut bounds = Bounds::new(&words, &pattern).unwrap();
    // Asked in any order, each block gets its own words' bound.
    assert_eq!(
        bounds.block(1),
        Reach::Nothing,
        "no r, p, l and c in risk budget"
    );
    assert_eq!(bounds.block(0), Reach::AtMost(best));
    assert_eq!(bounds.block(1), Reach::Nothing);
    assert_eq!(bounds.block(2), Reach::AtMost(best));
}

#[test]
fn a_word_or_block_without_every_letter_of_an_atom_cannot_match_it() {
    use words::letters;
    let rplc = letters(b"rplc");
    assert_eq!(letters(b"Replica") & rplc, rplc, "case does not matter");
    assert_ne!(letters(b"gen-3-271") & rplc, rplc);
    assert_eq!(letters(b"a1-"), 1 | 1 << 27 | 1 << (36 + b'-' % 28));
    // Ids holding none of the atom's letters: the block is known not to match.
    let (_, words) = words_of(&["gen-1-2", "gen-1-3", "gen-2-1"]);
    let pattern = Pattern::parse("cch", CaseMatching::Smart, Normalization::Smart);
    assert_eq!(
        Bounds::new(&words, &pattern).unwrap().block(0),
        Reach::Nothing
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_field_bound_is_never_below_a_score_that_counts(
        words in proptest::collection::vec(
            proptest::collection::vec("(cache|replica|risk|platform|retry|customer|headcount|rc|p|L4)", 1..8),
            1..10,
        ),
        query in "[cahrpltemo]{1,4}( [cahrplt]{1,4})?",
        need in 0u32..200,
    ) {
        let texts: Vec<String> = words.iter().map(|w| w.join(" ")).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        fields_hold(&texts, &query, need).map_err(TestCaseError::fail)?;
    }
}
