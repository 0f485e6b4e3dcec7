//! What a key can ask for ([`Action`]) and which table applies ([`Mode`]), each with the name the
//! config file uses for it.

/// Declares an enum of unit variants with the name each has in the config file.
macro_rules! named {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[$name] = &[$($name::$variant,)*];

            /// The name the config file uses.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            /// The value a config name stands for.
            pub fn from_name(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.name() == name)
            }
        }
    };
}

/// Everything a key (or the mouse) can ask the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    /// Half a page (Ctrl-U / Ctrl-D, as in vim, less and helix).
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Suspend,
    Search,
    Help,
    Stats,
    /// Drill the selection.
    Drill,
    /// Drill everything under the current filter, shuffled.
    DrillAll,
    /// Drill what is due for review (or the practice order when nothing is).
    DrillDue,
    Toggle,
    /// Toggle checklist item n (0-based): the digit keys, as a pattern.
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
    /// Every attempt at the question open in the reader.
    History,
    /// Write the Markdown report to the data folder (from Stats).
    Export,
    /// Move the keys' focus to the other pane (the rubric's checklist and compare pane).
    SwitchPane,
    /// Interviewer mode: a peer asks and grades live (from Home).
    Interview,
    /// The plan to the interview (from Home).
    Plan,
    /// The debrief form (from Home).
    Debrief,
    /// Sync the data folder through git (from Home).
    Sync,
    /// Drill: start or stop recording the answer; mark the next STAR part. Rubric: play it.
    Record,
    NextPart,
    Play,
    /// History: delete the newest attempt (asks first).
    DeleteAttempt,
    /// Stories: retitle the selected story; move it to `.deleted/` (asks first).
    RenameStory,
    DeleteStory,
    /// Filter the list shown by typed text (`/` in a question list).
    Filter,
}

/// Each action with its config name; `ToggleItem(0)` stands for every item.
const ACTION_NAMES: &[(Action, &str)] = &[
    (Action::Up, "up"),
    (Action::Down, "down"),
    (Action::PageUp, "page-up"),
    (Action::PageDown, "page-down"),
    (Action::HalfPageUp, "half-page-up"),
    (Action::HalfPageDown, "half-page-down"),
    (Action::Top, "top"),
    (Action::Bottom, "bottom"),
    (Action::Open, "open"),
    (Action::Back, "back"),
    (Action::Quit, "quit"),
    (Action::Suspend, "suspend"),
    (Action::Search, "search"),
    (Action::Help, "help"),
    (Action::Stats, "stats"),
    (Action::Drill, "drill"),
    (Action::DrillAll, "drill-all"),
    (Action::DrillDue, "drill-due"),
    (Action::Toggle, "toggle"),
    (Action::ToggleItem(0), "toggle-item"),
    (Action::Save, "save"),
    (Action::Discard, "discard"),
    (Action::Pause, "pause"),
    (Action::MoreTime, "more-time"),
    (Action::LessTime, "less-time"),
    (Action::Notes, "notes"),
    (Action::FollowUp, "follow-up"),
    (Action::Bell, "bell"),
    (Action::CycleKind, "cycle-kind"),
    (Action::CycleRole, "cycle-role"),
    (Action::CycleTag, "cycle-tag"),
    (Action::ClearFilters, "clear-filters"),
    (Action::Stories, "stories"),
    (Action::NewStory, "new-story"),
    (Action::EditStory, "edit-story"),
    (Action::Coverage, "coverage"),
    (Action::LintDown, "lint-down"),
    (Action::LintUp, "lint-up"),
    (Action::NextStage, "next-stage"),
    (Action::PrevStage, "prev-stage"),
    (Action::ExtendStage, "extend-stage"),
    (Action::Mock, "mock"),
    (Action::SwitchPane, "switch-pane"),
    (Action::History, "history"),
    (Action::Export, "export"),
    (Action::Interview, "interview"),
    (Action::Plan, "plan"),
    (Action::Debrief, "debrief"),
    (Action::Sync, "sync"),
    (Action::Record, "record"),
    (Action::NextPart, "next-part"),
    (Action::Play, "play"),
    (Action::DeleteAttempt, "delete-attempt"),
    (Action::RenameStory, "rename-story"),
    (Action::DeleteStory, "delete-story"),
    (Action::Filter, "filter"),
];

impl Action {
    /// Every action (`ToggleItem` once), in declaration order.
    pub fn all() -> impl Iterator<Item = Action> {
        ACTION_NAMES.iter().map(|(a, _)| *a)
    }

    /// The name the config file uses.
    pub fn name(self) -> &'static str {
        let same =
            |a: &&(Action, &str)| std::mem::discriminant(&a.0) == std::mem::discriminant(&self);
        ACTION_NAMES.iter().find(same).map_or("", |(_, n)| n)
    }

    /// The action a config name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTION_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(a, _)| *a)
    }
}

named! {
    /// Which table applies.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Mode {
        Home = "home",
        Guides = "guides",
        List = "list",
        Reader = "reader",
        /// A guide open for reading (the reader, without a question to drill).
        Guide = "guide",
        /// Every attempt at one question (`H` in the reader).
        History = "history",
        Search = "search",
        Drill = "drill",
        Notes = "notes",
        Rubric = "rubric",
        Stats = "stats",
        Help = "help",
        /// The story bank; `StoryTitle` while typing a new story's title.
        Stories = "stories",
        StoryTitle = "story-title",
        /// A paced system-design session (the drill of a long design question).
        Paced = "paced",
        /// A mock loop: choosing the preset, answering (a short drill or a paced session, where
        /// Enter moves on to the next question), then the closing report.
        MockPick = "mock-pick",
        MockDrill = "mock-drill",
        MockPaced = "mock-paced",
        MockReport = "mock-report",
        /// The closing report when it suggests nothing to drill next.
        MockReportDone = "mock-report-done",
        /// Interviewer mode: the peer's screen while asking, then the two grades side by side.
        Interview = "interview",
        InterviewCompare = "interview-compare",
        /// The plan to the interview day.
        Plan = "plan",
        /// The debrief form (typing is text).
        Debrief = "debrief",
        /// Typing a question list's filter (`/` in the list).
        ListFilter = "list-filter",
    }
}

impl Mode {
    /// Modes where printable keys are text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Notes | Mode::StoryTitle | Mode::Debrief | Mode::ListFilter
        )
    }
}
