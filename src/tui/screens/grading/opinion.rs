//! The second opinion on the rubric: the grader command started when grading opens, its marks
//! beside the user's ticks (it never ticks for them), its summary at the top of the compare pane,
//! and what went wrong when it failed. The job reports through the event channel (`Msg::Background`).

use crate::tui::app::Ctx;
use prep_core::grader::{self, GraderError, Job, Request};
use prep_core::grades::SecondOpinion;
use prep_core::practice::{Answer, ChecklistItem};
use ratatui::text::Span;
use std::fmt::Write as _;

#[derive(Default)]
pub enum Opinion {
    /// No grader configured.
    #[default]
    None,
    Running(Job),
    Ready(SecondOpinion),
    Failed(String),
}

impl std::fmt::Debug for Opinion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Opinion::None => "None",
            Opinion::Running(_) => "Running",
            Opinion::Ready(_) => "Ready",
            Opinion::Failed(_) => "Failed",
        })
    }
}

impl Opinion {
    /// Start the configured grader on this answer (the notes are the answer's text for now).
    pub fn start(ctx: &Ctx, question: usize, answer: &Answer) -> Opinion {
        let Some(template) = ctx.grader.as_deref() else {
            return Opinion::None;
        };
        let q = &ctx.bank.questions[question];
        let request = Request::new(
            &ctx.bank,
            q,
            &answer.notes,
            false,
            (answer.spoken_secs, answer.limit_secs),
        );
        let notify = ctx.notify.clone();
        let job = grader::run(
            template,
            &request,
            None,
            ctx.grader_limit,
            Box::new(move || {
                if let Some(n) = &notify {
                    n();
                }
            }),
        );
        Opinion::Running(job)
    }

    /// Take the outcome if it has come; `Some(message)` for the status line when it just did.
    pub fn collect(&mut self) -> Option<(String, bool)> {
        let Opinion::Running(job) = self else {
            return None;
        };
        let outcome = job.take()?;
        let (next, said) = match outcome {
            Ok(o) => {
                let met = o.items.values().filter(|m| m.met).count();
                let said = format!("Second opinion in: {met} of {} marked met", o.items.len());
                (Opinion::Ready(o), (said, false))
            }
            Err(e) => (Opinion::Failed(message(&e)), (message(&e), true)),
        };
        *self = next;
        Some(said)
    }

    pub fn kept(&self) -> Option<SecondOpinion> {
        match self {
            Opinion::Ready(o) => Some(o.clone()),
            _ => None,
        }
    }

    /// The mark beside an item's tick: ` ✓`, ` ✗`, or blank when the grader said nothing.
    pub fn mark(&self, ctx: &Ctx, key: &str) -> Span<'static> {
        match self {
            Opinion::Ready(o) => match o.items.get(key) {
                Some(m) if m.met => Span::styled(" ✓", ctx.theme.good()),
                Some(_) => Span::styled(" ✗", ctx.theme.warn()),
                None => Span::raw("  "),
            },
            _ => Span::raw(""),
        }
    }

    pub fn mark_width(&self) -> u16 {
        if matches!(self, Opinion::Ready(_)) {
            2
        } else {
            0
        }
    }

    /// The compare pane's first part: the summary and the grader's reasons, item by item.
    pub fn markdown(&self, items: &[ChecklistItem]) -> String {
        let esc = prep_core::doc::escape;
        let mut md = String::from("## Second opinion\n\n");
        match self {
            Opinion::None => return String::new(),
            Opinion::Running(job) => {
                let _ = writeln!(
                    md,
                    "*Asking `{}`…* Grade on; its marks appear beside your ticks.\n",
                    job.program.replace('`', "'")
                );
            }
            Opinion::Failed(e) => {
                let _ = writeln!(md, "{}\n", esc(e));
            }
            Opinion::Ready(o) => {
                if !o.summary.is_empty() {
                    let _ = writeln!(md, "{}\n", esc(&o.summary));
                }
                for (n, item) in items.iter().enumerate() {
                    if let Some(m) = o.items.get(&item.key) {
                        let mark = if m.met { "✓ met" } else { "✗ not met" };
                        let why = if m.why.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", esc(&m.why))
                        };
                        let _ = writeln!(md, "- {}. {mark}{why}", n + 1);
                    }
                }
                md.push_str("\n✓/✗ beside a tick is the grader's mark; only your ticks count.\n\n");
            }
        }
        md
    }
}

fn message(e: &GraderError) -> String {
    format!("No second opinion: {e}")
}

#[cfg(test)]
mod tests;
