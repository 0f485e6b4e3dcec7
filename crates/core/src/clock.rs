//! The wall clock, read in one place. Everything else takes the time as an argument, so tests
//! pass whatever time they need.

/// Seconds since 1970-01-01 UTC, now (0 if the system clock is before 1970).
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
