//! What can go wrong with the store, in words a user can act on.

use super::*;

/// Problems with the user-data store, each in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory (or the file) cannot be written.
    #[error(
        "{dir} is read-only, so nothing was saved; make it writable, or set OPSDECK_DATA_DIR to a folder you can write to"
    )]
    ReadOnly {
        /// The data directory.
        dir: PathBuf,
    },
    /// The disk is full.
    #[error("the disk holding {dir} is full, so nothing was saved; free some space and try again")]
    DiskFull {
        /// The data directory.
        dir: PathBuf,
    },
    /// The file was written by a newer OpsDeck.
    #[error(
        "{file} was written by a newer OpsDeck (format {found}; this one reads up to {supported}); it was left untouched and is read-only until you update OpsDeck"
    )]
    Newer {
        /// The document.
        file: PathBuf,
        /// Its format version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// Another process held the lock for too long.
    #[error(
        "{file} is busy: another OpsDeck process has been saving for over {} seconds; nothing was saved, try again",
        LOCK_WAIT.as_secs()
    )]
    Locked {
        /// The document.
        file: PathBuf,
    },
    /// Any other failure of the operating system.
    #[error("{path}: could not {action}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What was being done: "read it", "write it" …
        action: &'static str,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
}

/// Something wrong with a document that loading found and dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The file could not be read; it was moved aside (kept, not deleted) and an empty
    /// document used instead.
    MovedAside {
        /// Where the file is now.
        aside: PathBuf,
        /// Why it could not be read.
        why: String,
    },
    /// The file could not be read and could not be moved aside (read-only directory); it was
    /// left as it is and an empty document used.
    Unreadable {
        /// Why it could not be read.
        why: String,
    },
    /// The file comes from a newer OpsDeck; it was left untouched.
    Newer {
        /// Its format version.
        found: u32,
    },
}

impl Trouble {
    /// One sentence for the user.
    pub fn describe(&self, what: &str, file: &Path) -> String {
        match self {
            Trouble::MovedAside { aside, why } => format!(
                "{} could not be read ({why}). It was kept as {} and OpsDeck started {what} afresh.",
                file.display(),
                aside.display()
            ),
            Trouble::Unreadable { why } => format!(
                "{} could not be read ({why}) and was left as it is; {what} are empty for now and cannot be saved.",
                file.display()
            ),
            Trouble::Newer { found } => format!(
                "{} was written by a newer OpsDeck (format {found}); it was left untouched. Update OpsDeck to see and change {what}.",
                file.display()
            ),
        }
    }
}
