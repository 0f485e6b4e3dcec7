//! What a screen asks for besides changing the screen stack: effects, returned as values from
//! `update` and `tick` and carried out in one place (`App::perform`), never flags on a shared
//! context for someone else to notice.

use super::screens::View;
use prep_core::storage::Attempt;
use std::path::PathBuf;

/// What a screen asks of the stack after an action.
pub enum Transition {
    Stay,
    Push(View),
    Pop,
    Replace(View),
    Quit,
}

/// Something only the app (or the terminal) can do.
#[derive(Debug)]
pub enum Effect {
    /// Ring the terminal bell.
    Bell,
    /// Ctrl-Z: hand the terminal back and stop until `fg`.
    Suspend,
    /// Open this story file in the user's editor, handing the terminal over until it exits.
    Edit(PathBuf),
    /// Append this graded attempt to the log; the screen hears whether it was saved.
    Save(Box<Attempt>),
}

/// A screen's answer to an action or a tick: where the stack goes, and what else must happen.
pub struct Step {
    pub transition: Transition,
    pub effects: Vec<Effect>,
}

impl Step {
    pub fn stay() -> Step {
        Transition::Stay.into()
    }

    /// Stay, and have `effect` carried out.
    pub fn effect(effect: Effect) -> Step {
        Step {
            transition: Transition::Stay,
            effects: vec![effect],
        }
    }
}

impl From<Transition> for Step {
    fn from(transition: Transition) -> Step {
        Step {
            transition,
            effects: Vec::new(),
        }
    }
}
