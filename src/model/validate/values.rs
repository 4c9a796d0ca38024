//! Checks of single values: attribute values against their scale, ids, dates.

use super::*;

/// Checks that a value has the attribute's type (and, for levels, a known level id).
pub(super) fn check_value(def: &AttributeDef, value: &AttrValue) -> Result<(), String> {
    match (&def.scale, value) {
        (Scale::Levels { levels, .. }, AttrValue::Level(id)) => {
            if levels.iter().any(|l| &l.id == id) {
                Ok(())
            } else {
                let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
                Err(format!("level {id:?} is not one of {}", known.join(", ")))
            }
        }
        (Scale::Flag { .. }, AttrValue::Flag(_)) => Ok(()),
        (Scale::Duration, AttrValue::Duration { min, max }) => {
            let lo = parse_duration_secs(min).map_err(|e| e.to_string())?;
            let hi = parse_duration_secs(max).map_err(|e| e.to_string())?;
            if lo > hi {
                Err(format!("min {min:?} is longer than max {max:?}"))
            } else {
                Ok(())
            }
        }
        (Scale::Support, AttrValue::Supported(how) | AttrValue::Unsupported(how)) => {
            if how.trim().is_empty() {
                Err("say how it is supported, or why not".to_owned())
            } else {
                Ok(())
            }
        }
        (Scale::Text, AttrValue::Text(text)) => {
            if text.trim().is_empty() {
                Err("empty text".to_owned())
            } else {
                Ok(())
            }
        }
        (scale, _) => Err(format!(
            "expected a value of the form {}",
            scale_form(scale)
        )),
    }
}

pub(super) fn scale_form(scale: &Scale) -> &'static str {
    match scale {
        Scale::Levels { .. } => "Level(\"id\")",
        Scale::Flag { .. } => "Flag(true)",
        Scale::Duration => "Duration(min: \"15m\", max: \"1h\")",
        Scale::Support => "Supported(\"how\") or Unsupported(\"why\")",
        Scale::Text => "Text(\"...\")",
    }
}

pub(super) fn kebab_msg(what: &str, value: &str) -> String {
    format!(
        "{what} {value:?} is not kebab-case (lowercase letters and digits joined by single hyphens)"
    )
}

/// Whether `s` is kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks a `YYYY-MM` or `YYYY-MM-DD` date; the error says what is wrong.
pub fn check_date(date: &str) -> Result<(), &'static str> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m] => (number(y, 4), number(m, 2), Some(1)),
        [y, m, d] => (number(y, 4), number(m, 2), number(d, 2)),
        _ => return Err("is not a date of the form YYYY-MM or YYYY-MM-DD"),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err("is not a date of the form YYYY-MM or YYYY-MM-DD");
    };
    if !(2000..=2100).contains(&year) {
        return Err("has a year outside 2000–2100");
    }
    if !(1..=12).contains(&month) {
        return Err("has a month outside 01–12");
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day < 1 || day > days {
        return Err("has a day that does not exist in that month");
    }
    Ok(())
}
