//! What the status line shows, what can be undone, and the note being typed.

use super::*;

/// One message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether something went wrong.
    pub error: bool,
    /// What to tell the user.
    pub text: String,
    /// Increases with every notice, so a view can tell a new one from an old one.
    pub seq: u64,
}

/// The last error (kept until dismissed or replaced by another error) and the last
/// confirmation. A confirmation never hides an error.
#[derive(Debug, Clone, Default)]
pub struct Notices {
    error: Option<Notice>,
    info: Option<Notice>,
    seq: u64,
}

impl Notices {
    /// Records a confirmation.
    pub fn info(&mut self, text: impl Into<String>) {
        self.seq += 1;
        self.info = Some(Notice {
            error: false,
            text: text.into(),
            seq: self.seq,
        });
    }

    /// Records an error; it stays until dismissed or replaced by another error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.seq += 1;
        self.error = Some(Notice {
            error: true,
            text: text.into(),
            seq: self.seq,
        });
    }

    /// The error on show.
    pub fn last_error(&self) -> Option<&Notice> {
        self.error.as_ref()
    }

    /// The confirmation on show.
    pub fn last_info(&self) -> Option<&Notice> {
        self.info.as_ref()
    }

    /// Hides the error.
    pub fn dismiss_error(&mut self) {
        self.error = None;
    }
}

/// What can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// A deleted sheet and where it stood.
    Sheet(usize, Sheet),
    /// An entry removed from a sheet, and where it stood.
    Entry {
        /// The sheet.
        sheet: String,
        /// Its position.
        at: usize,
        /// The entry id.
        id: String,
    },
}

impl Undo {
    /// What undoing would restore, for the Undo bar.
    pub fn describe(&self) -> String {
        match self {
            Undo::Sheet(_, sheet) => format!("Deleted the sheet “{}”.", sheet.name),
            Undo::Entry { sheet, id, .. } => format!("Removed {id} from “{sheet}”."),
        }
    }
}

/// The note being typed: saved [`NOTE_SAVE_DELAY`] after the last keystroke, and on exit.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDraft {
    /// The entry.
    pub id: String,
    /// The text as typed.
    pub text: String,
    /// When it was last changed and not yet saved (seconds on the caller's clock).
    pub dirty_since: Option<f64>,
}
