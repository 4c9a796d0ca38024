//! Sheets in and out of a session: imports (with the sharer's notes offered, never merged
//! silently) and exports written atomically.

use super::*;

impl UserSession {
    /// Imports a shared sheet; its author's notes are kept as an offer, not added.
    pub fn import(
        &mut self,
        shared: SharedSheet,
        kb: &KnowledgeBase,
    ) -> Result<Imported, SessionError> {
        let result = self.change(|d| {
            d.import(shared, kb).map_err(|e| match e {
                crate::model::sheets::ImportError::Sheet(s) => s,
                other => SheetError::Render(other.to_string()),
            })
        });
        match result {
            Ok(imported) => {
                let n = imported.offered.len();
                self.notices.info(if n == 0 {
                    format!("Imported as “{}”.", imported.name)
                } else {
                    format!(
                        "Imported as “{}”. It came with {n} note{} from its author: choose below which to take.",
                        imported.name,
                        if n == 1 { "" } else { "s" }
                    )
                });
                self.offer = Some(imported.clone());
                Ok(imported)
            }
            Err(e) => {
                self.notices.error(chain(&e));
                Err(e)
            }
        }
    }

    /// Takes the offered note at `index` of the last import (`replace`: over the user's own).
    pub fn accept_note(
        &mut self,
        index: usize,
        replace: bool,
        kb: &KnowledgeBase,
    ) -> Result<bool, SessionError> {
        let Some(offer) = self
            .offer
            .as_ref()
            .and_then(|o| o.offered.get(index))
            .cloned()
        else {
            return Ok(false);
        };
        let result = self.change(|d| d.accept_note(&offer, replace, kb));
        if result.as_ref().is_ok_and(|taken| *taken)
            && let Some(o) = self.offer.as_mut()
        {
            o.offered.remove(index);
        }
        let id = offer.id.clone();
        self.report(result, |taken| {
            if *taken {
                format!("Took the shared note on {id}.")
            } else {
                format!("You already have a note on {id}; it was kept.")
            }
        })
    }

    /// Forgets the offered notes of the last import.
    pub fn decline_notes(&mut self) {
        self.offer = None;
    }

    /// The sheet as text, for an export.
    pub fn export_text(
        &mut self,
        kb: &KnowledgeBase,
        name: &str,
        format: ExportFormat,
    ) -> Result<String, SessionError> {
        let result = crate::model::sheets::export(kb, &self.data, name, format).map_err(Into::into);
        if let Err(e) = &result {
            self.notices.error(chain(e));
        }
        result
    }

    /// A sheet as a PDF, or an error shown to the user.
    pub fn export_pdf(
        &mut self,
        kb: &KnowledgeBase,
        name: &str,
        options: &crate::model::sheets::pdf::PdfOptions,
    ) -> Result<Vec<u8>, SessionError> {
        let result =
            crate::model::sheets::export_pdf(kb, &self.data, name, options).map_err(Into::into);
        if let Err(e) = &result {
            self.notices.error(chain(e));
        }
        result
    }

    /// Writes an export to `path` atomically and reports it.
    pub fn save_export(&mut self, path: &Path, text: &str) -> Result<(), SessionError> {
        self.save_bytes(path, text.as_bytes())
    }

    /// Writes bytes to `path` atomically and reports it.
    pub fn save_bytes(&mut self, path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
        let result = crate::platform::write_atomic(path, bytes, crate::platform::Access::Shared)
            .map_err(|source| SessionError::Export {
                path: path.to_path_buf(),
                source,
            });
        self.report(result, |()| format!("Saved {}.", path.display()))
    }

    /// The offered notes of the last import, for the sheets view.
    pub fn offered_notes(&self) -> &[OfferedNote] {
        self.offer.as_ref().map_or(&[], |o| o.offered.as_slice())
    }
}
