//! The guides, in reading order: how the loop is scored, the design spine, STAR, and the rest.

use super::{Screen, View, reader};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::nav::Nav;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

pub struct GuidesState {
    pub nav: Nav,
}

impl GuidesState {
    pub fn new(ctx: &Ctx) -> Self {
        GuidesState {
            nav: Nav::new(ctx.bank.guides.len()),
        }
    }
}

pub fn update(s: &mut GuidesState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.nav.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::Open => s.nav.selected().map_or(Transition::Stay, |i| {
            Transition::Push(View::Reader(reader::ReaderState::guide(i)))
        }),
        Action::Drill | Action::DrillAll => {
            ctx.info("Guides are for reading; drill from a section instead");
            Transition::Stay
        }
        Action::Back => Transition::Pop,
        _ => Transition::Stay,
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut GuidesState, ctx: &Ctx) {
    let t = ctx.theme;
    let constraints = [Constraint::Percentage(35), Constraint::Fill(1)];
    let w = crate::tui::cells::column_widths(&constraints, area.width, 2);
    let rows = ctx.bank.guides.iter().map(|g| {
        Row::new(vec![
            Cell::from(crate::tui::cells::fit(&g.title, &w, 0)),
            Cell::from(crate::tui::cells::fit(&g.summary, &w, 1)),
        ])
    });
    let table = Table::new(rows, constraints)
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Guides ")
                .title_style(t.title()),
        );
    s.nav.rows_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    f.render_stateful_widget(table, area, &mut s.nav.state);
}

impl Screen for GuidesState {
    fn mode(&self) -> Mode {
        Mode::Guides
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
