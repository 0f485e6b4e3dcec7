//! The question bank: plain types for sections, questions, rubrics and guides, and the loader
//! that builds them from YAML and Markdown files.
//!
//! The built-in bank is checked and parsed from `content/` when prep is compiled (the core crate's
//! `build.rs` runs this same loader) and embedded as Rust data, so starting prep parses no YAML;
//! banks on disk are parsed when they are loaded.

mod build;
mod checks;
pub use checks::{plain_yaml_error, split_front_matter};
mod diag;
mod duration;
mod levels;
mod loops;
mod model;
mod parse;
mod raw;
mod raw_check;
pub mod regular;
mod shares;
mod source;
mod tags;
mod words;
pub use loops::{Loop, LoopPart, check_loops, merge_loops, parse_loops};

pub use build::{parse, parse_on_top_of, validate_on_top_of};
pub use diag::{Diagnostic, Diagnostics};
pub use duration::{format_duration, parse_duration};
pub use model::*;
pub use shares::{DIRECTOR_STRATEGY_PEOPLE_SHARE, people_share};
pub use source::{BankSource, MAX_FILE_BYTES, unsafe_char};
pub use tags::tag_key;
