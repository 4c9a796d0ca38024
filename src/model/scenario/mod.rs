//! Reading an exam-style scenario or a requirement paragraph: which decision it is about
//! (disaster recovery or deployment) and the answers it states ("recover within 2 hours",
//! "lose no more than 15 minutes of data", "most cost-effective", "without downtime",
//! "Elastic Beanstalk"), each with the words it was read from. Pure text work, and careful:
//! a duration is a target only when the words around it say what it measures, a phrase a
//! clause negates or sets in the past is not read, and what the text does not say is left
//! for the reader to answer ([`Scenario::untold`]).

mod deploy;
mod phrases;
mod targets;
#[cfg(test)]
mod tests;
mod words;

use serde::Serialize;

use super::schema::Wizard;
use words::{W, find_all, words};

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

/// Reads everything the text says.
pub fn read(text: &str) -> Scenario {
    let ws = words(text);
    let mut answers: Vec<Reading> = Vec::new();
    targets::read_targets(text, &ws, &mut answers);
    phrases::read_phrases(text, &ws, &mut answers);
    deploy::read_deploy(text, &ws, &mut answers);
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
        "deploying",
        "deployed",
        "release",
        "releasing",
        "released",
        "rollout",
        "rolling out",
        "upgrade",
        "cutover",
        "new version",
    ]
    .iter()
    .any(|c| !find_all(&ws, c).is_empty());
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
    let said_extra = answers.iter().any(|r| r.key == "extra-cost");
    for mut r in answers {
        if wizard == Some("deploy") && r.key == "budget" {
            // Extra cost said outright wins over a general cost word ("should be cheap, a bit
            // of extra capacity is ok").
            if said_extra {
                continue;
            }
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
