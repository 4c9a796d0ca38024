//! Tests of the data checks.

use super::super::parse::parse_data_file;
use super::*;

fn issues(files: &[(&str, &str)]) -> Vec<String> {
    let parsed: Vec<(&str, &str, DataFile)> = files
        .iter()
        .map(|(name, text)| (*name, *text, parse_data_file(name, text).expect("parses")))
        .collect();
    let inputs: Vec<Input<'_>> = parsed
        .iter()
        .map(|(file, text, data)| Input {
            file,
            text: Some(text),
            data,
            strict: false,
        })
        .collect();
    validate(&inputs).iter().map(ToString::to_string).collect()
}

const SVC: &str = r#"(entries: [
    (id: "svc", kind: service, title: "Svc", summary: "A service."),
])"#;

#[test]
fn valid_data_has_no_issues() {
    assert!(issues(&[("a.ron", SVC)]).is_empty());
}

#[test]
fn dangling_related_id_points_at_the_literal() {
    let text = "(entries: [\n    (id: \"a\", kind: concept, title: \"A\", summary: \"s\",\n        related: [\"codedeploy-hooks\"]),\n])";
    assert_eq!(
        issues(&[("data/x.ron", text)]),
        ["data/x.ron:3:19: related id \"codedeploy-hooks\" does not exist"]
    );
}

#[test]
fn duplicate_ids_across_files_name_the_first_file() {
    let found = issues(&[("a.ron", SVC), ("b.ron", SVC)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("b.ron:2:6: id \"svc\" is already defined in a.ron"),
        "{found:?}"
    );
}

#[test]
fn limits_need_sources_dates_and_consistent_verdicts() {
    let text = r#"(entries: [
    (id: "svc", kind: service, title: "Svc", summary: "A service."),
    (id: "l1", kind: limit, title: "L1", summary: "s",
        limit: (service: "svc", value: "5", adjustable: yes, verdict: changed,
            source: (url: "https://example.com/q"))),
    (id: "l2", kind: limit, title: "L2", summary: "s",
        limit: (service: "nope", value: "5", notes_value: "4", adjustable: no, verdict: same,
            source: (url: "http://example.com", checked: "2026-13"))),
    (id: "l3", kind: limit, title: "L3", summary: "s"),
])"#;
    let found = issues(&[("l.ron", text)]);
    let expect = [
        "l.ron:3:6: limit \"l1\" is marked changed but has no notes_value",
        "l.ron:5:27: limit \"l1\" has a source without a checked date (add `checked: \"YYYY-MM\"`)",
        "l.ron:7:26: limit service \"nope\" does not exist",
        "l.ron:7:59: limit \"l2\" has a notes_value but is marked same; use `changed` or drop it",
        "l.ron:8:27: source URL \"http://example.com\" must be an https:// address",
        "l.ron:8:58: checked date \"2026-13\" has a month outside 01–12",
        "l.ron:9:6: entry \"l3\" is a limit but has no `limit: (...)` facts",
    ];
    assert_eq!(found, expect);
}

#[test]
fn empty_text_and_bad_ids_are_caught() {
    let text =
        r#"(entries: [(id: "Bad_Id", kind: concept, title: " ", summary: "", aliases: [""])])"#;
    let found = issues(&[("e.ron", text)]).join("\n");
    assert!(found.contains("id \"Bad_Id\" is not kebab-case"), "{found}");
    assert!(found.contains("empty title"), "{found}");
    assert!(found.contains("empty summary"), "{found}");
    assert!(found.contains("empty string in aliases"), "{found}");
}

#[test]
fn strategy_attributes_are_typed() {
    let text = r#"(
    attributes: [
        (key: "speed", label: "Speed", families: ["deployment"],
            scale: Levels(levels: [(id: "fast", label: "Fast")], ranked: true)),
        (key: "rto", label: "RTO", families: ["dr"], scale: Duration),
    ],
    entries: [
        (id: "s", kind: strategy, family: "deployment", title: "S", summary: "s",
            attrs: {"speed": Level("slow"), "rto": Duration(min: "1h", max: "5 minutes"), "zzz": Flag(true)}),
        (id: "c", kind: concept, title: "C", summary: "s", attrs: {"speed": Level("fast")}),
    ],
)"#;
    let found = issues(&[("s.ron", text)]).join("\n");
    assert!(
        found.contains("attribute \"rto\" does not apply to the \"deployment\" family"),
        "{found}"
    );
    assert!(found.contains("invalid duration \"5 minutes\""), "{found}");
    assert!(
        found.contains("level \"slow\" is not one of fast"),
        "{found}"
    );
    assert!(
        found.contains("attribute \"zzz\" is not defined"),
        "{found}"
    );
    assert!(
        found.contains("entry \"c\" has strategy attributes but is a concept"),
        "{found}"
    );
}

#[test]
fn dates() {
    for ok in ["2024-05", "2024-05-26", "2024-02-29"] {
        assert_eq!(check_date(ok), Ok(()), "{ok}");
    }
    for bad in [
        "2024",
        "2024-5",
        "2023-02-29",
        "1999-01",
        "2024-04-31",
        "24-05-01",
        "2024-05-xx",
    ] {
        assert!(check_date(bad).is_err(), "{bad}");
    }
}

#[test]
fn kebab() {
    assert!(is_kebab("a-b-1"));
    for bad in ["", "-a", "a-", "a--b", "A", "a_b", "é"] {
        assert!(!is_kebab(bad), "{bad}");
    }
}

#[test]
fn a_price_needs_a_source_with_a_date_and_a_unit() {
    let ok = r#"(prices: [(key: "alb-hour", label: "ALB", usd: 0.02, unit: "hour", region: "us-east-1",
        source: (url: "https://example.com/p", checked: "2026-12"))])"#;
    assert!(
        issues(&[("p.ron", ok)]).is_empty(),
        "{:?}",
        issues(&[("p.ron", ok)])
    );
    let undated = r#"(prices: [(key: "alb-hour", label: "ALB", usd: 0.02, unit: "hour", region: "us-east-1",
        source: (url: "https://example.com/p"))])"#;
    let found = issues(&[("p.ron", undated)]);
    assert!(
        found
            .iter()
            .any(|i| i.contains("needs a source with a checked date")),
        "{found:?}"
    );
    let unitless = r#"(prices: [(key: "alb-hour", label: "ALB", usd: 0.02, unit: " ", region: "us-east-1",
        source: (url: "https://example.com/p", checked: "2026-12"))])"#;
    let found = issues(&[("p.ron", unitless)]);
    assert!(
        found.iter().any(|i| i.contains("needs a unit")),
        "{found:?}"
    );
    let negative = r#"(prices: [(key: "alb-hour", label: "ALB", usd: -1.0, unit: "hour", region: "us-east-1",
        source: (url: "http://example.com/p", checked: "2026-12"))])"#;
    let found = issues(&[("p.ron", negative)]);
    assert!(found.iter().any(|i| i.contains("0 or more")), "{found:?}");
    assert!(found.iter().any(|i| i.contains("https://")), "{found:?}");
}

#[test]
fn presets_and_price_choices_are_checked() {
    let wizard = r#"(entries: [
        (id: "a", kind: strategy, family: "dr", title: "A", summary: "s"),
    ], wizards: [(
        id: "w", title: "W", summary: "s",
        questions: [
            (key: "rto", label: "RTO", help: "h", answer: Duration),
            (key: "instances", label: "N", help: "h", answer: Count(10), default: "12"),
            (key: "instance-price", label: "P", help: "h", answer: Choice([(id: "ec2-nope-hour", label: "x", help: "h")]), default: "ec2-nope-hour"),
            (key: "step-minutes", label: "M", help: "h", answer: Count(60), default: "5"),
            (key: "deploys-per-month", label: "D", help: "h", answer: Count(60), default: "5"),
        ],
        candidates: [(id: "a")],
        rules: [],
        presets: [(id: "gold", label: "Gold", help: "h", answers: {"rto": "soon", "colour": "red"})],
        deploy_cost: (assumptions: []),
    )])"#;
    let found = issues(&[("w.ron", wizard)]);
    let has = |s: &str| found.iter().any(|i| i.contains(s));
    assert!(
        has("default \"12\" is not a valid answer to \"instances\""),
        "{found:?}"
    );
    assert!(
        has("preset \"gold\": \"soon\" is not a valid answer to \"rto\""),
        "{found:?}"
    );
    assert!(
        has("preset \"gold\" answers unknown question \"colour\""),
        "{found:?}"
    );
    assert!(
        has("option \"ec2-nope-hour\" is not a price key"),
        "{found:?}"
    );
}
