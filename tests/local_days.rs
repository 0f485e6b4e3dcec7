//! Days are local calendar days: `prep stats` run as a process with `TZ` set, over an attempt log
//! written here, puts each session on the date the user's clock showed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use prep_core::days::Zone;
use serde_json::Value;
use std::process::Command;

const HOUR: i64 = 3600;
/// 2026-07-14 00:00 UTC (New York is on UTC-4 then, Kolkata on UTC+5:30).
const JUL_14: i64 = 1_783_987_200;
/// 2026-11-20 00:00 UTC (New York is on UTC-5 then).
const NOV_20: i64 = 1_795_132_800;

/// One log line, as the app writes it, graded at `at`.
fn record(at: i64) -> String {
    serde_json::json!({
        "schema": 1, "at": at, "question": "sd-url-shortener", "section": "system-design",
        "kind": "system-design", "time_limit": 90, "spoken": 80, "overtime": 0,
        "checked": [], "items": 5, "score": 60.0, "technical": 60.0, "people": null,
    })
    .to_string()
}

/// `prep stats --format json` with `TZ=tz` over a log of attempts at `times`.
fn stats(tz: &str, times: &[i64]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let log: String = times.iter().map(|&t| record(t) + "\n").collect();
    std::fs::write(dir.path().join("attempts.jsonl"), log).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_prep"))
        .args(["stats", "--format", "json", "--data-dir"])
        .arg(dir.path())
        .env("TZ", tz)
        .env("PREP_CONFIG_DIR", "/nonexistent-prep-config")
        .env_remove("PREP_DATA_DIR")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attempts"], times.len(), "every record was read: {v}");
    v
}

/// The trend as (date, attempts that day), oldest first.
fn days(v: &Value) -> Vec<(String, u64)> {
    v["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["attempts"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn day(date: &str, attempts: u64) -> (String, u64) {
    (date.to_string(), attempts)
}

#[test]
fn an_evening_in_new_york_across_utc_midnight_is_one_day() {
    // 19:00 and 21:00 EDT are 23:00 and 01:00 UTC.
    let evening = [JUL_14 + 23 * HOUR, JUL_14 + 25 * HOUR];
    let v = stats("America/New_York", &evening);
    assert_eq!(days(&v), [day("2026-07-14", 2)]);
    assert_eq!(v["last_practice"], "2026-07-14");
    // The same log read in UTC is split, so it is TZ that made it one day.
    assert_eq!(
        days(&stats("UTC", &evening)),
        [day("2026-07-14", 1), day("2026-07-15", 1)]
    );
}

#[test]
fn a_posix_tz_rule_counts_the_same_evening_as_one_day() {
    let evening = [JUL_14 + 23 * HOUR, JUL_14 + 25 * HOUR];
    let v = stats("EST5EDT,M3.2.0,M11.1.0", &evening);
    assert_eq!(days(&v), [day("2026-07-14", 2)]);
}

#[test]
fn late_night_and_just_past_midnight_in_new_york_are_consecutive_days() {
    // 23:30 and 00:30 EST are 04:30 and 05:30 UTC on 2026-11-21.
    let v = stats(
        "America/New_York",
        &[NOV_20 + 28 * HOUR + 1800, NOV_20 + 29 * HOUR + 1800],
    );
    assert_eq!(days(&v), [day("2026-11-20", 1), day("2026-11-21", 1)]);
    let numbers: Vec<i64> = v["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["day"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers[1] - numbers[0], 1, "{v}");
}

#[test]
fn sessions_either_side_of_last_local_midnight_make_a_streak_of_two() {
    // Relative to the real clock, as `prep stats` reads it: 23:30 yesterday and 00:30 today,
    // New York time. Both fall on one UTC date, so a UTC count would give a streak of 1.
    let ny = Zone::named("America/New_York").expect("tz database (Debian: tzdata)");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let midnight = ny.day_start(ny.day_of(now));
    let v = stats("America/New_York", &[midnight - 1800, midnight + 1800]);
    assert_eq!(v["streak_days"], 2, "{v}");
    assert_eq!(days(&v).len(), 2, "{v}");
    // The calendar ends today: one attempt on each of its last two days (or, should local
    // midnight pass while prep starts, on the two days before its last).
    let calendar: Vec<u64> = v["calendar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .collect();
    let tail = &calendar[calendar.len() - 3..];
    assert!(tail == [0, 1, 1] || tail == [1, 1, 0], "{tail:?}");
    assert_eq!(calendar.iter().sum::<u64>(), 2);
}

#[test]
fn in_kolkata_the_day_starts_before_utc_midnight() {
    // 04:00 and 06:00 IST (UTC+5:30) on 2026-07-15 are 22:30 and 00:30 UTC.
    let v = stats(
        "Asia/Kolkata",
        &[JUL_14 + 22 * HOUR + 1800, JUL_14 + 24 * HOUR + 1800],
    );
    assert_eq!(days(&v), [day("2026-07-15", 2)]);
    assert_eq!(v["last_practice"], "2026-07-15");
}
