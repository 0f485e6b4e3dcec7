//! Figures derived from the whole attempt log (progress, streak, the review schedule), kept until
//! the log grows or the minute turns, so screens that show them on every frame do not recompute
//! them on every frame (with a large bank and log that costs milliseconds a frame).

use std::cell::RefCell;
use std::rc::Rc;

/// What a figure was computed from: how many attempts, and the minute it was computed in.
pub type Key = (usize, i64);

/// One value, recomputed only when its key changes.
pub struct Memo<T> {
    slot: RefCell<Option<(Key, Rc<T>)>>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            slot: RefCell::new(None),
        }
    }
}

impl<T> Memo<T> {
    /// The value for `key`, computed by `make` only if the one kept is for another key.
    pub fn get(&self, key: Key, make: impl FnOnce() -> T) -> Rc<T> {
        let mut slot = self.slot.borrow_mut();
        match &*slot {
            Some((k, v)) if *k == key => Rc::clone(v),
            _ => {
                let v = Rc::new(make());
                *slot = Some((key, Rc::clone(&v)));
                v
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn recomputes_only_when_the_key_changes() {
        let memo = Memo::default();
        let runs = Cell::new(0);
        let make = |n: usize| {
            runs.set(runs.get() + 1);
            n * 10
        };
        assert_eq!(*memo.get((1, 100), || make(1)), 10);
        assert_eq!(*memo.get((1, 100), || make(9)), 10, "kept");
        assert_eq!(runs.get(), 1);
        assert_eq!(*memo.get((2, 100), || make(2)), 20, "the log grew");
        assert_eq!(*memo.get((2, 101), || make(3)), 30, "a minute passed");
        assert_eq!(runs.get(), 3);
    }

    #[test]
    fn the_app_figures_follow_the_log_and_the_clock() {
        use prep_core::practice::{self, Answer};
        let mut ctx = crate::tui::test_support::ctx();
        assert_eq!(ctx.stats().practised_questions, 0);
        assert!(ctx.schedule().cards.is_empty());

        let q = &ctx.bank.questions[0];
        let items = practice::checklist(&ctx.bank, q);
        let checked = vec![false; items.len()];
        let answer = Answer {
            spoken_secs: 60,
            limit_secs: q.time,
            ..Answer::default()
        };
        let attempt = practice::attempt(q, &items, &checked, &answer, ctx.now_unix);
        ctx.attempts.push(attempt);
        assert_eq!(
            ctx.stats().practised_questions,
            1,
            "a saved attempt counts at once"
        );
        assert!(
            !ctx.schedule().is_due(0),
            "a failed answer comes back later, not now"
        );

        ctx.now_unix += 30 * 86_400;
        assert!(ctx.schedule().is_due(0), "due a month later");
    }
}
