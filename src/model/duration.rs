//! Durations as people write them: `0`, `30s`, `15m`, `4h`, `1d`, `1h30m`.
//!
//! Shared with `build.rs` (included by path), so it depends on `std` only.

use std::fmt;

/// The accepted forms, quoted in every error message.
pub const DURATION_FORMS: &str = "`0`, `30s`, `15m`, `4h`, `1d` or a combination such as `1h30m`";

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    /// The text that was given.
    pub input: String,
    /// What was wrong with it.
    pub reason: &'static str,
}

// Display by hand, not thiserror: build.rs compiles this file too, without the app's crates.
impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid duration {:?}: {}; write it as {}",
            self.input, self.reason, DURATION_FORMS
        )
    }
}

impl std::error::Error for DurationError {}

/// Parses a duration into whole seconds.
///
/// Units are `s`, `m`, `h`, `d` (each at most once, largest first); a bare `0` means zero.
/// Spaces, signs, fractions and other units are rejected so that `5 minutes` or `-1h` never
/// silently mean something else.
pub fn parse_duration_secs(input: &str) -> Result<u64, DurationError> {
    let err = |reason| DurationError {
        input: input.to_owned(),
        reason,
    };
    let text = input.trim();
    if text.is_empty() {
        return Err(err("it is empty"));
    }
    if text == "0" {
        return Ok(0);
    }
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut last_rank = usize::MAX;
    let mut gap_in_number = false;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            if gap_in_number {
                return Err(err("a number contains a space"));
            }
            digits.push(ch);
            continue;
        }
        gap_in_number = false;
        let (rank, unit_secs) = match ch {
            'd' => (3, 86_400),
            'h' => (2, 3_600),
            'm' => (1, 60),
            's' => (0, 1),
            '-' => return Err(err("it is negative")),
            // Spaces between the parts are fine (`1h 30m`), wherever they are.
            c if c.is_whitespace() => {
                gap_in_number = !digits.is_empty();
                continue;
            }
            '.' | ',' => return Err(err("fractions are not accepted")),
            _ => return Err(err("the unit is not one of s, m, h, d")),
        };
        if digits.is_empty() {
            return Err(err("a unit has no number before it"));
        }
        if rank >= last_rank {
            return Err(err("units must appear once each, largest first"));
        }
        last_rank = rank;
        let amount: u64 = digits.parse().map_err(|_| err("the number is too large"))?;
        total = amount
            .checked_mul(unit_secs)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(|| err("the number is too large"))?;
        digits.clear();
    }
    if !digits.is_empty() {
        return Err(err("the last number has no unit"));
    }
    Ok(total)
}

/// Formats seconds compactly, the inverse of [`parse_duration_secs`]: `90` → `1m30s`.
pub fn format_duration_secs(secs: u64) -> String {
    if secs == 0 {
        return "0".to_owned();
    }
    let mut out = String::new();
    let mut rest = secs;
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] {
        let n = rest / size;
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
            rest %= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_forms() {
        assert_eq!(parse_duration_secs("0"), Ok(0));
        assert_eq!(parse_duration_secs("30s"), Ok(30));
        assert_eq!(parse_duration_secs("15m"), Ok(900));
        assert_eq!(parse_duration_secs("4h"), Ok(14_400));
        assert_eq!(parse_duration_secs("1d"), Ok(86_400));
        assert_eq!(parse_duration_secs("1h30m"), Ok(5_400));
        assert_eq!(
            parse_duration_secs(" 2d3h4m5s "),
            Ok(2 * 86_400 + 3 * 3_600 + 245)
        );
        assert_eq!(parse_duration_secs("0m"), Ok(0));
        // Spaces are ignored wherever they are, so leading, trailing and inner ones agree.
        assert_eq!(parse_duration_secs("1h 30m"), Ok(5_400));
        assert_eq!(parse_duration_secs(" 1h30m"), parse_duration_secs("1h 30m"));
        assert_eq!(parse_duration_secs("1 h 30 m"), Ok(5_400));
    }

    #[test]
    fn rejects_everything_else_with_a_reason() {
        for (bad, reason) in [
            ("", "it is empty"),
            ("5 minutes", "the unit is not one of s, m, h, d"),
            ("-1h", "it is negative"),
            ("1.5h", "fractions are not accepted"),
            ("15", "the last number has no unit"),
            ("h", "a unit has no number before it"),
            ("1m1h", "units must appear once each, largest first"),
            ("1h1h", "units must appear once each, largest first"),
            ("3w", "the unit is not one of s, m, h, d"),
            ("99999999999999999999s", "the number is too large"),
            ("999999999999999999d", "the number is too large"),
            ("5é", "the unit is not one of s, m, h, d"),
            ("1 0m", "a number contains a space"),
        ] {
            let err = parse_duration_secs(bad).unwrap_err();
            assert_eq!(err.reason, reason, "input {bad:?}");
            assert!(err.to_string().contains("1h30m"), "message shows the forms");
        }
    }

    #[test]
    fn format_round_trips() {
        for secs in [0, 1, 59, 60, 61, 3_599, 3_600, 5_400, 86_400, 90_061] {
            assert_eq!(parse_duration_secs(&format_duration_secs(secs)), Ok(secs));
        }
        assert_eq!(format_duration_secs(5_400), "1h30m");
    }
}
