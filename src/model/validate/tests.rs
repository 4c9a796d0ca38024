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
