//! The interactive app: a thin shell over the core. This file owns the terminal: checks that it is
//! one, sets it up and always restores it (normal exit, error, panic, SIGTERM/SIGHUP/SIGINT, Ctrl-Z),
//! and runs the event loop, which sleeps until a key, a resize or (in a drill) the next clock tick.

pub mod app;
pub mod keymap;
pub mod nav;
pub mod screens;
pub mod theme;
pub mod view;

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

/// How often a running drill clock redraws.
const TICK: Duration = Duration::from_millis(250);

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
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let mut ctx = ctx;
    let views = start(&mut ctx);
    let mut app = App::new(ctx, views);
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
    while !app.quit {
        terminal.draw(|f| view::draw(f, app)).map_err(Into::into)?;
        if std::mem::take(&mut app.ctx.ring) {
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
        if app.suspend {
            app.suspend = false;
            suspend(terminal).map_err(Into::into)?;
            continue;
        }
        // Idle means idle: with no clock on screen, block until something happens.
        let wait = if app.needs_tick() {
            TICK
        } else {
            Duration::from_secs(3600)
        };
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

/// SIGTERM, SIGHUP and SIGINT restore the terminal and exit with 128 + the signal number.
fn install_signal_handlers() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    restore();
                    std::process::exit(128 + sig);
                }
            });
        }
    }
}
