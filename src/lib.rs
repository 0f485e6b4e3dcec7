//! `prep`: a terminal coach for tech-lead, staff, engineering-manager and leadership interviews.
//!
//! The front ends over the core crate (`prep-core`): `markdown` turns Markdown into styled lines,
//! `keymap` is the key table, `theme` the colours both use, `tui` is the interactive app, `cli` the
//! commands for scripts.

/// Every message prep writes to standard error goes through here (the `eprintln!` below shadows the
/// standard one in this crate): control characters from a bank, a story, the log or a file name are
/// shown as visible stand-ins ([`prep_core::text::clean`]), and a stderr that cannot be written to
/// is not a panic.
pub fn say(message: &str) {
    use std::io::Write as _;
    let mut line = prep_core::text::clean(message).into_owned();
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// `eprintln!`, through [`say`].
macro_rules! eprintln {
    () => {{
        $crate::say("")
    }};
    ($($arg:tt)*) => {{
        $crate::say(&format!($($arg)*))
    }};
}

pub mod cli;
pub mod keymap;
pub mod markdown;
pub mod signals;
pub mod theme;
pub mod tui;
