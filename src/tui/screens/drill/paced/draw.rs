//! Drawing the paced session: the prompt, the stage strip, the stage and session gauges, what to
//! cover in this stage and its notes box. Roomy above 30 rows; one-line gauges below.

use super::Paced;
use crate::tui::app::Ctx;
use crate::tui::screens::drill::DrillState;
use prep_core::practice::pace::Stage;
use prep_core::practice::{Clock, Phase, format_clock};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};
use std::time::Instant;

fn label(clock: &Clock, now: Instant, budget: &str) -> String {
    let left = clock.remaining_secs(now);
    let paused = if clock.is_paused() { " · paused" } else { "" };
    if left < 0 {
        format!("{} over {budget}{paused}", format_clock(left))
    } else {
        format!("{} left of {budget}{paused}", format_clock(left))
    }
}

fn gauge(f: &mut Frame, area: Rect, ctx: &Ctx, clock: &Clock, title: String, label: String) {
    let phase = clock.phase(ctx.now);
    let style = ctx.theme.clock(phase);
    // The gauge's own style keeps its label readable over the bar and over the track.
    let g = Gauge::default()
        .gauge_style(ctx.theme.clock_gauge(phase))
        .ratio(clock.ratio(ctx.now));
    if area.height >= 3 {
        let block = Block::bordered().title(title).title_style(style);
        f.render_widget(g.block(block).label(label), area);
    } else {
        let label = format!("{} · {label}", title.trim());
        f.render_widget(g.label(label), area);
    }
}

fn draw_strip(f: &mut Frame, area: Rect, p: &Paced, ctx: &Ctx) {
    let t = ctx.theme;
    let cells = Layout::horizontal([Constraint::Ratio(1, 6); 6])
        .spacing(1)
        .split(area);
    let (used, budget): (Vec<u64>, Vec<u64>) = (0..Stage::ALL.len())
        .map(|i| {
            let run = &p.pace.stages()[i];
            let budget = u64::from(run.suggested + run.extra);
            (p.pace.used(i, ctx.now).as_secs(), budget)
        })
        .unzip();
    let both = |i: usize| {
        format!(
            "{}/{}",
            format_clock(used[i] as i64),
            format_clock(budget[i] as i64)
        )
    };
    // One layout for the whole strip: used/planned when every cell has room, else used only.
    let room = cells
        .iter()
        .map(|c| usize::from(c.width))
        .min()
        .unwrap_or(0);
    let longest = (0..used.len()).map(|i| both(i).len()).max().unwrap_or(0);
    let narrow = room < longest;
    let (gap, indent) = match (narrow, room >= longest + 2) {
        (true, _) => ("", " "),
        (false, true) => (" ", "  "),
        (false, false) => (" ", ""),
    };
    for (i, (run, cell)) in p.pace.stages().iter().zip(cells.iter()).enumerate() {
        let current = i == p.pace.current();
        let marker = if current { "▸" } else { " " };
        let times = if narrow {
            format_clock(used[i] as i64)
        } else {
            both(i)
        };
        let times_style = if used[i] > budget[i] {
            t.bad()
        } else if used[i] == 0 && !current {
            t.dim()
        } else {
            ratatui::style::Style::new()
        };
        let text = Text::from(vec![
            Line::from(format!("{marker}{gap}{}", run.stage.short())),
            Line::styled(format!("{indent}{times}"), times_style),
        ]);
        let para = Paragraph::new(text);
        let para = if current {
            para.style(t.selected())
        } else {
            para
        };
        f.render_widget(para, *cell);
    }
}

/// What to cover in the current stage, then the question's own checks that belong to it, as
/// bullet lists with no blank lines between them (the 80×24 screen has little room).
fn cover_text(p: &Paced, width: u16, ctx: &Ctx) -> Text<'static> {
    let list = |items: &mut dyn Iterator<Item = &str>| {
        let md: String = items
            .map(|i| format!("- {}\n", prep_core::doc::escape(i)))
            .collect();
        let mut lines = crate::markdown::render(&md, width, ctx.theme.markdown()).lines;
        while lines.last().is_some_and(|l| l.width() == 0) {
            lines.pop();
        }
        lines
    };
    let mut lines = list(&mut p.pace.stage().stage.prompts().iter().copied());
    let checks = &p.checks[p.pace.current()];
    if !checks.is_empty() {
        lines.push(Line::styled(
            "This question's own checks:",
            ctx.theme.title(),
        ));
        lines.extend(list(&mut checks.iter().map(String::as_str)));
    }
    Text::from(lines)
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut DrillState, ctx: &Ctx) {
    let enter = super::super::enter_hint(s);
    let t = ctx.theme;
    let now = ctx.now;
    let q = &ctx.bank.questions[s.question()];
    let notes_focus = s.notes_focus;
    let (pos, len) = (s.pos, s.queue.len());
    let Some(p) = s.paced.as_deref_mut() else {
        return;
    };
    let compact = area.height < 30;
    let md = format!("**{}**", prep_core::doc::escape(&q.prompt));
    let prompt_text = crate::markdown::render(&md, area.width.max(1), t.markdown());
    let most = if compact { 3 } else { 4 };
    let prompt_h = u16::try_from(prompt_text.lines.len()).map_or(most, |h| h.clamp(1, most));
    let gauge_h = if compact { 1 } else { 3 };
    let [head, prompt, strip, stage_g, session_g, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(prompt_h + u16::from(!compact)),
        Constraint::Length(if compact { 2 } else { 3 }),
        Constraint::Length(gauge_h),
        Constraint::Length(gauge_h),
        Constraint::Min(0),
    ])
    .areas(area);

    let head_line = Line::from(vec![
        Span::styled(
            format!("Design session {pos_1}/{len}", pos_1 = pos + 1),
            t.title(),
        ),
        Span::styled(
            format!(" · {}", prep_core::doc::section_and_kind(&ctx.bank, q)),
            t.dim(),
        ),
    ]);
    let mut head_line = head_line;
    head_line.spans.extend(s.audio.badges(ctx));
    f.render_widget(Paragraph::new(head_line), head);
    f.render_widget(Paragraph::new(prompt_text.patch_style(t.title())), prompt);
    draw_strip(f, strip, p, ctx);

    let (i, run) = (p.pace.current(), p.pace.stage());
    let budget = format_clock(i64::from(run.suggested + run.extra));
    let mut stage_label = label(&run.clock, now, &budget);
    if run.clock.phase(now) == Phase::Overtime && i + 1 < Stage::ALL.len() {
        stage_label.push_str(" · ] next stage");
    }
    let title = format!(" Stage {}/6 · {} ", i + 1, run.stage.name());
    gauge(f, stage_g, ctx, &run.clock, title, stage_label);
    let session = p.pace.session();
    let mut session_label = label(
        session,
        now,
        &format_clock(session.limit().as_secs() as i64),
    );
    if session.phase(now) == Phase::Overtime {
        session_label.push_str(enter);
    }
    let title = match session.phase(now) {
        Phase::Calm => " Session ",
        Phase::Warning => " Session · wrap up ",
        Phase::Overtime => " Session · time is up ",
    };
    gauge(f, session_g, ctx, session, title.into(), session_label);

    let [cover, notes] = if body.width >= 100 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .spacing(1)
            .areas(body)
    } else {
        // A one-line box until there are notes, so the checks above keep the room.
        let rows = if notes_focus || !p.notes[p.pace.current()].is_empty() {
            5
        } else {
            3
        };
        let notes_h = rows.min(body.height / 2);
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_h)]).areas(body)
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(format!(" Cover in {} ", run.stage.name()))
        .title_style(t.title());
    let width = block.inner(cover).width.max(1);
    let text = cover_text(p, width, ctx);
    f.render_widget(Paragraph::new(text).block(block), cover);

    let name = p.pace.stage().stage.name();
    let title = if notes_focus {
        format!(" Notes · {name} (Esc when done) ")
    } else {
        format!(" Notes · {name} ")
    };
    let area_notes = p.current_notes();
    area_notes.set_block(Block::bordered().title(title).border_style(if notes_focus {
        t.key()
    } else {
        t.dim()
    }));
    area_notes.set_cursor_style(if notes_focus {
        t.selected()
    } else {
        ratatui::style::Style::new()
    });
    f.render_widget(&*area_notes, notes);
}
