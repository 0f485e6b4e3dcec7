//! Fixtures for screen tests: a context over the built-in bank with a fixed clock.

use super::app::Ctx;
use super::theme::Theme;
use crate::bank::load_builtin;
use crate::storage::AttemptLog;
use std::time::Instant;

/// 2026-11-21 12:00 UTC.
pub const NOW_UNIX: i64 = 1_795_262_400;

pub fn ctx() -> Ctx {
    Ctx::new(
        load_builtin(),
        None,
        Theme { color: false },
        Instant::now(),
        NOW_UNIX,
    )
}

pub fn ctx_with_log() -> (Ctx, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let log = AttemptLog::new(dir.path());
    (
        Ctx::new(
            load_builtin(),
            Some(log),
            Theme { color: false },
            Instant::now(),
            NOW_UNIX,
        ),
        dir,
    )
}
