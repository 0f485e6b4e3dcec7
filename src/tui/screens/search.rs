//! Live fuzzy search over prompts, ids, tags, probes and guides; matched characters highlighted.
//! Queries run on the search thread: a keystroke waits briefly for its results, and if they are
//! not ready (a very large bank) the screen keeps the previous ones until they arrive.

use super::{Screen, View, reader};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::nav::Nav;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prep_core::search::{Hit, Target};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};
use std::time::{Duration, Instant};

/// Results kept per query; more than a screen's worth is noise.
const LIMIT: usize = 200;

/// How long a keystroke waits for its own results before the screen is drawn without them.
const KEY_WAIT: Duration = Duration::from_millis(2);

/// Results still missing after this long get a "searching" note.
const SLOW: Duration = Duration::from_millis(150);

#[derive(Default)]
pub struct SearchState {
    pub query: String,
    /// The results shown: for `shown_query`, which is `query` unless newer ones are on the way.
    pub hits: Vec<Hit>,
    pub shown_query: String,
    pub nav: Nav,
    /// When the query whose results are still awaited was typed.
    pub asked: Option<Instant>,
    /// Serial number of this screen's first query: results for earlier ones (from a search
    /// screen closed before they arrived) are not this screen's.
    pub first: Option<u64>,
}

/// Take any results that have arrived, waiting up to `wait` for the latest query's.
pub fn refresh(s: &mut SearchState, ctx: &mut Ctx, wait: Duration) {
    if let Some(results) = ctx.search.take(wait)
        && s.first.is_some_and(|first| results.serial >= first)
    {
        s.hits = results.hits;
        s.shown_query = results.query;
        s.nav = Nav::new(s.hits.len());
    }
    if !ctx.search.pending() {
        s.asked = None;
    }
}

/// Wait as long as it takes for the latest query's results (tests and benchmarks).
pub fn settle(s: &mut SearchState, ctx: &mut Ctx) {
    while ctx.search.pending() {
        refresh(s, ctx, Duration::from_secs(1));
    }
}

pub fn text_input(s: &mut SearchState, ctx: &mut Ctx, key: KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if ctrl => s.query.clear(),
        KeyCode::Char('w') if ctrl => {
            let keep = s.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
            s.query.truncate(keep);
        }
        KeyCode::Char(c) if !ctrl => s.query.push(c),
        KeyCode::Backspace => {
            s.query.pop();
        }
        _ => return,
    }
    let serial = ctx.search.submit(&s.query, LIMIT);
    if let Some(why) = ctx.search.failure.take() {
        ctx.error(why);
    }
    s.first.get_or_insert(serial);
    s.asked.get_or_insert(ctx.now);
    if s.query.is_empty() {
        s.hits.clear();
        s.nav = Nav::new(0);
    }
    refresh(s, ctx, KEY_WAIT);
}

pub fn update(s: &mut SearchState, _ctx: &mut Ctx, action: Action) -> Transition {
    if s.nav.apply(action) {
        return Transition::Stay;
    }
    match action {
        Action::Open => match s.nav.selected().map(|i| s.hits[i].target) {
            Some(Target::Question(q)) => {
                Transition::Push(View::Reader(reader::ReaderState::question(q)))
            }
            Some(Target::Guide(g)) => Transition::Push(View::Reader(reader::ReaderState::guide(g))),
            None => Transition::Stay,
        },
        Action::Back => Transition::Pop,
        _ => Transition::Stay,
    }
}

/// `text` with the characters at `positions` in `mark` style.
fn highlighted(text: &str, positions: &[u32], mark: ratatui::style::Style) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let marked = positions.binary_search(&(i as u32)).is_ok();
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked { mark } else { Default::default() };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_marked { mark } else { Default::default() },
        ));
    }
    Line::from(spans)
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut SearchState, ctx: &Ctx) {
    let t = ctx.theme;
    let [input, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let prompt = Line::from(vec![
        Span::styled("/ ", t.key()),
        Span::raw(s.query.clone()),
        Span::styled("█", t.dim()),
    ]);
    let input_block = Block::bordered()
        .title(" Search questions, tags, probes and guides ")
        .title_style(t.title());
    f.render_widget(Paragraph::new(prompt).block(input_block), input);
    let rows = s.hits.iter().map(|h| {
        let (id, what) = match h.target {
            Target::Question(i) => (
                ctx.bank.questions[i].id.clone(),
                format!("{:?}", h.field).to_lowercase(),
            ),
            Target::Guide(i) => (ctx.bank.guides[i].id.clone(), "guide".to_string()),
        };
        let text = crate::markdown::sanitize(&h.text).into_owned();
        Row::new(vec![
            Cell::from(id),
            Cell::from(Span::styled(what, t.dim())),
            Cell::from(highlighted(&text, &h.positions, t.matched())),
        ])
    });
    let waiting = s
        .asked
        .is_some_and(|at| s.hits.is_empty() || ctx.now.saturating_duration_since(at) >= SLOW);
    let status = if s.query.is_empty() {
        " Type to search ".to_string()
    } else if waiting {
        " Searching… ".to_string()
    } else if s.hits.is_empty() {
        " No match: try fewer letters ".to_string()
    } else if s.hits.len() >= LIMIT {
        format!(" best {LIMIT} matches ")
    } else {
        let n = s.hits.len();
        format!(" {n} match{} ", if n == 1 { "" } else { "es" })
    };
    let table = Table::new(
        rows,
        [
            Constraint::Length(30),
            Constraint::Length(8),
            Constraint::Fill(1),
        ],
    )
    .row_highlight_style(t.selected())
    .highlight_symbol("› ")
    .block(
        Block::new()
            .borders(Borders::TOP)
            .title(status)
            .title_style(t.dim()),
    );
    s.nav.rows_area = Rect {
        y: results.y + 1,
        height: results.height.saturating_sub(1),
        ..results
    };
    f.render_stateful_widget(table, results, &mut s.nav.state);
}

impl Screen for SearchState {
    fn mode(&self) -> Mode {
        Mode::Search
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    /// While results are awaited, so "Searching…" shows if they take long.
    fn running(&self) -> bool {
        self.asked.is_some()
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        Some(&mut self.nav)
    }
    fn text_input(&mut self, ctx: &mut Ctx, key: KeyEvent) {
        text_input(self, ctx, key);
    }
    fn search_results(&mut self, ctx: &mut Ctx) {
        refresh(self, ctx, Duration::ZERO);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::App;
    use crate::tui::test_support;
    use ratatui::style::Style;

    fn type_keys(app: &mut App, text: &str) {
        for c in text.chars() {
            app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    /// Have the search thread say when it has results, as the event loop does.
    fn notified(app: &mut App) -> std::sync::mpsc::Receiver<()> {
        let (tx, rx) = std::sync::mpsc::channel();
        app.ctx.search.on_results(move || {
            let _ = tx.send(());
        });
        rx
    }

    /// Hand each notice to the app, as the event loop does, until the search thread has answered.
    fn wait_for_results(app: &mut App, notices: &std::sync::mpsc::Receiver<()>) {
        while app.ctx.search.pending() {
            notices
                .recv_timeout(Duration::from_secs(10))
                .expect("the search thread answers");
            app.search_results(app.ctx.now, app.ctx.now_unix);
        }
    }

    fn search_state(app: &mut App) -> &mut SearchState {
        match app.stack.last_mut() {
            Some(View::Search(s)) => s,
            _ => panic!("not on the search screen"),
        }
    }

    #[test]
    fn results_arrive_for_the_query_typed_and_a_closed_search_leaves_nothing_behind() {
        let mut app = App::new(test_support::ctx(), Vec::new());
        let notices = notified(&mut app);
        app.update(Action::Search);
        type_keys(&mut app, "conflict");
        wait_for_results(&mut app, &notices);
        let s = search_state(&mut app);
        assert_eq!(s.shown_query, "conflict");
        assert!(!s.hits.is_empty());
        assert!(
            app.tick_every().is_none(),
            "nothing pending, so the app may sleep"
        );

        // Close the screen with a query still on its way: its results must not show up in the
        // next search screen, and the app must stop looking for them once they are in.
        app.update(Action::Back);
        // As if the closed screen's last key were still being searched.
        app.ctx.search.submit("conflict", LIMIT);
        app.update(Action::Search);
        assert!(search_state(&mut app).hits.is_empty());
        wait_for_results(&mut app, &notices);
        let s = search_state(&mut app);
        assert!(s.hits.is_empty(), "stale results: {:?}", s.shown_query);
        assert!(app.tick_every().is_none(), "idle again");
    }

    #[test]
    fn highlight_marks_exactly_the_matched_characters() {
        let mark = Style::new().bold();
        let line = highlighted("design", &[0, 1, 5], mark);
        let parts: Vec<(String, bool)> = line
            .spans
            .iter()
            .map(|s| (s.content.to_string(), s.style == mark))
            .collect();
        assert_eq!(
            parts,
            vec![
                ("de".into(), true),
                ("sig".into(), false),
                ("n".into(), true)
            ]
        );
    }
}
