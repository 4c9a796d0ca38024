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
#[cfg(test)]
mod tests;

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

/// The strategies' bands, read once.
struct Model<'a> {
    kb: &'a KnowledgeBase,
    spec: &'a PlanSpec,
    az: Option<(Band, Band)>,
    regions: Vec<(String, Option<(Band, Band)>)>,
    restore: (Band, Band),
}

fn entry_bands(kb: &KnowledgeBase, id: &str) -> Option<(Band, Band)> {
    let e = kb.get(id)?;
    let band = |key: &str| match e.attrs.get(key) {
        Some(AttrValue::Duration { min, max }) => Band::parse(min, max),
        _ => None,
    };
    Some((band("rto")?, band("rpo")?))
}

impl<'a> Model<'a> {
    fn new(kb: &'a KnowledgeBase, spec: &'a PlanSpec) -> Self {
        let restore = (
            Band::parse(&spec.restore.rto.min, &spec.restore.rto.max)
                .unwrap_or(Band { min: 0, max: 0 }),
            Band::parse(&spec.restore.rpo.min, &spec.restore.rpo.max)
                .unwrap_or(Band { min: 0, max: 0 }),
        );
        Model {
            kb,
            spec,
            az: entry_bands(kb, &spec.az_layer),
            regions: spec
                .region_layers
                .iter()
                .map(|id| (id.clone(), entry_bands(kb, id)))
                .collect(),
            restore,
        }
    }

    fn title(&self, id: &str) -> String {
        self.kb
            .get(id)
            .map(|e| e.title.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    fn setups(&self) -> Vec<Setup> {
        let mut out = Vec::new();
        for multi_az in [false, true] {
            out.push(Setup {
                multi_az,
                region: None,
            });
            for (id, _) in &self.regions {
                out.push(Setup {
                    multi_az,
                    region: Some(id.clone()),
                });
            }
        }
        out
    }

    /// The setup in words.
    fn setup_title(&self, s: &Setup) -> String {
        let zone = if s.multi_az { "Multi-AZ" } else { "One zone" };
        match &s.region {
            Some(r) => format!("{zone} + {}", self.title(r)),
            None => format!("{zone}, no recovery Region"),
        }
    }

    /// The ways a setup recovers from a failure, with the bands each reaches: in the
    /// Region first, then in the recovery Region, then from backups.
    fn ways(&self, s: &Setup, d: Disruption) -> Vec<(String, Band, Band)> {
        let region = s
            .region
            .as_ref()
            .and_then(|r| self.regions.iter().find(|(id, _)| id == r))
            .and_then(|(id, b)| b.map(|b| (id.clone(), b)));
        let (restore_rto, restore_rpo) = self.restore;
        match d {
            Disruption::Region => region
                .map(|(id, (rto, rpo))| {
                    (
                        format!("{} in the recovery Region", self.title(&id)),
                        rto,
                        rpo,
                    )
                })
                .into_iter()
                .collect(),
            Disruption::Corruption => vec![(
                "a point-in-time restore (replication would copy the damage)".to_owned(),
                restore_rto,
                restore_rpo,
            )],
            Disruption::Az => {
                let mut ways = Vec::new();
                if s.multi_az
                    && let Some((rto, rpo)) = self.az
                {
                    ways.push(("Multi-AZ failover".to_owned(), rto, rpo));
                }
                if let Some((id, (rto, rpo))) = region {
                    ways.push((
                        format!("failing over to {} in the recovery Region", self.title(&id)),
                        rto,
                        rpo,
                    ));
                }
                ways.push((
                    "a point-in-time restore into another zone".to_owned(),
                    restore_rto,
                    restore_rpo,
                ));
                ways
            }
        }
    }

    fn check(&self, s: &Setup, d: Disruption, t: Target) -> Check {
        let judged = self.ways(s, d).into_iter().map(|(by, rto, rpo)| {
            let mut verdict = Verdict::Met;
            let mut parts = Vec::new();
            for (name, band, target) in [("RTO", rto, t.rto), ("RPO", rpo, t.rpo)] {
                let Some(target) = target else { continue };
                let v = Verdict::of(band, target);
                verdict = verdict.max(v);
                parts.push(format!(
                    "{name} {} {} (typically {})",
                    format_duration_secs(target),
                    v.label(),
                    band.text()
                ));
            }
            (verdict, by, rto, rpo, parts)
        });
        // The best way: the best verdict, then the fastest bands; the first of equals.
        let best = judged.min_by_key(|(v, _, rto, rpo, _)| (*v, rto.max + rpo.max));
        let Some((verdict, by, rto, rpo, parts)) = best else {
            return Check {
                disruption: d,
                target: t,
                by: "nothing".to_owned(),
                rto: None,
                rpo: None,
                verdict: Verdict::NotCovered,
                why: "Nothing in this setup runs outside the Region.".to_owned(),
            };
        };
        Check {
            disruption: d,
            target: t,
            why: format!("By {by}: {}.", parts.join("; ")),
            by,
            rto: Some(rto),
            rpo: Some(rpo),
            verdict,
        }
    }

    fn checks(&self, s: &Setup, targets: &[(Disruption, Target)]) -> Vec<Check> {
        targets.iter().map(|(d, t)| self.check(s, *d, *t)).collect()
    }

    fn changes(&self, from: &Setup, to: &Setup) -> Vec<String> {
        let mut out = Vec::new();
        match (from.multi_az, to.multi_az) {
            (false, true) => out.push(
                "Turn on Multi-AZ: a database standby or replica in a second zone, and the Auto Scaling group spread over at least two zones."
                    .to_owned(),
            ),
            (true, false) => {
                out.push("Multi-AZ is not needed for these targets; it could be turned off.".to_owned())
            }
            _ => {}
        }
        let standby = |id: &str| match self.kb.get(id).and_then(|e| e.attrs.get("dr-standby")) {
            Some(AttrValue::Text(t)) => format!(" ({})", t.trim_end_matches('.')),
            _ => String::new(),
        };
        match (&from.region, &to.region) {
            (None, Some(r)) => out.push(format!(
                "Add {} in a recovery Region{}.",
                self.title(r),
                standby(r)
            )),
            (Some(r), None) => out.push(format!(
                "The recovery Region's {} is not needed for these targets.",
                self.title(r)
            )),
            (Some(a), Some(b)) if a != b => out.push(format!(
                "Move the recovery Region from {} to {}{}.",
                self.title(a),
                self.title(b),
                standby(b)
            )),
            _ => {}
        }
        if out.is_empty() {
            out.push("No change: what runs today meets these targets.".to_owned());
        }
        out
    }

    fn next_steps(&self, s: &Setup) -> Vec<NextStep> {
        let mut layers = vec!["backups".to_owned()];
        if s.multi_az {
            layers.push(self.spec.az_layer.clone());
        }
        if let Some(r) = &s.region {
            layers.push(r.clone());
        }
        let mut out = Vec::new();
        for layer in layers {
            for proof in self.spec.proofs.iter().filter(|p| p.layer == layer) {
                for step in &proof.steps {
                    out.push(NextStep {
                        text: step.text.clone(),
                        entries: step
                            .entries
                            .iter()
                            .filter_map(|id| self.kb.get(id).map(|e| (id.clone(), e.title.clone())))
                            .collect(),
                    });
                }
            }
        }
        out
    }

    /// How far a setup is from the targets: breaches first, then the slowest bands.
    fn score(checks: &[Check]) -> (usize, u64) {
        let misses = checks
            .iter()
            .filter(|c| c.verdict >= Verdict::Breached)
            .count();
        let slowness = checks
            .iter()
            .map(|c| {
                c.rto.map_or(u64::MAX / 8, |b| b.max) / 2
                    + c.rpo.map_or(u64::MAX / 8, |b| b.max) / 2
            })
            .sum();
        (misses, slowness)
    }

    fn change_count(from: &Setup, to: &Setup) -> usize {
        usize::from(from.multi_az != to.multi_az) + usize::from(from.region != to.region)
    }

    /// Every setup, checked and priced.
    fn evaluated(
        &self,
        targets: &[(Disruption, Target)],
        workload: &Workload,
        prices: &Prices<'_>,
    ) -> Vec<(Setup, Vec<Check>, Estimate)> {
        self.setups()
            .into_iter()
            .map(|s| {
                let checks = self.checks(&s, targets);
                let cost = cost::estimate(&s, workload, prices);
                (s, checks, cost)
            })
            .collect()
    }

    /// The cheapest setup meeting every target, with its cost.
    fn least_cost(
        &self,
        targets: &[(Disruption, Target)],
        workload: &Workload,
        prices: &Prices<'_>,
    ) -> Option<(Setup, f64)> {
        self.evaluated(targets, workload, prices)
            .into_iter()
            .filter(|(_, checks, _)| meets(checks))
            .min_by(|a, b| {
                a.2.monthly
                    .total_cmp(&b.2.monthly)
                    .then(Self::score(&a.1).cmp(&Self::score(&b.1)))
            })
            .map(|(s, _, c)| (s, c.monthly))
    }

    fn options(
        &self,
        targets: &[(Disruption, Target)],
        workload: &Workload,
        prices: &Prices<'_>,
        current: &Setup,
    ) -> (Vec<PlanOption>, bool) {
        let all = self.evaluated(targets, workload, prices);
        let meeting: Vec<&(Setup, Vec<Check>, Estimate)> =
            all.iter().filter(|(_, c, _)| meets(c)).collect();
        let none_meets = meeting.is_empty();
        let pool: Vec<&(Setup, Vec<Check>, Estimate)> = if none_meets {
            all.iter().collect()
        } else {
            meeting
        };
        let by_cost = |a: &&(Setup, Vec<Check>, Estimate), b: &&(Setup, Vec<Check>, Estimate)| {
            a.2.monthly.total_cmp(&b.2.monthly)
        };
        // Best recovery: the fastest bands; between equals, the one with more layers (a
        // zone failure is better met in the Region than by leaving it), then the cheaper.
        let best = pool.iter().min_by(|a, b| {
            Self::score(&a.1)
                .cmp(&Self::score(&b.1))
                .then(b.0.multi_az.cmp(&a.0.multi_az))
                .then(by_cost(a, b))
        });
        let cheapest = pool.iter().min_by(|a, b| {
            Self::score(&a.1)
                .0
                .cmp(&Self::score(&b.1).0)
                .then(by_cost(a, b))
                .then(Self::score(&a.1).cmp(&Self::score(&b.1)))
        });
        let least_change = pool.iter().min_by(|a, b| {
            Self::score(&a.1)
                .0
                .cmp(&Self::score(&b.1).0)
                .then(Self::change_count(current, &a.0).cmp(&Self::change_count(current, &b.0)))
                .then(by_cost(a, b))
        });
        let mut options: Vec<PlanOption> = Vec::new();
        for (choice, pick) in [
            (Choice::BestRecovery, best),
            (Choice::LeastCost, cheapest),
            (Choice::LeastChange, least_change),
        ] {
            let Some((setup, checks, cost)) = pick.copied() else {
                continue;
            };
            if let Some(o) = options.iter_mut().find(|o| &o.setup == setup) {
                o.choices.push(choice);
                continue;
            }
            options.push(PlanOption {
                choices: vec![choice],
                setup: setup.clone(),
                title: self.setup_title(setup),
                checks: checks.clone(),
                meets: meets(checks),
                cost: cost.clone(),
                changes: self.changes(current, setup),
                next_steps: self.next_steps(setup),
            });
        }
        (options, none_meets)
    }

    /// For each target, the first loosening that makes the least-cost option cheaper.
    fn what_would_change(
        &self,
        targets: &[(Disruption, Target)],
        workload: &Workload,
        prices: &Prices<'_>,
    ) -> Vec<String> {
        let Some((base, base_cost)) = self.least_cost(targets, workload, prices) else {
            return self.what_would_meet(targets, workload, prices);
        };
        let mut first = Vec::new();
        // The cheapest option may meet a target only at the fast end of a band; say what
        // meets as many targets as can be met with margin, and what it costs more.
        let all = self.evaluated(targets, workload, prices);
        let at_risk = |checks: &[Check]| {
            checks
                .iter()
                .filter(|c| c.verdict == Verdict::AtRisk)
                .count()
        };
        let meeting: Vec<_> = all.iter().filter(|(_, c, _)| meets(c)).collect();
        let fewest = meeting
            .iter()
            .map(|(_, c, _)| at_risk(c))
            .min()
            .unwrap_or(0);
        let base_risk = meeting
            .iter()
            .find(|(s, _, _)| *s == base)
            .map_or(0, |(_, c, _)| at_risk(c));
        if base_risk > fewest
            && let Some((setup, _, cost)) = meeting
                .iter()
                .filter(|(_, c, _)| at_risk(c) == fewest)
                .min_by(|a, b| a.2.monthly.total_cmp(&b.2.monthly))
        {
            first.push(format!(
                "The least-cost option meets {} only at the fast end of a band; {} meets more with margin, at about {} a month ({} more).",
                if base_risk - fewest == 1 { "one target" } else { "some targets" },
                self.setup_title(setup),
                format_usd(cost.monthly),
                format_usd(cost.monthly - base_cost)
            ));
        }
        let mut out: Vec<(f64, String)> = Vec::new();
        for (i, (d, t)) in targets.iter().enumerate() {
            for (name, value) in [("RTO", t.rto), ("RPO", t.rpo)] {
                let Some(value) = value else { continue };
                for looser in LADDER.iter().copied().filter(|v| *v > value).take(4) {
                    let mut changed = targets.to_vec();
                    let mut nt = *t;
                    if name == "RTO" {
                        nt.rto = Some(looser);
                    } else {
                        nt.rpo = Some(looser);
                    }
                    changed[i] = (*d, nt);
                    let Some((setup, cost)) = self.least_cost(&changed, workload, prices) else {
                        continue;
                    };
                    if setup != base && cost + 0.5 < base_cost {
                        out.push((
                            base_cost - cost,
                            format!(
                                "Relaxing the {} {name} from {} to {} allows {} at about {} a month, {} less.",
                                d.short(),
                                format_duration_secs(value),
                                format_duration_secs(looser),
                                self.setup_title(&setup),
                                format_usd(cost),
                                format_usd(base_cost - cost)
                            ),
                        ));
                        break;
                    }
                }
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0));
        first.extend(out.into_iter().map(|(_, s)| s));
        first
    }

    /// When nothing meets the targets: which single loosening would let something meet them.
    fn what_would_meet(
        &self,
        targets: &[(Disruption, Target)],
        workload: &Workload,
        prices: &Prices<'_>,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, (d, t)) in targets.iter().enumerate() {
            for (name, value) in [("RTO", t.rto), ("RPO", t.rpo)] {
                let Some(value) = value else { continue };
                for looser in LADDER.iter().copied().filter(|v| *v > value) {
                    let mut changed = targets.to_vec();
                    let mut nt = *t;
                    if name == "RTO" {
                        nt.rto = Some(looser);
                    } else {
                        nt.rpo = Some(looser);
                    }
                    changed[i] = (*d, nt);
                    if let Some((setup, cost)) = self.least_cost(&changed, workload, prices) {
                        out.push(format!(
                            "With a {} {name} of {} instead of {}, {} would meet every target, at about {} a month.",
                            d.short(),
                            format_duration_secs(looser),
                            format_duration_secs(value),
                            self.setup_title(&setup),
                            format_usd(cost)
                        ));
                        break;
                    }
                }
            }
        }
        out
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

/// Helpers the CLI and the window share for showing a plan.
pub mod text {
    use super::cost::{Part, format_quantity, format_usd};
    use super::{Plan, PlanOption};

    /// A plan as plain text, for the terminal and for sheets.
    pub fn plan_text(plan: &Plan) -> String {
        let mut out = String::new();
        out.push_str("Targets:\n");
        for (d, t) in &plan.targets {
            let part = |name: &str, v: Option<u64>| {
                v.map(|s| format!("{name} {}", crate::model::duration::format_duration_secs(s)))
            };
            let said: Vec<String> = [part("RTO", t.rto), part("RPO", t.rpo)]
                .into_iter()
                .flatten()
                .collect();
            out.push_str(&format!("- {}: {}\n", d.label(), said.join(", ")));
        }
        if plan.none_meets {
            out.push_str("\nNo setup meets every target; these come closest.\n");
        }
        for o in &plan.options {
            out.push('\n');
            out.push_str(&option_text(o));
        }
        if !plan.what_would_change.is_empty() {
            out.push_str("\nWhat would change it:\n");
            for w in &plan.what_would_change {
                out.push_str(&format!("- {w}\n"));
            }
        }
        out.push_str("\nAssumptions:\n");
        for a in &plan.assumptions {
            out.push_str(&format!("- {a}\n"));
        }
        out.push_str(&format!("- {}\n", plan.restore_note));
        out
    }

    /// The options as rows for a printed sheet: choice, setup, a verdict per failure, the
    /// monthly cost.
    pub fn option_rows(plan: &Plan) -> (Vec<String>, Vec<Vec<String>>) {
        let mut header = vec!["Option".to_owned(), "Setup".to_owned()];
        header.extend(plan.targets.iter().map(|(d, _)| d.label().to_owned()));
        header.push("A month".to_owned());
        let rows = plan
            .options
            .iter()
            .map(|o| {
                let choices: Vec<&str> = o.choices.iter().map(|c| c.label()).collect();
                let mut row = vec![choices.join(", "), o.title.clone()];
                row.extend(o.checks.iter().map(|c| c.verdict.label().to_owned()));
                row.push(format!(
                    "{}{}",
                    format_usd(o.cost.monthly),
                    if o.cost.unverified { "*" } else { "" }
                ));
                row
            })
            .collect();
        (header, rows)
    }

    /// One option as plain text.
    pub fn option_text(o: &PlanOption) -> String {
        let mut out = String::new();
        let choices: Vec<&str> = o.choices.iter().map(|c| c.label()).collect();
        out.push_str(&format!(
            "{}: {} — about {} a month{}\n",
            choices.join(", "),
            o.title,
            format_usd(o.cost.monthly),
            if o.cost.unverified {
                " (some prices unverified)"
            } else {
                ""
            }
        ));
        for c in &o.checks {
            out.push_str(&format!(
                "  {} — {}: {}\n",
                c.disruption.label(),
                c.verdict.label(),
                c.why
            ));
        }
        out.push_str("  Changes:\n");
        for ch in &o.changes {
            out.push_str(&format!("  - {ch}\n"));
        }
        out.push_str("  Cost:\n");
        let mut part: Option<Part> = None;
        for l in &o.cost.lines {
            if part != Some(l.part) {
                out.push_str(&format!("    {}\n", l.part.label()));
                part = Some(l.part);
            }
            let priced = match (&l.price, l.monthly) {
                (Some(p), Some(m)) => format!(
                    "{} {} × ${} = {}{}",
                    format_quantity(l.quantity),
                    l.unit,
                    p.usd,
                    format_usd(m),
                    if p.unverified.is_some() {
                        " (unverified price)"
                    } else if p.overridden {
                        " (your price)"
                    } else {
                        ""
                    }
                ),
                _ => format!("{} {}, not priced", format_quantity(l.quantity), l.unit),
            };
            out.push_str(&format!("    - {}: {priced}\n", l.what));
        }
        for u in &o.cost.unpriced {
            out.push_str(&format!("    - {u}\n"));
        }
        if !o.next_steps.is_empty() {
            out.push_str("  Prove it:\n");
            for s in &o.next_steps {
                let ids: Vec<&str> = s.entries.iter().map(|(id, _)| id.as_str()).collect();
                let see = if ids.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", ids.join(", "))
                };
                out.push_str(&format!(
                    "  - {}{see}\n",
                    crate::model::markup::plain(&s.text)
                ));
            }
        }
        out
    }
}
