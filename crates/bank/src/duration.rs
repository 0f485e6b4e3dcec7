//! Time limits written as `90s`, `45m`, `1h30m` or a bare number of seconds.

/// Parse a time limit into seconds. `None` when it is not a duration at all.
pub fn parse_duration(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Some(secs);
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    let mut last_unit = 0u8; // enforce h > m > s order, each at most once
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (rank, scale) = match c {
            'h' => (3, 3600),
            'm' => (2, 60),
            's' => (1, 1),
            _ => return None,
        };
        if number.is_empty() || (last_unit != 0 && rank >= last_unit) {
            return None;
        }
        let n: u64 = number.parse().ok()?;
        total = total.checked_add(n.checked_mul(scale)?)?;
        number.clear();
        last_unit = rank;
    }
    if !number.is_empty() {
        return None;
    }
    Some(total)
}

/// Format seconds the way a person writes a time limit: `75s`, `45m`, `1h30m`.
pub fn format_duration(secs: u64) -> String {
    if secs <= 120 {
        return format!("{secs}s");
    }
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_write() {
        assert_eq!(parse_duration("90"), Some(90));
        assert_eq!(parse_duration("75s"), Some(75));
        assert_eq!(parse_duration("45m"), Some(2700));
        assert_eq!(parse_duration("1h30m"), Some(5400));
        assert_eq!(parse_duration("1m30s"), Some(90));
        assert_eq!(parse_duration(" 2h "), Some(7200));
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for bad in ["", "m", "90x", "1.5m", "30m1h", "5m5m", "-5s", "1h 30m"] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
        assert_eq!(parse_duration("99999999999999999999h"), None);
    }

    #[test]
    fn formats_round_trip() {
        for secs in [10, 60, 90, 120, 600, 2700, 5400, 5430, 10800] {
            assert_eq!(parse_duration(&format_duration(secs)), Some(secs));
        }
        assert_eq!(format_duration(90), "90s");
        assert_eq!(format_duration(2700), "45m");
        assert_eq!(format_duration(5400), "1h30m");
    }
}
