//! Everything that touches the machine: paths, reading and writing files, the user-data
//! store and session, file dialogs, watching for changes, signals.

pub mod atomic;
pub mod dialogs;
pub mod packs;
pub mod session;
pub mod signals;
pub mod store;
pub mod study;
pub mod watch;

pub use atomic::{Access, write_atomic};

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::model::parse::MAX_DATA_BYTES;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot be read")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than the cap.
    #[error("{path}: the file is larger than {limit} bytes (16 MiB); split it into smaller packs")]
    TooLarge {
        /// The file.
        path: String,
        /// The cap in bytes.
        limit: usize,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: the file is not UTF-8 text (a RON knowledge pack is plain text)")]
    NotText {
        /// The file.
        path: String,
    },
}

/// Reads a text file of at most [`MAX_DATA_BYTES`], without reading more than that.
pub fn read_capped_text(path: &Path) -> Result<String, ReadError> {
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_DATA_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_DATA_BYTES {
        return Err(ReadError::TooLarge {
            path: name,
            limit: MAX_DATA_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText { path: name })
}

/// Reads knowledge packs as (name, text) pairs, in the order given.
pub fn read_packs(paths: &[PathBuf]) -> Result<Vec<(String, String)>, ReadError> {
    paths
        .iter()
        .map(|p| Ok((p.display().to_string(), read_capped_text(p)?)))
        .collect()
}

/// Where user data lives: `OPSDECK_DATA_DIR` if set, else the platform's data directory.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("OPSDECK_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("dev", "OpsDeck", "OpsDeck").map(|d| d.data_dir().to_path_buf())
}
