//! One full frame of each main screen at 120x40 into a `TestBackend`, the way the event loop draws
//! it (`terminal.draw` with the whole view: screen, status line, footer). The built-in bank with
//! 300 attempts of history; Home and Stats also with a 10k bank and 5,000 attempts, since their
//! figures are computed from the whole log on every frame. Also Markdown rendering of a large
//! document, plain and emphasis-heavy.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use divan::Bencher;
use prep::tui::app::{App, Ctx};
use prep::tui::screens::{
    View, drill::DrillState, home::HomeState, questions::QuestionsState, reader::ReaderState,
    rubric::RubricState, search::SearchState, stats::StatsState,
};
use prep::tui::view;
use prep_core::practice::Answer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SCREENS: &[&str] = &[
    "home",
    "questions",
    "reader",
    "search",
    "drill",
    "rubric",
    "stats",
];

/// The screen called `name`, over the question every screen shows (the URL shortener).
fn screen(ctx: &mut Ctx, name: &str) -> View {
    let q = ctx.bank.question_index("sd-url-shortener").unwrap_or(0);
    match name {
        "home" => View::Home(HomeState::new(ctx)),
        "questions" => View::Questions(QuestionsState::new(ctx, Some("system-design".into()))),
        "reader" => View::Reader(ReaderState::question(q)),
        "search" => {
            let mut s = SearchState {
                query: "rate lim".to_string(),
                ..SearchState::default()
            };
            s.first = Some(ctx.search.submit(&s.query, 200));
            prep::tui::screens::search::settle(&mut s, ctx);
            View::Search(s)
        }
        "drill" => View::Drill(Box::new(DrillState::new(ctx, vec![q], 0))),
        "rubric" => {
            let answer = Answer {
                spoken_secs: 2500,
                limit_secs: 2700,
                ..Answer::default()
            };
            View::Rubric(Box::new(RubricState::new(ctx, q, answer, (vec![q], 0))))
        }
        _ => View::Stats(StatsState),
    }
}

fn frame(bencher: Bencher, mut ctx: Ctx, name: &str) {
    let view = screen(&mut ctx, name);
    let mut app = App::new(ctx, vec![view]);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    bencher.bench_local(|| {
        term.draw(|f| view::draw(f, &mut app))
            .map(|_| ())
            .unwrap_or_else(|e| panic!("{e}"));
    });
}

#[divan::bench(args = SCREENS)]
fn builtin_120x40(bencher: Bencher, name: &str) {
    let ctx = common::ctx(common::bank(0), 300);
    frame(bencher, ctx, name);
}

#[divan::bench(args = ["home", "stats"], sample_count = 30)]
fn bank10k_history5k_120x40(bencher: Bencher, name: &str) {
    let ctx = common::ctx(common::bank(10_000), 5_000);
    frame(bencher, ctx, name);
}

/// What Home computes from the whole log on every frame: the figures (also drawn by Stats) and
/// the review schedule (the "due" count), over (extra questions, attempts).
#[divan::bench(args = [(0, 300), (10_000, 5_000)], sample_count = 30)]
fn home_figures(bencher: Bencher, (extra, attempts): (usize, usize)) {
    let bank = common::bank(extra);
    let log = common::attempts(&bank, attempts);
    bencher.bench(|| prep_core::stats::compute(&bank, &log, common::NOW_UNIX));
}

#[divan::bench(args = [(0, 300), (10_000, 5_000)], sample_count = 30)]
fn home_review_schedule(bencher: Bencher, (extra, attempts): (usize, usize)) {
    let bank = common::bank(extra);
    let log = common::attempts(&bank, attempts);
    bencher.bench(|| prep_core::review::schedule(&bank, &log, common::NOW_UNIX));
}

/// `prep::markdown::render` of 120 KB at 100 columns: plain words, and emphasis-heavy text
/// (`*a ` repeated, one inline segment per character or so), which must cost about the same.
#[divan::bench(args = ["plain", "emphasis"], sample_count = 10)]
fn markdown_120kb(bencher: Bencher, kind: &str) {
    let md = if kind == "plain" {
        "ab ".repeat(40_000)
    } else {
        "*a ".repeat(40_000)
    };
    bencher.bench(|| prep::markdown::render(&md, 100, prep::markdown::Theme::colored()));
}

/// A keypress on the rubric (tick an item, then draw the frame) when the question's talking
/// points are 7.9 MiB (the loader allows it): the compare pane is laid out once, so each
/// keypress only draws what is on screen. The goal is under 16 ms.
#[divan::bench(sample_count = 20)]
fn rubric_keypress_huge_talking_points(bencher: Bencher) {
    let mut bank = common::bank(0);
    let q = bank.question_index("sd-url-shortener").unwrap_or(0);
    let para = "Shard the key space by a hash of the short code so each node holds an even slice. ";
    bank.questions[q].talking_points = para.repeat(79 * 1024 * 1024 / 10 / para.len()).into();
    let ctx = common::ctx(bank, 0);
    let answer = Answer {
        spoken_secs: 60,
        limit_secs: 90,
        ..Answer::default()
    };
    let view = View::Rubric(Box::new(RubricState::new(&ctx, q, answer, (vec![q], 0))));
    let mut app = App::new(ctx, vec![view]);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap_or_else(|e| panic!("{e}"));
    term.draw(|f| view::draw(f, &mut app)).unwrap(); // the one layout
    bencher.bench_local(|| {
        app.update(prep::keymap::Action::Toggle);
        app.update(prep::keymap::Action::PageDown);
        term.draw(|f| view::draw(f, &mut app)).map(|_| ()).unwrap();
    });
}
