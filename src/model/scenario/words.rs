//! The words of a scenario, durations and cue matching.

use super::super::search::within_one_edit;

/// A folded word of the text, where it stands, and which clause it belongs to.
#[derive(Debug, Clone)]
pub(super) struct W {
    pub(super) text: String,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) clause: usize,
}

/// Splits the text into words, numbering clauses: a clause ends at `.`, `;`, `!`, `?` and
/// before "but".
pub(super) fn words(text: &str) -> Vec<W> {
    let mut out: Vec<W> = Vec::new();
    let mut clause = 0;
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    // ", and", ", while": a comma before a conjunction starts a new clause.
    let mut comma = false;
    let push = |out: &mut Vec<W>, s: usize, e: usize, clause: &mut usize, comma: &mut bool| {
        let raw = text[s..e].trim_end_matches(['.', '-', '/', ',', ':']);
        if raw.is_empty() {
            return;
        }
        let mut folded = raw.to_lowercase().replace('’', "'");
        // "Lambda-based", "ECS-backed": the name is what matters.
        for suffix in ["-based", "-backed", "-powered", "-hosted"] {
            if let Some(stem) = folded.strip_suffix(suffix) {
                folded = stem.to_owned();
            }
        }
        if folded == "but" || *comma && matches!(folded.as_str(), "and" | "while" | "whereas") {
            *clause += 1;
        }
        *comma = false;
        // "a second AWS Region", "Amazon EC2": the maker's name carries nothing.
        if matches!(folded.as_str(), "aws" | "amazon") {
            return;
        }
        out.push(W {
            text: folded,
            start: s,
            end: s + raw.len(),
            clause: *clause,
        });
    };
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || matches!(c, '/' | '-' | '%' | '\'' | '’' | '$')
            || (c == '.' || c == ',' || c == ':')
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(&mut out, s, i, &mut clause, &mut comma);
                start = None;
            }
            _ => {}
        }
        if !part && matches!(c, '.' | ';' | '!' | '?') {
            clause += 1;
        }
        if !part && c == ',' {
            comma = true;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), &mut clause, &mut comma);
    }
    out
}

/// Whether a word of the text is the cue word, allowing one typo in words of five letters
/// or more ("recovr", "regoin", "availabilty").
pub(super) fn same_word(text: &str, cue: &str) -> bool {
    if text == cue {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (text.chars().collect(), cue.chars().collect());
    a.len() >= 5 && b.len() >= 5 && a[0] == b[0] && within_one_edit(&a, &b)
}

/// Whether the words at `i` are `phrase`.
pub(super) fn phrase_at(ws: &[W], i: usize, phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    i + parts.len() <= ws.len()
        && ws[i].clause == ws[i + parts.len() - 1].clause
        && parts
            .iter()
            .enumerate()
            .all(|(k, p)| same_word(&ws[i + k].text, p))
}

/// Where `phrase` occurs: (first word, one past the last).
pub(super) fn find_all(ws: &[W], phrase: &str) -> Vec<(usize, usize)> {
    let n = phrase.split(' ').count();
    (0..ws.len())
        .filter(|&i| phrase_at(ws, i, phrase))
        .map(|i| (i, i + n))
        .collect()
}

pub(super) fn number(word: &str) -> Option<u64> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    if let Ok(n) = digits.parse::<u64>() {
        return Some(n);
    }
    Some(match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty-five" => 45,
        "sixty" => 60,
        "ninety" => 90,
        _ => return None,
    })
}

pub(super) fn unit(word: &str) -> Option<u64> {
    // "a day's worth", "minuts", "minuets": the unit under a possessive or one typo.
    let word = word.strip_suffix("'s").unwrap_or(word);
    if word.len() >= 5 {
        for (name, secs) in [("minutes", 60), ("seconds", 1), ("hours", 3_600)] {
            if word != name && same_word(word, name) {
                return Some(secs);
            }
        }
    }
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600,
        "d" | "day" | "days" => 86_400,
        "week" | "weeks" | "wk" | "wks" => 7 * 86_400,
        _ => return None,
    })
}

/// A duration written at `i`: "2 hours", "15-minute", "30m", "15min", "half an hour", "an
/// hour and a half", "1 hour 30 minutes", "a full day". Returns seconds and words used.
pub(super) fn duration_at(ws: &[W], i: usize) -> Option<(u64, usize)> {
    let w = ws.get(i)?.text.as_str();
    let next = |k: usize| ws.get(i + k).map(|w| w.text.as_str());
    if w == "half" && matches!(next(1), Some("an" | "a")) && next(2) == Some("hour") {
        return Some((1_800, 3));
    }
    // "a quarter of an hour", "quarter of an hour"
    let q = usize::from(matches!(w, "a" | "one"));
    if ws.get(i + q).is_some_and(|w| w.text == "quarter")
        && next(q + 1) == Some("of")
        && matches!(next(q + 2), Some("an" | "a"))
        && next(q + 3) == Some("hour")
    {
        return Some((900, q + 4));
    }
    // "1.5 hours", "2.5 days"
    if w.contains('.')
        && let (Ok(f), Some(u)) = (w.parse::<f64>(), next(1).and_then(unit))
        && f > 0.0
    {
        return Some(((f * u as f64).round() as u64, 2));
    }
    // "15-minute", "4-hour"
    if let Some((n, u)) = w.split_once('-')
        && let (Some(n), Some(u)) = (number(n), unit(u))
    {
        return Some((n * u, 1));
    }
    // "30m", "4h", "15min", "1h30m"
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let split = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
        if split < w.len()
            && let (Ok(n), Some(u)) = (w[..split].parse::<u64>(), unit(&w[split..]))
        {
            return Some((n * u, 1));
        }
        if let Ok(secs) = super::super::duration::parse_duration_secs(w)
            && split < w.len()
        {
            return Some((secs, 1));
        }
    }
    let n = number(w)?;
    // "a full day", "a whole week"
    let (skip, u) = match (next(1), next(2)) {
        (Some("full" | "whole" | "entire"), Some(u)) if unit(u).is_some() => (1, unit(u)?),
        // "a second Region", "one second copy": an ordinal, not a time.
        (Some("second"), _) if matches!(w, "a" | "an" | "one") => return None,
        (Some(u), _) => (0, unit(u)?),
        _ => return None,
    };
    let mut secs = n * u;
    let mut used = 2 + skip;
    // "an hour and a half", "1 hour 30 minutes", "1 hour and 30 minutes"
    if matches!(next(used), Some("and"))
        && matches!(next(used + 1), Some("a"))
        && next(used + 2) == Some("half")
    {
        secs += u / 2;
        used += 3;
    } else {
        let and = usize::from(next(used) == Some("and"));
        if let (Some(m), Some(mu)) = (
            next(used + and).and_then(number),
            next(used + and + 1).and_then(unit),
        ) && mu < u
        {
            secs += m * mu;
            used += and + 2;
        }
    }
    Some((secs, used))
}
