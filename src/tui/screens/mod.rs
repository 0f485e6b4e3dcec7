//! The screens, one file or folder each, and the one interface the app drives them through.

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

use super::app::Ctx;
use super::effect::Step;
use super::nav::Nav;
use crate::keymap::{Action, Mode};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::path::Path;
use std::time::Duration;

/// What every screen offers the app. Only `mode`, `update` and `draw` are required; the rest
/// have defaults for screens without a clock, a list, text input or background work.
pub trait Screen {
    /// Which key table applies now.
    fn mode(&self) -> Mode;
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step;
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx);
    /// The clock moved on (only called while [`Screen::running`] or a message is timed).
    fn tick(&mut self, _ctx: &mut Ctx) -> Step {
        Step::stay()
    }
    /// Does anything on this screen change with time alone?
    fn running(&self) -> bool {
        false
    }
    /// The list a click selects in, if the screen has one.
    fn nav(&mut self) -> Option<&mut Nav> {
        None
    }
    /// A key that is text, in a mode that takes text.
    fn text_input(&mut self, _ctx: &mut Ctx, _key: KeyEvent) {}
    /// Search results have arrived; a screen that did not ask for them lets them go.
    fn search_results(&mut self, ctx: &mut Ctx) {
        drop(ctx.search.take(Duration::ZERO));
    }
    /// The attempt this screen asked to save was saved (`true`) or not (the log said why).
    fn saved(&mut self, _ctx: &mut Ctx, _saved: bool) -> Step {
        Step::stay()
    }
    /// The editor this screen opened on `path` has closed.
    fn edited(&mut self, _ctx: &mut Ctx, _path: &Path) {}
    /// A recorder, player or transcriber this screen started has news.
    fn audio(&mut self, _ctx: &mut Ctx, _ev: &prep_core::audio::process::Event) -> Step {
        Step::stay()
    }
}

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
    /// The screen behind the view; the one place that names every screen.
    pub fn screen(&mut self) -> &mut dyn Screen {
        match self {
            View::Home(s) => s,
            View::Guides(s) => s,
            View::Questions(s) => s,
            View::Reader(s) => s,
            View::Search(s) => s,
            View::Drill(s) => s.as_mut(),
            View::Rubric(s) => s.as_mut(),
            View::Stats(s) => s,
            View::Stories(s) => s.as_mut(),
            View::Mock(s) => s.as_mut(),
        }
    }

    /// The same, to read.
    pub fn screen_ref(&self) -> &dyn Screen {
        match self {
            View::Home(s) => s,
            View::Guides(s) => s,
            View::Questions(s) => s,
            View::Reader(s) => s,
            View::Search(s) => s,
            View::Drill(s) => s.as_ref(),
            View::Rubric(s) => s.as_ref(),
            View::Stats(s) => s,
            View::Stories(s) => s.as_ref(),
            View::Mock(s) => s.as_ref(),
        }
    }

    pub fn mode(&self) -> Mode {
        self.screen_ref().mode()
    }
}
