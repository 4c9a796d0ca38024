//! Side-by-side comparison: one column per entry, one row per attribute, best values marked.

use std::fmt::Write as _;

use super::duration::parse_duration_secs;
use super::kb::KnowledgeBase;
use super::render::{attr_value_text, one_line};
use super::schema::{AttrValue, AttributeDef, Entry, Kind, Scale};

/// One cell of the table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    /// The value as text; empty when the entry has no value for this row.
    pub text: String,
    /// Whether this is (one of) the best values in its row.
    pub best: bool,
}

/// One row: an attribute across every compared entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    /// Attribute key (`summary`, `status`, or an attribute definition's key).
    pub key: String,
    /// Row label.
    pub label: String,
    /// One cell per compared entry, in column order.
    pub cells: Vec<Cell>,
    /// Whether the entries' values differ.
    pub differs: bool,
}

/// A comparison table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Comparison {
    /// Entry ids, one per column.
    pub ids: Vec<String>,
    /// Entry titles, one per column.
    pub titles: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// Why a comparison cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// Fewer than two ids.
    #[error("give at least two entry ids to compare")]
    TooFew,
    /// An id that does not exist.
    #[error("no entry has the id {0:?}")]
    Unknown(String),
    /// Entries of different kinds or strategy families.
    #[error("{0}")]
    Mixed(String),
}

/// The most columns compared at once.
pub const MAX_COLUMNS: usize = 12;

/// Compares entries of one kind (and, for strategies, one family).
pub fn compare(kb: &KnowledgeBase, ids: &[&str]) -> Result<Comparison, CompareError> {
    let mut unique: Vec<&str> = Vec::new();
    for id in ids {
        if !unique.contains(id) {
            unique.push(id);
        }
    }
    if unique.len() < 2 {
        return Err(CompareError::TooFew);
    }
    if unique.len() > MAX_COLUMNS {
        return Err(CompareError::Mixed(format!(
            "compare at most {MAX_COLUMNS} entries at once"
        )));
    }
    let entries: Vec<&Entry> = unique
        .iter()
        .map(|id| {
            kb.get(id)
                .ok_or_else(|| CompareError::Unknown((*id).to_owned()))
        })
        .collect::<Result<_, _>>()?;
    let first = entries[0];
    for e in &entries[1..] {
        if e.kind != first.kind {
            return Err(CompareError::Mixed(format!(
                "{:?} is a {} but {:?} is a {}; compare entries of one kind",
                first.id,
                first.kind.as_str(),
                e.id,
                e.kind.as_str()
            )));
        }
        if e.family != first.family {
            return Err(CompareError::Mixed(format!(
                "{:?} is a {} strategy but {:?} is a {} strategy; compare one family at a time",
                first.id,
                first.family.as_deref().unwrap_or("?"),
                e.id,
                e.family.as_deref().unwrap_or("?")
            )));
        }
    }

    let mut rows = vec![text_row(
        "summary",
        "Summary",
        entries.iter().map(|e| e.summary.clone()).collect(),
    )];
    if entries.iter().any(|e| e.status.is_some()) {
        rows.push(text_row(
            "status",
            "Status",
            entries
                .iter()
                .map(|e| e.lifecycle().label().to_owned())
                .collect(),
        ));
    }
    if first.kind == Kind::Strategy {
        let family = first.family.as_deref().unwrap_or_default();
        for def in kb
            .attributes()
            .iter()
            .filter(|d| d.families.iter().any(|f| f == family))
        {
            if let Some(row) = attribute_row(kb, def, &entries) {
                rows.push(row);
            }
        }
    }
    Ok(Comparison {
        ids: entries.iter().map(|e| e.id.clone()).collect(),
        titles: entries.iter().map(|e| e.title.clone()).collect(),
        rows,
    })
}

fn text_row(key: &str, label: &str, texts: Vec<String>) -> Row {
    let differs = texts.windows(2).any(|w| w[0] != w[1]);
    Row {
        key: key.to_owned(),
        label: label.to_owned(),
        cells: texts
            .into_iter()
            .map(|text| Cell { text, best: false })
            .collect(),
        differs,
    }
}

/// The row for one attribute, or `None` when no compared entry has it.
fn attribute_row(kb: &KnowledgeBase, def: &AttributeDef, entries: &[&Entry]) -> Option<Row> {
    let values: Vec<Option<&AttrValue>> = entries.iter().map(|e| e.attrs.get(&def.key)).collect();
    if values.iter().all(Option::is_none) {
        return None;
    }
    // Lower rank is better; `None` means "not ranked".
    let ranks: Vec<Option<u64>> = values
        .iter()
        .map(|v| v.and_then(|v| rank(def, v)))
        .collect();
    let best = ranks.iter().flatten().min().copied();
    let all_same_rank = ranks.iter().all(|r| *r == ranks[0]);
    let texts: Vec<String> = values
        .iter()
        .map(|v| {
            v.map(|v| attr_value_text(kb, &def.key, v))
                .unwrap_or_default()
        })
        .collect();
    let differs = texts.windows(2).any(|w| w[0] != w[1]);
    let cells = texts
        .into_iter()
        .zip(&ranks)
        .map(|(text, r)| Cell {
            text,
            // Marking every cell best says nothing, so a row of equal ranks marks none.
            best: !all_same_rank && r.is_some() && *r == best,
        })
        .collect();
    Some(Row {
        key: def.key.clone(),
        label: def.label.clone(),
        cells,
        differs,
    })
}

/// A comparable rank for a value (lower is better), when the attribute is ranked.
pub fn rank(def: &AttributeDef, value: &AttrValue) -> Option<u64> {
    match (&def.scale, value) {
        (
            Scale::Levels {
                levels,
                ranked: true,
            },
            AttrValue::Level(id),
        ) => levels.iter().position(|l| &l.id == id).map(|p| p as u64),
        (Scale::Flag { best: Some(best) }, AttrValue::Flag(v)) => Some(u64::from(v != best)),
        (Scale::Duration, AttrValue::Duration { max, .. }) => parse_duration_secs(max).ok(),
        (Scale::Support, AttrValue::Supported(_)) => Some(0),
        (Scale::Support, AttrValue::Unsupported(_)) => Some(1),
        _ => None,
    }
}

impl Comparison {
    /// The table as GitHub-flavoured Markdown: best values in bold with a check mark, and
    /// rows whose values differ marked with a dot after the label.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        md.push_str("| Attribute |");
        for t in &self.titles {
            let _ = write!(md, " {} |", md_cell(t));
        }
        md.push_str("\n|---|");
        md.push_str(&"---|".repeat(self.titles.len()));
        md.push('\n');
        for row in &self.rows {
            let mark = if row.differs { " •" } else { "" };
            let _ = write!(md, "| {}{mark} |", md_cell(&row.label));
            for cell in &row.cells {
                if cell.best {
                    let _ = write!(md, " **{}** ✓ |", md_cell(&cell.text));
                } else if cell.text.is_empty() {
                    md.push_str(" — |");
                } else {
                    let _ = write!(md, " {} |", md_cell(&cell.text));
                }
            }
            md.push('\n');
        }
        md.push_str("\n**Bold ✓**: best value in the row. •: the entries differ in this row.\n");
        md
    }
}

fn md_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_strategies_compare_with_best_marked() {
        let kb = KnowledgeBase::builtin();
        let c = compare(
            &kb,
            &[
                "rolling",
                "rolling-additional-batch",
                "immutable",
                "blue-green",
            ],
        )
        .unwrap();
        assert_eq!(c.ids.len(), 4);
        let row = |key: &str| c.rows.iter().find(|r| r.key == key).unwrap();
        let capacity = row("capacity");
        let best: Vec<bool> = capacity.cells.iter().map(|c| c.best).collect();
        assert_eq!(
            best,
            [false, false, true, true],
            "full-plus is best: {capacity:?}"
        );
        assert!(capacity.differs);
        let downtime = row("downtime");
        assert!(!downtime.differs, "none of these has downtime");
        assert!(
            downtime.cells.iter().all(|c| !c.best),
            "equal rows mark nothing"
        );
        let md = c.to_markdown();
        assert!(md.starts_with("| Attribute | Rolling | Rolling with additional batch | Immutable | Blue/green |\n|---|---|---|---|---|\n"), "{md}");
        assert!(md.contains("| Capacity during deploy • |"), "{md}");
    }

    #[test]
    fn dr_strategies_rank_by_band() {
        let kb = KnowledgeBase::builtin();
        let c = compare(&kb, &["backup-restore", "multi-site-active-active"]).unwrap();
        let rto = c.rows.iter().find(|r| r.key == "rto").unwrap();
        assert_eq!(
            rto.cells.iter().map(|c| c.best).collect::<Vec<_>>(),
            [false, true]
        );
        let cost = c.rows.iter().find(|r| r.key == "cost-tier").unwrap();
        assert_eq!(
            cost.cells.iter().map(|c| c.best).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn refuses_mixed_unknown_and_single() {
        let kb = KnowledgeBase::builtin();
        assert_eq!(compare(&kb, &["rolling"]), Err(CompareError::TooFew));
        assert_eq!(
            compare(&kb, &["rolling", "rolling"]),
            Err(CompareError::TooFew)
        );
        assert_eq!(
            compare(&kb, &["rolling", "nope"]),
            Err(CompareError::Unknown("nope".into()))
        );
        assert!(matches!(
            compare(&kb, &["rolling", "pilot-light"]),
            Err(CompareError::Mixed(_))
        ));
        assert!(matches!(
            compare(&kb, &["rolling", "rto"]),
            Err(CompareError::Mixed(_))
        ));
    }
}
