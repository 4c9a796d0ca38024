//! The decision wizards, table-driven, plus the CLI's handling of bad answers.

use opsdeck::model::KnowledgeBase;
use opsdeck::model::wizard::{Recommendation, parse_answers, recommend};

/// Answers as (question key, value) pairs.
type Answers = &'static [(&'static str, &'static str)];

fn ask(wizard: &str, answers: &[(&str, &str)]) -> Recommendation {
    let kb = KnowledgeBase::builtin();
    let w = kb.wizard(wizard).expect("wizard exists");
    let pairs: Vec<(String, String)> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let answers = parse_answers(w, &pairs).expect("valid answers");
    recommend(&kb, w, &answers).expect("a recommendation")
}

#[test]
fn dr_cases() {
    // (rto, rpo, budget, scope, expected strategy, a warning expected)
    let cases = [
        ("1d", "1d", "low", "region", "backup-restore", false),
        ("4h", "4h", "low", "region", "backup-restore", true), // inside its band: rehearse
        ("1h", "1h", "low", "region", "backup-restore", true), // at the fast edge of its band
        ("1h", "15m", "medium", "region", "pilot-light", true),
        ("30m", "30m", "low", "region", "pilot-light", true),
        ("5m", "5m", "medium", "region", "warm-standby", true),
        ("5m", "5m", "low", "region", "warm-standby", true), // over budget
        (
            "30s",
            "0",
            "high",
            "region",
            "multi-site-active-active",
            true,
        ),
        (
            "30s",
            "0",
            "medium",
            "region",
            "multi-site-active-active",
            true,
        ), // over budget
        (
            "4h",
            "0",
            "high",
            "region",
            "multi-site-active-active",
            true,
        ),
        ("1d", "1d", "high", "az", "multi-az-ha", true),
        ("1h", "5m", "low", "az", "multi-az-ha", true),
        ("12h", "2h", "medium", "region", "backup-restore", true),
        ("1d", "15m", "high", "region", "pilot-light", true),
        ("10m", "1h", "high", "region", "pilot-light", true),
        ("2m", "1m", "high", "region", "warm-standby", true),
        ("0", "0", "low", "region", "multi-site-active-active", true),
    ];
    for (rto, rpo, budget, scope, want, warned) in cases {
        let rec = ask(
            "dr",
            &[
                ("rto", rto),
                ("rpo", rpo),
                ("budget", budget),
                ("scope", scope),
            ],
        );
        let label = format!("rto {rto} rpo {rpo} {budget} {scope}");
        assert_eq!(rec.strategy, want, "{label}: {rec:#?}");
        assert_eq!(
            !rec.warnings.is_empty(),
            warned,
            "{label}: {:?}",
            rec.warnings
        );
        assert!(!rec.reasons.is_empty(), "{label}: reasons");
        assert!(!rec.mechanism.is_empty(), "{label}: mechanism");
        assert_eq!(
            rec.alternatives.len(),
            4,
            "{label}: every other candidate explained"
        );
        assert!(rec.alternatives.iter().all(|a| !a.why_not.is_empty()));
    }
}

#[test]
fn dr_over_budget_warning_names_the_cheapest_that_meets_the_targets() {
    let rec = ask("dr", &[("rto", "5m"), ("rpo", "5m"), ("budget", "low")]);
    assert_eq!(rec.strategy, "warm-standby");
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.contains("costs more than a low budget allows")),
        "{:?}",
        rec.warnings
    );
    let rec = ask("dr", &[("rto", "1h"), ("rpo", "15m"), ("budget", "medium")]);
    assert!(
        rec.would_change
            .iter()
            .any(|c| c.contains("RPO of at least 1h") && c.contains("Backup and restore")),
        "{:?}",
        rec.would_change
    );
}

/// Answers, the expected strategy, and a phrase its mechanism must contain.
type DeployCase = (
    &'static [(&'static str, &'static str)],
    &'static str,
    &'static str,
);

#[test]
fn deploy_cases() {
    let cases: [DeployCase; 21] = [
        (&[("platform", "ec2")], "rolling", "OneAtATime"),
        (
            &[("platform", "ec2"), ("downtime", "ok")],
            "all-at-once",
            "CodeDeployDefault.AllAtOnce",
        ),
        (
            &[("platform", "ec2"), ("capacity", "keep")],
            "blue-green",
            "blue/green",
        ),
        (
            &[
                ("platform", "beanstalk"),
                ("capacity", "keep"),
                ("extra-cost", "low"),
            ],
            "rolling-additional-batch",
            "Rolling with additional batch",
        ),
        (
            &[
                ("platform", "beanstalk"),
                ("rollback", "fast"),
                ("extra-cost", "high"),
            ],
            "immutable",
            "Immutable policy",
        ),
        (
            &[("platform", "beanstalk"), ("gradual", "canary")],
            "traffic-splitting",
            "Traffic splitting",
        ),
        (
            &[("platform", "ecs"), ("gradual", "canary")],
            "canary",
            "built-in CANARY strategy",
        ),
        (
            &[
                ("platform", "ecs"),
                ("ecs-controller", "codedeploy"),
                ("gradual", "canary"),
            ],
            "canary",
            "ECSCanary10Percent5Minutes",
        ),
        (
            &[("platform", "ecs"), ("gradual", "linear")],
            "linear",
            "built-in LINEAR strategy",
        ),
        (
            &[("platform", "lambda"), ("gradual", "linear")],
            "linear",
            "LambdaLinear10PercentEvery1Minute",
        ),
        (
            &[("platform", "lambda"), ("gradual", "canary")],
            "canary",
            "LambdaCanary10Percent5Minutes",
        ),
        (
            &[("platform", "ecs"), ("mixed-versions", "no")],
            "blue-green",
            "built-in BLUE_GREEN strategy",
        ),
        (
            &[
                ("platform", "ecs"),
                ("ecs-controller", "codedeploy"),
                ("mixed-versions", "no"),
            ],
            "blue-green",
            "two target groups",
        ),
        (
            // CodeDeploy runs only blue/green on ECS: no rolling update with an extra batch.
            &[
                ("platform", "ecs"),
                ("ecs-controller", "codedeploy"),
                ("capacity", "keep"),
                ("extra-cost", "high"),
            ],
            "canary",
            "ECSCanary10Percent5Minutes",
        ),
        (
            &[("platform", "lambda"), ("gradual", "ab")],
            "ab-testing",
            "weighted alias",
        ),
        (
            &[
                ("platform", "ec2"),
                ("schema-coupled", "yes"),
                ("downtime", "ok"),
            ],
            "all-at-once",
            "AllAtOnce",
        ),
        (
            &[("platform", "on-prem")],
            "rolling",
            "CodeDeploy on-premises",
        ),
        (
            &[
                ("platform", "on-prem"),
                ("downtime", "ok"),
                ("extra-cost", "none"),
            ],
            "all-at-once",
            "on-premises",
        ),
        (&[("platform", "lambda")], "all-at-once", "LambdaAllAtOnce"),
        (
            &[
                ("platform", "ecs"),
                ("capacity", "keep"),
                ("extra-cost", "low"),
            ],
            "rolling-additional-batch",
            "maximumPercent",
        ),
        (
            &[
                ("platform", "beanstalk"),
                ("rollback", "fast"),
                ("gradual", "ab"),
            ],
            "ab-testing",
            "Route 53 weighted",
        ),
    ];
    for (answers, want, mechanism) in cases {
        let rec = ask("deploy", answers);
        assert_eq!(rec.strategy, want, "{answers:?}: {rec:#?}");
        assert!(
            rec.mechanism.contains(mechanism),
            "{answers:?}: {}",
            rec.mechanism
        );
    }
}

#[test]
fn deploy_warnings() {
    // Nothing fits: on-premises cannot add capacity, and capacity must be kept.
    let rec = ask("deploy", &[("platform", "on-prem"), ("capacity", "keep")]);
    assert!(
        rec.warnings[0].starts_with("No candidate fits every answer"),
        "{:?}",
        rec.warnings
    );
    // A schema change the old version cannot read: the expand/contract advice.
    let rec = ask(
        "deploy",
        &[
            ("platform", "ec2"),
            ("schema-coupled", "yes"),
            ("downtime", "ok"),
        ],
    );
    assert!(
        rec.warnings.iter().any(|w| w.contains("expand")),
        "{:?}",
        rec.warnings
    );
    // Lambda all at once: the risk is named.
    let rec = ask("deploy", &[("platform", "lambda")]);
    assert!(
        rec.warnings.iter().any(|w| w.contains("--gradual canary")),
        "{:?}",
        rec.warnings
    );
    // What would change it names the answer to relax.
    let rec = ask("deploy", &[("platform", "ec2"), ("capacity", "keep")]);
    assert!(
        rec.would_change
            .iter()
            .any(|c| c.contains("capacity that may drop")),
        "{:?}",
        rec.would_change
    );
}

#[test]
fn deploy_respects_platform_limits() {
    // On-premises instances cannot use blue/green, whatever else is asked.
    for extra in ["none", "low", "high"] {
        let rec = ask(
            "deploy",
            &[
                ("platform", "on-prem"),
                ("capacity", "keep"),
                ("extra-cost", extra),
            ],
        );
        assert_ne!(rec.strategy, "blue-green");
        assert!(!rec.warnings.is_empty(), "nothing fits, and it says so");
    }
    // A schema change the old version cannot read rules out blue/green with a reason.
    let rec = ask("deploy", &[("platform", "ec2"), ("schema-coupled", "yes")]);
    let bg = rec
        .alternatives
        .iter()
        .find(|a| a.strategy == "blue-green")
        .unwrap();
    assert!(bg.why_not.contains("contraindicated"), "{}", bg.why_not);
}

#[test]
fn choice_wizards() {
    let cases: [(&str, Answers, &str); 16] = [
        (
            "provisioning",
            &[("goal", "infrastructure")],
            "cloudformation",
        ),
        (
            "provisioning",
            &[("goal", "infrastructure"), ("language", "code")],
            "cdk",
        ),
        (
            "provisioning",
            &[("goal", "infrastructure"), ("multi-cloud", "yes")],
            "terraform",
        ),
        (
            "provisioning",
            &[("goal", "app-platform")],
            "elastic-beanstalk",
        ),
        ("provisioning", &[("goal", "app-deploy")], "codedeploy"),
        (
            "provisioning",
            &[("goal", "config-servers")],
            "systems-manager",
        ),
        ("streaming", &[], "kinesis-data-firehose"),
        (
            "streaming",
            &[("consumers", "custom")],
            "kinesis-data-streams",
        ),
        ("streaming", &[("replay", "yes")], "kinesis-data-streams"),
        (
            "streaming",
            &[("latency", "real-time")],
            "kinesis-data-streams",
        ),
        ("secrets", &[("value", "config")], "ssm-parameter-store"),
        (
            "secrets",
            &[("value", "secret"), ("rotation", "yes")],
            "secrets-manager",
        ),
        (
            "stack-signals",
            &[("wait-for", "instance")],
            "cloudformation-creationpolicy",
        ),
        (
            "stack-signals",
            &[("wait-for", "external")],
            "cloudformation-waitcondition",
        ),
        (
            "release-automation",
            &[("approval", "yes"), ("tests", "yes")],
            "continuous-delivery",
        ),
        (
            "release-automation",
            &[("approval", "no"), ("tests", "yes")],
            "continuous-deployment",
        ),
    ];
    for (wizard, answers, want) in cases {
        let rec = ask(wizard, answers);
        assert_eq!(rec.strategy, want, "{wizard} {answers:?}: {rec:#?}");
        assert!(
            !rec.reasons.is_empty(),
            "{wizard} {answers:?} gives reasons"
        );
        assert!(!rec.mechanism.is_empty(), "{wizard} {answers:?} says how");
    }
    // The retired OpsWorks is never recommended, and the reason says so.
    let rec = ask("provisioning", &[("goal", "config-servers")]);
    let opsworks = rec
        .alternatives
        .iter()
        .find(|a| a.strategy == "opsworks-stacks")
        .unwrap();
    assert!(
        opsworks.why_not.contains("2024-05-26"),
        "{}",
        opsworks.why_not
    );
    // Without trusted tests, continuous deployment is ruled out with a reason.
    let rec = ask("release-automation", &[("approval", "no")]);
    assert_eq!(rec.strategy, "continuous-delivery");
    let deployment = rec
        .alternatives
        .iter()
        .find(|a| a.strategy == "continuous-deployment")
        .unwrap();
    assert!(
        deployment.why_not.contains("automated tests"),
        "{}",
        deployment.why_not
    );
}
