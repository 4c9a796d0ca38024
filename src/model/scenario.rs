//! Reading an exam-style scenario or a requirement paragraph: which decision it is about
//! (disaster recovery or deployment) and the answers it states ("recover within 2 hours",
//! "lose no more than 15 minutes of data", "most cost-effective", "without downtime",
//! "Elastic Beanstalk"), each with the words it was read from. Pure text work, and careful:
//! a duration is a target only when the words around it say what it measures, a phrase a
//! clause negates or sets in the past is not read, and what the text does not say is left
//! for the reader to answer ([`Scenario::untold`]).

use serde::Serialize;

use super::duration::format_duration_secs;
use super::schema::Wizard;
use super::search::within_one_edit;

/// One answer read from the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The question key, e.g. `rto`.
    pub key: String,
    /// The raw answer, e.g. `2h`.
    pub value: String,
    /// The words it was read from, as written.
    pub phrase: String,
    /// Byte range of the phrase in the text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// What a text says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// The decision it is about (`dr`, `deploy`), when it could be told.
    pub wizard: Option<String>,
    /// The answers, in the order they appear.
    pub answers: Vec<Reading>,
}

impl Scenario {
    /// The answers as (key, raw value) pairs, the first of each key.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for r in &self.answers {
            if !out.iter().any(|(k, _)| *k == r.key) {
                out.push((r.key.clone(), r.value.clone()));
            }
        }
        out
    }

    /// The answers that a wizard asks for.
    pub fn answers_for(&self, wizard: &Wizard) -> Vec<(String, String)> {
        self.pairs()
            .into_iter()
            .filter(|(k, _)| wizard.questions.iter().any(|q| &q.key == k))
            .collect()
    }

    /// The wizard's questions the text does not answer, with the default each will take
    /// (`None`: the question has no default and must be answered).
    pub fn untold<'w>(&self, wizard: &'w Wizard) -> Vec<(&'w str, Option<&'w str>)> {
        wizard
            .questions
            .iter()
            .filter(|q| !self.answers.iter().any(|r| r.key == q.key))
            .map(|q| (q.key.as_str(), q.default.as_deref()))
            .collect()
    }
}

/// A folded word of the text, where it stands, and which clause it belongs to.
#[derive(Debug, Clone)]
struct W {
    text: String,
    start: usize,
    end: usize,
    clause: usize,
}

/// Splits the text into words, numbering clauses: a clause ends at `.`, `;`, `!`, `?` and
/// before "but".
fn words(text: &str) -> Vec<W> {
    let mut out: Vec<W> = Vec::new();
    let mut clause = 0;
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let push = |out: &mut Vec<W>, s: usize, e: usize, clause: &mut usize| {
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
        if folded == "but" {
            *clause += 1;
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
                push(&mut out, s, i, &mut clause);
                start = None;
            }
            _ => {}
        }
        if !part && matches!(c, '.' | ';' | '!' | '?') {
            clause += 1;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), &mut clause);
    }
    out
}

/// Whether a word of the text is the cue word, allowing one typo in words of five letters
/// or more ("recovr", "regoin", "availabilty").
fn same_word(text: &str, cue: &str) -> bool {
    if text == cue {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (text.chars().collect(), cue.chars().collect());
    a.len() >= 5 && b.len() >= 5 && a[0] == b[0] && within_one_edit(&a, &b)
}

/// Whether the words at `i` are `phrase`.
fn phrase_at(ws: &[W], i: usize, phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    i + parts.len() <= ws.len()
        && ws[i].clause == ws[i + parts.len() - 1].clause
        && parts
            .iter()
            .enumerate()
            .all(|(k, p)| same_word(&ws[i + k].text, p))
}

/// Where `phrase` occurs: (first word, one past the last).
fn find_all(ws: &[W], phrase: &str) -> Vec<(usize, usize)> {
    let n = phrase.split(' ').count();
    (0..ws.len())
        .filter(|&i| phrase_at(ws, i, phrase))
        .map(|i| (i, i + n))
        .collect()
}

fn number(word: &str) -> Option<u64> {
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

fn unit(word: &str) -> Option<u64> {
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
fn duration_at(ws: &[W], i: usize) -> Option<(u64, usize)> {
    let w = ws.get(i)?.text.as_str();
    let next = |k: usize| ws.get(i + k).map(|w| w.text.as_str());
    if w == "half" && matches!(next(1), Some("an" | "a")) && next(2) == Some("hour") {
        return Some((1_800, 3));
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
        if let Ok(secs) = super::duration::parse_duration_secs(w)
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

/// Words just before a duration that make it something other than a target: a frequency
/// ("every 15 minutes", "5,000 orders per hour"), a retention ("kept for 30 days"), a past
/// event ("spent 3 hours", "2 hours ago").
fn not_a_target(ws: &[W], at: usize, used: usize) -> bool {
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
    if matches!(before(1), Some("every" | "each" | "per" | "first"))
        || matches!(before(1), Some("last" | "past")) && !lost
        || matches!(after, Some("ago" | "old" | "later" | "long"))
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
    // Something that already happened.
    in_clause(&["spent", "took", "were", "was", "lasted", "happened"])
        && !in_clause(&[
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

/// Cue words that say a duration is a recovery time or a recovery point.
const RTO_CUES: &[&str] = &[
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
];
const RPO_CUES: &[&str] = &[
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
];

/// What a duration measures, from the cue words of its clause: `(is_rpo, distance)`. A
/// cue joined by "of" right after it decides ("10 minutes of transactions", "48 hours of
/// downtime"); otherwise the nearest cue before it ("lose no more than 5 minutes"), and
/// only then one after it ("5 minutes is the most data we can lose").
fn nearest_cue(ws: &[W], at: usize, used: usize) -> Option<(bool, usize)> {
    let clause = ws[at].clause;
    let end = at + used;
    let mut before: Option<(bool, usize, usize)> = None; // (is_rpo, distance, cue length)
    let mut after: Option<(bool, usize, usize)> = None;
    let mut joined: Option<(bool, usize, usize)> = None;
    let of = ws.get(end).is_some_and(|w| w.text == "of");
    let better = |slot: &Option<(bool, usize, usize)>, d: usize, len: usize| match slot {
        None => true,
        Some((_, bd, bl)) => d < *bd || (d == *bd && len > *bl),
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
                if e <= at {
                    let d = at - e;
                    if better(&before, d, len) {
                        before = Some((is_rpo, d, len));
                    }
                } else if s >= end {
                    let d = s - end;
                    if of && d <= 3 && better(&joined, d, len) {
                        joined = Some((is_rpo, d, len));
                    }
                    if better(&after, d, len) {
                        after = Some((is_rpo, d, len));
                    }
                }
            }
        }
    }
    let within = |slot: Option<(bool, usize, usize)>, most: usize| {
        slot.filter(|c| c.1 <= most).map(|(r, d, _)| (r, d))
    };
    within(joined, 3)
        .or_else(|| within(before, 10))
        .or_else(|| within(after, 8))
}

/// Reads everything the text says.
pub fn read(text: &str) -> Scenario {
    let ws = words(text);
    let mut answers: Vec<Reading> = Vec::new();
    read_targets(text, &ws, &mut answers);
    read_phrases(text, &ws, &mut answers);
    answers.sort_by_key(|r| r.start);
    let dr = answers
        .iter()
        .any(|r| matches!(r.key.as_str(), "rto" | "rpo" | "scope"))
        || [
            "disaster",
            "recover",
            "recovery",
            "failover",
            "outage",
            "come back",
            "back online",
        ]
        .iter()
        .any(|c| !find_all(&ws, c).is_empty());
    let deploy = answers.iter().any(|r| {
        matches!(
            r.key.as_str(),
            "downtime" | "extra-cost" | "capacity" | "gradual" | "rollback" | "mixed-versions"
        )
    }) || [
        "deploy",
        "deployment",
        "deployments",
        "release",
        "rollout",
        "upgrade",
        "cutover",
    ]
    .iter()
    .any(|c| ws.iter().any(|w| same_word(&w.text, c)));
    let wizard = match (dr && !answers.iter().all(|r| r.key == "platform"), deploy) {
        (true, _)
            if answers
                .iter()
                .any(|r| matches!(r.key.as_str(), "rto" | "rpo" | "scope")) =>
        {
            Some("dr")
        }
        (_, true) => Some("deploy"),
        (true, false) => Some("dr"),
        _ => None,
    };
    // Each reading belongs to one decision: cost is the DR budget or the deployment's extra
    // cost, downtime words a recovery time or the deployment's downtime.
    let keep: &[&str] = match wizard {
        Some("dr") => &["rto", "rpo", "budget", "scope", "platform"],
        Some(_) => &[
            "downtime",
            "platform",
            "extra-cost",
            "capacity",
            "gradual",
            "rollback",
            "mixed-versions",
        ],
        None => &[],
    };
    let mut kept: Vec<Reading> = Vec::new();
    for mut r in answers {
        if wizard == Some("deploy") && r.key == "budget" {
            // In a deployment, cost words speak of the rollout's extra cost.
            r.key = "extra-cost".to_owned();
            r.value = if r.value == "low" {
                "none".to_owned()
            } else {
                "high".to_owned()
            };
        }
        if keep.contains(&r.key.as_str()) && !kept.iter().any(|k| k.key == r.key) {
            kept.push(r);
        }
    }
    if kept.is_empty() {
        return Scenario::default();
    }
    Scenario {
        wizard: wizard.map(str::to_owned),
        answers: kept,
    }
}

fn push(
    answers: &mut Vec<Reading>,
    text: &str,
    ws: &[W],
    key: &str,
    value: &str,
    from: usize,
    to: usize,
) {
    let to = to.min(ws.len());
    if from >= to {
        return;
    }
    let (start, end) = (ws[from].start, ws[to - 1].end);
    answers.push(Reading {
        key: key.to_owned(),
        value: value.to_owned(),
        phrase: text[start..end].to_owned(),
        start,
        end,
    });
}

/// Recovery time and point objectives.
fn read_targets(text: &str, ws: &[W], answers: &mut Vec<Reading>) {
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
        if let Some((is_rpo, _)) = nearest_cue(ws, at, used) {
            let key = if is_rpo { "rpo" } else { "rto" };
            push(
                answers,
                text,
                ws,
                key,
                &format_duration_secs(secs),
                at,
                at + used,
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
    ] {
        for (s, e) in find_all(ws, phrase) {
            push(answers, text, ws, "rpo", "0", s, e);
        }
    }
}

/// Cost, scope, platform and the deployment's constraints: phrases, each unless the clause
/// negates it.
fn read_phrases(text: &str, ws: &[W], answers: &mut Vec<Reading>) {
    const PHRASES: &[(&str, &str, &str)] = &[
        // Cost.
        ("most cost-effective", "budget", "low"),
        ("most cost effective", "budget", "low"),
        ("as cost-effective as possible", "budget", "low"),
        ("cost-effective", "budget", "low"),
        ("cost effective", "budget", "low"),
        ("cost-optimized", "budget", "low"),
        ("cost optimized", "budget", "low"),
        ("minimize cost", "budget", "low"),
        ("minimize costs", "budget", "low"),
        ("minimise cost", "budget", "low"),
        ("costs to a minimum", "budget", "low"),
        ("lowest cost", "budget", "low"),
        ("lowest possible cost", "budget", "low"),
        ("minimum cost", "budget", "low"),
        ("minimal cost", "budget", "low"),
        ("least expensive", "budget", "low"),
        ("cheapest", "budget", "low"),
        ("has to be cheap", "budget", "low"),
        ("spend as little as possible", "budget", "low"),
        ("cost as little as possible", "budget", "low"),
        ("regardless of cost", "budget", "high"),
        ("cost is not a concern", "budget", "high"),
        ("cost is no object", "budget", "high"),
        ("money is no object", "budget", "high"),
        ("budget is not a constraint", "budget", "high"),
        ("whatever it costs", "budget", "high"),
        ("cost doesnt matter", "budget", "high"),
        ("cost doesn't matter", "budget", "high"),
        ("cost does not matter", "budget", "high"),
        // What to survive.
        ("region fails", "scope", "region"),
        ("region goes down", "scope", "region"),
        ("region is lost", "scope", "region"),
        ("region becomes unavailable", "scope", "region"),
        ("regional outage", "scope", "region"),
        ("regional failure", "scope", "region"),
        ("regional disaster", "scope", "region"),
        ("region failure", "scope", "region"),
        ("region outage", "scope", "region"),
        ("entire region", "scope", "region"),
        ("whole region", "scope", "region"),
        ("another region", "scope", "region"),
        ("second region", "scope", "region"),
        ("different region", "scope", "region"),
        ("other region", "scope", "region"),
        ("across regions", "scope", "region"),
        ("multiple regions", "scope", "region"),
        ("availability zone", "scope", "az"),
        ("availability zones", "scope", "az"),
        ("az failure", "scope", "az"),
        ("az outage", "scope", "az"),
        // Where it runs.
        ("elastic beanstalk", "platform", "beanstalk"),
        ("beanstalk", "platform", "beanstalk"),
        ("lambda", "platform", "lambda"),
        ("ecs", "platform", "ecs"),
        ("fargate", "platform", "ecs"),
        ("ec2", "platform", "ec2"),
        ("auto scaling group", "platform", "ec2"),
        ("on-premises", "platform", "on-prem"),
        ("on premises", "platform", "on-prem"),
        ("data center", "platform", "on-prem"),
        // Downtime during a deployment.
        ("without downtime", "downtime", "none"),
        ("without any downtime", "downtime", "none"),
        ("zero downtime", "downtime", "none"),
        ("zero-downtime", "downtime", "none"),
        ("no downtime", "downtime", "none"),
        ("not cause any downtime", "downtime", "none"),
        ("not cause downtime", "downtime", "none"),
        ("not experience downtime", "downtime", "none"),
        ("not interrupt users", "downtime", "none"),
        ("remain available", "downtime", "none"),
        ("stay available", "downtime", "none"),
        ("downtime is acceptable", "downtime", "ok"),
        ("downtime is allowed", "downtime", "ok"),
        ("downtime is ok", "downtime", "ok"),
        ("accept downtime", "downtime", "ok"),
        ("tolerate downtime", "downtime", "ok"),
        ("short outage", "downtime", "ok"),
        ("application offline", "downtime", "ok"),
        ("will be unavailable", "downtime", "ok"),
        ("maintenance window", "downtime", "ok"),
        // Extra cost of a deployment.
        ("no additional cost", "extra-cost", "none"),
        ("no extra cost", "extra-cost", "none"),
        ("without additional cost", "extra-cost", "none"),
        ("without extra cost", "extra-cost", "none"),
        ("not cost anything extra", "extra-cost", "none"),
        ("no additional instances", "extra-cost", "none"),
        ("no extra instances", "extra-cost", "none"),
        ("extra instances", "extra-cost", "none"),
        ("any extra instances", "extra-cost", "none"),
        ("avoid paying for a duplicate", "extra-cost", "none"),
        ("small additional cost", "extra-cost", "low"),
        ("bit of extra cost", "extra-cost", "low"),
        ("extra cost of the deployment low", "extra-cost", "low"),
        ("little extra cost", "extra-cost", "low"),
        ("second full fleet", "extra-cost", "high"),
        ("complete second set of instances", "extra-cost", "high"),
        ("doubling the number of instances", "extra-cost", "high"),
        // Capacity.
        ("full capacity", "capacity", "keep"),
        ("not reduce capacity", "capacity", "keep"),
        ("100 percent of capacity", "capacity", "keep"),
        ("cant drop capacity", "capacity", "keep"),
        ("can't drop capacity", "capacity", "keep"),
        ("keep every instance serving", "capacity", "keep"),
        (
            "reduction in capacity is acceptable",
            "capacity",
            "may-drop",
        ),
        ("reduced capacity is acceptable", "capacity", "may-drop"),
        ("capacity drops", "capacity", "may-drop"),
        // Gradual exposure.
        ("canary", "gradual", "canary"),
        ("small percentage", "gradual", "canary"),
        ("linear", "gradual", "linear"),
        ("equal steps", "gradual", "linear"),
        ("equal increments", "gradual", "linear"),
        ("a/b", "gradual", "ab"),
        ("50/50", "gradual", "ab"),
        ("split users", "gradual", "ab"),
        // Rollback.
        ("roll back quickly", "rollback", "fast"),
        ("roll back instantly", "rollback", "fast"),
        ("roll back immediately", "rollback", "fast"),
        ("rolled back in seconds", "rollback", "fast"),
        ("rolled back quickly", "rollback", "fast"),
        ("reversible within minutes", "rollback", "fast"),
        ("reverted quickly", "rollback", "fast"),
        ("rollback must be fast", "rollback", "fast"),
        ("rollback needs to be quick", "rollback", "fast"),
        ("fast rollback", "rollback", "fast"),
        ("quick rollback", "rollback", "fast"),
        ("immediate rollback", "rollback", "fast"),
        // One version at a time.
        ("only one version", "mixed-versions", "no"),
        ("never run side by side", "mixed-versions", "no"),
        ("never see a mix", "mixed-versions", "no"),
        ("two different releases", "mixed-versions", "no"),
    ];
    for &(phrase, key, value) in PHRASES {
        for (s, e) in find_all(ws, phrase) {
            if negated(ws, s, e) {
                continue;
            }
            push(answers, text, ws, key, value, s, e);
        }
    }
    // Deployment configuration names: "CodeDeployDefault.LambdaCanary10Percent5Minutes".
    for (i, w) in ws.iter().enumerate() {
        for (prefix, platform) in [("lambda", "lambda"), ("ecs", "ecs")] {
            if let Some(rest) = w.text.strip_prefix(prefix) {
                for (kind, gradual) in [("canary", "canary"), ("linear", "linear")] {
                    if rest.starts_with(kind) {
                        push(answers, text, ws, "platform", platform, i, i + 1);
                        push(answers, text, ws, "gradual", gradual, i, i + 1);
                    }
                }
            }
        }
    }
    // "10 percent of traffic ... first", "1 percent of users, then everyone": a canary;
    // "10 percent every minute": linear.
    for i in 0..ws.len() {
        let percent =
            ws[i].text.ends_with('%') || ws.get(i + 1).is_some_and(|w| w.text == "percent");
        if !percent
            || !ws[i]
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let clause = ws[i].clause;
        let near: Vec<&str> = ws[i..]
            .iter()
            .take_while(|w| w.clause == clause)
            .take(12)
            .map(|w| w.text.as_str())
            .collect();
        if near
            .iter()
            .any(|w| matches!(*w, "every" | "steps" | "increments"))
        {
            push(answers, text, ws, "gradual", "linear", i, i + 1);
        } else if near.iter().any(|w| matches!(*w, "first" | "then")) {
            push(answers, text, ws, "gradual", "canary", i, i + 1);
        }
    }
    // Two Region codes in one text: it is about another Region.
    let codes: Vec<usize> = (0..ws.len())
        .filter(|&i| super::ask::tokens::is_region_code(&ws[i].text))
        .collect();
    if codes.len() >= 2 {
        push(answers, text, ws, "scope", "region", codes[0], codes[0] + 1);
    }
    // "in a single Region ... the loss of one [Availability Zone]": the zone is what to survive.
    let single_region = find_all(ws, "single region").len() + find_all(ws, "one region").len() > 0;
    if single_region {
        answers.retain(|r| !(r.key == "scope" && r.value == "region"));
    }
    // Replicated for another purpose: "not for disaster recovery".
    if !find_all(ws, "not for disaster recovery").is_empty() {
        answers.retain(|r| r.key != "scope");
    }
}

/// Whether the clause negates the phrase at `s..e`: "is not a problem", "not required",
/// "avoid" (for phrases that are not themselves negative).
fn negated(ws: &[W], s: usize, e: usize) -> bool {
    let clause = ws[s].clause;
    let after: Vec<&str> = ws[e..]
        .iter()
        .take_while(|w| w.clause == clause)
        .take(6)
        .map(|w| w.text.as_str())
        .collect();
    let joined = after.join(" ");
    joined.contains("is not a problem")
        || joined.contains("is not required")
        || joined.contains("is not needed")
}

/// The wizard a question is about, with the answers it gives, when it names any.
pub fn wizard_for(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let s = read(text);
    let pairs = s.pairs();
    s.wizard.map(|w| (w, pairs))
}

/// The answers a text gives to one wizard.
pub fn read_answers(wizard: &str, text: &str) -> Vec<(String, String)> {
    let s = read(text);
    if s.wizard.as_deref() == Some(wizard) {
        s.pairs()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        read(text).pairs()
    }

    #[test]
    fn reads_recovery_targets_cost_and_scope() {
        let s = read(
            "The application must recover within 2 hours of a regional outage and lose no more than 15 minutes of data, in the most cost-effective way.",
        );
        assert_eq!(s.wizard.as_deref(), Some("dr"));
        let p = s.pairs();
        assert!(p.contains(&("rto".into(), "2h".into())), "{p:?}");
        assert!(p.contains(&("rpo".into(), "15m".into())), "{p:?}");
        assert!(p.contains(&("budget".into(), "low".into())), "{p:?}");
        assert!(p.contains(&("scope".into(), "region".into())), "{p:?}");
    }

    #[test]
    fn reads_deployment_needs() {
        let p = pairs(
            "Deploy the new version to Elastic Beanstalk without downtime and at no additional cost.",
        );
        assert!(
            p.contains(&("platform".into(), "beanstalk".into())),
            "{p:?}"
        );
        assert!(p.contains(&("downtime".into(), "none".into())), "{p:?}");
        assert!(p.contains(&("extra-cost".into(), "none".into())), "{p:?}");
    }

    #[test]
    fn durations_in_many_forms() {
        for (text, secs) in [
            ("2 hours", 7_200),
            ("15-minute", 900),
            ("15min", 900),
            ("half an hour", 1_800),
            ("an hour and a half", 5_400),
            ("1 hour 30 minutes", 5_400),
            ("a full day", 86_400),
            ("1 week", 604_800),
            ("ninety minutes", 5_400),
        ] {
            let ws = words(text);
            assert_eq!(duration_at(&ws, 0).map(|d| d.0), Some(secs), "{text}");
        }
    }

    #[test]
    fn guesses_nothing_from_unknown_phrasing() {
        assert_eq!(
            read("We like the colour blue and tidy code."),
            Scenario::default()
        );
        assert_eq!(
            read("Backups are retained for 30 days."),
            Scenario::default()
        );
        assert_eq!(
            read("The batch job runs every 15 minutes."),
            Scenario::default()
        );
    }
}
