//! Reference commands: `search`, `show`, `limits`, `dump`, `guide`.

use anyhow::bail;
use serde_json::json;

use crate::model::ask::{Finder, UserHit, UserText};
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
    let finder = Finder::new(kb);
    let user = user_text(kb, &finder);
    let found = finder.find(kb, text, None, user.as_ref());
    let entries = kb.entries();
    let notes = note_entries(&found);
    if json {
        let rows: Vec<_> = found
            .hits
            .iter()
            .take(limit)
            .map(|h| {
                let e = &entries[h.entry];
                json!({"id": e.id, "kind": e.kind.as_str(), "title": e.title, "score": h.score(),
                       "tier": format!("{:?}", h.tier).to_lowercase(),
                       "note": notes.contains(&h.entry)})
            })
            .collect();
        out.push_str(&serde_json::to_string_pretty(&rows)?);
        out.push('\n');
    } else {
        for h in found.hits.iter().take(limit) {
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
    // The process ends after this command: leaving the index to the OS saves freeing a
    // large knowledge base's index word by word (tens of milliseconds at 100,000 entries).
    std::mem::forget(finder);
    Ok(())
}

/// The user's notes and sheet names, for search; nothing when there is no readable user file.
fn user_text(kb: &KnowledgeBase, finder: &Finder) -> Option<UserText> {
    let store = crate::platform::store::Store::default_location()?;
    let loaded = store.load::<crate::model::sheets::UserData>().ok()?;
    let text = UserText::new(kb, &loaded.data, finder.vocab().analyzer());
    (!text.is_empty()).then_some(text)
}

/// Entries found through the user's notes.
fn note_entries(found: &crate::model::ask::Found) -> Vec<usize> {
    found
        .user
        .iter()
        .filter_map(|u| match u {
            UserHit::Note { entry, .. } => Some(*entry),
            UserHit::Sheet { .. } => None,
        })
        .collect()
}

/// `opsdeck ask`: the best answer first, then the next few entries.
pub(super) fn ask(
    kb: &KnowledgeBase,
    text: &str,
    more: usize,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    if text.trim().is_empty() {
        bail!("the question is empty; e.g. `opsdeck ask how do I roll back a failed stack`");
    }
    let finder = Finder::lazy(kb);
    let user = user_text(kb, &finder);
    let found = finder.ask(kb, text, user.as_ref());
    let entries = kb.entries();
    let best = found.hits.first().map(|h| &entries[h.entry]);
    if json {
        let next: Vec<_> = found
            .hits
            .iter()
            .skip(1)
            .take(more)
            .map(|h| {
                let e = &entries[h.entry];
                json!({"id": e.id, "kind": e.kind.as_str(), "title": e.title, "score": h.score()})
            })
            .collect();
        let best = best.map(|e| {
            json!({"id": e.id, "kind": e.kind.as_str(), "title": e.title,
                   "summary": crate::model::markup::plain(&e.summary)})
        });
        let wizard = found.intents.wizard.as_ref().map(|(id, answers)| {
            let answers: serde_json::Map<String, serde_json::Value> = answers
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            json!({"id": id, "answers": answers})
        });
        let value = json!({
            "answer": found.answer,
            "best": best,
            "next": next,
            "ignored": found.ignored,
            "compare": found.intents.compare,
            "wizard": wizard,
        });
        out.push_str(&serde_json::to_string_pretty(&value)?);
        out.push('\n');
        return Ok(());
    }
    let Some(best) = best else {
        out.push_str("Nothing in the knowledge base answers that.\n");
        if !found.ignored.is_empty() {
            out.push_str(&format!("Ignored: {}\n", found.ignored.join(", ")));
        }
        return Ok(());
    };
    if let Some(answer) = &found.answer {
        out.push_str(&format!("{}\n\n", one_line(&answer.line())));
    }
    out.push_str(&format!(
        "{} ({}, {})\n",
        one_line(&best.title),
        best.id,
        best.kind.as_str()
    ));
    out.push_str(&format!(
        "{}\n",
        one_line(&crate::model::markup::plain(&best.summary))
    ));
    let next: Vec<_> = found.hits.iter().skip(1).take(more).collect();
    if !next.is_empty() {
        out.push_str("\nAlso:\n");
        for h in next {
            let e = &entries[h.entry];
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                e.id,
                e.kind.as_str(),
                one_line(&e.title)
            ));
        }
    }
    if !found.ignored.is_empty() {
        out.push_str(&format!("\nIgnored: {}\n", found.ignored.join(", ")));
    }
    if let Some(ids) = &found.intents.compare {
        out.push_str(&format!("Compare: opsdeck compare {}\n", ids.join(" ")));
    }
    if let Some((id, answers)) = &found.intents.wizard {
        let flags: Vec<String> = answers
            .iter()
            .map(|(k, v)| format!("--answer {k}={v}"))
            .collect();
        out.push_str(&format!(
            "Wizard: opsdeck wizard run {id} {}\n",
            flags.join(" ")
        ));
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
                    "source": f.source.url, "checked": f.source.checked,
                    "unverified": f.source.unverified, "changed": f.changed, "previous": f.previous}))
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
