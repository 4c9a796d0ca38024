//! User data on disk: versioned RON documents in the data directory (`user.ron` for sheets,
//! notes and stars, and later others), never lost, never overwritten by something broken, and
//! shared safely between a running window and any number of CLI processes.
//!
//! - **Writes** ([`Store::update`]) take an exclusive advisory lock from the kernel (`flock`)
//!   on `opsdeck.lock`, a file that is never deleted; the kernel releases it when its owner
//!   exits or dies, so there is no stale lock to take over. Under the lock the document is read
//!   again (so another process's change is kept), changed, and written atomically (a temporary
//!   file with a random name created exclusively, synced, renamed, directory synced). The call
//!   returns only after the rename is on disk: a change that was reported is never lost.
//! - **Reads** ([`Store::load`]) take no lock: writes are atomic renames, so a reader sees the
//!   old file or the new one. A read-only data directory reads fine.
//! - **Versions**: the format version is read before the body. A file from a newer OpsDeck is
//!   left untouched, byte for byte, and writes are refused until OpsDeck is updated. A file
//!   that cannot be read at all is moved aside as `NAME.broken-<time>` and the user is told.

use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::atomic::{Access, TEMP_SUFFIX, write_atomic};
use crate::model::sheets::{SCHEMA_VERSION, UserData};

mod shared;
pub use shared::{SharedFileError, read_shared};

mod errors;
pub use errors::{StoreError, Trouble};

/// The largest document read (64 MiB).
pub const MAX_USER_FILE: u64 = 64 * 1024 * 1024;
/// How long a writer waits for another process's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// The lock file: never deleted, only locked.
const LOCK_FILE: &str = "opsdeck.lock";

/// A versioned document kept in the data directory.
pub trait Document: Serialize + DeserializeOwned + Default {
    /// Its file name in the data directory, e.g. `user.ron`.
    const FILE: &'static str;
    /// The format version this build writes and reads up to.
    const VERSION: u32;
    /// What it holds, for messages: "your sheets, notes and stars".
    const WHAT: &'static str;
    /// The version recorded in the document.
    fn version(&self) -> u32;
    /// Records the version before writing.
    fn set_version(&mut self, version: u32);
}

/// Implements [`Document`] for a type with a `version: u32` field.
macro_rules! document {
    ($type:ty, $file:literal, $version:expr, $what:literal) => {
        impl Document for $type {
            const FILE: &'static str = $file;
            const VERSION: u32 = $version;
            const WHAT: &'static str = $what;
            fn version(&self) -> u32 {
                self.version
            }
            fn set_version(&mut self, version: u32) {
                self.version = version;
            }
        }
    };
}

document!(
    UserData,
    "user.ron",
    SCHEMA_VERSION,
    "your sheets, notes and stars"
);
document!(
    crate::model::study::log::StudyLog,
    "study.ron",
    crate::model::study::log::STUDY_VERSION,
    "your study history and card schedule"
);
document!(
    crate::model::mine::MyEntries,
    "mine.ron",
    crate::model::mine::MINE_VERSION,
    "your own entries"
);
document!(
    crate::model::mine::PackList,
    "packs.ron",
    crate::model::mine::PACKS_VERSION,
    "the list of packs you added"
);

/// A cheap fingerprint of a file on disk, to notice changes made by another process: every
/// save is a rename, which gives the file a new inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }
}

/// What loading found.
#[derive(Debug)]
pub struct Loaded<D> {
    /// The document (empty when there was no file or it could not be used).
    pub data: D,
    /// What was wrong, if anything.
    pub trouble: Option<Trouble>,
    /// The file's fingerprint (`None` when there is no file).
    pub stamp: Option<Stamp>,
}

/// The result of a successful [`Store::update`].
#[derive(Debug)]
pub struct Updated<D, T> {
    /// The document as saved.
    pub data: D,
    /// What the change returned.
    pub value: T,
    /// What was wrong with the file before the change (a broken file moved aside).
    pub trouble: Option<Trouble>,
    /// The saved file's fingerprint.
    pub stamp: Option<Stamp>,
}

/// Why an update failed: the store, or the change itself.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError<E> {
    /// Reading, locking or writing failed; nothing was changed.
    #[error(transparent)]
    Store(StoreError),
    /// The change refused; nothing was written.
    #[error(transparent)]
    Change(E),
}

/// The documents in one data directory.
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

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of a document.
    pub fn path_of<D: Document>(&self) -> PathBuf {
        self.dir.join(D::FILE)
    }

    /// The user data file (`user.ron`).
    pub fn path(&self) -> PathBuf {
        self.path_of::<UserData>()
    }

    /// The document's current fingerprint, without reading it (`None`: no file).
    pub fn stamp<D: Document>(&self) -> Option<Stamp> {
        std::fs::metadata(self.path_of::<D>())
            .ok()
            .map(|m| Stamp::of(&m))
    }

    /// Whether a write could succeed now: the directory exists (or can be made) and the lock
    /// file can be opened for writing. Nothing of the user's is changed.
    pub fn writable(&self) -> bool {
        self.lock_file().is_ok()
    }

    /// Reads a document without locking. A file that cannot be read is moved aside (under
    /// the lock, after checking again) when the directory allows it.
    pub fn load<D: Document>(&self) -> Result<Loaded<D>, StoreError> {
        match self.read::<D>()? {
            Read::Missing => Ok(Loaded {
                data: D::default(),
                trouble: None,
                stamp: None,
            }),
            Read::Good(data, stamp) => Ok(Loaded {
                data,
                trouble: None,
                stamp: Some(stamp),
            }),
            Read::Newer(found, stamp) => Ok(Loaded {
                data: D::default(),
                trouble: Some(Trouble::Newer { found }),
                stamp: Some(stamp),
            }),
            Read::Broken(why) => {
                let Ok(_lock) = self.lock() else {
                    return Ok(Loaded {
                        data: D::default(),
                        trouble: Some(Trouble::Unreadable { why }),
                        stamp: self.stamp::<D>(),
                    });
                };
                self.load_locked::<D>()
            }
        }
    }

    /// Applies `change` to the freshest copy of the document and saves the result
    /// atomically. When `change` fails, or the file is newer than this build, nothing is
    /// written. Returns only once the new file is on disk.
    pub fn update<D: Document, T, E>(
        &self,
        change: impl FnOnce(&mut D) -> Result<T, E>,
    ) -> Result<Updated<D, T>, UpdateError<E>> {
        let _lock = self.lock().map_err(UpdateError::Store)?;
        let Loaded {
            mut data, trouble, ..
        } = self.load_locked::<D>().map_err(UpdateError::Store)?;
        if let Some(Trouble::Newer { found }) = trouble {
            return Err(UpdateError::Store(StoreError::Newer {
                file: self.path_of::<D>(),
                found,
                supported: D::VERSION,
            }));
        }
        if let Some(Trouble::Unreadable { .. }) = trouble {
            return Err(UpdateError::Store(StoreError::ReadOnly {
                dir: self.dir.clone(),
            }));
        }
        let value = change(&mut data).map_err(UpdateError::Change)?;
        data.set_version(D::VERSION);
        let text =
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default()).map_err(|e| {
                UpdateError::Store(StoreError::Io {
                    path: self.path_of::<D>(),
                    action: "turn the data into text",
                    source: std::io::Error::other(e),
                })
            })?;
        self.clean_leftovers::<D>();
        write_atomic(&self.path_of::<D>(), text.as_bytes(), Access::Private)
            .map_err(|e| UpdateError::Store(self.write_error::<D>(e)))?;
        Ok(Updated {
            data,
            value,
            trouble,
            stamp: self.stamp::<D>(),
        })
    }

    /// Reads under the lock, moving a broken file aside.
    fn load_locked<D: Document>(&self) -> Result<Loaded<D>, StoreError> {
        match self.read::<D>()? {
            Read::Missing => Ok(Loaded {
                data: D::default(),
                trouble: None,
                stamp: None,
            }),
            Read::Good(data, stamp) => Ok(Loaded {
                data,
                trouble: None,
                stamp: Some(stamp),
            }),
            Read::Newer(found, stamp) => Ok(Loaded {
                data: D::default(),
                trouble: Some(Trouble::Newer { found }),
                stamp: Some(stamp),
            }),
            Read::Broken(why) => {
                let path = self.path_of::<D>();
                let aside = self.dir.join(format!("{}.broken-{}", D::FILE, timestamp()));
                match std::fs::rename(&path, &aside) {
                    Ok(()) => Ok(Loaded {
                        data: D::default(),
                        trouble: Some(Trouble::MovedAside { aside, why }),
                        stamp: None,
                    }),
                    Err(_) => Ok(Loaded {
                        data: D::default(),
                        trouble: Some(Trouble::Unreadable { why }),
                        stamp: self.stamp::<D>(),
                    }),
                }
            }
        }
    }

    fn read<D: Document>(&self) -> Result<Read<D>, StoreError> {
        use std::io::Read as _;
        let path = self.path_of::<D>();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Read::Missing),
            Err(source) => {
                return Err(StoreError::Io {
                    path,
                    action: "read it",
                    source,
                });
            }
        };
        let stamp = file
            .metadata()
            .map(|m| Stamp::of(&m))
            .map_err(|source| StoreError::Io {
                path: path.clone(),
                action: "read it",
                source,
            })?;
        let mut bytes = Vec::new();
        file.take(MAX_USER_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| StoreError::Io {
                path,
                action: "read it",
                source,
            })?;
        Ok(match parse_document::<D>(&bytes) {
            Ok(data) => Read::Good(data, stamp),
            Err(Unusable::Newer(found)) => Read::Newer(found, stamp),
            Err(Unusable::Broken(why)) => Read::Broken(why),
        })
    }

    fn lock_file(&self) -> Result<File, StoreError> {
        let io = |path: &Path, source: std::io::Error| {
            if is_read_only(&source) {
                StoreError::ReadOnly {
                    dir: self.dir.clone(),
                }
            } else {
                StoreError::Io {
                    path: path.to_path_buf(),
                    action: "create it",
                    source,
                }
            }
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| io(&self.dir, e))?;
        let path = self.dir.join(LOCK_FILE);
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| io(&path, e))
    }

    /// Takes the exclusive lock, waiting for another process for up to [`LOCK_WAIT`]. The
    /// lock is released when the returned file is dropped, or by the kernel if this process
    /// dies first.
    fn lock(&self) -> Result<File, StoreError> {
        let file = self.lock_file()?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) => {
                    if start.elapsed() > LOCK_WAIT {
                        return Err(StoreError::Locked { file: self.path() });
                    }
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(std::fs::TryLockError::Error(source)) => {
                    return Err(StoreError::Io {
                        path: self.dir.join(LOCK_FILE),
                        action: "lock it",
                        source,
                    });
                }
            }
        }
    }

    fn write_error<D: Document>(&self, source: std::io::Error) -> StoreError {
        if is_read_only(&source) {
            StoreError::ReadOnly {
                dir: self.dir.clone(),
            }
        } else if source.kind() == ErrorKind::StorageFull || source.raw_os_error() == Some(28) {
            StoreError::DiskFull {
                dir: self.dir.clone(),
            }
        } else {
            StoreError::Io {
                path: self.path_of::<D>(),
                action: "write it",
                source,
            }
        }
    }

    /// Removes temporary files of writers that were killed before they could rename them.
    /// Only a lock holder creates these, and this one holds the lock, so every one found is
    /// dead. Also removes the fixed-name temporary files of older OpsDeck versions.
    fn clean_leftovers<D: Document>(&self) {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let ours = format!(".{}.", D::FILE);
        let legacy = format!(".{}.tmp-", D::FILE);
        for item in read.flatten() {
            let name = item.file_name();
            let name = name.to_string_lossy();
            if (name.starts_with(&ours) && name.ends_with(TEMP_SUFFIX)) || name.starts_with(&legacy)
            {
                let _ = std::fs::remove_file(item.path());
            }
        }
    }
}

enum Read<D> {
    Missing,
    Good(D, Stamp),
    Newer(u32, Stamp),
    Broken(String),
}

/// Why a document's bytes cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// A newer format, with its version.
    Newer(u32),
    /// Not a document this build can read, with why.
    Broken(String),
}

/// Only the version, read before the body so that a newer file's unknown fields are never
/// mistaken for damage.
#[derive(serde::Deserialize)]
struct VersionOnly {
    #[serde(default)]
    version: u32,
}

/// Parses a document: the version first, then the body.
pub fn parse_document<D: Document>(bytes: &[u8]) -> Result<D, Unusable> {
    if bytes.len() as u64 > MAX_USER_FILE {
        return Err(Unusable::Broken(format!(
            "the file is larger than {} MiB",
            MAX_USER_FILE / 1024 / 1024
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Unusable::Broken("the file is not UTF-8 text".to_owned()))?;
    let position = |e: &ron::error::SpannedError| {
        format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    };
    if let Ok(header) = ron::from_str::<VersionOnly>(text)
        && header.version > D::VERSION
    {
        return Err(Unusable::Newer(header.version));
    }
    let data: D = ron::from_str(text).map_err(|e| Unusable::Broken(position(&e)))?;
    if data.version() == 0 {
        return Err(Unusable::Broken(
            "the file has no format version".to_owned(),
        ));
    }
    Ok(data)
}

/// Parses user data (sheets, notes, stars); kept for tests and tools.
pub fn parse_user_data(bytes: &[u8]) -> Result<UserData, String> {
    parse_document::<UserData>(bytes).map_err(|e| match e {
        Unusable::Newer(v) => format!(
            "the file has format {v} but this OpsDeck reads up to {}",
            UserData::VERSION
        ),
        Unusable::Broken(why) => why,
    })
}

fn is_read_only(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
    )
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

/// The calendar date of a day number counted from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
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
mod tests;
