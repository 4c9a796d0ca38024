//! Property tests: the simulator's invariants and the wizards' promises, over many inputs.

use opsdeck::model::KnowledgeBase;
use opsdeck::model::schema::AttrValue;
use opsdeck::model::simulate::{simulate_entry, simulated};
use opsdeck::model::wizard::{Recommendation, parse_answers, recommend};
use proptest::prelude::*;

fn ask(kb: &KnowledgeBase, wizard: &str, answers: &[(&str, String)]) -> Recommendation {
    let w = kb.wizard(wizard).unwrap();
    let pairs: Vec<(String, String)> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    recommend(kb, w, &parse_answers(w, &pairs).unwrap()).unwrap()
}

fn fits_nothing(rec: &Recommendation) -> bool {
    rec.warnings
        .iter()
        .any(|w| w.starts_with("No candidate fits every answer"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn simulations_keep_their_capacity_rules(n in 1u32..200, b_seed in 0u32..1000, which in 0usize..8) {
        let b = 1 + b_seed % n;
        let kb = KnowledgeBase::builtin();
        let ids = simulated(&kb);
        prop_assert_eq!(ids.len(), 8, "every rollout model has its strategy");
        let strategy = ids[which];
        let sim = simulate_entry(&kb, strategy, n, b).unwrap();
        let first = &sim.steps[0];
        prop_assert_eq!((first.in_service, first.old, first.new), (n, n, 0));
        let last = sim.steps.last().unwrap();
        prop_assert_eq!((last.old, last.new, last.updating, last.launching, last.terminating), (0, n, 0, 0, 0));
        prop_assert_eq!(last.in_service, n);
        prop_assert_eq!(last.traffic_new_pct, 100);
        let (lo, hi) = match strategy {
            "all-at-once" | "rolling" => (n, n),
            "rolling-additional-batch" => (n, n + b),
            _ => (n, 2 * n),
        };
        for s in &sim.steps {
            prop_assert!(s.in_service <= s.old + s.new, "{strategy}: {s:?}");
            prop_assert!(s.traffic_new_pct <= 100);
            prop_assert!((lo..=hi).contains(&s.total()), "{strategy} n={n} b={b}: {s:?}");
        }
        let (min, peak) = match strategy {
            "all-at-once" => (0, n),
            "rolling" => (n - b, n),
            "rolling-additional-batch" => (n, n + b),
            _ => (n, 2 * n),
        };
        prop_assert_eq!(sim.min_in_service, min, "{} min", strategy);
        prop_assert_eq!(sim.peak_instances, peak, "{} peak", strategy);
    }

    #[test]
    fn loosening_rto_or_rpo_never_costs_more(
        rto in 0u64..100_000, rpo in 0u64..100_000, extra in 0u64..100_000,
        budget in prop::sample::select(vec!["low", "medium", "high"]),
    ) {
        let kb = KnowledgeBase::builtin();
        let order: Vec<&str> = kb.wizard("dr").unwrap().candidates.iter().map(|c| c.id.as_str()).collect();
        let rank = |r: &Recommendation| order.iter().position(|id| *id == r.strategy).unwrap();
        let base = ask(&kb, "dr", &[("rto", format!("{rto}s")), ("rpo", format!("{rpo}s")), ("budget", budget.into())]);
        let looser_rto = ask(&kb, "dr", &[("rto", format!("{}s", rto + extra)), ("rpo", format!("{rpo}s")), ("budget", budget.into())]);
        let looser_rpo = ask(&kb, "dr", &[("rto", format!("{rto}s")), ("rpo", format!("{}s", rpo + extra)), ("budget", budget.into())]);
        prop_assert!(rank(&looser_rto) <= rank(&base), "{} -> {}", base.strategy, looser_rto.strategy);
        prop_assert!(rank(&looser_rpo) <= rank(&base), "{} -> {}", base.strategy, looser_rpo.strategy);
    }

    #[test]
    fn dr_recommendations_meet_the_targets(rto in 0u64..200_000, rpo in 0u64..200_000, az in any::<bool>()) {
        let kb = KnowledgeBase::builtin();
        let scope = if az { "az" } else { "region" };
        let rec = ask(&kb, "dr", &[("rto", format!("{rto}s")), ("rpo", format!("{rpo}s")), ("scope", scope.into())]);
        prop_assert!(!fits_nothing(&rec), "some strategy always fits: {rec:?}");
        let entry = kb.get(&rec.strategy).unwrap();
        for (key, target) in [("rto", rto), ("rpo", rpo)] {
            if let Some(AttrValue::Duration { min, .. }) = entry.attrs.get(key) {
                let min = opsdeck::model::duration::parse_duration_secs(min).unwrap();
                prop_assert!(min <= target, "{} {key} band starts at {min}s > {target}s", rec.strategy);
            }
        }
        prop_assert_eq!(rec.strategy == "multi-az-ha", az);
    }

    #[test]
    fn deploy_recommendations_respect_hard_constraints(
        platform in prop::sample::select(vec!["ec2", "beanstalk", "ecs", "lambda", "on-prem"]),
        downtime in prop::sample::select(vec!["ok", "none"]),
        extra in prop::sample::select(vec!["none", "low", "high"]),
        capacity in prop::sample::select(vec!["may-drop", "keep"]),
        mixed in prop::sample::select(vec!["ok", "no"]),
        rollback in prop::sample::select(vec!["any", "fast"]),
        gradual in prop::sample::select(vec!["none", "canary", "linear", "ab"]),
        schema in prop::sample::select(vec!["yes", "no"]),
    ) {
        let kb = KnowledgeBase::builtin();
        let rec = ask(&kb, "deploy", &[
            ("platform", platform.into()), ("downtime", downtime.into()), ("extra-cost", extra.into()),
            ("capacity", capacity.into()), ("mixed-versions", mixed.into()), ("rollback", rollback.into()),
            ("gradual", gradual.into()), ("schema-coupled", schema.into()),
        ]);
        if fits_nothing(&rec) {
            // It must say so, and name what it breaks.
            prop_assert!(rec.warnings[0].contains(&rec.title));
            return Ok(());
        }
        let e = kb.get(&rec.strategy).unwrap();
        let level = |k: &str| match e.attrs.get(k) { Some(AttrValue::Level(l)) => l.clone(), _ => String::new() };
        let flag = |k: &str| matches!(e.attrs.get(k), Some(AttrValue::Flag(true)));
        let support = match platform {
            "ec2" => "on-codedeploy-ec2", "beanstalk" => "on-beanstalk", "ecs" => "on-ecs",
            "lambda" => "on-lambda", _ => "on-codedeploy-onprem",
        };
        prop_assert!(matches!(e.attrs.get(support), Some(AttrValue::Supported(_))), "{} on {platform}", rec.strategy);
        if downtime == "none" && platform != "lambda" { prop_assert_ne!(level("downtime"), "full"); }
        if extra == "none" { prop_assert_eq!(level("extra-cost"), "none"); }
        if extra == "low" { prop_assert_ne!(level("extra-cost"), "high"); }
        if capacity == "keep" { prop_assert!(!["reduced", "zero"].contains(&level("capacity").as_str())); }
        if mixed == "no" || schema == "yes" { prop_assert!(!flag("mixed-versions"), "{}", rec.strategy); }
        if rollback == "fast" { prop_assert_ne!(level("rollback"), "redeploy"); }
        if schema == "yes" { prop_assert_ne!(rec.strategy.as_str(), "blue-green"); }
        if gradual != "ab" { prop_assert_ne!(rec.strategy.as_str(), "ab-testing"); }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Typing with the narrowing cache finds exactly what a fresh search finds, at every
    /// keystroke (the cache may only skip work, never results).
    #[test]
    fn cached_search_equals_fresh_search_while_typing(text in "[a-z ]{1,14}") {
        use opsdeck::model::{Query, SearchCache, SearchIndex};
        use std::sync::OnceLock;
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        let index = INDEX.get_or_init(|| SearchIndex::new(&KnowledgeBase::builtin()));
        let mut cache = SearchCache::default();
        let chars: Vec<char> = text.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            let query = Query::parse(&typed);
            prop_assert_eq!(index.search_cached(&query, &mut cache), index.search(&query), "{:?}", typed);
        }
    }
}
