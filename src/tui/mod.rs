//! The interactive app: a thin shell over the core. This file owns the terminal: checks that it is
//! one, sets it up and always restores it (normal exit, error, panic, SIGTERM/SIGHUP/SIGINT, Ctrl-Z),
//! and runs the event loop, which sleeps until a key, a resize or (in a drill) the next clock tick.

pub mod app;
mod derived;
pub mod keymap;
pub mod nav;
pub mod screens;
pub mod theme;
pub mod view;
pub mod wide;

#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
pub mod test_support;

use app::{App, Ctx};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Restore the terminal: leave the alternate screen, show the cursor, stop mouse reporting.
fn restore() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Run the app until the user quits. `start` picks the first screen (home, or straight into a drill).
pub fn run(ctx: Ctx, start: impl FnOnce(&mut Ctx) -> Vec<screens::View>) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "prep: the interactive app needs a terminal on stdin and stdout; for scripts use `prep list`, `prep show ID` or `prep --help`"
        );
        return ExitCode::from(2);
    }
    install_signal_handlers();
    let mut terminal = ratatui::init();
    install_panic_hook();
    // Start crossterm's event reader (it catches SIGWINCH) before the first frame, or a window
    // resized just after that frame is missed (the resize storm in tests/terminal.rs did that).
    let _ = event::poll(Duration::ZERO);
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let mut ctx = ctx;
    let views = start(&mut ctx);
    let mut app = App::new(ctx, views);
    // A test hook (tests/terminal.rs): a panic with the app on screen must hand the terminal back.
    if std::env::var_os("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME").is_some() {
        let _ = terminal.draw(|f| view::draw(f, &mut app));
        panic!("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME is set, so prep panics on purpose");
    }
    let result = event_loop(&mut terminal, &mut app);
    restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prep: {e}");
            ExitCode::from(1)
        }
    }
}

/// Draw, then wait for input; time passes into the app only through ticks and events.
pub fn event_loop<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> std::io::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    let mut ambiguous_rows = Vec::new();
    while !app.quit {
        terminal
            .draw(|f| {
                view::draw(f, app);
                wide::redraw_ambiguous_rows(f.buffer_mut(), &mut ambiguous_rows);
            })
            .map_err(Into::into)?;
        if std::mem::take(&mut app.ctx.ring) {
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
        if app.suspend {
            app.suspend = false;
            suspend(terminal).map_err(Into::into)?;
            continue;
        }
        if let Some(path) = app.ctx.edit_request.take() {
            let result = edit(terminal, &path).map_err(Into::into)?;
            app.set_time(Instant::now(), now_unix());
            screens::stories::edited(app, &path, result);
            continue;
        }
        // Idle means idle: with no clock on screen, block until something happens.
        let wait = app.tick_every().unwrap_or(Duration::from_secs(3600));
        if event::poll(wait)? {
            let ev = event::read()?;
            app.handle_event(ev, Instant::now(), now_unix());
        } else {
            app.tick(Instant::now(), now_unix());
        }
    }
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
fn suspend<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    restore();
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    retake(terminal)
}

/// Hand the terminal to the user's editor for `path`, wait for it, then take the terminal back.
/// Ctrl-C while the editor runs is the editor's, not a reason for prep to quit.
fn edit<B: Backend>(
    terminal: &mut Terminal<B>,
    path: &std::path::Path,
) -> Result<std::io::Result<std::process::ExitStatus>, B::Error> {
    restore();
    EDITING.store(true, std::sync::atomic::Ordering::SeqCst);
    let result = prep_core::stories::open_in_editor(path);
    EDITING.store(false, std::sync::atomic::Ordering::SeqCst);
    retake(terminal)?;
    Ok(result)
}

/// Set while an editor has the terminal.
static EDITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Take the terminal again after handing it over: raw mode, alternate screen, mouse, full redraw.
fn retake<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        crossterm::cursor::Hide
    );
    // Clear and redraw everything; `resize` does it without asking the terminal where the cursor is.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// ratatui's panic hook leaves the alternate screen; this one also shows the cursor and stops mouse
/// reporting first, then lets the earlier hooks restore and print the message (exit status 101).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal number.
fn install_signal_handlers() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            std::thread::spawn(move || {
                for sig in signals.forever() {
                    if sig == SIGINT && EDITING.load(std::sync::atomic::Ordering::SeqCst) {
                        continue;
                    }
                    restore();
                    std::process::exit(128 + sig);
                }
            });
        }
    }
}
