//! The knowledge base held to its standard: coverage of the notes, realistic study queries,
//! sourced limits, and changed limits that show both values.
//!
//! The fixtures in `tests/fixtures/` list, per slice of the knowledge base, names from the
//! study notes (`coverage-*.txt`: NAME<TAB>ID, must rank in the top 3) and realistic queries
//! (`queries-*.txt`: QUERY<TAB>ID, must rank in the top 5), searched exactly as
//! `opsdeck search` does.

use std::path::Path;

use opsdeck::model::KnowledgeBase;
use opsdeck::model::ask::Finder;
use opsdeck::model::schema::{Kind, Verdict};

fn fixture_pairs(prefix: &str) -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (query, id) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{file}: {line:?}"));
            out.push((file.clone(), query.to_owned(), id.trim().to_owned()));
        }
    }
    out
}

/// Checks every pair and reports all misses at once.
fn check_ranked(prefix: &str, top: usize, at_least: usize) {
    let kb = KnowledgeBase::builtin();
    let finder = Finder::new(&kb);
    let pairs = fixture_pairs(prefix);
    assert!(
        pairs.len() >= at_least,
        "{} {prefix} lines, want {at_least}",
        pairs.len()
    );
    let mut misses = Vec::new();
    for (file, query, id) in &pairs {
        assert!(kb.get(id).is_some(), "{file}: {id:?} is not an entry");
        let found = finder.find(&kb, query, None, None);
        let ranked: Vec<&str> = found
            .hits
            .iter()
            .take(top)
            .map(|h| kb.entries()[h.entry].id.as_str())
            .collect();
        if !ranked.contains(&id.as_str()) {
            misses.push(format!("{file}: {query:?} → want {id}, got {ranked:?}"));
        }
    }
    assert!(
        misses.is_empty(),
        "{} of {} missed:\n{}",
        misses.len(),
        pairs.len(),
        misses.join("\n")
    );
    eprintln!(
        "{prefix}: {} names/queries checked, each in the top {top}",
        pairs.len()
    );
}

#[test]
fn names_from_the_notes_rank_in_the_top_3() {
    check_ranked("coverage-", 3, 120);
}

#[test]
fn study_queries_rank_in_the_top_5() {
    check_ranked("queries-", 5, 40);
}

#[test]
fn limit_values_are_current_and_their_checks_recent() {
    // build.rs already refuses a limit without a source; this holds the data to what a
    // reader needs: enough limits, each checked recently (not before 2025, not in the future)
    // or marked unverified with a reason a reader can follow.
    let kb = KnowledgeBase::builtin();
    let limits = kb.limits();
    assert!(limits.len() >= 250, "{} limits", limits.len());
    let today = "2026-12-31";
    let mut unverified = 0;
    for e in limits {
        let f = e.limit.as_ref().unwrap();
        match (&f.source.checked, &f.source.unverified) {
            (Some(checked), _) => {
                assert!(
                    checked.as_str() >= "2025-01" && checked.as_str() <= today,
                    "{}: checked {checked} is not a recent date",
                    e.id
                );
            }
            (None, Some(why)) => {
                unverified += 1;
                assert!(
                    why.split_whitespace().count() >= 4,
                    "{}: say why: {why:?}",
                    e.id
                );
                assert!(
                    f.verdict == Verdict::Unverified || !why.is_empty(),
                    "{}",
                    e.id
                );
            }
            (None, None) => panic!("{} has neither a checked date nor a reason", e.id),
        }
        assert!(
            kb.get(&f.service).is_some(),
            "{}: service {}",
            e.id,
            f.service
        );
    }
    eprintln!(
        "{} limits, {unverified} of them unverified",
        kb.limits().len()
    );
}

#[test]
fn limits_that_changed_since_the_notes_show_both_values() {
    let kb = KnowledgeBase::builtin();
    let changed: Vec<_> = kb
        .limits()
        .into_iter()
        .filter(|e| e.limit.as_ref().unwrap().verdict == Verdict::Changed)
        .collect();
    for e in &changed {
        let f = e.limit.as_ref().unwrap();
        let old = f
            .notes_value
            .as_deref()
            .unwrap_or_else(|| panic!("{} lacks notes_value", e.id));
        assert_ne!(old.trim(), f.value.trim(), "{}", e.id);
    }
    // The changes the facts file lists, each present with both values.
    let expect = [
        ("cloudformation-stacks-per-region", "2,000", "200"),
        ("kinesis-retention", "365", "7 days"),
    ];
    for (id, now, then) in expect {
        let f = kb
            .get(id)
            .and_then(|e| e.limit.as_ref())
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(f.verdict, Verdict::Changed, "{id}");
        assert!(f.value.contains(now), "{id}: {}", f.value);
        assert!(f.notes_value.as_deref().unwrap().contains(then), "{id}");
    }
    for service in [
        "organizations",
        "rds",
        "cloudwatch",
        "codebuild",
        "cloudformation",
        "kinesis-data-streams",
    ] {
        assert!(
            changed
                .iter()
                .any(|e| e.limit.as_ref().unwrap().service == service),
            "no changed limit for {service}"
        );
    }
}

#[test]
fn retired_and_closed_services_carry_status_date_and_replacement() {
    let kb = KnowledgeBase::builtin();
    for (id, date) in [
        ("opsworks-stacks", "2024-05-26"),
        ("codestar", "2024-07-31"),
        ("cloud9", "2024-07-25"),
    ] {
        let status = kb
            .get(id)
            .and_then(|e| e.status.as_ref())
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(status.date.as_deref(), Some(date), "{id}");
        assert!(!status.note.is_empty());
    }
    // CodeCommit closed to new customers in July 2024 and reopened in November 2025: it is
    // active again, and says what happened.
    let codecommit = kb.get("codecommit").unwrap();
    assert!(codecommit.status.is_none(), "CodeCommit is open again");
    assert!(
        codecommit
            .points
            .iter()
            .any(|p| p.contains("July 2024") && p.contains("2025")),
        "its history is told"
    );
}

#[test]
fn there_are_entries_of_every_kind() {
    let kb = KnowledgeBase::builtin();
    for kind in Kind::ALL {
        let n = kb.entries().iter().filter(|e| e.kind == kind).count();
        eprintln!("{}: {n}", kind.as_str());
        assert!(n >= 10, "{} entries of kind {}", n, kind.as_str());
    }
    assert!(kb.entries().len() >= 150);
}
