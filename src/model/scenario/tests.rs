//! Unit tests of the scenario reader.

use super::words::{duration_at, words};
use super::*;

fn pairs(text: &str) -> Vec<(String, String)> {
    read(text).pairs()
}

#[test]
fn reads_recovery_targets_cost_and_scope() {
    let s = read(
        "The application must recover within 2 hours of a regional outage and lose no more than 15 minutes of data, in the most cost-effective way.",
    );
    assert_eq!(s.wizard.as_deref(), Some("dr"));
    let p = s.pairs();
    assert!(p.contains(&("rto".into(), "2h".into())), "{p:?}");
    assert!(p.contains(&("rpo".into(), "15m".into())), "{p:?}");
    assert!(p.contains(&("budget".into(), "low".into())), "{p:?}");
    assert!(p.contains(&("scope".into(), "region".into())), "{p:?}");
}

#[test]
fn reads_deployment_needs() {
    let p = pairs(
        "Deploy the new version to Elastic Beanstalk without downtime and at no additional cost.",
    );
    assert!(
        p.contains(&("platform".into(), "beanstalk".into())),
        "{p:?}"
    );
    assert!(p.contains(&("downtime".into(), "none".into())), "{p:?}");
    assert!(p.contains(&("extra-cost".into(), "none".into())), "{p:?}");
}

#[test]
fn durations_in_many_forms() {
    for (text, secs) in [
        ("2 hours", 7_200),
        ("15-minute", 900),
        ("15min", 900),
        ("half an hour", 1_800),
        ("an hour and a half", 5_400),
        ("1 hour 30 minutes", 5_400),
        ("a full day", 86_400),
        ("1 week", 604_800),
        ("ninety minutes", 5_400),
    ] {
        let ws = words(text);
        assert_eq!(duration_at(&ws, 0).map(|d| d.0), Some(secs), "{text}");
    }
}

#[test]
fn guesses_nothing_from_unknown_phrasing() {
    assert_eq!(
        read("We like the colour blue and tidy code."),
        Scenario::default()
    );
    assert_eq!(
        read("Backups are retained for 30 days."),
        Scenario::default()
    );
    assert_eq!(
        read("The batch job runs every 15 minutes."),
        Scenario::default()
    );
}
