//! The wizards, the comparison and the simulator from the command line: outputs and errors.

use crate::util::{run, stderr, stdout};

#[test]
fn cli_wizard_outputs() {
    let out = run([
        "wizard", "dr", "--rto", "1h", "--rpo", "15m", "--budget", "medium", "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["wizard"], "dr");
    assert_eq!(v["strategy"], "pilot-light");
    assert_eq!(v["title"], "Pilot light");
    assert!(v["reasons"].as_array().unwrap().len() >= 3);
    assert!(v["alternatives"][0]["why_not"].is_string());
    let text = stdout(&run(["wizard", "deploy", "--platform", "ec2"]));
    assert!(text.starts_with("Rolling\n"), "{text}");
    let list = stdout(&run(["wizard", "list"]));
    for id in [
        "dr",
        "deploy",
        "provisioning",
        "streaming",
        "secrets",
        "stack-signals",
        "release-automation",
    ] {
        assert!(
            list.lines().any(|l| l.starts_with(&format!("{id}\t"))),
            "{id}: {list}"
        );
    }
    let out = run([
        "wizard",
        "run",
        "dr",
        "--answer",
        "rto=4h",
        "--answer",
        "rpo=4h",
        "--answer",
        "budget=low",
    ]);
    assert!(
        stdout(&out).starts_with("Backup and restore\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn cli_wizard_bad_input_is_exit_1_with_a_clear_message() {
    for (args, needle) in [
        (
            vec![
                "wizard",
                "dr",
                "--rto",
                "5 minutes",
                "--rpo",
                "1h",
                "--budget",
                "low",
            ],
            "1h30m",
        ),
        (
            vec![
                "wizard",
                "dr",
                "--rto=-1h",
                "--rpo",
                "1h",
                "--budget",
                "low",
            ],
            "negative",
        ),
        (
            vec![
                "wizard", "dr", "--rto", "1h", "--rpo", "1h", "--budget", "huge",
            ],
            "low, medium, high",
        ),
        (
            vec!["wizard", "deploy", "--platform", "mainframe"],
            "ec2, beanstalk, ecs, lambda, on-prem",
        ),
        (vec!["wizard", "run", "nope"], "no wizard has the id"),
        (vec!["wizard", "run", "dr", "--answer", "rto"], "KEY=VALUE"),
        (
            vec!["wizard", "run", "dr", "--answer", "colour=blue"],
            "has no question",
        ),
        (
            vec!["wizard", "run", "dr", "--answer", "rto=1h"],
            "needs an answer for \"rpo\"",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
    assert_eq!(
        run(["wizard", "dr", "--rto", "1h", "--rpo", "1h"])
            .status
            .code(),
        Some(2),
        "--budget is required, as the CLI contract says"
    );
    assert_eq!(
        run(["wizard", "dr", "--rpo", "1h"]).status.code(),
        Some(2),
        "missing --rto is a usage error"
    );
}

#[test]
fn compare_and_simulate_cli() {
    let md = stdout(&run([
        "compare",
        "rolling",
        "rolling-additional-batch",
        "immutable",
        "blue-green",
    ]));
    assert!(md.starts_with("| Attribute | Rolling |"), "{md}");
    assert!(md.contains("| Capacity during deploy •"), "{md}");
    let out = run(["compare", "rolling", "pilot-light"]);
    assert_eq!(out.status.code(), Some(1));
    let steps = stdout(&run([
        "simulate",
        "rolling",
        "--instances",
        "6",
        "--batch",
        "2",
    ]));
    let in_service: Vec<u32> = steps
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(in_service, [6, 4, 6, 4, 6, 4, 6]);
    let v: serde_json::Value = serde_json::from_slice(
        &run(["simulate", "immutable", "--instances", "6", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(v["peak_instances"], 12);
    assert_eq!(v["min_in_service"], 6);
    let out = run(["simulate", "ab-testing", "--instances", "6"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("simulated strategies are"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        run(["simulate", "rolling", "--instances", "-3"])
            .status
            .code(),
        Some(2)
    );
}
