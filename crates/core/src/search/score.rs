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

use super::Entry;
use super::bound::{Bounds, Reach};
use super::seen::Seen;
use nucleo_matcher::pattern::{AtomKind, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};

/// How a run of entries may skip fields.
#[derive(Clone, Copy)]
pub(super) struct Prune {
    /// The most the query can score on any text.
    pub ceiling: u32,
    /// How many items the results keep.
    pub keep: usize,
}

/// The most each atom of `pattern` can score on any text, when that can be known: every atom
/// fuzzy and not negated, each scoring at most what it scores against its own text, plus a little per
/// character: a text can place a character after a stronger boundary than the needle itself
/// has (`_C1` scores higher on `_ C1`, where C follows a space, than on itself).
pub(super) fn ceilings(pattern: &Pattern, matcher: &mut Matcher) -> Option<Vec<u32>> {
    pattern
        .atoms
        .iter()
        .map(|atom| {
            if atom.negative || atom.kind != AtomKind::Fuzzy {
                return None;
            }
            let own = atom.score(atom.needle_text(), matcher)?;
            let slack = 4 * u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX / 8);
            Some(u32::from(own) + slack)
        })
        .collect()
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

/// What every run of one query's scoring shares.
#[derive(Clone, Copy)]
pub(super) struct Job<'a> {
    pub entries: &'a [Entry],
    pub pattern: &'a Pattern,
    pub prune: Option<Prune>,
    /// How many items the results keep.
    pub keep: usize,
    /// Entries [`fill`] found unable to reach the query's best score (ascending).
    pub passed: &'a [u32],
    /// The most each atom can score on any text (empty when not known), and the atoms by it,
    /// highest first.
    pub caps: &'a [u32],
    pub turns: &'a [usize],
}

/// What scoring a field one atom at a time came to.
enum Scored {
    Unmatched,
    /// It cannot place: not every atom was scored.
    Skipped,
    Score(u32),
}

/// Score entry `e` one atom at a time, the one that can score the most first, stopping once
/// what has been scored plus the most the other atoms can add (`caps`, by the pattern's order)
/// cannot place. The score is the pattern's: nucleo adds up its atoms' scores.
fn by_atom(job: &Job<'_>, e: &Entry, caps: &[u32], matcher: &mut Matcher, seen: &Seen) -> Scored {
    let mut rest: u32 = job.turns.iter().map(|&a| caps[a]).sum();
    let mut total = 0;
    for &a in job.turns {
        let Some(score) = job.pattern.atoms[a].score(e.text.slice(..), matcher) else {
            return Scored::Unmatched;
        };
        total += u32::from(score);
        rest -= caps[a];
        if rest > 0 && seen.can_skip(e.item, total + rest + e.weight, job.keep) {
            return Scored::Skipped;
        }
    }
    Scored::Score(total)
}

/// Score `candidates` (ascending entry numbers) against the job's pattern, adding to `seen`.
/// Returns the entries that matched or were skipped (so may match), ascending: the next, longer
/// query's candidates. `bounds`, when given, says the most the query can score on an entry.
pub(super) fn run(
    job: &Job<'_>,
    candidates: &[u32],
    matcher: &mut Matcher,
    mut bounds: Option<&mut Bounds<'_>>,
    seen: &mut Seen,
) -> Vec<u32> {
    let Job {
        entries,
        pattern,
        prune,
        passed,
        caps,
        ..
    } = *job;
    let mut matched = Vec::with_capacity(candidates.len() / 4);
    let first = candidates.first().copied().unwrap_or(0);
    let mut passed = &passed[passed.partition_point(|&p| p < first)..];
    // The field after the last of the current candidate's block.
    let mut block_end = 0;
    // Whether the fields of `block` are bounded one by one; whether this one was, and what
    // each atom can score on it (by the pattern's order) if so.
    let mut fields = false;
    let mut here = vec![0; caps.len()];
    let mut n = 0;
    while let Some(&i) = candidates.get(n) {
        n += 1;
        let mut bounded = false;
        let e = &entries[i as usize];
        if let Some(p) = prune {
            while passed.first().is_some_and(|&p| p < i) {
                passed = &passed[1..];
            }
            // Later entries weigh no more than this one: if none of this weight could place,
            // no later one can change the results.
            if seen.beaten(p.ceiling + e.weight, p.keep) {
                matched.extend_from_slice(&candidates[n - 1..]);
                seen.stopped = true;
                break;
            }
            // A field `fill` passed over cannot reach the best score: one point short at least.
            let short = u32::from(passed.first() == Some(&i));
            let most = p.ceiling + e.weight - short;
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
                bounded = true;
                let skip = b
                    .field(i as usize, &mut here)
                    .is_none_or(|bound| seen.can_skip(e.item, bound + e.weight, p.keep));
                if skip {
                    matched.push(i);
                    continue;
                }
            }
        }
        let score = match prune {
            Some(_) if job.turns.len() > 1 => {
                let caps = if bounded { &here[..] } else { caps };
                match by_atom(job, e, caps, matcher, seen) {
                    Scored::Unmatched => continue,
                    Scored::Skipped => {
                        matched.push(i);
                        continue;
                    }
                    Scored::Score(score) => Some(score),
                }
            }
            _ => pattern.score(e.text.slice(..), matcher),
        };
        let Some(score) = score else {
            continue;
        };
        matched.push(i);
        seen.found(e.item, (score + e.weight, i), prune);
    }
    matched
}
