//! The debrief form as a user fills it: b on Home, type, Enter adds questions, Ctrl-S saves.

use super::*;
use crate::tui::app::App;
use crate::tui::screens::View;
use crate::tui::screens::home::HomeState;
use crate::tui::test_support::ctx_with_log;

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::from(KeyCode::Char(c)));
    }
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_key(KeyEvent::new(code, mods));
}

#[test]
fn b_opens_the_form_and_ctrl_s_saves_the_debrief_with_its_questions() {
    let (c, _dir) = ctx_with_log();
    let data = c.data_dir().unwrap();
    let home = View::Home(HomeState::new(&c));
    let mut app = App::new(c, vec![home]);
    key(&mut app, KeyCode::Char('b'), KeyModifiers::NONE);
    assert_eq!(app.mode(), Mode::Debrief);
    typing(&mut app, "Acme");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typing(&mut app, "bar raiser");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    typing(
        &mut app,
        "Tell me about a time you disagreed with your manager",
    );
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(View::Debrief(s)) = app.stack.last() else {
        panic!("not on the form")
    };
    assert_eq!(s.questions.len(), 1);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typing(&mut app, "4");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    typing(&mut app, "9");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    // A rating out of range keeps the form open and says so.
    assert_eq!(app.mode(), Mode::Debrief);
    let status = app.ctx.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("rate it from 1 (badly) to 5"),
        "{status:?}"
    );
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    typing(&mut app, "2");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.mode(), Mode::Home);
    let saved = prep_core::debrief::read(&data).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].company, "Acme");
    assert_eq!(saved[0].round, "bar raiser");
    assert_eq!((saved[0].technical, saved[0].people), (Some(4), Some(2)));
    assert_eq!(
        saved[0].questions[0].question.as_deref(),
        Some("con-disagree-manager")
    );
}
