//! The FSRS-6 memory model with its default parameters, in plain Rust with no dependencies.
//!
//! A card's memory is a stability S (days until the chance of recall falls to 90%) and a
//! difficulty D (1 to 10). Each review updates both from the grade and from the whole days since
//! the previous review; the next interval is the time until recall falls to the desired retention.
//!
//! This reproduces one grade of what `fsrs` 6.6.2 returns from
//! `FSRS::default().next_states(memory, desired_retention, elapsed_days)`: the same formulas,
//! clamps and order of f32 operations, so the results agree with that crate (see the tests).

/// The 21 default FSRS-6 weights, w0..w20, as shipped by fsrs 6.6.2 and py-fsrs 6.
const W: [f32; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// Bounds that every stored stability and difficulty is kept within.
const S_MIN: f32 = 0.001;
const S_MAX: f32 = 36500.0;
const D_MIN: f32 = 1.0;
const D_MAX: f32 = 10.0;

/// The four FSRS grades; the numbers are the ones the formulas use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// What FSRS remembers about a card between reviews.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    /// Days until the chance of recall falls to 90%.
    pub stability: f32,
    /// How hard the card is, from 1 (easiest) to 10.
    pub difficulty: f32,
}

/// The memory after reviewing with `grade`, `elapsed_days` whole days after the previous review
/// (ignored for a first review, `memory == None`), and the days until recall is expected to fall
/// to `desired_retention`. The interval is neither rounded nor bounded, just as fsrs returns it.
pub fn next(
    memory: Option<Memory>,
    grade: Grade,
    elapsed_days: u32,
    desired_retention: f32,
) -> (Memory, f32) {
    let g = f32::from(grade as u8);
    let memory = match memory {
        // A first review: the grade picks one of four starting stabilities (w0..w3) and sets
        // the starting difficulty.
        None => Memory {
            stability: W[usize::from(grade as u8) - 1].clamp(S_MIN, S_MAX),
            difficulty: initial_difficulty(g).clamp(D_MIN, D_MAX),
        },
        Some(old) => review(old, g, elapsed_days as f32),
    };
    (memory, interval(memory.stability, desired_retention))
}

/// A later review of a card with memory `old`, `t` days after the previous one.
fn review(old: Memory, g: f32, t: f32) -> Memory {
    let s = old.stability.clamp(S_MIN, S_MAX);
    let d = old.difficulty.clamp(D_MIN, D_MAX);
    let stability = if t == 0.0 {
        same_day(s, g)
    } else if g == 1.0 {
        after_lapse(s, d, retrievability(t, s))
    } else {
        after_recall(s, d, retrievability(t, s), g)
    };
    Memory {
        stability: stability.clamp(S_MIN, S_MAX),
        difficulty: next_difficulty(d, g),
    }
}

/// Starting difficulty for a grade: w4 for Again, falling exponentially (rate w5) with the grade.
fn initial_difficulty(g: f32) -> f32 {
    W[4] - (W[5] * (g - 1.0)).exp() + 1.0
}

/// Difficulty moves by w6 per grade step away from Good (down for better grades). The step
/// shrinks as D nears 10, and the result is pulled a little (w7) towards the starting
/// difficulty of an Easy first review.
fn next_difficulty(d: f32, g: f32) -> f32 {
    let step = -W[6] * (g - 3.0);
    let damped = d + (10.0 - d) * step / 9.0;
    (W[7] * (initial_difficulty(4.0) - damped) + damped).clamp(D_MIN, D_MAX)
}

/// The forgetting curve's exponent (-w20) and the constant that makes recall exactly 90% when
/// the elapsed time equals the stability.
fn curve() -> (f32, f32) {
    let decay = -W[20];
    let factor = (0.9f32.ln() / decay).exp() - 1.0;
    (decay, factor)
}

/// Chance of recall `t` days after a review that left stability `s`: a power curve.
fn retrievability(t: f32, s: f32) -> f32 {
    let (decay, factor) = curve();
    (t / s * factor + 1.0).powf(decay)
}

/// Days until recall falls to `retention`, for stability `s` (the curve above, solved for t).
fn interval(s: f32, retention: f32) -> f32 {
    let (decay, factor) = curve();
    s / factor * (retention.powf(1.0 / decay) - 1.0)
}

/// Stability after a successful recall (Hard, Good or Easy): it grows more when the card is
/// easy (low D), when S is still small, and when recall was unlikely (low R). Hard scales the
/// growth by w15, Easy by w16.
fn after_recall(s: f32, d: f32, r: f32, g: f32) -> f32 {
    let hard = if g == 2.0 { W[15] } else { 1.0 };
    let easy = if g == 4.0 { W[16] } else { 1.0 };
    s * (W[8].exp() * (11.0 - d) * s.powf(-W[9]) * (((1.0 - r) * W[10]).exp() - 1.0) * hard * easy
        + 1.0)
}

/// Stability after a lapse (Again on a later day): a new, smaller stability from D, the old S and
/// R. It is capped at S / e^(w17 * w18), so that a same-day Good afterwards (which multiplies by
/// about e^(w17 * w18)) cannot lift it back above the stability the card had before the lapse.
fn after_lapse(s: f32, d: f32, r: f32) -> f32 {
    let relearned =
        W[11] * d.powf(-W[12]) * ((s + 1.0).powf(W[13]) - 1.0) * ((1.0 - r) * W[14]).exp();
    relearned.min(s / (W[17] * W[18]).exp())
}

/// Stability after another review on the same day: S times e^(w17 * (grade - 3 + w18)) times
/// S^-w19, so the gain fades as S grows. A pass never lowers S; Again may.
fn same_day(s: f32, g: f32) -> f32 {
    let gain = (W[17] * (g - 3.0 + W[18])).exp() * s.powf(-W[19]);
    s * if g >= 2.0 { gain.max(1.0) } else { gain }
}

#[cfg(test)]
mod tests;
