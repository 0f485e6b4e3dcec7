//! `prep`: a terminal coach for tech-lead, staff, engineering-manager and leadership interviews.
//!
//! The core (bank, search) knows nothing of the terminal; `markdown` turns Markdown into styled
//! lines for any front end; `cli` is the non-interactive shell over the same functions.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod bank;
pub mod cli;
pub mod doc;
pub mod export;
pub mod markdown;
pub mod mock;
pub mod practice;
pub mod review;
pub mod search;
pub mod stats;
pub mod storage;
pub mod stories;
#[doc(hidden)]
pub mod synth;
pub mod tui;
