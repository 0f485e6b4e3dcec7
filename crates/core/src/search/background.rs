//! A search index on its own thread. The front end hands over each query and carries on; results
//! come back when they are ready, newest query first (older queries still waiting are skipped).
//! The index is built on that thread too, when [`Background::warm_up`] or the first query asks
//! for it, so starting the app neither waits for it nor shares the processor with it.

use super::{Hit, SearchIndex};
use crate::bank::Bank;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Hits for one query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// The number [`Background::submit`] gave the query.
    pub serial: u64,
    pub query: String,
    pub hits: Vec<Hit>,
}

enum Request {
    /// Build the index now, before anyone searches.
    WarmUp,
    Query {
        serial: u64,
        query: String,
        limit: usize,
    },
}

/// What the search thread calls when results are ready.
type Notify = Box<dyn Fn() + Send>;

/// The handle the front end keeps; dropping it stops the thread.
pub struct Background {
    requests: Sender<Request>,
    results: Receiver<Results>,
    /// What the thread needs, until it is started (by the first request).
    unstarted: Option<(Arc<Bank>, Receiver<Request>, Sender<Results>)>,
    /// Called on the search thread each time results are sent (the front end's wake-up).
    notify: Option<Notify>,
    /// Why the thread could not start, if it could not.
    pub failure: Option<String>,
    /// Serial number of the newest query sent, and of the newest results received.
    sent: u64,
    received: u64,
}

impl Background {
    /// A search over `bank`. The thread starts with the first request (so not while the app
    /// starts) and builds the index when warmed up or first asked.
    pub fn start(bank: Arc<Bank>) -> Self {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, results) = mpsc::channel();
        Background {
            requests,
            results,
            unstarted: Some((bank, inbox, outbox)),
            notify: None,
            failure: None,
            sent: 0,
            received: 0,
        }
    }

    /// Hand `request` to the thread, starting it if this is the first.
    fn send(&mut self, request: Request) {
        if let Some((bank, inbox, outbox)) = self.unstarted.take() {
            let notify = self.notify.take().unwrap_or_else(|| Box::new(|| {}));
            let spawned = std::thread::Builder::new()
                .name("prep-search".into())
                .spawn(move || serve(&bank, &inbox, &outbox, &*notify));
            if let Err(e) = spawned {
                // The receivers went with the closure: queries now get no results, and say why.
                self.failure = Some(format!(
                    "search is unavailable: cannot start its thread: {e}"
                ));
            }
        }
        let _ = self.requests.send(request);
    }

    /// Have `notify` called (on the search thread) each time results are ready, so a front end
    /// can wait on its own event channel instead of polling. Takes effect if set before the
    /// first request.
    pub fn on_results(&mut self, notify: impl Fn() + Send + 'static) {
        self.notify = Some(Box::new(notify));
    }

    /// Ask for the hits of `query`, at most `limit`. Returns at once, with the query's serial
    /// number (they increase).
    pub fn submit(&mut self, query: &str, limit: usize) -> u64 {
        self.sent += 1;
        self.send(Request::Query {
            serial: self.sent,
            query: query.to_string(),
            limit,
        });
        self.sent
    }

    /// Have the index built now, so the first query does not wait for it (the app calls this
    /// once its first frame is on screen).
    pub fn warm_up(&mut self) {
        self.send(Request::WarmUp);
    }

    /// Is a query sent whose results have not been taken yet?
    pub fn pending(&self) -> bool {
        self.received < self.sent
    }

    /// The newest results that have arrived, waiting up to `wait` for those of the latest query.
    /// `None` when nothing newer than the last results taken has arrived.
    pub fn take(&mut self, wait: Duration) -> Option<Results> {
        let deadline = Instant::now() + wait;
        let mut newest = None;
        loop {
            let next = if self.pending() {
                let left = deadline.saturating_duration_since(Instant::now());
                self.results.recv_timeout(left)
            } else {
                self.results
                    .try_recv()
                    .map_err(|_| RecvTimeoutError::Timeout)
            };
            match next {
                Ok(results) => {
                    self.received = self.received.max(results.serial);
                    newest = Some(results);
                    if !self.pending() {
                        // Anything already queued is older; nothing newer can come.
                        return newest;
                    }
                }
                Err(RecvTimeoutError::Timeout) => return newest,
                Err(RecvTimeoutError::Disconnected) => {
                    // The thread is gone: nothing more will arrive.
                    self.received = self.sent;
                    return newest;
                }
            }
        }
    }

    /// Wait as long as it takes for the latest query's results (tests and scripts).
    pub fn wait(&mut self) -> Option<Results> {
        let mut newest = None;
        while self.pending() {
            if let Some(r) = self.take(Duration::from_secs(1)) {
                newest = Some(r);
            }
        }
        newest
    }
}

fn serve(bank: &Bank, inbox: &Receiver<Request>, outbox: &Sender<Results>, notify: &dyn Fn()) {
    let mut index = None;
    while let Ok(mut request) = inbox.recv() {
        // Only the newest query matters; the ones typed before it are already stale.
        while let Ok(newer) = inbox.try_recv() {
            if matches!(newer, Request::Query { .. }) {
                request = newer;
            }
        }
        let index = index.get_or_insert_with(|| SearchIndex::new(bank));
        let Request::Query {
            serial,
            query,
            limit,
        } = request
        else {
            continue;
        };
        let hits = index.search(&query, limit);
        let results = Results {
            serial,
            query,
            hits,
        };
        if outbox.send(results).is_err() {
            return;
        }
        notify();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;

    #[test]
    fn results_match_a_direct_search_and_only_the_newest_query_counts() {
        let bank = Arc::new(load_builtin());
        let mut direct = SearchIndex::new(&bank);
        let mut background = Background::start(Arc::clone(&bank));
        assert!(!background.pending());
        for query in ["c", "co", "con", "conflict"] {
            background.submit(query, 20);
        }
        assert!(background.pending());
        let results = background.wait().expect("results arrive");
        assert_eq!(results.query, "conflict");
        assert_eq!(results.hits, direct.search("conflict", 20));
        assert!(!background.pending());
        assert_eq!(background.take(Duration::ZERO), None, "nothing newer");
    }

    #[test]
    fn take_returns_at_its_deadline_when_nothing_has_arrived() {
        let mut background = Background::start(Arc::new(load_builtin()));
        assert_eq!(background.take(Duration::from_millis(5)), None);
        background.warm_up();
        assert_eq!(
            background.take(Duration::from_millis(5)),
            None,
            "warming up sends nothing"
        );
        background.submit("rate limiter", 5);
        let results = background.wait().expect("results arrive");
        assert!(!results.hits.is_empty());
    }
}
