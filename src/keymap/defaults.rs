//! The default key table, one list per mode. The mock loop's tables are the drill's, with
//! Enter and q/Esc as a mock means them; the user's config only overrides these.

use super::{Action, Binding, Key, Keymap, Mode, Role};
use crossterm::event::KeyCode;

/// A binding as the tables write it.
#[derive(Clone, Copy)]
struct Def {
    keys: &'static [Key],
    shown: &'static str,
    action: Action,
    label: &'static str,
    hint: &'static str,
}

const fn b(
    keys: &'static [Key],
    shown: &'static str,
    action: Action,
    label: &'static str,
    hint: &'static str,
) -> Def {
    Def {
        keys,
        shown,
        action,
        label,
        hint,
    }
}

const fn p(code: KeyCode) -> Key {
    Key::plain(code)
}

use Action as A;
use KeyCode as K;

#[rustfmt::skip]
const MOVE: [Def; 4] = [
    b(&[p(K::Up), p(K::Char('k'))], "↑/k", A::Up, "move up", ""),
    b(&[p(K::Down), p(K::Char('j'))], "↓/j", A::Down, "move down", ""),
    b(&[p(K::PageUp), p(K::Char('u'))], "PgUp/u", A::PageUp, "page up", ""),
    b(&[p(K::PageDown), p(K::Char(' '))], "PgDn/space", A::PageDown, "page down", ""),
];
#[rustfmt::skip]
const HALF: [Def; 2] = [
    b(&[Key::ctrl('u')], "Ctrl-U", A::HalfPageUp, "half a page up", ""),
    b(&[Key::ctrl('d')], "Ctrl-D", A::HalfPageDown, "half a page down", ""),
];
#[rustfmt::skip]
const ENDS: [Def; 2] = [
    b(&[p(K::Home), p(K::Char('g'))], "Home/g", A::Top, "go to top", ""),
    b(&[p(K::End), p(K::Char('G'))], "End/G", A::Bottom, "go to bottom", ""),
];

#[rustfmt::skip]
const HOME: &[Def] = &[
    MOVE[0], MOVE[1], ENDS[0], ENDS[1],
    b(&[p(K::Enter), p(K::Right), p(K::Char('l'))], "Enter", A::Open, "open section", "open"),
    b(&[p(K::Char('d'))], "d", A::Drill, "drill a random question from the section", "drill"),
    b(&[p(K::Char('r'))], "r", A::DrillDue, "drill what is due for review", "review"),
    b(&[p(K::Char('/'))], "/", A::Search, "search", "search"),
    b(&[p(K::Char('S'))], "S", A::Stats, "stats", "stats"),
    b(&[p(K::Char('y'))], "y", A::Stories, "your stories", "stories"),
    b(&[p(K::Char('m'))], "m", A::Mock, "mock loop: a timed interview, graded at the end", "mock"),
    b(&[p(K::Char('i'))], "i", A::Interview, "interviewer mode: a peer asks and grades live", "interview"),
    b(&[p(K::Char('p'))], "p", A::Plan, "your plan to the interview day", "plan"),
    b(&[p(K::Char('b'))], "b", A::Debrief, "debrief a real interview", "debrief"),
    b(&[p(K::Char('s'))], "s", A::Sync, "sync with your other machines (git)", "sync"),
    b(&[p(K::Char('q'))], "q", A::Quit, "quit", "quit"),
];

#[rustfmt::skip]
const DEBRIEF: &[Def] = &[
    b(&[p(K::Tab), p(K::Down)], "Tab/↓", A::Down, "next field", "next"),
    b(&[p(K::BackTab), p(K::Up)], "Shift-Tab/↑", A::Up, "previous field", ""),
    b(&[p(K::Enter)], "Enter", A::Open, "add the question / next field", ""),
    b(&[Key::ctrl('s')], "Ctrl-S", A::Save, "save the debrief", "save"),
    b(&[p(K::Esc)], "Esc", A::Back, "leave without saving", "cancel"),
];

#[rustfmt::skip]
const PLAN: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], ENDS[0], ENDS[1],
    b(&[p(K::Enter), p(K::Char('x'))], "Enter/x", A::Toggle, "tick a checklist item", "tick"),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const LIST: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], HALF[0], HALF[1], ENDS[0], ENDS[1],
    b(&[p(K::Enter), p(K::Right), p(K::Char('l'))], "Enter", A::Open, "open", "open"),
    b(&[p(K::Char('d'))], "d", A::Drill, "drill this question", "drill"),
    b(&[p(K::Char('D'))], "D", A::DrillAll, "drill all shown, shuffled", "drill all"),
    b(&[p(K::Char('K'))], "K", A::CycleKind, "filter by kind (cycles)", "kind"),
    b(&[p(K::Char('R'))], "R", A::CycleRole, "filter by role (cycles)", "role"),
    b(&[p(K::Char('T'))], "T", A::CycleTag, "filter by tag (cycles)", "tag"),
    b(&[p(K::Char('x'))], "x", A::ClearFilters, "clear filters", ""),
    b(&[p(K::Char('/'))], "/", A::Filter, "filter this list by text", "filter"),
    b(&[Key::ctrl('f')], "Ctrl-F", A::Search, "search everything", ""),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const GUIDES: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], HALF[0], HALF[1], ENDS[0], ENDS[1],
    b(&[p(K::Enter), p(K::Right), p(K::Char('l'))], "Enter", A::Open, "read the guide", "read"),
    b(&[p(K::Char('/'))], "/", A::Search, "search", "search"),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const READER: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], HALF[0], HALF[1], ENDS[0], ENDS[1],
    b(&[p(K::Char('d')), p(K::Enter)], "d", A::Drill, "drill this question", "drill"),
    b(&[p(K::Char('H'))], "H", A::History, "your attempts at this question", "history"),
    b(&[p(K::Char('/'))], "/", A::Search, "search", ""),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const HISTORY_DELETE: Def =
    b(&[p(K::Char('x'))], "x", A::DeleteAttempt, "delete the newest attempt (x twice)", "delete");

#[rustfmt::skip]
const SEARCH: &[Def] = &[
    b(&[p(K::Up), Key::ctrl('p')], "↑/Ctrl-P", A::Up, "previous result", ""),
    b(&[p(K::Down), Key::ctrl('n')], "↓/Ctrl-N", A::Down, "next result", ""),
    b(&[p(K::Enter)], "Enter", A::Open, "open", "open"),
    b(&[p(K::Esc)], "Esc", A::Back, "back to where you were", "back"),
];

#[rustfmt::skip]
const DRILL: &[Def] = &[
    b(&[p(K::Enter)], "Enter", A::Open, "end the answer and grade it", "grade"),
    b(&[p(K::Char('p')), p(K::Char(' '))], "p", A::Pause, "pause / resume (space starts a waiting clock)", "pause"),
    b(&[p(K::Char('+')), p(K::Char('='))], "+", A::MoreTime, "add 15 s", "more time"),
    b(&[p(K::Char('-'))], "-", A::LessTime, "remove 15 s", "less time"),
    b(&[p(K::Char('n'))], "n", A::Notes, "type notes", "notes"),
    b(&[p(K::Char('f'))], "f", A::FollowUp, "reveal a follow-up", "follow-up"),
    b(&[p(K::Char('b'))], "b", A::Bell, "bell at zero on/off", ""),
    b(&[p(K::Char('R'))], "R", A::Record, "record the answer / stop recording", "record"),
    b(&[p(K::Char(']')), p(K::Tab)], "]/Tab", A::NextPart, "next STAR part (behavioural questions)", ""),
    b(&[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back, "leave without grading (press twice)", "leave"),
];

#[rustfmt::skip]
const PACED: &[Def] = &[
    b(&[p(K::Enter)], "Enter", A::Open, "end the session and grade it", "grade"),
    b(&[p(K::Char(']')), p(K::Tab)], "]/Tab", A::NextStage, "next stage", "next"),
    b(&[p(K::Char('[')), p(K::BackTab)], "[", A::PrevStage, "back to the previous stage", "back"),
    b(&[p(K::Char('e'))], "e", A::ExtendStage, "one more minute for this stage", "+1 min"),
    b(&[p(K::Char('n'))], "n", A::Notes, "type notes for this stage", "notes"),
    b(&[p(K::Char('p')), p(K::Char(' '))], "p", A::Pause, "pause / resume (space starts a waiting clock)", "pause"),
    b(&[p(K::Char('b'))], "b", A::Bell, "bell when a stage or the session ends, on/off", ""),
    b(&[p(K::Char('R'))], "R", A::Record, "record the session / stop recording", "record"),
    b(&[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back, "leave without grading (press twice)", "leave"),
];

#[rustfmt::skip]
const NOTES: &[Def] = &[b(
    &[p(K::Esc)],
    "Esc",
    A::Back,
    "stop typing notes (the clock keeps running)",
    "done with notes",
)];

#[rustfmt::skip]
const RUBRIC: &[Def] = &[
    MOVE[0], MOVE[1],
    b(&[p(K::Char(' '))], "space", A::Toggle, "tick / untick", "tick"),
    b(&[Key::Digit], "1-9", A::ToggleItem(0), "tick item n (0 is 10; Alt-1 to Alt-0 are 11-20)", "tick #"),
    b(&[p(K::PageDown), p(K::Char('J'))], "J/PgDn", A::PageDown, "scroll talking points", ""),
    b(&[p(K::PageUp), p(K::Char('K'))], "K/PgUp", A::PageUp, "scroll talking points back", ""),
    b(&[p(K::Tab), p(K::BackTab)], "Tab", A::SwitchPane, "keys move the checklist / the compare pane", "switch pane"),
    b(&[Key::ctrl('d')], "Ctrl-D", A::HalfPageDown, "scroll talking points half a page", ""),
    b(&[Key::ctrl('u')], "Ctrl-U", A::HalfPageUp, "scroll talking points back half a page", ""),
    b(&[p(K::Char('s'))], "s", A::Save, "save the attempt", "save"),
    b(&[p(K::Char('x'))], "x", A::Discard, "discard (press twice)", "discard"),
    b(&[p(K::Char('P'))], "P", A::Play, "play the recording / stop", "play"),
    b(&[p(K::Esc), p(K::Char('q'))], "q/Esc", A::Back, "back (asks before discarding)", ""),
];

#[rustfmt::skip]
const STATS: &[Def] = &[
    b(&[p(K::Char('e'))], "e", A::Export, "export the report to the data folder", "export"),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const STORIES: &[Def] = &[
    MOVE[0], MOVE[1], ENDS[0], ENDS[1],
    b(&[p(K::Enter), p(K::Char('e'))], "e/Enter", A::EditStory, "open the story in $VISUAL/$EDITOR", "edit"),
    b(&[p(K::Char('n'))], "n", A::NewStory, "new story from the STAR template", "new"),
    b(&[p(K::Char('r'))], "r", A::RenameStory, "rename the story (its title and file)", "rename"),
    b(&[p(K::Char('D'))], "D", A::DeleteStory, "delete the story (D twice; kept in stories/.deleted)", ""),
    b(&[p(K::Char('c')), p(K::Tab)], "c/Tab", A::Coverage, "switch preview / coverage grid", "coverage"),
    b(&[p(K::PageDown), p(K::Char('J')), p(K::Char(' '))], "J/PgDn", A::PageDown, "scroll the right pane", ""),
    b(&[p(K::PageUp), p(K::Char('K')), p(K::Char('u'))], "K/PgUp", A::PageUp, "scroll the right pane back", ""),
    HALF[0], HALF[1],
    b(&[p(K::Char(']'))], "]", A::LintDown, "scroll the lint panel", ""),
    b(&[p(K::Char('['))], "[", A::LintUp, "scroll the lint panel back", ""),
    b(&[p(K::Char('/'))], "/", A::Search, "search", ""),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const STORY_TITLE: &[Def] = &[
    b(&[p(K::Enter)], "Enter", A::Open, "write the story and open it in the editor", "create"),
    b(&[p(K::Esc)], "Esc", A::Back, "cancel", "cancel"),
];

#[rustfmt::skip]
const LIST_FILTER: &[Def] = &[
    b(&[p(K::Enter)], "Enter", A::Open, "keep the filter, back to the list", "keep"),
    b(&[p(K::Esc)], "Esc", A::Back, "clear the filter", "clear"),
];

#[rustfmt::skip]
const MOCK_PICK: &[Def] = &[
    MOVE[0], MOVE[1],
    b(&[p(K::Enter), p(K::Right), p(K::Char('l'))], "Enter", A::Open, "start this mock loop", "start"),
    b(&[p(K::Char('q')), p(K::Esc), p(K::Left), p(K::Char('h'))], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const MOCK_NEXT: Def =
    b(&[p(K::Enter)], "Enter", A::Open, "end this answer, on to the next question", "next question");
#[rustfmt::skip]
const MOCK_STOP: Def = b(
    &[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back,
    "stop the mock and grade what you answered (press twice)", "stop",
);

#[rustfmt::skip]
const MOCK_REPORT: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], HALF[0], HALF[1], ENDS[0], ENDS[1],
    b(&[p(K::Char('d'))], "d", A::Drill, "drill the questions it suggests", "drill next"),
    b(&[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const INTERVIEW: &[Def] = &[
    MOVE[0], MOVE[1],
    b(&[p(K::Char(' '))], "space", A::Toggle, "tick / untick while they talk", "tick"),
    b(&[Key::Digit], "1-9", A::ToggleItem(0), "tick item by number", "tick #"),
    b(&[p(K::Char('f'))], "f", A::FollowUp, "fire the next follow-up (its own clock)", "follow-up"),
    b(&[p(K::Char('n'))], "n", A::Notes, "note what to push on", "note"),
    b(&[p(K::Char('p'))], "p", A::Pause, "pause / resume", "pause"),
    b(&[p(K::Char('+')), p(K::Char('='))], "+", A::MoreTime, "add 15 s", ""),
    b(&[p(K::Char('-'))], "-", A::LessTime, "remove 15 s", ""),
    b(&[p(K::Enter)], "Enter", A::Save, "end the answer, save your grade, hand over", "save"),
    b(&[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back, "leave without saving (press twice)", "leave"),
];

#[rustfmt::skip]
const INTERVIEW_COMPARE: &[Def] = &[
    b(&[p(K::Enter), p(K::Char('n'))], "Enter", A::Open, "next question, seats swapped", "next"),
    b(&[p(K::Char('q')), p(K::Esc)], "q/Esc", A::Back, "back", "back"),
];

#[rustfmt::skip]
const HELP: &[Def] = &[
    MOVE[0], MOVE[1], MOVE[2], MOVE[3], HALF[0], HALF[1], ENDS[0], ENDS[1],
    b(&[p(K::Esc), p(K::Char('q'))], "?/Esc", A::Back, "close help", "close"),
];

#[rustfmt::skip]
const GLOBAL: &[Def] = &[
    b(&[Key::ctrl('c')], "Ctrl-C", A::Quit, "quit prep", ""),
    b(&[Key::ctrl('z')], "Ctrl-Z", A::Suspend, "suspend (fg to resume)", ""),
    b(&[p(K::Char('?'))], "?", A::Help, "help", "help"),
    b(&[Key::Wheel], "wheel", A::Down, "scroll (or move the selection)", ""),
];

/// A click selects a row; a click on the selected row opens it.
const CLICK_OPENS: Def = b(
    &[Key::Click],
    "click",
    A::Open,
    "select a row; click it again to open it",
    "",
);

/// The mock's drill tables: the drill's, with Enter and q/Esc as a mock means them.
fn mock_table(drill: &[Def]) -> Vec<Def> {
    drill
        .iter()
        .map(|d| match d.action {
            A::Open => MOCK_NEXT,
            A::Back => MOCK_STOP,
            A::NextStage => Def {
                hint: "next stage",
                ..*d
            },
            A::PrevStage => Def {
                hint: "prev stage",
                ..*d
            },
            _ => *d,
        })
        .collect()
}

/// A table without the bindings of some actions (a guide has no question to drill).
fn without(defs: &[Def], actions: &[Action]) -> Vec<Def> {
    defs.iter()
        .filter(|d| !actions.contains(&d.action))
        .copied()
        .collect()
}

/// The table of every mode, before the user's remaps.
pub(super) fn keymap() -> Keymap {
    let click = |defs: &[Def], click: Def| {
        let mut all = defs.to_vec();
        all.push(click);
        all
    };
    let tick = b(
        &[Key::Click],
        "click",
        A::Toggle,
        "tick (or untick) the item clicked",
        "",
    );
    let modes = vec![
        (Mode::Home, click(HOME, CLICK_OPENS)),
        (Mode::Guides, click(GUIDES, CLICK_OPENS)),
        (Mode::List, click(LIST, CLICK_OPENS)),
        (Mode::Reader, READER.to_vec()),
        (Mode::Guide, without(READER, &[A::Drill, A::History])),
        (Mode::History, {
            let mut h = without(READER, &[A::History]);
            let del = HISTORY_DELETE;
            h.insert(h.len() - 1, del);
            h
        }),
        (Mode::Search, click(SEARCH, CLICK_OPENS)),
        (Mode::Drill, DRILL.to_vec()),
        (Mode::Notes, NOTES.to_vec()),
        (Mode::Rubric, click(RUBRIC, tick)),
        (Mode::Stats, STATS.to_vec()),
        (Mode::Help, HELP.to_vec()),
        (Mode::Stories, click(STORIES, CLICK_OPENS)),
        (Mode::StoryTitle, STORY_TITLE.to_vec()),
        (Mode::Paced, PACED.to_vec()),
        (Mode::MockPick, click(MOCK_PICK, CLICK_OPENS)),
        (Mode::MockDrill, mock_table(DRILL)),
        (Mode::MockPaced, mock_table(PACED)),
        (Mode::MockReport, MOCK_REPORT.to_vec()),
        (Mode::MockReportDone, without(MOCK_REPORT, &[A::Drill])),
        (Mode::Interview, click(INTERVIEW, tick)),
        (Mode::InterviewCompare, INTERVIEW_COMPARE.to_vec()),
        (Mode::Plan, PLAN.to_vec()),
        (Mode::Debrief, DEBRIEF.to_vec()),
        (Mode::ListFilter, LIST_FILTER.to_vec()),
    ];
    Keymap {
        modes: modes
            .into_iter()
            .map(|(m, defs)| (m, defs.iter().map(binding).collect()))
            .collect(),
        global: GLOBAL.iter().map(binding).collect(),
    }
}

fn binding(d: &Def) -> Binding {
    Binding {
        keys: d.keys.to_vec(),
        shown: d.shown.to_string(),
        action: d.action,
        label: d.label,
        hint: d.hint,
        role: role(d.action, d.hint),
    }
}

/// Opening, going back and quitting are keys everyone guesses; help always stays in the footer.
pub(super) fn role(action: Action, hint: &str) -> Role {
    match action {
        A::Help => Role::Help,
        A::Open | A::Back | A::Quit if matches!(hint, "open" | "back" | "quit") => Role::Known,
        _ => Role::Feature,
    }
}
