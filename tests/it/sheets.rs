//! Cheat-sheets through the CLI: round trips, exports, sharing, corrupt files and crashes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use opsdeck::platform::store::parse_user_data;

use crate::util::{stderr, stdout};

/// `opsdeck` with its data in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("opsdeck")
        .unwrap()
        .env("OPSDECK_DATA_DIR", dir)
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn sample_sheet(dir: &Path) {
    ok(dir, &["sheet", "new", "Exam eve"]);
    ok(
        dir,
        &[
            "sheet",
            "add",
            "Exam eve",
            "rolling",
            "pilot-light",
            "kinesis-retention",
            "opsworks-stacks",
        ],
    );
    ok(dir, &["note", "rolling", "Capacity drops by one batch."]);
}

#[test]
fn sheet_commands_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample_sheet(d);
    assert_eq!(ok(d, &["sheet", "list"]), "Exam eve\t4\n");
    assert_eq!(
        ok(d, &["sheet", "show", "Exam eve"]),
        "rolling\npilot-light\nkinesis-retention\nopsworks-stacks\n"
    );
    ok(d, &["sheet", "remove", "Exam eve", "pilot-light"]);
    ok(d, &["sheet", "rename", "Exam eve", "Night before"]);
    assert_eq!(ok(d, &["sheet", "list"]), "Night before\t3\n");
    let data = parse_user_data(&std::fs::read(d.join("user.ron")).unwrap()).unwrap();
    assert_eq!(data.notes["rolling"], "Capacity drops by one batch.");
    ok(d, &["note", "rolling", ""]);
    let data = parse_user_data(&std::fs::read(d.join("user.ron")).unwrap()).unwrap();
    assert!(data.notes.is_empty(), "an empty note removes it");
    ok(d, &["sheet", "delete", "Night before"]);
    assert_eq!(ok(d, &["sheet", "list"]), "");
}

#[test]
fn sheet_errors_are_clear_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample_sheet(d);
    let before = std::fs::read(d.join("user.ron")).unwrap();
    for (args, needle) in [
        (vec!["sheet", "new", "Exam eve"], "already exists"),
        (
            vec!["sheet", "add", "Exam eve", "rolling", "no-such-entry"],
            "no entry has the id \"no-such-entry\"",
        ),
        (
            vec!["sheet", "add", "Nope", "rolling"],
            "no sheet is named \"Nope\"",
        ),
        (
            vec!["sheet", "remove", "Exam eve", "immutable"],
            "is not on the sheet",
        ),
        (vec!["note", "no-such-entry", "x"], "no entry has the id"),
        (vec!["export", "Nope"], "no sheet is named"),
    ] {
        let out = run_in(d, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(
        std::fs::read(d.join("user.ron")).unwrap(),
        before,
        "failed commands wrote nothing"
    );
}

/// Compares `actual` with a checked-in expected file; `UPDATE_SNAPSHOTS=true` rewrites it.
fn check_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "true") {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_SNAPSHOTS=true", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from the snapshot (UPDATE_SNAPSHOTS=true to accept)"
    );
}

#[test]
fn exports_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample_sheet(d);
    check_snapshot(
        "export-exam-eve.md",
        &ok(d, &["export", "Exam eve", "--format", "md"]),
    );
    let html = ok(d, &["export", "Exam eve", "--format", "html"]);
    check_snapshot("export-exam-eve.html", &html);
    assert!(html.contains("@media print") && html.contains("prefers-color-scheme: dark"));
    assert!(
        !html.contains("<link") && !html.contains("<script") && !html.contains("src="),
        "self-contained"
    );
}

#[test]
fn html_export_escapes_hostile_notes_and_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["sheet", "new", "<script>x</script>"]);
    ok(d, &["sheet", "add", "<script>x</script>", "rolling"]);
    ok(
        d,
        &[
            "note",
            "rolling",
            "<script>alert(1)</script><img src=x onerror=alert(2)>",
        ],
    );
    let html = ok(d, &["export", "<script>x</script>", "--format", "html"]);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
    );
    let md = ok(d, &["export", "<script>x</script>"]);
    assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
}

#[test]
fn export_to_an_unwritable_path_fails_cleanly_without_a_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample_sheet(d);
    let target = d.join("missing-dir").join("sheet.html");
    let out = run_in(
        d,
        &[
            "export",
            "Exam eve",
            "--format",
            "html",
            "--out",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot be written"),
        "{}",
        stderr(&out)
    );
    assert!(!target.exists());
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().contains(".tmp")),
        "{leftovers:?}"
    );
    let ok_path = d.join("sheet.html");
    ok(
        d,
        &[
            "export",
            "Exam eve",
            "--format",
            "html",
            "--out",
            ok_path.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read_to_string(ok_path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn sharing_round_trips_and_bad_imports_change_nothing() {
    let alice = tempfile::tempdir().unwrap();
    let bob = tempfile::tempdir().unwrap();
    sample_sheet(alice.path());
    let shared = alice.path().join("exam.opsdeck.ron");
    ok(
        alice.path(),
        &[
            "export",
            "Exam eve",
            "--format",
            "ron",
            "--out",
            shared.to_str().unwrap(),
        ],
    );
    assert_eq!(
        ok(bob.path(), &["import", shared.to_str().unwrap()]),
        "imported as Exam eve\nthe file has notes from its sharer on: rolling (not added: add --with-notes to take those on entries where you have none)\n"
    );
    assert!(
        !ok(bob.path(), &["export", "Exam eve"]).contains("Capacity drops"),
        "the sharer's note was offered, not added"
    );
    assert_eq!(
        ok(bob.path(), &["sheet", "show", "Exam eve"]),
        ok(alice.path(), &["sheet", "show", "Exam eve"])
    );
    assert_eq!(
        ok(
            bob.path(),
            &["import", shared.to_str().unwrap(), "--with-notes"]
        ),
        "imported as Exam eve (2)\ntook the sharer's notes on: rolling\n"
    );
    assert!(
        ok(bob.path(), &["export", "Exam eve (2)"]).contains("Capacity drops"),
        "--with-notes takes the sharer's note where Bob had none"
    );
    ok(bob.path(), &["note", "rolling", "Bob's own words"]);
    let third = ok(
        bob.path(),
        &["import", shared.to_str().unwrap(), "--with-notes"],
    );
    assert!(
        third.contains("you have your own notes there, which were kept"),
        "{third}"
    );
    assert!(
        ok(bob.path(), &["export", "Exam eve (3)"]).contains("Bob's own words"),
        "a note never overwrites yours"
    );
    let before = std::fs::read(bob.path().join("user.ron")).unwrap();
    let garbage = bob.path().join("garbage.ron");
    std::fs::write(&garbage, "(version: 1, sheet: (name: \"x\", entries: [").unwrap();
    let big = bob.path().join("big.ron");
    std::fs::write(&big, vec![b' '; 5 * 1024 * 1024]).unwrap();
    let unknown = bob.path().join("unknown.ron");
    std::fs::write(
        &unknown,
        "(version: 1, sheet: (name: \"x\", entries: [\"not-an-entry\"]))",
    )
    .unwrap();
    for (file, needle) in [
        (&garbage, "garbage.ron:1:"),
        (&big, "larger than 4 MiB"),
        (&unknown, "lacks: not-an-entry"),
    ] {
        let out = run_in(bob.path(), &["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read(bob.path().join("user.ron")).unwrap(),
        before,
        "failed imports change nothing"
    );
}

#[test]
fn a_corrupt_user_file_is_kept_aside_and_work_goes_on() {
    for (what, content) in [
        (
            "truncated",
            b"(version: 1, sheets: [(name: \"Exam eve\", entries: [\"rolling\"".to_vec(),
        ),
        ("garbage", vec![0x00, 0xff, 0x13, 0x37, b'(', b'x']),
        ("version 0", b"(version: 0, sheets: [])".to_vec()),
        ("empty", Vec::new()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("user.ron"), &content).unwrap();
        let out = run_in(d, &["sheet", "list"]);
        assert!(out.status.success(), "{what}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("could not be read") && err.contains("user.ron.broken-"),
            "{what}: {err}"
        );
        let kept: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("user.ron.broken-")
            })
            .collect();
        assert_eq!(kept.len(), 1, "{what}");
        assert_eq!(
            std::fs::read(&kept[0]).unwrap(),
            content,
            "{what}: the broken file is kept byte for byte"
        );
        // The CLI keeps working and writes a fresh file.
        ok(d, &["sheet", "new", "Fresh"]);
        assert_eq!(ok(d, &["sheet", "list"]), "Fresh\t0\n");
    }
}

#[test]
fn killing_writers_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample_sheet(d);
    let bin = assert_cmd::cargo::cargo_bin("opsdeck");
    let long_note = "x".repeat(200_000);
    let mut killed_while_running = 0;
    for i in 0..120u64 {
        let text = format!("{i} {long_note}");
        let mut child = Command::new(&bin)
            .env("OPSDECK_DATA_DIR", d)
            .args([
                "note",
                "rolling",
                &text[..(i as usize * 1_500) % 20_000 + 10],
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(500 + (i * 7_919) % 25_000));
        if child.try_wait().unwrap().is_none() {
            killed_while_running += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let bytes = std::fs::read(d.join("user.ron")).unwrap();
        let data = parse_user_data(&bytes).unwrap_or_else(|e| panic!("kill {i}: torn file: {e}"));
        assert_eq!(data.sheets.len(), 1, "kill {i}");
    }
    eprintln!("killed {killed_while_running} of 120 writers while they were running");
    // A lock left by a killed writer does not block the next one.
    ok(d, &["note", "pilot-light", "after the kills"]);
    assert!(
        killed_while_running >= 30,
        "only {killed_while_running} kills landed mid-run"
    );
}

#[test]
fn concurrent_writers_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["sheet", "new", "Shared"]);
    let bin = assert_cmd::cargo::cargo_bin("opsdeck");
    let ids = [
        "rolling",
        "immutable",
        "blue-green",
        "canary",
        "linear",
        "pilot-light",
        "warm-standby",
        "rto",
    ];
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            Command::new(&bin)
                .env("OPSDECK_DATA_DIR", d)
                .args(["sheet", "add", "Shared", id])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let shown = ok(d, &["sheet", "show", "Shared"]);
    let mut got: Vec<&str> = shown.lines().collect();
    got.sort_unstable();
    let mut want = ids.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "every writer's entry is kept");
}
