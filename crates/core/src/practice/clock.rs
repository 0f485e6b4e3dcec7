//! The drill clock. Time is an input: every method takes `now`, so tests drive a 90-second drill
//! in microseconds and nothing here sleeps or reads the system clock.

use std::time::{Duration, Instant};

/// How the countdown should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Calm,
    /// The last stretch: 20% of the limit, at least 10 s.
    Warning,
    Overtime,
}

#[derive(Clone, Debug)]
pub struct Clock {
    limit: Duration,
    /// Time run before the current stretch.
    banked: Duration,
    /// When the current stretch started; `None` while paused.
    running_since: Option<Instant>,
}

/// Smallest limit `adjust` will leave.
const MIN_LIMIT: Duration = Duration::from_secs(10);

impl Clock {
    /// A running clock with `limit_secs` on it.
    pub fn start(limit_secs: u32, now: Instant) -> Self {
        Clock {
            limit: Duration::from_secs(limit_secs.into()),
            banked: Duration::ZERO,
            running_since: Some(now),
        }
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .running_since
                .map_or(Duration::ZERO, |s| now.saturating_duration_since(s))
    }

    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Whole seconds left; negative once in overtime.
    pub fn remaining_secs(&self, now: Instant) -> i64 {
        let limit = self.limit.as_millis() as i64;
        let elapsed = self.elapsed(now).as_millis() as i64;
        let ms = limit - elapsed;
        // Round towards "more time left" while counting down, so 0:00 shows only at the end.
        if ms >= 0 {
            (ms + 999) / 1000
        } else {
            ms / 1000
        }
    }

    /// Share of the limit used, 0.0..=1.0.
    pub fn ratio(&self, now: Instant) -> f64 {
        (self.elapsed(now).as_secs_f64() / self.limit.as_secs_f64().max(0.001)).clamp(0.0, 1.0)
    }

    pub fn phase(&self, now: Instant) -> Phase {
        let elapsed = self.elapsed(now);
        if elapsed >= self.limit {
            return Phase::Overtime;
        }
        let warn = (self.limit / 5).max(Duration::from_secs(10));
        if self.limit - elapsed <= warn {
            Phase::Warning
        } else {
            Phase::Calm
        }
    }

    pub fn is_paused(&self) -> bool {
        self.running_since.is_none()
    }

    pub fn pause(&mut self, now: Instant) {
        if let Some(since) = self.running_since.take() {
            self.banked += now.saturating_duration_since(since);
        }
    }

    pub fn resume(&mut self, now: Instant) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn toggle(&mut self, now: Instant) {
        if self.is_paused() {
            self.resume(now)
        } else {
            self.pause(now)
        }
    }

    /// Add (or with a negative number, remove) seconds from the limit; never below 10 s.
    pub fn adjust(&mut self, secs: i64) {
        let limit = self.limit.as_secs() as i64 + secs;
        self.limit = Duration::from_secs(limit.max(MIN_LIMIT.as_secs() as i64) as u64);
    }

    /// Remove `secs` from the limit, but never below the time already spoken (rounded up to a
    /// whole second) nor below 10 s. False when the limit could not go down by all of `secs`.
    pub fn shorten(&mut self, secs: u64, now: Instant) -> bool {
        let spoken = self.elapsed(now);
        let spoken = spoken.as_secs() + u64::from(spoken.subsec_nanos() > 0);
        let floor = spoken.max(MIN_LIMIT.as_secs());
        let wanted = self.limit.as_secs().saturating_sub(secs);
        self.limit = Duration::from_secs(wanted.max(floor).min(self.limit.as_secs()));
        wanted >= floor
    }
}

/// `m:ss`, with a leading `+` in overtime.
pub fn format_clock(remaining_secs: i64) -> String {
    let sign = if remaining_secs < 0 { "+" } else { "" };
    let s = remaining_secs.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn counts_down_warns_then_counts_up() {
        let t0 = Instant::now();
        let c = Clock::start(90, t0);
        assert_eq!(c.remaining_secs(t0), 90);
        assert_eq!(c.phase(t0 + secs(60)), Phase::Calm);
        assert_eq!(c.phase(t0 + secs(72)), Phase::Warning);
        assert_eq!(
            c.remaining_secs(t0 + secs(89) + Duration::from_millis(500)),
            1
        );
        assert_eq!(c.phase(t0 + secs(90)), Phase::Overtime);
        assert_eq!(c.remaining_secs(t0 + secs(95)), -5);
        assert_eq!(format_clock(c.remaining_secs(t0 + secs(95))), "+0:05");
        assert_eq!(format_clock(c.remaining_secs(t0 + secs(30))), "1:00");
        assert!((c.ratio(t0 + secs(45)) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn pause_stops_the_clock_and_resume_continues() {
        let t0 = Instant::now();
        let mut c = Clock::start(60, t0);
        c.pause(t0 + secs(10));
        assert!(c.is_paused());
        assert_eq!(c.elapsed(t0 + secs(500)), secs(10));
        c.resume(t0 + secs(500));
        assert_eq!(c.elapsed(t0 + secs(505)), secs(15));
        c.toggle(t0 + secs(505));
        c.toggle(t0 + secs(505));
        assert!(!c.is_paused());
    }

    #[test]
    fn adjusting_time_moves_the_limit_but_not_below_ten_seconds() {
        let t0 = Instant::now();
        let mut c = Clock::start(60, t0);
        c.adjust(15);
        assert_eq!(c.remaining_secs(t0), 75);
        c.adjust(-15);
        c.adjust(-15);
        assert_eq!(c.remaining_secs(t0), 45);
        c.adjust(-1000);
        assert_eq!(c.limit(), secs(10));
    }

    #[test]
    fn shortening_never_cuts_the_limit_below_the_time_already_spoken() {
        let t0 = Instant::now();
        let mut c = Clock::start(60, t0);
        assert!(c.shorten(15, t0 + secs(30)));
        assert_eq!(c.limit(), secs(45));
        assert!(!c.shorten(15, t0 + Duration::from_millis(34_200)));
        assert_eq!(
            c.limit(),
            secs(35),
            "0:34.2 spoken: the limit stops at 0:35"
        );
        assert!(
            !c.shorten(15, t0 + secs(50)),
            "already over: nothing changes"
        );
        assert_eq!(c.limit(), secs(35));
    }

    #[test]
    fn short_limits_warn_for_ten_seconds() {
        let t0 = Instant::now();
        let c = Clock::start(20, t0);
        assert_eq!(c.phase(t0 + secs(9)), Phase::Calm);
        assert_eq!(c.phase(t0 + secs(10)), Phase::Warning);
    }
}
