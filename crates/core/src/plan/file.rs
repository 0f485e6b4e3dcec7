//! `<data dir>/plan.yaml`: the interview date, the role and loop, the daily minutes, the day the
//! plan was set and the checklist items ticked. It is the user's file: prep reads it on every
//! start, writes it whole and atomically, and never overwrites one that does not parse (the
//! problem is reported with its line instead).

use crate::bank::{Diagnostic, Role, plain_yaml_error};
use crate::storage::{Replace, StorageError, write_atomic};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The plan as the user set it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanFile {
    /// The interview day (days since 1970-01-01).
    pub date: i64,
    pub role: Role,
    /// The loop's id; `None`: the role's own loop.
    pub loop_id: Option<String>,
    /// Minutes a day to spend.
    pub minutes: u32,
    /// The day the plan was set.
    pub set_on: i64,
    /// Checklist item ids ticked.
    pub ticked: Vec<String>,
}

impl PlanFile {
    /// The loop the plan follows.
    pub fn loop_id(&self) -> &str {
        self.loop_id.as_deref().unwrap_or(self.role.as_str())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    date: serde_saphyr::Spanned<String>,
    role: serde_saphyr::Spanned<String>,
    #[serde(default, rename = "loop")]
    loop_id: Option<String>,
    #[serde(default)]
    minutes: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    set: Option<serde_saphyr::Spanned<String>>,
    #[serde(default)]
    done: Vec<String>,
}

/// Where the plan lives.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("plan.yaml")
}

/// `YYYY-MM-DD` as a day number, if it is a real date.
pub fn parse_date(text: &str) -> Option<i64> {
    let d: jiff::civil::Date = text.trim().parse().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = epoch.until((jiff::Unit::Day, d)).ok()?;
    Some(i64::from(span.get_days()))
}

/// Read the plan: `Ok(None)` when there is none, `Err` (file, line, what) when it does not parse.
pub fn read(data_dir: &Path) -> Result<Option<PlanFile>, Diagnostic> {
    let path = path(data_dir);
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Diagnostic::new(&name, 1, 1, format!("cannot read: {e}"))),
    };
    parse(&name, &text).map(Some)
}

/// Parse the text of a plan file named `name`.
pub fn parse(name: &str, text: &str) -> Result<PlanFile, Diagnostic> {
    let raw: Raw = serde_saphyr::from_str(text).map_err(|e| {
        let (line, col) = e
            .location()
            .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
        Diagnostic::new(name, line, col, plain_yaml_error(&e))
    })?;
    let at = |s: &serde_saphyr::Spanned<String>, msg: String| {
        Diagnostic::new(
            name,
            s.referenced.line() as u32,
            s.referenced.column() as u32,
            msg,
        )
    };
    let date = parse_date(&raw.date.value).ok_or_else(|| {
        at(
            &raw.date,
            format!("date `{}` is not a date like 2026-12-15", raw.date.value),
        )
    })?;
    let role = Role::parse(&raw.role.value).ok_or_else(|| {
        let msg = format!(
            "unknown role `{}`; expected one of {}",
            raw.role.value,
            Role::expected()
        );
        at(&raw.role, msg)
    })?;
    let set_on = match &raw.set {
        None => date,
        Some(s) => parse_date(&s.value).ok_or_else(|| {
            at(
                s,
                format!("set `{}` is not a date like 2026-12-01", s.value),
            )
        })?,
    };
    let minutes = match &raw.minutes {
        None => 45,
        Some(m) => match m.value.trim().parse::<u32>() {
            Ok(n @ 5..=600) => n,
            _ => {
                let msg = format!(
                    "minutes `{}` is not a number of minutes from 5 to 600",
                    m.value
                );
                return Err(at(m, msg));
            }
        },
    };
    Ok(PlanFile {
        date,
        role,
        loop_id: raw.loop_id,
        minutes,
        set_on: set_on.min(date),
        ticked: raw.done,
    })
}

/// The file's text.
pub fn render(p: &PlanFile) -> String {
    let mut out =
        String::from("# Your plan to the interview: `prep plan set` writes it; you may edit it.\n");
    out.push_str(&format!("date: {}\n", crate::days::date_string(p.date)));
    out.push_str(&format!("role: {}\n", p.role.as_str()));
    if let Some(l) = &p.loop_id {
        out.push_str(&format!("loop: {l}\n"));
    }
    out.push_str(&format!("minutes: {}\n", p.minutes));
    out.push_str(&format!("set: {}\n", crate::days::date_string(p.set_on)));
    out.push_str("# Final-week checklist items ticked:\n");
    if p.ticked.is_empty() {
        out.push_str("done: []\n");
    } else {
        out.push_str("done:\n");
        for t in &p.ticked {
            out.push_str(&format!("  - {t}\n"));
        }
    }
    out
}

/// Write the plan whole and atomically. A plan file already there that does not parse is kept:
/// the write is refused with its problem.
pub fn write(data_dir: &Path, plan: &PlanFile) -> Result<(), String> {
    if let Err(d) = read(data_dir) {
        return Err(format!("{d} (the file is kept as it is; fix or remove it)"));
    }
    std::fs::create_dir_all(data_dir)
        .map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
    write_atomic(&path(data_dir), render(plan).as_bytes(), Replace::Allow)
        .map_err(|e: StorageError| e.to_string())
}
