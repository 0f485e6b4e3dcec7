//! Running the grader: its own thread, the request on stdin, stdout and stderr read in full, a time
//! limit, and the child killed (and waited for) when it runs over or the job is dropped, so no
//! grader outlives its rubric. The program runs without a shell (see [`super::split_words`]), in
//! a process group of its own: when it ends or is stopped, whatever it started is killed with
//! it, and prep's exit stops it like a recorder ([`crate::audio::process::stop_all`]).

use super::{GraderError, Request, parse_reply, split_words};
use crate::audio::process;
use crate::grades::SecondOpinion;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a grader may take: a local model on a laptop can need a minute or more.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);
/// How often the job looks at the child.
const POLL: Duration = Duration::from_millis(20);
/// Most of the grader's output prep reads.
const MAX_OUTPUT: u64 = 1024 * 1024;

pub type Outcome = Result<SecondOpinion, GraderError>;

/// A grader at work. Dropping it stops the grader.
pub struct Job {
    /// The program's name, for messages.
    pub program: String,
    outcome: Arc<Mutex<Option<Outcome>>>,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Job {
    /// The outcome, once (`None` while the grader runs, and after it was taken).
    pub fn take(&self) -> Option<Outcome> {
        self.outcome.lock().ok().and_then(|mut o| o.take())
    }

    /// Wait for the grader to finish (or be stopped at the time limit) and take its outcome.
    pub fn wait(mut self) -> Option<Outcome> {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.take()
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Start `template` on `request`; `notify` is called once the outcome is ready to [`Job::take`].
/// `{prompt}` is the question, `{txt}` a file holding the answer's text, `{wav}` the recording.
pub fn run(
    template: &str,
    request: &Request,
    wav: Option<&Path>,
    limit: Duration,
    notify: Box<dyn Fn() + Send>,
) -> Job {
    let words = split_words(template);
    let program = words
        .as_ref()
        .and_then(|w| w.first().cloned())
        .unwrap_or_default();
    let outcome = Arc::new(Mutex::new(None));
    let cancel = Arc::new(AtomicBool::new(false));
    let (out, stop) = (Arc::clone(&outcome), Arc::clone(&cancel));
    let request = request.clone();
    let wav = wav.map(|p| p.display().to_string()).unwrap_or_default();
    let name = program.clone();
    let thread = std::thread::Builder::new()
        .name("prep-grader".into())
        .spawn(move || {
            let result = grade(&name, words, &request, &wav, limit, &stop);
            if let Some(result) = result {
                if let Ok(mut slot) = out.lock() {
                    *slot = Some(result);
                }
                notify();
            }
        });
    let thread = match thread {
        Ok(t) => Some(t),
        Err(e) => {
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(Err(GraderError::Start {
                    program: program.clone(),
                    reason: e.to_string(),
                }));
            }
            None
        }
    };
    Job {
        program,
        outcome,
        cancel,
        thread,
    }
}

/// The whole run; `None` when it was cancelled.
fn grade(
    program: &str,
    words: Option<Vec<String>>,
    request: &Request,
    wav: &str,
    limit: Duration,
    cancel: &AtomicBool,
) -> Option<Outcome> {
    let start_error = |reason: String| {
        Some(Err(GraderError::Start {
            program: program.to_string(),
            reason,
        }))
    };
    let Some(words) = words else {
        return start_error("a quote in the command is not closed".into());
    };
    if words.first().is_none_or(|w| w.is_empty()) {
        return Some(Err(GraderError::Empty));
    }
    let txt = AnswerFile::write(&request.answer.text);
    let txt_path = txt
        .as_ref()
        .map(|f| f.0.display().to_string())
        .unwrap_or_default();
    let values = [
        ("prompt", request.question.prompt.as_str()),
        ("txt", txt_path.as_str()),
        ("wav", wav),
    ];
    let args: Vec<String> = words[1..]
        .iter()
        .map(|w| crate::config::fill(w, &values))
        .collect();
    let mut command = Command::new(&words[0]);
    command
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return start_error("no such program (is it on PATH?)".into());
        }
        Err(e) => return start_error(e.to_string()),
    };
    process::track(child.id());
    let input = serde_json::to_vec(request).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        // On its own thread: a grader that prints before reading must not block us.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let began = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                // Anything it left running (holding its output open, say) goes too.
                process::kill_group(child.id());
                process::untrack(child.id());
                break status;
            }
            Ok(None) => {}
            Err(e) => {
                stop(&mut child);
                return start_error(e.to_string());
            }
        }
        if cancel.load(Ordering::SeqCst) {
            stop(&mut child);
            return None;
        }
        if began.elapsed() >= limit {
            stop(&mut child);
            return Some(Err(GraderError::TimedOut {
                program: program.to_string(),
                secs: limit.as_secs().max(1),
            }));
        }
        std::thread::sleep(POLL);
    };
    // Output still held open by something the grader started is not waited for long.
    let collect =
        |rx: mpsc::Receiver<String>| rx.recv_timeout(Duration::from_secs(1)).unwrap_or_default();
    let (out, err) = (collect(stdout), collect(stderr));
    drop(txt);
    if !status.success() {
        return Some(Err(GraderError::Failed {
            program: program.to_string(),
            status: status.to_string(),
            stderr: err,
        }));
    }
    let keys: Vec<String> = request.checklist.iter().map(|i| i.key.clone()).collect();
    Some(parse_reply(program, &out, &keys))
}

/// Kill the grader and everything in its group, and wait for it.
fn stop(child: &mut Child) {
    process::kill_group(child.id());
    let _ = child.kill();
    let _ = child.wait();
    process::untrack(child.id());
}

fn reader(source: Option<Box<dyn Read + Send>>) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(s) = source {
            let mut bytes = Vec::new();
            let _ = s.take(MAX_OUTPUT).read_to_end(&mut bytes);
            text = String::from_utf8_lossy(&bytes).into_owned();
        }
        let _ = tx.send(text);
    });
    rx
}

/// The answer's text in a file of its own for `{txt}`, removed when dropped.
struct AnswerFile(PathBuf);

impl AnswerFile {
    fn write(text: &str) -> Option<AnswerFile> {
        let bits = crate::rng::Rng::from_time().next_u64();
        let path = std::env::temp_dir().join(format!(
            "prep-answer-{}-{bits:016x}.txt",
            std::process::id()
        ));
        std::fs::write(&path, text).ok().map(|()| AnswerFile(path))
    }
}

impl Drop for AnswerFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
