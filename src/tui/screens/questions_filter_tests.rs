//! `/` in a question list narrows it by typed text; Ctrl-F is the global search there.

use super::*;
use crate::tui::test_support::{self, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn all_questions() -> Session {
    Session::with_stack(test_support::ctx(), (120, 40), |ctx| {
        vec![View::Questions(QuestionsState::new(ctx, None))]
    })
}

fn list(s: &Session) -> &QuestionsState {
    match s.app.stack.last() {
        Some(View::Questions(q)) => q,
        _ => panic!("not on the question list"),
    }
}

fn matching(s: &Session, needle: &str) -> Vec<usize> {
    let bank = &s.app.ctx.bank;
    (0..bank.questions.len())
        .filter(|&i| matches_text(&bank.questions[i], needle))
        .collect()
}

#[test]
fn slash_then_text_narrows_the_list_live_and_esc_restores_it() {
    let mut s = all_questions();
    let all = list(&s).items.len();
    s.type_text("/");
    assert_eq!(s.app.mode(), Mode::ListFilter);
    s.type_text("CACH");
    let shown = list(&s).items.clone();
    assert!(
        !shown.is_empty() && shown.len() < all,
        "{} of {all}",
        shown.len()
    );
    for &i in &shown {
        let q = &s.app.ctx.bank.questions[i];
        let hay = format!("{} {} {}", q.id, q.prompt, q.tags.join(" ")).to_lowercase();
        assert!(hay.contains("cach"), "{} does not mention cach", q.id);
    }
    let mut want = matching(&s, "cach");
    want.sort_unstable();
    let mut got = shown.clone();
    got.sort_unstable();
    assert_eq!(got, want, "every question mentioning cach is shown");
    let text = s.text();
    assert!(
        text.contains("/CACH"),
        "the box shows what is typed\n{text}"
    );
    s.key(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::List);
    assert_eq!(list(&s).items.len(), all, "Esc clears the filter");
}

#[test]
fn enter_keeps_the_filter_and_j_moves_within_it() {
    let mut s = all_questions();
    s.type_text("/cach").key(KeyCode::Enter);
    assert_eq!(s.app.mode(), Mode::List, "keys are the list's again");
    let shown = list(&s).items.clone();
    assert!(shown.len() >= 2, "need two matches to move: {shown:?}");
    let text = s.text();
    assert!(text.contains("filter: cach"), "the title says so\n{text}");
    assert_eq!(list(&s).selected_question(), Some(shown[0]));
    s.type_text("j");
    assert_eq!(list(&s).selected_question(), Some(shown[1]));
    s.type_text("x");
    assert!(
        list(&s).items.len() > shown.len(),
        "x clears the text filter too"
    );
    assert!(!s.text().contains("filter: "));
}

#[test]
fn question_mark_types_and_ctrl_z_undoes_in_the_box() {
    let mut s = all_questions();
    s.type_text("/ab?");
    assert!(!s.app.help, "? is text in the box");
    s.app
        .handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    s.draw();
    assert_eq!(s.host.suspends, 0, "Ctrl-Z does not stop prep");
    s.key(KeyCode::Enter);
    assert_eq!(list(&s).text, "ab");
}

#[test]
fn ctrl_f_opens_the_global_search_and_help_names_both() {
    let mut s = all_questions();
    s.app
        .handle_key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL));
    s.draw();
    assert!(matches!(s.app.stack.last(), Some(View::Search(_))));
    let mut s = all_questions();
    s.type_text("?");
    let text = s.text();
    assert!(text.contains("filter this list by text"), "{text}");
    assert!(
        text.contains("Ctrl-F") && text.contains("search everything"),
        "{text}"
    );
}
