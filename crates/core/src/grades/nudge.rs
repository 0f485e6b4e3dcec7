//! Calibration nudges at grading time: a word when a grade looks kinder than the answer was.
//! Never blocking: the rubric shows them and saving works the same.
//!
//! - a high grade ([`HIGH`] or more) for an answer that used under a third of its time;
//! - every item ticked, the whole checklist within [`QUICK_SECS`] of the first tick;
//! - a grade of [`OVER_GRADE`] or more for an answer that ran half its limit over or more.

use crate::practice::format_clock;

/// A grade this high (percent) for a very short answer earns a nudge.
pub const HIGH: f64 = 70.0;
/// Ticking a whole checklist (three items or more) this fast means it was not read.
pub const QUICK_SECS: f64 = 3.0;
/// A grade this high for an answer far over time earns a nudge.
pub const OVER_GRADE: f64 = 50.0;

/// What the rubric knows while grading.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Grading {
    pub spoken: u32,
    pub limit: u32,
    /// The score as ticked so far, 0-100.
    pub score: f64,
    pub items: usize,
    pub ticked: usize,
    /// Seconds from the first tick to the tick that completed the checklist, once it is.
    pub all_ticked_in: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Nudge {
    ShortAnswer { spoken: u32, limit: u32 },
    QuickTicks { secs: f64 },
    FarOverTime { spoken: u32, limit: u32 },
}

impl std::fmt::Display for Nudge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clock = |s: u32| format_clock(i64::from(s));
        match *self {
            Nudge::ShortAnswer { spoken, limit } => write!(
                f,
                "A high grade for a short answer: spoke {} of {}. Tick only what you said.",
                clock(spoken),
                clock(limit)
            ),
            Nudge::QuickTicks { secs } => write!(
                f,
                "Every item ticked in {secs:.1} s. Read each one: did you really say it?"
            ),
            Nudge::FarOverTime { spoken, limit } => write!(
                f,
                "Spoke {} of {}: grade only what you said before the time ran out.",
                clock(spoken),
                clock(limit)
            ),
        }
    }
}

/// The nudges this grading earns, most telling first.
pub fn nudges(g: &Grading) -> Vec<Nudge> {
    let mut out = Vec::new();
    let (spoken, limit) = (g.spoken, g.limit);
    if let Some(secs) = g.all_ticked_in
        && g.items >= 3
        && g.ticked == g.items
        && secs <= QUICK_SECS
    {
        out.push(Nudge::QuickTicks { secs });
    }
    if limit > 0 && g.score >= HIGH && spoken * 3 < limit {
        out.push(Nudge::ShortAnswer { spoken, limit });
    }
    if limit > 0 && g.score >= OVER_GRADE && spoken * 2 >= limit * 3 {
        out.push(Nudge::FarOverTime { spoken, limit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grading(spoken: u32, limit: u32, score: f64) -> Grading {
        Grading {
            spoken,
            limit,
            score,
            items: 8,
            ticked: 6,
            all_ticked_in: None,
        }
    }

    #[test]
    fn a_high_grade_for_a_nine_second_answer_is_questioned() {
        let n = nudges(&grading(9, 90, 80.0));
        assert_eq!(
            n,
            [Nudge::ShortAnswer {
                spoken: 9,
                limit: 90
            }]
        );
        assert_eq!(
            n[0].to_string(),
            "A high grade for a short answer: spoke 0:09 of 1:30. Tick only what you said."
        );
        assert!(
            nudges(&grading(9, 90, 40.0)).is_empty(),
            "a low grade is honest"
        );
        assert!(
            nudges(&grading(60, 90, 90.0)).is_empty(),
            "two thirds is not short"
        );
    }

    #[test]
    fn ticking_everything_at_once_is_questioned_but_not_ticking_slowly() {
        let mut g = grading(80, 90, 100.0);
        g.ticked = 8;
        g.all_ticked_in = Some(1.4);
        assert_eq!(nudges(&g), [Nudge::QuickTicks { secs: 1.4 }]);
        assert!(nudges(&g)[0].to_string().contains("1.4 s"));
        g.all_ticked_in = Some(12.0);
        assert!(nudges(&g).is_empty());
        g.all_ticked_in = Some(1.0);
        g.ticked = 7;
        assert!(nudges(&g).is_empty(), "not every item");
    }

    #[test]
    fn a_good_grade_far_over_time_is_questioned() {
        let n = nudges(&grading(140, 90, 60.0));
        assert_eq!(
            n,
            [Nudge::FarOverTime {
                spoken: 140,
                limit: 90
            }]
        );
        assert!(n[0].to_string().starts_with("Spoke 2:20 of 1:30"));
        assert!(nudges(&grading(100, 90, 60.0)).is_empty(), "a little over");
        assert!(nudges(&grading(140, 90, 20.0)).is_empty());
    }
}
