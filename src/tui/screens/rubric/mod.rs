//! Grading: the question's checklist (its rubric's items, then its own checks) ticked with space or
//! 1-9, a weighted score shown live per axis, and the talking points and follow-ups to compare
//! against. `s` appends the attempt to the log; then the next question of the drill, if any.

use super::{Screen, View, drill};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Effect, Step, Transition};
use crate::tui::nav::Nav;
use crate::tui::scroll::Scroll;
use prep_core::practice::{self, Answer, ChecklistItem, format_clock};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub struct RubricState {
    pub question: usize,
    pub items: Vec<ChecklistItem>,
    pub checked: Vec<bool>,
    pub nav: Nav,
    pub answer: Answer,
    /// The drill's queue and this question's place in it, to go on to the next.
    queue: Vec<usize>,
    pos: usize,
    scroll: Scroll,
    /// Up/Down move the compare pane instead of the checklist (Tab switches).
    compare_focus: bool,
    /// Where the compare pane was drawn, for the mouse wheel.
    compare_area: Rect,
    /// The compare pane laid out at a width: it does not change while grading, so a keypress
    /// redraws only what is on screen (talking points can be megabytes).
    compare_text: Option<(u16, String, ratatui::text::Text<'static>)>,
    confirm_discard: bool,
    pub extras: super::grading::Extras,
    /// The recording's player and transcript (see `tui::audio`).
    pub audio: crate::tui::audio::RubricAudio,
}

impl RubricState {
    pub fn new(
        ctx: &Ctx,
        question: usize,
        answer: Answer,
        (queue, pos): (Vec<usize>, usize),
    ) -> Self {
        let q = &ctx.bank.questions[question];
        let items = practice::checklist_for(&ctx.bank, q, ctx.target_role);
        let nav = Nav::new(items.len());
        let extras = super::grading::Extras::new(ctx, question, &answer);
        let audio = crate::tui::audio::RubricAudio::new(ctx, &answer);
        RubricState {
            question,
            checked: vec![false; items.len()],
            items,
            nav,
            answer,
            queue,
            pos,
            scroll: Scroll::default(),
            compare_focus: false,
            compare_area: Rect::default(),
            compare_text: None,
            confirm_discard: false,
            extras,
            audio,
        }
    }

    fn toggle(&mut self, i: usize) {
        if let Some(c) = self.checked.get_mut(i) {
            *c = !*c;
            self.nav.select(i);
        }
    }

    /// The next drill in the queue, or back to where the drill started.
    fn next(&self, ctx: &Ctx) -> Transition {
        if self.pos + 1 < self.queue.len() {
            Transition::Replace(View::Drill(Box::new(drill::DrillState::new(
                ctx,
                self.queue.clone(),
                self.pos + 1,
            ))))
        } else {
            Transition::Pop
        }
    }
}

pub fn update(s: &mut RubricState, ctx: &mut Ctx, action: Action) -> Step {
    let confirmed = std::mem::take(&mut s.confirm_discard);
    // J/K, PgDn/PgUp and Ctrl-D/U scroll the compare pane (as the keymap says), and so do the
    // moving keys while it has the focus.
    let paging = matches!(
        action,
        Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp
    );
    if (paging || s.compare_focus) && s.scroll.apply(action) {
        return Step::stay();
    }
    if !paging && s.nav.apply(action) {
        return Step::stay();
    }
    match action {
        Action::SwitchPane => s.compare_focus = !s.compare_focus,
        Action::Toggle | Action::ToggleItem(_) => {
            let item = match action {
                Action::ToggleItem(i) => Some(i),
                _ => s.nav.selected(),
            };
            if let Some(i) = item.filter(|&i| i < s.items.len()) {
                s.toggle(i);
                s.extras.ticked(ctx, &s.items, &s.checked, &s.answer);
            }
        }
        Action::Play => s.audio.toggle_play(ctx),
        Action::Save => return Step::effect(Effect::Save(Box::new(s.attempt(ctx)))),
        Action::Discard | Action::Back if confirmed => {
            ctx.info("Discarded; nothing was saved");
            return s.next(ctx).into();
        }
        Action::Discard | Action::Back => {
            s.confirm_discard = true;
            ctx.info("Press x again to discard this attempt, or s to save it");
        }
        _ => {}
    }
    Step::stay()
}

impl RubricState {
    /// The attempt these ticks make, as of now.
    pub fn attempt(&self, ctx: &Ctx) -> prep_core::storage::Attempt {
        let q = &ctx.bank.questions[self.question];
        let mut a = practice::attempt(q, &self.items, &self.checked, &self.answer, ctx.now_unix);
        self.extras.keep(&mut a);
        a
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut RubricState, ctx: &Ctx) {
    let t = ctx.theme;
    let q = &ctx.bank.questions[s.question];
    let wide = area.width >= 100;
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area)
    };
    // The prompt being graded, on up to three lines (the rest marked), above the checklist.
    let mut asked = crate::markdown::render_plain(
        &prep_core::doc::escape(&q.prompt),
        left.width.saturating_sub(1).max(8),
    );
    let room = if left.height >= 16 { 3 } else { 1 };
    if asked.len() > room {
        asked.truncate(room);
        if let Some(last) = asked.last_mut() {
            *last = crate::markdown::ellipsize(
                &format!("{last} …"),
                usize::from(left.width.saturating_sub(1)),
            );
        }
    }
    let asked_h = u16::try_from(asked.len()).unwrap_or(1);
    let [prompt, list, gauges] = Layout::vertical([
        Constraint::Length(asked_h),
        Constraint::Min(3),
        Constraint::Length(4),
    ])
    .areas(left);
    f.render_widget(
        Paragraph::new(asked.into_iter().map(Line::from).collect::<Vec<_>>()).style(t.dim()),
        prompt,
    );

    // Item texts wrap, so every word of what is being graded is visible.
    s.extras.opinion.collect();
    let marks = s.extras.opinion.mark_width();
    let text_width = list.width.saturating_sub(3 + 3 + 4 + 3 + marks).max(8);
    s.nav.heights.clear();
    let rows: Vec<Row> = s
        .items
        .iter()
        .zip(&s.checked)
        .enumerate()
        .map(|(i, (item, &on))| {
            let mark = if on {
                Span::styled("[x]", t.good())
            } else {
                Span::raw("[ ]")
            };
            let num = format!("{}.", i + 1);
            let axis = item.axis.as_str().chars().next().unwrap_or(' ');
            let tag = if item.key.starts_with("level-") {
                "lvl".to_string()
            } else if item.own {
                "own".to_string()
            } else {
                format!("{axis}·{}", item.weight)
            };
            let lines =
                crate::markdown::render_plain(&prep_core::doc::escape(&item.text), text_width);
            let height = u16::try_from(lines.len().max(1)).unwrap_or(1);
            s.nav.heights.push(height);
            let text =
                ratatui::text::Text::from(lines.into_iter().map(Line::from).collect::<Vec<_>>());
            Row::new(vec![
                Cell::from(mark),
                Cell::from(num),
                Cell::from(text),
                Cell::from(Line::from(vec![
                    Span::styled(tag, t.dim()),
                    s.extras.opinion.mark(ctx, &item.key),
                ])),
            ])
            .height(height)
        })
        .collect();
    let spoken = format!(
        " Grade honestly · spoke {} of {} ",
        format_clock(i64::from(s.answer.spoken_secs)),
        format_clock(i64::from(s.answer.limit_secs))
    ) + &s.audio.title();
    let table = Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(4 + marks),
        ],
    )
    .row_highlight_style(t.selected())
    .block(
        Block::new()
            .borders(Borders::TOP)
            .title(spoken)
            .title_style(t.title()),
    );
    s.nav.rows_area = Rect {
        y: list.y + 1,
        height: list.height.saturating_sub(1),
        ..list
    };
    f.render_stateful_widget(table, list, &mut s.nav.state);

    let score = practice::score(&s.items, &s.checked);
    let [g0, g1, g2, hint] = Layout::vertical([Constraint::Length(1); 4]).areas(gauges);
    crate::tui::axis::percent_gauge(f, g0, &t, "Score", Some(score.total), "no items");
    let w: prep_core::grades::Axes = prep_core::grades::weights_of(&s.items, &s.checked).into();
    crate::tui::axis::gauge(f, g1, &t, "Technical", w.technical, false);
    crate::tui::axis::gauge(f, g2, &t, "People", w.people, false);
    let legend = "t·3: technical, weight 3 · p: people · own / lvl: question's / level's";
    let line = s
        .extras
        .hint_line(ctx, &s.items, &s.checked, &s.answer, legend);
    f.render_widget(Paragraph::new(line), hint);

    let block = Block::new()
        .borders(if wide {
            Borders::LEFT | Borders::TOP
        } else {
            Borders::TOP
        })
        .title(" Compare: what a strong answer covers ")
        .title_style(t.title());
    let width = block.inner(right).width.saturating_sub(2).max(1);
    // Laid out again only when the width, the second opinion or the recording's part changes.
    let opinion = s.extras.opinion.markdown(&s.items) + &s.audio.markdown(&s.answer);
    if s.compare_text
        .as_ref()
        .is_none_or(|(w, o, _)| *w != width || *o != opinion)
    {
        let text = crate::markdown::render(&compare_markdown(s, ctx, q), width, t.markdown());
        s.compare_text = Some((width, opinion, text));
    }
    s.compare_area = right;
    let hint = if s.compare_focus { "j/k" } else { "J/K" };
    if let Some((_, _, text)) = &s.compare_text {
        s.scroll.draw(
            f,
            right,
            block,
            text,
            &format!("{hint} scroll"),
            t.dim(),
            false,
        );
    }
}

/// What the compare pane shows: your notes, what a strong answer covers, the time per stage.
fn compare_markdown(s: &RubricState, ctx: &Ctx, q: &prep_core::bank::Question) -> String {
    let mut md = s.extras.opinion.markdown(&s.items);
    if !s.answer.notes.trim().is_empty() {
        md.push_str("## Your notes\n\n");
        md.push_str(&prep_core::doc::notes_markdown(&s.answer.notes, 3));
        md.push('\n');
    }
    md.push_str(&prep_core::doc_levels::level_bar_markdown(
        q,
        ctx.target_role,
    ));
    md.push_str(&s.audio.markdown(&s.answer));
    md.push_str(&prep_core::doc::answer_markdown(q));
    if !s.answer.stages.is_empty() {
        md.push_str("\n\n");
        md.push_str(&practice::pace::summary_markdown(&s.answer.stages));
    }
    md
}

impl Screen for RubricState {
    fn mode(&self) -> Mode {
        Mode::Rubric
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action)
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        Some(&mut self.nav)
    }
    fn unsaved(&self) -> Option<&'static str> {
        Some("this grading")
    }
    fn wheel(&mut self, column: u16, row: u16, down: bool) -> bool {
        if !self
            .compare_area
            .contains(ratatui::layout::Position::new(column, row))
        {
            return false;
        }
        self.scroll
            .apply(if down { Action::Down } else { Action::Up });
        true
    }
    fn background(&mut self, ctx: &mut Ctx) {
        self.extras.background(ctx);
    }
    fn running(&self) -> bool {
        self.audio.busy()
    }
    fn audio(&mut self, ctx: &mut Ctx, ev: &prep_core::audio::process::Event) -> Step {
        self.audio.event(ctx, &mut self.answer, ev);
        Step::stay()
    }
    /// Saved: on to the next question of the drill (a failed save keeps the grading here).
    fn saved(&mut self, ctx: &mut Ctx, saved: bool) -> Step {
        if saved {
            self.next(ctx).into()
        } else {
            Step::stay()
        }
    }
}

#[cfg(test)]
mod tests;
