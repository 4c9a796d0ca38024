//! The user-data store under attack: killed and concurrent writers, planted locks and links,
//! read-only directories and files from a newer OpsDeck. Every check is about what the user
//! cares for: a change that was reported done is on disk, and nothing else was touched.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use opsdeck::model::KnowledgeBase;
use opsdeck::model::sheets::{SheetError, UserData};
use opsdeck::platform::store::{Store, StoreError, UpdateError, parse_user_data};
use opsdeck::platform::{Access, write_atomic};

use crate::util::{stderr, stdout};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("opsdeck")
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir)
        .args(args)
        .output()
        .unwrap()
}

fn spawn_in(dir: &Path, args: &[String]) -> Child {
    Command::new(bin())
        .env("OPSDECK_DATA_DIR", dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A small deterministic random source (xorshift), seeded per run so failures can be told
/// apart but never depend on a crate.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1;
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What one writer was asked to do.
#[derive(Clone)]
enum Write {
    Note(String, String),
    Add(String),
}

fn load(dir: &Path) -> UserData {
    parse_user_data(&std::fs::read(dir.join("user.ron")).unwrap()).unwrap()
}

/// Runs `writers` concurrent CLI writers in `dir`, killing about a third of them at random
/// moments, and returns (acknowledged, killed) after checking that every acknowledged write
/// is on disk.
fn kill_writers(dir: &Path, writers: usize, plant_stale_locks: bool) -> (usize, usize) {
    let kb = KnowledgeBase::builtin();
    let ids: Vec<&str> = kb
        .entries()
        .iter()
        .map(|e| e.id.as_str())
        .take(writers)
        .collect();
    assert_eq!(ids.len(), writers, "enough distinct entries");
    let out = run_in(dir, &["sheet", "new", "S"]);
    assert!(out.status.success(), "{}", stderr(&out));
    if plant_stale_locks {
        // A dead process's id in both the lock file this version uses and the one older
        // versions used: the kernel lock never looks at either.
        std::fs::write(dir.join("opsdeck.lock"), "999999").unwrap();
        std::fs::write(dir.join("user.ron.lock"), "999999").unwrap();
    }
    let mut rng = Rng::new();
    let jobs: Vec<Write> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            if i % 2 == 0 {
                Write::Note((*id).to_owned(), format!("note from writer {i}"))
            } else {
                Write::Add((*id).to_owned())
            }
        })
        .collect();
    let mut children: Vec<(Child, Write, Option<Duration>)> = jobs
        .iter()
        .map(|job| {
            let args: Vec<String> = match job {
                Write::Note(id, text) => vec!["note".into(), id.clone(), text.clone()],
                Write::Add(id) => vec!["sheet".into(), "add".into(), "S".into(), id.clone()],
            };
            let kill_after = (rng.below(3) == 0).then(|| Duration::from_millis(rng.below(40)));
            (spawn_in(dir, &args), job.clone(), kill_after)
        })
        .collect();
    let start = Instant::now();
    let mut killed = 0;
    loop {
        let mut pending = false;
        for (child, _, kill_after) in &mut children {
            if let Some(after) = *kill_after
                && start.elapsed() >= after
            {
                if child.try_wait().unwrap().is_none() {
                    let _ = child.kill();
                    killed += 1;
                }
                *kill_after = None;
            }
            pending |= kill_after.is_some();
        }
        if !pending {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut acknowledged = Vec::new();
    for (mut child, job, _) in children {
        let status = child.wait().unwrap();
        if status.success() {
            acknowledged.push(job);
        }
    }
    let data = load(dir);
    let mut lost = Vec::new();
    for job in &acknowledged {
        let there = match job {
            Write::Note(id, text) => data.notes.get(id) == Some(text),
            Write::Add(id) => data.sheet("S").is_some_and(|s| s.entries.contains(id)),
        };
        if !there {
            lost.push(match job {
                Write::Note(id, _) => format!("note on {id}"),
                Write::Add(id) => format!("{id} on S"),
            });
        }
    }
    assert!(
        lost.is_empty(),
        "{} acknowledged writes lost (of {}): {lost:?}",
        lost.len(),
        acknowledged.len()
    );
    (acknowledged.len(), killed)
}

/// `OPSDECK_STRESS_ROUNDS` (default 1) repeats each case with a fresh directory;
/// `scripts/stress-store.sh` uses it for the long run.
#[test]
fn every_acknowledged_write_survives_killed_and_concurrent_writers() {
    let rounds: usize = std::env::var("OPSDECK_STRESS_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for (round, plant) in (0..rounds).flat_map(|r| [(r, false), (r, true)]) {
        let dir = tempfile::tempdir().unwrap();
        let (acknowledged, killed) = kill_writers(dir.path(), 40, plant);
        assert!(acknowledged >= 10, "most writers finish ({acknowledged})");
        eprintln!(
            "STRESS round {round}, stale lock planted: {plant}; 40 writers, {acknowledged} acknowledged, {killed} killed, 0 acknowledged writes lost"
        );
        // The next write cleans up after the killed ones.
        let out = run_in(dir.path(), &["note", "rolling", "last"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let leftovers: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
        assert!(
            dir.path().join("opsdeck.lock").exists(),
            "the lock file is never deleted"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_planted_link_under_the_old_temporary_name_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let pid = std::process::id();
    // Exports: the name older versions used for the temporary file of out.html.
    std::os::unix::fs::symlink(&victim, shared.join(format!(".out.html.tmp-{pid}"))).unwrap();
    let out = shared.join("out.html");
    write_atomic(&out, b"<html>sheet</html>", Access::Shared).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        !std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "<html>sheet</html>");
    // Saves of user.ron: the same trick on the data directory.
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&victim, data.join(format!(".user.ron.tmp-{pid}"))).unwrap();
    let store = Store::new(&data);
    store
        .update::<UserData, _, SheetError>(|d| d.new_sheet("S"))
        .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        !std::fs::symlink_metadata(store.path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load(&data).sheets[0].name, "S");
}

#[cfg(unix)]
#[test]
fn user_ron_as_a_link_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("synced");
    let data = dir.path().join("data");
    std::fs::create_dir(&real_dir).unwrap();
    std::fs::create_dir(&data).unwrap();
    let store = Store::new(&data);
    let target = real_dir.join("opsdeck-user.ron");
    std::os::unix::fs::symlink(&target, store.path()).unwrap();
    let out = run_in(&data, &["sheet", "new", "Linked"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_in(&data, &["sheet", "add", "Linked", "rolling"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(store.path())
            .unwrap()
            .file_type()
            .is_symlink(),
        "user.ron is still a link"
    );
    let data_there = parse_user_data(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(data_there.sheets[0].entries, ["rolling"]);
}

/// Makes a directory read-only for this process. Root ignores permission bits, so as root
/// the directory is made immutable (`chattr +i`); the guard undoes it.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn make(dir: &Path) -> ReadOnly {
        let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
        if root {
            let ok = Command::new("chattr").arg("+i").arg(dir).status();
            assert!(
                ok.is_ok_and(|s| s.success()),
                "running as root, the test needs `chattr +i` to make {} read-only",
                dir.display()
            );
        } else {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        ReadOnly(dir.to_path_buf())
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_reads_fine_and_writes_fail_with_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in [
        vec!["sheet", "new", "Exam eve"],
        vec!["sheet", "add", "Exam eve", "rolling", "pilot-light"],
        vec!["note", "rolling", "Capacity drops by one batch."],
    ] {
        assert!(run_in(d, &args).status.success());
    }
    // No lock file yet: a reader must not need one.
    let _ = std::fs::remove_file(d.join("opsdeck.lock"));
    let before = std::fs::read(d.join("user.ron")).unwrap();
    let guard = ReadOnly::make(d);
    let list = run_in(d, &["sheet", "list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(stdout(&list), "Exam eve\t2\n");
    let show = run_in(d, &["sheet", "show", "Exam eve"]);
    assert_eq!(stdout(&show), "rolling\npilot-light\n");
    let export = run_in(d, &["export", "Exam eve", "--format", "md"]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(stdout(&export).contains("Capacity drops by one batch."));
    for args in [
        vec!["sheet", "new", "Another"],
        vec!["note", "immutable", "x"],
        vec!["sheet", "delete", "Exam eve"],
    ] {
        let out = run_in(d, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "one message: {err}");
        assert!(err.contains("is read-only, so nothing was saved"), "{err}");
        assert!(
            !err.contains("os error"),
            "in words a user understands: {err}"
        );
    }
    drop(guard);
    assert_eq!(std::fs::read(d.join("user.ron")).unwrap(), before);
}

#[test]
fn a_file_from_a_newer_opsdeck_survives_every_command_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let newer = "(version: 99, sheets: [(name: \"Future\", entries: [\"rolling\"], colour: \"teal\")], study: (cards: []))\n";
    std::fs::write(d.join("user.ron"), newer).unwrap();
    let shared = d.join("shared.ron");
    std::fs::write(
        &shared,
        "(version: 1, sheet: (name: \"X\", entries: [\"rolling\"]))",
    )
    .unwrap();
    let shared = shared.to_str().unwrap().to_owned();
    for args in [
        vec!["sheet", "list"],
        vec!["sheet", "show", "Future"],
        vec!["sheet", "new", "Now"],
        vec!["sheet", "add", "Future", "immutable"],
        vec!["sheet", "remove", "Future", "rolling"],
        vec!["sheet", "rename", "Future", "Past"],
        vec!["sheet", "delete", "Future"],
        vec!["note", "rolling", "x"],
        vec!["export", "Future", "--format", "html"],
        vec!["import", shared.as_str()],
    ] {
        let out = run_in(d, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("newer OpsDeck") && err.contains("left untouched"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(d.join("user.ron")).unwrap(),
            newer,
            "{args:?}"
        );
    }
    let aside = std::fs::read_dir(d)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("broken")
        })
        .count();
    assert_eq!(aside, 0, "a newer file is never moved aside");
}

#[test]
fn a_writer_waits_for_the_lock_and_then_keeps_the_other_change() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let kb = KnowledgeBase::builtin();
    store
        .update::<UserData, _, SheetError>(|d| d.new_sheet("S"))
        .unwrap();
    // One writer holds the lock while a second one (another process) starts.
    let held = store.update::<UserData, _, SheetError>(|d| {
        let mut child = Command::new(bin())
            .env("OPSDECK_DATA_DIR", dir.path())
            .args(["sheet", "add", "S", "immutable"])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        if let Err(e) = d.add("S", &["rolling"], &kb) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(e);
        }
        Ok(child)
    });
    let mut child = held.unwrap().value;
    assert!(child.wait().unwrap().success());
    let data = load(dir.path());
    assert_eq!(data.sheet("S").unwrap().entries, ["rolling", "immutable"]);
}

#[test]
fn a_refused_change_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store
        .update::<UserData, _, SheetError>(|d| d.new_sheet("S"))
        .unwrap();
    let before = std::fs::read(store.path()).unwrap();
    let result = store.update::<UserData, (), SheetError>(|d| {
        d.sheets.clear();
        Err(SheetError::BadName)
    });
    assert!(matches!(
        result,
        Err(UpdateError::Change(SheetError::BadName))
    ));
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
    let missing = Store::new(dir.path().join("no/such/dir"));
    assert!(missing.load::<UserData>().unwrap().data.sheets.is_empty());
    let _: Option<StoreError> = None;
}
