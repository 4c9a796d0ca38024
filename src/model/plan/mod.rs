//! Disaster-recovery plans the way AWS Resilience Hub gives them, offline: targets per
//! failure (the loss of an Availability Zone, of a Region, and data corruption), a met,
//! at-risk or breached verdict for each, and up to three costed options (best recovery, least
//! cost, least change from what runs today) with the changes to make and the tests that
//! prove them.
//!
//! A setup is a zone layer (Multi-AZ or not) plus at most one Region layer (a cross-Region
//! strategy). What each reaches comes from the strategies' RTO and RPO bands; data
//! corruption is always met by a point-in-time restore, because replication copies the
//! damage. Costs come from [`cost`].

pub mod cost;
pub mod deploy;
mod model;
use model::Model;
#[cfg(test)]
mod tests;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use super::duration::{format_duration_secs, parse_duration_secs};
use super::kb::KnowledgeBase;
use super::schema::{AttrValue, PlanSpec, Wizard};
use super::wizard::{Answer, Answers, PRICE_PREFIX, parse_answers};
use cost::{Estimate, Prices, Workload, format_usd};

/// A failure a plan checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Disruption {
    /// One Availability Zone is lost.
    Az,
    /// The whole Region is lost.
    Region,
    /// Data is corrupted or deleted (replication copies the damage).
    Corruption,
}

impl Disruption {
    /// A label for the failure.
    pub fn label(self) -> &'static str {
        match self {
            Disruption::Az => "Loss of an Availability Zone",
            Disruption::Region => "Loss of the Region",
            Disruption::Corruption => "Data corruption or deletion",
        }
    }

    /// A short name, e.g. for "the Region RPO".
    pub fn short(self) -> &'static str {
        match self {
            Disruption::Az => "AZ",
            Disruption::Region => "Region",
            Disruption::Corruption => "corruption",
        }
    }
}

/// Targets for one failure, in seconds; a target not given is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Target {
    /// Recovery time objective.
    pub rto: Option<u64>,
    /// Recovery point objective.
    pub rpo: Option<u64>,
}

/// A typical range, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Best case.
    pub min: u64,
    /// The most it typically takes.
    pub max: u64,
}

impl Band {
    fn parse(min: &str, max: &str) -> Option<Band> {
        Some(Band {
            min: parse_duration_secs(min).ok()?,
            max: parse_duration_secs(max).ok()?,
        })
    }

    /// "10m to 1h", or "0" for a band of zero.
    pub fn text(self) -> String {
        if self.min == self.max {
            format_duration_secs(self.min)
        } else {
            format!(
                "{} to {}",
                format_duration_secs(self.min),
                format_duration_secs(self.max)
            )
        }
    }
}

/// How a setup fares against a target, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Even the slow end of the band is within the target.
    Met,
    /// Only the fast end is: it needs automation and rehearsal to hold.
    AtRisk,
    /// Even the fast end misses it.
    Breached,
    /// Nothing in the setup recovers from this failure.
    NotCovered,
}

impl Verdict {
    /// A word for the verdict.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::AtRisk => "at risk",
            Verdict::Breached => "breached",
            Verdict::NotCovered => "not covered",
        }
    }

    fn of(band: Band, target: u64) -> Verdict {
        if band.max <= target {
            Verdict::Met
        } else if band.min <= target {
            Verdict::AtRisk
        } else {
            Verdict::Breached
        }
    }
}

/// One way to run the workload: spread over zones or not, plus at most one cross-Region
/// strategy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Setup {
    /// The workload runs in several Availability Zones.
    pub multi_az: bool,
    /// The cross-Region strategy (a candidate id), if any.
    pub region: Option<String>,
}

/// A setup checked against the targets for one failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The failure.
    pub disruption: Disruption,
    /// The targets.
    pub target: Target,
    /// What recovers from it, in words.
    pub by: String,
    /// Recovery time it typically reaches, when something recovers.
    pub rto: Option<Band>,
    /// Recovery point it typically reaches.
    pub rpo: Option<Band>,
    /// The worse of the RTO and RPO verdicts.
    pub verdict: Verdict,
    /// The verdict explained.
    pub why: String,
}

/// Which of the three choices an option is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// The fastest recovery and least data lost.
    BestRecovery,
    /// The cheapest setup that meets every target.
    LeastCost,
    /// The fewest changes from what runs today.
    LeastChange,
}

impl Choice {
    /// A label for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Choice::BestRecovery => "Best recovery",
            Choice::LeastCost => "Least cost",
            Choice::LeastChange => "Least change",
        }
    }
}

/// Something to set up to prove an option works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextStep {
    /// What to do.
    pub text: String,
    /// Entry ids that explain how, with their titles.
    pub entries: Vec<(String, String)>,
}

/// One costed option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanOption {
    /// Which choices it is (one setup can be both least cost and least change).
    pub choices: Vec<Choice>,
    /// The setup.
    pub setup: Setup,
    /// The setup in words, e.g. "Multi-AZ + Pilot light".
    pub title: String,
    /// How it fares against each failure.
    pub checks: Vec<Check>,
    /// Whether every check is met or at risk.
    pub meets: bool,
    /// Its monthly cost.
    pub cost: Estimate,
    /// What to change from today's setup.
    pub changes: Vec<String>,
    /// What to set up to prove it.
    pub next_steps: Vec<NextStep>,
}

/// A plan: targets, up to three options, and what would change the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Targets per failure.
    pub targets: Vec<(Disruption, Target)>,
    /// What runs today.
    pub current: Setup,
    /// The options, best recovery first.
    pub options: Vec<PlanOption>,
    /// No setup meets every target; the options are the closest.
    pub none_meets: bool,
    /// Loosened targets that would make the plan cheaper, with the money.
    pub what_would_change: Vec<String>,
    /// The workload costs were worked out for.
    pub workload: Workload,
    /// What every estimate assumes.
    pub assumptions: Vec<String>,
    /// Where the restore band comes from.
    pub restore_note: String,
}

/// What a plan reads from the answers.
struct Inputs {
    targets: Vec<(Disruption, Target)>,
    workload: Workload,
    current: Setup,
}

fn secs(answers: &Answers, key: &str) -> Option<u64> {
    match answers.get(key) {
        Some(Answer::Secs(s)) => Some(*s),
        _ => None,
    }
}

fn count(answers: &Answers, key: &str) -> u64 {
    match answers.get(key) {
        Some(Answer::Count(n)) => *n,
        _ => 0,
    }
}

fn choice<'a>(answers: &'a Answers, key: &str) -> Option<&'a str> {
    match answers.get(key) {
        Some(Answer::Choice(c)) => Some(c.as_str()),
        _ => None,
    }
}

fn inputs(answers: &Answers) -> Inputs {
    let main = Target {
        rto: secs(answers, "rto"),
        rpo: secs(answers, "rpo"),
    };
    let mut targets = Vec::new();
    if choice(answers, "scope") == Some("az") {
        targets.push((Disruption::Az, main));
    } else {
        let az = Target {
            rto: secs(answers, "az-rto").or(main.rto),
            rpo: secs(answers, "az-rpo").or(main.rpo),
        };
        targets.push((Disruption::Az, az));
        targets.push((Disruption::Region, main));
    }
    let corruption = Target {
        rto: secs(answers, "corruption-rto"),
        rpo: secs(answers, "corruption-rpo"),
    };
    if corruption.rto.is_some() || corruption.rpo.is_some() {
        targets.push((Disruption::Corruption, corruption));
    }
    let workload = Workload {
        instances: count(answers, "instances"),
        instance_price: choice(answers, "instance-price")
            .unwrap_or_default()
            .to_owned(),
        database: choice(answers, "database")
            .filter(|d| *d != "none")
            .map(str::to_owned),
        db_gb: count(answers, "db-gb"),
        data_gb: count(answers, "data-gb"),
        change_gb: count(answers, "change-gb"),
        standby_percent: count(answers, "standby-percent"),
    };
    let current = Setup {
        multi_az: choice(answers, "current-az") == Some("multi-az"),
        region: choice(answers, "current-dr")
            .filter(|d| *d != "none")
            .map(str::to_owned),
    };
    Inputs {
        targets,
        workload,
        current,
    }
}

/// The plan for a wizard's raw answers (as the window and sheets keep them; blank answers
/// count as not given, `price:KEY` answers override prices). `Ok(None)` when the wizard has
/// no plan.
pub fn plan_raw(
    kb: &KnowledgeBase,
    wizard: &Wizard,
    raw: &BTreeMap<String, String>,
) -> Result<Option<Plan>, String> {
    let Some(spec) = &wizard.plan else {
        return Ok(None);
    };
    let pairs: Vec<(String, String)> = raw
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let answers = parse_answers(wizard, &pairs).map_err(|e| e.to_string())?;
    let prices = Prices::with_overrides(
        kb.prices(),
        pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(PRICE_PREFIX)?, v.as_str()))),
    )?;
    Ok(Some(plan(kb, spec, &answers, &prices)))
}

/// Works out the plan.
pub fn plan(kb: &KnowledgeBase, spec: &PlanSpec, answers: &Answers, prices: &Prices<'_>) -> Plan {
    let Inputs {
        targets,
        workload,
        current,
    } = inputs(answers);
    let model = Model::new(kb, spec);
    let (options, none_meets) = model.options(&targets, &workload, prices, &current);
    let what_would_change = model.what_would_change(&targets, &workload, prices);
    Plan {
        targets,
        current,
        options,
        none_meets,
        what_would_change,
        workload,
        assumptions: spec.assumptions.clone(),
        restore_note: spec.restore.note.clone(),
    }
}

/// Whether every check is met or at risk.
fn meets(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.verdict <= Verdict::AtRisk)
}

/// Targets people set, from tight to loose, for "what if I loosen it".
const LADDER: &[u64] = &[
    0, 30, 60, 300, 600, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 43_200, 86_400, 172_800, 604_800,
];
