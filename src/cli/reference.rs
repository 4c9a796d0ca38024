//! Reference commands: `search`, `show`, `limits`, `dump`, `guide`.

use anyhow::bail;
use serde_json::json;

use crate::model::render::{dump_text, entry_markdown, limit_row, one_line};
use crate::model::{KnowledgeBase, Query, SearchIndex};

pub(super) fn search(
    kb: &KnowledgeBase,
    text: &str,
    limit: usize,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let query = Query::parse(text);
    if let Some(kind) = &query.unknown_kind {
        bail!(
            "unknown kind {kind:?} in the query; use kind:service, kind:feature, kind:concept, kind:strategy or kind:limit"
        );
    }
    if query.is_empty() && query.kind.is_none() {
        bail!("the query is empty; give at least one word, e.g. `opsdeck search blue green`");
    }
    let index = SearchIndex::new(kb);
    let hits = index.search(&query);
    let entries = kb.entries();
    if json {
        let rows: Vec<_> = hits
            .iter()
            .take(limit)
            .map(|h| {
                let e = &entries[h.entry];
                json!({"id": e.id, "kind": e.kind.as_str(), "title": e.title, "score": h.score(),
                       "tier": format!("{:?}", h.tier).to_lowercase()})
            })
            .collect();
        out.push_str(&serde_json::to_string_pretty(&rows)?);
        out.push('\n');
    } else {
        for h in hits.iter().take(limit) {
            let e = &entries[h.entry];
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                e.id,
                e.kind.as_str(),
                one_line(&e.title),
                h.score()
            ));
        }
    }
    Ok(())
}

pub(super) fn show(
    kb: &KnowledgeBase,
    id: &str,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let Some(entry) = kb.get(id) else {
        let index = SearchIndex::new(kb);
        let hits = index.search(&Query::parse(&id.replace('-', " ")));
        let suggestions: Vec<&str> = hits
            .iter()
            .filter(|h| h.tier <= crate::model::Tier::Names)
            .take(3)
            .map(|h| kb.entries()[h.entry].id.as_str())
            .collect();
        if suggestions.is_empty() {
            bail!("no entry has the id {id:?}; find ids with `opsdeck search WORDS`");
        }
        bail!(
            "no entry has the id {id:?}; did you mean {}? (find ids with `opsdeck search WORDS`)",
            suggestions.join(", ")
        );
    };
    if json {
        let limits: Vec<_> = kb.limits_of(&entry.id).into_iter().map(|l| &l.id).collect();
        let value = json!({"entry": entry, "limits": limits});
        out.push_str(&serde_json::to_string_pretty(&value)?);
    } else {
        out.push_str(&entry_markdown(kb, entry));
    }
    out.push('\n');
    Ok(())
}

pub(super) fn limits(
    kb: &KnowledgeBase,
    service: Option<&str>,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let limits = match service {
        Some(id) => {
            if kb.get(id).is_none() {
                bail!(
                    "no service has the id {id:?}; list services with `opsdeck search kind:service`"
                );
            }
            kb.limits_of(id)
        }
        None => kb.limits(),
    };
    if json {
        let rows: Vec<_> = limits
            .iter()
            .filter_map(|e| {
                let f = e.limit.as_ref()?;
                Some(json!({"id": e.id, "service": f.service, "service_title": kb.service_title(e),
                    "limit": e.title, "value": f.value, "unit": f.unit, "notes_value": f.notes_value,
                    "adjustable": f.adjustable.as_str(), "verdict": f.verdict.as_str(),
                    "source": f.source.url, "checked": f.source.checked}))
            })
            .collect();
        out.push_str(&serde_json::to_string_pretty(&rows)?);
        out.push('\n');
    } else {
        for e in limits {
            if let Some(row) = limit_row(kb, e) {
                out.push_str(&row.join("\t"));
                out.push('\n');
            }
        }
    }
    Ok(())
}

pub(super) fn dump(kb: &KnowledgeBase, out: &mut String) {
    for e in kb.entries() {
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            e.id,
            one_line(&e.title),
            dump_text(e)
        ));
    }
}

/// The exam guide: each domain with its weight, each task statement with its entries and
/// wizards.
pub(super) fn guide(kb: &KnowledgeBase, json: bool, out: &mut String) -> anyhow::Result<()> {
    let Some(map) = crate::model::guide::GuideMap::new(kb) else {
        bail!("this knowledge base has no exam guide");
    };
    if json {
        out.push_str(&serde_json::to_string_pretty(&map.to_json(kb))?);
        out.push('\n');
    } else {
        out.push_str(&map.to_text(kb));
    }
    Ok(())
}
