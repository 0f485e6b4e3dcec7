//! Synthetic banks of any size, for benchmarks and timing (`benches/`, `examples/genbank.rs`); not
//! part of what users see. Field lengths follow the built-in bank: a prompt of about 150 characters
//! as a folded scalar, 3-4 probes, 4 checks, 3 pitfalls and 3 follow-ups of 60-80 characters each,
//! about 1,600 characters of Markdown talking points (bold lead-ins and a bullet list), 4-5 tags.
//! Questions use the built-in rubrics, so a generated bank loads on top of the built-in one, as
//! `prep --bank DIR` loads it. The output is the same on every run.

use crate::bank::BankSource;
use std::fmt::Write as _;
use std::path::Path;

/// Questions per section file (the built-in bank has 10-30; a user bank may hold far more).
pub const PER_SECTION: usize = 500;

const WORDS: &[&str] = &[
    "latency",
    "partition",
    "owner",
    "rollout",
    "budget",
    "team",
    "customer",
    "incident",
    "queue",
    "cache",
    "trade-off",
    "metric",
    "review",
    "deadline",
    "hiring",
    "migration",
    "replica",
    "contract",
    "feedback",
    "roadmap",
    "risk",
    "scope",
    "estimate",
    "failure",
    "retry",
    "quorum",
    "shard",
    "mentor",
    "conflict",
    "platform",
    "escalation",
    "headcount",
];

/// Deterministic pseudo-random words.
struct Words(crate::rng::Rng);

impl Words {
    fn next(&mut self) -> &'static str {
        WORDS[self.0.below(WORDS.len())]
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.next());
        }
        s
    }
}

/// The section files of a bank of `count` questions: (path inside the bank folder, YAML text).
pub fn section_files(count: usize) -> Vec<(String, String)> {
    let sections = count.div_ceil(PER_SECTION).max(1);
    let mut w = Words(crate::rng::Rng::new(0x9E37_79B9_7F4A_7C15));
    let mut files = Vec::with_capacity(sections);
    let mut made = 0;
    for s in 0..sections {
        let mut y = String::new();
        let _ = writeln!(
            y,
            "id: gen-{s}\ntitle: Generated section {s}\norder: {}\nsummary: {}.\nquestions:",
            1000 + s,
            w.sentence(20)
        );
        for i in 0..PER_SECTION.min(count - made) {
            question(&mut y, &mut w, s, i);
            made += 1;
        }
        files.push((format!("sections/gen-{s:04}.yaml"), y));
    }
    files
}

fn question(y: &mut String, w: &mut Words, s: usize, i: usize) {
    let (kind, rubric, time) = match i % 4 {
        0 => ("system-design", "system-design", "45m"),
        1 => ("judgment", "judgment", "75s"),
        2 => ("strategy", "strategy", "90s"),
        _ => ("behavioral", "star", "90s"),
    };
    let _ = writeln!(
        y,
        "  - id: gen-{s}-{i}\n    prompt: >-\n      {}\n      {}?",
        w.sentence(11),
        w.sentence(9)
    );
    let _ = writeln!(
        y,
        "    kind: {kind}\n    roles: [tech-lead, staff]\n    time: {time}\n    rubric: {rubric}"
    );
    for (field, items, words) in [
        ("probes", 3 + i % 2, 8),
        ("checks", 4, 10),
        ("pitfalls", 3, 8),
        ("follow_ups", 3, 9),
    ] {
        let _ = writeln!(y, "    {field}:");
        for _ in 0..items {
            let _ = writeln!(y, "      - {}", w.sentence(words));
        }
    }
    y.push_str("    talking_points: |\n");
    for lead in ["Situation", "Task", "Action", "Result"] {
        let _ = writeln!(y, "      **{lead}.** {}.\n", w.sentence(30));
    }
    for _ in 0..3 {
        let _ = writeln!(y, "      - {}.", w.sentence(14));
    }
    let _ = writeln!(y, "\n      **Lesson.** {}.", w.sentence(20));
    let tags: Vec<&str> = (0..4 + i % 2).map(|_| w.next()).collect();
    let _ = writeln!(y, "    tags: [{}]", tags.join(", "));
}

/// A bank of `count` questions held in memory: load it with `bank::load` after
/// [`BankSource::Builtin`], whose rubrics it uses.
pub fn memory_sources(count: usize) -> Vec<BankSource> {
    section_files(count)
        .into_iter()
        .map(|(name, text)| BankSource::Memory(name, text.into_bytes()))
        .collect()
}

/// Write a bank of `count` questions into `dir` (`dir/sections/*.yaml`).
pub fn write_dir(count: usize, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("sections"))?;
    for (name, text) in section_files(count) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{self, BankSource};

    #[test]
    fn a_generated_bank_loads_on_top_of_the_built_in_one() {
        let mut sources = vec![BankSource::Builtin];
        sources.extend(memory_sources(700));
        let bank = bank::load(&sources).unwrap();
        let builtin = bank::load_builtin();
        assert_eq!(bank.questions.len(), builtin.questions.len() + 700);
        assert_eq!(bank.sections.len(), builtin.sections.len() + 2);
        let q = bank.question("gen-1-199").unwrap();
        assert!((120..200).contains(&q.prompt.len()), "{}", q.prompt);
        assert!((1200..2000).contains(&q.talking_points.len()));
        assert_eq!(section_files(700), section_files(700), "deterministic");
    }
}
