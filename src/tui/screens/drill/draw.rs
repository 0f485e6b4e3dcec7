//! Drawing the short drill: the prompt, the clock gauge, a follow-up on its own clock, the notes
//! box (a paced session draws itself, in `paced/draw.rs`).

use super::{DrillState, enter_hint, paced, ready};
use crate::tui::app::Ctx;
use prep_core::practice::{Clock, Phase, format_clock};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

fn clock_label(clock: &Clock, now: std::time::Instant) -> String {
    let left = clock.remaining_secs(now);
    let paused = if clock.is_paused() { " · paused" } else { "" };
    if left < 0 {
        format!("{} over time{paused}", format_clock(left))
    } else {
        format!("{} left{paused}", format_clock(left))
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut DrillState, ctx: &Ctx) {
    if s.paced.is_some() {
        paced::draw(f, area, s, ctx);
    } else {
        draw_short(f, area, s, ctx);
    }
    if s.waiting {
        ready::draw(f, area, s, ctx);
    }
}

fn draw_short(f: &mut Frame, area: Rect, s: &mut DrillState, ctx: &Ctx) {
    let t = ctx.theme;
    let now = ctx.now;
    let q = &ctx.bank.questions[s.question()];
    let notes_h = if s.notes_focus || !s.notes.is_empty() {
        7.min(area.height / 3)
    } else {
        0
    };
    let follow_h = if s.follow_up.is_some() { 4 } else { 0 };
    // A behavioural question offers the user's stories for it on a second line.
    let stories_hint = crate::tui::screens::stories::drill_hint(ctx, q);
    let [head, prompt, gauge, follow, notes] = Layout::vertical([
        Constraint::Length(1 + u16::from(stories_hint.is_some())),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(follow_h),
        Constraint::Length(notes_h),
    ])
    .areas(area);

    let head_line = Line::from(vec![
        Span::styled(format!("Drill {}/{}", s.pos + 1, s.queue.len()), t.title()),
        Span::styled(
            format!(" · {}", prep_core::doc::section_and_kind(&ctx.bank, q)),
            t.dim(),
        ),
    ]);
    let mut head_line = head_line;
    head_line.spans.extend(s.audio.badges(ctx));
    f.render_widget(Paragraph::new(head_line), head);
    if let Some(hint) = stories_hint {
        let row = Rect {
            y: head.y + 1,
            height: 1,
            ..head
        };
        f.render_widget(Paragraph::new(hint), row);
    }

    // The prompt, centred both ways, with room around it.
    let inner = Rect {
        x: prompt.x + prompt.width / 10,
        width: prompt.width - prompt.width / 5,
        ..prompt
    };
    let md = format!("**{}**", prep_core::doc::escape(&q.prompt));
    let text =
        crate::markdown::render(&md, inner.width.max(1), t.markdown()).patch_style(t.title());
    let lines = u16::try_from(text.lines.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let top = inner.y + (inner.height - lines) / 2;
    f.render_widget(
        Paragraph::new(text).alignment(Alignment::Center),
        Rect {
            y: top,
            height: lines,
            ..inner
        },
    );

    let phase = s.clock.phase(now);
    let mut label = clock_label(&s.clock, now);
    if phase == Phase::Overtime {
        label.push_str(enter_hint(s));
    }
    let title = match phase {
        Phase::Calm => " Time ",
        Phase::Warning => " Wrap up ",
        Phase::Overtime => " Time is up ",
    };
    let gauge_widget = Gauge::default()
        .block(Block::bordered().title(title).title_style(t.clock(phase)))
        .gauge_style(t.clock_gauge(phase))
        .ratio(s.clock.ratio(now))
        .label(label);
    f.render_widget(gauge_widget, gauge);

    if let Some((i, clock)) = &s.follow_up {
        let body = crate::markdown::sanitize(&q.follow_ups[*i]).into_owned();
        let block = Block::bordered()
            .title(format!(" Follow-up {}/{} ", i + 1, q.follow_ups.len()))
            .title_bottom(format!(" {} ", clock_label(clock, now)))
            .title_style(t.key())
            .border_style(t.clock(clock.phase(now)));
        f.render_widget(
            Paragraph::new(body).wrap(Wrap { trim: true }).block(block),
            follow,
        );
    }

    if notes_h > 0 {
        let style = if s.notes_focus { t.key() } else { t.dim() };
        let title = if s.notes_focus {
            " Notes (Esc when done) "
        } else {
            " Notes "
        };
        s.notes.set_block(
            Block::new()
                .borders(Borders::ALL)
                .title(title)
                .border_style(style),
        );
        s.notes.set_cursor_style(if s.notes_focus {
            t.selected()
        } else {
            ratatui::style::Style::new()
        });
        f.render_widget(&s.notes, notes);
    }
}
