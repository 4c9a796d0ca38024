//! The user's own entries: a personal pack kept in the data directory (`mine.ron`), made
//! from drafts that are checked by the same validator `build.rs` uses, with each problem
//! tied to the field it is about.
//!
//! Editing a built-in (or pack) entry never changes it: it makes a personal version,
//! `ID-mine`, shown beside the original.

use serde::{Deserialize, Serialize};

use super::kb::KnowledgeBase;
use super::schema::{
    Adjustable, DataFile, Entry, Kind, LimitFacts, Source, Verdict as LimitVerdict,
};
use super::validate::{Input, validate};

/// The format version of `mine.ron` this build writes.
pub const MINE_VERSION: u32 = 1;

/// The user's own entries, as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MyEntries {
    /// Format version.
    pub version: u32,
    /// The entries, in the order written.
    pub entries: Vec<Entry>,
}

/// The packs the user added, as stored (`packs.ron`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackList {
    /// Format version.
    pub version: u32,
    /// Absolute paths of the pack files, in load order.
    pub packs: Vec<String>,
}

/// The format version of `packs.ron` this build writes.
pub const PACKS_VERSION: u32 = 1;

impl MyEntries {
    /// The entries as a pack another user can add.
    pub fn as_pack(&self) -> DataFile {
        DataFile {
            entries: self.entries.clone(),
            ..DataFile::default()
        }
    }
}

/// The fields of the entry editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// The title.
    Title,
    /// The kind.
    Kind,
    /// The summary.
    Summary,
    /// Key points.
    Points,
    /// Exam tips.
    Tips,
    /// Tags.
    Tags,
    /// Related entry ids.
    Related,
    /// Exam task statements.
    Tasks,
    /// A limit's value, unit and service.
    Limit,
    /// Anything else.
    Other,
}

/// A problem with a draft, with the field it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// What is wrong, in words.
    pub message: String,
}

/// An entry as the editor and the CLI hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The id being edited: one of the user's own, or a built-in one to make a version of;
    /// `None` for a new entry.
    pub editing: Option<String>,
    /// Kind: service, feature, concept, strategy or limit.
    pub kind: String,
    /// Title.
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Key points, one a line.
    pub points: Vec<String>,
    /// Exam tips, one a line.
    pub tips: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Related entry ids.
    pub related: Vec<String>,
    /// Task statements such as `3.2`.
    pub tasks: Vec<String>,
    /// For a limit: the service's entry id, the value and the unit.
    pub limit: Option<(String, String, String)>,
    /// The entry edited, for what the editor does not show (aliases, a strategy's family
    /// and attributes, sources): a version keeps them.
    pub original: Option<Box<Entry>>,
}

impl Draft {
    /// A draft filled from an entry, to edit it.
    pub fn of(entry: &Entry) -> Draft {
        Draft {
            editing: Some(entry.id.clone()),
            kind: entry.kind.as_str().to_owned(),
            title: entry.title.clone(),
            summary: entry.summary.clone(),
            points: entry.points.clone(),
            tips: entry.tips.clone(),
            tags: entry.tags.clone(),
            related: entry.related.clone(),
            tasks: entry.tasks.clone(),
            limit: entry
                .limit
                .as_ref()
                .map(|l| (l.service.clone(), l.value.clone(), l.unit.clone())),
            original: Some(Box::new(entry.clone())),
        }
    }
}

/// A kebab-case id from a title: `My Lambda notes!` → `my-lambda-notes`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// What saving a draft does.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// A new entry of the user's.
    Added(Entry),
    /// One of the user's entries changed.
    Changed(Entry),
}

/// Turns a draft into an entry for `mine`, checked against the knowledge base: every
/// problem comes back tied to its field, and nothing is saved while there are any.
pub fn build(
    kb: &KnowledgeBase,
    mine: &MyEntries,
    draft: &Draft,
    today: &str,
) -> Result<Saved, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = match draft.kind.trim() {
        "service" => Kind::Service,
        "feature" => Kind::Feature,
        "concept" => Kind::Concept,
        "strategy" => Kind::Strategy,
        "limit" => Kind::Limit,
        other => {
            errors.push(FieldError {
                field: Field::Kind,
                message: format!(
                    "{other:?} is not a kind; choose service, feature, concept, strategy or limit"
                ),
            });
            Kind::Concept
        }
    };
    let title = draft.title.trim().to_owned();
    if title.is_empty() {
        errors.push(FieldError {
            field: Field::Title,
            message: "give the entry a title".to_owned(),
        });
    }
    if draft.summary.trim().is_empty() {
        errors.push(FieldError {
            field: Field::Summary,
            message: "write a one-line summary".to_owned(),
        });
    }
    // The id: the one being edited if it is the user's, a personal version of another,
    // or a new one from the title.
    let (id, existing) = match &draft.editing {
        Some(id) if mine.entries.iter().any(|e| &e.id == id) => (id.clone(), true),
        Some(id) => {
            let base = kb.base_of(id).to_owned();
            let id = format!("{base}-mine");
            let exists = mine.entries.iter().any(|e| e.id == id);
            (id, exists)
        }
        None => {
            let base = slug(&title);
            let base = if base.is_empty() {
                "my-entry".to_owned()
            } else {
                base
            };
            let mut id = base.clone();
            let mut n = 2;
            while kb.get(&id).is_some() || mine.entries.iter().any(|e| e.id == id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            (id, false)
        }
    };
    let original = draft.original.as_deref();
    let limit = match (&draft.limit, kind) {
        // An unchanged limit of a built-in entry keeps its source and its history.
        (Some((service, value, unit)), Kind::Limit)
            if original
                .and_then(|o| o.limit.as_ref())
                .is_some_and(|l| &l.service == service && &l.value == value && &l.unit == unit) =>
        {
            original.and_then(|o| o.limit.clone())
        }
        (Some((service, value, unit)), Kind::Limit) => {
            if value.trim().is_empty() {
                errors.push(FieldError {
                    field: Field::Limit,
                    message: "a limit needs its value".to_owned(),
                });
            }
            Some(Box::new(LimitFacts {
                service: service.trim().to_owned(),
                value: value.trim().to_owned(),
                unit: unit.trim().to_owned(),
                notes_value: None,
                adjustable: Adjustable::Unknown,
                verdict: LimitVerdict::New,
                source: Source {
                    url: "https://docs.aws.amazon.com/".to_owned(),
                    title: "Entered by you".to_owned(),
                    checked: Some(today.to_owned()),
                    unverified: Some("written by the user, not checked against AWS".to_owned()),
                },
                changed: None,
                previous: None,
            }))
        }
        (None, Kind::Limit) => {
            errors.push(FieldError {
                field: Field::Limit,
                message: "a limit needs the service it belongs to and its value".to_owned(),
            });
            None
        }
        _ => None,
    };
    let clean = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let entry = Entry {
        id: id.clone(),
        kind,
        title,
        summary: draft.summary.trim().to_owned(),
        points: clean(&draft.points),
        tips: clean(&draft.tips),
        tags: clean(&draft.tags),
        related: clean(&draft.related),
        tasks: clean(&draft.tasks),
        limit,
        aliases: original.map(|o| o.aliases.clone()).unwrap_or_default(),
        domains: original.map(|o| o.domains.clone()).unwrap_or_default(),
        out_of_scope: original.is_some_and(|o| o.out_of_scope),
        asks: original.map(|o| o.asks.clone()).unwrap_or_default(),
        sources: original.map(|o| o.sources.clone()).unwrap_or_default(),
        status: original.and_then(|o| o.status.clone()),
        family: original.and_then(|o| o.family.clone()),
        attrs: original.map(|o| o.attrs.clone()).unwrap_or_default(),
        rollout: original.and_then(|o| o.rollout),
    };
    if errors.is_empty() {
        // The same checks as build.rs, against the knowledge base without the entry itself.
        let others: Vec<Entry> = mine
            .entries
            .iter()
            .filter(|e| e.id != id)
            .cloned()
            .chain(std::iter::once(entry.clone()))
            .collect();
        let base = kb_without(kb, &mine.entries);
        let data = DataFile {
            entries: others,
            ..DataFile::default()
        };
        let issues = validate(&[
            Input {
                file: "built-in data",
                text: None,
                data: &base,
                strict: false,
            },
            Input {
                file: "your entry",
                text: None,
                data: &data,
                strict: false,
            },
        ]);
        for issue in issues {
            let m = issue.message;
            let field = if m.contains("related") {
                Field::Related
            } else if m.contains("task") {
                Field::Tasks
            } else if m.contains("tag") {
                Field::Tags
            } else if m.contains("summary") {
                Field::Summary
            } else if m.contains("title") {
                Field::Title
            } else if m.contains("point") {
                Field::Points
            } else if m.contains("tip") {
                Field::Tips
            } else if m.contains("limit") || m.contains("service") || m.contains("value") {
                Field::Limit
            } else {
                Field::Other
            };
            errors.push(FieldError { field, message: m });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.field);
        return Err(errors);
    }
    Ok(if existing {
        Saved::Changed(entry)
    } else {
        Saved::Added(entry)
    })
}

/// The knowledge base's data without the user's own entries (they are checked with the
/// draft, so an edit does not clash with its old self).
fn kb_without(kb: &KnowledgeBase, mine: &[Entry]) -> DataFile {
    let mut data = kb.data().clone();
    data.entries.retain(|e| !mine.iter().any(|m| m.id == e.id));
    data
}

/// Applies a saved draft to the personal pack.
pub fn apply(mine: &mut MyEntries, saved: Saved) -> String {
    match saved {
        Saved::Added(e) => {
            let id = e.id.clone();
            mine.entries.push(e);
            id
        }
        Saved::Changed(e) => {
            let id = e.id.clone();
            if let Some(slot) = mine.entries.iter_mut().find(|x| x.id == id) {
                *slot = e;
            }
            id
        }
    }
}
