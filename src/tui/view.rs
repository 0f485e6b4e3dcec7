//! Drawing the whole frame: the current screen, the status line, the footer of keys from the
//! keymap, the help overlay, and a short message when the window is too small.

use super::app::App;
use crate::keymap::{Hint, Mode, Role};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row, Table, Wrap};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(f: &mut Frame, app: &mut App) {
    draw_frame(f, app);
    super::scrub::scrub(f.buffer_mut());
}

fn draw_frame(f: &mut Frame, app: &mut App) {
    let area = f.area();
    let t = app.ctx.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Make the window larger: prep needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}.",
            area.width, area.height
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    // A long message (a file path and what went wrong) gets a second line rather than being cut.
    let status_len = app
        .ctx
        .status
        .as_ref()
        .map_or(0, |s| s.text.chars().count());
    let status_h = if status_len > usize::from(area.width) {
        2
    } else {
        1
    };
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_h),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(view) = app.stack.last_mut() {
        view.screen().draw(f, body, &app.ctx);
    }
    if let Some(s) = &app.ctx.status {
        let style = if s.error { t.bad() } else { t.good() };
        let text = crate::markdown::sanitize(&s.text).into_owned();
        f.render_widget(
            Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
            status,
        );
    }
    f.render_widget(
        Paragraph::new(footer_line(app.mode(), app, footer.width)),
        footer,
    );
    if app.help {
        draw_help(f, area, app);
    }
}

/// As many key hints as fit in `width`, in table order; "? help" always stays, last.
fn footer_line(mode: Mode, app: &App, width: u16) -> Line<'static> {
    let t = app.ctx.theme;
    let hints = app.ctx.keys.footer(mode);
    let (help, mut rest): (Vec<_>, Vec<_>) = hints.into_iter().partition(|h| h.role == Role::Help);
    let cost = |h: &Hint| h.keys.chars().count() + h.label.chars().count() + 4;
    let mut room = usize::from(width).saturating_sub(help.iter().map(cost).sum());
    // Short of room, the hints everyone guesses (open, back, quit) give way first, so the
    // screen's own features stay visible; then hints drop from the end.
    while rest.iter().map(cost).sum::<usize>() > room {
        let Some(i) = rest.iter().position(|h| h.role == Role::Known) else {
            break;
        };
        rest.remove(i);
    }
    let mut shown = Vec::new();
    for h in rest {
        if cost(&h) > room {
            break;
        }
        room -= cost(&h);
        shown.push(h);
    }
    shown.extend(help);
    let mut spans = Vec::new();
    for (i, h) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.dim()));
        }
        spans.push(Span::styled(h.keys, t.key()));
        spans.push(Span::raw(format!(" {}", h.label)));
    }
    Line::from(spans)
}

fn draw_help(f: &mut Frame, area: Rect, app: &App) {
    let t = app.ctx.theme;
    let mode = app.stack.last().map_or(Mode::Home, |v| v.mode());
    let mut rows: Vec<Row> = Vec::new();
    for (title, binds) in [
        ("This screen", app.ctx.keys.bindings(mode)),
        ("Everywhere", app.ctx.keys.global()),
    ] {
        rows.push(Row::new([Span::styled(title, t.title()), Span::raw("")]));
        // A binding whose keys a remap took is left out: no key does it now.
        for b in binds.iter().filter(|b| !b.keys.is_empty()) {
            rows.push(Row::new([
                Span::styled(format!("  {}", b.shown), t.key()),
                Span::raw(b.label),
            ]));
        }
    }
    let height = (rows.len() as u16 + 2).min(area.height);
    let width = 64.min(area.width);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    f.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(" Keys (? or Esc to close) ")
        .title_style(t.title());
    f.render_widget(
        Table::new(rows, [Constraint::Length(14), Constraint::Fill(1)]).block(block),
        popup,
    );
}
