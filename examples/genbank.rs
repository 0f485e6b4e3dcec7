//! Write a synthetic bank of N questions with realistic field lengths, for timing and benchmarks.
//!
//! `cargo run --release --example genbank -- 10000 /tmp/bank10k`
//! then `prep validate /tmp/bank10k` or `prep --bank /tmp/bank10k list`.

use std::fmt::Write as _;
use std::path::PathBuf;

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
];

/// Deterministic pseudo-random words (xorshift), so every run writes the same bank.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
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

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| format!("/tmp/prep-bank-{count}")),
    );
    let sections = 20.max(count / 500);
    std::fs::create_dir_all(out.join("sections"))?;
    let mut w = Words(0x9E37_79B9_7F4A_7C15);
    let per = count.div_ceil(sections);
    let mut made = 0;
    for s in 0..sections {
        let mut y = String::new();
        let _ = writeln!(
            y,
            "id: gen-{s}\ntitle: Generated section {s}\norder: {}\nquestions:",
            1000 + s
        );
        for i in 0..per {
            if made == count {
                break;
            }
            made += 1;
            let (kind, rubric, time) = match i % 4 {
                0 => ("system-design", "system-design", "45m"),
                1 => ("judgment", "judgment", "75s"),
                2 => ("strategy", "strategy", "90s"),
                _ => ("behavioral", "star", "90s"),
            };
            let _ = writeln!(y, "  - id: gen-{s}-{i}\n    prompt: {}?", w.sentence(22));
            let _ = writeln!(
                y,
                "    kind: {kind}\n    roles: [tech-lead, staff]\n    time: {time}\n    rubric: {rubric}"
            );
            for field in ["probes", "checks", "pitfalls", "follow_ups"] {
                let _ = writeln!(y, "    {field}:");
                for _ in 0..3 {
                    let _ = writeln!(y, "      - {}", w.sentence(12));
                }
            }
            let _ = writeln!(y, "    talking_points: |");
            for _ in 0..6 {
                let _ = writeln!(y, "      **{}.** {}", w.next(), w.sentence(35));
                y.push('\n');
            }
            let _ = writeln!(y, "    tags: [{}, {}]", w.next(), w.next());
        }
        std::fs::write(out.join(format!("sections/gen-{s:03}.yaml")), y)?;
    }
    println!(
        "wrote {made} questions in {sections} sections to {}",
        out.display()
    );
    Ok(())
}
