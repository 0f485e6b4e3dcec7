//! Running `git` like prep runs `$EDITOR`: the program found on PATH, in the data folder, its
//! output captured (never on the screen), a clear message when it is missing or fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `git` program on `path` (a PATH-like list), if there is one.
pub fn find(path: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .map(|dir| dir.join(if cfg!(windows) { "git.exe" } else { "git" }))
        .find(|p| p.is_file())
}

/// git, run in one folder.
pub struct Git {
    pub program: PathBuf,
    pub dir: PathBuf,
}

/// What a git command gave back.
pub struct Output {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// The last line git wrote to stderr (or stdout): what to show when it failed.
    pub fn why(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        text.lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty() && !l.starts_with("hint:"))
            .unwrap_or("git failed")
            .to_string()
    }
}

impl Git {
    pub fn new(program: PathBuf, dir: &Path) -> Self {
        Git {
            program,
            dir: dir.to_path_buf(),
        }
    }

    /// Run git with `args`; its output is captured, never shown. Nothing asks on the terminal.
    pub fn run(&self, args: &[&str]) -> Result<Output, String> {
        let out = Command::new(&self.program)
            .args(["-c", "commit.gpgsign=false", "-c", "core.editor=true"])
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_EDITOR", "true")
            .env("GIT_TERMINAL_PROMPT", "0")
            // ssh must not ask for a passphrase on the terminal prep is drawing on.
            .env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.program.display()))?;
        Ok(Output {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// Run git and fail with its message (prefixed with what prep was doing) when it fails.
    pub fn must(&self, doing: &str, args: &[&str]) -> Result<Output, String> {
        let out = self.run(args)?;
        if out.ok {
            Ok(out)
        } else {
            Err(format!("{doing} failed: {}", out.why()))
        }
    }

    /// `git` output trimmed, or empty when the command failed.
    pub fn text(&self, args: &[&str]) -> String {
        self.run(args)
            .ok()
            .filter(|o| o.ok)
            .map(|o| o.stdout.trim().to_string())
            .unwrap_or_default()
    }
}
