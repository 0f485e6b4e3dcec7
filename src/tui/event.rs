//! The event loop and its one channel. Terminal input, search results and (later) recorder and
//! transcriber events arrive as [`Msg`]s on one channel; the loop blocks on it, with a deadline
//! only while a clock or a timed message is on screen, so an idle prep uses no processor.
//!
//! Input is read by a thread that reads one event each time the loop asks for one. Between a key
//! and the next request nothing reads the terminal, so the loop can hand the terminal to an
//! editor or to the shell (Ctrl-Z) without a reader stealing the keys meant for them.

use super::app::{App, Host};
use super::view;
use super::wide;
use crossterm::event::{self, Event};
use prep_core::clock::now_unix;
use ratatui::Terminal;
use ratatui::backend::Backend;
use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

/// Everything the loop waits for.
pub enum Msg {
    Input(Event),
    /// Reading the terminal failed; the loop ends with this error.
    InputFailed(std::io::Error),
    /// The search thread has results.
    Search,
    /// A background job (a grader command) has finished.
    Background,
    /// A recorder, player or transcriber has news.
    Audio(prep_core::audio::process::Event),
}

/// The input thread: reads one terminal event per request.
struct Input {
    requests: Sender<()>,
    asked: bool,
}

impl Input {
    fn start(messages: Sender<Msg>) -> std::io::Result<Input> {
        let (requests, wanted) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("prep-input".into())
            .spawn(move || {
                while wanted.recv().is_ok() {
                    let msg = match event::read() {
                        Ok(ev) => Msg::Input(ev),
                        Err(e) => Msg::InputFailed(e),
                    };
                    if messages.send(msg).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Input {
            requests,
            asked: false,
        })
    }

    /// Make sure one read is under way.
    fn ask(&mut self) {
        if !self.asked {
            self.asked = self.requests.send(()).is_ok();
        }
    }
}

/// Draw, then wait for a message or the next tick; time passes into the app only through them.
pub fn event_loop<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> std::io::Result<()>
where
    B::Error: Into<std::io::Error>,
{
    let (tx, rx): (Sender<Msg>, Receiver<Msg>) = mpsc::channel();
    let search_tx = tx.clone();
    app.ctx.search.on_results(move || {
        let _ = search_tx.send(Msg::Search);
    });
    let job_tx = tx.clone();
    app.ctx.notify = Some(std::sync::Arc::new(move || {
        let _ = job_tx.send(Msg::Background);
    }));
    let audio_tx = tx.clone();
    app.ctx.audio.notify = Some(std::sync::Arc::new(move |ev| {
        let _ = audio_tx.send(Msg::Audio(ev));
    }));
    let mut input = Input::start(tx)?;
    let mut ambiguous_rows = Vec::new();
    let mut next_tick: Option<Instant> = None;
    while !app.quit {
        terminal
            .draw(|f| {
                view::draw(f, app);
                wide::redraw_ambiguous_rows(f.buffer_mut(), &mut ambiguous_rows);
            })
            .map_err(Into::into)?;
        if app.has_pending() {
            let mut host = TerminalHost { terminal };
            app.perform(&mut host);
            app.set_time(Instant::now(), now_unix());
            continue;
        }
        input.ask();
        next_tick = match (app.tick_every(), next_tick) {
            (None, _) => None,
            (Some(every), None) => Some(Instant::now() + every),
            (Some(_), Some(at)) => Some(at),
        };
        let msg = match next_tick {
            None => rx.recv().ok(),
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(msg) => Some(msg),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
        };
        let (now, unix) = (Instant::now(), now_unix());
        match msg {
            Some(Msg::Input(ev)) => {
                input.asked = false;
                app.handle_event(ev, now, unix);
            }
            Some(Msg::InputFailed(e)) => return Err(e),
            Some(Msg::Search) => app.search_results(now, unix),
            Some(Msg::Background) => app.background(now, unix),
            Some(Msg::Audio(ev)) => app.audio_event(&ev, now, unix),
            None if next_tick.is_none() => return Ok(()),
            None => {}
        }
        // The clock ticks on time even while keys keep arriving.
        if next_tick.is_some_and(|at| Instant::now() >= at) {
            next_tick = None;
            app.tick(Instant::now(), now_unix());
        }
    }
    Ok(())
}

/// The host's effects on a real terminal.
struct TerminalHost<'a, B: Backend> {
    terminal: &'a mut Terminal<B>,
}

impl<B: Backend> Host for TerminalHost<'_, B> {
    fn bell(&mut self) {
        let mut out = std::io::stdout();
        let _ = out.write_all(b"\x07").and_then(|()| out.flush());
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
    fn suspend(&mut self) {
        super::restore();
        #[cfg(unix)]
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        retake(self.terminal);
    }

    /// Hand the terminal to the user's editor, wait for it, then take the terminal back.
    /// Ctrl-C while the editor runs is the editor's, not a reason for prep to quit.
    fn edit(&mut self, path: &std::path::Path) -> std::io::Result<std::process::ExitStatus> {
        use std::sync::atomic::Ordering;
        super::restore();
        super::EDITING.store(true, Ordering::SeqCst);
        let result = crate::signals::edit(path);
        super::EDITING.store(false, Ordering::SeqCst);
        retake(self.terminal);
        result
    }
}

/// Take the terminal again after handing it over: raw mode, alternate screen, mouse, full redraw.
fn retake<B: Backend>(terminal: &mut Terminal<B>) {
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::event::EnableMouseCapture,
        crossterm::cursor::Hide
    );
    // Clear and redraw everything; `resize` does it without asking the terminal where the cursor is.
    if let Ok(size) = terminal.size() {
        let _ = terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    }
}
