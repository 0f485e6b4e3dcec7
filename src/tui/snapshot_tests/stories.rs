//! Snapshots of the stories screen (list, preview, lint, coverage grid, title input) and of the
//! drill's story hint, reached from Home with `y` the way a user gets there; plus the help and
//! footer checks for the screen, and hostile story text that must never reach the terminal.

use super::*;
use std::path::Path;

const STRONG: &str = "---\ntitle: The cache that saved launch\nthemes: [incident, delivery-under-pressure]\nroles: [tech-lead]\n---\n\
## Situation\nCheckout fell over two days before launch. Revenue was at stake.\n\n## Task\nI owned the fix.\n\n\
## Action\nI pulled the traces and I found one slow lookup. I shipped a read-through cache behind a flag, \
I rolled it out to internal accounts first, and I walked the payments lead through the rollback plan.\n\n\
## Result\np99 fell from 1.2 s to 300 ms and we launched on the date.\n\n## Lesson\nI load-test before launch now.\n";

const WEAK: &str = "---\ntitle: 障害対応の話 🚀\nthemes: [conflict, Space travel]\n---\n\
## Situation\nIt was 2021. The team was new. The API was old. Nobody owned it.\n\n\
## Action\nWe fixed it and we shipped.\n\n## Result\nIt went well.\n";

/// A context whose data folder holds two stories and one file that does not parse.
fn ctx_with_stories() -> (Ctx, tempfile::TempDir) {
    let (mut ctx, dir) = test_support::ctx_with_log();
    let stories = dir.path().join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    let write = |name: &str, text: &str| std::fs::write(stories.join(name), text).unwrap();
    write("cache.md", STRONG);
    write("incident-jp.md", WEAK);
    write("zz-broken.md", "---\ntitle: [unclosed\n---\n");
    ctx.reload_stories();
    (ctx, dir)
}

fn snap_stories(name: &str, build: impl Fn(&mut Session)) {
    for size in SIZES {
        let (ctx, _dir) = ctx_with_stories();
        let mut s = Session::new(ctx, size);
        s.key(KeyCode::Char('y'));
        build(&mut s);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), s.text());
    }
}

#[test]
fn stories_list_preview_and_lint() {
    snap_stories("stories_preview", |_| {});
}

#[test]
fn stories_weak_story_lint_panel() {
    snap_stories("stories_weak", |s| {
        s.act(Action::Down);
    });
}

#[test]
fn stories_coverage_grid() {
    snap_stories("stories_coverage", |s| {
        s.act(Action::Coverage);
    });
}

#[test]
fn stories_new_title_input() {
    snap_stories("stories_new_title", |s| {
        s.key(KeyCode::Char('n')).type_text("Mon équipe");
    });
}

#[test]
fn stories_empty_folder_opens_on_coverage() {
    for size in SIZES {
        let (ctx, _dir) = test_support::ctx_with_log();
        let mut s = Session::new(ctx, size);
        s.key(KeyCode::Char('y'));
        let text = s.text();
        assert!(text.contains("No stories yet."), "{text}");
        assert!(text.contains("0 of 15 themes have a story"), "{text}");
        assert!(text.contains("conflict"), "{text}");
    }
}

#[test]
fn drilling_a_behavioural_question_offers_the_stories_for_it() {
    for size in SIZES {
        let (ctx, _dir) = ctx_with_stories();
        let mut s = Session::new(ctx, size);
        s.select_section("incidents").act(Action::Drill);
        let q = match s.app.stack.last() {
            Some(View::Drill(d)) => d.question(),
            _ => panic!("not drilling"),
        };
        let text = s.text();
        let line2 = text.lines().nth(1).unwrap_or_default();
        if s.app.ctx.bank.questions[q].kind == prep_core::bank::Kind::Behavioral {
            assert_eq!(line2, "Your stories: The cache that saved launch", "{text}");
        } else {
            assert!(!text.contains("Your stories"), "{text}");
        }
    }
    let (ctx, _dir) = ctx_with_stories();
    let mut s = Session::new(ctx, (120, 40));
    s.select_section("system-design").act(Action::Drill);
    assert!(!s.text().contains("Your stories"));
}

#[test]
fn stories_help_and_footer_come_from_the_key_table() {
    for size in SIZES {
        let (ctx, _dir) = ctx_with_stories();
        let mut s = Session::new(ctx, size);
        s.key(KeyCode::Char('y'));
        assert_eq!(s.app.mode(), Mode::Stories);
        let footer = s.text().lines().last().unwrap_or_default().to_string();
        assert!(footer.ends_with("? help"), "{footer}");
        let text = s.help_text();
        for b in s.app.ctx.keys.bindings(Mode::Stories) {
            let row = crate::tui::test_support::help_row(b);
            assert!(text.contains(&row), "help lacks «{row}»\n{text}");
        }
    }
}

#[test]
fn hostile_story_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir_all(&stories).unwrap();
    let hostile = "---\ntitle: \"red \\e[31m title \\u202E\"\nthemes: [\"\\e]8;;x\\a\"]\n---\n## Situation\n\u{1b}[2J wiped\n## Action\nI 👩‍👩‍👧 e\u{301}\n";
    std::fs::write(stories.join("h.md"), hostile).unwrap();
    std::fs::write(stories.join("\u{1b}[31m.md"), "no front matter").unwrap();
    for size in [(60, 16), (80, 24), (120, 40)] {
        let (mut ctx, _d) = test_support::ctx_with_log();
        ctx.stories_dir = Some(Path::new(&stories).to_path_buf());
        let mut s = Session::new(ctx, size);
        s.act(Action::Stories);
        assert_no_control(&mut s, "stories preview");
        s.act(Action::Down);
        assert_no_control(&mut s, "broken file row");
        s.act(Action::Coverage);
        assert_no_control(&mut s, "coverage");
    }
}
