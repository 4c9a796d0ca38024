//! The strategies' RTO and RPO bands, and how each setup meets a plan's targets.

use super::*;

/// The strategies' bands, read once.
pub(super) struct Model<'a> {
    kb: &'a KnowledgeBase,
    spec: &'a PlanSpec,
    az: Option<(Band, Band)>,
    regions: Vec<(String, Option<(Band, Band)>)>,
    restore: (Band, Band),
}

pub(super) fn entry_bands(kb: &KnowledgeBase, id: &str) -> Option<(Band, Band)> {
    let e = kb.get(id)?;
    let band = |key: &str| match e.attrs.get(key) {
        Some(AttrValue::Duration { min, max }) => Band::parse(min, max),
        _ => None,
    };
    Some((band("rto")?, band("rpo")?))
}

impl<'a> Model<'a> {
    pub(super) fn new(kb: &'a KnowledgeBase, spec: &'a PlanSpec) -> Self {
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

    pub(super) fn setups(&self) -> Vec<Setup> {
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

    pub(super) fn check(&self, s: &Setup, d: Disruption, t: Target) -> Check {
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
    pub(super) fn least_cost(
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

    pub(super) fn options(
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
    pub(super) fn what_would_change(
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
