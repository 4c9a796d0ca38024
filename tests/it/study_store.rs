//! The review log under attack: `opsdeck drill` killed with SIGKILL while it answers and
//! saves. Every review the student saw acknowledged (the next question appeared only after
//! the save) must be in the log, and the log must always parse.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use opsdeck::model::study::log::StudyLog;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("opsdeck")
}

fn log_of(dir: &Path) -> StudyLog {
    let text = std::fs::read_to_string(dir.join("study.ron")).unwrap_or_default();
    if text.is_empty() {
        return StudyLog::default();
    }
    ron::from_str(&text).unwrap_or_else(|e| panic!("study.ron does not parse after a kill: {e}"))
}

/// Runs one drill, answering as fast as it asks, and kills it after `after`. Returns how
/// many reviews it acknowledged.
fn killed_drill(dir: &Path, after: Duration) -> usize {
    let mut child = Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir)
        .args(["drill", "--count", "500"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // "A" answers a question (or shows a card's answer); "3" grades a card, or is
        // refused and asked again for a question.
        while stdin.write_all(b"A\n3\n").is_ok() {}
    });
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut shown = 0usize;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("Question ") {
                shown += 1;
            }
        }
        shown
    });
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
    let _ = feeder.join();
    let shown = reader.join().unwrap();
    // Question n appears only once question n-1's review is on disk.
    shown.saturating_sub(1)
}

#[test]
fn killed_drills_never_lose_an_acknowledged_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged = 0;
    let mut runs = 0;
    for i in 0..24u64 {
        let after = Duration::from_millis(20 + (i * 37) % 260);
        acknowledged += killed_drill(dir.path(), after);
        runs += 1;
        let log = log_of(dir.path());
        assert!(
            log.reviews.len() >= acknowledged,
            "run {i}: {} reviews on disk, {acknowledged} acknowledged",
            log.reviews.len()
        );
        assert!(
            log.reviews.len() <= acknowledged + runs,
            "run {i}: at most one unacknowledged review a run may land"
        );
        // Every review's card has a schedule.
        for r in &log.reviews {
            assert!(log.memory.contains_key(&r.id), "{}", r.id);
        }
    }
    assert!(
        acknowledged > 24,
        "the drills got far enough to matter: {acknowledged}"
    );
    // No temporary files are left behind.
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.len() <= 1, "{leftovers:?}");
    eprintln!("{runs} drills killed, {acknowledged} acknowledged reviews, all on disk");
}

/// A corrupt log is kept aside and the student told; a newer one is left alone and nothing
/// is written over it.
#[test]
fn a_broken_or_newer_log_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("study.ron"),
        b"(version: 1, memory: {\"x\": (due: ",
    )
    .unwrap();
    let out = Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir.path())
        .args(["progress"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("study") && err.contains("kept"), "{err}");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("study.ron.broken-")
        })
        .collect();
    assert_eq!(aside.len(), 1, "the broken log is kept");
    assert_eq!(
        std::fs::read(aside[0].path()).unwrap(),
        b"(version: 1, memory: {\"x\": (due: "
    );

    let newer = b"(version: 99, memory: {}, reviews: [], exams: [])";
    std::fs::write(dir.path().join("study.ron"), newer).unwrap();
    let mut child = Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir.path())
        .args(["drill", "--count", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"A\n3\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("study.ron")).unwrap(), newer);
}
