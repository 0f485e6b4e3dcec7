//! What is left to do (from the work done before today) and laying it out day by day within the
//! daily minutes; ticking today's tasks from today's attempts.

use super::{
    CHECK_MINUTES, Inputs, PlanFile, REPS_PER_QUESTION, REVIEW_MINUTES, STORIES_WANTED,
    STORY_MINUTES, Task, Work as W, checklist,
};
use crate::bank::LoopPart;
use crate::storage::Attempt;
use std::collections::{BTreeMap, HashSet};

/// The work left, before it is placed on days.
pub(super) struct Work {
    /// (name, practised, wanted) per part.
    pub coverage: Vec<(String, u32, u32)>,
    /// Questions still wanted per part, with the minutes one takes.
    need: Vec<(String, u32, u32)>,
    pub open_themes: Vec<String>,
    extra_stories: usize,
    /// Review questions by the day they come due (a due day after the interview moved before it).
    reviews: BTreeMap<i64, Vec<String>>,
    weak: Vec<String>,
    fix: Vec<String>,
}

fn minutes_of(p: &LoopPart) -> u32 {
    // A short answer takes its time plus about a minute to grade; a design round its time.
    if p.time >= 20 * 60 {
        p.time.div_ceil(60)
    } else {
        p.time.div_ceil(60) + 1
    }
}

impl Work {
    pub fn left(file: &PlanFile, i: &Inputs, before: &[Attempt]) -> Self {
        let practised: HashSet<&str> = before.iter().map(|a| a.question.as_str()).collect();
        // Parts with the same name (two judgment rounds) are covered together.
        let mut coverage: Vec<(String, u32, u32)> = Vec::new();
        let mut need = Vec::new();
        for p in &i.lp.parts {
            let fitting = i.bank.questions.iter().filter(|q| p.matches(q));
            let available = fitting.clone().count() as u32;
            let done = fitting
                .filter(|q| practised.contains(q.id.as_ref()))
                .count() as u32;
            let wanted = (p.count * REPS_PER_QUESTION).min(available);
            match coverage.iter_mut().find(|c| c.0 == p.name) {
                Some(c) => c.2 = (c.2 + wanted).min(available),
                None => {
                    coverage.push((p.name.clone(), done, wanted));
                    need.push((p.name.clone(), 0, minutes_of(p)));
                }
            }
        }
        for (c, n) in coverage.iter_mut().zip(need.iter_mut()) {
            c.1 = c.1.min(c.2);
            n.1 = c.2 - c.1;
        }
        let covered = |theme: &str| {
            let t = crate::stories::normalize(theme);
            i.stories.iter().any(|s| s.theme_ids().any(|x| x == t))
        };
        let open_themes: Vec<String> =
            i.lp.themes
                .iter()
                .filter(|t| !covered(t))
                .cloned()
                .collect();
        let extra_stories = STORIES_WANTED.saturating_sub(i.stories.len() + open_themes.len());
        let end = i.zone.day_start(i.today + 1) - 1;
        let sched = crate::review::schedule(i.bank, before, end);
        let mut reviews: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut weak = Vec::new();
        for c in &sched.cards {
            let id = i.bank.questions[c.question].id.to_string();
            let is_weak = c.last_rating.is_weak();
            if is_weak {
                weak.push(id.clone());
            }
            let due = i.zone.day_of(c.due_at).max(i.today);
            let day = if due >= file.date {
                if !is_weak {
                    continue;
                }
                // Deadline-aware: a weak question due after the interview is seen before it.
                (file.date - 1).max(i.today)
            } else {
                due
            };
            reviews.entry(day).or_default().push(id);
        }
        let fix: Vec<String> = i
            .fix
            .iter()
            .filter(|q| i.bank.question(q).is_some())
            .cloned()
            .collect();
        // What a real interview showed is weak is weak too.
        for q in &fix {
            if !weak.contains(q) {
                weak.push(q.clone());
            }
        }
        Work {
            coverage,
            need,
            open_themes,
            extra_stories,
            reviews,
            weak,
            fix,
        }
    }

    /// Tasks for each day from today to the day before the interview.
    /// And what did not fit, in words.
    pub fn schedule(mut self, file: &PlanFile, i: &Inputs) -> (Vec<(i64, Vec<Task>)>, Vec<String>) {
        let (today, date) = (i.today, file.date);
        if today >= date {
            return (Vec::new(), Vec::new());
        }
        let mock_minutes = i.lp.length().div_ceil(60) + 15;
        let mock_days = mock_days(file, i, today, date);
        let items = checklist::items(i.bank);
        let week: Vec<i64> = ((date - 7).max(today)..date).collect();
        let mut out = Vec::new();
        for day in today..date {
            let mut tasks = Vec::new();
            let mut budget = file.minutes as i64;
            let mut add = |tasks: &mut Vec<Task>, work: W, minutes: u32, budget: &mut i64| {
                *budget -= i64::from(minutes);
                tasks.push(Task {
                    work,
                    minutes,
                    done: false,
                });
            };
            if mock_days.contains(&day) {
                add(&mut tasks, W::Mock, mock_minutes, &mut budget);
            }
            if day == today && !self.fix.is_empty() {
                let questions = std::mem::take(&mut self.fix);
                let m = questions.len() as u32 * REVIEW_MINUTES;
                add(&mut tasks, W::Fix { questions }, m, &mut budget);
            }
            if day >= date - 2 && !self.weak.is_empty() {
                let m = (self.weak.len() as u32 * REVIEW_MINUTES).min(file.minutes);
                let questions = self.weak.clone();
                add(&mut tasks, W::ReviewAhead { questions }, m, &mut budget);
            } else if let Some(questions) = self.reviews.remove(&day) {
                let m = questions.len() as u32 * REVIEW_MINUTES;
                add(&mut tasks, W::Review { questions }, m, &mut budget);
            }
            if let Some(pos) = week.iter().position(|d| *d == day) {
                let per_day = items.len().div_ceil(week.len().max(1));
                for item in items.iter().skip(pos * per_day).take(per_day) {
                    let work = W::Checklist {
                        id: item.id.clone(),
                        text: item.text.clone(),
                    };
                    let done = file.ticked.contains(&item.id);
                    add(&mut tasks, work, CHECK_MINUTES, &mut budget);
                    if let Some(t) = tasks.last_mut() {
                        t.done = done;
                    }
                }
            }
            let practice_first = (day - today) % 2 == 0;
            self.flexible(&mut tasks, &mut budget, practice_first, &mut add);
            out.push((day, tasks));
        }
        let mut left: Vec<String> = self
            .need
            .iter()
            .filter(|(_, n, _)| *n > 0)
            .map(|(name, n, _)| format!("{n} {name} question(s)"))
            .collect();
        left.extend(self.open_themes.iter().map(|t| format!("a story on {t}")));
        if self.extra_stories > 0 {
            left.push(format!("{} more story(ies)", self.extra_stories));
        }
        (out, left)
    }

    /// Stories and part practice into what is left of a day.
    fn flexible(
        &mut self,
        tasks: &mut Vec<Task>,
        budget: &mut i64,
        practice_first: bool,
        add: &mut impl FnMut(&mut Vec<Task>, W, u32, &mut i64),
    ) {
        let mut story_today = false;
        let mut practised = false;
        loop {
            let story_left = !self.open_themes.is_empty() || self.extra_stories > 0;
            let practice = self
                .need
                .iter()
                .enumerate()
                .filter(|(_, (_, n, m))| *n > 0 && i64::from(*m) <= *budget)
                .max_by_key(|(i, (_, n, m))| (n * m, usize::MAX - i))
                .map(|(i, _)| i);
            let story_now = !practice_first || practised || practice.is_none();
            if story_left && !story_today && story_now && *budget >= i64::from(STORY_MINUTES) {
                story_today = true;
                let theme = if self.open_themes.is_empty() {
                    self.extra_stories -= 1;
                    None
                } else {
                    Some(self.open_themes.remove(0))
                };
                add(tasks, W::Story { theme }, STORY_MINUTES, budget);
            } else if let Some(p) = practice {
                practised = true;
                let (name, n, m) = &mut self.need[p];
                let fit = ((*budget / i64::from(*m)) as u32).min(*n);
                *n -= fit;
                let work = W::Practice {
                    part: name.clone(),
                    count: fit,
                };
                add(tasks, work, fit * *m, budget);
            } else {
                break;
            }
        }
    }
}

/// The mock days still ahead: one early (as soon as the plan starts, rolled forward while none
/// was done), one about four days before, and the last two days before the interview.
fn mock_days(file: &PlanFile, i: &Inputs, today: i64, date: i64) -> Vec<i64> {
    let mocked = i
        .attempts
        .iter()
        .any(|a| a.mock.is_some() && (file.set_on..today).contains(&i.zone.day_of(a.at)));
    let mut days = Vec::new();
    if !mocked && date - today > 5 {
        days.push(today.max(file.set_on + 1).min(date - 5));
    }
    for d in [date - 4, date - 2, date - 1] {
        if d >= today && !days.contains(&d) {
            days.push(d);
        }
    }
    days
}

/// Tick today's tasks from today's attempts.
pub(super) fn tick(tasks: &mut [Task], i: &Inputs, todays: &[&Attempt]) {
    let ids: HashSet<&str> = todays.iter().map(|a| a.question.as_str()).collect();
    for t in tasks.iter_mut() {
        t.done = t.done
            || match &t.work {
                W::Practice { part, count } => {
                    let fits = |a: &&&Attempt| {
                        i.bank.question(&a.question).is_some_and(|q| {
                            i.lp.parts.iter().any(|p| p.name == *part && p.matches(q))
                        })
                    };
                    todays.iter().filter(fits).count() as u32 >= *count
                }
                W::Fix { questions } | W::Review { questions } | W::ReviewAhead { questions } => {
                    questions.iter().all(|q| ids.contains(q.as_str()))
                }
                W::Mock => todays.iter().any(|a| a.mock.is_some()),
                W::Story { .. } | W::Checklist { .. } => false,
            };
    }
}
