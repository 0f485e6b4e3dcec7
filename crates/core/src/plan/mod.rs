//! A plan to the interview date, recomputed from what was done: each day from today to the day
//! before the interview gets tasks within the daily minutes: questions for each part of the loop
//! until the part is covered, stories until 8-10 cover the loop's themes, the reviews due (a weak
//! question due after the date comes forward so it is seen before it), full mocks (one early, one
//! about four days before, the last two days), the final-week checklist, and on the last two
//! days a "review ahead" over everything weak. Time is an input: the day is passed in.
//!
//! Work done before today shapes what is left; a day with nothing done is "missed" and its work
//! simply rolls forward. Today's tasks are ticked by what today's attempts did.

pub mod checklist;
pub mod file;
mod fill;
pub mod stories;
#[cfg(test)]
mod tests;

pub use file::PlanFile;

use crate::bank::{Bank, Loop};
use crate::days::Zone;
use crate::storage::Attempt;
use crate::stories::Story;
use serde::Serialize;

/// Stories a loop wants at least.
pub const STORIES_WANTED: usize = 8;
/// Distinct questions practised per question a part asks before the part counts as covered.
pub const REPS_PER_QUESTION: u32 = 3;
/// Minutes to write one story.
pub const STORY_MINUTES: u32 = 30;
/// Minutes one review takes (answer, grade, read what was missed).
pub const REVIEW_MINUTES: u32 = 4;
/// Minutes per checklist item.
pub const CHECK_MINUTES: u32 = 5;

/// Everything the plan is computed from.
pub struct Inputs<'a> {
    pub bank: &'a Bank,
    pub lp: &'a Loop,
    pub attempts: &'a [Attempt],
    pub stories: &'a [Story],
    /// Question ids a real interview's debrief said to fix: practised first.
    pub fix: &'a [String],
    /// Today (days since 1970-01-01) and the zone attempts are dated in.
    pub today: i64,
    pub zone: &'a Zone,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Work {
    /// `count` questions for a part of the loop.
    Practice {
        part: String,
        count: u32,
    },
    /// Questions from debriefs to answer again.
    Fix {
        questions: Vec<String>,
    },
    Review {
        questions: Vec<String>,
    },
    /// Everything weak, again, on the last days.
    ReviewAhead {
        questions: Vec<String>,
    },
    /// A story; `theme` is the loop theme it should cover, if one is still open.
    Story {
        theme: Option<String>,
    },
    Mock,
    Checklist {
        id: String,
        text: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    #[serde(flatten)]
    pub work: Work,
    pub minutes: u32,
    pub done: bool,
}

impl Task {
    pub fn label(&self) -> String {
        match &self.work {
            Work::Practice { part, count: 1 } => format!("1 {part} question"),
            Work::Practice { part, count } => format!("{count} {part} questions"),
            Work::Fix { questions } => {
                format!("answer again from a debrief: {}", questions.join(", "))
            }
            Work::Review { questions } => format!("{} review(s) due", questions.len()),
            Work::ReviewAhead { questions } => {
                format!("review ahead: all {} weak questions", questions.len())
            }
            Work::Story { theme: Some(t) } => format!("write a story on {t}"),
            Work::Story { theme: None } => "write another story".into(),
            Work::Mock => "a full mock loop".into(),
            Work::Checklist { text, .. } => format!("checklist: {text}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Before today, something was practised.
    Done,
    /// Before today, nothing was practised: its work rolled forward.
    Missed,
    /// Today: the tasks due now.
    Due,
    /// After today.
    Ahead,
    /// The interview itself.
    Interview,
}

#[derive(Clone, Debug, Serialize)]
pub struct Day {
    pub day: i64,
    pub date: String,
    pub status: Status,
    /// Answers saved that day.
    pub practised: usize,
    pub tasks: Vec<Task>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub loop_id: String,
    pub loop_title: String,
    pub date: String,
    pub today: String,
    pub days_left: i64,
    pub minutes: u32,
    /// Parts and how far each is covered: (name, practised, wanted).
    pub parts: Vec<(String, u32, u32)>,
    /// Loop themes with no story yet.
    pub open_themes: Vec<String>,
    pub stories: usize,
    pub days: Vec<Day>,
    /// Work that does not fit in the daily minutes before the date.
    pub unplaced: Vec<String>,
    /// The loop's themes against the stories, and stories used for too many of its questions.
    pub loop_stories: stories::LoopStories,
}

impl Plan {
    /// The day that is today, if the interview is still ahead.
    pub fn today(&self) -> Option<&Day> {
        self.days.iter().find(|d| d.status == Status::Due)
    }

    /// "Staff engineer loop in 9 days · today: 3 judgment call questions, ..."
    pub fn headline(&self) -> String {
        let name = self
            .loop_title
            .strip_suffix(" loop")
            .unwrap_or(&self.loop_title);
        let when = match self.days_left {
            ..0 => format!("{name} loop was on {}", self.date),
            0 => format!("{name} loop is today"),
            1 => format!("{name} loop tomorrow"),
            n => format!("{name} loop in {n} days"),
        };
        match self.today() {
            Some(d) if d.tasks.iter().all(|t| t.done) && !d.tasks.is_empty() => {
                format!("{when} · today: all done")
            }
            Some(d) if !d.tasks.is_empty() => {
                let open: Vec<&Task> = d.tasks.iter().filter(|t| !t.done).collect();
                let checks = open
                    .iter()
                    .filter(|t| matches!(t.work, Work::Checklist { .. }))
                    .count();
                let mut open: Vec<String> = open
                    .iter()
                    .filter(|t| !matches!(t.work, Work::Checklist { .. }))
                    .map(|t| t.label())
                    .collect();
                match checks {
                    0 => {}
                    1 => open.push("1 checklist item".into()),
                    n => open.push(format!("{n} checklist items")),
                }
                format!("{when} · today: {}", open.join(", "))
            }
            _ => when,
        }
    }
}

/// The plan as of `i.today`.
pub fn compute(file: &PlanFile, i: &Inputs) -> Plan {
    let before: Vec<Attempt> = i
        .attempts
        .iter()
        .filter(|a| i.zone.day_of(a.at) < i.today)
        .cloned()
        .collect();
    let todays: Vec<&Attempt> = i
        .attempts
        .iter()
        .filter(|a| i.zone.day_of(a.at) == i.today)
        .collect();
    let work = fill::Work::left(file, i, &before);
    let parts = work.coverage.clone();
    let open_themes = work.open_themes.clone();
    let mut days = Vec::new();
    for day in file.set_on.min(i.today)..i.today.min(file.date) {
        let practised = i
            .attempts
            .iter()
            .filter(|a| i.zone.day_of(a.at) == day)
            .count();
        let status = if practised > 0 {
            Status::Done
        } else {
            Status::Missed
        };
        days.push(day_of(day, status, practised, Vec::new()));
    }
    let (scheduled, unplaced) = work.schedule(file, i);
    for (n, (day, mut tasks)) in scheduled.into_iter().enumerate() {
        let status = if n == 0 { Status::Due } else { Status::Ahead };
        if status == Status::Due {
            fill::tick(&mut tasks, i, &todays);
        }
        days.push(day_of(
            day,
            status,
            if n == 0 { todays.len() } else { 0 },
            tasks,
        ));
    }
    if file.date >= i.today {
        days.push(day_of(file.date, Status::Interview, 0, Vec::new()));
    }
    Plan {
        loop_id: i.lp.id.clone(),
        loop_title: i.lp.title.clone(),
        date: crate::days::date_string(file.date),
        today: crate::days::date_string(i.today),
        days_left: file.date - i.today,
        minutes: file.minutes,
        parts,
        open_themes,
        stories: i.stories.len(),
        days,
        unplaced,
        loop_stories: stories::for_loop(i.bank, i.lp, i.stories),
    }
}

fn day_of(day: i64, status: Status, practised: usize, tasks: Vec<Task>) -> Day {
    Day {
        day,
        date: crate::days::date_string(day),
        status,
        practised,
        tasks,
    }
}

/// Where a plan is read from and what it runs over, for [`for_day`].
pub struct World<'a> {
    pub bank: &'a Bank,
    pub loops: &'a [Loop],
    pub attempts: &'a [Attempt],
    pub stories: &'a [Story],
    pub fix: &'a [String],
}

/// The plan of `file` as of `today`, or why there is none (its loop is not known).
pub fn for_day(file: &PlanFile, w: &World, today: i64, zone: &Zone) -> Result<Plan, String> {
    let lp = crate::loops::find(w.loops, file.loop_id()).ok_or_else(|| {
        format!(
            "the plan follows loop `{}`, which no bank defines (loops: {})",
            file.loop_id(),
            crate::loops::ids(w.loops)
        )
    })?;
    let inputs = Inputs {
        bank: w.bank,
        lp,
        attempts: w.attempts,
        stories: w.stories,
        fix: w.fix,
        today,
        zone,
    };
    Ok(compute(file, &inputs))
}
