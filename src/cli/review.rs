//! `prep review`: what is due now and what comes due next, as text or JSON; and the start of
//! `prep drill --due` (what is due, most overdue first, or the practice order when nothing is).

use super::output::print_json;
use super::{Cli, Format, Out};
use prep_core::bank::{Bank, Filter};
use prep_core::review::{self, Due, Schedule};
use prep_core::stats::{SECS_PER_DAY, date_string, day_of};
use serde_json::{Value, json};
use std::process::ExitCode;

/// How many upcoming reviews the plain listing shows.
const UPCOMING_SHOWN: usize = 10;

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, format: Format, out: &Out) -> ExitCode {
    let (dir, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let sched = review::schedule(bank, &read.attempts, prep_core::clock::now_unix());
    // Questions a real interview's debrief showed are weak, not practised since.
    let fix = prep_core::debrief::fix_list_in(&dir, &read.attempts);
    if format == Format::Json {
        let mut v = to_json(bank, &sched);
        v["from_debriefs"] = json!(fix);
        print_json(w, &v);
    } else {
        plain(w, bank, &sched, out);
        if !fix.is_empty() {
            outln!(w);
            outln!(w, "From your debriefs, answer again: {}", fix.join(", "));
        }
    }
    ExitCode::SUCCESS
}

fn item(bank: &Bank, sched: &Schedule, d: &Due) -> Value {
    let q = &bank.questions[d.question];
    let card = sched.card(d.question);
    json!({
        "id": q.id,
        "section": q.section,
        "prompt": q.prompt,
        "due_at": d.due_at,
        "due_date": date_string(day_of(d.due_at)),
        "overdue_days": (d.overdue_days * 100.0).round() / 100.0,
        "reviews": card.map(|c| c.reviews),
        "last_review": card.map(|c| c.last_review),
        "last_score": card.map(|c| c.last_score),
        "last_rating": card.map(|c| c.last_rating),
        "stability_days": card.map(|c| (f64::from(c.stability) * 100.0).round() / 100.0),
        "difficulty": card.map(|c| (f64::from(c.difficulty) * 100.0).round() / 100.0),
    })
}

/// The `--format json` shape (documented in the README).
pub fn to_json(bank: &Bank, sched: &Schedule) -> Value {
    let next = sched.upcoming.first();
    let practice = sched.practice_order(bank, &Filter::default());
    json!({
        "now": sched.now,
        "practised": sched.cards.len(),
        "questions": bank.questions.len(),
        "due_count": sched.due.len(),
        "due": sched.due.iter().map(|d| item(bank, sched, d)).collect::<Vec<_>>(),
        "next_due_at": next.map(|d| d.due_at),
        "upcoming": sched.upcoming.iter().map(|d| item(bank, sched, d)).collect::<Vec<_>>(),
        "practice_next": practice
            .iter()
            .take(review::PRACTICE_BATCH)
            .map(|&i| bank.questions[i].id.clone())
            .collect::<Vec<_>>(),
    })
}

/// "3 days overdue", "5 h overdue", "in 2 days", "in 40 min" (days from a day and a half on).
pub fn when(secs_from_now: i64) -> String {
    let ago = secs_from_now < 0;
    let s = secs_from_now.unsigned_abs();
    let day = SECS_PER_DAY as u64;
    let text = if s >= day + day / 2 {
        format!("{} days", (s + day / 2) / day)
    } else if s >= 3600 {
        format!("{} h", s / 3600)
    } else {
        format!("{} min", s.div_ceil(60).max(1))
    };
    if ago {
        format!("{text} overdue")
    } else {
        format!("in {text}")
    }
}

fn plain(w: &mut String, bank: &Bank, sched: &Schedule, out: &Out) {
    let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    if sched.cards.is_empty() {
        outln!(
            w,
            "Nothing practised yet, so nothing is due. `prep drill --due` starts with questions not tried yet."
        );
        return;
    }
    let id_width = sched
        .due
        .iter()
        .chain(sched.upcoming.iter().take(UPCOMING_SHOWN))
        .map(|d| bank.questions[d.question].id.chars().count())
        .max()
        .unwrap_or(0);
    let row = |w: &mut String, d: &Due| {
        let q = &bank.questions[d.question];
        let last = sched
            .card(d.question)
            .map_or(String::new(), |c| format!("last {:>3.0}%", c.last_score));
        let head = format!(
            "  {}  {:<id_width$}  {:<16}  {last}  ",
            date_string(day_of(d.due_at)),
            q.id,
            when(d.due_at.saturating_sub(sched.now)),
        );
        let room = usize::from(out.width).saturating_sub(head.chars().count());
        outln!(w, "{head}{}", out.fit(&q.prompt, room.max(10)));
    };
    if sched.due.is_empty() {
        outln!(w, "Nothing is due.");
    } else {
        outln!(
            w,
            "{}",
            out.paint(
                &format!("Due now ({}), most overdue first", sched.due.len()),
                bold
            )
        );
        for d in &sched.due {
            row(w, d);
        }
    }
    if !sched.upcoming.is_empty() {
        outln!(w);
        outln!(w, "{}", out.paint("Coming up", bold));
        for d in sched.upcoming.iter().take(UPCOMING_SHOWN) {
            row(w, d);
        }
        let more = sched.upcoming.len().saturating_sub(UPCOMING_SHOWN);
        if more > 0 {
            outln!(w, "  … and {more} more");
        }
    }
    outln!(w);
    if sched.due.is_empty() {
        outln!(
            w,
            "`prep drill --due` practises weak questions first, then ones not tried yet."
        );
    } else {
        outln!(
            w,
            "`prep drill --due --count {}` drills them, most overdue first.",
            sched.due.len()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_reads_like_a_person_would_say_it() {
        assert_eq!(when(-3 * SECS_PER_DAY - 5), "3 days overdue");
        assert_eq!(when(-46 * 3600), "2 days overdue");
        assert_eq!(when(35 * 3600), "in 35 h");
        assert_eq!(when(5 * 3600 + 10), "in 5 h");
        assert_eq!(when(90), "in 2 min");
        assert_eq!(when(0), "in 1 min");
    }
}
