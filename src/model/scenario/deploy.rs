//! Deployment constraints said in many ways.

use super::words::{W, duration_at, phrase_at};
use super::{Reading, push};

/// Words that refuse what follows them ("without downtime", "must not launch additional
/// instances", "can't afford any downtime").
pub(super) const NEGATORS: &[&str] = &[
    "no", "not", "without", "w/o", "zero", "never", "cant", "can't", "cannot", "avoid", "don't",
    "dont", "won't", "nor",
];
/// Words that accept what comes before or after them.
pub(super) const ACCEPTS: &[&str] = &[
    "acceptable",
    "ok",
    "okay",
    "fine",
    "allowed",
    "tolerable",
    "tolerated",
    "permitted",
];

/// The words of the clause within `back` words before `i` and `ahead` words after it.
pub(super) fn around(ws: &[W], i: usize, back: usize, ahead: usize) -> (Vec<&str>, Vec<&str>) {
    let clause = ws[i].clause;
    let before = ws[i.saturating_sub(back)..i]
        .iter()
        .filter(|w| w.clause == clause)
        .map(|w| w.text.as_str())
        .collect();
    let after = ws[i + 1..]
        .iter()
        .take(ahead)
        .take_while(|w| w.clause == clause)
        .map(|w| w.text.as_str())
        .collect();
    (before, after)
}

pub(super) fn any_of(words: &[&str], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(w))
}

/// Whether an accepting word comes after, without "not" before it ("is acceptable", but not
/// "is not acceptable").
pub(super) fn accepted_after(after: &[&str]) -> Option<bool> {
    let at = after.iter().position(|w| ACCEPTS.contains(w))?;
    Some(
        !after[..at]
            .iter()
            .any(|w| matches!(*w, "not" | "never" | "no")),
    )
}

/// Deployment constraints said in many ways: downtime refused or accepted, extra instances
/// refused or allowed, a fast way back, one version at a time.
pub(super) fn read_deploy(text: &str, ws: &[W], answers: &mut Vec<Reading>) {
    for (i, w) in ws.iter().enumerate() {
        let word = w.text.as_str();
        // Downtime: "without any downtime", "can't afford any downtime", "a brief outage ... is
        // acceptable", "downtime is not acceptable".
        if matches!(
            word,
            "downtime" | "outage" | "outages" | "interruption" | "interruptions" | "disruption"
        ) {
            let (before, after) = around(ws, i, 4, 8);
            if any_of(&before, NEGATORS) {
                push(answers, text, ws, "downtime", "none", i, i + 1);
            } else if let Some(ok) = accepted_after(&after) {
                push(
                    answers,
                    text,
                    ws,
                    "downtime",
                    if ok { "ok" } else { "none" },
                    i,
                    i + 1,
                );
            } else if any_of(
                &before,
                &["accept", "tolerate", "brief", "short", "planned", "allow"],
            ) && word == "downtime"
            {
                push(answers, text, ws, "downtime", "ok", i, i + 1);
            }
        }
        // Extra cost: "must not launch additional instances", "a small amount of extra cost".
        if matches!(word, "extra" | "additional")
            && ws[i + 1..].iter().take(2).any(|n| {
                matches!(
                    n.text.as_str(),
                    "cost"
                        | "costs"
                        | "instances"
                        | "spend"
                        | "spending"
                        | "servers"
                        | "money"
                        | "capacity"
                )
            })
        {
            let (before, _) = around(ws, i, 6, 0);
            let (near, _) = around(ws, i, 3, 0);
            if any_of(&before, NEGATORS) {
                push(answers, text, ws, "extra-cost", "none", i, i + 2);
            } else if any_of(
                &near,
                &[
                    "small", "little", "bit", "tiny", "some", "modest", "minimal", "limited",
                ],
            ) {
                push(answers, text, ws, "extra-cost", "low", i, i + 2);
            }
        }
        // A fast way back: "switch back to the old version immediately".
        for verb in [
            "roll back",
            "rollback",
            "rolled back",
            "switch back",
            "revert",
            "reverted",
            "switched back",
            "go back",
            "fall back",
            "undo",
        ] {
            if phrase_at(ws, i, verb) {
                let n = verb.split(' ').count();
                let (before, after) = around(ws, i + n - 1, 8 + n, 8);
                let fast = [
                    "immediate",
                    "immediately",
                    "instantly",
                    "quickly",
                    "fast",
                    "seconds",
                    "quick",
                    "rapidly",
                ];
                // "reverted in under 2 minutes"
                let soon = (i + n..(i + n + 8).min(ws.len())).any(|k| {
                    ws[k].clause == ws[i].clause
                        && duration_at(ws, k).is_some_and(|(secs, _)| secs <= 600)
                });
                if any_of(&before, &fast) || any_of(&after, &fast) || soon {
                    push(answers, text, ws, "rollback", "fast", i, i + n);
                }
            }
        }
        // Capacity kept: "must not reduce the number of tasks serving traffic".
        if matches!(word, "reduce" | "drop" | "lower" | "decrease" | "shrink") {
            let (before, after) = around(ws, i, 3, 5);
            if any_of(&before, NEGATORS)
                && any_of(
                    &after,
                    &["capacity", "tasks", "instances", "number", "count"],
                )
            {
                push(answers, text, ws, "capacity", "keep", i, i + 1);
            }
        }
        // One version at a time: "never see two versions", "never be served by two different
        // application versions".
        if word == "two"
            && let Some(k) = ws[i + 1..]
                .iter()
                .take(3)
                .position(|n| matches!(n.text.as_str(), "versions" | "releases" | "builds"))
        {
            let (before, _) = around(ws, i, 8, 0);
            if any_of(&before, NEGATORS) {
                push(answers, text, ws, "mixed-versions", "no", i, i + k + 2);
            }
        }
    }
}
