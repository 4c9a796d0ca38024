//! The user's data as one window sees it: the store, the data last read, the note being
//! typed, what can be undone, and the notices to show.
//!
//! Every change goes through the store (the file is read again under the lock, so changes
//! made meanwhile by the CLI or another window are kept) and is confirmed only after it was
//! written. [`UserSession::refresh`] notices changes made elsewhere by a cheap look at the
//! file's fingerprint, so the window shows what is on disk.

use std::path::{Path, PathBuf};

use super::store::{Document as _, Stamp, Store, StoreError, Trouble, UpdateError};
use crate::model::KnowledgeBase;
use crate::model::sheets::{
    Attachment, ExportFormat, Imported, OfferedNote, SharedSheet, Sheet, SheetError, UserData,
};

/// How long after the last keystroke a note is saved, in seconds.
pub const NOTE_SAVE_DELAY: f64 = 0.7;

mod notices;
mod share;
pub use notices::{NoteDraft, Notice, Notices, Undo};

/// Why a session change failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Reading or writing the file failed; nothing was changed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The change itself was refused; nothing was written.
    #[error(transparent)]
    Sheet(#[from] SheetError),
    /// A shared sheet could not be imported.
    #[error(transparent)]
    Import(#[from] crate::model::sheets::ImportError),
    /// An export could not be written.
    #[error("{path} cannot be written; nothing was written there")]
    Export {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
}

/// The user's data in a window. Without a store (tests, screenshots) it lives in memory.
#[derive(Debug)]
pub struct UserSession {
    store: Option<Store>,
    data: UserData,
    stamp: Option<Stamp>,
    read_only: Option<String>,
    /// The messages to show.
    pub notices: Notices,
    undo: Option<Undo>,
    note: Option<NoteDraft>,
    offer: Option<Imported>,
    /// Goes up whenever `data` changes, so views can tell their caches are stale.
    generation: u64,
}

impl UserSession {
    /// A number that changes whenever the data does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Opens the session: reads the data (without locking) and notes anything wrong.
    pub fn open(store: Option<Store>) -> UserSession {
        let mut session = UserSession {
            store: None,
            data: UserData::default(),
            stamp: None,
            read_only: None,
            notices: Notices::default(),
            undo: None,
            note: None,
            offer: None,
            generation: 0,
        };
        session.store = store;
        session.reload(true);
        session
    }

    /// A session kept in memory only.
    pub fn in_memory() -> UserSession {
        UserSession::open(None)
    }

    /// The data as last read or written.
    pub fn data(&self) -> &UserData {
        &self.data
    }

    /// Why changes cannot be saved at the moment, if they cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The user-data file, when there is a store.
    pub fn file(&self) -> Option<PathBuf> {
        self.store.as_ref().map(Store::path)
    }

    /// The data directory, when there is a store.
    pub fn dir(&self) -> Option<&Path> {
        self.store.as_ref().map(Store::dir)
    }

    /// What the last delete or removal can restore.
    pub fn undo(&self) -> Option<&Undo> {
        self.undo.as_ref()
    }

    /// The notes offered by the last import, with the sheet's name.
    pub fn offer(&self) -> Option<&Imported> {
        self.offer.as_ref().filter(|o| !o.offered.is_empty())
    }

    /// Reads the file again if another process changed it since; returns whether it did.
    /// A `stat` of one file: cheap enough for every frame.
    pub fn refresh(&mut self) -> bool {
        let Some(store) = &self.store else {
            return false;
        };
        if store.stamp::<UserData>() == self.stamp {
            return false;
        }
        self.reload(false);
        true
    }

    fn reload(&mut self, first: bool) {
        let Some(store) = &self.store else {
            return;
        };
        match store.load::<UserData>() {
            Ok(loaded) => {
                self.stamp = loaded.stamp;
                self.data = loaded.data;
                self.generation += 1;
                self.read_only = None;
                if let Some(trouble) = &loaded.trouble {
                    let text = trouble.describe(UserData::WHAT, &store.path());
                    if matches!(trouble, Trouble::Newer { .. } | Trouble::Unreadable { .. }) {
                        self.read_only = Some(text.clone());
                    }
                    self.notices.error(text);
                } else if !store.writable() {
                    self.read_only = Some(format!(
                        "{} is read-only: you can read your sheets, but changes cannot be saved.",
                        store.dir().display()
                    ));
                } else if !first {
                    self.notices.info(
                        "Your sheets and notes changed in another OpsDeck; showing them now.",
                    );
                }
            }
            Err(e) => {
                let text = format!("Your sheets could not be read: {}", chain(&e));
                self.read_only = Some(text.clone());
                self.notices.error(text);
            }
        }
    }

    /// Applies a change through the store (or in memory), returning what it returned. On
    /// failure nothing changes and the error is returned (not yet shown).
    pub fn change<T>(
        &mut self,
        change: impl FnOnce(&mut UserData) -> Result<T, SheetError>,
    ) -> Result<T, SessionError> {
        match &self.store {
            Some(store) => match store.update::<UserData, T, SheetError>(change) {
                Ok(updated) => {
                    self.data = updated.data;
                    self.stamp = updated.stamp;
                    self.generation += 1;
                    self.read_only = None;
                    if let Some(trouble) = updated.trouble {
                        self.notices
                            .error(trouble.describe(UserData::WHAT, &store.path()));
                    }
                    Ok(updated.value)
                }
                Err(UpdateError::Change(e)) => {
                    // The refusal may come from data another process changed: show that data.
                    self.refresh();
                    Err(e.into())
                }
                Err(UpdateError::Store(e)) => {
                    if matches!(e, StoreError::ReadOnly { .. } | StoreError::Newer { .. }) {
                        self.read_only = Some(e.to_string());
                    }
                    Err(e.into())
                }
            },
            None => {
                let mut copy = self.data.clone();
                let value = change(&mut copy)?;
                self.data = copy;
                self.generation += 1;
                Ok(value)
            }
        }
    }

    /// Runs a change and reports it: `done` on success, the error otherwise.
    fn report<T>(
        &mut self,
        result: Result<T, SessionError>,
        done: impl FnOnce(&T) -> String,
    ) -> Result<T, SessionError> {
        match &result {
            Ok(value) => {
                let text = done(value);
                if !text.is_empty() {
                    self.notices.info(text);
                }
            }
            Err(e) => self.notices.error(chain(e)),
        }
        result
    }

    /// Stars or unstars an entry; returns whether it is now starred.
    pub fn toggle_star(&mut self, id: &str, kb: &KnowledgeBase) -> Result<bool, SessionError> {
        let title = kb.get(id).map_or(id, |e| e.title.as_str()).to_owned();
        let id = id.to_owned();
        let result = self.change(|d| {
            if kb.get(&id).is_none() {
                return Err(SheetError::NoSuchEntry(id.clone()));
            }
            Ok(d.toggle_star(&id))
        });
        self.report(result, |on| {
            if *on {
                format!("Starred {title}.")
            } else {
                format!("Unstarred {title}.")
            }
        })
    }

    /// Adds an entry to a sheet, or to a new sheet when `sheet` is `None`; returns the sheet.
    pub fn add_to_sheet(
        &mut self,
        id: &str,
        sheet: Option<&str>,
        kb: &KnowledgeBase,
    ) -> Result<String, SessionError> {
        self.add_entry(id, kb, |_| Ok(sheet.map(str::to_owned)))
    }

    /// Adds an entry to the sheet used last (Ctrl+E). With no sheet at all a new one is made;
    /// when the last sheet was deleted elsewhere nothing is written and the user is told.
    pub fn add_to_last(&mut self, id: &str, kb: &KnowledgeBase) -> Result<String, SessionError> {
        self.add_entry(id, kb, |d| {
            Ok(d.last_sheet_for_adding()?.map(str::to_owned))
        })
    }

    /// Adds an entry to the sheet `pick` names (read under the lock), or to a new "My sheet".
    fn add_entry(
        &mut self,
        id: &str,
        kb: &KnowledgeBase,
        pick: impl FnOnce(&UserData) -> Result<Option<String>, SheetError>,
    ) -> Result<String, SessionError> {
        let result = self.change(|d| {
            let name = match pick(d)? {
                Some(name) => name,
                None => {
                    let name = d.free_name("My sheet");
                    d.new_sheet(&name)?;
                    name
                }
            };
            d.add(&name, &[id], kb)?;
            Ok(name)
        });
        let title = kb.get(id).map_or(id, |e| e.title.as_str()).to_owned();
        self.report(result, |name| format!("Added {title} to “{name}”."))
    }

    /// Keeps a decision or comparison on the sheet used last (a new sheet when there is none).
    pub fn attach(
        &mut self,
        attachment: Attachment,
        kb: &KnowledgeBase,
    ) -> Result<String, SessionError> {
        let result = self.change(|d| {
            let name = match d.last_sheet_for_adding()? {
                Some(name) => name.to_owned(),
                None => {
                    let name = d.free_name("My sheet");
                    d.new_sheet(&name)?;
                    name
                }
            };
            d.attach(&name, attachment, kb)?;
            Ok(name)
        });
        self.report(result, |name| format!("Kept on “{name}”."))
    }

    /// Creates a sheet.
    pub fn new_sheet(&mut self, name: &str) -> Result<(), SessionError> {
        let result = self.change(|d| d.new_sheet(name));
        self.report(result, |()| format!("Created “{}”.", name.trim()))
    }

    /// Renames a sheet.
    pub fn rename_sheet(&mut self, from: &str, to: &str) -> Result<(), SessionError> {
        let result = self.change(|d| d.rename_sheet(from, to));
        self.report(result, |()| format!("Renamed “{from}” to “{}”.", to.trim()))
    }

    /// Deletes a sheet; it can be undone.
    pub fn delete_sheet(&mut self, name: &str) -> Result<(), SessionError> {
        let result = self.change(|d| d.delete_sheet(name));
        match result {
            Ok((at, sheet)) => {
                self.undo = Some(Undo::Sheet(at, sheet));
                self.notices.info(format!("Deleted “{name}”."));
                Ok(())
            }
            Err(e) => {
                self.notices.error(chain(&e));
                Err(e)
            }
        }
    }

    /// Removes an entry from a sheet; it can be undone.
    pub fn remove_entry(&mut self, sheet: &str, id: &str) -> Result<(), SessionError> {
        let result = self.change(|d| {
            let at = d
                .sheet(sheet)
                .and_then(|s| s.entries.iter().position(|e| e == id));
            d.remove(sheet, id)?;
            Ok(at.unwrap_or(0))
        });
        match result {
            Ok(at) => {
                self.undo = Some(Undo::Entry {
                    sheet: sheet.to_owned(),
                    at,
                    id: id.to_owned(),
                });
                self.notices.info(format!("Removed {id} from “{sheet}”."));
                Ok(())
            }
            Err(e) => {
                self.notices.error(chain(&e));
                Err(e)
            }
        }
    }

    /// Moves an entry within a sheet.
    pub fn move_entry(&mut self, sheet: &str, from: usize, to: usize) -> Result<(), SessionError> {
        let result = self.change(|d| d.move_entry(sheet, from, to));
        self.report(result, |()| String::new())
    }

    /// Removes a kept decision or comparison from a sheet.
    pub fn detach(&mut self, sheet: &str, index: usize) -> Result<(), SessionError> {
        let result = self.change(|d| d.detach(sheet, index).map(|_| ()));
        self.report(result, |()| format!("Removed it from “{sheet}”."))
    }

    /// Undoes the last delete or removal.
    pub fn undo_last(&mut self, kb: &KnowledgeBase) -> Result<(), SessionError> {
        let Some(undo) = self.undo.take() else {
            return Ok(());
        };
        let result = match undo.clone() {
            Undo::Sheet(at, sheet) => self.change(|d| {
                d.restore_sheet(at, sheet);
                Ok(())
            }),
            Undo::Entry { sheet, at, id } => self.change(|d| {
                let len = d.sheet(&sheet).map_or(0, |s| s.entries.len());
                d.add(&sheet, &[id.as_str()], kb)?;
                d.move_entry(&sheet, len, at)
            }),
        };
        if result.is_err() {
            self.undo = Some(undo.clone());
        }
        self.report(result, |()| format!("Undone: {}", undo.describe()))
    }

    /// Notes what was typed into an entry's note; it is saved a moment later.
    pub fn note_edited(&mut self, id: &str, text: &str, now: f64) {
        match &mut self.note {
            Some(draft) if draft.id == id => {
                draft.text = text.to_owned();
                draft.dirty_since = Some(now);
            }
            _ => {
                self.flush_note();
                self.note = Some(NoteDraft {
                    id: id.to_owned(),
                    text: text.to_owned(),
                    dirty_since: Some(now),
                });
            }
        }
    }

    /// The note to show for an entry: the draft being typed, else the saved note.
    pub fn note_text(&self, id: &str) -> String {
        match &self.note {
            Some(draft) if draft.id == id => draft.text.clone(),
            _ => self.data.notes.get(id).cloned().unwrap_or_default(),
        }
    }

    /// Whether a note is waiting to be saved.
    pub fn note_pending(&self) -> bool {
        self.note.as_ref().is_some_and(|d| d.dirty_since.is_some())
    }

    /// Saves the note being typed if it is due at `now`; returns how long until it is due
    /// otherwise (for scheduling a repaint).
    pub fn tick(&mut self, now: f64) -> Option<f64> {
        let since = self.note.as_ref().and_then(|d| d.dirty_since)?;
        let waited = now - since;
        if waited >= NOTE_SAVE_DELAY {
            self.flush_note();
            None
        } else {
            Some(NOTE_SAVE_DELAY - waited)
        }
    }

    /// Saves the note being typed now, if it changed (on leaving the entry, on exit, on a
    /// termination signal).
    pub fn flush_note(&mut self) {
        let Some(draft) = self.note.as_mut() else {
            return;
        };
        if draft.dirty_since.take().is_none() {
            return;
        }
        let (id, text) = (draft.id.clone(), draft.text.clone());
        let result = self.change(|d| {
            if text.chars().count() > crate::model::sheets::MAX_NOTE_CHARS {
                return Err(SheetError::NoteTooLong);
            }
            if text.trim().is_empty() {
                d.notes.remove(&id);
            } else {
                d.notes.insert(id.clone(), text.clone());
            }
            Ok(())
        });
        if let Err(e) = result {
            // Keep the draft so nothing typed is lost, and say why it was not saved.
            if let Some(draft) = self.note.as_mut() {
                draft.dirty_since = None;
            }
            self.notices.error(format!(
                "Your note on {id} was not saved: {}. It is still in the note box.",
                chain(&e)
            ));
        }
    }
}

/// An error and its causes in one line: `a: b: c`, each said once.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests;
