//! Signals, for the app and for the commands that run `$EDITOR`.
//!
//! - Every fatal signal a process can catch ([`FATAL`]: SIGTERM, SIGHUP, SIGINT, SIGQUIT, the user
//!   and timer signals, SIGXCPU) hands the terminal back and exits with 128 + the signal; a
//!   running editor is stopped first (it gets SIGHUP, then SIGKILL if it is still there after a
//!   second), so none is left drawing on a terminal prep no longer owns.
//! - SIGXFSZ (a `ulimit -f` reached) is caught and does nothing, so the write that hit the limit
//!   fails like a full disk and the code that cuts a partial record back runs.
//!
//! SIGSEGV, SIGILL, SIGFPE and SIGBUS mean memory is not to be trusted; they are left alone.

#[cfg(unix)]
use signal_hook::consts::signal::*;

/// The catchable signals whose default action ends the process.
#[cfg(unix)]
pub const FATAL: &[i32] = &[
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF,
];

/// A write past `ulimit -f` fails (`EFBIG`) instead of killing prep. Call once, early.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(SIGXFSZ, flag);
    }
}

/// On any fatal signal: stop a running editor, call `restore`, exit with 128 + the signal. While
/// an editor runs, SIGINT (Ctrl-C typed into it) is the editor's and is ignored here.
pub fn on_fatal(restore: fn()) {
    #[cfg(unix)]
    {
        let Ok(mut signals) = signal_hook::iterator::Signals::new(FATAL) else {
            return;
        };
        std::thread::spawn(move || {
            for sig in signals.forever() {
                let editing = prep_core::stories::editor_pid();
                if sig == SIGINT && editing.is_some() {
                    continue;
                }
                ENDING.store(true, std::sync::atomic::Ordering::SeqCst);
                if let Some(pid) = editing {
                    stop_editor(pid);
                }
                restore();
                std::process::exit(128 + sig);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = restore;
}

/// Set once a fatal signal is being handled: prep is ending.
static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Run the user's editor on `path` ([`prep_core::stories::open_in_editor`]). When it ended because
/// a fatal signal stopped it, this never returns: the signal's handler is ending prep, and the
/// caller must not carry on (say "the editor failed", exit 1) meanwhile.
pub fn edit(path: &std::path::Path) -> std::io::Result<std::process::ExitStatus> {
    let result = prep_core::stories::open_in_editor(path);
    while ENDING.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::park();
    }
    result
}

/// Hang up on the editor, give it a second to save its swap file and leave, then kill it.
#[cfg(unix)]
fn stop_editor(pid: u32) {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return;
    };
    // SAFETY: plain system calls on the editor's pid; `status` is a valid out-pointer.
    unsafe {
        libc::kill(pid, SIGHUP);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
        let mut status = 0;
        while std::time::Instant::now() < deadline {
            if libc::waitpid(pid, &mut status, libc::WNOHANG) != 0 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        libc::kill(pid, SIGKILL);
        libc::waitpid(pid, &mut status, 0);
    }
}
