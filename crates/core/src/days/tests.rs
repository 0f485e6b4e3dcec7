//! Local days: explicit zones, daylight-saving days, and the system zone file.

use super::*;

#[test]
fn a_localtime_link_is_read_as_the_zone_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("localtime");
    std::os::unix::fs::symlink("/usr/share/zoneinfo/America/New_York", &link).unwrap();
    let tz = localtime(&link).expect("tzdata is installed");
    assert_eq!(tz.iana_name(), Some("America/New_York"));
    let zone = Zone { tz };
    // 2026-12-02 03:00 UTC is 22:00 on the 1st in New York.
    let unix = 1_796_180_400;
    assert_eq!(zone.date_of(unix), "2026-12-01");
    assert_eq!(
        zone.day_of(unix),
        Zone::named("America/New_York").unwrap().day_of(unix)
    );
    assert!(localtime(&dir.path().join("missing")).is_none());
}
use crate::storage::{Attempt, SCHEMA_VERSION};

const HOUR: i64 = 3600;

fn zone(name: &str) -> Zone {
    Zone::named(name)
        .unwrap_or_else(|| panic!("{name} should be in the tz database (Debian: tzdata)"))
}

/// Unix seconds of a wall-clock time in `z`, worked out from the UTC offset the zone has
/// then (given by hand, so the test does not lean on the code under test).
fn at(date: &str, hour: i64, min: i64, utc_offset_hours: f64) -> i64 {
    let day = (0..30_000)
        .find(|&d| date_string(d) == date)
        .unwrap_or_else(|| panic!("{date} is not a date after 1970"));
    day * UTC_DAY + hour * HOUR + min * 60 - (utc_offset_hours * HOUR as f64) as i64
}

fn day(date: &str) -> i64 {
    at(date, 0, 0, 0.0) / UTC_DAY
}

#[test]
fn an_evening_in_new_york_is_one_local_day_though_utc_changes_date() {
    let ny = zone("America/New_York");
    // July: UTC-4, so UTC midnight is 20:00 local.
    let seven = at("2026-07-14", 19, 0, -4.0);
    let nine = at("2026-07-14", 21, 0, -4.0);
    assert_ne!(Zone::utc().day_of(seven), Zone::utc().day_of(nine));
    assert_eq!(ny.day_of(seven), ny.day_of(nine));
    assert_eq!(ny.date_of(nine), "2026-07-14");
    assert_eq!(ny.date_time(nine), "2026-07-14 21:00");
    assert_eq!(Zone::utc().date_time(nine), "2026-07-15 01:00");
}

#[test]
fn local_midnight_separates_two_days_in_a_row() {
    let ny = zone("America/New_York");
    // November: UTC-5.
    let before = at("2026-11-20", 23, 30, -5.0);
    let after = at("2026-11-21", 0, 30, -5.0);
    assert_eq!(Zone::utc().day_of(before), Zone::utc().day_of(after));
    assert_eq!(ny.day_of(before), day("2026-11-20"));
    assert_eq!(ny.day_of(after), day("2026-11-21"));
    assert_eq!(
        ny.day_start(day("2026-11-21")),
        at("2026-11-21", 0, 0, -5.0)
    );
}

#[test]
fn the_spring_forward_day_has_23_hours_and_counts_once() {
    let ny = zone("America/New_York");
    // 2026-03-08: at 02:00 EST (UTC-5) the clocks jump to 03:00 EDT (UTC-4).
    let d = day("2026-03-08");
    assert_eq!(ny.day_start(d), at("2026-03-08", 0, 0, -5.0));
    assert_eq!(ny.day_start(d + 1), at("2026-03-09", 0, 0, -4.0));
    assert_eq!(ny.day_start(d + 1) - ny.day_start(d), 23 * HOUR);
    for (h, m, off) in [(0, 0, -5.0), (1, 59, -5.0), (3, 0, -4.0), (23, 59, -4.0)] {
        assert_eq!(ny.day_of(at("2026-03-08", h, m, off)), d, "{h:02}:{m:02}");
    }
    // 00:30 the next morning is the next day, although less than 24 h after midnight.
    assert_eq!(ny.day_of(at("2026-03-09", 0, 30, -4.0)), d + 1);
    assert_eq!(ny.day_of(at("2026-03-07", 23, 59, -5.0)), d - 1);
}

#[test]
fn the_fall_back_day_has_25_hours_and_counts_once() {
    let ny = zone("America/New_York");
    // 2026-11-01: at 02:00 EDT (UTC-4) the clocks go back to 01:00 EST (UTC-5).
    let d = day("2026-11-01");
    assert_eq!(ny.day_start(d), at("2026-11-01", 0, 0, -4.0));
    assert_eq!(ny.day_start(d + 1) - ny.day_start(d), 25 * HOUR);
    // 01:30 comes twice; both are that day. So is 23:30, more than 24 h after midnight.
    for t in [
        at("2026-11-01", 1, 30, -4.0),
        at("2026-11-01", 1, 30, -5.0),
        at("2026-11-01", 23, 30, -5.0),
    ] {
        assert_eq!(ny.day_of(t), d);
    }
    assert_eq!(ny.day_of(at("2026-11-02", 0, 0, -5.0)), d + 1);
    assert_eq!(
        ny.date_time(at("2026-11-01", 1, 30, -5.0)),
        "2026-11-01 01:30"
    );
}

#[test]
fn zones_east_of_utc_start_the_day_before_utc_does() {
    // Kolkata is UTC+5:30 all year: a session from 04:00 to 06:00 local crosses UTC midnight.
    let kolkata = zone("Asia/Kolkata");
    let early = at("2026-07-15", 4, 0, 5.5);
    let later = at("2026-07-15", 6, 0, 5.5);
    assert_ne!(Zone::utc().day_of(early), Zone::utc().day_of(later));
    assert_eq!(kolkata.day_of(early), day("2026-07-15"));
    assert_eq!(kolkata.day_of(later), day("2026-07-15"));
    assert_eq!(
        kolkata.day_start(day("2026-07-15")),
        at("2026-07-15", 0, 0, 5.5)
    );
    // Chatham is UTC+13:45 in its summer: 10:00 local is still the day before in UTC.
    let chatham = zone("Pacific/Chatham");
    let t = at("2026-12-25", 10, 0, 13.75);
    assert_eq!(chatham.date_of(t), "2026-12-25");
    assert_eq!(Zone::utc().date_of(t), "2026-12-24");
    assert_eq!(chatham.date_time(t), "2026-12-25 10:00");
}

#[test]
fn a_posix_rule_works_without_the_tz_database() {
    let rule = Zone::named("EST5EDT,M3.2.0,M11.1.0").expect("a valid POSIX rule");
    let ny = zone("America/New_York");
    for t in [
        at("2026-03-08", 3, 0, -4.0),
        at("2026-07-14", 21, 0, -4.0),
        at("2026-11-01", 23, 30, -5.0),
    ] {
        assert_eq!(rule.day_of(t), ny.day_of(t));
    }
    assert_eq!(rule.date_of(at("2026-07-14", 21, 0, -4.0)), "2026-07-14");
    assert_eq!(rule.name(), "local time");
    assert_eq!(ny.name(), "America/New_York");
    assert_eq!(Zone::utc().name(), "UTC");
    assert_eq!(Zone::named("Nowhere/Atlantis"), None);
}

#[test]
fn times_beyond_what_jiff_holds_fall_back_to_utc_days() {
    let ny = zone("America/New_York");
    for t in [i64::MIN, -400_000_000_000, 400_000_000_000, i64::MAX] {
        assert_eq!(ny.day_of(t), t.div_euclid(UTC_DAY));
        assert!(!ny.date_time(t).is_empty());
    }
    assert_eq!(ny.day_start(i64::MAX), i64::MAX);
    assert_eq!(ny.day_start(0), 5 * HOUR);
    assert_eq!(day_number(EPOCH), 0);
    assert_eq!(date_of_number(-1), Date::new(1969, 12, 31).ok());
}

#[test]
fn dates_are_calendar_dates() {
    assert_eq!(date_string(0), "1970-01-01");
    assert_eq!(date_string(20_413), "2025-11-21");
    assert_eq!(date_string(-1), "1969-12-31");
    assert_eq!(date_string(11_016), "2000-02-29");
    for d in [-719_468, -1, 0, 59, 11_016, 20_413, 2_000_000] {
        let date = date_of_number(d).expect("in range");
        assert_eq!(date_string(d), date.to_string(), "day {d}");
        assert_eq!(day_number(date), d);
    }
}

fn review(at: i64, score: f64) -> Attempt {
    Attempt {
        schema: SCHEMA_VERSION,
        id: String::new(),
        at,
        question: "q".into(),
        section: "s".into(),
        kind: crate::bank::Kind::Behavioral,
        time_limit: 90,
        spoken: 90,
        overtime: 0,
        checked: vec![],
        items: 5,
        score,
        technical: None,
        people: Some(score),
        notes: String::new(),
        follow_ups: 0,
        mock: None,
        stages: Vec::new(),
        grade: Default::default(),
        recording: None,
        delivery: None,
    }
}

#[test]
fn fsrs_sees_one_day_between_23_00_and_01_00_local() {
    use crate::review::replay_in;
    let ny = zone("America/New_York");
    // Two hours apart, on either side of local midnight (and on one UTC date).
    let late = review(at("2026-11-20", 23, 0, -5.0), 70.0);
    let early = review(at("2026-11-21", 1, 0, -5.0), 70.0);
    let card = replay_in(0, &[&late, &early], &ny).expect("two reviews");
    // The same two grades a full day apart, counted in UTC, give the same memory...
    let noon = review(at("2026-11-20", 12, 0, 0.0), 70.0);
    let next_noon = review(at("2026-11-21", 12, 0, 0.0), 70.0);
    let a_day = replay_in(0, &[&noon, &next_noon], &Zone::utc()).expect("two reviews");
    assert_eq!(
        (card.stability, card.difficulty),
        (a_day.stability, a_day.difficulty)
    );
    // ...and not the one a same-day review gives.
    let same_day = replay_in(0, &[&late, &early], &Zone::utc()).expect("two reviews");
    assert_ne!(card.stability, same_day.stability);
}
