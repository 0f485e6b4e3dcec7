//! Arguments several commands share: the question filter, time limits, kinds, roles and the
//! output format.

use clap::ValueEnum;
use prep_core::bank::{self, Filter, Kind, Role};

#[derive(clap::Args, Debug, Default, Clone)]
pub struct FilterArgs {
    /// Only this section (id)
    #[arg(long)]
    pub section: Option<String>,
    /// Only questions with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only this kind
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Only questions for this role
    #[arg(long, value_parser = parse_role)]
    pub role: Option<Role>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Filter {
        Filter {
            section: self.section.clone(),
            tag: self.tag.clone(),
            kind: self.kind,
            role: self.role,
        }
    }
}

pub(super) fn parse_time(s: &str) -> Result<u32, String> {
    match bank::parse_duration(s) {
        Some(secs @ 10..=10_800) => Ok(secs as u32),
        Some(_) => Err("must be between 10s and 3h".into()),
        None => Err("write it like 90s, 2m or 1h30m".into()),
    }
}

pub(super) fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| format!("expected one of {}", Kind::expected()))
}

pub(super) fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("expected one of {}", Role::expected()))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Plain,
    Json,
}
