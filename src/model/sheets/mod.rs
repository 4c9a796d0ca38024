//! Personal cheat-sheets: named lists of entries, personal notes, stars, and rendering a sheet
//! to Markdown and to one self-contained printable HTML page.
//!
//! Pure: loading and saving live in `platform::store`; here are the types, the operations and
//! the renderers (`markdown`, `html`), so every change can be tested without touching a disk.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::kb::KnowledgeBase;

mod html;
mod markdown;
pub mod pdf;

pub use html::{SHEET_CSS, escape_html, sheet_html};
pub use markdown::{neutralise_markdown, sheet_markdown};

/// The version of the user-data format written by this build (2 added `last_sheet`).
pub const SCHEMA_VERSION: u32 = 2;
/// The longest sheet name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest personal note, in characters.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// The most entries on one sheet.
pub const MAX_SHEET_ENTRIES: usize = 2_000;

/// Everything the user owns: sheets, notes and stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserData {
    /// Format version; files from a newer OpsDeck are refused rather than misread.
    pub version: u32,
    /// Sheets in the user's order.
    pub sheets: Vec<Sheet>,
    /// Personal note per entry id.
    pub notes: BTreeMap<String, String>,
    /// Starred entry ids.
    pub stars: BTreeSet<String>,
    /// The sheet used last (created, added to, or kept a decision on), which Ctrl+E adds to.
    pub last_sheet: Option<String>,
}

impl Default for UserData {
    fn default() -> Self {
        UserData {
            version: SCHEMA_VERSION,
            sheets: Vec::new(),
            notes: BTreeMap::new(),
            stars: BTreeSet::new(),
            last_sheet: None,
        }
    }
}

/// One named cheat-sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// Unique name.
    pub name: String,
    /// Entry ids in the order they print.
    #[serde(default)]
    pub entries: Vec<String>,
    /// Wizard results and comparisons kept with the sheet, printed after the entries.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// Something other than an entry kept on a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attachment {
    /// A wizard and the answers given; the recommendation is worked out again when the sheet
    /// is rendered, so it follows the current rules.
    Wizard {
        /// Wizard id.
        wizard: String,
        /// Raw answers by question key.
        answers: BTreeMap<String, String>,
    },
    /// A side-by-side comparison of these entries.
    Comparison {
        /// Entry ids, one per column.
        ids: Vec<String>,
    },
}

/// A sheet as shared between users: the sheet plus the notes on its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSheet {
    /// Format version, as [`UserData::version`].
    pub version: u32,
    /// The sheet.
    pub sheet: Sheet,
    /// The sharer's notes on the sheet's entries.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// What went wrong with a sheet operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// No sheet has this name.
    #[error("no sheet is named {0:?}")]
    NoSuchSheet(String),
    /// The name is taken.
    #[error("a sheet named {0:?} already exists")]
    NameTaken(String),
    /// The name is empty, too long or has control characters.
    #[error(
        "sheet names must be 1–{MAX_NAME_CHARS} characters without line breaks, tabs or \
         invisible direction marks"
    )]
    BadName,
    /// An entry id the knowledge base lacks.
    #[error("no entry has the id {0:?}")]
    NoSuchEntry(String),
    /// A wizard id the knowledge base lacks.
    #[error("no wizard has the id {0:?}")]
    NoSuchWizard(String),
    /// The sheet used last no longer exists (deleted or renamed elsewhere).
    #[error(
        "the sheet {0:?} you used last no longer exists; nothing was added (choose a sheet with “Add to sheet”)"
    )]
    LastSheetGone(String),
    /// The entry is not on the sheet.
    #[error("{0:?} is not on the sheet {1:?}")]
    NotOnSheet(String, String),
    /// Too many entries.
    #[error("a sheet holds at most {MAX_SHEET_ENTRIES} entries")]
    TooManyEntries,
    /// The note is too long.
    #[error("notes are at most {MAX_NOTE_CHARS} characters")]
    NoteTooLong,
    /// The sheet could not be turned into the export format.
    #[error("the sheet could not be written out: {0}")]
    Render(String),
}

/// Invisible characters that reorder the text around them (embeddings, overrides, isolates
/// and marks): in a name they can make one sheet look like another.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn check_name(name: &str) -> Result<String, SheetError> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(|c| c.is_control() || is_bidi_control(c))
    {
        return Err(SheetError::BadName);
    }
    Ok(name.to_owned())
}

impl UserData {
    /// The sheet with this name.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    fn sheet_mut(&mut self, name: &str) -> Result<&mut Sheet, SheetError> {
        self.sheets
            .iter_mut()
            .find(|s| s.name == name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))
    }

    /// Creates an empty sheet.
    pub fn new_sheet(&mut self, name: &str) -> Result<(), SheetError> {
        let name = check_name(name)?;
        if self.sheet(&name).is_some() {
            return Err(SheetError::NameTaken(name));
        }
        self.sheets.push(Sheet {
            name: name.clone(),
            entries: Vec::new(),
            attachments: Vec::new(),
        });
        self.last_sheet = Some(name);
        Ok(())
    }

    /// Deletes a sheet and returns it with its position, so it can be restored (undo).
    pub fn delete_sheet(&mut self, name: &str) -> Result<(usize, Sheet), SheetError> {
        let at = self
            .sheets
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
        // `last_sheet` keeps pointing at it: Ctrl+E then says the sheet is gone instead of
        // quietly starting a new one.
        Ok((at, self.sheets.remove(at)))
    }

    /// Puts a deleted sheet back (renaming it if its name was taken meanwhile).
    pub fn restore_sheet(&mut self, at: usize, mut sheet: Sheet) {
        sheet.name = self.free_name(&sheet.name);
        let at = at.min(self.sheets.len());
        self.sheets.insert(at, sheet);
    }

    /// Renames a sheet.
    pub fn rename_sheet(&mut self, from: &str, to: &str) -> Result<(), SheetError> {
        let to = check_name(to)?;
        if from != to && self.sheet(&to).is_some() {
            return Err(SheetError::NameTaken(to));
        }
        self.sheet_mut(from)?.name = to.clone();
        if self.last_sheet.as_deref() == Some(from) {
            self.last_sheet = Some(to);
        }
        Ok(())
    }

    /// Adds entries to a sheet (ids already on it are skipped); checks every id first.
    pub fn add(
        &mut self,
        name: &str,
        ids: &[&str],
        kb: &KnowledgeBase,
    ) -> Result<usize, SheetError> {
        if let Some(bad) = ids.iter().find(|id| kb.get(id).is_none()) {
            return Err(SheetError::NoSuchEntry((*bad).to_owned()));
        }
        let sheet = self.sheet_mut(name)?;
        let mut added = 0;
        for id in ids {
            if !sheet.entries.iter().any(|e| e == id) {
                if sheet.entries.len() >= MAX_SHEET_ENTRIES {
                    return Err(SheetError::TooManyEntries);
                }
                sheet.entries.push((*id).to_owned());
                added += 1;
            }
        }
        self.last_sheet = Some(name.to_owned());
        Ok(added)
    }

    /// Keeps a wizard result or a comparison on a sheet (an identical one is not added twice).
    pub fn attach(
        &mut self,
        name: &str,
        attachment: Attachment,
        kb: &KnowledgeBase,
    ) -> Result<(), SheetError> {
        check_attachment(&attachment, kb)?;
        let sheet = self.sheet_mut(name)?;
        if !sheet.attachments.contains(&attachment) {
            sheet.attachments.push(attachment);
        }
        self.last_sheet = Some(name.to_owned());
        Ok(())
    }

    /// Removes the attachment at `index` from a sheet.
    pub fn detach(&mut self, name: &str, index: usize) -> Result<Attachment, SheetError> {
        let sheet = self.sheet_mut(name)?;
        if index >= sheet.attachments.len() {
            return Err(SheetError::NotOnSheet(
                format!("item {}", index + 1),
                name.to_owned(),
            ));
        }
        Ok(sheet.attachments.remove(index))
    }

    /// Removes an entry from a sheet.
    pub fn remove(&mut self, name: &str, id: &str) -> Result<(), SheetError> {
        let sheet = self.sheet_mut(name)?;
        let before = sheet.entries.len();
        sheet.entries.retain(|e| e != id);
        if sheet.entries.len() == before {
            return Err(SheetError::NotOnSheet(id.to_owned(), name.to_owned()));
        }
        Ok(())
    }

    /// Moves the entry at `from` to position `to` on a sheet.
    pub fn move_entry(&mut self, name: &str, from: usize, to: usize) -> Result<(), SheetError> {
        let sheet = self.sheet_mut(name)?;
        if from < sheet.entries.len() {
            let id = sheet.entries.remove(from);
            let to = to.min(sheet.entries.len());
            sheet.entries.insert(to, id);
        }
        Ok(())
    }

    /// Sets the personal note on an entry; empty text removes it.
    pub fn set_note(&mut self, id: &str, text: &str, kb: &KnowledgeBase) -> Result<(), SheetError> {
        if kb.get(id).is_none() {
            return Err(SheetError::NoSuchEntry(id.to_owned()));
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(SheetError::NoteTooLong);
        }
        if text.trim().is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_owned(), text.to_owned());
        }
        Ok(())
    }

    /// Stars or unstars an entry; returns whether it is now starred.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        if !self.stars.remove(id) {
            self.stars.insert(id.to_owned());
            true
        } else {
            false
        }
    }

    /// `name`, or `name (2)`, `name (3)` … if taken.
    pub fn free_name(&self, name: &str) -> String {
        if self.sheet(name).is_none() {
            return name.to_owned();
        }
        (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| self.sheet(candidate).is_none())
            .unwrap_or_else(|| name.to_owned())
    }

    /// The shareable form of a sheet.
    pub fn share(&self, name: &str) -> Result<SharedSheet, SheetError> {
        let sheet = self
            .sheet(name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
        let notes = sheet
            .entries
            .iter()
            .filter_map(|id| self.notes.get(id).map(|n| (id.clone(), n.clone())))
            .collect();
        Ok(SharedSheet {
            version: SCHEMA_VERSION,
            sheet: sheet.clone(),
            notes,
        })
    }

    /// The sheet that Ctrl+E adds to: the one used last. `Ok(None)` when the user has no
    /// sheet yet (a new one may be made); an error when the last sheet was deleted or
    /// renamed elsewhere, so nothing lands on a sheet the user did not choose.
    pub fn last_sheet_for_adding(&self) -> Result<Option<&str>, SheetError> {
        match &self.last_sheet {
            Some(name) if self.sheet(name).is_some() => Ok(Some(name.as_str())),
            Some(name) => Err(SheetError::LastSheetGone(name.clone())),
            None => Ok(self.sheets.last().map(|s| s.name.as_str())),
        }
    }

    /// Adds a shared sheet (renamed if its name is taken) and returns the name it was stored
    /// under, with the sharer's notes on its entries as an offer: none of them is added, so a
    /// note never lands in, or replaces, the user's own without being asked for
    /// ([`Self::accept_note`]). Nothing changes if it fails.
    pub fn import(
        &mut self,
        shared: SharedSheet,
        kb: &KnowledgeBase,
    ) -> Result<Imported, ImportError> {
        if shared.version > SCHEMA_VERSION {
            return Err(ImportError::Newer(shared.version));
        }
        let name = check_name(&shared.sheet.name).map_err(ImportError::Sheet)?;
        let unknown: Vec<&str> = shared
            .sheet
            .entries
            .iter()
            .map(String::as_str)
            .filter(|id| kb.get(id).is_none())
            .collect();
        if !unknown.is_empty() {
            return Err(ImportError::UnknownEntries(unknown.join(", ")));
        }
        if shared.sheet.entries.len() > MAX_SHEET_ENTRIES {
            return Err(ImportError::Sheet(SheetError::TooManyEntries));
        }
        if shared
            .notes
            .values()
            .any(|n| n.chars().count() > MAX_NOTE_CHARS)
        {
            return Err(ImportError::Sheet(SheetError::NoteTooLong));
        }
        for attachment in &shared.sheet.attachments {
            check_attachment(attachment, kb).map_err(ImportError::Sheet)?;
        }
        let name = self.free_name(&name);
        let mut entries: Vec<String> = Vec::new();
        for id in shared.sheet.entries {
            if !entries.contains(&id) {
                entries.push(id);
            }
        }
        let offered = shared
            .notes
            .into_iter()
            .filter(|(id, note)| entries.contains(id) && !note.trim().is_empty())
            .filter(|(id, note)| self.notes.get(id) != Some(note))
            .map(|(id, theirs)| OfferedNote {
                mine: self.notes.get(&id).cloned(),
                id,
                theirs,
            })
            .collect();
        self.sheets.push(Sheet {
            name: name.clone(),
            entries,
            attachments: shared.sheet.attachments,
        });
        Ok(Imported { name, offered })
    }

    /// Takes a note the sharer of an imported sheet offered. With `replace` false it only
    /// fills an entry that has no note of the user's; returns whether the note was taken.
    pub fn accept_note(
        &mut self,
        offer: &OfferedNote,
        replace: bool,
        kb: &KnowledgeBase,
    ) -> Result<bool, SheetError> {
        if self.notes.contains_key(&offer.id) && !replace {
            return Ok(false);
        }
        self.set_note(&offer.id, &offer.theirs, kb)?;
        Ok(true)
    }
}

/// What importing a shared sheet did, and what it offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The name the sheet was stored under.
    pub name: String,
    /// The sharer's notes, not yet taken.
    pub offered: Vec<OfferedNote>,
}

/// A note that came with a shared sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedNote {
    /// The entry.
    pub id: String,
    /// The sharer's note.
    pub theirs: String,
    /// The user's own note on the entry, if any.
    pub mine: Option<String>,
}

/// Checks that an attachment names a wizard or entries this knowledge base has.
fn check_attachment(attachment: &Attachment, kb: &KnowledgeBase) -> Result<(), SheetError> {
    match attachment {
        Attachment::Wizard { wizard, .. } => {
            if kb.wizard(wizard).is_none() {
                return Err(SheetError::NoSuchWizard(wizard.clone()));
            }
        }
        Attachment::Comparison { ids } => {
            if let Some(bad) = ids.iter().find(|id| kb.get(id).is_none()) {
                return Err(SheetError::NoSuchEntry(bad.clone()));
            }
        }
    }
    Ok(())
}

/// A wizard attachment's recommendation, or why there is none.
fn attachment_recommendation(
    kb: &KnowledgeBase,
    wizard: &str,
    answers: &BTreeMap<String, String>,
) -> Result<(String, super::wizard::Recommendation), String> {
    let w = kb
        .wizard(wizard)
        .ok_or_else(|| format!("no wizard {wizard:?}"))?;
    Ok((
        w.title.clone(),
        super::wizard::recommend_raw(kb, w, answers)?,
    ))
}

/// A wizard attachment's costed plan, when its wizard has one and the answers allow it.
fn attachment_plan(
    kb: &KnowledgeBase,
    wizard: &str,
    answers: &BTreeMap<String, String>,
) -> Option<super::plan::Plan> {
    let w = kb.wizard(wizard)?;
    super::plan::plan_raw(kb, w, answers).ok().flatten()
}

/// Why a shared sheet could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Written by a newer OpsDeck.
    #[error("the sheet was written by a newer OpsDeck (format {0}); update OpsDeck to import it")]
    Newer(u32),
    /// Entries this knowledge base lacks.
    #[error(
        "the sheet uses entries this knowledge base lacks: {0}; add the knowledge pack they come from, then import again"
    )]
    UnknownEntries(String),
    /// Something about the sheet itself.
    #[error("{0}")]
    Sheet(SheetError),
}

/// The ways a sheet can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown.
    Markdown,
    /// One self-contained printable HTML page.
    Html,
    /// The shareable RON file that `opsdeck import` reads.
    Shared,
}

impl ExportFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Shared => "ron",
        }
    }
}

/// The sheet named `name` as text in `format` (HTML styled with [`SHEET_CSS`]).
pub fn export(
    kb: &KnowledgeBase,
    data: &UserData,
    name: &str,
    format: ExportFormat,
) -> Result<String, SheetError> {
    let sheet = data
        .sheet(name)
        .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
    Ok(match format {
        ExportFormat::Markdown => sheet_markdown(kb, sheet, &data.notes) + "\n",
        ExportFormat::Html => sheet_html(kb, sheet, &data.notes, SHEET_CSS),
        ExportFormat::Shared => {
            let shared = data.share(name)?;
            // A shared sheet holds strings, lists and maps only, which RON always writes.
            match ron::ser::to_string_pretty(&shared, ron::ser::PrettyConfig::default()) {
                Ok(text) => text + "\n",
                Err(e) => return Err(SheetError::Render(e.to_string())),
            }
        }
    })
}

/// A sheet of the user's as a PDF.
pub fn export_pdf(
    kb: &KnowledgeBase,
    data: &UserData,
    name: &str,
    options: &pdf::PdfOptions,
) -> Result<Vec<u8>, SheetError> {
    let sheet = data
        .sheet(name)
        .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
    pdf::sheet_pdf(kb, sheet, &data.notes, options).map_err(|e| SheetError::Render(e.to_string()))
}

#[cfg(test)]
mod tests;
