//! Packs the user manages and their own entries, on disk: `packs.ron` lists the packs
//! added, `mine.ron` holds the user's entries. Both go through the store (locked, atomic,
//! versioned, a broken file moved aside), and loading never fails: a pack with problems is
//! left out and reported.

use std::path::{Path, PathBuf};

use super::session::chain;
use super::store::{Document, Store, Trouble, UpdateError};
use crate::model::KnowledgeBase;
use crate::model::kb::PackReport;
use crate::model::mine::{Draft, FieldError, MyEntries, PackList, Saved, apply, build};

/// The knowledge base with the managed packs and the user's entries, and what happened.
pub struct Managed {
    /// The knowledge base.
    pub kb: KnowledgeBase,
    /// One report per pack added, then one for the user's entries.
    pub reports: Vec<PackReport>,
    /// Messages for the user (a file moved aside, a newer file).
    pub notices: Vec<String>,
    /// The packs listed.
    pub packs: PackList,
    /// The user's entries as stored.
    pub mine: MyEntries,
}

fn describe<D: Document>(store: &Store, trouble: &Trouble) -> String {
    trouble.describe(D::WHAT, &store.path_of::<D>())
}

/// Loads the managed packs and the user's entries on top of `builtin`.
pub fn load(builtin: KnowledgeBase, store: Option<&Store>) -> Managed {
    let mut notices = Vec::new();
    let (packs, mine) = match store {
        None => (PackList::default(), MyEntries::default()),
        Some(store) => {
            let packs = match store.load::<PackList>() {
                Ok(l) => {
                    if let Some(t) = &l.trouble {
                        notices.push(describe::<PackList>(store, t));
                    }
                    l.data
                }
                Err(e) => {
                    notices.push(format!(
                        "The list of packs could not be read: {}",
                        chain(&e)
                    ));
                    PackList::default()
                }
            };
            let mine = match store.load::<MyEntries>() {
                Ok(l) => {
                    if let Some(t) = &l.trouble {
                        notices.push(describe::<MyEntries>(store, t));
                    }
                    l.data
                }
                Err(e) => {
                    notices.push(format!("Your entries could not be read: {}", chain(&e)));
                    MyEntries::default()
                }
            };
            (packs, mine)
        }
    };
    if packs.packs.is_empty() && mine.entries.is_empty() {
        return Managed {
            kb: builtin,
            reports: Vec::new(),
            notices,
            packs,
            mine,
        };
    }
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    for path in &packs.packs {
        match super::read_capped_text(Path::new(path)) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(e) => unreadable.push(PackReport {
                name: path.clone(),
                mine: false,
                entries: 0,
                loaded: false,
                problems: vec![format!("cannot be read: {}", chain(&e))],
                renamed: Vec::new(),
            }),
        }
    }
    let (kb, mut reports) = builtin.with_managed(&texts, &mine.entries);
    reports.extend(unreadable);
    Managed {
        kb,
        reports,
        notices,
        packs,
        mine,
    }
}

fn store_error<E: std::error::Error>(e: UpdateError<E>) -> String {
    match e {
        UpdateError::Store(e) => chain(&e),
        UpdateError::Change(e) => chain(&e),
    }
}

/// Why a pack cannot be added or removed.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// Not a file that can be read.
    #[error("{0}")]
    Unreadable(String),
    /// It has problems; nothing was added.
    #[error("the pack has problems, so it was not added:\n{0}")]
    Invalid(String),
    /// Not in the list.
    #[error("{0:?} is not one of your packs; `opsdeck pack list` shows them")]
    NotAdded(String),
}

/// Checks a pack against the knowledge base as it is now (with what is already added).
pub fn check(kb: &KnowledgeBase, path: &Path) -> Result<PackReport, PackError> {
    let text = super::read_capped_text(path).map_err(|e| {
        PackError::Unreadable(format!("{} cannot be read: {}", path.display(), chain(&e)))
    })?;
    let name = path.display().to_string();
    let (_, mut reports) = kb.clone().with_managed(&[(name, text)], &[]);
    Ok(reports.remove(0))
}

/// Adds a pack (by its absolute path) once it checks out; returns its report.
pub fn add(store: &Store, kb: &KnowledgeBase, path: &Path) -> Result<PackReport, String> {
    let full: PathBuf = std::fs::canonicalize(path)
        .map_err(|e| format!("{} cannot be found: {e}", path.display()))?;
    let report = check(kb, &full).map_err(|e| e.to_string())?;
    if !report.loaded {
        return Err(PackError::Invalid(report.problems.join("\n")).to_string());
    }
    let key = full.display().to_string();
    store
        .update::<PackList, (), std::convert::Infallible>(|list| {
            if !list.packs.contains(&key) {
                list.packs.push(key.clone());
            }
            Ok(())
        })
        .map_err(store_error)?;
    Ok(report)
}

/// Removes a pack by path or file name; returns the path removed.
pub fn remove(store: &Store, which: &str) -> Result<String, String> {
    let full = std::fs::canonicalize(which)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| which.to_owned());
    let updated = store
        .update::<PackList, String, PackError>(|list| {
            let at = list
                .packs
                .iter()
                .position(|p| {
                    *p == full
                        || *p == which
                        || Path::new(p)
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy() == which)
                })
                .ok_or_else(|| PackError::NotAdded(which.to_owned()))?;
            Ok(list.packs.remove(at))
        })
        .map_err(store_error)?;
    Ok(updated.value)
}

/// Saves a draft as one of the user's entries; returns its id, or the problems.
pub fn save_entry(
    store: &Store,
    kb: &KnowledgeBase,
    draft: &Draft,
    today: &str,
) -> Result<String, Result<Vec<FieldError>, String>> {
    let result = store.update::<MyEntries, String, Vec<FieldError>>(|mine| {
        let saved: Saved = build(kb, mine, draft, today)?;
        Ok(apply(mine, saved))
    });
    match result {
        Ok(updated) => Ok(updated.value),
        Err(UpdateError::Change(fields)) => Err(Ok(fields)),
        Err(UpdateError::Store(e)) => Err(Err(chain(&e))),
    }
}

/// Why an entry cannot be deleted.
#[derive(Debug, thiserror::Error)]
#[error(
    "{0:?} is not one of your entries (built-in and pack entries cannot be deleted; `opsdeck entry list` shows yours)"
)]
pub struct NotMine(pub String);

/// Deletes one of the user's entries.
pub fn delete_entry(store: &Store, id: &str) -> Result<(), String> {
    store
        .update::<MyEntries, (), NotMine>(|mine| {
            let at = mine
                .entries
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| NotMine(id.to_owned()))?;
            mine.entries.remove(at);
            Ok(())
        })
        .map_err(store_error)?;
    Ok(())
}
