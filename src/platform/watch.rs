//! Noticing changes to the data directory made by other processes (the CLI, another window),
//! so a window can show them without polling.

use std::path::Path;

use notify::Watcher as _;

/// Keeps a watch alive; dropping it stops watching.
pub struct DirWatch {
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for DirWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DirWatch")
    }
}

/// Calls `on_change` (from another thread) whenever something in `dir` changes. `None` when
/// the directory does not exist yet or the system cannot watch it; callers then rely on a
/// check when the window gains focus and before every write.
pub fn watch_dir(dir: &Path, on_change: impl Fn() + Send + 'static) -> Option<DirWatch> {
    if !dir.is_dir() {
        return None;
    }
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok() {
            on_change();
        }
    })
    .ok()?;
    watcher
        .watch(dir, notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some(DirWatch { _watcher: watcher })
}
