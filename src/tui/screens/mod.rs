//! One file per screen. Each has a state type, `update` (action → transition) and `draw`.

pub mod drill;
pub mod guides;
pub mod home;
pub mod mock;
pub mod questions;
pub mod reader;
pub mod rubric;
pub mod search;
pub mod stats;
pub mod stories;

use super::app::{Ctx, Transition};
use super::keymap::{Action, Mode};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub enum View {
    Home(home::HomeState),
    Guides(guides::GuidesState),
    Questions(questions::QuestionsState),
    Reader(reader::ReaderState),
    Search(search::SearchState),
    Drill(Box<drill::DrillState>),
    Rubric(Box<rubric::RubricState>),
    Stats(stats::StatsState),
    Stories(Box<stories::StoriesState>),
    Mock(Box<mock::MockState>),
}

impl View {
    pub fn mode(&self) -> Mode {
        match self {
            View::Home(_) => Mode::Home,
            View::Guides(_) => Mode::Guides,
            View::Questions(_) => Mode::List,
            View::Reader(_) => Mode::Reader,
            View::Search(_) => Mode::Search,
            View::Drill(d) => drill::mode(d),
            View::Rubric(_) => Mode::Rubric,
            View::Stats(_) => Mode::Stats,
            View::Stories(s) => stories::mode(s),
            View::Mock(s) => mock::mode(s),
        }
    }

    pub fn update(&mut self, ctx: &mut Ctx, action: Action) -> Transition {
        match self {
            View::Home(s) => home::update(s, ctx, action),
            View::Guides(s) => guides::update(s, ctx, action),
            View::Questions(s) => questions::update(s, ctx, action),
            View::Reader(s) => reader::update(s, ctx, action),
            View::Search(s) => search::update(s, ctx, action),
            View::Drill(s) => drill::update(s, ctx, action),
            View::Rubric(s) => rubric::update(s, ctx, action),
            View::Stats(s) => stats::update(s, ctx, action),
            View::Stories(s) => stories::update(s, ctx, action),
            View::Mock(s) => mock::update(s, ctx, action),
        }
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        match self {
            View::Home(s) => home::draw(f, area, s, ctx),
            View::Guides(s) => guides::draw(f, area, s, ctx),
            View::Questions(s) => questions::draw(f, area, s, ctx),
            View::Reader(s) => reader::draw(f, area, s, ctx),
            View::Search(s) => search::draw(f, area, s, ctx),
            View::Drill(s) => drill::draw(f, area, s, ctx),
            View::Rubric(s) => rubric::draw(f, area, s, ctx),
            View::Stats(s) => stats::draw(f, area, s, ctx),
            View::Stories(s) => stories::draw(f, area, s, ctx),
            View::Mock(s) => mock::draw(f, area, s, ctx),
        }
    }

    /// A key that is text, in a screen that takes text.
    pub fn text_input(&mut self, ctx: &mut Ctx, key: KeyEvent) {
        match self {
            View::Search(s) => search::text_input(s, ctx, key),
            View::Drill(s) => drill::text_input(s, key),
            View::Stories(s) => stories::text_input(s, key),
            View::Mock(s) => mock::text_input(s, key),
            _ => {}
        }
    }

    /// What a left click at a cell means here.
    pub fn click(&mut self, column: u16, row: u16) -> Option<Action> {
        if let View::Mock(s) = self {
            return mock::click(s, column, row);
        }
        let nav = match self {
            View::Home(s) => &mut s.nav,
            View::Guides(s) => &mut s.nav,
            View::Questions(s) => &mut s.nav,
            View::Search(s) => &mut s.nav,
            View::Rubric(s) => &mut s.nav,
            View::Stories(s) if s.title.is_none() => &mut s.nav,
            _ => return None,
        };
        let row = nav.row_at(column, row)?;
        if nav.selected() == Some(row) {
            // A click on the selected row opens it (or ticks it, in the rubric).
            return Some(if matches!(self, View::Rubric(_)) {
                Action::Toggle
            } else {
                Action::Open
            });
        }
        nav.select(row);
        None
    }
}
