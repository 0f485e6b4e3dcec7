//! The second opinion on the rubric with fake graders (shell scripts in a temp folder).

use crate::keymap::Action;
use crate::tui::app::Ctx;
use crate::tui::screens::View;
use crate::tui::screens::rubric::RubricState;
use crate::tui::test_support::{Session, ctx_with_log};
use prep_core::practice::Answer;
use std::os::unix::fs::PermissionsExt;
use std::sync::mpsc;

fn grader(dir: &std::path::Path, body: &str) -> String {
    let path = dir.join("grader");
    std::fs::write(&path, format!("#!/bin/sh\ncat > /dev/null\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

/// A session on the rubric for sd-url-shortener with `body` as the grader; returns once the
/// grader has reported on the event channel.
fn graded_by(body: &str) -> (Session, tempfile::TempDir) {
    let (mut c, dir) = ctx_with_log();
    c.grader = Some(grader(dir.path(), body));
    let (tx, rx) = mpsc::channel();
    c.notify = Some(std::sync::Arc::new(move || {
        let _ = tx.send(());
    }));
    let q = c.bank.question_index("sd-url-shortener").unwrap();
    let mut s = Session::with_stack(c, (120, 40), |c: &Ctx| {
        let answer = Answer {
            spoken_secs: 80,
            limit_secs: 90,
            notes: "cache in front".into(),
            ..Answer::default()
        };
        vec![View::Rubric(Box::new(RubricState::new(
            c,
            q,
            answer,
            (vec![q], 0),
        )))]
    });
    rx.recv().unwrap();
    let now = s.app.ctx.now;
    s.app.background(now, s.app.ctx.now_unix);
    s.draw();
    (s, dir)
}

fn saved(dir: &tempfile::TempDir) -> prep_core::storage::Attempt {
    let read = prep_core::storage::AttemptLog::new(dir.path())
        .read()
        .unwrap();
    assert_eq!(read.attempts.len(), 1);
    read.attempts[0].clone()
}

#[test]
fn the_graders_marks_sit_beside_the_ticks_and_the_attempt_keeps_them() {
    let reply = r#"echo '{"items": {"requirements": {"met": true, "why": "asked about reads"}, "trade-offs": {"met": false}}, "summary": "Good scoping, no options compared."}'"#;
    let (mut s, dir) = graded_by(reply);
    let status = s.app.ctx.status.clone().unwrap();
    assert_eq!(status.text, "Second opinion in: 1 of 2 marked met");
    let text = s.text();
    assert!(
        text.contains("Good scoping, no options compared."),
        "{text}"
    );
    assert!(text.contains("1. ✓ met: asked about reads"), "{text}");
    let first = text.lines().find(|l| l.contains("[ ] 1.")).unwrap();
    assert!(first.contains("t·3 ✓"), "{first}");
    let second = text.lines().find(|l| l.contains("[ ] 2.")).unwrap();
    assert!(second.contains("t·3 ✗"), "{second}");
    s.act(Action::Save);
    let a = saved(&dir);
    assert!(a.checked.is_empty(), "the grader never ticks for the user");
    let o = a.grade.second_opinion.unwrap();
    assert!(o.items["requirements"].met);
    assert_eq!(o.summary, "Good scoping, no options compared.");
}

#[test]
fn a_failing_grader_is_reported_and_grading_goes_on() {
    let (mut s, dir) = graded_by("echo 'no model loaded' >&2\nexit 2");
    let status = s.app.ctx.status.clone().unwrap();
    assert!(status.error);
    assert!(
        status.text.starts_with("No second opinion: the grader `")
            && status
                .text
                .ends_with("failed (exit status: 2): no model loaded"),
        "{}",
        status.text
    );
    assert!(
        s.text().contains("No second opinion: the grader"),
        "{}",
        s.text()
    );
    s.act(Action::ToggleItem(0)).act(Action::Save);
    let a = saved(&dir);
    assert_eq!(a.checked, ["requirements"]);
    assert_eq!(a.grade.second_opinion, None);
}
