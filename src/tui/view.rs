//! Drawing the whole frame: the current screen, the status line, the footer of keys from the
//! keymap, the help overlay, and a short message when the window is too small.

use super::app::App;
use crate::keymap::{Hint, Mode, Role};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

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
    let total = rest.len();
    // When hints must go, a "…" (3 columns with its separator) says help has the rest.
    let fits = |hints: &[Hint], room: usize| hints.iter().map(cost).sum::<usize>() <= room;
    let room_all = usize::from(width).saturating_sub(help.iter().map(cost).sum());
    let mut room = if fits(&rest, room_all) {
        room_all
    } else {
        room_all.saturating_sub(4)
    };
    // Short of room, the hints everyone guesses (open, back, quit) give way first, so the
    // screen's own features stay visible; then hints drop from the end.
    while !fits(&rest, room) {
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
    if shown.len() < total {
        shown.push(Hint {
            keys: "…".into(),
            label: "",
            role: Role::Feature,
        });
    }
    shown.extend(help);
    let mut spans = Vec::new();
    for (i, h) in shown.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.dim()));
        }
        spans.push(Span::styled(h.keys, t.key()));
        if !h.label.is_empty() {
            spans.push(Span::raw(format!(" {}", h.label)));
        }
    }
    Line::from(spans)
}

/// Keys a text box understands (the notes box, search, a story's title), for help there.
const TYPING: &[(&str, &str)] = &[
    ("Ctrl-Z/Ctrl-U", "undo"),
    ("Ctrl-R", "redo"),
    ("Ctrl-W", "delete the word before the cursor"),
    ("Ctrl-K", "delete to the end of the line"),
    ("Ctrl-A/Ctrl-E", "start / end of the line"),
];

fn draw_help(f: &mut Frame, area: Rect, app: &mut App) {
    let t = app.ctx.theme;
    let mode = app.stack.last().map_or(Mode::Home, |v| v.mode());
    let keys = &app.ctx.keys;
    let row = |k: String, label: &str| {
        Line::from(vec![
            Span::styled(format!("  {k:<14}"), t.key()),
            Span::raw(format!(" {label}")),
        ])
    };
    let mut lines: Vec<Line> = Vec::new();
    for (title, binds) in [
        ("This screen", keys.bindings(mode)),
        ("Everywhere", keys.global()),
    ] {
        lines.push(Line::styled(title, t.title()));
        // A binding whose keys a remap took, or that a text box types, is left out.
        for b in binds.iter().filter(|b| keys.works_in(mode, b)) {
            let all: Vec<String> = b.keys.iter().map(crate::keymap::Key::shown).collect();
            lines.push(row(all.join("/"), b.label));
        }
    }
    if mode.takes_text() {
        lines.push(Line::styled("Typing", t.title()));
        lines.extend(TYPING.iter().map(|(k, l)| row((*k).to_string(), l)));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 72.min(area.width);
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
    app.help_scroll.draw(
        f,
        popup,
        block,
        &Text::from(lines),
        "j/k scroll",
        t.dim(),
        false,
    );
}
