//! Reading an exam-style scenario or a requirement paragraph: which wizard it is about and
//! the answers it gives ("recover within 2 hours", "lose no more than 15 minutes of data",
//! "most cost-effective", "without downtime", "Elastic Beanstalk"), each with the phrase it was
//! read from, and what it does not say. Pure text work: nothing is guessed, an unknown phrasing
//! is reported as not told.

use serde::Serialize;

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
    /// The wizard it is about (`dr`, `deploy`), when it could be told.
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
}

/// A folded word of the text with where it stands.
#[derive(Debug, Clone)]
struct W {
    text: String,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<W> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '/' || c == '-' || c == '.';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<W>) {
    let raw = text[start..end].trim_end_matches(['.', '-', '/']);
    if raw.is_empty() {
        return;
    }
    let end = start + raw.len();
    out.push(W {
        text: raw.to_lowercase(),
        start,
        end,
    });
}

/// Words that may stand between a trigger and its number.
const FILLER: &[&str] = &[
    "a",
    "about",
    "an",
    "approximately",
    "around",
    "at",
    "be",
    "below",
    "by",
    "for",
    "is",
    "less",
    "max",
    "maximum",
    "more",
    "most",
    "no",
    "not",
    "of",
    "than",
    "the",
    "to",
    "under",
    "up",
    "within",
    "must",
    "should",
    "exceed",
    "longer",
    "only",
    "roughly",
    "just",
];

fn number(word: &str) -> Option<u64> {
    if let Ok(n) = word.parse::<u64>() {
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

fn unit(word: &str) -> Option<(&'static str, u64)> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => ("s", 1),
        "m" | "min" | "mins" | "minute" | "minutes" => ("m", 60),
        "h" | "hr" | "hrs" | "hour" | "hours" => ("h", 3_600),
        "d" | "day" | "days" => ("d", 86_400),
        _ => return None,
    })
}

/// A duration written at `i`: "2 hours", "15-minute", "30m", "half an hour", "an hour".
/// Returns the raw duration and how many words it took.
fn duration_at(ws: &[W], i: usize) -> Option<(String, usize)> {
    let w = &ws.get(i)?.text;
    if w == "half"
        && ws
            .get(i + 1)
            .is_some_and(|n| n.text == "an" || n.text == "a")
        && ws.get(i + 2).is_some_and(|n| n.text == "hour")
    {
        return Some(("30m".to_owned(), 3));
    }
    // "15-minute", "4-hour"
    if let Some((n, u)) = w.split_once('-')
        && let (Some(n), Some((u, _))) = (number(n), unit(u))
    {
        return Some((format!("{n}{u}"), 1));
    }
    // "30m", "4h", "1h30m"
    if w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
        && let Ok(secs) = super::duration::parse_duration_secs(w)
    {
        return Some((super::duration::format_duration_secs(secs), 1));
    }
    let n = number(w)?;
    let (u, _) = unit(&ws.get(i + 1)?.text)?;
    Some((format!("{n}{u}"), 2))
}

/// A duration after position `i`, skipping filler words; returns it and the index just
/// past it.
fn duration_after(ws: &[W], mut i: usize) -> Option<(String, usize)> {
    let limit = i + 6;
    while i < ws.len() && i < limit {
        if let Some((d, n)) = duration_at(ws, i) {
            return Some((d, i + n));
        }
        if !FILLER.contains(&ws[i].text.as_str()) {
            return None;
        }
        i += 1;
    }
    None
}

/// Whether the words at `i` are `phrase` (space-separated, folded).
fn is_at(ws: &[W], i: usize, phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    parts.len() + i <= ws.len() && parts.iter().enumerate().all(|(k, p)| ws[i + k].text == *p)
}

/// Records an answer read from words `from..to`, unless the same key was already read from
/// a phrase that covers it.
fn put(
    answers: &mut Vec<Reading>,
    ws: &[W],
    text: &str,
    key: &str,
    value: &str,
    from: usize,
    to: usize,
) {
    if from >= ws.len() || to == 0 {
        return;
    }
    let to = to.min(ws.len());
    let (start, end) = (ws[from].start, ws[to - 1].end);
    if answers
        .iter()
        .any(|r| r.key == key && r.start <= start && end <= r.end)
    {
        return;
    }
    answers.push(Reading {
        key: key.to_owned(),
        value: value.to_owned(),
        phrase: text[start..end].to_owned(),
        start,
        end,
    });
}

/// Reads everything the text says.
pub fn read(text: &str) -> Scenario {
    let ws = words(text);
    let mut answers: Vec<Reading> = Vec::new();
    for i in 0..ws.len() {
        // Recovery time.
        let rto_triggers = [
            "rto",
            "recovery time objective",
            "recover within",
            "recovered within",
            "recover in",
            "restored within",
            "restore service within",
            "back online within",
            "back up and running within",
            "available again within",
            "running again within",
            "fail over within",
            "failover within",
            "downtime of",
            "down for no more than",
            "down for no longer than",
        ];
        for trigger in rto_triggers {
            if is_at(&ws, i, trigger) {
                let n = trigger.split(' ').count();
                if let Some((d, end)) = duration_after(&ws, i + n) {
                    put(&mut answers, &ws, text, "rto", &d, i, end);
                }
            }
        }
        // "2 hours of downtime"
        if let Some((d, n)) = duration_at(&ws, i)
            && (is_at(&ws, i + n, "of downtime") || is_at(&ws, i + n, "of down time"))
        {
            put(&mut answers, &ws, text, "rto", &d, i, i + n + 2);
        }
        // Recovery point.
        let rpo_triggers = [
            "rpo",
            "recovery point objective",
            "lose no more than",
            "lose at most",
            "lose less than",
            "lose up to",
            "data loss of",
            "data loss must not exceed",
            "data loss cannot exceed",
            "no more than",
        ];
        for trigger in rpo_triggers {
            if is_at(&ws, i, trigger) {
                let n = trigger.split(' ').count();
                if let Some((d, end)) = duration_after(&ws, i + n) {
                    // "no more than 15 minutes" only means data when data is named.
                    let about_data = trigger != "no more than"
                        || ws[end.min(ws.len())..(end + 3).min(ws.len())]
                            .iter()
                            .any(|w| w.text == "data" || w.text == "transactions");
                    if about_data {
                        put(&mut answers, &ws, text, "rpo", &d, i, end);
                    }
                }
            }
        }
        if let Some((d, n)) = duration_at(&ws, i)
            && (is_at(&ws, i + n, "of data") || is_at(&ws, i + n, "of transactions"))
            && !answers.iter().any(|r| r.key == "rpo")
        {
            put(&mut answers, &ws, text, "rpo", &d, i, i + n + 2);
        }
        for zero in [
            "no data loss",
            "zero data loss",
            "rpo of zero",
            "rpo of 0",
            "without losing data",
            "without any data loss",
        ] {
            if is_at(&ws, i, zero) {
                put(
                    &mut answers,
                    &ws,
                    text,
                    "rpo",
                    "0",
                    i,
                    i + zero.split(' ').count(),
                );
            }
        }
        // Cost.
        for (phrase, budget) in [
            ("most cost-effective", "low"),
            ("most cost effective", "low"),
            ("cost-effective", "low"),
            ("minimize cost", "low"),
            ("minimize costs", "low"),
            ("minimise cost", "low"),
            ("minimise costs", "low"),
            ("lowest cost", "low"),
            ("least expensive", "low"),
            ("cheapest", "low"),
            ("lowest possible cost", "low"),
            ("regardless of cost", "high"),
            ("cost is not a concern", "high"),
            ("cost is no object", "high"),
        ] {
            if is_at(&ws, i, phrase) {
                put(
                    &mut answers,
                    &ws,
                    text,
                    "budget",
                    budget,
                    i,
                    i + phrase.split(' ').count(),
                );
            }
        }
        // What to survive.
        for (phrase, scope) in [
            ("regional outage", "region"),
            ("region outage", "region"),
            ("regional failure", "region"),
            ("regional disaster", "region"),
            ("entire region", "region"),
            ("whole region", "region"),
            ("another region", "region"),
            ("second region", "region"),
            ("different region", "region"),
            ("multiple regions", "region"),
            ("availability zone failure", "az"),
            ("az failure", "az"),
            ("loss of an availability zone", "az"),
            ("single availability zone", "az"),
            ("an availability zone", "az"),
        ] {
            if is_at(&ws, i, phrase) {
                put(
                    &mut answers,
                    &ws,
                    text,
                    "scope",
                    scope,
                    i,
                    i + phrase.split(' ').count(),
                );
            }
        }
        // Deployment.
        for (phrase, key, value) in [
            ("without downtime", "downtime", "none"),
            ("without any downtime", "downtime", "none"),
            ("zero downtime", "downtime", "none"),
            ("no downtime", "downtime", "none"),
            ("minimal downtime", "downtime", "none"),
            ("remain available", "downtime", "none"),
            ("must stay available", "downtime", "none"),
            ("downtime is acceptable", "downtime", "ok"),
            ("downtime is allowed", "downtime", "ok"),
            ("can tolerate downtime", "downtime", "ok"),
            ("maintenance window is acceptable", "downtime", "ok"),
            ("during a maintenance window", "downtime", "ok"),
            ("elastic beanstalk", "platform", "beanstalk"),
            ("beanstalk", "platform", "beanstalk"),
            ("lambda", "platform", "lambda"),
            ("ecs", "platform", "ecs"),
            ("fargate", "platform", "ecs"),
            ("ec2", "platform", "ec2"),
            ("auto scaling group", "platform", "ec2"),
            ("on-premises", "platform", "on-prem"),
            ("on premises", "platform", "on-prem"),
            ("without additional cost", "extra-cost", "none"),
            ("no additional cost", "extra-cost", "none"),
            ("no extra cost", "extra-cost", "none"),
            ("without extra cost", "extra-cost", "none"),
            ("full capacity", "capacity", "keep"),
            ("reduced capacity is acceptable", "capacity", "may-drop"),
            ("canary", "gradual", "canary"),
            ("small percentage of traffic", "gradual", "canary"),
            ("small percentage of users", "gradual", "canary"),
            ("linear", "gradual", "linear"),
            ("equal increments", "gradual", "linear"),
            ("a/b", "gradual", "ab"),
            ("roll back quickly", "rollback", "fast"),
            ("quickly roll back", "rollback", "fast"),
            ("fast rollback", "rollback", "fast"),
            ("immediate rollback", "rollback", "fast"),
            ("roll back immediately", "rollback", "fast"),
            ("only one version", "mixed-versions", "no"),
            ("same version", "mixed-versions", "no"),
        ] {
            if is_at(&ws, i, phrase) {
                put(
                    &mut answers,
                    &ws,
                    text,
                    key,
                    value,
                    i,
                    i + phrase.split(' ').count(),
                );
            }
        }
    }
    answers.sort_by_key(|r| r.start);
    let dr = answers
        .iter()
        .filter(|r| matches!(r.key.as_str(), "rto" | "rpo" | "scope"))
        .count();
    let deploy = answers
        .iter()
        .filter(|r| {
            matches!(
                r.key.as_str(),
                "downtime"
                    | "platform"
                    | "extra-cost"
                    | "capacity"
                    | "gradual"
                    | "rollback"
                    | "mixed-versions"
            )
        })
        .count();
    let wizard = match (dr, deploy) {
        (0, 0) => None,
        (d, p) if d >= p => Some("dr"),
        _ => Some("deploy"),
    };
    if let Some(w) = wizard {
        let keep: &[&str] = if w == "dr" {
            &["rto", "rpo", "budget", "scope"]
        } else {
            &[
                "downtime",
                "platform",
                "extra-cost",
                "capacity",
                "gradual",
                "rollback",
                "mixed-versions",
            ]
        };
        answers.retain(|r| keep.contains(&r.key.as_str()));
    }
    Scenario {
        wizard: wizard.map(str::to_owned),
        answers,
    }
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
        let rto = s.answers.iter().find(|r| r.key == "rto").unwrap();
        assert_eq!(rto.phrase, "recover within 2 hours");
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
    fn guesses_nothing_from_unknown_phrasing() {
        assert_eq!(
            read("We like the colour blue and tidy code."),
            Scenario::default()
        );
        assert!(pairs("no more than 15 minutes to log in").is_empty());
    }
}
