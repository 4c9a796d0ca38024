//! User data on disk: `user.ron` in the data directory, written atomically, never overwritten
//! by something broken, and shared safely between a running window and the CLI.
//!
//! - Every change is made by [`Store::update`]: take the lock file, re-read the file (so a
//!   change another OpsDeck process made meanwhile is kept), apply the change, write a
//!   temporary file, sync it, rename it over `user.ron`, release the lock.
//! - A file that cannot be read as user data (truncated, garbage, a newer format) is moved
//!   aside as `user.ron.broken-<timestamp>` and the user is told where; OpsDeck then starts
//!   from what it could keep (nothing of that file) instead of failing or overwriting it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::model::sheets::{SCHEMA_VERSION, UserData};
use crate::platform::write_atomic;

/// The largest user-data file read (64 MiB).
pub const MAX_USER_FILE: u64 = 64 * 1024 * 1024;
/// How long to wait for another process's lock.
const LOCK_WAIT: Duration = Duration::from_secs(5);
/// A lock older than this is left over from a crash and is taken over.
const STALE_LOCK: Duration = Duration::from_secs(30);

/// Problems with the user-data store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory or file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// Another OpsDeck process held the lock for too long.
    #[error("{0} is locked by another OpsDeck process; try again in a moment")]
    Locked(String),
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The data (default when there was no file or it was broken).
    pub data: UserData,
    /// Where a broken file was moved, with why it could not be read.
    pub moved_aside: Option<(PathBuf, String)>,
}

/// The user-data file in one directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The store in `OPSDECK_DATA_DIR` or the platform data directory.
    pub fn default_location() -> Option<Store> {
        super::data_dir().map(Store::new)
    }

    /// The data file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("user.ron")
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join("user.ron.lock")
    }

    /// Reads the data; a broken file is moved aside (under the lock) and reported.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        if !self.path().exists() {
            return Ok(Loaded::default());
        }
        let _lock = self.lock()?;
        self.load_locked()
    }

    fn load_locked(&self) -> Result<Loaded, StoreError> {
        let path = self.path();
        let io = |source| StoreError::Io {
            path: path.display().to_string(),
            source,
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(io(e)),
        };
        match parse_user_data(&bytes) {
            Ok(data) => Ok(Loaded {
                data,
                moved_aside: None,
            }),
            Err(why) => {
                let aside = self.dir.join(format!("user.ron.broken-{}", timestamp()));
                std::fs::rename(&path, &aside).map_err(io)?;
                Ok(Loaded {
                    data: UserData::default(),
                    moved_aside: Some((aside, why)),
                })
            }
        }
    }

    /// Applies `change` to the freshest data on disk and saves the result atomically.
    /// When `change` fails nothing is written. Returns the saved data, what `change`
    /// returned, and any broken file that was moved aside on the way.
    pub fn update<T, E>(
        &self,
        change: impl FnOnce(&mut UserData) -> Result<T, E>,
    ) -> Result<Updated<T>, UpdateError<E>> {
        std::fs::create_dir_all(&self.dir).map_err(|source| {
            UpdateError::Store(StoreError::Io {
                path: self.dir.display().to_string(),
                source,
            })
        })?;
        let _lock = self.lock().map_err(UpdateError::Store)?;
        let Loaded {
            mut data,
            moved_aside,
        } = self.load_locked().map_err(UpdateError::Store)?;
        let value = change(&mut data).map_err(UpdateError::Change)?;
        data.version = SCHEMA_VERSION;
        let text =
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default()).map_err(|e| {
                UpdateError::Store(StoreError::Io {
                    path: self.path().display().to_string(),
                    source: std::io::Error::other(e),
                })
            })?;
        write_atomic(&self.path(), text.as_bytes()).map_err(|source| {
            UpdateError::Store(StoreError::Io {
                path: self.path().display().to_string(),
                source,
            })
        })?;
        Ok(Updated {
            data,
            value,
            moved_aside,
        })
    }

    /// Takes the lock file, waiting for another process and taking over a stale lock.
    fn lock(&self) -> Result<LockGuard, StoreError> {
        let path = self.lock_path();
        let start = Instant::now();
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    use std::io::Write as _;
                    // The owner's process id lets others tell a crashed owner from a busy one.
                    let _ = write!(file, "{}", std::process::id());
                    return Ok(LockGuard { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let old = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > STALE_LOCK);
                    let stale = old || owner_is_gone(&path);
                    if stale {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > LOCK_WAIT {
                        return Err(StoreError::Locked(self.path().display().to_string()));
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(source) if source.kind() == std::io::ErrorKind::NotFound => {
                    // The directory does not exist yet: nothing to lock against.
                    std::fs::create_dir_all(&self.dir).map_err(|source| StoreError::Io {
                        path: self.dir.display().to_string(),
                        source,
                    })?;
                }
                Err(source) => {
                    return Err(StoreError::Io {
                        path: path.display().to_string(),
                        source,
                    });
                }
            }
        }
    }
}

/// The result of a successful [`Store::update`].
#[derive(Debug)]
pub struct Updated<T> {
    /// The data as saved.
    pub data: UserData,
    /// What the change returned.
    pub value: T,
    /// A broken file moved aside before the change, with why.
    pub moved_aside: Option<(PathBuf, String)>,
}

/// Why an update failed: the store, or the change itself.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    /// Reading, locking or writing failed.
    #[error(transparent)]
    Store(StoreError),
    /// The change refused (nothing was written).
    #[error(transparent)]
    Change(E),
}

/// Whether the process named in a lock file has ended (Linux: no `/proc/<pid>`). A lock
/// without a readable owner counts as alive for a moment (its owner writes the id right after
/// creating it), then as left over by a process killed in between.
fn owner_is_gone(lock: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(lock) else {
        return false;
    };
    let Ok(pid) = text.trim().parse::<u32>() else {
        return std::fs::metadata(lock)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(1));
    };
    if pid == std::process::id() {
        return false;
    }
    cfg!(target_os = "linux") && !Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes the lock file when dropped.
struct LockGuard {
    path: PathBuf,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Parses user data, refusing oversized files and formats newer than this build.
pub fn parse_user_data(bytes: &[u8]) -> Result<UserData, String> {
    if bytes.len() as u64 > MAX_USER_FILE {
        return Err(format!("the file is larger than {MAX_USER_FILE} bytes"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned())?;
    let data: UserData = ron::from_str(text)
        .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
    if data.version > SCHEMA_VERSION {
        return Err(format!(
            "the file has format {} but this OpsDeck reads up to {SCHEMA_VERSION}",
            data.version
        ));
    }
    if data.version == 0 {
        return Err("the file has no format version".to_owned());
    }
    Ok(data)
}

/// Reads a shared-sheet file (capped at 4 MiB).
pub fn read_shared(path: &Path) -> Result<crate::model::sheets::SharedSheet, String> {
    use std::io::Read as _;
    const MAX: u64 = 4 * 1024 * 1024;
    let file = std::fs::File::open(path)
        .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
    if bytes.len() as u64 > MAX {
        return Err(format!(
            "{}: the file is larger than 4 MiB; a shared sheet is much smaller",
            path.display()
        ));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        format!(
            "{}: not a shared OpsDeck sheet (not UTF-8 text)",
            path.display()
        )
    })?;
    ron::from_str(text).map_err(|e| {
        format!(
            "{}:{}:{}: not a shared OpsDeck sheet: {}",
            path.display(),
            e.span.start.line,
            e.span.start.col,
            e.code
        )
    })
}

fn timestamp() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // YYYYMMDD-HHMMSS in UTC, from the civil-from-days algorithm.
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}-{:02}{:02}{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_414), (2025, 11, 22));
    }

    #[test]
    fn refuses_newer_and_versionless_files() {
        assert!(
            parse_user_data(b"(version: 99)")
                .unwrap_err()
                .contains("format 99")
        );
        assert!(parse_user_data(b"(version: 0)").is_err());
        assert!(
            parse_user_data(b"(version: 1, sheets: [(name: \"a\", entries: [\"x\"])])").is_ok()
        );
        assert!(parse_user_data(b"(version: 1, sheets: [(name: \"a\"").is_err());
        assert!(parse_user_data(&[0xff, 0x00]).is_err());
    }
}
