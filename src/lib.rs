//! `prep`: a terminal coach for tech-lead, staff, engineering-manager and leadership interviews.
//!
//! The front ends over the core crate (`prep-core`): `markdown` turns Markdown into styled lines,
//! `keymap` is the key table, `theme` the colours both use, `tui` is the interactive app, `cli` the
//! commands for scripts.

pub mod cli;
pub mod keymap;
pub mod markdown;
pub mod theme;
pub mod tui;
