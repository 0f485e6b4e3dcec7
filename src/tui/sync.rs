//! `s` on Home: sync the data folder through git, as `prep sync` does (git's output captured,
//! never drawn), then read the log, the stories and the plan again so the screens show what came
//! from the other machines. The outcome goes on the status line.

use super::app::Ctx;

pub fn run(ctx: &mut Ctx) {
    let Some(dir) = ctx.data_dir() else {
        ctx.error("No data folder to sync (start prep with --data-dir DIR)");
        return;
    };
    let device = std::env::var("HOSTNAME").unwrap_or_else(|_| "this machine".into());
    match prep_core::sync::sync(&dir, &device) {
        Ok(r) => {
            reload(ctx);
            let mut text = String::from("Synced");
            if r.pulled {
                text.push_str(": pulled and pushed");
            } else if r.pushed {
                text.push_str(": pushed");
            }
            if !r.both_kept.is_empty() {
                text.push_str(&format!(
                    "; {} file(s) changed on both machines, both versions kept (`prep sync` lists them)",
                    r.both_kept.len()
                ));
                ctx.error(text);
            } else {
                ctx.info(text);
            }
        }
        Err(e) => ctx.error(e),
    }
}

/// Read what the sync may have changed.
fn reload(ctx: &mut Ctx) {
    if let Some(Ok(read)) = ctx.log.as_ref().map(|l| l.read()) {
        ctx.attempts = read.attempts;
        ctx.log_problems = read.problems;
    }
    if let Some(dir) = ctx.stories_dir.clone() {
        ctx.stories = prep_core::stories::load(&dir);
    }
    if let Some(dir) = ctx.data_dir() {
        ctx.plan_version += 1;
        ctx.plan_file = match prep_core::plan::file::read(&dir) {
            Ok(p) => p.map(Ok),
            Err(e) => Some(Err(e.to_string())),
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::keymap::Action;
    use crate::tui::app::App;
    use crate::tui::screens::View;
    use crate::tui::screens::home::HomeState;
    use crate::tui::test_support::ctx_with_log;

    #[test]
    fn s_on_home_syncs_and_brings_in_the_other_machines_attempts() {
        let (c, _dir) = ctx_with_log();
        let here = c.data_dir().unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let remote = tmp.path().join("r.git");
        let git = |args: &[&str], dir: &std::path::Path| {
            let ok = std::process::Command::new("git")
                .args(args)
                .current_dir(dir)
                .output()
                .unwrap()
                .status
                .success();
            assert!(ok, "git {args:?}");
        };
        git(&["init", "-q", "--bare", "-b", "main", "r.git"], tmp.path());
        let url = remote.display().to_string();
        // The other machine pushes a record first.
        let other = tmp.path().join("other");
        prep_core::sync::init(&other, Some(&url)).unwrap();
        let mut a = c.attempts.first().cloned().unwrap_or_else(|| {
            serde_json::from_value(serde_json::json!({
                "schema": prep_core::storage::SCHEMA_VERSION, "at": 1, "question": "con-disagree-manager",
                "section": "conflict", "kind": "behavioral", "time_limit": 90, "spoken": 80,
                "overtime": 0, "checked": [], "items": 5, "score": 60.0, "notes": "", "follow_ups": 0,
            }))
            .unwrap()
        });
        a.id = "from-the-other-machine".into();
        prep_core::storage::AttemptLog::new(&other)
            .append(&a)
            .unwrap();
        prep_core::sync::sync(&other, "other").unwrap();
        prep_core::sync::init(&here, Some(&url)).unwrap();
        let before = c.attempts.len();
        let home = View::Home(HomeState::new(&c));
        let mut app = App::new(c, vec![home]);
        app.update(Action::Sync);
        let status = app.ctx.status.clone().unwrap();
        assert!(
            !status.error && status.text.starts_with("Synced"),
            "{status:?}"
        );
        assert_eq!(app.ctx.attempts.len(), before + 1);
        assert!(
            app.ctx
                .attempts
                .iter()
                .any(|a| a.id == "from-the-other-machine")
        );
    }
}
