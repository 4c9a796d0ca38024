//! Cheat-sheet commands: `sheet`, `note`, `export`, `import`.
//!
//! Reads take no lock (a read-only data directory works); every change goes through the
//! store, which locks, re-reads, writes atomically and returns only once the change is on disk.

use std::path::Path;

use anyhow::{Context as _, anyhow, bail};

use super::args::{ExportFormat, PaperArg, SheetCommand};
use crate::model::KnowledgeBase;
use crate::model::render::one_line;
use crate::model::sheets::{SheetError, UserData};
use crate::platform::store::{Document as _, Store, Trouble, UpdateError};

/// The store, or an error that says how to fix a missing data directory.
fn store() -> anyhow::Result<Store> {
    Store::default_location().ok_or_else(|| {
        anyhow!("there is no data directory for this user: set OPSDECK_DATA_DIR to a folder")
    })
}

/// Adds the CLI's own hint to a model error, where one helps.
fn hint(e: SheetError) -> anyhow::Error {
    match &e {
        SheetError::NoSuchSheet(_) => anyhow!("{e}; list sheets with `opsdeck sheet list`"),
        SheetError::NoSuchEntry(_) => anyhow!("{e}; find ids with `opsdeck search WORDS`"),
        _ => anyhow!(e),
    }
}

/// Applies a change to the user data on disk; warns about a broken file moved aside.
fn update_user<T>(
    change: impl FnOnce(&mut UserData) -> Result<T, SheetError>,
) -> anyhow::Result<T> {
    let store = store()?;
    match store.update::<UserData, T, SheetError>(change) {
        Ok(updated) => {
            if let Some(trouble) = updated.trouble {
                eprintln!(
                    "warning: {}",
                    trouble.describe(UserData::WHAT, &store.path())
                );
            }
            Ok(updated.value)
        }
        Err(UpdateError::Store(e)) => Err(e.into()),
        Err(UpdateError::Change(e)) => Err(hint(e)),
    }
}

/// Reads the user data without locking. A newer file is an error (it is left untouched); a
/// broken one was moved aside, with a warning.
fn load_user() -> anyhow::Result<UserData> {
    let store = store()?;
    let loaded = store.load::<UserData>()?;
    match &loaded.trouble {
        Some(Trouble::Newer { found }) => Err(crate::platform::store::StoreError::Newer {
            file: store.path(),
            found: *found,
            supported: UserData::VERSION,
        }
        .into()),
        Some(trouble) => {
            eprintln!(
                "warning: {}",
                trouble.describe(UserData::WHAT, &store.path())
            );
            Ok(loaded.data)
        }
        None => Ok(loaded.data),
    }
}

pub(super) fn sheet(
    kb: &KnowledgeBase,
    command: SheetCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    match command {
        SheetCommand::List => {
            for s in load_user()?.sheets {
                out.push_str(&format!("{}\t{}\n", one_line(&s.name), s.entries.len()));
                let gone: Vec<&str> = s
                    .entries
                    .iter()
                    .filter(|id| kb.get(id).is_none())
                    .map(String::as_str)
                    .collect();
                if !gone.is_empty() {
                    eprintln!(
                        "warning: sheet {:?} has entries that are no longer loaded (was their pack removed?): {}",
                        s.name,
                        gone.join(", ")
                    );
                }
            }
        }
        SheetCommand::New { name } => update_user(|d| d.new_sheet(&name))?,
        SheetCommand::Delete { name } => update_user(|d| d.delete_sheet(&name).map(|_| ()))?,
        SheetCommand::Rename { name, new_name } => {
            update_user(|d| d.rename_sheet(&name, &new_name))?
        }
        SheetCommand::Add { name, ids } => {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            update_user(|d| d.add(&name, &ids, kb))?;
        }
        SheetCommand::Remove { name, id } => update_user(|d| d.remove(&name, &id))?,
        SheetCommand::Show { name } => {
            let data = load_user()?;
            let Some(s) = data.sheet(&name) else {
                return Err(hint(SheetError::NoSuchSheet(name)));
            };
            for id in &s.entries {
                out.push_str(id);
                out.push('\n');
            }
        }
    }
    Ok(())
}

pub(super) fn note(kb: &KnowledgeBase, id: &str, text: &str) -> anyhow::Result<()> {
    update_user(|d| d.set_note(id, text, kb))
}

pub(super) fn export(
    kb: &KnowledgeBase,
    name: &str,
    format: ExportFormat,
    file: Option<&Path>,
    (paper, columns): (PaperArg, usize),
    out: &mut String,
) -> anyhow::Result<()> {
    use crate::model::sheets::ExportFormat as Format;
    use crate::model::sheets::pdf::{Paper, PdfOptions};
    let data = load_user()?;
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Ron => Format::Shared,
        ExportFormat::Pdf => {
            let Some(path) = file else {
                bail!("a PDF is binary: give the file to write with --out FILE.pdf");
            };
            let options = PdfOptions {
                paper: match paper {
                    PaperArg::A4 => Paper::A4,
                    PaperArg::Letter => Paper::Letter,
                },
                columns,
                date: crate::platform::study::today(),
            };
            let bytes =
                crate::model::sheets::export_pdf(kb, &data, name, &options).map_err(hint)?;
            crate::platform::write_atomic(path, &bytes, crate::platform::Access::Shared)
                .with_context(|| {
                    format!(
                        "{} cannot be written (nothing was written there)",
                        path.display()
                    )
                })?;
            return Ok(());
        }
    };
    let text = crate::model::sheets::export(kb, &data, name, format).map_err(hint)?;
    match file {
        Some(path) => {
            crate::platform::write_atomic(path, text.as_bytes(), crate::platform::Access::Shared)
                .with_context(|| {
                    format!(
                        "{} cannot be written (nothing was written there)",
                        path.display()
                    )
                })?
        }
        None => out.push_str(&text),
    }
    Ok(())
}

pub(super) fn import(
    kb: &KnowledgeBase,
    file: &Path,
    with_notes: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let shared = crate::platform::store::read_shared(file)?;
    let (imported, taken) = update_user(|d| {
        let imported = d.import(shared, kb).map_err(|e| match e {
            crate::model::sheets::ImportError::Sheet(s) => s,
            other => SheetError::Render(other.to_string()),
        })?;
        let mut taken = Vec::new();
        if with_notes {
            for offer in &imported.offered {
                if d.accept_note(offer, false, kb)? {
                    taken.push(offer.id.clone());
                }
            }
        }
        Ok((imported, taken))
    })?;
    out.push_str(&format!("imported as {}\n", imported.name));
    let left: Vec<_> = imported
        .offered
        .iter()
        .filter(|o| !taken.contains(&o.id))
        .collect();
    if !taken.is_empty() {
        out.push_str(&format!(
            "took the sharer's notes on: {}\n",
            taken.join(", ")
        ));
    }
    if !left.is_empty() {
        let ids: Vec<&str> = left.iter().map(|o| o.id.as_str()).collect();
        let why = if with_notes {
            "you have your own notes there, which were kept"
        } else {
            "add --with-notes to take those on entries where you have none"
        };
        out.push_str(&format!(
            "the file has notes from its sharer on: {} (not added: {why})\n",
            ids.join(", ")
        ));
    }
    if with_notes && left.is_empty() && taken.is_empty() {
        out.push_str("the file has no notes to take\n");
    }
    Ok(())
}
