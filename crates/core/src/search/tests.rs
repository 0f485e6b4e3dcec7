//! Search: ranking, highlighting, narrowing, threads, and skipping checked against scoring
//! every field.

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
    // Shared from the start, in small chunks: many hand-overs between the threads.
    split.parallel_from = 0;
    split.chunk = 64;
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
    assert!(split.matchers.len() > 1 || std::thread::available_parallelism().unwrap().get() == 1);
}

#[test]
fn skipping_fields_that_cannot_place_changes_no_result() {
    let mut sources = vec![crate::bank::BankSource::Builtin];
    sources.extend(crate::synth::memory_sources(400));
    let bank = crate::bank::load(&sources).unwrap();
    let mut pruned = SearchIndex::new(&bank);
    // In blocks, and split across threads: each run starts from what the runs before saw.
    let mut blocks = SearchIndex::new(&bank);
    (blocks.parallel_from, blocks.chunk) = (2, 700);
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
                assert_eq!(pruned.search(q, limit), want, "{q:?} {limit}");
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
                item: i as u32,
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
        // Shared across the cores in chunks of two fields: the threads' findings cross often.
        let mut shared = made_up(&items);
        (shared.parallel_from, shared.chunk) = (0, 2);
        let mut full = made_up(&items);
        full.prune = false;
        for end in 1..=query.len() {
            let q = &query[..end];
            let want = full.search(q, limit);
            prop_assert_eq!(pruned.search(q, limit), want.clone(), "{:?}", q);
            prop_assert_eq!(shared.search(q, limit), want, "shared: {:?}", q);
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
        let text = Utf32String::from(text.as_str());
        for (atom, most) in pattern.atoms.iter().zip(score::ceilings(&pattern, &mut matcher).unwrap_or_default()) {
            if let Some(got) = atom.score(text.slice(..), &mut matcher) {
                let got = u32::from(got);
                prop_assert!(got <= most, "{needle:?} scores {got} on {text:?}, above {most}");
            }
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

#[test]
fn many_hits_keep_rank_order_and_true_highlights() {
    let mut sources = vec![crate::bank::BankSource::Builtin];
    sources.extend(crate::synth::memory_sources(400));
    let bank = crate::bank::load(&sources).unwrap();
    let mut index = SearchIndex::new(&bank);
    let order = |t: Target| match t {
        Target::Question(i) => i,
        Target::Guide(g) => bank.questions.len() + g,
    };
    for query in ["c", "re", "cache r"] {
        let hits = index.search(query, 200);
        assert!(hits.len() > 100, "{query}: {} hits", hits.len());
        for w in hits.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            assert!(
                a.score > b.score || (a.score == b.score && order(a.target) < order(b.target)),
                "{query}: {a:?} before {b:?}"
            );
        }
        let letters: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        for h in &hits {
            let chars: Vec<char> = h.text.chars().collect();
            let marked: String = h.positions.iter().map(|&p| chars[p as usize]).collect();
            assert_eq!(marked.to_lowercase().len(), letters.len(), "{query}: {h:?}");
            assert!(
                letters.chars().all(|c| marked.to_lowercase().contains(c)),
                "{h:?}"
            );
        }
    }
}

#[test]
fn scoring_with_highlights_scores_as_scoring_alone() {
    use proptest::prelude::*;
    // The quick pass scores with `indices` to keep the highlights; the score must not differ.
    proptest!(ProptestConfig::with_cases(2000), |(needle in "[a-cA-C1 _/é-]{1,8}", text in "[a-cA-C1 _/:.,é-]{0,120}")| {
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::parse(&needle, CaseMatching::Smart, Normalization::Smart);
        let haystack = Utf32String::from(text.as_str());
        let mut letters = Vec::new();
        prop_assert_eq!(
            pattern.score(haystack.slice(..), &mut matcher),
            pattern.indices(haystack.slice(..), &mut matcher, &mut letters)
        );
    });
}
