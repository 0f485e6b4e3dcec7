//! Figures derived from the attempt log: per-section progress, score trend by day, a practice
//! calendar, overtime rate and streak. Days are UTC calendar days.

use crate::bank::Bank;
use crate::storage::Attempt;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

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
    /// Mean of each practised question's latest score.
    pub average: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DayScore {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub date: String,
    pub attempts: usize,
    pub average: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub attempts: usize,
    pub practised_questions: usize,
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
}

pub fn day_of(unix: i64) -> i64 {
    unix.div_euclid(SECS_PER_DAY)
}

/// `YYYY-MM-DD` for a day number (days since 1970-01-01).
pub fn date_string(day: i64) -> String {
    // Howard Hinnant's civil-from-days.
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

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| (sum / n as f64 * 10.0).round() / 10.0)
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

pub fn compute(bank: &Bank, attempts: &[Attempt], now_unix: i64) -> Stats {
    let today = day_of(now_unix);
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
            let scores: Vec<f64> = ids
                .iter()
                .filter_map(|id| last.get(id))
                .map(|a| a.score)
                .collect();
            SectionStats {
                id: s.id.to_string(),
                title: s.title.to_string(),
                questions: ids.len(),
                practised: scores.len(),
                attempts: attempts.iter().filter(|a| a.section == s.id).count(),
                average: mean(scores.into_iter()),
            }
        })
        .collect();
    let mut by_day: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
    for a in attempts {
        by_day.entry(day_of(a.at)).or_default().push(a.score);
    }
    let trend = by_day
        .iter()
        .map(|(&d, s)| DayScore {
            day: d,
            date: date_string(d),
            attempts: s.len(),
            average: mean(s.iter().copied()).unwrap_or(0.0),
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
    Stats {
        attempts: attempts.len(),
        practised_questions: last.len(),
        average: mean(attempts.iter().map(|a| a.score)),
        technical: mean(attempts.iter().filter_map(|a| a.technical)),
        people: mean(attempts.iter().filter_map(|a| a.people)),
        overtime_rate: (!attempts.is_empty())
            .then(|| (1000.0 * overtime as f64 / attempts.len() as f64).round() / 10.0),
        last_practice: attempts
            .iter()
            .map(|a| a.at)
            .max()
            .map(|t| date_string(day_of(t))),
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
    fn dates_are_calendar_dates() {
        assert_eq!(date_string(0), "1970-01-01");
        assert_eq!(date_string(20_413), "2025-11-21");
        assert_eq!(date_string(-1), "1969-12-31");
        assert_eq!(date_string(11_016), "2000-02-29");
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
        let s = compute(&bank, &log, today * SECS_PER_DAY + 100);
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
}
