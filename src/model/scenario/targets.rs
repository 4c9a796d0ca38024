//! Recovery time and point objectives: which durations are targets, and of what.

use super::super::duration::format_duration_secs;
use super::words::{W, duration_at, find_all, same_word};
use super::{Reading, push};

/// Words just before a duration that make it something other than a target: a frequency
/// ("every 15 minutes", "5,000 orders per hour"), a retention ("kept for 30 days"), a past
/// event ("spent 3 hours", "2 hours ago").
pub(super) fn not_a_target(ws: &[W], at: usize, used: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).map(|j| ws[j].text.as_str());
    let after = ws.get(at + used).map(|w| w.text.as_str());
    let clause = ws[at].clause;
    let in_clause = |words: &[&str]| {
        ws.iter()
            .filter(|w| w.clause == clause)
            .any(|w| words.iter().any(|x| same_word(&w.text, x)))
    };
    // "Records written in the last 5 minutes may be lost" is a recovery point; "in the last
    // 30 days" elsewhere is history.
    let lost = in_clause(&["lost", "lose", "losing", "loss"]);
    if matches!(
        before(1),
        Some("every" | "each" | "per" | "first" | "consecutive")
    ) || matches!(before(1), Some("last" | "past")) && !lost
        || matches!(
            after,
            Some(
                "ago"
                    | "old"
                    | "later"
                    | "long"
                    | "period"
                    | "periods"
                    | "interval"
                    | "intervals"
                    | "bake"
                    | "timeout"
                    | "schedule"
                    | "window"
            )
        )
    {
        return true;
    }
    // "A visibility timeout of 5 minutes", "a retention period of 4 days": a setting.
    if before(1) == Some("of")
        && matches!(
            before(2),
            Some("timeout" | "period" | "interval" | "retention" | "ttl" | "window" | "delay")
        )
    {
        return true;
    }
    // "Unavailable for 30 minutes during each upgrade": a deployment's downtime, not a
    // recovery time.
    if in_clause(&["upgrade", "deployment", "deploy", "release", "rollout"]) && !lost {
        return true;
    }
    // Retention and schedules, when the duration follows "for" in a clause about them.
    let retention = in_clause(&[
        "retained",
        "retain",
        "kept",
        "keeps",
        "stored",
        "runs",
        "takes",
        "evaluate",
        "redeployed",
        "generated",
        "reloaded",
    ]);
    if retention && matches!(before(1), Some("for" | "every")) {
        return true;
    }
    // Something that already happened, said right next to it: "took the site down for 9
    // hours", "6 hours of data were lost", "an outage last year lasted 3 hours".
    let past = [
        "took",
        "lasted",
        "experienced",
        "suffered",
        "caused",
        "spent",
        "happened",
        "went",
    ];
    let near_before = ws[at.saturating_sub(6)..at]
        .iter()
        .filter(|w| w.clause == clause)
        .any(|w| past.contains(&w.text.as_str()));
    let near_after = ws[at + used..]
        .iter()
        .take(4)
        .take_while(|w| w.clause == clause)
        .any(|w| matches!(w.text.as_str(), "were" | "was" | "ago"));
    if near_before || near_after {
        return true;
    }
    // Something that already happened.
    in_clause(&[
        "spent",
        "took",
        "were",
        "was",
        "lasted",
        "happened",
        "experienced",
        "suffered",
        "caused",
        "had",
    ]) && !in_clause(&[
        "must",
        "should",
        "needs",
        "need",
        "required",
        "requires",
        "can",
        "acceptable",
        "may",
    ])
}

/// Recovery-point cues that name what is lost rather than the losing.
const OBJECT_CUES: &[&str] = &[
    "transactions",
    "orders",
    "edits",
    "updates",
    "records",
    "written",
    "writes",
    "changes",
    "trades",
    "payments",
];

/// Cue words that say a duration is a recovery time or a recovery point.
pub(super) const RTO_CUES: &[&str] = &[
    "rto",
    "recovery time",
    "recovery time objective",
    "recover",
    "recovered",
    "recoverable",
    "recovery",
    "restore",
    "restored",
    "restoring",
    "back online",
    "back",
    "running again",
    "serving again",
    "available again",
    "usable again",
    "up again",
    "fail over",
    "failover",
    "downtime",
    "outage",
    "down",
    "offline",
    "unavailable",
    "rebuilt",
    "run from",
    "complete",
    "operational",
    "in service",
    "serve requests",
    "serving requests",
    "resume",
    "resumed",
];
pub(super) const RPO_CUES: &[&str] = &[
    "rpo",
    "recovery point",
    "recovery point objective",
    "data",
    "lose",
    "losing",
    "lost",
    "loss",
    "transactions",
    "orders",
    "edits",
    "updates",
    "records",
    "written",
    "writes",
    "changes",
    "trades",
    "payments",
];

/// What a duration measures, from the cue words of its clause: `(is_rpo, distance)`. A
/// cue joined by "of" right after it decides ("10 minutes of transactions", "48 hours of
/// downtime"); otherwise the nearest cue before it ("lose no more than 5 minutes"), and
/// only then one after it ("5 minutes is the most data we can lose").
pub(super) fn nearest_cue(ws: &[W], at: usize, used: usize) -> Option<(bool, usize, usize)> {
    let clause = ws[at].clause;
    let end = at + used;
    // (is_rpo, distance, cue length, cue start, cue end)
    type Slot = Option<(bool, usize, usize, usize, usize)>;
    let mut before: Slot = None;
    let mut after: Slot = None;
    let mut joined: Slot = None;
    let mut label: Option<bool> = None;
    // "a day's worth of records": "worth" joins like "of".
    let skip = usize::from(ws.get(end).is_some_and(|w| w.text == "worth"));
    let of = ws.get(end + skip).is_some_and(|w| w.text == "of");
    let better = |slot: &Slot, d: usize, len: usize| match slot {
        None => true,
        Some((_, bd, bl, _, _)) => d < *bd || (d == *bd && len > *bl),
    };
    for (cues, is_rpo) in [(RTO_CUES, false), (RPO_CUES, true)] {
        for cue in cues {
            for (s, e) in find_all(ws, cue) {
                if ws[s].clause != clause {
                    continue;
                }
                // "recovery" before "point" is the recovery point, not time.
                if *cue == "recovery" && ws.get(e).is_some_and(|w| w.text == "point") {
                    continue;
                }
                let len = e - s;
                // "its order API within 2 hours": a thing that can be lost is a cue only
                // when the duration is of it ("15 minutes of orders").
                let object = OBJECT_CUES.contains(cue);
                if object && !(s >= end && of && s - end <= 3 + skip) {
                    continue;
                }
                if e <= at {
                    let d = at - e;
                    if better(&before, d, len) {
                        before = Some((is_rpo, d, len, s, e));
                    }
                } else if s >= end {
                    let d = s - end;
                    // "1 hour (RTO) and 5 minutes (RPO)", "ten-minute RPO": a label.
                    if d == 0 && matches!(*cue, "rto" | "rpo") {
                        label = Some(is_rpo);
                    }
                    // Only nouns join: "30 minutes of orders", not "6 hours of losing the
                    // Region".
                    let noun = !matches!(
                        *cue,
                        "lose" | "losing" | "lost" | "recover" | "restore" | "fail over" | "down"
                    );
                    if of && noun && d <= 3 + skip && better(&joined, d, len) {
                        joined = Some((is_rpo, d, len, s, e));
                    }
                    if better(&after, d, len) {
                        after = Some((is_rpo, d, len, s, e));
                    }
                }
            }
        }
    }
    // The phrase read: from the cue to the duration, whichever comes first.
    let within = |slot: Slot, most: usize| {
        slot.filter(|c| c.1 <= most)
            .map(|(r, _, _, s, e)| (r, s.min(at), e.max(end)))
    };
    // "RTO 4h, RPO 1h": a name right before the duration is its label, whatever follows.
    // ("Two-hour RTO, ten-minute RPO": that name labels the duration before it.)
    let named_before = at > 0
        && matches!(ws[at - 1].text.as_str(), "rto" | "rpo")
        && !(at.saturating_sub(5)..at - 1)
            .any(|k| duration_at(ws, k).is_some_and(|(_, used)| k + used == at - 1));
    if let Some(is_rpo) = label
        && !named_before
    {
        return Some((is_rpo, at, end + 1));
    }
    within(joined, 4)
        .or_else(|| within(before, 10))
        .or_else(|| within(after, 8))
        .or_else(|| asked_before(ws, clause).map(|r| (r, at, end)))
}

/// "What's the RTO? Management says 90 minutes max.": a clause with no cue of its own answers
/// the recovery objective the clause before it names, when that one names exactly one.
fn asked_before(ws: &[W], clause: usize) -> Option<bool> {
    let previous = clause.checked_sub(1)?;
    let mut named =
        ws.iter()
            .filter(|w| w.clause == previous)
            .filter_map(|w| match w.text.as_str() {
                "rto" => Some(false),
                "rpo" => Some(true),
                _ => None,
            });
    let first = named.next()?;
    let no_duration =
        !(0..ws.len()).any(|i| ws[i].clause == previous && duration_at(ws, i).is_some());
    (named.next().is_none() && no_duration).then_some(first)
}

/// Recovery time and point objectives.
pub(super) fn read_targets(text: &str, ws: &[W], answers: &mut Vec<Reading>) {
    // Durations with what they measure.
    let mut found: Vec<(usize, usize, u64)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if let Some((secs, used)) = duration_at(ws, i) {
            if !not_a_target(ws, i, used) {
                found.push((i, used, secs));
            }
            i += used;
        } else {
            i += 1;
        }
    }
    // "RPO and RTO of 4 hours and 1 hour respectively", "RTO and RPO must both be 15 minutes".
    for (s, _) in find_all(ws, "respectively") {
        let clause = ws[s].clause;
        let order: Vec<bool> = ws
            .iter()
            .filter(|w| w.clause == clause)
            .filter_map(|w| match w.text.as_str() {
                "rto" => Some(false),
                "rpo" => Some(true),
                _ => None,
            })
            .collect();
        let durations: Vec<&(usize, usize, u64)> =
            found.iter().filter(|d| ws[d.0].clause == clause).collect();
        if order.len() == 2 && durations.len() == 2 {
            for (is_rpo, d) in order.iter().zip(durations) {
                let key = if *is_rpo { "rpo" } else { "rto" };
                push(
                    answers,
                    text,
                    ws,
                    key,
                    &format_duration_secs(d.2),
                    d.0,
                    d.0 + d.1,
                );
            }
        }
    }
    for (s, _) in find_all(ws, "both") {
        let clause = ws[s].clause;
        let names: Vec<&str> = ws
            .iter()
            .filter(|w| w.clause == clause && (w.text == "rto" || w.text == "rpo"))
            .map(|w| w.text.as_str())
            .collect();
        let durations: Vec<&(usize, usize, u64)> =
            found.iter().filter(|d| ws[d.0].clause == clause).collect();
        if names.contains(&"rto") && names.contains(&"rpo") && durations.len() == 1 {
            let d = durations[0];
            for key in ["rto", "rpo"] {
                push(
                    answers,
                    text,
                    ws,
                    key,
                    &format_duration_secs(d.2),
                    d.0,
                    d.0 + d.1,
                );
            }
        }
    }
    for &(at, used, secs) in &found {
        if answers.iter().any(|r| r.start == ws[at].start) {
            continue;
        }
        if let Some((is_rpo, from, to)) = nearest_cue(ws, at, used) {
            let key = if is_rpo { "rpo" } else { "rto" };
            push(
                answers,
                text,
                ws,
                key,
                &format_duration_secs(secs),
                from,
                to,
            );
        }
    }
    // No data loss at all.
    for phrase in [
        "no data may be lost",
        "no data loss",
        "zero data loss",
        "no data can be lost",
        "without losing data",
        "without any data loss",
        "nothing may be lost",
        "no committed transactions may be lost",
        "no transactions may be lost",
        "rpo of 0",
        "rpo of zero",
        "rpo 0",
        "rpo must be zero",
        "not lose any",
        "never lose any",
        "cannot lose any",
        "can't lose any",
        "cant lose any",
        "lose nothing",
        "no loss of data",
    ] {
        for (s, e) in find_all(ws, phrase) {
            push(answers, text, ws, "rpo", "0", s, e);
        }
    }
}
