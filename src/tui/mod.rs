//! The interactive app: a thin shell over the core. This module is its one way in, [`run`] with
//! a [`Launch`]; it owns the terminal (checks that it is one, sets it up and always restores it:
//! normal exit, error, panic, every catchable fatal signal, Ctrl-Z) and runs the event loop.

pub mod app;
pub mod audio;
pub mod axis;
mod cells;
mod ctx;
mod derived;
pub mod effect;
mod event;
mod launch;
pub mod nav;
pub mod screens;
pub mod scroll;
mod scrub;
mod sync;
pub mod theme;
pub mod view;
pub mod wide;

#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
pub mod test_support;

pub use event::event_loop;
pub use launch::Launch;
use launch::Setup;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

/// Restore the terminal: leave the alternate screen, show the cursor, stop mouse reporting.
fn restore() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// Run the app over `bank` until the user quits, starting where `launch` says, saving into
/// `data_dir` (`None`: practise without saving), with the settings read from `config_file`,
/// offering `loops` for mocks (empty: the built-in ones).
pub fn run(
    launch: Launch,
    bank: prep_core::bank::Bank,
    data_dir: Option<std::path::PathBuf>,
    config_file: std::path::PathBuf,
    config: prep_core::config::Loaded,
    loops: Vec<prep_core::bank::Loop>,
) -> ExitCode {
    let setup = Setup {
        bank,
        data_dir,
        config_file,
        config,
        loops,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "prep: the interactive app needs a terminal on stdin and stdout; for scripts use `prep list`, `prep show ID` or `prep --help`"
        );
        return ExitCode::from(2);
    }
    // A dumb terminal understands no cursor movement, alternate screen, mouse or colour.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        eprintln!(
            "prep: TERM=dumb cannot show the interactive app (it moves the cursor and draws in colour); run it in a full terminal, or use the commands: `prep list`, `prep show ID`, `prep --help`"
        );
        return ExitCode::from(2);
    }
    install_signal_handlers();
    let mut terminal = ratatui::init();
    install_panic_hook();
    // Start crossterm's event reader (it catches SIGWINCH) before the first frame, or a window
    // resized just after that frame is missed (the resize storm in tests/terminal.rs did that).
    let _ = crossterm::event::poll(Duration::ZERO);
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let mut app = launch::app(setup, launch);
    #[cfg(feature = "test-hooks")]
    if std::env::var_os("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME").is_some() {
        let _ = terminal.draw(|f| view::draw(f, &mut app));
        panic!("PREP_DEBUG_PANIC_AFTER_FIRST_FRAME is set, so prep panics on purpose");
    }
    let result = event_loop(&mut terminal, &mut app);
    // No recorder or player outlives prep (the screens' own stop them as they go; this is for
    // the rest).
    drop(app);
    prep_core::audio::process::stop_all();
    restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prep: {e}");
            ExitCode::from(1)
        }
    }
}

/// On a fatal signal: stop every recorder, player and transcriber, then restore the terminal.
fn restore_and_stop() {
    prep_core::audio::process::stop_all();
    restore();
}

/// ratatui's panic hook leaves the alternate screen; this one also shows the cursor and stops mouse
/// reporting first, then lets the earlier hooks restore and print the message (exit status 101).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        prep_core::audio::process::stop_all();
        restore();
        previous(info);
    }));
}

/// Set while an editor has the terminal.
static EDITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Every catchable fatal signal (SIGQUIT too) restores the terminal, stops a running editor and
/// exits with 128 + the signal number (see [`crate::signals`]).
fn install_signal_handlers() {
    crate::signals::on_fatal(restore_and_stop);
}
