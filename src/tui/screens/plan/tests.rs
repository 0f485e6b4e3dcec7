//! The Plan screen as a user sees it: `p` on Home opens it on today, the header line on Home says
//! how many days are left, and Enter on a checklist item ticks it in `plan.yaml`.

use super::*;
use crate::tui::app::App;
use crate::tui::screens::View;
use crate::tui::screens::home::HomeState;
use crate::tui::test_support::ctx_with_log;
use prep_core::plan::{PlanFile, Status, file};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| crate::tui::view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn p_on_home_opens_the_plan_on_today_and_enter_ticks_a_checklist_item() {
    let (mut c, _dir) = ctx_with_log();
    let dir = c.data_dir().unwrap();
    let today = prep_core::days::Zone::local().day_of(c.now_unix);
    let plan = PlanFile {
        date: today + 6,
        role: prep_core::bank::Role::Staff,
        loop_id: Some("amazon".into()),
        minutes: 45,
        set_on: today,
        ticked: Vec::new(),
    };
    file::write(&dir, &plan).unwrap();
    c.plan_file = Some(Ok(plan));
    let home = View::Home(HomeState::new(&c));
    let mut app = App::new(c, vec![home]);
    let text = screen_text(&mut app, 120, 40);
    assert!(
        text.contains("Amazon-style loop in 6 days · today:"),
        "{text}"
    );
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('p'),
    ));
    assert_eq!(app.mode(), Mode::Plan);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("today"), "{text}");
    assert!(text.contains("Covered: leadership principles 0/"), "{text}");
    // Walk down to the first checklist item and tick it.
    let Some(View::Plan(s)) = app.stack.last() else {
        panic!("not on the plan")
    };
    let plan = app.ctx.plan().unwrap().unwrap();
    let all = rows(&plan);
    let at = all
        .iter()
        .position(|r| matches!(r, Row::Task(t) if matches!(t.work, Work::Checklist { .. })))
        .unwrap();
    let start = s.nav.selected().unwrap();
    assert!(matches!(all[start], Row::Day(d) if d.status == Status::Due));
    for _ in start..at {
        app.update(Action::Down);
    }
    app.update(Action::Toggle);
    let saved = file::read(&dir).unwrap().unwrap();
    assert_eq!(saved.ticked.len(), 1);
    let text = screen_text(&mut app, 120, 40);
    assert!(text.contains("[x] checklist:"), "{text}");
    app.update(Action::Toggle);
    assert!(file::read(&dir).unwrap().unwrap().ticked.is_empty());
}

#[test]
fn without_a_plan_the_screen_says_how_to_set_one() {
    let (c, _dir) = ctx_with_log();
    let home = View::Home(HomeState::new(&c));
    let mut app = App::new(c, vec![home]);
    let text = screen_text(&mut app, 80, 24);
    assert!(!text.contains("loop in"), "no plan, no plan line on Home");
    app.update(Action::Plan);
    let text = screen_text(&mut app, 80, 24);
    assert!(text.contains("prep plan set --date YYYY-MM-DD"), "{text}");
}
