//! Fixtures for screen tests: a context over the built-in bank with a fixed clock, and a
//! session that drives the app and draws it into a `TestBackend` as the event loop would.

use super::app::{App, Ctx, Host};
use super::screens::View;
use super::screens::home::HomeState;
use super::theme::Theme;
use super::view;
use crate::keymap::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prep_core::bank::load_builtin;
use prep_core::storage::AttemptLog;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthStr;

/// 2026-11-21 12:00 UTC.
pub const NOW_UNIX: i64 = 1_795_262_400;

pub fn ctx() -> Ctx {
    Ctx::new(
        load_builtin(),
        None,
        Theme::new(false, super::theme::Background::Dark),
        Instant::now(),
        NOW_UNIX,
    )
}

pub fn ctx_with_log() -> (Ctx, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(dir.path());
    (
        Ctx::new(
            load_builtin(),
            Some(log),
            Theme::new(false, super::theme::Background::Dark),
            Instant::now(),
            NOW_UNIX,
        ),
        dir,
    )
}

/// The screen as a user reads it: one line per row, wide characters once, trailing blanks trimmed.
pub fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            if skip == 0 {
                row.push_str(symbol);
            }
            skip = skip.max(symbol.width()).saturating_sub(1);
        }
        rows.push(row.trim_end().to_string());
    }
    rows.join("\n")
}

/// The host's effects, counted instead of done: no bell, no editor, no stopping the process.
#[derive(Debug, Default)]
pub struct FakeHost {
    pub rings: usize,
    pub suspends: usize,
    /// Files an editor was asked for; each "editor" exits at once, successfully.
    pub edits: Vec<std::path::PathBuf>,
}

impl Host for FakeHost {
    fn bell(&mut self) {
        self.rings += 1;
    }
    fn suspend(&mut self) {
        self.suspends += 1;
    }
    fn edit(&mut self, path: &std::path::Path) -> std::io::Result<std::process::ExitStatus> {
        self.edits.push(path.to_path_buf());
        std::process::Command::new("true").status()
    }
}

/// An app and a terminal of one size, driven like the event loop drives it: draw, input,
/// effects, draw.
pub struct Session {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// The moment the session started; every later time is this plus a duration.
    pub t0: Instant,
    pub host: FakeHost,
}

impl Session {
    pub fn new(ctx: Ctx, (w, h): (u16, u16)) -> Self {
        Self::with_stack(ctx, (w, h), |ctx| vec![View::Home(HomeState::new(ctx))])
    }

    pub fn with_stack(ctx: Ctx, (w, h): (u16, u16), stack: impl FnOnce(&Ctx) -> Vec<View>) -> Self {
        let t0 = ctx.now;
        let views = stack(&ctx);
        let mut s = Session {
            app: App::new(ctx, views),
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
            t0,
            host: FakeHost::default(),
        };
        s.draw();
        s
    }

    pub fn draw(&mut self) {
        self.app.perform(&mut self.host);
        let app = &mut self.app;
        self.term.draw(|f| view::draw(f, app)).unwrap();
    }

    pub fn act(&mut self, action: Action) -> &mut Self {
        self.app.update(action);
        self.draw();
        self
    }

    pub fn times(&mut self, n: usize, action: Action) -> &mut Self {
        for _ in 0..n {
            self.act(action);
        }
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        self.draw();
        self
    }

    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            });
        }
        self.settle()
    }

    /// Let background work finish (search results arrive from the search thread).
    pub fn settle(&mut self) -> &mut Self {
        if let Some(View::Search(s)) = self.app.stack.last_mut() {
            crate::tui::screens::search::settle(s, &mut self.app.ctx);
        }
        self
    }

    /// The clock reads `secs` after the start of the session.
    pub fn at(&mut self, secs: u64) -> &mut Self {
        self.app
            .tick(self.t0 + Duration::from_secs(secs), NOW_UNIX + secs as i64);
        self.draw();
        self
    }

    /// The screen after a full redraw. `TestBackend` only applies the cells that changed, and it
    /// does not blank the right half of a wide character the way a terminal does when the left
    /// half is overwritten, so a diffed buffer can keep stale halves a real screen would not show.
    pub fn text(&mut self) -> String {
        self.term.clear().unwrap();
        self.draw();
        screen_text(self.term.backend().buffer())
    }
}

/// How help writes a binding: every key that does it, then what it does.
pub fn help_row(b: &crate::keymap::Binding) -> String {
    let all: Vec<String> = b.keys.iter().map(crate::keymap::Key::shown).collect();
    format!("  {:<14} {}", all.join("/"), b.label)
}

impl Session {
    /// Open help and read it to the end, page by page (help scrolls when it is long).
    pub fn help_text(&mut self) -> String {
        self.act(Action::Help);
        let mut text = self.text();
        for _ in 0..20 {
            self.act(Action::PageDown);
            text.push_str(&self.text());
        }
        text
    }
}
