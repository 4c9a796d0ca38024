//! The command-line contract of `shared/CLI.md`: output shapes, exit codes, bad input.

use crate::util::{opsdeck, run, search_ids, stderr, stdout, temp_file};

#[test]
fn search_prints_tab_separated_hits_best_first() {
    let out = run(["search", "blue", "green"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() <= 10,
        "default limit is 10: {text}"
    );
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(first.len(), 4, "ID, KIND, TITLE, SCORE: {:?}", lines[0]);
    assert_eq!(first[0], "blue-green");
    assert_eq!(first[1], "strategy");
    let scores: Vec<i64> = lines
        .iter()
        .map(|l| {
            l.rsplit('\t')
                .next()
                .unwrap()
                .parse()
                .expect("numeric score")
        })
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "scores descend: {scores:?}"
    );
}

#[test]
fn search_limit_and_json() {
    let out = run(["search", "deployment", "--limit", "3"]);
    assert_eq!(stdout(&out).lines().count(), 3);
    let out = run(["search", "pilot", "light", "--json"]);
    assert!(out.status.success());
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let first = &hits.as_array().expect("array")[0];
    assert_eq!(first["id"], "pilot-light");
    assert_eq!(first["kind"], "strategy");
    assert!(first["score"].as_i64().is_some());
}

#[test]
fn search_understands_kind_scopes() {
    let ids = search_ids("kind:limit kinesis", 10);
    assert!(!ids.is_empty());
    let out = run(["search", "kind:limit", "kinesis"]);
    for line in stdout(&out).lines() {
        assert_eq!(line.split('\t').nth(1), Some("limit"), "{line}");
    }
    let out = run(["search", "kind:widget", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown kind \"widget\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_query_is_a_clear_error() {
    for args in [vec!["search", ""], vec!["search", "   "]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("error: the query is empty"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // No query at all is a usage error (clap's exit code 2).
    assert_eq!(run(["search"]).status.code(), Some(2));
}

#[test]
fn huge_and_unusual_queries_do_not_panic() {
    let long = "x".repeat(10_000);
    let out = run(["search", &long]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let long_words = "cloudformation ".repeat(700);
    assert!(run(["search", &long_words]).status.success());
    for odd in [
        "日本語",
        "ÆØÅ çà",
        "🚀 rocket",
        "\u{200b}",
        "'\"\\<>&",
        "%s%n",
    ] {
        let out = run(["search", odd]);
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{odd:?}"
        );
        assert!(
            !stderr(&out).contains("panicked"),
            "{odd:?}: {}",
            stderr(&out)
        );
    }
    // A query that starts with a hyphen goes after `--`.
    assert_eq!(run(["search", "--", "-x"]).status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"cloud\xff\xfe");
    let (mut cmd, _dir) = opsdeck();
    let out = cmd.arg("search").arg(bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
}

#[test]
fn show_prints_markdown_sections() {
    let out = run(["show", "blue-green"]);
    assert!(out.status.success());
    let md = stdout(&out);
    assert!(md.starts_with("# Blue/green\n"), "{md}");
    for section in [
        "## Key points",
        "## Exam tips",
        "## Attributes",
        "## Related",
        "## Sources",
    ] {
        assert!(md.contains(section), "missing {section}: {md}");
    }
    let out = run(["show", "blue-green", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entry"]["id"], "blue-green");
}

#[test]
fn show_a_retired_service_gives_status_and_date() {
    let md = stdout(&run(["show", "opsworks-stacks"]));
    assert!(md.contains("**Status: Retired** (2024-05-26)"), "{md}");
    let md = stdout(&run(["show", "codestar"]));
    assert!(md.contains("**Status: Retired** (2024-07-31)"), "{md}");
}

#[test]
fn show_a_service_lists_its_limits() {
    let md = stdout(&run(["show", "cloudformation"]));
    assert!(md.contains("## Limits"), "{md}");
    assert!(
        md.contains("| 2,000 stacks per account per Region | 200 |"),
        "current and notes' value: {md}"
    );
}

#[test]
fn show_unknown_id_suggests_and_exits_1() {
    let out = run(["show", "cloudformaton"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: no entry has the id \"cloudformaton\""),
        "{err}"
    );
    assert!(err.contains("did you mean cloudformation"), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear message: {err}");
}

#[test]
fn limits_have_seven_columns_with_source_and_month() {
    let text = stdout(&run(["limits"]));
    assert!(text.lines().count() >= 2);
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 7, "{line}");
        assert!(cols[5].starts_with("https://"), "source: {line}");
        let checked = cols[6];
        assert!(
            (checked.len() == 7 && checked.as_bytes()[4] == b'-') || checked == "unverified",
            "YYYY-MM, or `unverified` for a value that could not be checked: {line}"
        );
        assert!(matches!(cols[4], "yes" | "no" | "unknown"), "{line}");
    }
    let cfn = stdout(&run(["limits", "--service", "cloudformation"]));
    assert!(
        cfn.lines().all(|l| l.starts_with("AWS CloudFormation\t")),
        "{cfn}"
    );
    assert!(
        cfn.contains("\t2,000 stacks per account per Region\t200\t"),
        "{cfn}"
    );
    let out = run(["limits", "--service", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let rows: serde_json::Value =
        serde_json::from_slice(&run(["limits", "--json"]).stdout).unwrap();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| r["checked"].is_string() || r["unverified"].is_string()),
        "every limit has a checked date or says why not"
    );
}

#[test]
fn dump_has_one_line_per_entry() {
    let text = stdout(&run(["dump"]));
    let json: serde_json::Value = serde_json::from_slice(
        &run(["search", "kind:concept", "--limit", "100000", "--json"]).stdout,
    )
    .unwrap();
    assert!(!json.as_array().unwrap().is_empty());
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "no entry twice");
    assert!(ids.contains(&"blue-green"));
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 3, "{line}");
    }
}

#[test]
fn unknown_flags_are_usage_errors() {
    let out = run(["search", "x", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("search"));
}

const GOOD_PACK: &str = r#"(
    entries: [
        (
            id: "team-runbook",
            kind: concept,
            title: "Team runbook for Zyxwv failover",
            summary: "How our team fails over the Zyxwv service.",
            related: ["pilot-light"],
        ),
    ],
)"#;

#[test]
fn a_good_pack_adds_searchable_entries() {
    let (path, _dir) = temp_file("team.ron", GOOD_PACK.as_bytes());
    let (mut cmd, _data) = opsdeck();
    let out = cmd
        .arg("--pack")
        .arg(&path)
        .args(["search", "zyxwv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("team-runbook\tconcept\t"),
        "{}",
        stdout(&out)
    );
    // The built-in entry now shows the backlink.
    let (mut cmd, _data) = opsdeck();
    let out = cmd
        .args(["show", "pilot-light", "--pack"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(stdout(&out).contains("team-runbook"), "{}", stdout(&out));
}

#[test]
fn a_malformed_pack_names_file_line_and_column() {
    let text =
        "(\n  entries: [\n    (id: \"x\", kind: servce, title: \"X\", summary: \"s\"),\n  ],\n)\n";
    let (path, _dir) = temp_file("bad.ron", text.as_bytes());
    let (mut cmd, _data) = opsdeck();
    let out = cmd
        .arg("--pack")
        .arg(&path)
        .args(["search", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let expected_prefix = format!("error: {}:3:", path.display());
    assert!(err.starts_with(&expected_prefix), "{err}");
    assert!(err.contains("servce"), "says what was found: {err}");
    assert!(err.contains("service"), "says what was expected: {err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn a_pack_with_a_dangling_link_points_at_it() {
    let text = "(entries: [\n  (id: \"y\", kind: concept, title: \"Y\", summary: \"s\",\n   related: [\"no-such-entry\"]),\n])";
    let (path, _dir) = temp_file("dangling.ron", text.as_bytes());
    let (mut cmd, _data) = opsdeck();
    let out = cmd.arg("--pack").arg(&path).arg("dump").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:3:14: related id \"no-such-entry\" does not exist",
            path.display()
        )),
        "{err}"
    );
}

#[test]
fn a_pack_cannot_overwrite_an_id() {
    let text = r#"(entries: [(id: "blue-green", kind: concept, title: "Mine", summary: "s")])"#;
    let (path, _dir) = temp_file("clash.ron", text.as_bytes());
    let (mut cmd, _data) = opsdeck();
    let out = cmd
        .arg("--pack")
        .arg(&path)
        .args(["show", "blue-green"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("id \"blue-green\" is already defined in built-in data"),
        "{err}"
    );
    // Two packs that clash with each other are reported too.
    let (a, _d1) = temp_file("a.ron", GOOD_PACK.as_bytes());
    let (b, _d2) = temp_file("b.ron", GOOD_PACK.as_bytes());
    let (mut cmd, _data) = opsdeck();
    let out = cmd
        .arg("--pack")
        .arg(&a)
        .arg("--pack")
        .arg(&b)
        .arg("dump")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("already defined in"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_packs_are_refused_cleanly() {
    let (missing, _d) = temp_file("x.ron", b"");
    let missing = missing.with_file_name("missing.ron");
    let big = vec![b' '; 16 * 1024 * 1024 + 1];
    let (big_path, _d2) = temp_file("big.ron", &big);
    let (binary, _d3) = temp_file("bin.ron", &[0xff, 0xfe, 0x00, 0x81]);
    let deep = format!("(entries: {}", "[".repeat(100_000));
    let (deep_path, _d4) = temp_file("deep.ron", deep.as_bytes());
    let (empty, _d5) = temp_file("empty.ron", b"");
    for (path, needle) in [
        (&missing, "cannot be read"),
        (&big_path, "larger than"),
        (&binary, "not UTF-8"),
        (&deep_path, "deep.ron:"),
        (&empty, "empty.ron:"),
    ] {
        let (mut cmd, _data) = opsdeck();
        let out = cmd
            .arg("--pack")
            .arg(path)
            .args(["search", "x"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = stderr(&out);
        assert!(err.contains(needle), "{}: {err}", path.display());
        assert!(!err.contains("panicked"), "{err}");
    }
}
