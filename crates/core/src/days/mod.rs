//! What a "day" is: a calendar date in the user's own time zone. This module is the one place
//! that turns Unix seconds into a day, so everything counted in days agrees: the streak, the
//! practice calendar, the score trend, the date of the last practice and of a mock, the dates
//! in an export, and the whole days FSRS sees between two reviews.
//!
//! The zone is the `TZ` environment variable when it is set (an IANA name such as
//! `America/New_York`, or a POSIX rule such as `EST5EDT,M3.2.0,M11.1.0`), else the system's
//! zone (`/etc/localtime`), else UTC. A `TZ` that names no zone prep can find counts as UTC, as
//! it does for the C library. [`Zone::local`] looks it up once per process; everything else here
//! takes a [`Zone`], so tests can name one instead of changing the environment.
//!
//! A day number counts calendar dates from 1970-01-01 (day 0), so two dates in a row are two
//! numbers in a row however long the day between them was: the day the clocks spring forward
//! has 23 hours, the day they fall back has 25, and each is one day. Zone rules come from the
//! system's tz database (`/usr/share/zoneinfo`, Debian's `tzdata` package), read by `jiff`.
//! Times outside the years -9999 to 9999 (only a damaged log has them) fall back to UTC days.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use std::path::Path;
use std::sync::OnceLock;

/// Seconds in a UTC day, for the fallback only: local days are found from the civil date.
const UTC_DAY: i64 = 86_400;
/// The zone in a TZif file such as `/etc/localtime`, named after the zoneinfo path it links to
/// (`/usr/share/zoneinfo/Europe/Paris` is `Europe/Paris`). At most 1 MiB is read: a TZif file
/// is a few kilobytes.
fn localtime(path: &Path) -> Option<TimeZone> {
    use std::io::Read as _;
    let target = std::fs::canonicalize(path).ok()?;
    let name = target
        .to_str()
        .and_then(|t| t.split_once("/zoneinfo/"))
        .map_or("", |(_, name)| name);
    let file = std::fs::File::open(&target).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut data = Vec::new();
    file.take(1 << 20).read_to_end(&mut data).ok()?;
    TimeZone::tzif(name, &data).ok()
}

/// Day 0.
const EPOCH: Date = Date::constant(1970, 1, 1);
/// Further from 1970 than any date `jiff` can hold (about ±4.4 million days), so day numbers
/// past it never reach date arithmetic.
const FURTHEST_DAY: u64 = 5_000_000;

/// A time zone that days are counted in.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    tz: TimeZone,
}

impl Zone {
    /// Days as UTC dates.
    pub fn utc() -> Zone {
        Zone { tz: TimeZone::UTC }
    }

    /// The zone with an IANA name (`Asia/Kolkata`), or one given as a POSIX rule
    /// (`IST-5:30`). `None` when it is neither: a name missing from the tz database, or a rule
    /// that does not parse.
    pub fn named(name: &str) -> Option<Zone> {
        TimeZone::get(name)
            .or_else(|_| TimeZone::posix(name))
            .ok()
            .map(|tz| Zone { tz })
    }

    /// The user's zone as the environment says now: `TZ`, else the system zone, else UTC.
    ///
    /// Without `TZ`, `/etc/localtime` is read directly: asking `jiff` for the system zone opens
    /// its tz database, which lists every file under `/usr/share/zoneinfo` first, and that cost
    /// most of prep's start-up.
    pub fn detect() -> Zone {
        let tz = match std::env::var_os("TZ") {
            Some(tz) if !tz.is_empty() => TimeZone::try_system().ok(),
            _ => localtime(Path::new("/etc/localtime")),
        };
        Zone {
            tz: tz
                .or_else(|| TimeZone::try_system().ok())
                .unwrap_or(TimeZone::UTC),
        }
    }

    /// The user's zone, found by [`Zone::detect`] the first time it is asked for and kept for
    /// the rest of the process.
    pub fn local() -> &'static Zone {
        static LOCAL: OnceLock<Zone> = OnceLock::new();
        LOCAL.get_or_init(Zone::detect)
    }

    /// The zone's IANA name (`UTC`, `America/New_York`), or "local time" for a zone given as a
    /// POSIX rule or read from a file with no name.
    pub fn name(&self) -> &str {
        self.tz.iana_name().unwrap_or("local time")
    }

    /// The wall-clock date and time at `unix`, when `jiff` can represent it.
    fn civil(&self, unix: i64) -> Option<DateTime> {
        Timestamp::from_second(unix)
            .ok()
            .map(|t| self.tz.to_datetime(t))
    }

    /// The day number (days since 1970-01-01) of the local date at `unix`.
    pub fn day_of(&self, unix: i64) -> i64 {
        self.civil(unix)
            .map_or(unix.div_euclid(UTC_DAY), |dt| day_number(dt.date()))
    }

    /// The local date at `unix`, `YYYY-MM-DD`.
    pub fn date_of(&self, unix: i64) -> String {
        date_string(self.day_of(unix))
    }

    /// The local date and time at `unix`, `YYYY-MM-DD HH:MM`.
    pub fn date_time(&self, unix: i64) -> String {
        match self.civil(unix) {
            Some(dt) => format!(
                "{} {:02}:{:02}",
                date_string(day_number(dt.date())),
                dt.hour(),
                dt.minute()
            ),
            None => {
                let secs = unix.rem_euclid(UTC_DAY);
                format!(
                    "{} {:02}:{:02}",
                    date_string(unix.div_euclid(UTC_DAY)),
                    secs / 3600,
                    secs % 3600 / 60
                )
            }
        }
    }

    /// The Unix time at which local day `day` begins: its midnight, or the first moment after
    /// it where the clocks skip midnight itself.
    pub fn day_start(&self, day: i64) -> i64 {
        date_of_number(day)
            .and_then(|d| self.tz.to_timestamp(d.to_datetime(Time::midnight())).ok())
            .map_or(day.saturating_mul(UTC_DAY), Timestamp::as_second)
    }
}

/// Days from 1970-01-01 to `date` (negative before it).
fn day_number(date: Date) -> i64 {
    // A span between two civil dates is a whole number of 24-hour civil days.
    EPOCH.duration_until(date).as_hours().div_euclid(24)
}

/// The date of day number `day`, when `jiff` can hold it.
fn date_of_number(day: i64) -> Option<Date> {
    if day.unsigned_abs() > FURTHEST_DAY {
        return None;
    }
    EPOCH.checked_add(SignedDuration::from_hours(day * 24)).ok()
}

/// The local day number at `unix` in the user's zone ([`Zone::local`]).
pub fn day_of(unix: i64) -> i64 {
    Zone::local().day_of(unix)
}

/// The local date at `unix` in the user's zone, `YYYY-MM-DD`.
pub fn date_of(unix: i64) -> String {
    Zone::local().date_of(unix)
}

/// When local day `day` begins in the user's zone, Unix seconds.
pub fn day_start(day: i64) -> i64 {
    Zone::local().day_start(day)
}

/// `YYYY-MM-DD` for a day number. Pure calendar arithmetic (any `i64`), the same in every
/// zone: the zone only matters when a Unix time becomes a day number.
pub fn date_string(day: i64) -> String {
    // Shift the epoch to 0000-03-01 so each 400-year era (146,097 days) ends on a leap day,
    // then peel off years and months inside the era.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests;
