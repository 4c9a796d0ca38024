//! What a deployment costs: the simulator counts the instances beyond the fleet at each
//! step, each step is given a length, and the price table prices the instance-hours.

use serde::Serialize;

use super::super::kb::KnowledgeBase;
use super::super::simulate::{Simulation, simulate_entry};
use super::super::wizard::{Answer, Answers};
use super::cost::Prices;

/// One strategy's deployment cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeployCost {
    /// Strategy id.
    pub strategy: String,
    /// Strategy title.
    pub title: String,
    /// The most instances that exist at once.
    pub peak_instances: u32,
    /// Instances beyond the fleet, summed over the steps, times the step length.
    pub extra_instance_hours: f64,
    /// Those hours priced, per deployment (`None` without a price).
    pub per_deploy_usd: Option<f64>,
    /// Per month, at the deployments a month given.
    pub monthly_usd: Option<f64>,
}

/// Instances beyond the fleet, summed over a simulation's steps, times the step length.
pub fn extra_instance_hours(sim: &Simulation, fleet: u32, step_minutes: u64) -> f64 {
    let extra: u32 = sim
        .steps
        .iter()
        .map(|s| s.total().saturating_sub(fleet))
        .sum();
    f64::from(extra) * step_minutes as f64 / 60.0
}

/// What the comparison table prices a deployment at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostContext {
    /// Instances in the fleet.
    pub instances: u32,
    /// Minutes per step.
    pub step_minutes: u64,
    /// Price key of one instance-hour.
    pub price: String,
}

/// Two comparison rows for deployment strategies: the extra instance-hours of one
/// deployment and what they cost, for the context given (lowest marked best).
pub fn cost_rows(
    kb: &KnowledgeBase,
    ids: &[&str],
    ctx: &CostContext,
    prices: &Prices<'_>,
) -> Vec<super::super::compare::Row> {
    use super::super::compare::{Cell, Row};
    let hours: Vec<Option<f64>> = ids
        .iter()
        .map(|id| {
            simulate_entry(kb, id, ctx.instances, (ctx.instances / 4).max(1))
                .ok()
                .map(|sim| extra_instance_hours(&sim, ctx.instances, ctx.step_minutes))
        })
        .collect();
    let best = hours
        .iter()
        .flatten()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let row = |key: &str, label: String, text: &dyn Fn(f64) -> String| {
        let cells: Vec<Cell> = hours
            .iter()
            .map(|h| Cell {
                text: h.map(text).unwrap_or_default(),
                best: h.is_some_and(|h| (h - best).abs() < 1e-9),
            })
            .collect();
        let differs = cells.windows(2).any(|w| w[0].text != w[1].text);
        Row {
            key: key.to_owned(),
            label,
            cells,
            differs,
        }
    };
    let mut rows = vec![row(
        "extra-instance-hours",
        format!(
            "Extra instance-hours per deployment ({} instances, {}-minute steps)",
            ctx.instances, ctx.step_minutes
        ),
        &|h| super::cost::format_quantity(h),
    )];
    if let Some(p) = prices.get(&ctx.price) {
        let note = if p.unverified.is_some() {
            ", unverified price"
        } else {
            ""
        };
        rows.push(row(
            "deploy-cost",
            format!(
                "Extra cost per deployment ({} at ${}/hour{note})",
                p.label, p.usd
            ),
            &|h| super::cost::format_usd(h * p.usd),
        ));
    }
    rows
}

fn count(answers: &Answers, key: &str) -> u64 {
    match answers.get(key) {
        Some(Answer::Count(n)) => *n,
        _ => 0,
    }
}

/// The cost of deploying with each of `ids` that the simulator runs, from the answers'
/// `instances`, `instance-price`, `step-minutes` and `deploys-per-month`. Rolling
/// strategies use batches of a quarter of the fleet.
pub fn deploy_costs(
    kb: &KnowledgeBase,
    ids: &[&str],
    answers: &Answers,
    prices: &Prices<'_>,
) -> Vec<DeployCost> {
    let n = count(answers, "instances").clamp(1, u64::from(u32::MAX)) as u32;
    let step_minutes = count(answers, "step-minutes");
    let per_month = count(answers, "deploys-per-month") as f64;
    let price = match answers.get("instance-price") {
        Some(Answer::Choice(key)) => prices.get(key).map(|p| p.usd),
        _ => None,
    };
    ids.iter()
        .filter_map(|id| {
            let sim = simulate_entry(kb, id, n, (n / 4).max(1)).ok()?;
            let hours = extra_instance_hours(&sim, n, step_minutes);
            let per_deploy = price.map(|p| p * hours);
            Some(DeployCost {
                strategy: (*id).to_owned(),
                title: kb.get(id).map(|e| e.title.clone()).unwrap_or_default(),
                peak_instances: sim.peak_instances,
                extra_instance_hours: hours,
                per_deploy_usd: per_deploy,
                monthly_usd: per_deploy.map(|d| d * per_month),
            })
        })
        .collect()
}
