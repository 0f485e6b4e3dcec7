//! Figures derived from the attempt log: per-section progress, score trend by day, a practice
//! calendar, overtime rate and streak. Days are calendar dates in the user's time zone (see
//! [`crate::days`]): a session that runs past local midnight counts on two days, an evening
//! that crosses midnight UTC on one.

use crate::bank::Bank;
use crate::days::Zone;
use crate::grades;
use crate::storage::Attempt;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub use crate::days::date_string;

/// 24 hours in seconds: a length of time (an FSRS interval, "in 2 days"), never a way to find
/// which day a moment falls on (a local day can have 23 or 25 hours; use [`day_of`]).
pub const SECS_PER_DAY: i64 = 86_400;
/// Days shown in the practice calendar (twelve weeks).
pub const CALENDAR_DAYS: i64 = 84;

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct SectionStats {
    pub id: String,
    pub title: String,
    pub questions: usize,
    /// Questions with at least one attempt.
    pub practised: usize,
    pub attempts: usize,
    /// By weight, over each practised question's latest attempt.
    pub average: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayScore {
    /// The local date as a day number (days since 1970-01-01, see [`crate::days`]).
    pub day: i64,
    pub date: String,
    pub attempts: usize,
    pub average: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub attempts: usize,
    pub practised_questions: usize,
    /// By weight: ticked rubric weight over all weight, overall and per axis, over every attempt;
    /// an axis with less than [`grades::MIN_WEIGHT`] behind it is `None` (see `weights`).
    pub average: Option<f64>,
    pub technical: Option<f64>,
    pub people: Option<f64>,
    /// Share of attempts that ran over time, 0-100.
    pub overtime_rate: Option<f64>,
    pub last_practice: Option<String>,
    pub streak_days: u32,
    pub sections: Vec<SectionStats>,
    /// One entry per day with attempts, oldest first.
    pub trend: Vec<DayScore>,
    /// Attempts per day for the last [`CALENDAR_DAYS`] days, oldest first, ending today.
    pub calendar: Vec<u32>,
    /// Ticked and total rubric weight per axis over every attempt (see [`crate::grades`]).
    pub weights: grades::Axes,
    /// Self-grades against peers' and against re-grades after replay.
    pub calibration: grades::calibration::Calibration,
}

/// The day number (days since 1970-01-01) of the local date at `unix`, in the user's zone.
/// [`date_string`] turns it into `YYYY-MM-DD`.
pub fn day_of(unix: i64) -> i64 {
    crate::days::day_of(unix)
}

/// Each question's most recent attempt.
pub fn latest(attempts: &[Attempt]) -> HashMap<&str, &Attempt> {
    let mut out: HashMap<&str, &Attempt> = HashMap::new();
    for a in attempts {
        let slot = out.entry(a.question.as_str()).or_insert(a);
        if a.at >= slot.at {
            *slot = a;
        }
    }
    out
}

/// The figures at `now_unix`, with days in the user's zone.
pub fn compute(bank: &Bank, attempts: &[Attempt], now_unix: i64) -> Stats {
    compute_in(bank, attempts, now_unix, Zone::local())
}

/// [`compute`] with days counted in `zone`.
pub fn compute_in(bank: &Bank, all: &[Attempt], now_unix: i64, zone: &Zone) -> Stats {
    // One grade per answer, the most trusted (a peer's, a re-grade after replay, your own).
    let trusted: Vec<Attempt> = grades::calibration::trusted(all)
        .into_iter()
        .cloned()
        .collect();
    let attempts = &trusted[..];
    let today = zone.day_of(now_unix);
    let last = latest(attempts);
    let sections = bank
        .sections
        .iter()
        .map(|s| {
            let ids: Vec<&str> = s
                .questions
                .iter()
                .map(|&i| bank.questions[i].id.as_ref())
                .collect();
            let latest: Vec<&Attempt> = ids.iter().filter_map(|id| last.get(id).copied()).collect();
            SectionStats {
                id: s.id.to_string(),
                title: s.title.to_string(),
                questions: ids.len(),
                practised: latest.len(),
                attempts: attempts.iter().filter(|a| a.section == s.id).count(),
                average: grades::sum(bank, latest).overall().percent(),
            }
        })
        .collect();
    let mut by_day: BTreeMap<i64, Vec<&Attempt>> = BTreeMap::new();
    for a in attempts {
        by_day.entry(zone.day_of(a.at)).or_default().push(a);
    }
    let trend = by_day
        .iter()
        .map(|(&d, s)| DayScore {
            day: d,
            date: date_string(d),
            attempts: s.len(),
            average: grades::sum(bank, s.iter().copied())
                .overall()
                .percent()
                .unwrap_or(0.0),
        })
        .collect();
    let calendar = (today - CALENDAR_DAYS + 1..=today)
        .map(|d| by_day.get(&d).map_or(0, |v| v.len() as u32))
        .collect();
    let mut streak = 0;
    // A streak still counts today if it ran until yesterday.
    let mut d = if by_day.contains_key(&today) {
        today
    } else {
        today - 1
    };
    while by_day.contains_key(&d) {
        streak += 1;
        d -= 1;
    }
    let overtime = attempts.iter().filter(|a| a.overtime > 0).count();
    let axes = grades::sum(bank, attempts);
    Stats {
        attempts: attempts.len(),
        practised_questions: last.len(),
        average: axes.overall().percent(),
        technical: axes.technical.figure(),
        people: axes.people.figure(),
        weights: axes.rounded(),
        calibration: grades::calibration::calibration_in(bank, all, zone),
        overtime_rate: (!attempts.is_empty())
            .then(|| (1000.0 * overtime as f64 / attempts.len() as f64).round() / 10.0),
        last_practice: attempts.iter().map(|a| a.at).max().map(|t| zone.date_of(t)),
        streak_days: streak,
        sections,
        trend,
        calendar,
    }
}

/// `███░░░░░░░` for `done` of `all`, `width` cells wide.
pub fn progress_bar(done: usize, all: usize, width: usize) -> String {
    let filled = if all == 0 {
        0
    } else {
        (done * width).div_ceil(all).min(width)
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Kind;
    use crate::storage::SCHEMA_VERSION;

    fn attempt(q: &str, section: &str, day: i64, score: f64, overtime: u32) -> Attempt {
        Attempt {
            schema: SCHEMA_VERSION,
            id: String::new(),
            at: day * SECS_PER_DAY + 3600,
            question: q.into(),
            section: section.into(),
            kind: Kind::SystemDesign,
            time_limit: 90,
            spoken: 90 + overtime,
            overtime,
            checked: vec![],
            items: 5,
            score,
            technical: Some(score),
            people: None,
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
    fn progress_bar_shows_any_progress() {
        assert_eq!(progress_bar(0, 10, 5), "░░░░░");
        assert_eq!(progress_bar(1, 40, 5), "█░░░░");
        assert_eq!(progress_bar(40, 40, 5), "█████");
        assert_eq!(progress_bar(0, 0, 3), "░░░");
    }

    #[test]
    fn figures_follow_the_log() {
        let bank = crate::bank::load_builtin();
        let today = 20_000;
        let log = vec![
            attempt("sd-url-shortener", "system-design", today - 2, 40.0, 0),
            attempt("sd-url-shortener", "system-design", today - 1, 80.0, 12),
            attempt("sd-rate-limiter", "system-design", today, 60.0, 0),
            attempt("sd-rate-limiter", "system-design", today - 30, 10.0, 0),
        ];
        let s = compute_in(&bank, &log, today * SECS_PER_DAY + 100, &Zone::utc());
        let sd = s.sections.iter().find(|x| x.id == "system-design").unwrap();
        assert_eq!((sd.practised, sd.attempts), (2, 4));
        assert_eq!(sd.average, Some(70.0), "latest scores 80 and 60");
        assert_eq!(s.streak_days, 3);
        assert_eq!(s.overtime_rate, Some(25.0));
        assert_eq!(s.trend.len(), 4);
        assert_eq!(s.trend.last().unwrap().date, date_string(today));
        assert_eq!(s.calendar.len(), CALENDAR_DAYS as usize);
        assert_eq!(s.calendar[CALENDAR_DAYS as usize - 1], 1);
        assert_eq!(s.calendar.iter().sum::<u32>(), 4);
        assert_eq!(
            s.last_practice.as_deref(),
            Some(date_string(today).as_str())
        );
    }

    #[test]
    fn an_empty_log_has_no_figures_but_no_errors() {
        let bank = crate::bank::load_builtin();
        let s = compute(&bank, &[], 0);
        assert_eq!(
            (s.attempts, s.streak_days, s.average, s.overtime_rate),
            (0, 0, None, None)
        );
        assert!(s.sections.iter().all(|x| x.practised == 0));
    }

    const HOUR: i64 = 3600;
    /// Day numbers of local dates used below.
    const NOV_20: i64 = 20_777;
    const JUL_14: i64 = 20_648;
    const MAR_05: i64 = 20_517;
    const OCT_29: i64 = 20_755;

    fn new_york() -> Zone {
        Zone::named("America/New_York").expect("America/New_York in the tz database (tzdata)")
    }

    /// An attempt at `hh:mm` local time on day `day`, in a zone `utc_offset` hours from UTC then.
    fn local(day: i64, hh: i64, mm: i64, utc_offset: i64) -> Attempt {
        let mut a = attempt("sd-url-shortener", "system-design", 0, 70.0, 0);
        a.at = day * SECS_PER_DAY + hh * HOUR + mm * 60 - utc_offset * HOUR;
        a
    }

    fn last<T: Copy>(v: &[T], n: usize) -> Vec<T> {
        v[v.len() - n..].to_vec()
    }

    #[test]
    fn the_day_numbers_here_are_the_dates_they_say() {
        let dates = [NOV_20, JUL_14, MAR_05, OCT_29].map(date_string);
        assert_eq!(
            dates,
            ["2026-11-20", "2026-07-14", "2026-03-05", "2026-10-29"]
        );
    }

    #[test]
    fn sessions_either_side_of_local_midnight_make_a_two_day_streak() {
        let bank = crate::bank::load_builtin();
        // New York in November is UTC-5: 23:30 and 00:30 local are both on one UTC date.
        let log = [local(NOV_20, 23, 30, -5), local(NOV_20 + 1, 0, 30, -5)];
        let now = local(NOV_20 + 1, 12, 0, -5).at;
        let s = compute_in(&bank, &log, now, &new_york());
        assert_eq!(s.streak_days, 2);
        let dates: Vec<&str> = s.trend.iter().map(|d| d.date.as_str()).collect();
        assert_eq!(dates, ["2026-11-20", "2026-11-21"]);
        assert_eq!(
            s.trend.iter().map(|d| d.day).collect::<Vec<_>>(),
            [NOV_20, NOV_20 + 1]
        );
        assert_eq!(last(&s.calendar, 3), [0, 1, 1]);
        assert_eq!(s.last_practice.as_deref(), Some("2026-11-21"));
        let utc = compute_in(&bank, &log, now, &Zone::utc());
        assert_eq!(
            (utc.streak_days, utc.trend.len()),
            (1, 1),
            "UTC sees one day"
        );
    }

    #[test]
    fn an_evening_across_utc_midnight_is_one_day() {
        let bank = crate::bank::load_builtin();
        // New York in July is UTC-4: 19:00 local is 23:00 UTC, 21:00 local is 01:00 UTC.
        let log = [local(JUL_14, 19, 0, -4), local(JUL_14, 21, 0, -4)];
        let now = local(JUL_14, 22, 0, -4).at;
        let s = compute_in(&bank, &log, now, &new_york());
        assert_eq!(s.streak_days, 1);
        assert_eq!(s.trend.len(), 1);
        assert_eq!(
            (s.trend[0].date.as_str(), s.trend[0].attempts),
            ("2026-07-14", 2)
        );
        assert_eq!(last(&s.calendar, 2), [0, 2]);
        assert_eq!(s.last_practice.as_deref(), Some("2026-07-14"));
        let utc = compute_in(&bank, &log, now, &Zone::utc());
        assert_eq!(utc.trend.len(), 2, "UTC splits it");
    }

    #[test]
    fn the_calendar_and_streak_run_through_both_dst_changes() {
        let bank = crate::bank::load_builtin();
        // Eight days each, one attempt at 00:30 and one at 23:30 local: through 2026-03-08
        // (23 hours long) and through 2026-11-01 (25 hours long).
        for (first, before, after) in [(MAR_05, -5, -4), (OCT_29, -4, -5)] {
            let change = first + 3;
            // On the day of the change, 00:30 is still on the old offset, 23:30 on the new.
            let offset = |d: i64, late: bool| {
                if d < change || (d == change && !late) {
                    before
                } else {
                    after
                }
            };
            let log: Vec<Attempt> = (first..first + 8)
                .flat_map(|d| {
                    [
                        local(d, 0, 30, offset(d, false)),
                        local(d, 23, 30, offset(d, true)),
                    ]
                })
                .collect();
            let now = local(first + 7, 23, 45, after).at;
            let s = compute_in(&bank, &log, now, &new_york());
            let what = date_string(change);
            assert_eq!(s.streak_days, 8, "{what}");
            assert_eq!(last(&s.calendar, 9), [0, 2, 2, 2, 2, 2, 2, 2, 2], "{what}");
            assert!(s.trend.iter().all(|d| d.attempts == 2), "{what}");
            assert_eq!(s.trend[3].date, what);
        }
    }
}
