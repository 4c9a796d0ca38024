//! Your own entries and managed packs: CLI round trips, second versions, packs that stay
//! loaded, removed packs, broken files and killed writers.

use std::path::Path;
use std::process::{Command, Output};

use opsdeck::model::mine::MyEntries;

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("opsdeck")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir)
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn own_entries_round_trip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(
        d,
        &[
            "entry",
            "new",
            "--title",
            "My failover drill",
            "--kind",
            "concept",
            "--summary",
            "Quarterly: promote the Aurora secondary and time it.",
            "--point",
            "Announce the drill a week ahead.",
            "--related",
            "aurora-global-database",
            "--task",
            "3.3",
        ],
    );
    assert_eq!(id.trim(), "my-failover-drill");
    // Searched, shown, starred and put on sheets like any entry.
    let hits = ok(d, &["search", "failover", "drill", "--limit", "3"]);
    assert!(
        hits.lines()
            .next()
            .unwrap()
            .starts_with("my-failover-drill\t"),
        "{hits}"
    );
    assert!(ok(d, &["show", "my-failover-drill"]).contains("your entry"));
    ok(d, &["sheet", "new", "S"]);
    ok(d, &["sheet", "add", "S", "my-failover-drill"]);
    assert!(ok(d, &["export", "S"]).contains("My failover drill"));
    // Edit, then a problem is refused with the field named and nothing changes.
    ok(
        d,
        &[
            "entry",
            "edit",
            "my-failover-drill",
            "--summary",
            "Twice a year.",
        ],
    );
    assert!(ok(d, &["show", "my-failover-drill"]).contains("Twice a year."));
    let out = run_in(
        d,
        &[
            "entry",
            "edit",
            "my-failover-drill",
            "--related",
            "no-such-entry",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--related") && err.contains("no-such-entry"),
        "{err}"
    );
    let list = ok(d, &["entry", "list"]);
    assert_eq!(list, "my-failover-drill\tconcept\tMy failover drill\n");
    // A version of a built-in entry: both show, yours first.
    assert_eq!(
        ok(
            d,
            &["entry", "edit", "pilot-light", "--summary", "In my words."]
        )
        .trim(),
        "pilot-light-mine"
    );
    let hits = ok(d, &["search", "pilot", "light", "--limit", "2"]);
    let ids: Vec<&str> = hits
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["pilot-light-mine", "pilot-light"]);
    assert!(
        ok(d, &["show", "pilot-light"]).contains("Replicate"),
        "the built-in one is untouched"
    );
    // Delete: only your own.
    let out = run_in(d, &["entry", "delete", "pilot-light"]);
    assert_eq!(out.status.code(), Some(1));
    ok(d, &["entry", "delete", "pilot-light-mine"]);
    let hits = ok(d, &["search", "pilot", "light", "--limit", "2"]);
    assert!(!hits.contains("pilot-light-mine"));
    // Export as a pack someone else can add.
    let out_dir = tempfile::tempdir().unwrap();
    let pack = out_dir.path().join("mine.ron");
    ok(d, &["pack", "export", pack.to_str().unwrap()]);
    let other = tempfile::tempdir().unwrap();
    ok(other.path(), &["pack", "add", pack.to_str().unwrap()]);
    assert!(
        ok(
            other.path(),
            &["search", "failover", "drill", "--limit", "1"]
        )
        .starts_with("my-failover-drill\t")
    );
}

#[test]
fn packs_stay_loaded_and_removed_ones_leave() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let packs = tempfile::tempdir().unwrap();
    let team = packs.path().join("team.ron");
    std::fs::write(
        &team,
        r#"(entries: [
            (id: "team-runbook", kind: concept, title: "Team failover runbook", summary: "Our steps.", tasks: ["3.3"]),
            (id: "pilot-light", kind: concept, title: "Pilot light (team notes)", summary: "How we read it.", tasks: ["3.3"]),
        ])"#,
    )
    .unwrap();
    let broken = packs.path().join("broken.ron");
    std::fs::write(&broken, "(entries: [(id: \"x\", kind: concept, title: \"X\", summary: \"s\", related: [\"nope\"])])").unwrap();
    let out = run_in(d, &["pack", "check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("related id \"nope\" does not exist"));
    let out = run_in(d, &["pack", "add", broken.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a pack with problems is not added"
    );
    let added = ok(d, &["pack", "add", team.to_str().unwrap()]);
    assert!(
        added.contains("2 entries") && added.contains("second versions"),
        "{added}"
    );
    // A new process: still loaded, the clash shown as a second version.
    let list = ok(d, &["pack", "list"]);
    assert!(
        list.contains("team.ron\t2\tloaded; 1 shown as second versions"),
        "{list}"
    );
    assert!(ok(d, &["show", "pilot-light-team"]).contains("How we read it."));
    assert!(ok(d, &["show", "pilot-light"]).contains("(pilot-light-team)"));
    ok(d, &["sheet", "new", "S"]);
    ok(d, &["sheet", "add", "S", "team-runbook", "rolling"]);
    // Removed: its entries leave search, and the sheet says which are gone.
    ok(d, &["pack", "remove", "team.ron"]);
    assert!(!ok(d, &["search", "team", "runbook"]).contains("team-runbook"));
    let out = run_in(d, &["sheet", "list"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no longer loaded")
            && String::from_utf8_lossy(&out.stderr).contains("team-runbook")
    );
    // A pack file that disappears is reported, not fatal.
    ok(d, &["pack", "add", team.to_str().unwrap()]);
    std::fs::remove_file(&team).unwrap();
    let out = run_in(d, &["search", "rolling"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("was not loaded"));
    assert!(ok(d, &["pack", "list"]).contains("not loaded: cannot be read"));
}

#[test]
fn a_broken_personal_pack_is_kept_aside_and_opsdeck_starts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("mine.ron"), b"(version: 1, entries: [(id: ").unwrap();
    let out = run_in(d, &["search", "rolling", "--limit", "1"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("your own entries") && err.contains("kept as"),
        "{err}"
    );
    let aside = std::fs::read_dir(d)
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("mine.ron.broken-")
        })
        .expect("kept aside");
    assert_eq!(
        std::fs::read(aside.path()).unwrap(),
        b"(version: 1, entries: [(id: "
    );
    // New entries go to a fresh pack.
    ok(
        d,
        &[
            "entry",
            "new",
            "--title",
            "After",
            "--summary",
            "A fresh start.",
        ],
    );
    assert_eq!(ok(d, &["entry", "list"]), "after\tconcept\tAfter\n");
}

#[test]
fn killed_entry_writers_leave_a_pack_that_parses_with_every_acknowledged_entry() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut children = Vec::new();
    for i in 0..30 {
        let child = Command::new(bin())
            .env("OPSDECK_DATA_DIR", d)
            .args([
                "entry",
                "new",
                "--title",
                &format!("Writer {i}"),
                "--summary",
                "Written under fire.",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        children.push(child);
    }
    // Kill every third one as soon as it has started.
    std::thread::sleep(std::time::Duration::from_millis(15));
    for (i, c) in children.iter_mut().enumerate() {
        if i % 3 == 0 {
            let _ = c.kill();
        }
    }
    let mut acknowledged = Vec::new();
    for c in children {
        let out = c.wait_with_output().unwrap();
        if out.status.success() {
            acknowledged.push(String::from_utf8(out.stdout).unwrap().trim().to_owned());
        }
    }
    let text = std::fs::read_to_string(d.join("mine.ron")).unwrap();
    let mine: MyEntries = ron::from_str(&text).expect("mine.ron parses after the kills");
    for id in &acknowledged {
        assert!(
            mine.entries.iter().any(|e| &e.id == id),
            "{id} was acknowledged but is missing"
        );
    }
    assert!(
        acknowledged.len() >= 15,
        "{} of 30 finished",
        acknowledged.len()
    );
    eprintln!(
        "{} entry writers acknowledged, all on disk",
        acknowledged.len()
    );
}
