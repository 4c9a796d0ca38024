//! Plans: tier presets, the properties every plan keeps, deployment costs and prices.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::cost::{Prices, Workload, estimate};
use super::*;
use crate::model::KnowledgeBase;
use crate::model::wizard::parse_answers;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(KnowledgeBase::builtin)
}

fn dr() -> &'static Wizard {
    kb().wizard("dr").expect("the dr wizard")
}

fn plan_of(pairs: &[(&str, &str)]) -> Plan {
    let raw: BTreeMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    plan_raw(kb(), dr(), &raw)
        .expect("answers parse")
        .expect("dr has a plan")
}

fn option(plan: &Plan, choice: Choice) -> &PlanOption {
    plan.options
        .iter()
        .find(|o| o.choices.contains(&choice))
        .unwrap_or_else(|| panic!("no {choice:?} option in {plan:#?}"))
}

fn setup(multi_az: bool, region: Option<&str>) -> Setup {
    Setup {
        multi_az,
        region: region.map(str::to_owned),
    }
}

/// Every tier preset and scope gives the options its targets call for.
#[test]
fn tier_presets_give_the_expected_options() {
    let table: &[(&str, &str, Setup, Setup)] = &[
        // preset, scope, least cost, best recovery
        (
            "mission-critical",
            "region",
            setup(true, Some("warm-standby")),
            setup(true, Some("multi-site-active-active")),
        ),
        (
            "business-critical",
            "region",
            setup(false, Some("warm-standby")),
            setup(true, Some("multi-site-active-active")),
        ),
        (
            "important",
            "region",
            setup(false, Some("backup-restore")),
            setup(true, Some("multi-site-active-active")),
        ),
        (
            "non-critical",
            "region",
            setup(false, Some("backup-restore")),
            setup(true, Some("multi-site-active-active")),
        ),
        (
            "mission-critical",
            "az",
            setup(true, None),
            setup(true, None),
        ),
        (
            "business-critical",
            "az",
            setup(false, None),
            setup(true, None),
        ),
        ("important", "az", setup(false, None), setup(true, None)),
        ("non-critical", "az", setup(false, None), setup(true, None)),
    ];
    for (preset, scope, cheapest, best) in table {
        let plan = plan_of(&[("preset", preset), ("scope", scope)]);
        assert!(!plan.none_meets, "{preset}/{scope}");
        assert_eq!(
            &option(&plan, Choice::LeastCost).setup,
            cheapest,
            "{preset}/{scope}"
        );
        assert_eq!(
            &option(&plan, Choice::BestRecovery).setup,
            best,
            "{preset}/{scope}"
        );
        let checked: Vec<Disruption> = plan.targets.iter().map(|(d, _)| *d).collect();
        let want: &[Disruption] = if *scope == "az" {
            &[Disruption::Az, Disruption::Corruption]
        } else {
            &[Disruption::Az, Disruption::Region, Disruption::Corruption]
        };
        assert_eq!(checked, want, "{preset}/{scope}");
        // Corruption is met by a restore in every option: replication copies the damage.
        for o in &plan.options {
            let c = o
                .checks
                .iter()
                .find(|c| c.disruption == Disruption::Corruption)
                .unwrap();
            assert!(c.by.contains("point-in-time restore"), "{}", c.by);
        }
    }
}

/// With no recovery Region, the loss of the Region is not covered, and the plan says so.
#[test]
fn a_region_loss_without_a_recovery_region_is_not_covered() {
    let plan = plan_of(&[("rto", "30s"), ("rpo", "0"), ("budget", "high")]);
    // Nothing reaches an RTO of 30 s after a Region loss except active/active at its fast end.
    let best = option(&plan, Choice::BestRecovery);
    assert_eq!(
        best.setup.region.as_deref(),
        Some("multi-site-active-active")
    );
    let model = Model::new(kb(), dr().plan.as_ref().unwrap());
    let check = model.check(
        &setup(true, None),
        Disruption::Region,
        Target {
            rto: Some(3_600),
            rpo: Some(3_600),
        },
    );
    assert_eq!(check.verdict, Verdict::NotCovered);
}

/// When nothing meets every target the plan says so and names the loosening that would.
#[test]
fn impossible_targets_are_reported_with_what_would_meet_them() {
    // Corruption RPO 0 cannot be met by a restore that typically loses 5 minutes or more.
    let plan = plan_of(&[
        ("rto", "4h"),
        ("rpo", "1h"),
        ("budget", "low"),
        ("corruption-rpo", "0"),
    ]);
    assert!(plan.none_meets);
    assert!(
        plan.what_would_change
            .iter()
            .any(|w| w.contains("corruption RPO") && w.contains("would meet every target")),
        "{:?}",
        plan.what_would_change
    );
}

/// Loosening a target that drives the cost quotes the money it saves.
#[test]
fn what_would_change_quotes_money() {
    let plan = plan_of(&[("rto", "1h"), ("rpo", "15m"), ("budget", "medium")]);
    let line = plan
        .what_would_change
        .iter()
        .find(|w| w.starts_with("Relaxing the Region RPO"))
        .expect("a Region RPO loosening");
    assert!(line.contains('$') && line.contains("less"), "{line}");
}

/// A price the user gives replaces the table's, exactly.
#[test]
fn price_overrides_change_the_total_by_the_difference() {
    let base = plan_of(&[("preset", "important")]);
    let cheap = option(&base, Choice::LeastCost);
    let hours = cheap
        .cost
        .lines
        .iter()
        .filter(|l| {
            l.price
                .as_ref()
                .is_some_and(|p| p.key == "ec2-m5-large-hour")
        })
        .map(|l| l.quantity)
        .sum::<f64>();
    assert!(hours > 0.0);
    let changed = plan_of(&[("preset", "important"), ("price:ec2-m5-large-hour", "0.2")]);
    let same = changed
        .options
        .iter()
        .find(|o| o.setup == cheap.setup)
        .unwrap();
    let delta = same.cost.monthly - cheap.cost.monthly;
    assert!((delta - hours * (0.2 - 0.096)).abs() < 1e-6, "{delta}");
    assert!(
        same.cost
            .lines
            .iter()
            .any(|l| l.price.as_ref().is_some_and(|p| p.overridden))
    );
}

#[test]
fn bad_price_overrides_are_refused_with_the_fix() {
    let raw = |k: &str, v: &str| {
        let mut m: BTreeMap<String, String> = [("preset", "important")]
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        m.insert(k.to_owned(), v.to_owned());
        m
    };
    let e = plan_raw(kb(), dr(), &raw("price:ec2-x-hour", "1")).unwrap_err();
    assert!(
        e.contains("no price has the key") && e.contains("opsdeck prices"),
        "{e}"
    );
    let e = plan_raw(kb(), dr(), &raw("price:alb-hour", "-1")).unwrap_err();
    assert!(e.contains("number of US dollars"), "{e}");
    // A price the table lacks but estimates ask for can be given, and then it is used.
    let plan = plan_raw(kb(), dr(), &raw("price:transfer-inter-region-gb", "0.02"))
        .unwrap()
        .unwrap();
    let o = option(&plan, Choice::LeastCost);
    assert!(
        o.cost
            .lines
            .iter()
            .filter(|l| l.what.contains("Region"))
            .all(|l| l.monthly.is_some()),
        "{:#?}",
        o.cost.lines
    );
}

/// The deployment simulator's extra instances, priced.
#[test]
fn deployment_costs_count_the_instances_a_strategy_adds() {
    let w = kb().wizard("deploy").unwrap();
    let answers = parse_answers(
        w,
        &[
            ("platform".to_owned(), "ec2".to_owned()),
            ("instances".to_owned(), "8".to_owned()),
            ("step-minutes".to_owned(), "10".to_owned()),
            ("deploys-per-month".to_owned(), "4".to_owned()),
        ],
    )
    .unwrap();
    let prices = Prices::new(kb().prices());
    let costs = deploy::deploy_costs(
        kb(),
        &[
            "all-at-once",
            "rolling",
            "rolling-additional-batch",
            "blue-green",
        ],
        &answers,
        &prices,
    );
    let hours = |id: &str| {
        costs
            .iter()
            .find(|c| c.strategy == id)
            .unwrap()
            .extra_instance_hours
    };
    assert_eq!(hours("all-at-once"), 0.0);
    assert_eq!(hours("rolling"), 0.0);
    assert!(hours("rolling-additional-batch") > 0.0);
    assert!(hours("blue-green") > hours("rolling-additional-batch"));
    let bg = costs.iter().find(|c| c.strategy == "blue-green").unwrap();
    assert_eq!(bg.peak_instances, 16);
    let per = bg.per_deploy_usd.unwrap();
    assert!((per - bg.extra_instance_hours * 0.096).abs() < 1e-9);
    assert!((bg.monthly_usd.unwrap() - per * 4.0).abs() < 1e-9);
}

const LADDER_STRAT: &[&str] = &["0", "30s", "1m", "5m", "10m", "30m", "1h", "4h", "1d", "2d"];

fn target_strategy() -> impl Strategy<Value = (usize, usize, usize, usize)> {
    let n = LADDER_STRAT.len();
    (0..n, 0..n, 0..n, 0..n)
}

fn workload_strategy() -> impl Strategy<Value = Workload> {
    (
        1u64..40,
        prop::sample::select(vec![
            "ec2-t3-small-hour",
            "ec2-m5-large-hour",
            "ec2-r5-large-hour",
        ]),
        prop::sample::select(vec![
            None,
            Some("rds-db-m5-large-hour"),
            Some("aurora-postgres-db-r6g-large-hour"),
        ]),
        0u64..5_000,
        0u64..5_000,
        0u64..500,
        0u64..=100,
    )
        .prop_map(
            |(instances, i, db, db_gb, data_gb, change_gb, pct)| Workload {
                instances,
                instance_price: i.to_owned(),
                database: db.map(str::to_owned),
                db_gb,
                data_gb,
                change_gb,
                standby_percent: pct,
            },
        )
}

fn targets_of(t: (usize, usize, usize, usize)) -> Vec<(Disruption, Target)> {
    let s = |i: usize| parse_duration_secs(LADDER_STRAT[i]).ok();
    vec![
        (
            Disruption::Az,
            Target {
                rto: s(t.0),
                rpo: s(t.1),
            },
        ),
        (
            Disruption::Region,
            Target {
                rto: s(t.2),
                rpo: s(t.3),
            },
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A tighter target never gives a cheaper least-cost option, and a target that can be
    /// met stays meetable when loosened.
    #[test]
    fn tighter_targets_never_cost_less(t in target_strategy(), loosen in 0usize..4, w in workload_strategy()) {
        let model = Model::new(kb(), dr().plan.as_ref().unwrap());
        let prices = Prices::new(kb().prices());
        let n = LADDER_STRAT.len() - 1;
        let loose = ((t.0 + loosen).min(n), (t.1 + loosen).min(n), (t.2 + loosen).min(n), (t.3 + loosen).min(n));
        let tight = model.least_cost(&targets_of(t), &w, &prices);
        let relaxed = model.least_cost(&targets_of(loose), &w, &prices);
        if let Some((_, tight_cost)) = tight {
            let (_, loose_cost) = relaxed.expect("loosened targets can still be met");
            prop_assert!(tight_cost + 1e-9 >= loose_cost, "{tight_cost} < {loose_cost}");
        }
    }

    /// Every setup costs at least as much for a larger workload.
    #[test]
    fn costs_grow_with_workload_size(w in workload_strategy(), more in 0u64..50, which in 0usize..5) {
        let prices = Prices::new(kb().prices());
        let mut bigger = w.clone();
        match which {
            0 => bigger.instances += more,
            1 => bigger.db_gb += more * 10,
            2 => bigger.data_gb += more * 10,
            3 => bigger.change_gb += more,
            _ => bigger.standby_percent = (bigger.standby_percent + more).min(100),
        }
        let model = Model::new(kb(), dr().plan.as_ref().unwrap());
        for s in model.setups() {
            let a = estimate(&s, &w, &prices).monthly;
            let b = estimate(&s, &bigger, &prices).monthly;
            prop_assert!(b + 1e-9 >= a, "{s:?}: {a} then {b}");
        }
    }

    /// Least cost is never dearer than best recovery; every option's verdicts follow from
    /// its bands; and when something meets the targets, every option does.
    #[test]
    fn options_keep_their_promises(t in target_strategy(), w in workload_strategy(), current in 0usize..10) {
        let model = Model::new(kb(), dr().plan.as_ref().unwrap());
        let prices = Prices::new(kb().prices());
        let setups = model.setups();
        let targets = targets_of(t);
        let (options, none_meets) = model.options(&targets, &w, &prices, &setups[current]);
        prop_assert!(!options.is_empty() && options.len() <= 3);
        let find = |c: Choice| options.iter().find(|o| o.choices.contains(&c)).unwrap();
        if !none_meets {
            prop_assert!(find(Choice::LeastCost).cost.monthly <= find(Choice::BestRecovery).cost.monthly + 1e-9);
        }
        for o in &options {
            prop_assert_eq!(o.meets, !none_meets);
            for c in &o.checks {
                let target = targets.iter().find(|(d, _)| *d == c.disruption).unwrap().1;
                let (Some(rto), Some(rpo)) = (c.rto, c.rpo) else {
                    prop_assert_eq!(c.verdict, Verdict::NotCovered);
                    continue;
                };
                let mut worst = Verdict::Met;
                for (band, t) in [(rto, target.rto), (rpo, target.rpo)] {
                    let Some(t) = t else { continue };
                    let v = if band.max <= t { Verdict::Met } else if band.min <= t { Verdict::AtRisk } else { Verdict::Breached };
                    worst = worst.max(v);
                }
                prop_assert_eq!(c.verdict, worst, "{}", c.why);
            }
            let sum: f64 = o.cost.lines.iter().filter_map(|l| l.monthly).sum();
            prop_assert!((sum - o.cost.monthly).abs() < 1e-6);
        }
    }
}

/// For Region targets alone with no budget limit, the plan's least-cost Region layer is the
/// wizard's own recommendation: the two engines agree.
#[test]
fn least_cost_agrees_with_the_wizard() {
    for (rto, rpo) in [
        ("1d", "1d"),
        ("4h", "1h"),
        ("1h", "30m"),
        ("15m", "5m"),
        ("1m", "30s"),
    ] {
        let pairs = [
            ("rto", rto),
            ("rpo", rpo),
            ("budget", "high"),
            ("az-rto", "2d"),
            ("az-rpo", "2d"),
        ];
        let plan = plan_of(&pairs);
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let answers = parse_answers(dr(), &owned).unwrap();
        let rec = crate::model::wizard::recommend(kb(), dr(), &answers).unwrap();
        assert_eq!(
            option(&plan, Choice::LeastCost).setup.region.as_deref(),
            Some(rec.strategy.as_str()),
            "{rto}/{rpo}"
        );
    }
}
