//! A step-by-step model of how each deployment strategy replaces a fleet.
//!
//! How instances are counted, at every step:
//! - `old`: instances on the old version that are up (serving, or on standby);
//! - `new`: instances on the new version that are up and healthy;
//! - `updating`: instances taken out of service to install the new version in place;
//! - `launching`: new instances booting, not yet healthy;
//! - `terminating`: instances being removed, no longer serving;
//! - `in_service`: instances that receive production traffic. Instances that are up but get no
//!   traffic (a green fleet before cutover, a blue fleet kept after it) are not in service.
//!
//! So all-at-once has 0 in service while every instance updates, and blue/green never drops
//! below N. Arithmetic is exact on integers; traffic percentages are whole numbers.

use super::kb::KnowledgeBase;
pub use super::schema::Rollout;

/// One state of the fleet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Step {
    /// Instances receiving production traffic.
    pub in_service: u32,
    /// Instances up on the old version.
    pub old: u32,
    /// Instances up and healthy on the new version.
    pub new: u32,
    /// Instances out of service while the new version is installed on them.
    pub updating: u32,
    /// New instances booting.
    pub launching: u32,
    /// Instances being terminated.
    pub terminating: u32,
    /// Share of production traffic on the new version, 0–100.
    pub traffic_new_pct: u32,
    /// What happens in this step.
    pub description: String,
}

impl Step {
    /// Every instance that exists in this step, whatever its state.
    pub fn total(&self) -> u32 {
        self.old + self.new + self.updating + self.launching + self.terminating
    }
}

/// A whole simulated deployment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Simulation {
    /// The strategy id.
    pub strategy: String,
    /// Fleet size.
    pub instances: u32,
    /// Batch size actually used (1..=instances).
    pub batch: u32,
    /// The states, first (all old) to last (all new).
    pub steps: Vec<Step>,
    /// The fewest instances in service at any step.
    pub min_in_service: u32,
    /// The most instances existing at any step.
    pub peak_instances: u32,
}

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulateError {
    /// The strategy has no rollout to simulate, or is unknown; with the ids that have one.
    #[error("cannot simulate {id:?}; simulated strategies are: {known}", id = .0, known = .1.join(", "))]
    Unsupported(String, Vec<String>),
    /// Zero instances, or a fleet too large to draw.
    #[error("{0}")]
    BadSize(String),
}

/// The largest fleet simulated.
pub const MAX_INSTANCES: u32 = 10_000;
/// Share of traffic the first canary or traffic-splitting step sends to the new version.
pub const CANARY_PCT: u32 = 10;
/// Share of traffic each linear step adds.
pub const LINEAR_STEP_PCT: u32 = 10;

/// The ids of the strategies the knowledge base gives a rollout model, in data order.
pub fn simulated(kb: &KnowledgeBase) -> Vec<&str> {
    kb.entries()
        .iter()
        .filter(|e| e.rollout.is_some())
        .map(|e| e.id.as_str())
        .collect()
}

/// Simulates the strategy entry `id` through its rollout model (see [`simulate`]).
pub fn simulate_entry(
    kb: &KnowledgeBase,
    id: &str,
    instances: u32,
    batch: u32,
) -> Result<Simulation, SimulateError> {
    let Some(rollout) = kb.get(id).and_then(|e| e.rollout) else {
        let known = simulated(kb).into_iter().map(str::to_owned).collect();
        return Err(SimulateError::Unsupported(id.to_owned(), known));
    };
    let mut sim = simulate(rollout, instances, batch)?;
    sim.strategy = id.to_owned();
    Ok(sim)
}

/// Simulates a rollout on `instances` instances with batches of `batch` (clamped to
/// 1..=instances; only rolling strategies use it).
pub fn simulate(rollout: Rollout, instances: u32, batch: u32) -> Result<Simulation, SimulateError> {
    if instances == 0 {
        return Err(SimulateError::BadSize(
            "the fleet needs at least 1 instance".to_owned(),
        ));
    }
    if instances > MAX_INSTANCES {
        return Err(SimulateError::BadSize(format!(
            "{instances} instances is more than the simulator draws ({MAX_INSTANCES})"
        )));
    }
    let n = instances;
    let b = batch.clamp(1, n);
    let mut sim = Sim::new(n);
    match rollout {
        Rollout::AllAtOnce => {
            sim.push(
                0,
                0,
                n,
                0,
                0,
                "All instances leave service and install the new version together.",
            );
            sim.push(
                0,
                n,
                0,
                0,
                0,
                "All instances return to service on the new version.",
            );
        }
        Rollout::Rolling => rolling(&mut sim, n, b, false),
        Rollout::RollingAdditionalBatch => rolling(&mut sim, n, b, true),
        Rollout::Immutable => {
            sim.push(
                n,
                0,
                0,
                1,
                0,
                "Launch one new instance in a temporary Auto Scaling group.",
            );
            sim.push(
                n,
                1,
                0,
                0,
                0,
                "The first new instance passes health checks and serves traffic.",
            );
            if n > 1 {
                sim.push(
                    n,
                    1,
                    0,
                    n - 1,
                    0,
                    &format!("Launch the other {} new instances.", n - 1),
                );
            }
            sim.push(
                n,
                n,
                0,
                0,
                0,
                "Every new instance is healthy: old and new fleets both serve.",
            );
            sim.push(
                0,
                n,
                0,
                0,
                n,
                "Move the new instances into the original group and terminate the old ones.",
            );
            sim.push(0, n, 0, 0, 0, "Only the new version remains.");
        }
        Rollout::BlueGreen => {
            sim.set_serving_new(false);
            sim.push(n, 0, 0, n, 0, "Launch the green environment beside blue.");
            sim.push(
                n,
                n,
                0,
                0,
                0,
                "Green is healthy and can be tested; blue still takes all traffic.",
            );
            sim.set_serving_new(true);
            sim.set_serving_old(false);
            sim.push(
                n,
                n,
                0,
                0,
                0,
                "Switch all traffic to green; blue stays up for a quick switch back.",
            );
            sim.push(
                0,
                n,
                0,
                0,
                n,
                "Terminate blue once green has proved itself.",
            );
            sim.push(0, n, 0, 0, 0, "Only green remains.");
        }
        Rollout::TrafficSplitting | Rollout::Canary => {
            let what = if rollout == Rollout::Canary {
                "Launch the new version at full size beside the old one, with no traffic yet."
            } else {
                "Launch a full set of new instances in a temporary Auto Scaling group."
            };
            sim.set_serving_new(false);
            sim.push(n, 0, 0, n, 0, what);
            sim.set_serving_new(true);
            sim.push_split(
                n,
                n,
                CANARY_PCT,
                &format!("Send {CANARY_PCT}% of traffic to the new version and watch it."),
            );
            sim.set_serving_old(false);
            sim.push(
                n,
                n,
                0,
                0,
                0,
                "The evaluation passed: send all traffic to the new version.",
            );
            sim.push(0, n, 0, 0, n, "Terminate the old instances.");
            sim.push(0, n, 0, 0, 0, "Only the new version remains.");
        }
        Rollout::Linear => {
            sim.set_serving_new(false);
            sim.push(
                n,
                0,
                0,
                n,
                0,
                "Launch the new version at full size beside the old one, with no traffic yet.",
            );
            sim.set_serving_new(true);
            let mut pct = LINEAR_STEP_PCT;
            while pct < 100 {
                sim.push_split(
                    n,
                    n,
                    pct,
                    &format!("Shift traffic: {pct}% on the new version."),
                );
                pct += LINEAR_STEP_PCT;
            }
            sim.set_serving_old(false);
            sim.push(
                n,
                n,
                0,
                0,
                0,
                "Shift the last step: all traffic on the new version.",
            );
            sim.push(0, n, 0, 0, n, "Terminate the old instances.");
            sim.push(0, n, 0, 0, 0, "Only the new version remains.");
        }
    }
    Ok(sim.finish(rollout.id(), n, b))
}

fn rolling(sim: &mut Sim, n: u32, b: u32, extra_batch: bool) {
    let mut old = n;
    let mut new = 0;
    if extra_batch {
        sim.push(
            old,
            0,
            0,
            b,
            0,
            &format!("Launch an extra batch of {b} instances on the new version."),
        );
        new = b;
        sim.push(
            old,
            new,
            0,
            0,
            0,
            "The extra batch is healthy and serves traffic.",
        );
    }
    let mut batch_no = 0;
    while old > 0 {
        let size = b.min(old);
        batch_no += 1;
        old -= size;
        sim.push(
            old,
            new,
            size,
            0,
            0,
            &format!(
                "Batch {batch_no}: take {size} old instance(s) out of service and update them."
            ),
        );
        new += size;
        sim.push(
            old,
            new,
            0,
            0,
            0,
            &format!("Batch {batch_no} is back in service on the new version."),
        );
    }
    if extra_batch {
        sim.push(
            0,
            n,
            0,
            0,
            b,
            &format!("Terminate {b} instance(s) to return to {n}."),
        );
        sim.push(
            0,
            n,
            0,
            0,
            0,
            "The fleet is back to its original size, all on the new version.",
        );
    }
}

/// Builds the step list and tracks which versions take traffic.
struct Sim {
    steps: Vec<Step>,
    serving_old: bool,
    serving_new: bool,
}

impl Sim {
    fn new(n: u32) -> Sim {
        Sim {
            steps: vec![Step {
                in_service: n,
                old: n,
                new: 0,
                updating: 0,
                launching: 0,
                terminating: 0,
                traffic_new_pct: 0,
                description: format!("Start: {n} instance(s) serve the old version."),
            }],
            serving_old: true,
            serving_new: true,
        }
    }

    fn set_serving_old(&mut self, serving: bool) {
        self.serving_old = serving;
    }

    fn set_serving_new(&mut self, serving: bool) {
        self.serving_new = serving;
    }

    /// A step where traffic follows the instances in service.
    fn push(
        &mut self,
        old: u32,
        new: u32,
        updating: u32,
        launching: u32,
        terminating: u32,
        what: &str,
    ) {
        let old_in = if self.serving_old { old } else { 0 };
        let new_in = if self.serving_new { new } else { 0 };
        let in_service = old_in + new_in;
        // When nothing serves (all-at-once mid-deploy) no traffic is on either version.
        let pct = (new_in * 100).checked_div(in_service).unwrap_or(0);
        self.steps.push(Step {
            in_service,
            old,
            new,
            updating,
            launching,
            terminating,
            traffic_new_pct: pct,
            description: what.to_owned(),
        });
    }

    /// A step where both fleets serve and the load balancer weights traffic.
    fn push_split(&mut self, old: u32, new: u32, pct: u32, what: &str) {
        self.steps.push(Step {
            in_service: old + new,
            old,
            new,
            updating: 0,
            launching: 0,
            terminating: 0,
            traffic_new_pct: pct,
            description: what.to_owned(),
        });
    }

    fn finish(self, strategy: &str, n: u32, b: u32) -> Simulation {
        let min_in_service = self.steps.iter().map(|s| s.in_service).min().unwrap_or(0);
        let peak_instances = self.steps.iter().map(Step::total).max().unwrap_or(0);
        Simulation {
            strategy: strategy.to_owned(),
            instances: n,
            batch: b,
            steps: self.steps,
            min_in_service,
            peak_instances,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_examples() {
        let r = simulate(Rollout::Rolling, 6, 2).unwrap();
        assert_eq!(r.min_in_service, 4);
        assert_eq!(r.peak_instances, 6);
        let r = simulate(Rollout::RollingAdditionalBatch, 6, 2).unwrap();
        assert_eq!(r.min_in_service, 6);
        assert_eq!(r.peak_instances, 8);
        let r = simulate(Rollout::Immutable, 6, 2).unwrap();
        assert_eq!(r.peak_instances, 12);
        assert_eq!(r.min_in_service, 6);
        let r = simulate(Rollout::AllAtOnce, 6, 2).unwrap();
        assert_eq!(r.min_in_service, 0);
        assert_eq!(r.steps.len(), 3);
    }

    #[test]
    fn rolling_steps_in_detail() {
        let r = simulate(Rollout::Rolling, 5, 2).unwrap();
        let shape: Vec<(u32, u32, u32, u32)> = r
            .steps
            .iter()
            .map(|s| (s.in_service, s.old, s.new, s.updating))
            .collect();
        assert_eq!(
            shape,
            [
                (5, 5, 0, 0),
                (3, 3, 0, 2),
                (5, 3, 2, 0),
                (3, 1, 2, 2),
                (5, 1, 4, 0),
                (4, 0, 4, 1),
                (5, 0, 5, 0)
            ]
        );
        assert_eq!(r.steps[2].traffic_new_pct, 40);
    }

    #[test]
    fn blue_green_keeps_blue_until_the_end() {
        let r = simulate(Rollout::BlueGreen, 4, 1).unwrap();
        let cut = &r.steps[3];
        assert_eq!(
            (cut.in_service, cut.old, cut.new, cut.traffic_new_pct),
            (4, 4, 4, 100)
        );
        let before = &r.steps[2];
        assert_eq!((before.in_service, before.traffic_new_pct), (4, 0));
        assert_eq!(r.peak_instances, 8);
    }

    #[test]
    fn linear_moves_in_equal_steps() {
        let r = simulate(Rollout::Linear, 3, 1).unwrap();
        let pcts: Vec<u32> = r.steps.iter().map(|s| s.traffic_new_pct).collect();
        assert_eq!(
            pcts,
            [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100]
        );
    }

    #[test]
    fn bad_input() {
        let kb = KnowledgeBase::builtin();
        assert!(matches!(
            simulate_entry(&kb, "ab-testing", 3, 1),
            Err(SimulateError::Unsupported(..))
        ));
        assert_eq!(
            simulate_entry(&kb, "rolling", 6, 2).unwrap().strategy,
            "rolling"
        );
        assert!(matches!(
            simulate(Rollout::Rolling, 0, 1),
            Err(SimulateError::BadSize(_))
        ));
        assert!(matches!(
            simulate(Rollout::Rolling, MAX_INSTANCES + 1, 1),
            Err(SimulateError::BadSize(_))
        ));
        // batch sizes outside 1..=N are clamped
        assert_eq!(simulate(Rollout::Rolling, 3, 0).unwrap().batch, 1);
        assert_eq!(simulate(Rollout::Rolling, 3, 99).unwrap().batch, 3);
    }
}
