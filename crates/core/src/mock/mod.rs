//! Mock loops without a terminal: the role presets (their parts are data, in `content/loops.yaml`;
//! see [`crate::loops`]), picking a loop's questions from the bank with a seeded random number
//! generator, and the
//! mock id that tags each graded attempt. The report is recomputed from the attempt log
//! ([`report`]), so a mock is never stored anywhere but in the attempts themselves.

mod markdown;
mod report;
#[cfg(test)]
mod report_tests;

pub use markdown::{report_body_markdown, report_markdown};
pub use report::{
    MissedItem, MockReport, NextDrill, QuestionResult, mock_ids, report, weakest_items,
};

use crate::bank::{Bank, Kind, Loop, Role};
use serde::{Deserialize, Serialize};

/// The section whose questions serve as curveballs.
pub const CURVEBALL_SECTION: &str = "curveballs";

/// A kind of loop, named after the role it rehearses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    TechLead,
    Staff,
    Em,
    Director,
}

/// One place in a mock: a question of a kind (outside the curveballs), or a curveball.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Kind(Kind),
    Curveball,
}

use Slot::{Curveball, Kind as K};

impl Preset {
    pub const ALL: &'static [Preset] = &[
        Preset::TechLead,
        Preset::Staff,
        Preset::Em,
        Preset::Director,
    ];

    /// The word used on the command line.
    pub fn as_str(self) -> &'static str {
        self.role().as_str()
    }

    pub fn label(self) -> &'static str {
        self.role().label()
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|p| p.as_str() == word)
    }

    pub fn role(self) -> Role {
        match self {
            Preset::TechLead => Role::TechLead,
            Preset::Staff => Role::Staff,
            Preset::Em => Role::Em,
            Preset::Director => Role::Director,
        }
    }

    /// The built-in loop of this role (`content/loops.yaml`), by the same id.
    pub fn builtin_loop(self) -> Option<Loop> {
        crate::loops::find(&crate::loops::builtin(), self.as_str()).cloned()
    }
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// All preset words, comma separated, for error messages.
pub fn expected_presets() -> String {
    Preset::ALL
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The id a mock started at `start_unix` gives its attempts. `salt` (any random number) tells
/// apart two mocks started in the same second, say in two terminals.
pub fn mock_id(start_unix: i64, salt: u64) -> String {
    format!("mock-{start_unix}-{:04x}", salt & 0xffff)
}

/// Which part of a loop a question plays: the curveball, or its kind.
pub fn part_of(section: &str, kind: Kind) -> Slot {
    if section == CURVEBALL_SECTION {
        Curveball
    } else {
        K(kind)
    }
}

/// A short name for a part, as reports show it.
pub fn part_label(part: Slot) -> &'static str {
    match part {
        Curveball => "curveball",
        K(kind) => kind.label(),
    }
}

/// The questions of a mock of a built-in role loop (see [`plan_loop`]).
pub fn plan(bank: &Bank, preset: Preset, seed: u64) -> Vec<usize> {
    preset
        .builtin_loop()
        .map_or_else(Vec::new, |l| plan_loop(bank, &l, seed))
}

/// The questions of a mock (bank indices, in the order asked): each part of the loop takes its
/// count of questions that fit it, none twice. A part takes questions for the loop's role first;
/// when the bank has too few of those it takes ones for any role, and when none fit at all the
/// place is left out.
pub fn plan_loop(bank: &Bank, l: &Loop, seed: u64) -> Vec<usize> {
    plan_loop_timed(bank, l, seed)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// [`plan_loop`] with each question's time: the time of the part it was picked for.
pub fn plan_loop_timed(bank: &Bank, l: &Loop, seed: u64) -> Vec<(usize, u32)> {
    let mut rng = crate::rng::Rng::new(seed);
    let mut chosen: Vec<(usize, u32)> = Vec::new();
    for part in &l.parts {
        for _ in 0..part.count {
            let fits = |i: &usize, any_role: bool| {
                let q = &bank.questions[*i];
                part.matches(q)
                    && (part.section.is_some() || q.section != CURVEBALL_SECTION)
                    && (any_role || q.roles.contains(&l.role))
                    && !chosen.iter().any(|(c, _)| c == i)
            };
            let mut pool: Vec<usize> = (0..bank.questions.len())
                .filter(|i| fits(i, false))
                .collect();
            if pool.is_empty() {
                pool = (0..bank.questions.len())
                    .filter(|i| fits(i, true))
                    .collect();
            }
            if !pool.is_empty() {
                chosen.push((pool[rng.below(pool.len())], part.time));
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_builtin;

    #[test]
    fn every_preset_mixes_design_judgment_behavioral_and_a_curveball_without_repeats() {
        let bank = load_builtin();
        for &preset in Preset::ALL {
            for seed in 0..50 {
                let qs = plan(&bank, preset, seed);
                assert_eq!(qs.len(), 6, "{preset} seed {seed}");
                let mut ids: Vec<&str> =
                    qs.iter().map(|&i| bank.questions[i].id.as_ref()).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(
                    ids.len(),
                    qs.len(),
                    "{preset} seed {seed} repeats a question"
                );
                let parts: Vec<Slot> = qs
                    .iter()
                    .map(|&i| part_of(&bank.questions[i].section, bank.questions[i].kind))
                    .collect();
                let l = preset.builtin_loop().unwrap();
                for (q, part) in qs.iter().zip(&l.parts) {
                    assert!(
                        part.matches(&bank.questions[*q]),
                        "{preset}: parts in order"
                    );
                }
                assert_eq!(
                    parts
                        .iter()
                        .filter(|p| **p == K(Kind::SystemDesign))
                        .count(),
                    1
                );
                assert!(parts.contains(&K(Kind::Judgment)));
                assert!(parts.contains(&K(Kind::Behavioral)));
                assert_eq!(*parts.last().unwrap(), Curveball);
                for &i in &qs {
                    let q = &bank.questions[i];
                    assert!(
                        q.roles.contains(&preset.role()),
                        "{} is not for {preset}",
                        q.id
                    );
                }
                assert_eq!(bank.questions[qs[5]].section, CURVEBALL_SECTION);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_mock_and_seeds_vary_it() {
        let bank = load_builtin();
        assert_eq!(
            plan(&bank, Preset::Staff, 42),
            plan(&bank, Preset::Staff, 42)
        );
        let distinct: std::collections::HashSet<Vec<usize>> =
            (0..20).map(|s| plan(&bank, Preset::Staff, s)).collect();
        assert!(
            distinct.len() > 10,
            "only {} different mocks",
            distinct.len()
        );
    }

    #[test]
    fn a_role_with_no_question_of_a_kind_borrows_one_from_any_role() {
        let mut bank = load_builtin();
        for q in &mut bank.questions {
            if q.kind == Kind::SystemDesign {
                q.roles.retain(|r| *r != Role::Em);
            }
        }
        let qs = plan(&bank, Preset::Em, 7);
        assert_eq!(qs.len(), 6);
        assert_eq!(bank.questions[qs[2]].kind, Kind::SystemDesign);
    }

    #[test]
    fn presets_read_and_describe_themselves() {
        assert_eq!(Preset::parse("tech-lead"), Some(Preset::TechLead));
        assert_eq!(Preset::parse("vp"), None);
        assert_eq!(expected_presets(), "tech-lead, staff, em, director");
        assert_eq!(Preset::Director.builtin_loop().unwrap().title, "Director");
        assert_eq!(mock_id(1_795_262_400, 0x1_2a3f), "mock-1795262400-2a3f");
        assert_ne!(mock_id(1_795_262_400, 1), mock_id(1_795_262_400, 2));
    }
}
