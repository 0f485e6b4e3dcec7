//! The level parts of a question as Markdown: what a strong answer adds at the role practised (or
//! at every role), and the example answers shown with the talking points once an answer is over.

use crate::bank::{Axis, Question, Role, format_duration};
use crate::doc::escape;

/// ` · people` for a check that names its axis, nothing for one on the kind's axis.
pub fn named_axis(axis: Option<Axis>) -> String {
    axis.map(|a| format!(" · {a}")).unwrap_or_default()
}

/// "## At staff engineer level" with the bar and the level's own time, or, with no role, every
/// level's bar under "## By level".
pub fn levels_markdown(q: &Question, role: Option<Role>) -> String {
    if let Some(level) = role.and_then(|r| q.level(r)) {
        let mut out = format!(
            "## At {} level\n\n{}\n\n",
            level.role.label(),
            escape(&level.bar)
        );
        if let Some(t) = level.time {
            out.push_str(&format!(
                "*Time at this level: {}*\n\n",
                format_duration(t.into())
            ));
        }
        return out;
    }
    if q.levels.is_empty() {
        return String::new();
    }
    let mut out = String::from("## By level\n\n");
    for l in &q.levels {
        out.push_str(&format!("- **{}:** {}\n", l.role.label(), escape(&l.bar)));
    }
    out.push('\n');
    out
}

/// Only the bar of `role`'s level ("## At staff engineer level"), or nothing: for the rubric's
/// compare pane, so the grader sees the level being practised.
pub fn level_bar_markdown(q: &Question, role: Option<Role>) -> String {
    match role.and_then(|r| q.level(r)) {
        Some(_) => levels_markdown(q, role),
        None => String::new(),
    }
}

/// "## Example answers": the weak one, then what the strong one does differently.
pub fn example_markdown(q: &Question) -> String {
    let Some(e) = &q.example else {
        return String::new();
    };
    format!(
        "## Example answers\n\n**Weak:** {}\n\n**Strong:** {}\n\n",
        escape(&e.weak),
        escape(&e.strong)
    )
}

#[cfg(test)]
mod tests {
    use crate::bank::{Role, load_builtin};
    use crate::doc::question_markdown_for;

    #[test]
    fn a_role_shows_its_bar_check_and_time_and_no_role_shows_every_bar() {
        let bank = load_builtin();
        let q = bank.question("est-feed-cache-memory").unwrap();
        let staff = question_markdown_for(&bank, q, Some(Role::Staff));
        let bar = &q.level(Role::Staff).unwrap().bar;
        assert!(staff.contains("## At staff engineer level"), "{staff}");
        assert!(staff.contains(&crate::doc::escape(bar)));
        assert!(staff.contains("\\[staff engineer check\\]"));
        assert!(
            staff.contains("· 5m ·"),
            "the level's time in the meta line"
        );
        assert!(staff.contains("*Time at this level: 5m*"));
        assert!(!staff.contains("## By level"));
        let any = question_markdown_for(&bank, q, None);
        assert!(any.contains("## By level") && any.contains("- **tech lead:**"));
        assert!(any.contains("· 4m ·") && !any.contains("staff engineer check"));
        assert!(any.contains("## Example answers") && any.contains("**Weak:**"));
        // A role the question is not for shows every level, as with no role.
        assert_eq!(question_markdown_for(&bank, q, Some(Role::Director)), any);
    }
}
