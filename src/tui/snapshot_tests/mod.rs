//! Whole-screen snapshots: every screen drawn into a `TestBackend` at 80×24 and 120×40, reached the
//! way a user reaches it (actions, keys and clock ticks with the time passed in, one draw between
//! inputs as in the event loop), plus checks a user would notice: talking points stay hidden while
//! answering, the help lists every key, tiny windows and hostile bank text never break the screen.

use super::app::Ctx;
use super::screens::View;
use super::screens::home::HomeState;
use super::screens::questions::QuestionsState;
use super::test_support::{self, NOW_UNIX, Session};
use super::view;
use crate::keymap::{Action, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prep_core::bank::{self, BankSource};
use prep_core::practice::{self, Answer};
use prep_core::storage::Attempt;
use std::time::Instant;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const DAY: i64 = 86_400;
const MIN: u64 = 60;

/// A way from Home to some screen.
type Route = fn(&mut Session);

impl Session {
    /// Move the Home selection to a section.
    fn select_section(&mut self, id: &str) -> &mut Self {
        let row = 1 + self
            .app
            .ctx
            .bank
            .sections
            .iter()
            .position(|s| s.id == id)
            .unwrap();
        self.act(Action::Top).times(row, Action::Down)
    }

    /// In a question list, move the selection to a question.
    fn select_question(&mut self, id: &str) -> &mut Self {
        let q = self.app.ctx.bank.question_index(id).unwrap();
        let Some(View::Questions(list)) = self.app.stack.last() else {
            panic!("not on a question list");
        };
        let row = list.items.iter().position(|&i| i == q).unwrap();
        self.act(Action::Top).times(row, Action::Down)
    }

    /// Home → System design → sd-url-shortener, read from the top.
    fn open_url_shortener(&mut self) -> &mut Self {
        self.select_section("system-design")
            .act(Action::Open)
            .select_question("sd-url-shortener")
            .act(Action::Open)
            .act(Action::Top)
    }
}

/// A graded attempt at `id`, `days_ago` days and `hours_ago` hours before NOW_UNIX, with the
/// checklist items at `ticked` ticked and `spoken` seconds spoken.
fn attempt(
    ctx: &Ctx,
    id: &str,
    days_ago: i64,
    hours_ago: i64,
    ticked: &[usize],
    spoken: u32,
) -> Attempt {
    let q = ctx.bank.question(id).unwrap();
    let items = practice::checklist(&ctx.bank, q);
    let checked: Vec<bool> = (0..items.len()).map(|i| ticked.contains(&i)).collect();
    let answer = Answer {
        spoken_secs: spoken,
        limit_secs: q.time,
        ..Answer::default()
    };
    let at = NOW_UNIX - days_ago * DAY - hours_ago * 3600;
    practice::attempt(q, &items, &checked, &answer, at)
}

/// The fixed context with a handful of attempts over nine days (three in a row up to today).
fn ctx_with_attempts() -> Ctx {
    let mut ctx = test_support::ctx();
    let attempts = vec![
        attempt(&ctx, "sd-url-shortener", 9, 3, &[0, 1, 5], 2400),
        attempt(&ctx, "con-lost-argument", 9, 1, &[0, 1, 2, 3], 80),
        attempt(&ctx, "sd-rate-limiter", 6, 2, &[0, 1], 2900),
        attempt(
            &ctx,
            "inc-rollback-or-fix-forward",
            2,
            5,
            &[0, 1, 2, 3, 4, 5],
            70,
        ),
        attempt(
            &ctx,
            "sd-url-shortener",
            2,
            4,
            &[0, 1, 2, 3, 4, 5, 6, 7],
            2500,
        ),
        attempt(&ctx, "inc-vp-wants-a-name", 1, 6, &[1, 3], 100),
        attempt(&ctx, "strat-leadership-thesis", 1, 2, &[0, 2, 4], 85),
        attempt(
            &ctx,
            "inc-outage-you-led",
            0,
            2,
            &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            88,
        ),
    ];
    ctx.attempts = attempts;
    ctx
}

/// Snapshot the screen `build` leads to, once per size, each from a fresh app.
fn snap(name: &str, ctx: fn() -> Ctx, build: impl Fn(&mut Session)) {
    for size in SIZES {
        let mut s = Session::new(ctx(), size);
        build(&mut s);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), s.text());
    }
}

#[test]
fn home_fresh() {
    snap("home_fresh", test_support::ctx, |_| {});
}

#[test]
fn home_with_attempts() {
    snap("home_with_attempts", ctx_with_attempts, |s| {
        s.select_section("incidents");
    });
}

#[test]
fn questions_with_kind_filter() {
    // K cycles every kind; the second press is "judgment call", which Incidents has.
    snap("questions_incidents_judgment", ctx_with_attempts, |s| {
        s.select_section("incidents")
            .act(Action::Open)
            .times(2, Action::CycleKind)
            .act(Action::Down);
    });
}

#[test]
fn questions_filter_matching_nothing() {
    // The first K press in a section with no system-design question.
    snap("questions_incidents_first_kind", ctx_with_attempts, |s| {
        s.select_section("incidents")
            .act(Action::Open)
            .act(Action::CycleKind);
    });
}

#[test]
fn question_reader_at_top() {
    snap("reader_sd_url_shortener", test_support::ctx, |s| {
        s.open_url_shortener();
    });
}

#[test]
fn guides_list() {
    snap("guides", test_support::ctx, |s| {
        s.act(Action::Top).act(Action::Open);
    });
}

#[test]
fn guide_reader() {
    snap("reader_guide", test_support::ctx, |s| {
        s.act(Action::Top).act(Action::Open).act(Action::Open);
    });
}

#[test]
fn search_typed() {
    snap("search_rate_lim", test_support::ctx, |s| {
        s.act(Action::Search).type_text("rate lim");
    });
}

#[test]
fn drill_just_started() {
    snap("drill_started", test_support::ctx, |s| {
        s.open_url_shortener().act(Action::Drill).at(0);
    });
}

#[test]
fn drill_warning() {
    // 45 minutes on the clock; the last fifth (9 minutes) is the warning.
    snap("drill_warning", test_support::ctx, |s| {
        s.open_url_shortener().act(Action::Drill).at(40 * MIN);
    });
}

#[test]
fn drill_overtime_with_notes_and_follow_up() {
    snap("drill_overtime_notes_follow_up", test_support::ctx, |s| {
        s.open_url_shortener()
            .act(Action::Drill)
            .at(MIN)
            .act(Action::Notes)
            .type_text("100:1 reads, optimise redirect\nKGS hands out blocks of 1000")
            .key(KeyCode::Esc)
            .at(44 * MIN + 50)
            .act(Action::FollowUp)
            .at(45 * MIN + 30);
    });
}

#[test]
fn drill_paused() {
    snap("drill_paused", test_support::ctx, |s| {
        s.open_url_shortener()
            .act(Action::Drill)
            .at(10 * MIN)
            .act(Action::Pause)
            .at(30 * MIN);
    });
}

#[test]
fn rubric_two_ticked() {
    snap("rubric_two_ticked", test_support::ctx, |s| {
        s.open_url_shortener()
            .act(Action::Drill)
            .at(30 * MIN + 5)
            .act(Action::Open)
            .act(Action::ToggleItem(0))
            .act(Action::ToggleItem(2));
    });
}

#[test]
fn stats_over_several_days() {
    snap("stats", ctx_with_attempts, |s| {
        s.act(Action::Stats);
    });
}

#[test]
fn stats_empty() {
    snap("stats_empty", test_support::ctx, |s| {
        s.act(Action::Stats);
    });
}

#[test]
fn help_overlay() {
    snap("help_home", test_support::ctx, |s| {
        s.act(Action::Help);
    });
    snap("help_list", test_support::ctx, |s| {
        s.select_section("system-design")
            .act(Action::Open)
            .act(Action::Help);
    });
}

#[test]
fn at_the_minimum_size() {
    let min = (view::MIN_WIDTH, view::MIN_HEIGHT);
    let screens: [(&str, Route); 4] = [
        ("home", |_| {}),
        ("questions", |s| {
            s.select_section("incidents").act(Action::Open);
        }),
        ("rubric", |s| {
            s.open_url_shortener()
                .act(Action::Drill)
                .at(MIN)
                .act(Action::Open)
                .act(Action::ToggleItem(1));
        }),
        ("stats", |s| {
            s.act(Action::Stats);
        }),
    ];
    for (name, route) in screens {
        let mut s = Session::new(ctx_with_attempts(), min);
        route(&mut s);
        insta::assert_snapshot!(format!("min_{name}_{}x{}", min.0, min.1), s.text());
    }
}

#[test]
fn too_small() {
    for (w, h) in [(30, 8), (0, 0), (1, 1), (20, 5)] {
        let mut s = Session::new(test_support::ctx(), (w, h));
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), s.text());
    }
}

#[test]
fn every_size_around_the_minimum_draws_something_sane() {
    for (w, h) in [(59, 40), (60, 15), (60, 16), (61, 17), (200, 15), (60, 60)] {
        let mut s = Session::new(ctx_with_attempts(), (w, h));
        let small = w < view::MIN_WIDTH || h < view::MIN_HEIGHT;
        assert_eq!(
            s.text().contains("Make the window larger"),
            small,
            "{w}×{h}"
        );
        s.open_url_shortener().act(Action::Drill).at(46 * MIN);
        s.act(Action::FollowUp).act(Action::Open).act(Action::Back);
        s.act(Action::Back).act(Action::Stats).act(Action::Help);
    }
}

/// The first few words of a question's talking points, as the Markdown renderer prints them.
fn talking_points_opening(ctx: &Ctx, q: usize) -> Option<String> {
    let tp = &ctx.bank.questions[q].talking_points;
    let lines = crate::markdown::render_plain(tp, 1000);
    let first = lines.iter().find(|l| !l.trim().is_empty())?;
    let words: Vec<&str> = first.split_whitespace().take(4).collect();
    Some(words.join(" "))
}

#[test]
fn talking_points_stay_hidden_until_the_answer_is_graded() {
    let mut s = Session::with_stack(test_support::ctx(), (80, 24), |ctx| {
        vec![
            View::Home(HomeState::new(ctx)),
            View::Questions(QuestionsState::new(ctx, None)),
        ]
    });
    let n = s.app.ctx.bank.questions.len();
    let mut checked = 0;
    for row in 0..n {
        let Some(View::Questions(list)) = s.app.stack.last() else {
            panic!("not on the list");
        };
        let q = list.items[row];
        let id = s.app.ctx.bank.questions[q].id.clone();
        let Some(opening) = talking_points_opening(&s.app.ctx, q) else {
            continue;
        };
        s.act(Action::Drill).at(0);
        // Long design questions run as a paced session.
        assert!(matches!(s.app.mode(), Mode::Drill | Mode::Paced));
        assert!(
            !s.text().contains(&opening),
            "{id}: drill shows «{opening}»"
        );
        // Every follow-up and overtime too: still hidden.
        let follow_ups = s.app.ctx.bank.questions[q].follow_ups.len();
        s.times(follow_ups, Action::FollowUp).at(60 * MIN);
        assert!(
            !s.text().contains(&opening),
            "{id}: drill shows «{opening}»"
        );
        s.act(Action::Open);
        assert_eq!(s.app.mode(), Mode::Rubric);
        assert!(
            s.text().contains(&opening),
            "{id}: rubric lacks «{opening}»"
        );
        // Discard (twice) goes back to the list, where the next question waits.
        s.act(Action::Discard)
            .act(Action::Discard)
            .act(Action::Down);
        s.at(0);
        checked += 1;
    }
    assert!(checked > 100, "only {checked} questions had talking points");
}

#[test]
fn help_lists_every_key_of_the_screen_at_both_sizes() {
    let routes: [(Mode, Route); 8] = [
        (Mode::Home, |_| {}),
        (Mode::List, |s| {
            s.select_section("strategy").act(Action::Open);
        }),
        (Mode::Reader, |s| {
            s.open_url_shortener();
        }),
        (Mode::Search, |s| {
            s.act(Action::Search);
        }),
        (Mode::Paced, |s| {
            s.open_url_shortener().act(Action::Drill);
        }),
        (Mode::Drill, |s| {
            s.select_section("conflict")
                .act(Action::Open)
                .select_question("con-lost-argument")
                .act(Action::Drill);
        }),
        (Mode::Rubric, |s| {
            s.open_url_shortener()
                .act(Action::Drill)
                .act(Action::Open)
                .act(Action::Open);
        }),
        (Mode::Stats, |s| {
            s.act(Action::Stats);
        }),
    ];
    for size in SIZES {
        for (mode, route) in routes {
            let mut s = Session::new(test_support::ctx(), size);
            route(&mut s);
            assert_eq!(s.app.mode(), mode);
            let text = s.help_text();
            let keys = &s.app.ctx.keys;
            for b in keys
                .bindings(mode)
                .iter()
                .chain(keys.global())
                .filter(|b| keys.works_in(mode, b))
            {
                let row = test_support::help_row(b);
                assert!(
                    text.contains(&row),
                    "{mode:?} at {size:?}: help lacks «{row}»\n{text}"
                );
            }
        }
    }
}

/// The footer's last hint is `? help`; a cut footer loses it first.
fn footers_cut_at_80_columns(routes: &[Route]) -> Vec<String> {
    let mut cut = Vec::new();
    for route in routes {
        let mut s = Session::new(test_support::ctx(), (80, 24));
        route(&mut s);
        let text = s.text();
        let footer = text.lines().last().unwrap_or_default();
        if !footer.ends_with("? help") {
            cut.push(format!("{:?}: «{footer}»", s.app.mode()));
        }
    }
    cut
}

#[test]
fn footer_shows_the_help_key_at_80_columns() {
    let routes: [Route; 6] = [
        |_| {},
        |s| {
            s.open_url_shortener();
        },
        |s| {
            s.act(Action::Search);
        },
        |s| {
            s.open_url_shortener().act(Action::Drill).act(Action::Notes);
        },
        |s| {
            s.open_url_shortener()
                .act(Action::Drill)
                .act(Action::Open)
                .act(Action::Open);
        },
        |s| {
            s.act(Action::Stats);
        },
    ];
    let cut = footers_cut_at_80_columns(&routes);
    // In a text box `?` types a question mark, so the footer does not offer it there.
    assert_eq!(
        cut,
        [
            "Search: «Enter open · Esc back»",
            "Notes: «Esc done with notes»"
        ],
        "{cut:#?}"
    );
}

/// Known bug: the question list's and the drill's footers are wider than 80 columns and lose
/// `? help` (and in the drill `q/Esc leave`). See `questions_*_80x24` and `drill_*_80x24`.
#[test]
fn footer_shows_the_help_key_at_80_columns_in_list_and_drill() {
    let routes: [Route; 2] = [
        |s| {
            s.select_section("strategy").act(Action::Open);
        },
        |s| {
            s.open_url_shortener().act(Action::Drill);
        },
    ];
    let cut = footers_cut_at_80_columns(&routes);
    assert!(cut.is_empty(), "{cut:#?}");
}

/// A section and a guide of wide, combining, right-to-left and escape-laden text. The bytes carry
/// no control character (the loader refuses those), but YAML's own escapes (`\e`, `\x9b`, `\a`)
/// make them once parsed, and today the loader lets them through: the screens must not pass them on.
const WIDE_SECTION: &str = r#"id: wide
title: "寬字元 🧑‍💻 ce\u0301 עברית \e[31mred"
order: 5
summary: "日本語の要約 👨‍👩‍👧‍👦 مرحبا \e]0;pwned\a"
questions:
  - id: wide-one
    prompt: "設計してください：短縮URLサービス 🧑‍🔬👩🏽‍🚀 with e\u0301e\u0301 and שלום עולם \e[2J\e[H cleared? \x9b31m"
    kind: judgment
    roles: [staff]
    time: 90s
    rubric: judgment
    probes: ["探り 🏳️‍🌈 \e[5mblink"]
    checks:
      - "確認項目ひとつ 🇯🇵 a\u0301\u0302\u0303 \e[7m"
      - "טקסט מימין לשמאל \u202Ereversed\u202C ok"
    talking_points: "**要点** 全角の文章が続きます。🧑‍💻 \e[31m赤\e[0m עברית"
    pitfalls: ["落とし穴 \a bell"]
    follow_ups:
      - "追加の質問 👩‍❤️‍💋‍👨 \e[1mbold"
      - "ثانية؟ مرحبا بالعالم"
    tags: [wide, 日本]
  - id: wide-two
    prompt: "ＦＵＬＬＷＩＤＴＨ　ＰＲＯＭＰＴ　ＴＨＡＴ　ＩＳ　ＶＥＲＹ　ＬＯＮＧ　ＡＮＤ　ＷＲＡＰＳ　ＯＦＴＥＮ　ＡＣＲＯＳＳ　ＬＩＮＥＳ"
    kind: behavioral
    time: 90s
    rubric: star
    follow_ups: ["ok"]
"#;

const WIDE_GUIDE: &str = "---\nid: wide-guide\ntitle: \"手引き 🧑‍💻 \\e[31m\"\norder: 0\nsummary: \"ガイド\\e]8;;http://x\\a link\"\n---\n# 見出し 👨‍👩‍👧\n\nעברית ו-English mixed, e\u{301}\u{302}, 表 | 表\n\n```\nコード 🧑‍🔬\n```\n";

fn wide_ctx() -> Ctx {
    let load = |section: &str, guide: &str| {
        bank::load(&[
            BankSource::Builtin,
            BankSource::Memory("sections/wide.yaml".into(), section.as_bytes().to_vec()),
            BankSource::Memory("guides/wide.md".into(), guide.as_bytes().to_vec()),
        ])
    };
    // The loader refuses escaped control characters and bidi overrides; the wide text alone loads.
    assert!(
        load(WIDE_SECTION, WIDE_GUIDE).is_err(),
        "escapes must be refused"
    );
    let strip = |s: &str| {
        ["\\e", "\\a", "\\x9b", "\\u202E", "\\u202C"]
            .iter()
            .fold(s.to_string(), |acc, e| acc.replace(e, ""))
    };
    let bank = load(&strip(WIDE_SECTION), &strip(WIDE_GUIDE)).unwrap_or_else(|e| panic!("{e}"));
    let mut ctx = Ctx::new(
        bank,
        None,
        super::theme::Theme::new(false, super::theme::Background::Dark),
        Instant::now(),
        NOW_UNIX,
    );
    ctx.attempts = vec![attempt(&ctx, "wide-one", 1, 0, &[0, 1], 95)];
    ctx
}

/// Fail if any cell holds a control character (ESC, BEL, CSI…) that would reach the terminal.
fn assert_no_control(s: &mut Session, what: &str) {
    let bad = s
        .term
        .backend()
        .buffer()
        .content
        .iter()
        .position(|c| c.symbol().chars().any(char::is_control));
    if let Some(i) = bad {
        let symbol = s.term.backend().buffer().content[i].symbol().to_string();
        panic!("{what}: cell {i} holds {symbol:?}\n{}", s.text());
    }
}

#[test]
fn wide_and_hostile_text_never_panics_or_reaches_the_terminal() {
    let sizes = [(60, 16), (61, 17), (70, 20), (80, 24), (99, 30), (120, 40)];
    for size in sizes {
        let mut s = Session::new(wide_ctx(), size);
        let steps: [(&str, Route); 15] = [
            ("home", |_| {}),
            ("list", |s| {
                s.select_section("wide").act(Action::Open);
            }),
            ("reader", |s| {
                s.act(Action::Open).times(3, Action::PageDown);
            }),
            ("drill", |s| {
                s.act(Action::Drill)
                    .at(10)
                    .act(Action::Notes)
                    .type_text("メモ 🧑‍💻 e\u{301}\nשלום");
            }),
            ("drill follow-up", |s| {
                s.key(KeyCode::Esc).act(Action::FollowUp).at(95);
            }),
            ("rubric", |s| {
                s.act(Action::Open)
                    .act(Action::ToggleItem(0))
                    .act(Action::ToggleItem(5));
            }),
            ("rubric scrolled", |s| {
                s.act(Action::PageDown)
                    .act(Action::Discard)
                    .act(Action::Discard);
            }),
            ("second question", |s| {
                s.act(Action::Back)
                    .act(Action::Down)
                    .act(Action::Open)
                    .act(Action::Drill)
                    .at(200);
            }),
            ("home again", |s| {
                s.act(Action::Back)
                    .act(Action::Back)
                    .act(Action::Back)
                    .act(Action::Back);
            }),
            ("guides", |s| {
                s.act(Action::Top).act(Action::Open);
            }),
            ("guide reader", |s| {
                let g = s
                    .app
                    .ctx
                    .bank
                    .guides
                    .iter()
                    .position(|g| g.id == "wide-guide")
                    .unwrap();
                s.times(g, Action::Down).act(Action::Open);
            }),
            ("search", |s| {
                s.act(Action::Back)
                    .act(Action::Back)
                    .act(Action::Search)
                    .type_text("日本 🧑");
            }),
            ("search wide", |s| {
                s.app
                    .handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
                s.type_text("wide");
            }),
            ("stats", |s| {
                s.key(KeyCode::Esc).act(Action::Stats);
            }),
            ("help", |s| {
                s.act(Action::Help);
            }),
        ];
        for (what, step) in steps {
            step(&mut s);
            if what == "list" {
                assert!(s.text().contains("寬字元"), "{size:?}: no wide section");
            }
            assert_no_control(&mut s, &format!("{what} at {size:?}"));
        }
    }
}

mod stories;
mod truth;
