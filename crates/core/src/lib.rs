//! prep's core: everything the app knows about interviews, with no terminal code (the compiler
//! keeps it so: neither ratatui nor crossterm is in this crate's dependency tree). The TUI and
//! the CLI in the `prep` crate are thin shells over these modules.

pub mod audio;
pub mod bank;
pub mod bank_files;
pub mod clock;
pub mod config;
pub mod days;
pub mod debrief;
pub mod doc;
pub mod doc_levels;
pub mod export;
pub mod grader;
pub mod grades;
pub mod history;
pub mod loops;
pub mod mock;
pub mod plan;
pub mod practice;
pub mod review;
pub mod rng;
pub mod search;
pub mod stats;
pub mod storage;
pub mod stories;
pub mod sync;
#[doc(hidden)]
pub mod synth;
pub mod text;
