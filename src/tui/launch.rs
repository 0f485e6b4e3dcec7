//! The one way into the TUI: what the command line hands over ([`Setup`]), where the app starts
//! ([`Launch`]), and the one place the app's context is built.

use super::app::{App, Ctx};
use super::screens::View;
use super::screens::drill::DrillState;
use super::screens::home::HomeState;
use super::screens::mock::MockState;
use super::theme::Theme;
use crate::keymap::Keymap;
use prep_core::bank::{Bank, Filter};
use prep_core::config::Loaded;
use prep_core::rng::Rng;
use prep_core::storage::AttemptLog;
use std::path::PathBuf;
use std::time::Instant;

/// Everything the app needs from outside.
pub struct Setup {
    pub bank: Bank,
    /// Where attempts and stories live; `None`: practise without saving.
    pub data_dir: Option<PathBuf>,
    /// The settings file and what reading it gave (its problems go on the status line).
    pub config_file: PathBuf,
    pub config: Loaded,
    /// The mock loops to offer; empty: the built-in ones.
    pub loops: Vec<prep_core::bank::Loop>,
}

/// Where the app opens.
#[derive(Clone, Debug)]
pub enum Launch {
    Home,
    /// A drill of `count` questions picked at random under `filter` (`prep drill`).
    Drill {
        filter: Filter,
        count: usize,
        time: Option<u32>,
    },
    /// A drill of what is due under `filter`, most overdue first (`prep drill --due`).
    Due {
        filter: Filter,
        count: usize,
        time: Option<u32>,
    },
    /// A mock loop (by loop id), with the loop picker when `loop_id` is `None` (`prep mock`).
    Mock {
        loop_id: Option<String>,
        time: Option<u32>,
    },
    /// Interviewer mode over these questions (bank indices), a peer asking (`prep interview`).
    Interview {
        queue: Vec<usize>,
        peer: Option<String>,
        time: Option<u32>,
    },
}

/// The app, ready to draw its first frame.
pub(super) fn app(setup: Setup, launch: Launch) -> App {
    let mut ctx = context(setup, Instant::now(), prep_core::clock::now_unix());
    ctx.rng = Rng::from_time();
    let stack = stack(&mut ctx, launch);
    App::new(ctx, stack)
}

/// The context over `setup` at the given time: the log read, the keys remapped, the config's
/// problems on the status line (a problem reading the log comes first).
pub fn context(setup: Setup, now: Instant, now_unix: i64) -> Ctx {
    let log = setup.data_dir.as_deref().map(AttemptLog::new);
    let background = crate::theme::Background::resolve(setup.config.config.theme);
    let theme = Theme::new(crate::theme::color_enabled(true), background);
    let mut ctx = Ctx::new(setup.bank, log, theme, now, now_unix);
    if !setup.loops.is_empty() {
        ctx.loops = setup.loops;
    }
    ctx.audio =
        super::audio::AudioCtx::new(setup.config.config.audio.clone(), setup.data_dir.clone());
    let (keys, key_problems) = Keymap::from_config(&setup.config_file, &setup.config.config);
    ctx.keys = keys;
    ctx.grader = setup.config.config.grader.command.clone();
    let mut problems: Vec<String> = setup
        .config
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    problems.extend(key_problems);
    if ctx.status.is_none()
        && let Some(first) = problems.first()
    {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more: `prep config show` lists them)", n - 1),
        };
        ctx.error(format!("{first}{more}; the defaults apply there"));
    }
    ctx
}

/// The screens the app opens on: Home, and above it what `launch` asks for.
fn stack(ctx: &mut Ctx, launch: Launch) -> Vec<View> {
    let home = View::Home(HomeState::new(ctx));
    let top = match launch {
        Launch::Home => None,
        Launch::Drill {
            filter,
            count,
            time,
        } => {
            ctx.drill_time = time;
            ctx.target_role = filter.role.or(ctx.target_role);
            let mut pool = prep_core::practice::shuffled(&ctx.bank, &filter, &mut ctx.rng);
            pool.truncate(count.max(1));
            (!pool.is_empty()).then(|| View::Drill(Box::new(DrillState::new(ctx, pool, 0))))
        }
        Launch::Due {
            filter,
            count,
            time,
        } => {
            ctx.drill_time = time;
            ctx.target_role = filter.role.or(ctx.target_role);
            due_drill(ctx, &filter, count)
        }
        Launch::Mock { loop_id, time } => {
            ctx.drill_time = time;
            let chosen = loop_id.and_then(|id| prep_core::loops::find(&ctx.loops, &id).cloned());
            let mock = match chosen {
                Some(l) => MockState::start(ctx, &l),
                None => MockState::pick(ctx),
            };
            Some(View::Mock(Box::new(mock)))
        }
        Launch::Interview { queue, peer, time } => {
            ctx.drill_time = time;
            (!queue.is_empty()).then(|| {
                let s = super::screens::interview::InterviewState::new(ctx, queue, 0, peer);
                View::Interview(Box::new(s))
            })
        }
    };
    std::iter::once(home).chain(top).collect()
}

/// A drill of what is due, with a status line saying what was picked (and, when nothing is due,
/// that it is practice instead).
fn due_drill(ctx: &mut Ctx, filter: &Filter, count: usize) -> Option<View> {
    let sched = ctx.schedule();
    let plan = prep_core::review::due_plan(&ctx.bank, &sched, filter, Some(count));
    if plan.queue.is_empty() {
        ctx.info("Nothing to drill under that filter");
        return None;
    }
    // A problem reading the log (already on the status line) matters more than this note.
    if ctx.status.as_ref().is_none_or(|s| !s.error) {
        ctx.info(plan.message());
    }
    Some(View::Drill(Box::new(DrillState::new(ctx, plan.queue, 0))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::test_support;
    use prep_core::storage::Attempt;

    fn setup() -> Setup {
        Setup {
            bank: prep_core::bank::load_builtin(),
            data_dir: None,
            config: Loaded::default(),
            config_file: "config.toml".into(),
            loops: Vec::new(),
        }
    }

    #[test]
    fn drill_due_with_nothing_due_still_starts_a_drill() {
        let mut ctx = context(setup(), Instant::now(), test_support::NOW_UNIX);
        let launch = Launch::Due {
            filter: Filter::default(),
            count: 3,
            time: None,
        };
        let views = stack(&mut ctx, launch);
        assert_eq!(views.len(), 2);
        let View::Drill(d) = &views[1] else {
            panic!("second screen is not a drill")
        };
        assert_eq!(d.queue.len(), 3);
        // Spread across sections: three questions, three different sections.
        let sections: std::collections::HashSet<&str> = d
            .queue
            .iter()
            .map(|&i| ctx.bank.questions[i].section.as_ref())
            .collect();
        assert_eq!(sections.len(), 3);
        let status = ctx.status.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        assert!(status.starts_with("Nothing is due"), "{status}");
    }

    fn graded(ctx: &Ctx, id: &str, at: i64, score: f64) -> Attempt {
        let q = ctx.bank.question(id).unwrap();
        serde_json::from_value(serde_json::json!({
            "schema": 1, "at": at, "question": id, "section": q.section, "kind": q.kind,
            "time_limit": 90, "spoken": 80, "overtime": 0, "checked": [], "items": 5,
            "score": score, "technical": null, "people": score,
        }))
        .unwrap()
    }

    #[test]
    fn drill_due_and_home_r_drill_what_is_due_most_overdue_first() {
        let mut ctx = context(setup(), Instant::now(), test_support::NOW_UNIX);
        let now = ctx.now_unix;
        let day = prep_core::stats::SECS_PER_DAY;
        let (older, newer) = (&ctx.bank.questions[5].id, &ctx.bank.questions[40].id);
        let log = vec![
            graded(&ctx, newer, now - day, 20.0),
            graded(&ctx, older, now - 4 * day, 20.0),
            graded(&ctx, &ctx.bank.questions[60].id, now - 60, 95.0),
        ];
        ctx.attempts = log;
        let due = Launch::Due {
            filter: Filter::default(),
            count: 5,
            time: None,
        };
        let views = stack(&mut ctx, due);
        let View::Drill(d) = &views[1] else {
            panic!("second screen is not a drill")
        };
        assert_eq!(d.queue, vec![5, 40], "only what is due, most overdue first");
        let status = ctx
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert_eq!(status, "2 due: drilling them, most overdue first");

        // Home's `r` does the same over the whole bank.
        let mut app = App::new(ctx, views);
        app.stack.truncate(1);
        app.update(crate::keymap::Action::DrillDue);
        let Some(View::Drill(d)) = app.stack.last() else {
            panic!("r did not start a drill")
        };
        assert_eq!(d.queue, vec![5, 40]);
    }

    #[test]
    fn a_bad_key_remap_is_reported_on_the_status_line_and_the_rest_apply() {
        let mut s = setup();
        let pos = |line| prep_core::config::Pos { line, column: 1 };
        let located = |text: &str, line| prep_core::config::Located {
            text: text.into(),
            pos: pos(line),
        };
        s.config.config.keys = vec![
            prep_core::config::KeyRemap {
                mode: located("home", 2),
                action: located("fly", 3),
                keys: vec![located("x", 3)],
            },
            prep_core::config::KeyRemap {
                mode: located("home", 2),
                action: located("stats", 4),
                keys: vec![located("Z", 4)],
            },
        ];
        let ctx = context(s, Instant::now(), test_support::NOW_UNIX);
        let status = ctx.status.as_ref().unwrap();
        assert!(status.error);
        assert!(
            status.text.contains(":3:1: `fly` is not an action"),
            "{}",
            status.text
        );
        let z = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('Z'),
            crossterm::event::KeyModifiers::NONE,
        );
        let mode = crate::keymap::Mode::Home;
        assert_eq!(
            ctx.keys.resolve(mode, z),
            Some(crate::keymap::Action::Stats)
        );
    }
}
