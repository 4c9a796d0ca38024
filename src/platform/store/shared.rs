//! Sheets shared by other users: read with a size cap and clear errors.

use super::*;

/// Why a shared sheet could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SharedFileError {
    /// The file could not be opened or read.
    #[error("{path}: cannot be read")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// Too large to be a shared sheet.
    #[error("{path}: the file is larger than 4 MiB, so it is not a shared OpsDeck sheet")]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// Not text.
    #[error("{path}: not a shared OpsDeck sheet (it is not UTF-8 text)")]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// Not a shared sheet.
    #[error("{path}:{line}:{column}: not a shared OpsDeck sheet: {why}")]
    NotASheet {
        /// The file.
        path: PathBuf,
        /// Where the parser stopped.
        line: usize,
        /// Column, in characters.
        column: usize,
        /// What the parser said.
        why: String,
    },
}

/// Reads a shared-sheet file (capped at 4 MiB).
pub fn read_shared(path: &Path) -> Result<crate::model::sheets::SharedSheet, SharedFileError> {
    use std::io::Read as _;
    const MAX: u64 = 4 * 1024 * 1024;
    let io = |source| SharedFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX {
        return Err(SharedFileError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| SharedFileError::NotText {
        path: path.to_path_buf(),
    })?;
    ron::from_str(text).map_err(|e| SharedFileError::NotASheet {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        why: e.code.to_string(),
    })
}
