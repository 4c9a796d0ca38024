//! The user's own data in the window: stars, sheets, notes, undo, export and import.

use super::{OpsDeckApp, View};
use crate::ui;

/// The last delete, so it can be undone.
pub(super) enum Undo {
    /// A deleted sheet and where it stood.
    Sheet(usize, crate::model::sheets::Sheet),
    /// An entry removed from a sheet, and where it stood.
    Entry {
        sheet: String,
        at: usize,
        id: String,
    },
}

impl Undo {
    pub(super) fn describe(&self) -> String {
        match self {
            Undo::Sheet(_, sheet) => format!("Deleted the sheet {:?}.", sheet.name),
            Undo::Entry { sheet, id, .. } => format!("Removed {id} from {sheet:?}."),
        }
    }
}

/// The note being edited: saved a moment after the last keystroke, and on exit.
pub(super) struct NoteEdit {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) dirty_since: Option<std::time::Instant>,
}

/// How long after the last keystroke a note is saved.
pub(super) const NOTE_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(700);

impl OpsDeckApp {
    /// The entry on screen, or the selected search result.
    pub(super) fn current_entry(&self) -> Option<String> {
        match self.state.view {
            View::Entry => self.state.entry.clone(),
            View::Search => self.search.selected_id(&self.kb).map(str::to_owned),
            _ => None,
        }
    }

    /// Applies a change to the user data: through the store (re-reading the file first, so
    /// another OpsDeck process's changes are kept) or in memory when there is no store.
    pub(super) fn change_user(
        &mut self,
        change: impl FnOnce(
            &mut crate::model::sheets::UserData,
        ) -> Result<(), crate::model::sheets::SheetError>,
    ) {
        use crate::platform::store::UpdateError;
        match &self.store {
            Some(store) => match store.update(change) {
                Ok(updated) => {
                    self.user = updated.data;
                    if let Some((path, why)) = updated.moved_aside {
                        self.user_message = Some((
                            false,
                            format!(
                                "Your data file could not be read ({why}); it was kept as {}.",
                                path.display()
                            ),
                        ));
                    }
                }
                Err(UpdateError::Change(e)) => self.user_message = Some((false, e.to_string())),
                Err(UpdateError::Store(e)) => {
                    self.user_message = Some((
                        false,
                        format!("Could not save: {e}. Nothing was lost on disk."),
                    ));
                }
            },
            None => {
                let mut copy = self.user.clone();
                match change(&mut copy) {
                    Ok(()) => self.user = copy,
                    Err(e) => self.user_message = Some((false, e.to_string())),
                }
            }
        }
    }

    pub(super) fn add_to_sheet(&mut self, id: String, sheet: String) {
        let mut target = sheet;
        let mut created = None;
        let result_sheet = {
            let user = &self.user;
            if target.is_empty() || user.sheet(&target).is_none() {
                let name = user.free_name(if target.is_empty() {
                    "My sheet"
                } else {
                    &target
                });
                created = Some(name.clone());
                target = name;
            }
            target.clone()
        };
        let kb_clone = std::sync::Arc::clone(&self.kb);
        self.change_user(|d| {
            if let Some(name) = &created {
                d.new_sheet(name)?;
            }
            d.add(&result_sheet, &[id.as_str()], &kb_clone).map(|_| ())
        });
        self.last_sheet = Some(target.clone());
        self.user_message = Some((true, format!("Added to {target}.")));
    }

    /// The last sheet used, or a new "My sheet" when there is none; creates it if needed.
    fn target_sheet(&mut self) -> String {
        let existing = self
            .last_sheet
            .clone()
            .filter(|name| self.user.sheet(name).is_some())
            .or_else(|| self.user.sheets.last().map(|s| s.name.clone()));
        match existing {
            Some(name) => name,
            None => {
                let name = self.user.free_name("My sheet");
                let created = name.clone();
                self.change_user(|d| d.new_sheet(&created));
                name
            }
        }
    }

    /// Keeps a wizard result or a comparison on the last sheet used.
    pub(super) fn attach(&mut self, attachment: crate::model::sheets::Attachment) {
        let sheet = self.target_sheet();
        let kb = std::sync::Arc::clone(&self.kb);
        let name = sheet.clone();
        self.change_user(|d| d.attach(&name, attachment, &kb));
        self.last_sheet = Some(sheet.clone());
        self.user_message = Some((true, format!("Kept on {sheet}.")));
    }

    /// Saves the note being edited if it changed.
    pub(super) fn flush_note(&mut self) {
        let Some(edit) = self.note.as_mut() else {
            return;
        };
        if edit.dirty_since.take().is_none() {
            return;
        }
        let (id, text) = (edit.id.clone(), edit.text.clone());
        let kb = std::sync::Arc::clone(&self.kb);
        self.change_user(|d| d.set_note(&id, &text, &kb));
    }

    /// Runs pending timed work: the debounced note save.
    pub(super) fn timers(&mut self, ctx: &egui::Context) {
        if let Some(since) = self.note.as_ref().and_then(|e| e.dirty_since) {
            let waited = since.elapsed();
            if waited >= NOTE_SAVE_DELAY {
                self.flush_note();
            } else {
                ctx.request_repaint_after(NOTE_SAVE_DELAY - waited);
            }
        }
    }

    pub(super) fn sheet_action(&mut self, action: ui::sheets::SheetAction) {
        use ui::sheets::SheetAction;
        match action {
            SheetAction::New(name) => self.change_user(|d| d.new_sheet(&name)),
            SheetAction::Rename(from, to) => self.change_user(|d| d.rename_sheet(&from, &to)),
            SheetAction::Delete(name) => {
                let mut removed = None;
                self.change_user(|d| {
                    removed = Some(d.delete_sheet(&name)?);
                    Ok(())
                });
                if let Some((at, sheet)) = removed {
                    self.undo = Some(Undo::Sheet(at, sheet));
                }
            }
            SheetAction::Undo => match self.undo.take() {
                Some(Undo::Sheet(at, sheet)) => self.change_user(|d| {
                    d.restore_sheet(at, sheet);
                    Ok(())
                }),
                Some(Undo::Entry { sheet, at, id }) => {
                    let kb = std::sync::Arc::clone(&self.kb);
                    self.change_user(|d| {
                        let len = d.sheet(&sheet).map_or(0, |s| s.entries.len());
                        d.add(&sheet, &[id.as_str()], &kb)?;
                        d.move_entry(&sheet, len, at)
                    });
                }
                None => {}
            },
            SheetAction::Move(name, from, to) => {
                self.change_user(|d| d.move_entry(&name, from, to))
            }
            SheetAction::Detach(name, index) => {
                self.change_user(|d| d.detach(&name, index).map(|_| ()))
            }
            SheetAction::Remove(name, id) => {
                let at = self
                    .user
                    .sheet(&name)
                    .and_then(|s| s.entries.iter().position(|e| e == &id))
                    .unwrap_or(0);
                self.change_user(|d| d.remove(&name, &id));
                self.undo = Some(Undo::Entry {
                    sheet: name,
                    at,
                    id,
                });
            }
            SheetAction::Open(id) => self.open(id),
            SheetAction::Export(name, format) => {
                use crate::model::sheets::ExportFormat;
                let label = match format {
                    ExportFormat::Markdown => "Markdown",
                    ExportFormat::Html => "HTML",
                    ExportFormat::Shared => "OpsDeck sheet",
                };
                let text = match crate::model::sheets::export(
                    &self.kb,
                    &self.user,
                    &name,
                    format,
                    crate::cli::SHEET_CSS,
                ) {
                    Ok(text) => text,
                    Err(e) => {
                        self.user_message = Some((false, e.to_string()));
                        return;
                    }
                };
                let file_name = format!(
                    "{}.{}",
                    name.replace(['/', '\\', ':'], "-"),
                    format.extension()
                );
                if let Some(path) = rfd::FileDialog::new()
                    .set_file_name(&file_name)
                    .add_filter(label, &[format.extension()])
                    .save_file()
                {
                    self.user_message = Some(
                        match crate::platform::write_atomic(&path, text.as_bytes()) {
                            Ok(()) => (true, format!("Saved {}", path.display())),
                            Err(e) => (
                                false,
                                format!(
                                    "{} cannot be written: {e}. Nothing was written there.",
                                    path.display()
                                ),
                            ),
                        },
                    );
                }
            }
            SheetAction::Import => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("OpsDeck sheet", &["ron"])
                    .pick_file()
                {
                    match crate::platform::store::read_shared(&path) {
                        Ok(shared) => {
                            let kb = std::sync::Arc::clone(&self.kb);
                            let mut imported = None;
                            self.change_user(|d| {
                                imported = Some(d.import(shared, &kb).map_err(|e| match e {
                                    crate::model::sheets::ImportError::Sheet(s) => s,
                                    other => crate::model::sheets::SheetError::NoSuchEntry(
                                        other.to_string(),
                                    ),
                                })?);
                                Ok(())
                            });
                            if let Some(name) = imported {
                                self.user_message = Some((true, format!("Imported as {name}.")));
                                self.sheets.selected = Some(name);
                            }
                        }
                        Err(e) => self.user_message = Some((false, e)),
                    }
                }
            }
        }
    }

    /// The user data as the app sees it (for tests).
    pub fn user(&self) -> &crate::model::sheets::UserData {
        &self.user
    }
}
