//! The decision commands end to end: `wizard dr` with targets per failure and costed options,
//! `wizard read`, `wizard rules`, `prices`, deployment costs and `compare --instances`.

use crate::util::{opsdeck, run, stderr, stdout, temp_file};

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn option<'a>(plan: &'a serde_json::Value, choice: &str) -> &'a serde_json::Value {
    plan["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["choices"].as_array().unwrap().iter().any(|c| c == choice))
        .unwrap_or_else(|| panic!("no {choice} option"))
}

#[test]
fn wizard_dr_json_keeps_the_contract_and_adds_a_costed_plan() {
    let v = json(&[
        "wizard", "dr", "--rto", "1h", "--rpo", "15m", "--budget", "medium", "--json",
    ]);
    // The contract's fields are unchanged.
    assert_eq!(v["wizard"], "dr");
    assert_eq!(v["strategy"], "pilot-light");
    assert!(v["reasons"].as_array().is_some() && v["alternatives"].as_array().is_some());
    // The plan: a verdict per failure, options with a cost made of priced lines.
    let plan = &v["plan"];
    let targets: Vec<&str> = plan["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[0].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["az", "region"]);
    let cheap = option(plan, "least-cost");
    assert_eq!(cheap["setup"]["region"], "pilot-light");
    let total = cheap["cost"]["monthly"].as_f64().unwrap();
    let lines: f64 = cheap["cost"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["monthly"].as_f64())
        .sum();
    assert!(total > 0.0 && (total - lines).abs() < 1e-6);
    for c in cheap["checks"].as_array().unwrap() {
        assert!(
            ["met", "at-risk"].contains(&c["verdict"].as_str().unwrap()),
            "{c}"
        );
    }
    assert!(!cheap["next_steps"].as_array().unwrap().is_empty());
    // A price the table lacks is listed, not guessed.
    assert!(
        cheap["cost"]["lines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["price"].is_null() && l["monthly"].is_null())
    );
}

#[test]
fn wizard_dr_takes_a_tier_and_targets_per_failure() {
    let v = json(&["wizard", "dr", "--tier", "mission-critical", "--json"]);
    let plan = &v["plan"];
    assert_eq!(plan["targets"].as_array().unwrap().len(), 3);
    assert_eq!(
        option(plan, "least-cost")["setup"]["region"],
        "warm-standby"
    );
    assert_eq!(option(plan, "least-cost")["setup"]["multi_az"], true);
    // A tighter zone target than the tier's still holds when given on top of it.
    let text = stdout(&run([
        "wizard",
        "dr",
        "--preset",
        "important",
        "--az-rpo",
        "0",
        "--corruption-rpo",
        "1h",
    ]));
    assert!(text.contains("Plan per failure"), "{text}");
    assert!(
        text.contains("Loss of an Availability Zone: RTO 1h, RPO 0"),
        "{text}"
    );
    assert!(
        text.contains("Data corruption or deletion: RTO 1d, RPO 1h"),
        "{text}"
    );
    // Without --preset the contract's required flags stay required.
    let out = run(["wizard", "dr", "--rto", "1h"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--rpo"));
    let out = run(["wizard", "dr", "--preset", "gold"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("mission-critical"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn prices_can_be_listed_and_overridden() {
    let out = run(["prices"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let m5 = text
        .lines()
        .find(|l| l.starts_with("ec2-m5-large-hour\t"))
        .expect("m5.large is listed");
    assert_eq!(m5.split('\t').nth(4), Some("unverified"));
    assert!(
        text.lines()
            .any(|l| l.starts_with("transfer-inter-region-gb\t\t")),
        "{text}"
    );
    let base = json(&["wizard", "dr", "--preset", "important", "--json"]);
    let with = json(&[
        "wizard",
        "dr",
        "--preset",
        "important",
        "--price",
        "transfer-inter-region-gb=0.02",
        "--json",
    ]);
    let cost = |v: &serde_json::Value| {
        option(&v["plan"], "least-cost")["cost"]["monthly"]
            .as_f64()
            .unwrap()
    };
    // Backup copies carry 5 GB a day, 150 GB a month, at $0.02.
    assert!(
        (cost(&with) - cost(&base) - 150.0 * 0.02).abs() < 1e-6,
        "{} {}",
        cost(&base),
        cost(&with)
    );
    let out = run([
        "wizard",
        "dr",
        "--preset",
        "important",
        "--price",
        "ec2-zz-hour=1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no price has the key"),
        "{}",
        stderr(&out)
    );
    let out = run([
        "wizard",
        "dr",
        "--preset",
        "important",
        "--price",
        "alb-hour",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("KEY=VALUE"), "{}", stderr(&out));
}

#[test]
fn wizard_read_fills_the_wizard_from_a_file_or_stdin() {
    let (file, _dir) = temp_file(
        "q.txt",
        b"A company must recover its order API within 2 hours if the primary Region fails and can lose at most 15 minutes of orders. The solution must be the most cost-effective.",
    );
    let out = run(["wizard", "read", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Read as: Disaster recovery strategy (dr)"),
        "{text}"
    );
    assert!(
        text.contains("rto = 2h   \"recover its order API within 2 hours\""),
        "{text}"
    );
    assert!(
        text.contains("rpo = 15m   \"15 minutes of orders\""),
        "{text}"
    );
    assert!(text.contains("budget = low"), "{text}");
    assert!(text.contains("\nPilot light\n"), "{text}");

    let (mut cmd, _d) = opsdeck();
    let out = cmd
        .args(["wizard", "read", "-", "--json"])
        .write_stdin("Deploy the new version to Elastic Beanstalk without downtime and at no additional cost.")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["wizard"], "deploy");
    assert_eq!(v["decision"]["strategy"], "rolling");
    let keys: Vec<&str> = v["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["platform", "downtime", "extra-cost"]);
    assert!(
        v["decision"]["deploy_costs"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );

    // What cannot be told is said, and the command fails with the fix.
    let (mut cmd, _d) = opsdeck();
    let out = cmd
        .args(["wizard", "read", "-"])
        .write_stdin("The API must recover within 2 hours.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("rpo: needed; add --answer rpo=VALUE"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("needs rpo"), "{}", stderr(&out));
    // ...and --answer supplies it.
    let (mut cmd, _d) = opsdeck();
    let out = cmd
        .args(["wizard", "read", "-", "--answer", "rpo=1d"])
        .write_stdin("The API must recover within 2 hours.")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Backup and restore"),
        "{}",
        stdout(&out)
    );

    let (mut cmd, _d) = opsdeck();
    let out = cmd
        .args(["wizard", "read", "-"])
        .write_stdin("We like tidy code.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not tell which decision"),
        "{}",
        stderr(&out)
    );
    let out = run(["wizard", "read", "/no/such/file"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("could not read the scenario file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn wizard_rules_shows_what_each_rule_does() {
    let out = run([
        "wizard", "rules", "dr", "--answer", "rto=1h", "--answer", "rpo=15m",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("rules out: Backup and restore"), "{text}");
    assert!(text.contains("does not apply"), "{text}");
    assert!(text.ends_with("Chosen: Pilot light\n"), "{text}");
    let v = json(&[
        "wizard",
        "rules",
        "deploy",
        "--answer",
        "platform=lambda",
        "--json",
    ]);
    assert!(
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["applies"] == true)
    );
}

#[test]
fn deployments_show_their_cost() {
    let v = json(&[
        "wizard",
        "deploy",
        "--platform",
        "ec2",
        "--instances",
        "8",
        "--step-minutes",
        "10",
        "--json",
    ]);
    let costs = v["deploy_costs"].as_array().unwrap();
    let bg = costs
        .iter()
        .find(|c| c["strategy"] == "blue-green")
        .unwrap();
    assert_eq!(bg["peak_instances"], 16);
    assert!(bg["monthly_usd"].as_f64().unwrap() > 0.0);
    // Lambda deployments shift traffic between versions: no instance cost is claimed.
    let v = json(&["wizard", "deploy", "--platform", "lambda", "--json"]);
    assert!(v.get("deploy_costs").is_none());
    // ECS: the built-in strategies by default, CodeDeploy on request.
    let text = stdout(&run([
        "wizard",
        "deploy",
        "--platform",
        "ecs",
        "--gradual",
        "canary",
    ]));
    assert!(text.contains("built-in CANARY strategy"), "{text}");
    let text = stdout(&run([
        "wizard",
        "deploy",
        "--platform",
        "ecs",
        "--gradual",
        "canary",
        "--ecs-controller",
        "codedeploy",
    ]));
    assert!(text.contains("ECSCanary10Percent5Minutes"), "{text}");
    let out = run(["compare", "rolling", "blue-green", "--instances", "8"]);
    let text = stdout(&out);
    assert!(
        text.contains("Extra instance-hours per deployment (8 instances, 10-minute steps)"),
        "{text}"
    );
    assert!(text.contains("Extra cost per deployment"), "{text}");
    let out = run([
        "compare",
        "rolling",
        "blue-green",
        "--instances",
        "8",
        "--instance-price",
        "nope",
    ]);
    assert_eq!(out.status.code(), Some(1));
}
