//! A bare ratatui app, the yardstick for prep's time to first frame: set up the terminal, draw one
//! frame, wait for the first key, restore the terminal. `scripts/first-frame.py` runs it and prep
//! in the same pseudo-terminal and compares the two.
//!
//! `cargo build --release --example bare && ./target/release/examples/bare`
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use crossterm::event::{self, Event};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|f| {
        let text = Paragraph::new("A bare ratatui app: one frame. Press any key.")
            .block(Block::bordered().title(" Sections "));
        f.render_widget(text, f.area());
    });
    let result = drawn.and_then(|_| {
        loop {
            if let Event::Key(_) = event::read()? {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    result
}
