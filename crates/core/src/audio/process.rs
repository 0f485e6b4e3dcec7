//! Outside programs as children prep keeps track of: each in its own process group (so a
//! terminal's Ctrl-C never reaches it and stopping it stops what it started), stdin closed,
//! stderr appended to a log in the data folder, never the screen. Every running child is in one
//! registry, so [`stop_all`] leaves none behind whatever way prep ends.

use super::commands::Command;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a child gets after SIGINT, and again after SIGTERM, before the next signal.
pub const GRACE: Duration = Duration::from_secs(2);

/// What happened in the background, for the app's one event channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A child ended (by itself or because it was stopped).
    Exited { pid: u32, how: Exit },
    /// A transcription finished: the recording, and the text or why there is none.
    Transcribed {
        wav: PathBuf,
        result: Result<String, String>,
    },
}

/// How a child ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

impl Exit {
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "exit status {c}"),
            Exit::Signal(s) => write!(f, "signal {s}"),
        }
    }
}

/// Where background events go (the TUI sends them on its channel; `None`: nowhere).
pub type Notify = Arc<dyn Fn(Event) + Send + Sync>;

static CHILDREN: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn registry() -> std::sync::MutexGuard<'static, Vec<u32>> {
    CHILDREN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Count `pid` among the children [`stop_all`] stops: a child started elsewhere (the grader),
/// in its own process group.
pub(crate) fn track(pid: u32) {
    registry().push(pid);
}

/// Stop counting `pid`, once it has ended and been waited for.
pub(crate) fn untrack(pid: u32) {
    registry().retain(|p| *p != pid);
}

/// Kill every process left in `pid`'s group (what a child started goes with it).
pub(crate) fn kill_group(pid: u32) {
    signal(pid, Signal::Kill);
}

/// The process ids of the children running now.
pub fn running() -> Vec<u32> {
    registry().clone()
}

/// A child that is running (or has just ended).
#[derive(Debug)]
pub struct Child {
    pub pid: u32,
    pub started: Instant,
    done: Receiver<Exit>,
    ended: Option<Exit>,
}

/// Start `cmd` with stderr appended to `log` and stdout to `stdout` (or nowhere).
pub fn spawn(
    cmd: &Command,
    log: Option<&Path>,
    stdout: Option<&Path>,
    notify: Option<Notify>,
) -> std::io::Result<Child> {
    let mut c = std::process::Command::new(&cmd.program);
    c.args(&cmd.args).stdin(Stdio::null());
    c.stdout(match stdout {
        Some(p) => Stdio::from(File::create(p)?),
        None => Stdio::null(),
    });
    c.stderr(
        match log.and_then(|p| OpenOptions::new().create(true).append(true).open(p).ok()) {
            Some(f) => Stdio::from(f),
            None => Stdio::null(),
        },
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        c.process_group(0);
    }
    let mut child = c.spawn()?;
    let pid = child.id();
    registry().push(pid);
    let (tx, done) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("prep-child".into())
        .spawn(move || {
            let how = match child.wait() {
                Ok(status) => exit_of(status),
                Err(_) => Exit::Code(-1),
            };
            registry().retain(|p| *p != pid);
            let _ = tx.send(how);
            if let Some(n) = notify {
                n(Event::Exited { pid, how });
            }
        });
    if let Err(e) = spawned {
        signal(pid, Signal::Kill);
        registry().retain(|p| *p != pid);
        return Err(e);
    }
    Ok(Child {
        pid,
        started: Instant::now(),
        done,
        ended: None,
    })
}

fn exit_of(status: std::process::ExitStatus) -> Exit {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(s) = status.signal() {
            return Exit::Signal(s);
        }
    }
    Exit::Code(status.code().unwrap_or(-1))
}

#[derive(Clone, Copy)]
enum Signal {
    Int,
    Term,
    Kill,
}

/// Send a signal to the child's whole process group.
fn signal(pid: u32, sig: Signal) {
    #[cfg(unix)]
    {
        let s = match sig {
            Signal::Int => libc::SIGINT,
            Signal::Term => libc::SIGTERM,
            Signal::Kill => libc::SIGKILL,
        };
        if let Ok(pgid) = i32::try_from(pid) {
            // SAFETY: kill(2) with a negative pid signals that process group; no memory involved.
            unsafe {
                libc::kill(-pgid, s);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (pid, sig);
}

impl Child {
    /// Has it ended? (without waiting)
    pub fn ended(&mut self) -> Option<Exit> {
        if self.ended.is_none() {
            self.ended = self.done.try_recv().ok();
        }
        self.ended
    }

    /// Wait up to `limit` for it to end.
    pub fn wait_for(&mut self, limit: Duration) -> Option<Exit> {
        if self.ended.is_none() {
            self.ended = match self.done.recv_timeout(limit) {
                Ok(how) => Some(how),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => Some(Exit::Code(-1)),
            };
        }
        self.ended
    }

    /// Stop it: SIGINT (a recorder finishes its file), then SIGTERM, then SIGKILL, each after
    /// `grace`. Returns how it ended.
    pub fn stop(&mut self, grace: Duration) -> Exit {
        if let Some(how) = self.ended() {
            return how;
        }
        for sig in [Signal::Int, Signal::Term] {
            signal(self.pid, sig);
            if let Some(how) = self.wait_for(grace) {
                // Anything it started that is still in its group goes too.
                signal(self.pid, Signal::Kill);
                return how;
            }
        }
        signal(self.pid, Signal::Kill);
        self.wait_for(Duration::from_secs(1))
            .unwrap_or(Exit::Signal(9))
    }
}

impl Drop for Child {
    /// A child whose owner goes away goes too (a screen left, a drill abandoned).
    fn drop(&mut self) {
        // Only a group this drop has just signalled: a pid that ended long ago may be in use again.
        if self.ended().is_none() {
            signal(self.pid, Signal::Term);
            let _ = self.wait_for(Duration::from_millis(300));
            signal(self.pid, Signal::Kill);
        }
    }
}

/// Stop every child prep started: SIGTERM to each group, then SIGKILL to any still there after a
/// moment. Called when prep ends, however it ends (quit, signal, panic).
pub fn stop_all() {
    let pids = running();
    if pids.is_empty() {
        return;
    }
    for &pid in &pids {
        signal(pid, Signal::Term);
    }
    let until = Instant::now() + Duration::from_millis(500);
    while Instant::now() < until && !registry().is_empty() {
        std::thread::sleep(Duration::from_millis(10));
    }
    // The whole group, also when its leader has gone: what it started goes with it.
    for pid in pids {
        signal(pid, Signal::Kill);
    }
}

/// Run the transcriber `cmd` to the end (at most `limit`), then read the transcript from `txt`
/// (a tool that adds `.txt` to the name it was given is allowed for).
pub fn transcribe(
    cmd: &Command,
    txt: &Path,
    log: Option<&Path>,
    limit: Duration,
) -> Result<String, String> {
    let _ = std::fs::remove_file(txt);
    let stdout = cmd.prints.then_some(txt);
    let mut child = spawn(cmd, log, stdout, None)
        .map_err(|e| format!("could not start the transcriber `{}`: {e}", cmd.shown()))?;
    let Some(how) = child.wait_for(limit) else {
        child.stop(Duration::from_millis(500));
        let _ = std::fs::remove_file(txt);
        return Err(format!(
            "the transcriber ran for over {} s and was stopped (set `transcribe_timeout` under [audio] to allow longer)",
            limit.as_secs()
        ));
    };
    let logged = log.map_or(String::new(), |l| {
        format!("; its messages are in {}", l.display())
    });
    if !how.success() {
        return Err(format!("the transcriber ended with {how}{logged}"));
    }
    let doubled = PathBuf::from(format!("{}.txt", txt.display()));
    if !txt.exists() && doubled.exists() {
        let _ = std::fs::rename(&doubled, txt);
    }
    match std::fs::read_to_string(txt) {
        Ok(text) => Ok(text.trim().to_string()),
        Err(_) => Err(format!(
            "the transcriber wrote no transcript to {}{logged}",
            txt.display()
        )),
    }
}

/// [`transcribe`] on a thread of its own; the result arrives through `notify`.
pub fn transcribe_in_background(
    cmd: Command,
    wav: PathBuf,
    txt: PathBuf,
    log: Option<PathBuf>,
    limit: Duration,
    notify: Notify,
) {
    let started = std::thread::Builder::new()
        .name("prep-transcribe".into())
        .spawn({
            let (wav, notify) = (wav.clone(), Arc::clone(&notify));
            move || {
                let result = transcribe(&cmd, &txt, log.as_deref(), limit);
                notify(Event::Transcribed { wav, result });
            }
        });
    if let Err(e) = started {
        notify(Event::Transcribed {
            wav,
            result: Err(format!("could not start transcribing: {e}")),
        });
    }
}

/// How long a transcriber may run: N times the recording's length (N from the config, default
/// 10), and never under 5 s.
pub fn transcribe_limit(settings: &crate::config::Audio, seconds: f64) -> Duration {
    let n = settings
        .transcribe_timeout
        .unwrap_or(crate::config::DEFAULT_TRANSCRIBE_TIMEOUT);
    Duration::from_secs_f64((seconds * f64::from(n)).clamp(5.0, 86_400.0))
}
