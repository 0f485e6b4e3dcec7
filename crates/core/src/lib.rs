//! prep's core: everything the app knows about interviews, with no terminal code (the compiler
//! keeps it so: neither ratatui nor crossterm is in this crate's dependency tree). The TUI and
//! the CLI in the `prep` crate are thin shells over these modules.

pub mod audio;
pub mod bank;
pub mod clock;
pub mod config;
pub mod days;
pub mod doc;
pub mod export;
pub mod mock;
pub mod practice;
pub mod review;
pub mod rng;
pub mod search;
pub mod stats;
pub mod storage;
pub mod stories;
#[doc(hidden)]
pub mod synth;
