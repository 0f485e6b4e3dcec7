//! Drawing the stories screen: header, list, lint panel, preview or coverage grid, title input.

use super::{Pane, StoriesState, lint_label};
use crate::tui::app::Ctx;
use crate::tui::theme::Theme;
use prep_core::stories::Story;
use prep_core::stories::lint::{Report, Severity};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Cell, Clear, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table,
    Wrap,
};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, area: Rect, s: &mut StoriesState, ctx: &Ctx) {
    let t = ctx.theme;
    let [head, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let bank = &ctx.stories;
    let to_fix: usize = s.reports.iter().map(Report::warnings).sum();
    let known = s.coverage.themes.iter().filter(|r| r.known).count();
    let mut spans = vec![
        Span::styled("Your stories", t.title()),
        Span::raw(format!(
            "  {} · {} · {} of {known} themes covered",
            count(bank.stories.len(), "story", "stories"),
            count(to_fix, "warning", "warnings"),
            s.coverage.covered()
        )),
    ];
    if !bank.problems.is_empty() {
        let n = bank.problems.len();
        spans.push(Span::styled(format!(" · {n} unreadable"), t.bad()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), head);

    let left_w = (main.width * 2 / 5).max(28).min(main.width);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(main);
    // The list takes what its rows need (up to half), the lint panel the rest.
    let rows = u16::try_from(s.nav.len.max(3)).unwrap_or(u16::MAX);
    let list_h = rows.saturating_add(2).min((left.height / 2).max(5));
    let [list, lint] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(3)]).areas(left);
    let lint_lines = lint_text(s, ctx);
    draw_list(f, list, s, ctx);
    // Wrapped, the findings may not fit: `]` and `[` scroll them, and the title says so.
    let text = Paragraph::new(lint_lines).wrap(Wrap { trim: false });
    s.lint_lines = text.line_count(lint.width.saturating_sub(2));
    s.lint_height = usize::from(lint.height.saturating_sub(2));
    s.lint_scroll = s
        .lint_scroll
        .min(s.lint_lines.saturating_sub(s.lint_height));
    let below = s.lint_lines.saturating_sub(s.lint_height + s.lint_scroll);
    let title = if below > 0 {
        format!(" Lint · ] {below} more ")
    } else if s.lint_scroll > 0 {
        " Lint · [ back up ".to_string()
    } else {
        " Lint ".to_string()
    };
    let block = Block::bordered().title(title).title_style(t.title());
    let scroll = u16::try_from(s.lint_scroll).unwrap_or(u16::MAX);
    f.render_widget(text.scroll((scroll, 0)).block(block), lint);
    draw_right(f, right, s, ctx);

    let heading = if s.renaming.is_some() {
        " Rename the story (Enter writes the new title, Esc cancels) "
    } else {
        " New story title (Enter writes it and opens your editor, Esc cancels) "
    };
    if let Some(input) = &mut s.title {
        let h = 3.min(main.height);
        let popup = Rect {
            y: main.bottom().saturating_sub(h),
            height: h,
            ..main
        };
        f.render_widget(Clear, popup);
        input.set_block(Block::bordered().title(heading).border_style(t.key()));
        input.set_cursor_style(t.selected());
        f.render_widget(&*input, popup);
    }
}

use crate::markdown::ellipsize as cut;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn draw_list(f: &mut Frame, area: Rect, s: &mut StoriesState, ctx: &Ctx) {
    let t = ctx.theme;
    let block = Block::bordered().title(" Stories ").title_style(t.title());
    let bank = &ctx.stories;
    if s.nav.len == 0 {
        let text = vec![
            Line::raw("No stories yet."),
            Line::raw(""),
            Line::from(vec![
                Span::styled("n", t.key()),
                Span::raw(" starts one from the STAR template and opens it in your editor."),
            ]),
        ];
        let p = Paragraph::new(text).wrap(Wrap { trim: true }).block(block);
        f.render_widget(p, area);
        return;
    }
    let constraints = [Constraint::Fill(1), Constraint::Length(10)];
    let w = crate::tui::cells::column_widths(&constraints, area.width.saturating_sub(2), 2);
    let mut rows: Vec<Row> = Vec::new();
    for (story, r) in bank.stories.iter().zip(&s.reports) {
        let (label, sev, ok) = lint_label(r);
        let style = match (ok, sev) {
            (true, _) => t.good(),
            (false, Severity::Warning) => t.warn(),
            (false, Severity::Note) => t.dim(),
        };
        let title = crate::markdown::sanitize(story.shown_title()).into_owned();
        rows.push(Row::new([
            Cell::from(crate::tui::cells::fit(&title, &w, 0)),
            Cell::from(Span::styled(label, style)),
        ]));
    }
    for p in &bank.problems {
        let name = std::path::Path::new(&p.file)
            .file_name()
            .map_or_else(|| p.file.clone(), |n| n.to_string_lossy().into_owned());
        let name = crate::markdown::sanitize(&name).into_owned();
        rows.push(Row::new([
            Cell::from(crate::tui::cells::fit(&name, &w, 0)),
            Cell::from(Span::styled("unreadable", t.bad())),
        ]));
    }
    let table = Table::new(rows, constraints)
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(block);
    s.nav.rows_area = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    f.render_stateful_widget(table, area, &mut s.nav.state);
}

/// The lint panel's lines for the selected row.
fn lint_text(s: &StoriesState, ctx: &Ctx) -> Vec<Line<'static>> {
    let t = ctx.theme;
    let bank = &ctx.stories;
    let Some(i) = s.nav.selected() else {
        return vec![Line::styled("Nothing to check yet.", t.dim())];
    };
    let Some(r) = s.reports.get(i) else {
        let Some(p) = bank.problems.get(i - bank.stories.len()) else {
            return Vec::new();
        };
        let msg = crate::markdown::sanitize(&p.message).into_owned();
        return vec![
            Line::styled(format!("line {}: {msg}", p.line), t.bad()),
            Line::styled("The file is kept as it is; e opens it to fix.", t.dim()),
        ];
    };
    let f = &r.figures;
    let pct = f.action_percent.map_or("–".into(), |p| format!("{p}%"));
    let mut lines = vec![Line::styled(
        format!(
            "Action {pct} of {} words · I {} / we {} · Situation {} sentence{}",
            f.words,
            f.i_count,
            f.we_count,
            f.situation_sentences,
            if f.situation_sentences == 1 { "" } else { "s" }
        ),
        t.dim(),
    )];
    if r.findings.is_empty() {
        lines.push(Line::styled("Reads like a strong STAR answer.", t.good()));
    }
    for x in &r.findings {
        let style = match x.severity {
            Severity::Warning => t.warn(),
            Severity::Note => t.dim(),
        };
        let msg = crate::markdown::sanitize(&x.message).into_owned();
        lines.push(Line::from(vec![
            Span::styled(format!("l.{} ", x.line), t.dim()),
            Span::styled(msg, style),
        ]));
    }
    lines
}

fn draw_right(f: &mut Frame, area: Rect, s: &mut StoriesState, ctx: &Ctx) {
    let t = ctx.theme;
    let (title, text) = match s.pane {
        Pane::Preview => (
            " Preview · c coverage ",
            preview(s, ctx, area.width.saturating_sub(3)),
        ),
        Pane::Coverage => (
            " Coverage · c preview ",
            grid(s, t, area.width.saturating_sub(3)),
        ),
    };
    let block = Block::bordered().title(title).title_style(t.title());
    let inner = block.inner(area);
    s.pane_lines = text.lines.len();
    s.pane_height = usize::from(inner.height);
    s.scroll = s.scroll.min(s.pane_lines.saturating_sub(s.pane_height));
    let scroll = u16::try_from(s.scroll).unwrap_or(u16::MAX);
    f.render_widget(Paragraph::new(text).scroll((scroll, 0)).block(block), area);
    if s.pane_lines > s.pane_height {
        let mut bar = ScrollbarState::new(s.pane_lines - s.pane_height).position(s.scroll);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            inner,
            &mut bar,
        );
    }
}

fn preview(s: &StoriesState, ctx: &Ctx, width: u16) -> Text<'static> {
    let Some(story) = s.nav.selected().and_then(|i| ctx.stories.stories.get(i)) else {
        return Text::styled("Select a story to read it here.", ctx.theme.dim());
    };
    crate::markdown::render(&story_markdown(story), width.max(1), ctx.theme.markdown())
}

fn story_markdown(story: &Story) -> String {
    let esc = prep_core::doc::escape;
    let list = |v: &[prep_core::stories::Placed]| {
        let items: Vec<String> = v.iter().map(|p| esc(&p.value)).collect();
        items.join(", ")
    };
    let mut md = format!("# {}\n\n", esc(story.shown_title()));
    let mut meta = Vec::new();
    for (what, v) in [
        ("themes", &story.themes),
        ("roles", &story.roles),
        ("answers", &story.questions),
    ] {
        if !v.is_empty() {
            meta.push(format!("*{what}:* {}", list(v)));
        }
    }
    if !meta.is_empty() {
        md.push_str(&meta.join(" · "));
        md.push_str("\n\n");
    }
    md.push_str(&story.body);
    md
}

/// The coverage grid: one row per theme, one column per story (the selected one bright), and for
/// an empty theme how many bank questions need it.
fn grid(s: &StoriesState, t: Theme, width: u16) -> Text<'static> {
    let c = &s.coverage;
    let selected = s.nav.selected();
    let label_w = c
        .themes
        .iter()
        .map(|r| r.label.width())
        .max()
        .unwrap_or(8)
        .min(28)
        .min(usize::from(width) * 2 / 5);
    let cells = usize::from(width).saturating_sub(label_w + 2 + 12) / 2;
    let n = c.stories.len().min(cells.max(1));
    let known = c.themes.iter().filter(|r| r.known).count();
    let mut lines = vec![
        Line::styled(
            format!("{} of {known} themes have a story", c.covered()),
            t.title(),
        ),
        Line::styled("Empty ones: how many questions want one", t.dim()),
    ];
    let mut own = false;
    for r in &c.themes {
        if !r.known && !own {
            own = true;
            lines.push(Line::raw(""));
            lines.push(Line::styled("Your own themes", t.title()));
        }
        let label = cut(&r.label, label_w);
        let empty = r.known && r.is_empty();
        let pad = " ".repeat(label_w.saturating_sub(label.width()) + 2);
        let mut spans = vec![Span::styled(
            format!("{label}{pad}"),
            if empty {
                t.warn()
            } else {
                ratatui::style::Style::new()
            },
        )];
        for i in 0..n {
            let mark = if r.stories.contains(&i) {
                "● "
            } else {
                "· "
            };
            let style = if Some(i) == selected {
                t.key()
            } else {
                t.dim()
            };
            spans.push(Span::styled(mark, style));
        }
        if empty {
            let q = r.questions.len();
            spans.push(Span::styled(
                format!(" {}", count(q, "question", "questions")),
                t.warn(),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "● has the theme · one column per story, in list order",
        t.dim(),
    ));

    if n < c.stories.len() {
        lines.push(Line::styled(
            format!(
                "{} more stories do not fit this width.",
                c.stories.len() - n
            ),
            t.dim(),
        ));
    }
    Text::from(lines)
}
