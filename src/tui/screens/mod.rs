//! The screens, one file or folder each, and the one interface the app drives them through.

pub mod debrief;
pub mod drill;
mod export;
pub mod grading;
pub mod guides;
pub mod home;
pub mod interview;
pub mod mock;
pub mod plan;
mod preview;
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
    /// The mouse wheel turned over (`column`, `row`): true when the screen scrolled the pane
    /// under the pointer, false to treat it as moving the selection.
    fn wheel(&mut self, _column: u16, _row: u16, _down: bool) -> bool {
        false
    }
    /// What quitting now would throw away ("this grading"), if anything: Ctrl-C then asks first.
    fn unsaved(&self) -> Option<&'static str> {
        None
    }
    /// Help opened (`on`) or closed over this screen: a running clock holds still meanwhile.
    fn hold(&mut self, _ctx: &mut Ctx, _on: bool) {}
    /// A background job this screen started (a grader command) has news for it.
    fn background(&mut self, _ctx: &mut Ctx) {}
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
    Interview(Box<interview::InterviewState>),
    Plan(plan::PlanState),
    Debrief(debrief::DebriefState),
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
            View::Interview(s) => s.as_mut(),
            View::Plan(s) => s,
            View::Debrief(s) => s,
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
            View::Interview(s) => s.as_ref(),
            View::Plan(s) => s,
            View::Debrief(s) => s,
        }
    }

    pub fn mode(&self) -> Mode {
        self.screen_ref().mode()
    }
}

/// A key typed into a text box: Ctrl-Z undoes (as in every editor, besides the box's own Ctrl-U),
/// everything else is the box's.
pub fn type_into(t: &mut ratatui_textarea::TextArea<'static>, key: crossterm::event::KeyEvent) {
    let ctrl = key
        .modifiers
        .contains(crossterm::event::KeyModifiers::CONTROL);
    if ctrl && key.code == crossterm::event::KeyCode::Char('z') {
        t.undo();
    } else {
        t.input(key);
    }
}
