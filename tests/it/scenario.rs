//! Reading scenarios: `tests/fixtures/scenarios.txt` holds exam-style texts and requirement
//! notes written by someone who never saw the parser, each with the values a careful reader
//! takes from it. A text must give exactly those values: one missed is a miss, one more is a
//! guess, and a guess is worse.

use std::collections::BTreeMap;
use std::path::Path;

use opsdeck::model::duration::parse_duration_secs;
use opsdeck::model::scenario::read;

/// The share of scenarios each set must read exactly.
const EXACT: f64 = 0.85;

fn fixtures() -> Vec<(String, BTreeMap<String, String>)> {
    fixture("scenarios.txt")
}

fn fixture(name: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut out = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, expected) = line.split_once('\t').unwrap_or_else(|| panic!("{line:?}"));
        let mut want = BTreeMap::new();
        if expected.trim() != "none" {
            for pair in expected.split(';') {
                let (k, v) = pair
                    .trim()
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{line:?}"));
                want.insert(k.trim().to_owned(), v.trim().to_owned());
            }
        }
        out.push((text.to_owned(), want));
    }
    out
}

/// Durations compare as amounts of time (`24h` is `1d`); other values as written.
fn same(key: &str, a: &str, b: &str) -> bool {
    if matches!(key, "rto" | "rpo") {
        return parse_duration_secs(a).ok() == parse_duration_secs(b).ok();
    }
    a == b
}

/// Reads every case; returns (exactly right, values missed, values guessed), printing the
/// wrong ones.
fn score(cases: &[(String, BTreeMap<String, String>)]) -> (usize, usize, usize) {
    let mut wrong = Vec::new();
    let (mut guesses, mut misses) = (0, 0);
    for (text, want) in cases {
        let s = read(text);
        let mut got: BTreeMap<String, String> = s.pairs().into_iter().collect();
        if let Some(w) = &s.wizard {
            got.insert("wizard".to_owned(), w.clone());
        }
        let missed: Vec<&String> = want
            .iter()
            .filter(|(k, v)| !got.get(*k).is_some_and(|g| same(k, g, v)))
            .map(|(k, _)| k)
            .collect();
        let guessed: Vec<&String> = got
            .iter()
            .filter(|(k, v)| !want.get(*k).is_some_and(|w| same(k, w, v)))
            .map(|(k, _)| k)
            .collect();
        misses += missed.len();
        guesses += guessed.len();
        if !missed.is_empty() || !guessed.is_empty() {
            wrong.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    let right = cases.len() - wrong.len();
    eprintln!(
        "{right} of {} scenarios read exactly; {misses} values missed, {guesses} guessed",
        cases.len()
    );
    for w in &wrong {
        eprintln!("{w}");
    }
    (right, misses, guesses)
}

#[test]
fn scenarios_give_exactly_the_values_they_state() {
    let cases = fixtures();
    assert!(cases.len() >= 60, "{} scenarios", cases.len());
    let (right, _, guesses) = score(&cases);
    assert!(
        right as f64 / cases.len() as f64 >= EXACT,
        "{} of {} wrong",
        cases.len() - right,
        cases.len()
    );
    assert!(
        guesses * 20 <= cases.len(),
        "{guesses} values guessed: unknown phrasing must be reported, not guessed"
    );
}

/// A second set, written blind after the reader was tuned on the first. At first sight the
/// reader read 25 of its 45 texts exactly, with 3 values guessed; it was then tuned on it
/// with general rules (no rule names one text), so it now guards against regressions.
#[test]
fn held_out_scenarios() {
    let cases = fixture("scenarios-heldout.txt");
    assert!(cases.len() >= 40, "{} scenarios", cases.len());
    let (right, _, guesses) = score(&cases);
    assert!(
        right as f64 / cases.len() as f64 >= EXACT,
        "{right} of {} right",
        cases.len()
    );
    assert!(guesses * 10 <= cases.len(), "{guesses} values guessed");
}

/// A third set, written blind after the reader was tuned on the first two. At first sight
/// the reader read 27 of its 50 texts exactly, with 9 values guessed; the general rules it
/// then gained are what this set now guards.
#[test]
fn blind_scenarios() {
    let cases = fixture("scenarios-blind2.txt");
    assert!(cases.len() >= 40, "{} scenarios", cases.len());
    let (right, _, guesses) = score(&cases);
    assert!(
        right as f64 / cases.len() as f64 >= EXACT,
        "{right} of {} right",
        cases.len()
    );
    assert!(guesses * 10 <= cases.len(), "{guesses} values guessed");
}

#[test]
fn every_reading_points_at_its_phrase() {
    for (text, _) in fixtures() {
        for r in read(&text).answers {
            assert_eq!(&text[r.start..r.end], r.phrase, "{text}");
        }
    }
}
