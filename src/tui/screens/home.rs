//! Home: every section with its size and how much of it has been practised and how well, the
//! guides, the streak and the last practice; the starting point for browsing and drilling.

use super::{Screen, View, drill, guides, questions, stats};
use crate::keymap::{Action, Mode};
use crate::tui::app::{Ctx, Step, Transition};
use crate::tui::nav::Nav;
use prep_core::stats::{self as figures};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub struct HomeState {
    pub nav: Nav,
}

impl HomeState {
    pub fn new(ctx: &Ctx) -> Self {
        // Row 0 is the guides, then one row per section.
        HomeState {
            nav: Nav::new(ctx.bank.sections.len() + 1),
        }
    }
}

pub fn update(s: &mut HomeState, ctx: &mut Ctx, action: Action) -> Transition {
    if s.nav.apply(action) {
        return Transition::Stay;
    }
    let section = s
        .nav
        .selected()
        .and_then(|i| i.checked_sub(1))
        .map(|i| ctx.bank.sections[i].id.to_string());
    match action {
        Action::Open => match section {
            None => Transition::Push(View::Guides(guides::GuidesState::new(ctx))),
            Some(id) => Transition::Push(View::Questions(questions::QuestionsState::new(
                ctx,
                Some(id),
            ))),
        },
        Action::Drill if section.is_none() => {
            ctx.info("Guides have no questions to drill: move to a section, or r for reviews");
            Transition::Stay
        }
        Action::Interview => {
            let filter = prep_core::bank::Filter {
                section,
                ..Default::default()
            };
            let pool = prep_core::practice::shuffled(&ctx.bank, &filter, &mut ctx.rng);
            super::interview::start(ctx, pool, None)
        }
        Action::Drill => {
            let filter = prep_core::bank::Filter {
                section,
                ..Default::default()
            };
            let mut pool = prep_core::practice::shuffled(&ctx.bank, &filter, &mut ctx.rng);
            pool.truncate(1);
            drill::start(ctx, pool)
        }
        Action::DrillDue => {
            let sched = ctx.schedule();
            let plan = prep_core::review::due_plan(&ctx.bank, &sched, &Default::default(), None);
            let message = plan.message();
            let found = !plan.queue.is_empty();
            let next = drill::start(ctx, plan.queue);
            if found {
                ctx.info(message);
            }
            next
        }
        Action::Stats => Transition::Push(View::Stats(stats::StatsState)),
        Action::Stories => Transition::Push(View::Stories(Box::new(
            super::stories::StoriesState::new(ctx),
        ))),
        Action::Mock => Transition::Push(View::Mock(Box::new(super::mock::MockState::pick(ctx)))),
        Action::Plan => Transition::Push(View::Plan(super::plan::PlanState::new(ctx))),
        Action::Debrief => Transition::Push(View::Debrief(super::debrief::DebriefState::new(ctx))),
        Action::Sync => {
            crate::tui::sync::run(ctx);
            Transition::Stay
        }
        Action::Quit | Action::Back => Transition::Quit,
        _ => Transition::Stay,
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &mut HomeState, ctx: &Ctx) {
    let t = ctx.theme;
    let fig = ctx.stats();
    let plan_line = home_plan_line(ctx);
    let head_height = 3 + u16::from(plan_line.is_some());
    let [head, body] =
        Layout::vertical([Constraint::Length(head_height), Constraint::Min(0)]).areas(area);
    let mut summary = vec![
        Span::styled("prep", t.title()),
        Span::raw(format!(
            "  {} questions · {} practised",
            ctx.bank.questions.len(),
            fig.practised_questions
        )),
    ];
    let due = ctx.schedule().due.len();
    summary.push(Span::raw(" · "));
    summary.push(Span::styled(
        format!("{due} due"),
        if due > 0 { t.warn() } else { t.dim() },
    ));
    if let Some(avg) = fig.average {
        summary.push(Span::raw(" · average "));
        summary.push(Span::styled(format!("{avg:.0}%"), t.score(avg)));
    }
    summary.push(Span::raw(format!(
        " · streak {} day{}",
        fig.streak_days,
        if fig.streak_days == 1 { "" } else { "s" }
    )));
    let last = match &fig.last_practice {
        Some(d) => {
            format!("Last practice {d}. Enter browses a section; d drills one of its questions.")
        }
        None => "Not practised yet. Enter browses a section; d drills one of its questions.".into(),
    };
    let last = if fig.attempts > 0 {
        format!(
            "Technical {} · people {} · {}",
            fig.weights.technical.short(),
            fig.weights.people.short(),
            last.replacen("Last", "last", 1)
        )
    } else {
        last
    };
    let mut lines = vec![Line::from(summary)];
    lines.extend(plan_line);
    lines.push(Line::styled(
        crate::markdown::ellipsize(&last, usize::from(area.width)),
        t.dim(),
    ));
    let header = Paragraph::new(lines);
    f.render_widget(header, head);

    let widths = [
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(19),
        Constraint::Length(7),
    ];
    let w = crate::tui::cells::column_widths(&widths, body.width, 2);
    let mut rows = vec![Row::new(vec![
        Cell::from(crate::tui::cells::fit(
            &format!("Guides: how the loop works ({})", ctx.bank.guides.len()),
            &w,
            0,
        )),
        Cell::from(""),
        Cell::from(""),
        Cell::from(""),
    ])];
    for sec in &fig.sections {
        let bar = figures::progress_bar(sec.practised, sec.questions, 10);
        let avg = sec.average.map_or(Span::styled("  –", t.dim()), |a| {
            Span::styled(format!("{a:>3.0}%"), t.score(a))
        });
        rows.push(Row::new(vec![
            Cell::from(crate::tui::cells::fit(&sec.title, &w, 0)),
            Cell::from(format!("{:>4}", sec.questions)),
            Cell::from(format!("{bar} {:>3}/{:<3}", sec.practised, sec.questions)),
            Cell::from(avg),
        ]));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(["Section", "Questions", "Practised", "Score"]).style(t.dim()))
        .row_highlight_style(t.selected())
        .highlight_symbol("› ")
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(" Sections ")
                .title_style(t.title()),
        );
    s.nav.rows_area = Rect {
        y: body.y + 2,
        height: body.height.saturating_sub(2),
        ..body
    };
    f.render_stateful_widget(table, body, &mut s.nav.state);
}

/// "Staff loop in 9 days · today: ..." when a plan is set (p opens it), or its problem.
fn home_plan_line(ctx: &Ctx) -> Option<Line<'static>> {
    let t = ctx.theme;
    match ctx.plan()? {
        Ok(plan) => Some(Line::from(vec![
            Span::styled(plan.headline(), t.title()),
            Span::styled(" (p: plan)", t.dim()),
        ])),
        Err(e) => Some(Line::styled(format!("Plan: {e}"), t.bad())),
    }
}

impl Screen for HomeState {
    fn mode(&self) -> Mode {
        Mode::Home
    }
    fn update(&mut self, ctx: &mut Ctx, action: Action) -> Step {
        update(self, ctx, action).into()
    }
    fn draw(&mut self, f: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(f, area, self, ctx);
    }
    fn nav(&mut self) -> Option<&mut Nav> {
        Some(&mut self.nav)
    }
}
