//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

/// The `opsdeck` binary with a private, empty data directory, so tests never touch the user's.
pub fn opsdeck() -> (Command, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::cargo_bin("opsdeck").expect("binary built");
    cmd.env("OPSDECK_DATA_DIR", dir.path());
    (cmd, dir)
}

/// Runs `opsdeck` with arguments and returns its output.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let (mut cmd, _dir) = opsdeck();
    cmd.args(args).output().expect("runs")
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `text` to a new file in a temporary directory.
pub fn temp_file(name: &str, text: &[u8]) -> (PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write temp file");
    (path, dir)
}

/// The ids of `opsdeck search QUERY --limit N`, best first.
pub fn search_ids(query: &str, limit: usize) -> Vec<String> {
    let out = run(["search", query, "--limit", &limit.to_string()]);
    assert!(
        out.status.success(),
        "search {query:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}
