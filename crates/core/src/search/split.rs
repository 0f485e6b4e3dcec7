//! Sharing a query's scoring across the cores. Each thread takes the next chunk of candidates
//! in turn and, after each, shows the others what it has found: its best score and the items
//! it keeps, from which every thread works out the score `keep` items reach over all of them.
//! Those only ever understate the final figures, so a thread skips what its own findings, or
//! all threads' together, show cannot place. The results are
//! those of one thread scoring everything in order (the tests compare both).

use super::Hit;
use super::bound::Bounds;
use super::score::{self, Job};
use super::seen::{Outside, Seen};
use nucleo_matcher::Matcher;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::{Mutex, mpsc};

/// What the threads sharing one query's scoring tell each other. Every figure only moves one
/// way, so a late look at it is never wrong, only less useful.
struct Shared {
    /// The next chunk to take.
    next: AtomicUsize,
    /// The earliest chunk in which a run found that no later entry can change the results.
    stop: AtomicUsize,
    /// The lowest of the `keep` best items over all threads, as `score << 32 | !item` (so a
    /// higher number ranks higher: a higher score, or the same for an earlier item).
    low: AtomicU64,
    best: AtomicU32,
    /// Per thread, the items it keeps as (item, score), and a count of changes to them: an
    /// item is kept by each thread apart, so `keep` items of all of them together reach a
    /// score none of them reaches alone.
    kept: Vec<Mutex<Vec<(u32, u32)>>>,
    changes: AtomicUsize,
}

impl Shared {
    /// Show thread `t`'s best score, and its kept items if they changed since `shown`
    /// (updated); then, if anyone's changed since `read`, raise `low` to what `keep` items
    /// reach over all threads together (a thread's own kept items among them).
    fn pool(&self, t: usize, seen: &Seen, keep: usize, shown: &mut usize, read: &mut usize) {
        self.best.fetch_max(seen.best_yet(), Relaxed);
        let (kept, pushed) = seen.kept();
        if pushed != *shown
            && let Ok(mut slot) = self.kept[t].lock()
        {
            slot.clear();
            slot.extend(kept);
            *shown = pushed;
            self.changes.fetch_add(1, Relaxed);
        }
        let changes = self.changes.load(Relaxed);
        if changes == *read {
            return;
        }
        *read = changes;
        let mut all = Vec::with_capacity(keep * self.kept.len());
        for slot in &self.kept {
            if let Ok(slot) = slot.lock() {
                all.extend_from_slice(&slot);
            }
        }
        // Each item once, at its highest score.
        all.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        all.dedup_by_key(|k| k.0);
        if keep > 0 && all.len() >= keep {
            let rank = |&(item, score): &(u32, u32)| u64::from(score) << 32 | u64::from(!item);
            let (_, low, _) =
                all.select_nth_unstable_by_key(keep - 1, |k| std::cmp::Reverse(rank(k)));
            self.low.fetch_max(rank(low), Relaxed);
        }
    }

    fn read(&self) -> Outside {
        let low = self.low.load(Relaxed);
        Outside {
            low: (low >> 32) as u32,
            last: !(low as u32),
            best: self.best.load(Relaxed),
        }
    }
}

/// `candidates` (ascending) cut into runs of about `size`, each ending where a block of
/// fields does (so no block is bounded twice).
pub(super) fn chunks<'c>(
    candidates: &'c [u32],
    size: usize,
    bounds: Option<&Bounds<'_>>,
) -> Vec<&'c [u32]> {
    let mut chunks = Vec::with_capacity(candidates.len() / size.max(1) + 1);
    let mut rest = candidates;
    while !rest.is_empty() {
        let mut end = rest.len().min(size.max(1));
        if let (Some(b), Some(&last)) = (bounds, rest.get(end - 1)) {
            let (_, after) = b.block_of(last as usize);
            end += rest[end..].partition_point(|&c| (c as usize) < after);
        }
        let (chunk, after) = rest.split_at(end);
        chunks.push(chunk);
        rest = after;
    }
    chunks
}

/// What makes a ranked (score, entry) pair into a [`Hit`] (finding the letters to highlight,
/// the costly part), on any thread.
pub(super) type MakeHit<'h> = &'h (dyn Fn(&(u32, u32), &mut Matcher) -> Hit + Sync);

/// Score `chunks` on this thread (with `mine`) and one more per helper matcher, each taking the
/// next chunk in turn, folding what they find into `seen` and the candidates for a longer
/// query into `matched`, in order; then make the hits on every thread with `hit`. Returns the
/// hits, best first.
pub(super) fn share(
    job: &Job<'_>,
    chunks: &[&[u32]],
    (mine, helpers): (&mut Matcher, &mut [Matcher]),
    mut bounds: Option<Bounds<'_>>,
    seen: &mut Seen,
    matched: &mut Vec<u32>,
    hit: MakeHit<'_>,
) -> Vec<Hit> {
    let keep = job.keep;
    let shared = Shared {
        next: AtomicUsize::new(0),
        stop: AtomicUsize::new(usize::MAX),
        low: AtomicU64::new(0),
        best: AtomicU32::new(0),
        kept: (0..=helpers.len())
            .map(|_| Mutex::new(Vec::new()))
            .collect(),
        changes: AtomicUsize::new(0),
    };
    let threads = helpers.len() + 1;
    let (done, found) = mpsc::channel();
    let (mut parts, hits) = std::thread::scope(|scope| {
        let (work, handles): (Vec<_>, Vec<_>) = helpers
            .iter_mut()
            .zip(1..)
            .map(|(m, t)| {
                // Each helper starts from what this thread has seen.
                let mut theirs = seen.clone();
                let mut bounds = bounds.clone();
                let (shared, done) = (&shared, done.clone());
                let (give, work) = mpsc::channel::<Vec<(u32, u32)>>();
                let handle = scope.spawn(move || {
                    let parts = take(job, chunks, shared, t, m, bounds.as_mut(), &mut theirs);
                    if done.send((parts, theirs)).is_err() {
                        return Vec::new();
                    }
                    drop(done);
                    work.recv()
                        .map(|ranked| ranked.iter().map(|r| hit(r, m)).collect())
                        .unwrap_or_default()
                });
                (give, handle)
            })
            .unzip();
        drop(done);
        let mut parts = take(job, chunks, &shared, 0, mine, bounds.as_mut(), seen);
        // A helper that panicked sends nothing; its panic is raised at the join below.
        for (theirs, found) in found.iter().take(threads - 1) {
            parts.extend(theirs);
            seen.absorb(found);
        }
        let ranked = super::rank(seen, keep);
        let mut pieces = ranked.chunks(ranked.len().div_ceil(threads).max(1));
        let own = pieces.next().unwrap_or_default();
        for (give, piece) in work.iter().zip(pieces) {
            // A helper that cannot take its piece has panicked: raised at the join.
            let _ = give.send(piece.to_vec());
        }
        drop(work);
        let mut hits: Vec<Hit> = own.iter().map(|r| hit(r, mine)).collect();
        for handle in handles {
            hits.extend(
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        (parts, hits)
    });
    // Chunks no thread scored (after a stop) may all match a longer query.
    parts.sort_unstable_by_key(|&(chunk, _)| chunk);
    let mut parts = parts.into_iter().peekable();
    for (c, chunk) in chunks.iter().enumerate() {
        match parts.next_if(|&(scored, _)| scored == c) {
            Some((_, found)) => matched.extend_from_slice(&found),
            None => matched.extend_from_slice(chunk),
        }
    }
    hits
}

/// Take chunks until none is left (or a stop is found), scoring each: (chunk number, its
/// candidates for a longer query).
fn take(
    job: &Job<'_>,
    chunks: &[&[u32]],
    shared: &Shared,
    thread: usize,
    matcher: &mut Matcher,
    mut bounds: Option<&mut Bounds<'_>>,
    seen: &mut Seen,
) -> Vec<(usize, Vec<u32>)> {
    let keep = job.keep;
    let mut parts = Vec::new();
    let (mut shown, mut read) = (0, 0);
    loop {
        let c = shared.next.fetch_add(1, Relaxed);
        // Past a stop, nothing can change the results (the chunks are left whole).
        let Some(chunk) = chunks.get(c).filter(|_| c <= shared.stop.load(Relaxed)) else {
            return parts;
        };
        seen.outside = shared.read();
        let found = score::run(job, chunk, matcher, bounds.as_deref_mut(), seen);
        shared.pool(thread, seen, keep, &mut shown, &mut read);
        if seen.stopped {
            shared.stop.fetch_min(c, Relaxed);
            seen.stopped = false;
        }
        parts.push((c, found));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::Prune;

    fn seen(found: &[(u32, u32)], keep: usize) -> Seen {
        let mut seen = Seen::new(8);
        let prune = Some(Prune { ceiling: 500, keep });
        for (entry, &(item, score)) in (0..).zip(found) {
            seen.found(item, (score, entry), prune);
        }
        seen
    }

    #[test]
    fn an_item_kept_by_two_threads_counts_once_toward_the_shared_low() {
        let keep = 2;
        let shared = Shared {
            next: AtomicUsize::new(0),
            stop: AtomicUsize::new(usize::MAX),
            low: AtomicU64::new(0),
            best: AtomicU32::new(0),
            kept: vec![Mutex::new(Vec::new()), Mutex::new(Vec::new())],
            changes: AtomicUsize::new(0),
        };
        // Item 1 is kept by both threads (from different fields): the two best items are 1
        // (at 100) and 2 (at 90), so the second best is 90, not item 1's other score, 95.
        let (a, b) = (
            seen(&[(1, 100), (2, 90)], keep),
            seen(&[(1, 95), (3, 80)], keep),
        );
        let (mut shown, mut read) = ([0, 0], [0, 0]);
        shared.pool(0, &a, keep, &mut shown[0], &mut read[0]);
        assert_eq!(
            shared.read().low,
            90,
            "one thread alone: its own second best"
        );
        shared.pool(1, &b, keep, &mut shown[1], &mut read[1]);
        assert_eq!(shared.read().low, 90);
        // A third item at 97 kept by the second thread raises it to 97.
        let b = seen(&[(1, 95), (3, 80), (4, 97)], keep);
        shared.pool(1, &b, keep, &mut shown[1], &mut read[1]);
        assert_eq!(shared.read().low, 97);
        assert_eq!(shared.read().last, 4, "the item at the shared low");
    }

    #[test]
    fn a_tie_with_the_shared_low_places_only_for_an_earlier_item() {
        let keep = 2;
        let shared = Shared {
            next: AtomicUsize::new(0),
            stop: AtomicUsize::new(usize::MAX),
            low: AtomicU64::new(0),
            best: AtomicU32::new(0),
            kept: vec![Mutex::new(Vec::new()), Mutex::new(Vec::new())],
            changes: AtomicUsize::new(0),
        };
        // Items 1 at 100, then 4 and 6 at 97: of the two at 97 the earlier item ranks first,
        // so the second best over both threads is item 4 at 97.
        let (mut shown, mut read) = ([0, 0], [0, 0]);
        shared.pool(
            0,
            &seen(&[(6, 97), (1, 100)], keep),
            keep,
            &mut shown[0],
            &mut read[0],
        );
        shared.pool(
            1,
            &seen(&[(4, 97)], keep),
            keep,
            &mut shown[1],
            &mut read[1],
        );
        let outside = shared.read();
        assert_eq!((outside.low, outside.last), (97, 4));
        // A third thread that has found nothing yet skips a later item's field at 97, but not
        // an earlier item's (it would rank above item 4), nor a field that could score more.
        let mut third = Seen::new(8);
        third.outside = outside;
        assert!(third.can_skip(5, 97, keep));
        assert!(!third.can_skip(3, 97, keep));
        // Item 4's own field at 97 may come from an earlier entry, which would replace it.
        assert!(!third.can_skip(4, 97, keep));
        assert!(!third.can_skip(7, 98, keep));
        assert!(third.can_skip(7, 96, keep));
        assert!(third.can_skip_block(97, 5, keep));
        assert!(!third.can_skip_block(97, 2, keep));
    }
}
