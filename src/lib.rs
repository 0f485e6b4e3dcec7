//! `prep`: a terminal coach for tech-lead, staff, engineering-manager and leadership interviews.
//!
//! The front ends over the core crate (`prep-core`): `markdown` turns Markdown into styled lines,
//! `tui` is the interactive app, `cli` the commands for scripts.

pub mod cli;
pub mod markdown;
pub mod tui;
