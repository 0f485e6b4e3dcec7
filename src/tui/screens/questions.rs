//! A section's questions (or the whole bank): kind, time, last score and prompt, with filters by
//! kind, role and tag that cycle through the values present.

use super::{Screen, View, drill, reader};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::nav::Nav;
use prep_core::bank::{Filter, Kind, Role, format_duration};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

pub struct QuestionsState {
    pub filter: Filter,
    /// Indices into the bank's questions, as shown.
    pub items: Vec<usize>,
    pub nav: Nav,
    /// Tags present in the section, most used first.
    tags: Vec<String>,
    /// Kinds and roles present in the section, so a filter never cycles to an empty list.
    kinds: Vec<Kind>,
    roles: Vec<Role>,
    /// The `/` filter box while it is being typed in.
    pub typing: Option<Box<ratatui_textarea::TextArea<'static>>>,
    /// The text filter kept (Enter in the box), lower case; empty: none.
    pub text: String,
}

impl QuestionsState {
    pub fn new(ctx: &Ctx, section: Option<String>) -> Self {
        let base = Filter {
            section,
            ..Default::default()
        };
        let mut counts: Vec<(String, usize)> = Vec::new();
        for q in ctx.bank.filter(&base) {
            for t in &q.tags {
                match counts.iter_mut().find(|(x, _)| x == t) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((t.to_string(), 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let present =
            |has: &dyn Fn(&prep_core::bank::Question) -> bool| ctx.bank.filter(&base).any(has);
        let kinds = Kind::ALL
            .iter()
            .copied()
            .filter(|k| present(&|q| q.kind == *k))
            .collect();
        let roles = Role::ALL
            .iter()
            .copied()
            .filter(|r| present(&|q| q.roles.contains(r)))
            .collect();
        let mut s = QuestionsState {
            filter: base,
            items: Vec::new(),
            nav: Nav::new(0),
            tags: counts.into_iter().map(|(t, _)| t).collect(),
            kinds,
            roles,
            typing: None,
            text: String::new(),
        };
        s.refresh(ctx);
        s
    }

    /// The text the list is narrowed by: what is being typed, else what was kept.
    fn needle(&self) -> String {
        match &self.typing {
            Some(t) => t.lines().join(" ").trim().to_lowercase(),
            None => self.text.clone(),
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let needle = self.needle();
        self.items = ctx
            .bank
            .filter(&self.filter)
            .filter(|q| matches_text(q, &needle))
            .filter_map(|q| ctx.bank.question_index(&q.id))
            .collect();
        self.nav.set_len(self.items.len());
    }

    pub fn selected_question(&self) -> Option<usize> {
        self.nav.selected().map(|i| self.items[i])
    }
}

/// Whether a question's id, prompt or a tag holds `needle` (lower case), ignoring case.
fn matches_text(q: &prep_core::bank::Question, needle: &str) -> bool {
    needle.is_empty()
        || q.id.to_lowercase().contains(needle)
        || q.prompt.to_lowercase().contains(needle)
        || q.tags.iter().any(|t| t.to_lowercase().contains(needle))
}

/// A key in the filter box: Enter keeps the text, Esc clears it; both give the keys back.
fn update_typing(s: &mut QuestionsState, ctx: &Ctx, action: Action) -> Transition {
    match action {
        Action::Open => s.text = s.needle(),
        Action::Back => s.text.clear(),
        _ => return Transition::Stay,
    }
    s.typing = None;
    s.refresh(ctx);
    Transition::Stay
}

/// The next value after `cur` in `all`, then none, then the first again.
fn cycle<T: Clone + PartialEq>(all: &[T], cur: &Option<T>) -> Option<T> {
    match cur {
        None => all.first().cloned(),
        Some(c) => all
            .iter()
            .position(|x| x == c)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

pub fn update(s: &mut QuestionsState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.typing.is_some() {
        return update_typing(s, ctx, action);
    }
    if s.nav.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::Open => match s.selected_question() {
            Some(q) => Transition::Push(View::Reader(reader::ReaderState::question(q))),
            None => Transition::Stay,
        },
        Action::Filter => {
            let mut input = ratatui_textarea::TextArea::default();
            input.insert_str(&s.text);
            s.typing = Some(Box::new(input));
            Transition::Stay
        }
        Action::Drill => drill::start(ctx, s.selected_question().into_iter().collect()),
        Action::DrillAll => {
            let mut pool = s.items.clone();
            ctx.rng.shuffle(&mut pool);
            drill::start(ctx, pool)
        }
        Action::CycleKind | Action::CycleRole | Action::CycleTag | Action::ClearFilters => {
            match action {
                Action::CycleKind => s.filter.kind = cycle(&s.kinds, &s.filter.kind),
                Action::CycleRole => s.filter.role = cycle(&s.roles, &s.filter.role),
                Action::CycleTag => s.filter.tag = cycle(&s.tags, &s.filter.tag),
                _ => {
                    (s.filter.kind, s.filter.role, s.filter.tag) = (None, None, None);
                    s.text.clear();
                }
            }
            s.refresh(ctx);
            Transition::Stay
        }
        Action::Back => Transition::Pop,
        _ => Transition::Stay,
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut QuestionsState, ctx: &Ctx) {
    let area = if area.width >= super::preview::MIN_WIDTH {
        let [list, pane] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(area);
        let selected = s.nav.selected().and_then(|i| s.items.get(i).copied());
        super::preview::draw(f, pane, ctx, selected);
        list
    } else {
        area
    };
    let t = ctx.theme;
    let area = match &s.typing {
        Some(input) if area.height > 3 => {
            let [list, bottom] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            let line = Line::from(vec![
                Span::styled("/", t.key()),
                Span::raw(input.lines().join(" ")),
                Span::styled("█", t.dim()),
            ]);
            f.render_widget(line, bottom);
            list
        }
        _ => area,
    };
    let title = s
        .filter
        .section
        .as_deref()
        .and_then(|id| ctx.bank.section(id))
        .map_or("All questions", |sec| sec.title.as_ref());
    let mut filters = Vec::new();
    if let Some(k) = s.filter.kind {
        filters.push(format!("kind: {}", k.label()));
    }
    if let Some(r) = s.filter.role {
        filters.push(format!("role: {}", r.label()));
    }
    if let Some(tag) = &s.filter.tag {
        filters.push(format!("tag: {tag}"));
    }
    if s.typing.is_none() && !s.text.is_empty() {
        filters.push(format!("filter: {}", s.text));
    }
    let mut head = vec![
        Span::styled(format!(" {title} "), t.title()),
        Span::styled(format!("{} shown ", s.items.len()), t.dim()),
    ];
    if !filters.is_empty() {
        head.push(Span::styled(format!("[{}] ", filters.join(", ")), t.key()));
    }
    // Questions due for review carry a mark after their last score.
    let sched = ctx.schedule();
    let due = s.items.iter().filter(|&&i| sched.is_due(i)).count();
    if due > 0 {
        head.push(Span::styled(format!("{due} due • "), t.warn()));
    }
    let widths = [
        Constraint::Length(15),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Fill(1),
    ];
    let w = crate::tui::cells::column_widths(&widths, area.width, 2);
    let rows = s.items.iter().map(|&i| {
        let q = &ctx.bank.questions[i];
        let score = ctx
            .last_score(&q.id)
            .map_or(Span::styled("  –", t.dim()), |x| {
                Span::styled(format!("{x:>3.0}%"), t.score(x))
            });
        Row::new(vec![
            Cell::from(q.kind.label()),
            Cell::from(format!("{:>5}", format_duration(q.time.into()))),
            Cell::from(Line::from(if sched.is_due(i) {
                vec![score, Span::styled("•", t.warn())]
            } else {
                vec![score]
            })),
            Cell::from(crate::tui::cells::fit(&q.prompt, &w, 3)),
        ])
    });
    let mut block = Block::new().borders(Borders::TOP).title(Line::from(head));
    if s.items.is_empty() {
        block = block.title_bottom(Span::styled(
            " Nothing matches these filters: x clears them ",
            t.warn(),
        ));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(["Kind", "Time", "Last", "Prompt"]).style(t.dim()))
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(block);
    s.nav.rows_area = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    f.render_stateful_widget(table, area, &mut s.nav.state);
}

impl Screen for QuestionsState {
    fn mode(&self) -> Mode {
        if self.typing.is_some() {
            Mode::ListFilter
        } else {
            Mode::List
        }
    }
    fn text_input(&mut self, ctx: &mut Ctx, key: crossterm::event::KeyEvent) {
        if let Some(input) = &mut self.typing {
            super::type_into(input, key);
            self.refresh(ctx);
        }
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        Some(&mut self.nav)
    }
}

#[cfg(test)]
#[path = "questions_filter_tests.rs"]
mod filter_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_walks_every_value_then_none() {
        let all = [1, 2, 3];
        let mut cur = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            cur = cycle(&all, &cur);
            seen.push(cur);
        }
        assert_eq!(seen, vec![Some(1), Some(2), Some(3), None]);
    }
}
