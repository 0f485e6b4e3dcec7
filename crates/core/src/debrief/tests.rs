use super::*;
use crate::bank::{BankSource, load_builtin};
use crate::search::SearchIndex;

fn debrief(id: &str, questions: Vec<Asked>) -> Debrief {
    Debrief {
        id: id.into(),
        at: 1_795_000_000,
        date: "2026-11-17".into(),
        company: "Acme".into(),
        round: "behavioural".into(),
        questions,
        technical: Some(4),
        people: Some(2),
        fix: "shorter situation".into(),
    }
}

#[test]
fn debriefs_are_saved_whole_read_back_once_each_and_a_broken_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = debrief("debrief-1", vec![]);
    save(dir.path(), &d).unwrap();
    save(dir.path(), &debrief("debrief-2", vec![])).unwrap();
    // A line synced in twice counts once.
    let text = std::fs::read_to_string(path(dir.path())).unwrap();
    let first = text.lines().next().unwrap().to_string();
    std::fs::write(path(dir.path()), format!("{text}{first}\n")).unwrap();
    let all = read(dir.path()).unwrap();
    assert_eq!(
        all.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["debrief-1", "debrief-2"]
    );
    assert_eq!(all[0], d);
    std::fs::write(path(dir.path()), "{\"id\": oops\n").unwrap();
    let err = save(dir.path(), &d).unwrap_err();
    assert!(
        err.contains("debriefs.jsonl:1: not a debrief record"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(path(dir.path())).unwrap(),
        "{\"id\": oops\n"
    );
}

#[test]
fn a_question_in_other_words_is_matched_and_a_new_one_is_not() {
    let bank = load_builtin();
    let mut index = SearchIndex::new(&bank);
    let m = match_question(
        &bank,
        &mut index,
        "Tell me about a time you disagreed with your manager",
    );
    assert_eq!(m.as_deref(), Some("con-disagree-manager"));
    let m = match_question(
        &bank,
        &mut index,
        "What is your favourite programming language and why?",
    );
    assert_eq!(m, None);
}

#[test]
fn an_unmatched_question_becomes_a_draft_that_validates_as_a_user_bank() {
    let bank = load_builtin();
    let dir = tempfile::tempdir().unwrap();
    let text = "What is your favourite programming language and why?";
    let id = drafts::add(dir.path(), &bank, text, "Acme Corp").unwrap();
    assert_eq!(id, "draft-what-is-your-favourite-programming");
    let again = drafts::add(dir.path(), &bank, text, "Acme Corp").unwrap();
    assert_eq!(again, "draft-what-is-your-favourite-programming-2");
    let checked = crate::bank::validate_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(checked.questions.len(), 2);
    let q = &checked.questions[0];
    assert_eq!(q.prompt, text);
    assert!(q.tags.iter().any(|t| t == "draft"));
    assert!(q.tags.iter().any(|t| t == "company-acme-corp"));
    let loaded =
        crate::bank::load(&[BankSource::Builtin, BankSource::Dir(dir.path().into())]).unwrap();
    assert!(loaded.question(&id).is_some());
}

#[test]
fn what_to_fix_is_the_questions_of_a_shaky_debrief_not_practised_since() {
    let asked = |q: &str| Asked {
        text: q.into(),
        question: Some(q.into()),
        draft: false,
    };
    let d = debrief(
        "debrief-1",
        vec![asked("con-disagree-manager"), asked("amb-reversibility")],
    );
    assert_eq!(
        fix_list(std::slice::from_ref(&d), &[]),
        ["con-disagree-manager", "amb-reversibility"]
    );
    let mut later: Attempt = serde_json::from_value(serde_json::json!({
        "schema": crate::storage::SCHEMA_VERSION, "id": "a", "at": d.at + 60,
        "question": "amb-reversibility", "section": "ambiguity", "kind": "behavioral",
        "time_limit": 90, "spoken": 80, "overtime": 0, "checked": [], "items": 5, "score": 70.0,
        "notes": "", "follow_ups": 0,
    }))
    .unwrap();
    assert_eq!(
        fix_list(std::slice::from_ref(&d), std::slice::from_ref(&later)),
        ["con-disagree-manager"]
    );
    later.at = d.at - 60;
    assert_eq!(fix_list(std::slice::from_ref(&d), &[later]).len(), 2);
    let fine = Debrief {
        technical: Some(5),
        people: Some(4),
        fix: String::new(),
        ..d
    };
    assert!(fix_list(&[fine], &[]).is_empty());
}
