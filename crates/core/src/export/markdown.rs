//! The export as a Markdown report a user can read or print before the interview: where they
//! stand, per section, the rubric items they keep missing, their latest mock loops, their stories
//! with what the STAR lint says, and their recent answers with the notes they typed.

use super::Export;
use crate::bank::Bank;
use crate::days::Zone;
use crate::doc::escape;
use crate::practice::format_clock;
use std::fmt::Write as _;

/// Recent attempts and mock reports the Markdown report shows (the JSON has them all).
const RECENT: usize = 20;
const MOCKS: usize = 5;

fn pct(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| format!("{v:.0}%"))
}

/// Text as a Markdown block quote, every line kept (a hard break ends each).
/// The report, with its times in the user's zone.
pub fn export_markdown(bank: &Bank, e: &Export) -> String {
    export_markdown_in(bank, e, Zone::local())
}

/// [`export_markdown`] with its times in `zone`, which the report names.
pub fn export_markdown_in(bank: &Bank, e: &Export, zone: &Zone) -> String {
    let mut md = String::new();
    let s = &e.summary;
    md.push_str("# Interview practice report\n\n");
    let _ = writeln!(
        md,
        "Made {} ({}) from {} attempt{} at {} of {} questions.\n",
        zone.date_time(e.generated_at),
        zone.name(),
        s.attempts,
        if s.attempts == 1 { "" } else { "s" },
        s.practised_questions,
        s.questions
    );
    let _ = writeln!(
        md,
        "- Average score: **{}** (technical judgement {}, people leadership {})\n\
         - Answers over time: {}\n\
         - Streak: {} day{}; last practice {}\n",
        pct(s.average),
        s.weights.technical.long(),
        s.weights.people.long(),
        pct(s.overtime_rate),
        s.streak_days,
        if s.streak_days == 1 { "" } else { "s" },
        s.last_practice.as_deref().unwrap_or("never"),
    );

    md.push_str("## Progress by section\n\n");
    md.push_str("| Section | Practised | Attempts | Latest average |\n|---|---|---|---|\n");
    for sec in &e.sections {
        let _ = writeln!(
            md,
            "| {} | {} of {} | {} | {} |",
            escape(&sec.title),
            sec.practised,
            sec.questions,
            sec.attempts,
            pct(sec.average)
        );
    }
    md.push('\n');

    md.push_str("## Weakest rubric items\n\n");
    if e.weakest.is_empty() {
        md.push_str("Nothing graded yet, or nothing left unticked.\n\n");
    } else {
        md.push_str("Counted over the latest answer to each question.\n\n");
    }
    for (i, m) in e.weakest.iter().enumerate() {
        let _ = writeln!(
            md,
            "{}. {} (missed {} of {}, {})",
            i + 1,
            escape(&m.text),
            m.missed,
            m.of,
            m.axis.as_str()
        );
    }
    if !e.weakest.is_empty() {
        md.push('\n');
    }

    if !e.mocks.is_empty() {
        md.push_str("## Mock loops\n\n");
        for r in e.mocks.iter().take(MOCKS) {
            md.push_str(&crate::mock::report_markdown(bank, r, 3));
        }
    }

    if let Some(stories) = &e.stories {
        md.push_str("## Stories\n\n");
        if stories.is_empty() {
            md.push_str("No stories yet: `prep stories new` starts one.\n\n");
        }
        for st in stories {
            let _ = writeln!(md, "### {}\n", escape(&crate::text::clean_line(&st.title)));
            if !st.themes.is_empty() {
                let _ = writeln!(md, "Themes: {}\n", escape(&st.themes.join(", ")));
            }
            for sec in &st.sections {
                let _ = writeln!(md, "**{}.** {}\n", escape(&sec.heading), escape(&sec.text));
            }
            if st.findings.is_empty() {
                md.push_str("STAR lint: nothing to fix.\n\n");
            } else {
                md.push_str("STAR lint:\n\n");
                for f in &st.findings {
                    let _ = writeln!(md, "- line {}: {}", f.line, escape(&f.message));
                }
                md.push('\n');
            }
        }
    }

    md.push_str("## Recent attempts\n\n");
    if e.attempts.is_empty() {
        md.push_str("None yet: `prep drill` starts one.\n\n");
    }
    for a in e.attempts.iter().rev().take(RECENT) {
        let _ = writeln!(
            md,
            "### {} · {} · {:.0}%\n",
            zone.date_time(a.at),
            escape(&a.question),
            a.score
        );
        if let Some(q) = bank.question(&a.question) {
            let _ = writeln!(md, "*{}*\n", escape(&q.prompt));
        }
        let mut facts = vec![format!(
            "spoke {} of {}",
            format_clock(i64::from(a.spoken)),
            format_clock(i64::from(a.time_limit))
        )];
        let w = crate::grades::axes(bank, a);
        facts.push(format!("technical {}", w.technical.single()));
        facts.push(format!("people {}", w.people.single()));
        facts.push(format!("{} of {} items ticked", a.checked.len(), a.items));
        if let Some(m) = &a.mock {
            facts.push(format!("in {}", escape(m)));
        }
        let _ = writeln!(md, "{}\n", facts.join(" · "));
        if let Some(d) = a.delivery.as_ref().filter(|d| !d.is_empty()) {
            let _ = writeln!(md, "Delivery: {}\n", delivery(d).join(" · "));
        }
        if !a.notes.trim().is_empty() {
            md.push_str("Notes:\n\n");
            for line in crate::doc::notes_markdown(&a.notes, 5).lines() {
                let _ = writeln!(md, "> {line}");
            }
            md.push('\n');
        }
    }
    // Nothing from a bank, a story, a note or the log reaches a terminal as a control code.
    let md = crate::text::clean(&md);
    crate::text::defuse_entities(&md).into_owned()
}

/// The figures measured from an answer's recording and transcript, as short phrases.
fn delivery(d: &crate::audio::Delivery) -> Vec<String> {
    let clock = |secs: f64| format_clock(secs.round() as i64);
    let mut facts = Vec::new();
    if let Some(a) = &d.audio {
        facts.push(format!(
            "spoke {} of {} recorded",
            clock(a.speaking),
            clock(a.seconds)
        ));
        if let Some(first) = a.first_word {
            facts.push(format!("first word after {first:.1} s"));
        }
        facts.push(match a.pauses {
            0 => "no pause of 2 s or more".to_string(),
            1 => format!("1 pause of 2 s or more ({:.1} s)", a.longest_pause),
            n => format!(
                "{n} pauses of 2 s or more (longest {:.1} s)",
                a.longest_pause
            ),
        });
    }
    if let Some(s) = &d.speech {
        facts.push(format!("{} words, {} a minute", s.words, s.wpm));
        facts.push(format!("\"I\" {} times, \"we\" {}", s.i_count, s.we_count));
        facts.push(format!("{} fillers, {} hedges", s.fillers, s.hedges));
    }
    if let Some(share) = d.action_percent() {
        facts.push(format!("Action {share}% of the answer"));
    }
    facts
}
