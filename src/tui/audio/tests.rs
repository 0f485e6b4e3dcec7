//! The drill's STAR marks and recorder messages and the rubric's and Stats' delivery figures,
//! driven through the app as keys would (the programs themselves: tests/audio_pty.rs).

use crate::keymap::{Action, Mode};
use crate::tui::screens::View;
use crate::tui::screens::drill::DrillState;
use crate::tui::test_support::{self, Session};

fn drilling(id: &str) -> Session {
    let (c, dir) = test_support::ctx_with_log();
    std::mem::forget(dir); // the data folder outlives the session
    Session::with_stack(c, (120, 40), |ctx| {
        let q = ctx.bank.question_index(id).unwrap();
        vec![View::Drill(Box::new(DrillState::new(ctx, vec![q], 0)))]
    })
}

#[test]
fn star_marks_time_each_part_and_the_rubric_shows_the_actions_share() {
    let mut s = drilling("con-lost-argument");
    assert!(s.text().contains("STAR: Situation (1/5)"));
    s.at(10).act(Action::NextPart);
    assert!(s.text().contains("STAR: Task (2/5)"));
    s.at(15)
        .act(Action::NextPart)
        .at(45)
        .act(Action::NextPart)
        .at(55);
    assert!(s.text().contains("STAR: Result (4/5)"));
    s.act(Action::NextPart).act(Action::NextPart);
    let text = s.text();
    assert!(text.contains("STAR: Lesson (5/5)"), "{text}");
    assert!(text.contains("Lesson is the last part"), "{text}");
    s.act(Action::Open);
    assert_eq!(s.app.mode(), Mode::Rubric);
    let Some(View::Rubric(r)) = s.app.stack.last() else {
        panic!("no rubric")
    };
    let parts = &r.answer.delivery.as_ref().unwrap().parts;
    let secs: Vec<f64> = parts.iter().map(|p| p.secs).collect();
    assert_eq!(secs, vec![10.0, 5.0, 30.0, 10.0, 0.0]);
    assert!(r.answer.recording.is_none());
    let text = s.text();
    assert!(text.contains("Time per STAR part"), "{text}");
    assert!(
        text.contains("Action: 55% of the answer (aim for about 60%)"),
        "{text}"
    );

    // Saved, the figures are in the log and Stats shows them.
    s.act(Action::Save);
    let saved = s.app.ctx.attempts.last().unwrap();
    assert_eq!(saved.delivery.as_ref().unwrap().action_percent(), Some(55));
    s.app.stack.push(View::Stats(Default::default()));
    let text = s.text();
    assert!(
        text.contains("delivery, last 1: 55% Action (aim 60)"),
        "{text}"
    );
}

#[test]
fn a_design_question_has_no_star_parts_and_says_so() {
    let mut s = drilling("sd-url-shortener");
    s.act(Action::NextPart);
    let text = s.text();
    assert!(!text.contains("STAR:"), "{text}");
    assert!(
        text.contains("STAR parts are marked on behavioural questions"),
        "{text}"
    );
}

#[test]
fn without_a_data_folder_recording_is_refused_with_the_reason() {
    let mut s = Session::with_stack(test_support::ctx(), (120, 40), |ctx| {
        let q = ctx.bank.question_index("con-lost-argument").unwrap();
        vec![View::Drill(Box::new(DrillState::new(ctx, vec![q], 0)))]
    });
    s.act(Action::Record);
    let text = s.text();
    assert!(
        text.contains("Not recording: there is no data folder to keep recordings in"),
        "{text}"
    );
    assert!(!text.contains("● REC"), "{text}");
    s.act(Action::Open).act(Action::Play);
    assert!(s.text().contains("This answer was not recorded"));
}
