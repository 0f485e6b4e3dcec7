//! State tests for the stories screen: what the list holds, what keys ask for, how an edit lands.

use super::*;
use crate::tui::app::App;
use crate::tui::screens::View;
use crate::tui::test_support::ctx_with_log;

/// The file a step asks the editor to open, if it does.
fn editing(step: Step) -> Option<PathBuf> {
    step.effects.into_iter().find_map(|e| match e {
        Effect::Edit(path) => Some(path),
        _ => None,
    })
}

const GOOD: &str = "---\ntitle: The cache that saved launch\nthemes: [incident]\n---\n\
## Situation\nCheckout fell over. Launch was in two days.\n## Task\nI owned the fix.\n\
## Action\nI pulled the traces, I found the slow lookup and I shipped a cache behind a flag. \
I rolled it out to internal accounts first, I watched the error budget for a day, and I \
walked the payments lead through the rollback plan before the full launch.\n\
## Result\np99 fell from 1.2 s to 300 ms.\n## Lesson\nI load-test before launch now.\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let stories = dir.join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    let path = stories.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn an_empty_folder_opens_on_the_coverage_grid() {
    let (mut c, _dir) = ctx_with_log();
    let s = StoriesState::new(&mut c);
    assert_eq!(s.nav.len, 0);
    assert_eq!(s.pane, Pane::Coverage);
    assert_eq!(s.coverage.covered(), 0);
}

#[test]
fn broken_files_are_listed_after_stories_and_open_like_them() {
    let (mut c, dir) = ctx_with_log();
    let good = write(dir.path(), "a-good.md", GOOD);
    let bad = write(dir.path(), "b-bad.md", "---\ntitle: [unclosed\n---\n");
    let mut s = StoriesState::new(&mut c);
    assert_eq!(s.nav.len, 2);
    assert_eq!(s.pane, Pane::Preview);
    assert_eq!(s.reports[0].warnings(), 0, "{:?}", s.reports[0]);
    assert_eq!(
        editing(update(&mut s, &mut c, Action::EditStory)),
        Some(good)
    );
    update(&mut s, &mut c, Action::Down);
    assert_eq!(
        editing(update(&mut s, &mut c, Action::EditStory)),
        Some(bad.clone())
    );
    // Nothing was rewritten.
    assert_eq!(
        std::fs::read_to_string(bad).unwrap(),
        "---\ntitle: [unclosed\n---\n"
    );
}

#[test]
fn n_asks_for_a_title_then_writes_the_template_and_asks_for_the_editor() {
    let (mut c, dir) = ctx_with_log();
    let mut s = StoriesState::new(&mut c);
    update(&mut s, &mut c, Action::NewStory);
    assert_eq!(mode(&s), Mode::StoryTitle);
    assert!(
        editing(update(&mut s, &mut c, Action::Open)).is_none(),
        "an empty title writes nothing"
    );
    for ch in "Mon équipe 🚀".chars() {
        text_input(&mut s, KeyEvent::from(crossterm::event::KeyCode::Char(ch)));
    }
    let path = editing(update(&mut s, &mut c, Action::Open)).unwrap();
    assert_eq!(mode(&s), Mode::Stories);
    assert_eq!(path, dir.path().join("stories").join("mon-équipe.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Mon équipe 🚀\"\n"),
        "{text}"
    );
}

#[test]
fn esc_cancels_the_title_without_writing() {
    let (mut c, dir) = ctx_with_log();
    let mut s = StoriesState::new(&mut c);
    update(&mut s, &mut c, Action::NewStory);
    text_input(&mut s, KeyEvent::from(crossterm::event::KeyCode::Char('x')));
    update(&mut s, &mut c, Action::Back);
    assert_eq!(mode(&s), Mode::Stories);
    assert!(!dir.path().join("stories").exists());
}

#[test]
fn without_a_data_folder_new_stories_are_refused_with_a_reason() {
    let mut c = crate::tui::test_support::ctx();
    let mut s = StoriesState::new(&mut c);
    update(&mut s, &mut c, Action::NewStory);
    assert!(s.title.is_none());
    assert!(c.status.unwrap().text.contains("--data-dir"));
}

#[cfg(unix)]
#[test]
fn after_the_editor_the_list_reloads_selects_the_file_and_reports() {
    use std::os::unix::process::ExitStatusExt;
    let (c, dir) = ctx_with_log();
    write(dir.path(), "a.md", GOOD);
    let mut app = App::new(c, Vec::new());
    let state = StoriesState::new(&mut app.ctx);
    app.stack.push(View::Stories(Box::new(state)));
    let path = write(
        dir.path(),
        "b.md",
        &GOOD.replace("p99 fell from 1.2 s to 300 ms.", "It went well."),
    );
    app.edited(&path, Ok(std::process::ExitStatus::from_raw(0)));
    let Some(View::Stories(s)) = app.stack.last() else {
        panic!("still on the stories screen")
    };
    assert_eq!(s.nav.len, 2);
    assert_eq!(s.nav.selected(), Some(1));
    assert_eq!(
        app.ctx.status.as_ref().unwrap().text,
        "b.md: 1 STAR warning"
    );

    std::fs::write(&path, "no front matter").unwrap();
    app.edited(&path, Ok(std::process::ExitStatus::from_raw(0)));
    let status = app.ctx.status.as_ref().unwrap();
    assert!(
        status.error && status.text.starts_with("b.md:1: a story starts with"),
        "{status:?}"
    );
    app.edited(&path, Ok(std::process::ExitStatus::from_raw(256)));
    assert!(
        app.ctx
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("kept as it is")
    );
}

#[test]
fn the_drill_hint_names_the_stories_for_a_behavioural_question() {
    let (mut c, dir) = ctx_with_log();
    write(dir.path(), "a.md", GOOD);
    c.reload_stories();
    let incident = c
        .bank
        .questions
        .iter()
        .find(|q| q.section == "incidents" && q.kind == prep_core::bank::Kind::Behavioral)
        .unwrap();
    let hint = drill_hint(&c, incident).unwrap();
    let text: String = hint.spans.iter().map(|s| s.content.as_ref()).collect();
    assert_eq!(text, "Your stories: The cache that saved launch");
    let design = c.bank.question("sd-url-shortener").unwrap();
    assert!(drill_hint(&c, design).is_none());
}

#[test]
fn a_long_lint_report_scrolls_and_says_how_much_is_left() {
    use ratatui::{Terminal, backend::TestBackend};
    let (mut c, dir) = ctx_with_log();
    // "we" throughout, no numbers, no lesson, a rambling situation: many findings, and unknown
    // themes and questions add notes.
    let weak = "---\ntitle: A weak one\nthemes: [nope, nada, zilch]\nquestions: [no-such-q, nor-this]\n---\n\
## Situation\nWe had a thing. It was big. It got bigger. Then it broke. We were sad.\n\
## Task\nWe had to fix it.\n## Action\nWe met.\n## Result\nIt went better.\n";
    write(dir.path(), "a-weak.md", weak);
    write(dir.path(), "b-good.md", GOOD);
    let mut s = StoriesState::new(&mut c);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut frame = |s: &mut StoriesState, c: &Ctx| {
        term.draw(|f| draw(f, f.area(), s, c)).unwrap();
        let buf = term.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let screen = frame(&mut s, &c);
    assert!(screen.contains("Lint · ]"), "{screen}");
    let (lines, height) = (s.lint_lines, s.lint_height);
    assert!(lines > height, "{lines} lines in {height}");

    // ] scrolls one line at a time and stops once the last line is in view.
    for _ in 0..lines + 5 {
        update(&mut s, &mut c, Action::LintDown);
        frame(&mut s, &c);
    }
    assert_eq!(s.lint_scroll, lines - height);
    assert!(frame(&mut s, &c).contains("Lint · [ back up"));
    update(&mut s, &mut c, Action::LintUp);
    assert_eq!(s.lint_scroll, lines - height - 1);

    // Another story starts at the top of its report.
    update(&mut s, &mut c, Action::Down);
    assert_eq!(s.lint_scroll, 0);
}

fn type_text(s: &mut StoriesState, text: &str) {
    for ch in text.chars() {
        text_input(s, KeyEvent::from(crossterm::event::KeyCode::Char(ch)));
    }
}

#[test]
fn r_renames_the_title_and_the_file_and_esc_cancels() {
    let (mut c, dir) = ctx_with_log();
    let old = write(dir.path(), "cache.md", GOOD);
    let mut s = StoriesState::new(&mut c);
    update(&mut s, &mut c, Action::RenameStory);
    assert_eq!(mode(&s), Mode::StoryTitle);
    assert_eq!(
        s.title.as_ref().unwrap().lines(),
        ["The cache that saved launch"]
    );
    update(&mut s, &mut c, Action::Back);
    assert_eq!(mode(&s), Mode::Stories);
    assert!(old.exists());

    update(&mut s, &mut c, Action::RenameStory);
    type_text(&mut s, " early");
    update(&mut s, &mut c, Action::Open);
    let new = dir
        .path()
        .join("stories/the-cache-that-saved-launch-early.md");
    assert!(!old.exists());
    let text = std::fs::read_to_string(&new).unwrap();
    assert_eq!(
        text,
        GOOD.replace(
            "title: The cache that saved launch",
            "title: \"The cache that saved launch early\""
        )
    );
    assert_eq!(c.stories.stories.len(), 1);
    assert_eq!(
        c.stories.stories[0].title,
        "The cache that saved launch early"
    );
    assert_eq!(s.selected_path(&c), Some(new));
    assert!(
        c.status
            .unwrap()
            .text
            .contains("the-cache-that-saved-launch-early.md")
    );
}

#[test]
fn d_twice_moves_the_story_to_deleted_and_off_the_list() {
    let (mut c, dir) = ctx_with_log();
    let path = write(dir.path(), "cache.md", GOOD);
    let mut s = StoriesState::new(&mut c);
    update(&mut s, &mut c, Action::DeleteStory);
    assert_eq!(
        c.status.as_ref().unwrap().text,
        "Press D again to delete «The cache that saved launch»"
    );
    assert!(path.exists());
    // Another key in between cancels the question.
    update(&mut s, &mut c, Action::Coverage);
    update(&mut s, &mut c, Action::DeleteStory);
    assert!(path.exists());
    update(&mut s, &mut c, Action::DeleteStory);
    let kept = dir.path().join("stories/.deleted/cache.md");
    assert!(!path.exists());
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), GOOD);
    assert_eq!(s.nav.len, 0);
    assert!(c.stories.stories.is_empty() && c.stories.problems.is_empty());
    assert!(c.status.unwrap().text.contains(".deleted/cache.md"));
}
