//! What a deployment costs: the simulator counts the instances beyond the fleet at each
//! step, each step is given a length, and the price table prices the instance-hours.

use serde::Serialize;

use super::super::kb::KnowledgeBase;
use super::super::simulate::simulate_entry;
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
    let step_hours = count(answers, "step-minutes") as f64 / 60.0;
    let per_month = count(answers, "deploys-per-month") as f64;
    let price = match answers.get("instance-price") {
        Some(Answer::Choice(key)) => prices.get(key).map(|p| p.usd),
        _ => None,
    };
    ids.iter()
        .filter_map(|id| {
            let sim = simulate_entry(kb, id, n, (n / 4).max(1)).ok()?;
            let extra_steps: u32 = sim.steps.iter().map(|s| s.total().saturating_sub(n)).sum();
            let hours = f64::from(extra_steps) * step_hours;
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
