//! One table of keys per mode. Input handling, the footer hints and the help overlay are all read
//! from these tables, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Everything a key (or the clock, or the mouse) can ask the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Suspend,
    Search,
    Help,
    Stats,
    Guides,
    /// Drill the selection.
    Drill,
    /// Drill everything under the current filter, shuffled.
    DrillAll,
    /// Drill what is due for review (or the practice order when nothing is).
    DrillDue,
    Toggle,
    /// Toggle checklist item n (0-based).
    ToggleItem(usize),
    Save,
    Discard,
    Pause,
    MoreTime,
    LessTime,
    Notes,
    FollowUp,
    Bell,
    CycleKind,
    CycleRole,
    CycleTag,
    ClearFilters,
    /// Stories: open the screen, start a story, edit the selection, switch preview/coverage.
    Stories,
    NewStory,
    EditStory,
    Coverage,
    /// Stories: scroll the lint panel.
    LintDown,
    LintUp,
    /// Paced design session: the next stage, the previous one, one more minute for this one.
    NextStage,
    PrevStage,
    ExtendStage,
    /// Start a mock loop (from Home).
    Mock,
}

/// Which table applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Home,
    Guides,
    List,
    Reader,
    Search,
    Drill,
    Notes,
    Rubric,
    Stats,
    Help,
    /// The story bank; `StoryTitle` while typing a new story's title.
    Stories,
    StoryTitle,
    /// A paced system-design session (the drill of a long design question).
    Paced,
    /// A mock loop: choosing the preset, answering (a short drill or a paced session, where
    /// Enter moves on to the next question), then the closing report.
    MockPick,
    MockDrill,
    MockPaced,
    MockReport,
}

#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub ctrl: bool,
    /// How the keys are written in hints.
    pub shown: &'static str,
    pub action: Action,
    pub label: &'static str,
    /// Short text for the footer; empty means help only.
    pub hint: &'static str,
}

const fn b(
    keys: &'static [KeyCode],
    shown: &'static str,
    action: Action,
    label: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        ctrl: false,
        shown,
        action,
        label,
        hint,
    }
}

use Action as A;
use KeyCode as K;

#[rustfmt::skip]
const MOVE: [Binding; 4] = [
    b(&[K::Up, K::Char('k')], "↑/k", A::Up, "move up", ""),
    b(&[K::Down, K::Char('j')], "↓/j", A::Down, "move down", ""),
    b(&[K::PageUp, K::Char('u')], "PgUp/u", A::PageUp, "page up", ""),
    b(&[K::PageDown, K::Char(' ')], "PgDn/space", A::PageDown, "page down", ""),
];
#[rustfmt::skip]
const ENDS: [Binding; 2] = [
    b(&[K::Home, K::Char('g')], "Home/g", A::Top, "go to top", ""),
    b(&[K::End, K::Char('G')], "End/G", A::Bottom, "go to bottom", ""),
];

#[rustfmt::skip]
static HOME: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    ENDS[0],
    ENDS[1],
    b(&[K::Enter, K::Right, K::Char('l')], "Enter", A::Open, "open section", "open"),
    b(&[K::Char('d')], "d", A::Drill, "drill a random question from the section", "drill"),
    b(&[K::Char('r')], "r", A::DrillDue, "drill what is due for review", "review"),
    b(&[K::Char('/')], "/", A::Search, "search", "search"),
    b(&[K::Char('S')], "S", A::Stats, "stats", "stats"),
    b(&[K::Char('y')], "y", A::Stories, "your stories", "stories"),
    b(&[K::Char('m')], "m", A::Mock, "mock loop: a timed interview, graded at the end", "mock"),
    b(&[K::Char('q'), K::Esc], "q", A::Quit, "quit", "quit"),
];

#[rustfmt::skip]
static LIST: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    ENDS[0],
    ENDS[1],
    b(&[K::Enter, K::Right, K::Char('l')], "Enter", A::Open, "open", "open"),
    b(&[K::Char('d')], "d", A::Drill, "drill this question", "drill"),
    b(&[K::Char('D')], "D", A::DrillAll, "drill all shown, shuffled", "drill all"),
    b(&[K::Char('K')], "K", A::CycleKind, "filter by kind (cycles)", "kind"),
    b(&[K::Char('R')], "R", A::CycleRole, "filter by role (cycles)", "role"),
    b(&[K::Char('T')], "T", A::CycleTag, "filter by tag (cycles)", "tag"),
    b(&[K::Char('x')], "x", A::ClearFilters, "clear filters", ""),
    b(&[K::Char('/')], "/", A::Search, "search", ""),
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static GUIDES: &[Binding] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], ENDS[0], ENDS[1],
    b(&[K::Enter, K::Right, K::Char('l')], "Enter", A::Open, "read the guide", "read"),
    b(&[K::Char('/')], "/", A::Search, "search", "search"),
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static READER: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    ENDS[0],
    ENDS[1],
    b(&[K::Char('d'), K::Enter], "d", A::Drill, "drill this question", "drill"),
    b(&[K::Char('/')], "/", A::Search, "search", ""),
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static SEARCH: &[Binding] = &[
    b(&[K::Up], "↑", A::Up, "previous result", ""),
    b(&[K::Down], "↓", A::Down, "next result", ""),
    b(&[K::Enter], "Enter", A::Open, "open", "open"),
    b(&[K::Esc], "Esc", A::Back, "back to where you were", "back"),
];

#[rustfmt::skip]
static DRILL: &[Binding] = &[
    b(&[K::Enter], "Enter", A::Open, "end the answer and grade it", "grade"),
    b(&[K::Char('p')], "p", A::Pause, "pause / resume", "pause"),
    b(&[K::Char('+'), K::Char('=')], "+", A::MoreTime, "add 15 s", "more time"),
    b(&[K::Char('-')], "-", A::LessTime, "remove 15 s", "less time"),
    b(&[K::Char('n')], "n", A::Notes, "type notes", "notes"),
    b(&[K::Char('f')], "f", A::FollowUp, "reveal a follow-up", "follow-up"),
    b(&[K::Char('b')], "b", A::Bell, "bell at zero on/off", ""),
    b(&[K::Char('q'), K::Esc], "q/Esc", A::Back, "leave without grading (press twice)", "leave"),
];

#[rustfmt::skip]
static PACED: &[Binding] = &[
    b(&[K::Enter], "Enter", A::Open, "end the session and grade it", "grade"),
    b(&[K::Char(']'), K::Tab], "]/Tab", A::NextStage, "next stage", "next"),
    b(&[K::Char('['), K::BackTab], "[", A::PrevStage, "back to the previous stage", "back"),
    b(&[K::Char('e')], "e", A::ExtendStage, "one more minute for this stage", "+1 min"),
    b(&[K::Char('n')], "n", A::Notes, "type notes for this stage", "notes"),
    b(&[K::Char('p')], "p", A::Pause, "pause / resume", "pause"),
    b(&[K::Char('b')], "b", A::Bell, "bell when a stage or the session ends, on/off", ""),
    b(&[K::Char('q'), K::Esc], "q/Esc", A::Back, "leave without grading (press twice)", "leave"),
];

#[rustfmt::skip]
static NOTES: &[Binding] = &[b(
    &[K::Esc],
    "Esc",
    A::Back,
    "stop typing notes (the clock keeps running)",
    "done with notes",
)];

#[rustfmt::skip]
static RUBRIC: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(&[K::Char(' ')], "space", A::Toggle, "tick / untick", "tick"),
    b(&[], "1-9", A::ToggleItem(0), "tick item by number", "tick #"),
    b(&[K::PageDown, K::Char('J')], "J/PgDn", A::PageDown, "scroll talking points", ""),
    b(&[K::PageUp, K::Char('K')], "K/PgUp", A::PageUp, "scroll talking points back", ""),
    b(&[K::Char('s')], "s", A::Save, "save the attempt", "save"),
    b(&[K::Char('x')], "x", A::Discard, "discard (press twice)", "discard"),
    b(&[K::Esc, K::Char('q')], "q/Esc", A::Back, "back (asks before discarding)", ""),
];

#[rustfmt::skip]
static STATS: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static STORIES: &[Binding] = &[
    MOVE[0], MOVE[1], ENDS[0], ENDS[1],
    b(&[K::Enter, K::Char('e')], "e/Enter", A::EditStory, "open the story in $VISUAL/$EDITOR", "edit"),
    b(&[K::Char('n')], "n", A::NewStory, "new story from the STAR template", "new"),
    b(&[K::Char('c'), K::Tab], "c/Tab", A::Coverage, "switch preview / coverage grid", "coverage"),
    b(&[K::PageDown, K::Char('J'), K::Char(' ')], "J/PgDn", A::PageDown, "scroll the right pane", ""),
    b(&[K::PageUp, K::Char('K'), K::Char('u')], "K/PgUp", A::PageUp, "scroll the right pane back", ""),
    b(&[K::Char(']')], "]", A::LintDown, "scroll the lint panel", ""),
    b(&[K::Char('[')], "[", A::LintUp, "scroll the lint panel back", ""),
    b(&[K::Char('/')], "/", A::Search, "search", ""),
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static STORY_TITLE: &[Binding] = &[
    b(&[K::Enter], "Enter", A::Open, "write the story and open it in the editor", "create"),
    b(&[K::Esc], "Esc", A::Back, "cancel", "cancel"),
];

#[rustfmt::skip]
static MOCK_PICK: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    b(&[K::Enter, K::Right, K::Char('l')], "Enter", A::Open, "start this mock loop", "start"),
    b(&[K::Char('q'), K::Esc, K::Left, K::Char('h')], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const MOCK_NEXT: Binding =
    b(&[K::Enter], "Enter", A::Open, "end this answer, on to the next question", "next question");
#[rustfmt::skip]
const MOCK_STOP: Binding = b(
    &[K::Char('q'), K::Esc], "q/Esc", A::Back,
    "stop the mock and grade what you answered (press twice)", "stop",
);

/// The drill's keys, with Enter and q/Esc as a mock means them.
#[rustfmt::skip]
static MOCK_DRILL: &[Binding] = &[
    MOCK_NEXT,
    b(&[K::Char('p')], "p", A::Pause, "pause / resume", "pause"),
    b(&[K::Char('+'), K::Char('=')], "+", A::MoreTime, "add 15 s", "more time"),
    b(&[K::Char('-')], "-", A::LessTime, "remove 15 s", "less time"),
    b(&[K::Char('n')], "n", A::Notes, "type notes", "notes"),
    b(&[K::Char('f')], "f", A::FollowUp, "reveal a follow-up", "follow-up"),
    b(&[K::Char('b')], "b", A::Bell, "bell at zero on/off", ""),
    MOCK_STOP,
];

/// The paced session's keys, with Enter and q/Esc as a mock means them.
#[rustfmt::skip]
static MOCK_PACED: &[Binding] = &[
    MOCK_NEXT,
    b(&[K::Char(']'), K::Tab], "]/Tab", A::NextStage, "next stage", "next stage"),
    b(&[K::Char('['), K::BackTab], "[", A::PrevStage, "back to the previous stage", "prev stage"),
    b(&[K::Char('e')], "e", A::ExtendStage, "one more minute for this stage (and the session)", "+1 min"),
    b(&[K::Char('n')], "n", A::Notes, "type notes for this stage", "notes"),
    b(&[K::Char('p')], "p", A::Pause, "pause / resume", "pause"),
    b(&[K::Char('b')], "b", A::Bell, "bell when a stage or the session runs out on/off", ""),
    MOCK_STOP,
];

#[rustfmt::skip]
static MOCK_REPORT: &[Binding] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    ENDS[0],
    ENDS[1],
    b(&[K::Char('d')], "d", A::Drill, "drill the questions it suggests", "drill next"),
    b(&[K::Char('q'), K::Esc], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
static HELP: &[Binding] = &[b(
    &[K::Esc, K::Char('q')],
    "?/Esc",
    A::Back,
    "close help",
    "close",
)];

#[rustfmt::skip]
static GLOBAL: &[Binding] = &[
    Binding { keys: &[K::Char('c')], ctrl: true, shown: "Ctrl-C", action: A::Quit, label: "quit prep", hint: "" },
    Binding { keys: &[K::Char('z')], ctrl: true, shown: "Ctrl-Z", action: A::Suspend, label: "suspend (fg to resume)", hint: "" },
    b(&[K::Char('?')], "?", A::Help, "help", "help"),
];

/// The mode's own bindings (global ones come from [`global`]).
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Home => HOME,
        Mode::Guides => GUIDES,
        Mode::List => LIST,
        Mode::Reader => READER,
        Mode::Search => SEARCH,
        Mode::Drill => DRILL,
        Mode::Notes => NOTES,
        Mode::Rubric => RUBRIC,
        Mode::Stats => STATS,
        Mode::Help => HELP,
        Mode::Stories => STORIES,
        Mode::StoryTitle => STORY_TITLE,
        Mode::Paced => PACED,
        Mode::MockPick => MOCK_PICK,
        Mode::MockDrill => MOCK_DRILL,
        Mode::MockPaced => MOCK_PACED,
        Mode::MockReport => MOCK_REPORT,
    }
}

pub fn global() -> &'static [Binding] {
    GLOBAL
}

/// Modes where printable keys are text, not commands.
pub fn takes_text(mode: Mode) -> bool {
    matches!(mode, Mode::Search | Mode::Notes | Mode::StoryTitle)
}

/// The action a key means in a mode, if any. Text-entry modes only see their non-text keys.
pub fn resolve(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let matches = |bind: &Binding| bind.ctrl == ctrl && bind.keys.contains(&key.code);
    if let Some(bind) = GLOBAL.iter().find(|b| matches(b)) {
        let printable = !bind.ctrl && matches!(key.code, K::Char(_));
        if !(printable && takes_text(mode)) {
            return Some(bind.action);
        }
    }
    if mode == Mode::Rubric
        && !ctrl
        && let K::Char(c @ '1'..='9') = key.code
    {
        return Some(A::ToggleItem(c as usize - '1' as usize));
    }
    bindings(mode).iter().find(|b| matches(b)).map(|b| b.action)
}

/// `key label · key label` for the footer.
pub fn footer(mode: Mode) -> Vec<Hint> {
    let global = if mode == Mode::Help { &[][..] } else { GLOBAL };
    bindings(mode)
        .iter()
        .chain(global)
        .filter(|b| !b.hint.is_empty())
        .map(|b| Hint {
            keys: b.shown,
            label: b.hint,
            known: matches!(b.action, A::Open | A::Back | A::Quit)
                && matches!(b.hint, "open" | "back" | "quit"),
        })
        .collect()
}

/// One footer hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub label: &'static str,
    /// Opening, going back and quitting: keys everyone guesses, the first to go when short of room.
    pub known: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_both_move() {
        assert_eq!(resolve(Mode::List, key(K::Char('j'))), Some(A::Down));
        assert_eq!(resolve(Mode::List, key(K::Down)), Some(A::Down));
        assert_eq!(resolve(Mode::Home, key(K::Char('k'))), Some(A::Up));
    }

    #[test]
    fn text_modes_keep_printable_keys_for_typing() {
        assert_eq!(resolve(Mode::Search, key(K::Char('?'))), None);
        assert_eq!(resolve(Mode::Search, key(K::Char('j'))), None);
        assert_eq!(resolve(Mode::Notes, key(K::Char('q'))), None);
        assert_eq!(
            resolve(
                Mode::Search,
                KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(A::Quit)
        );
        assert_eq!(resolve(Mode::Home, key(K::Char('?'))), Some(A::Help));
    }

    #[test]
    fn number_keys_tick_rubric_items() {
        assert_eq!(
            resolve(Mode::Rubric, key(K::Char('1'))),
            Some(A::ToggleItem(0))
        );
        assert_eq!(
            resolve(Mode::Rubric, key(K::Char('9'))),
            Some(A::ToggleItem(8))
        );
        assert_eq!(resolve(Mode::Rubric, key(K::Char(' '))), Some(A::Toggle));
        assert_eq!(resolve(Mode::List, key(K::Char('1'))), None);
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [
            Mode::Home,
            Mode::Guides,
            Mode::List,
            Mode::Reader,
            Mode::Search,
            Mode::Drill,
            Mode::Notes,
            Mode::Rubric,
            Mode::Stats,
            Mode::Help,
            Mode::Paced,
            Mode::Stories,
            Mode::StoryTitle,
            Mode::MockPick,
            Mode::MockDrill,
            Mode::MockPaced,
            Mode::MockReport,
        ] {
            let mut seen = Vec::new();
            for bind in bindings(mode).iter().chain(GLOBAL) {
                for k in bind.keys {
                    assert!(
                        !seen.contains(&(k, bind.ctrl)),
                        "{mode:?}: {k:?} bound twice"
                    );
                    seen.push((k, bind.ctrl));
                }
            }
        }
    }
}
