//! The six stages of the design spine: names, shares of the 45-minute plan, what to cover in
//! each, and which stage a question's own check belongs to.

/// A step of the design spine, in the order it is walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Clarify,
    Estimate,
    HighLevel,
    DeepDive,
    Failures,
    Revisit,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Clarify,
        Stage::Estimate,
        Stage::HighLevel,
        Stage::DeepDive,
        Stage::Failures,
        Stage::Revisit,
    ];

    /// The stable name written to the attempt log.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Clarify => "clarify",
            Stage::Estimate => "estimate",
            Stage::HighLevel => "high-level-design",
            Stage::DeepDive => "deep-dive",
            Stage::Failures => "bottlenecks-and-failures",
            Stage::Revisit => "trade-offs-to-revisit",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Stage::Clarify => "Clarify",
            Stage::Estimate => "Estimate",
            Stage::HighLevel => "High-level design",
            Stage::DeepDive => "Deep dive",
            Stage::Failures => "Bottlenecks & failure modes",
            Stage::Revisit => "Trade-offs to revisit",
        }
    }

    /// A name that fits a narrow column.
    pub fn short(self) -> &'static str {
        match self {
            Stage::HighLevel => "High level",
            Stage::Failures => "Failures",
            Stage::Revisit => "Revisit",
            s => s.name(),
        }
    }

    /// Minutes of the 45-minute plan.
    pub fn plan_minutes(self) -> u32 {
        match self {
            Stage::Clarify | Stage::Estimate => 5,
            Stage::HighLevel => 10,
            Stage::DeepDive => 15,
            Stage::Failures => 7,
            Stage::Revisit => 3,
        }
    }

    /// What to cover before moving on.
    pub fn prompts(self) -> &'static [&'static str] {
        match self {
            Stage::Clarify => &[
                "Who uses it, and which two or three things must they be able to do?",
                "What are you leaving out today? Say it out loud.",
                "How big: daily users, the peak multiple, how much data and for how long",
                "What must never be lost or wrong, and what may be a little stale?",
            ],
            Stage::Estimate => &[
                "Requests per second, on average and at peak, rounded hard",
                "Storage added per year, and the read-to-write ratio",
                "Say what the numbers rule in or out before moving on",
            ],
            Stage::HighLevel => &[
                "One request path end to end: client, edge, services, storage, background work",
                "Each data store named with one reason it fits",
                "Point at the hardest part and offer to go deep there",
            ],
            Stage::DeepDive => &[
                "One component, down to its data model, algorithm and numbers",
                "Two or three options side by side, and which one wins for this problem",
                "Check in: is this the part they most want to hear about?",
            ],
            Stage::Failures => &[
                "What saturates first as load grows, and the fix",
                "Hot keys and hot partitions; what one celebrity or viral item does",
                "A slow or dead dependency: retries, idempotency, back-pressure",
                "How you would find out: the metric or the alert",
            ],
            Stage::Revisit => &[
                "Two or three things you would change with more time or ten times the load",
                "The decision you are least sure of, and what would change your mind",
                "Close with the design in one sentence",
            ],
        }
    }

    /// Words in a question's own check that place it in this stage (lower case, word starts).
    #[rustfmt::skip]
    fn keywords(self) -> &'static [&'static str] {
        match self {
            Stage::Clarify => &["asked", "clarif", "scope", "time budget"],
            Stage::Estimate => &[
                "estimat", "per second", "bytes", "keyspace", "sized", "volume", "bandwidth",
                "ratio", "multiplied",
            ],
            Stage::Failures => &[
                "fail", "outage", "dying", "dead", "viral", "melt", "hot ", "storm", "race", "lost",
                "retr", "timed-out", "stall", "quiet", "break", "circuit",
            ],
            Stage::Revisit => &["revisit", "later", "trigger", "get past", "ceiling"],
            Stage::HighLevel => &["split", "separate", "path", "independent", "layout"],
            Stage::DeepDive => &[],
        }
    }
}

/// Which stage a question's own check belongs to, by its words; the deep dive when none match.
pub fn stage_of_check(check: &str) -> Stage {
    let text = check.to_lowercase();
    [
        Stage::Clarify,
        Stage::Estimate,
        Stage::Failures,
        Stage::Revisit,
        Stage::HighLevel,
    ]
    .into_iter()
    .find(|s| s.keywords().iter().any(|k| starts_a_word(&text, k)))
    .unwrap_or(Stage::DeepDive)
}

/// Does `word` occur in `text` at the start of a word ("ratio" in "a ratio", not "generation")?
fn starts_a_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}
