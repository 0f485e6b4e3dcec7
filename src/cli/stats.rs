//! `prep stats`: the figures the stats screen draws, as text or JSON.

use super::output::print_json;
use super::{Cli, Format, Out};
use prep_core::bank::Bank;
use std::process::ExitCode;

pub fn run(w: &mut String, cli: &Cli, bank: &Bank, format: Format, out: &Out) -> ExitCode {
    let (_, read) = match super::read_log(cli, "") {
        Ok(found) => found,
        Err(code) => return code,
    };
    let st = prep_core::stats::compute(bank, &read.attempts, prep_core::clock::now_unix());
    if format == Format::Json {
        let mut v = serde_json::to_value(&st).unwrap_or_default();
        // How answers were delivered (recorded or STAR-marked ones only).
        v["delivery"] = serde_json::to_value(prep_core::audio::trend::trend(&read.attempts))
            .unwrap_or_default();
        print_json(w, &v);
        return ExitCode::SUCCESS;
    }
    let pct = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{v:.0}%"));
    let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    outln!(w, "{}", out.paint("Practice", bold));
    outln!(w, "  attempts          {}", st.attempts);
    outln!(
        w,
        "  questions         {} practised of {}",
        st.practised_questions,
        bank.questions.len()
    );
    outln!(
        w,
        "  average score     {}  (technical {}, people {})",
        pct(st.average),
        st.weights.technical.long(),
        st.weights.people.long()
    );
    outln!(w, "  overtime rate     {}", pct(st.overtime_rate));
    if let Some(c) = prep_core::grades::calibration::summary(&st.calibration) {
        outln!(w, "  calibration       {c}");
    }
    outln!(w, "  streak            {} day(s)", st.streak_days);
    outln!(
        w,
        "  last practice     {}",
        st.last_practice.as_deref().unwrap_or("never")
    );
    outln!(w);
    outln!(w, "{}", out.paint("Sections", bold));
    let width = st
        .sections
        .iter()
        .map(|s| s.title.chars().count())
        .max()
        .unwrap_or(8);
    for s in &st.sections {
        let bar = prep_core::stats::progress_bar(s.practised, s.questions, 10);
        outln!(
            w,
            "  {:<width$}  {bar} {:>3}/{:<3}  {:>4}",
            s.title,
            s.practised,
            s.questions,
            pct(s.average)
        );
    }
    if !st.trend.is_empty() {
        outln!(w);
        outln!(
            w,
            "{}",
            out.paint("Daily average (last 14 days with practice)", bold)
        );
        for d in st.trend.iter().rev().take(14).rev() {
            let bar = "█".repeat((d.average / 5.0).round() as usize);
            outln!(
                w,
                "  {}  {:>4.0}%  {bar}  ({} attempt{})",
                d.date,
                d.average,
                d.attempts,
                if d.attempts == 1 { "" } else { "s" }
            );
        }
    }
    super::stats_delivery::print(w, &read.attempts, out);
    ExitCode::SUCCESS
}
