//! Your own entries and managed packs: `entry list|new|edit|delete`, `pack
//! list|add|remove|check|export`.

use anyhow::{Context, anyhow, bail};

use super::args::{EntryCommand, EntryFields, PackCommand};
use crate::model::KnowledgeBase;
use crate::model::kb::PackReport;
use crate::model::mine::{Draft, Field, MyEntries};
use crate::platform::packs::{self, Managed};
use crate::platform::store::Store;

fn store() -> anyhow::Result<Store> {
    Store::default_location().ok_or_else(|| {
        anyhow!("there is no data directory for this user: set OPSDECK_DATA_DIR to a folder")
    })
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Title => "--title",
        Field::Kind => "--kind",
        Field::Summary => "--summary",
        Field::Points => "--point",
        Field::Tips => "--tip",
        Field::Tags => "--tag",
        Field::Related => "--related",
        Field::Tasks => "--task",
        Field::Limit => "--service/--value/--unit",
        Field::Other => "entry",
    }
}

/// A draft from flags over an existing draft.
fn fill(mut draft: Draft, f: EntryFields) -> Draft {
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut draft.title, f.title);
    set(&mut draft.kind, f.kind);
    set(&mut draft.summary, f.summary);
    let list = |slot: &mut Vec<String>, v: Vec<String>| {
        if !v.is_empty() {
            *slot = v;
        }
    };
    list(&mut draft.points, f.points);
    list(&mut draft.tips, f.tips);
    list(&mut draft.tags, f.tags);
    list(&mut draft.related, f.related);
    list(&mut draft.tasks, f.tasks);
    if f.service.is_some() || f.value.is_some() || f.unit.is_some() {
        let (s, v, u) = draft.limit.clone().unwrap_or_default();
        draft.limit = Some((
            f.service.unwrap_or(s),
            f.value.unwrap_or(v),
            f.unit.unwrap_or(u),
        ));
    }
    draft
}

fn save(kb: &KnowledgeBase, draft: &Draft, out: &mut String) -> anyhow::Result<()> {
    let store = store()?;
    match packs::save_entry(&store, kb, draft, &crate::platform::study::today()) {
        Ok(id) => {
            out.push_str(&id);
            out.push('\n');
            Ok(())
        }
        Err(Ok(fields)) => {
            let lines: Vec<String> = fields
                .iter()
                .map(|e| format!("  {}: {}", field_name(e.field), e.message))
                .collect();
            bail!("the entry was not saved:\n{}", lines.join("\n"))
        }
        Err(Err(e)) => bail!("the entry was not saved: {e}"),
    }
}

pub(super) fn entry(
    kb: &KnowledgeBase,
    mine: &MyEntries,
    command: EntryCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    match command {
        EntryCommand::List => {
            for e in &mine.entries {
                out.push_str(&format!("{}\t{}\t{}\n", e.id, e.kind.as_str(), e.title));
            }
        }
        EntryCommand::New(fields) => {
            if fields.title.is_none() || fields.summary.is_none() {
                bail!("a new entry needs --title and --summary (and --kind, else concept)");
            }
            let draft = fill(
                Draft {
                    kind: "concept".to_owned(),
                    ..Draft::default()
                },
                fields,
            );
            save(kb, &draft, out)?;
        }
        EntryCommand::Edit { id, fields } => {
            let entry = mine
                .entries
                .iter()
                .find(|e| e.id == id)
                .or_else(|| kb.get(&id))
                .ok_or_else(|| {
                    anyhow!("no entry has the id {id:?}; find ids with `opsdeck search WORDS`")
                })?;
            save(kb, &fill(Draft::of(entry), fields), out)?;
        }
        EntryCommand::Delete { id } => {
            packs::delete_entry(&store()?, &id).map_err(|e| anyhow!(e))?;
        }
    }
    Ok(())
}

fn status(r: &PackReport) -> String {
    if !r.loaded {
        format!(
            "not loaded: {}",
            r.problems.first().cloned().unwrap_or_default()
        )
    } else if r.renamed.is_empty() {
        "loaded".to_owned()
    } else {
        format!("loaded; {} shown as second versions", r.renamed.len())
    }
}

pub(super) fn pack(
    builtin: &KnowledgeBase,
    managed: &Managed,
    command: PackCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    match command {
        PackCommand::List => {
            out.push_str(&format!(
                "built-in\t{}\tloaded\t\n",
                builtin.entries().len()
            ));
            for r in &managed.reports {
                let name = if r.mine {
                    "your entries".to_owned()
                } else {
                    std::path::Path::new(&r.name)
                        .file_name()
                        .map_or(r.name.clone(), |n| n.to_string_lossy().into_owned())
                };
                let path = if r.mine { "mine.ron" } else { r.name.as_str() };
                out.push_str(&format!("{name}\t{}\t{}\t{path}\n", r.entries, status(r)));
            }
        }
        PackCommand::Add { file } => {
            let report = packs::add(&store()?, &managed.kb, &file).map_err(|e| anyhow!(e))?;
            out.push_str(&format!(
                "Added {} ({} entries{}).\n",
                file.display(),
                report.entries,
                if report.renamed.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} share an id with entries you have and are shown as second versions",
                        report.renamed.len()
                    )
                }
            ));
        }
        PackCommand::Remove { file } => {
            let removed = packs::remove(&store()?, &file).map_err(|e| anyhow!(e))?;
            out.push_str(&format!(
                "Removed {removed}; its entries are no longer loaded.\n"
            ));
        }
        PackCommand::Check { file } => {
            let report = packs::check(&managed.kb, &file).map_err(|e| anyhow!(e))?;
            if !report.loaded {
                bail!(
                    "{} has problems:\n{}",
                    file.display(),
                    report.problems.join("\n")
                );
            }
            out.push_str(&format!(
                "{}: {} entries, no problems{}\n",
                file.display(),
                report.entries,
                if report.renamed.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} ids are taken and would show as second versions: {}",
                        report.renamed.len(),
                        report
                            .renamed
                            .iter()
                            .map(|(a, _)| a.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ));
        }
        PackCommand::Export { file } => {
            if managed.mine.entries.is_empty() {
                bail!(
                    "you have no entries of your own to export; write one with `opsdeck entry new`"
                );
            }
            let text = ron::ser::to_string_pretty(
                &managed.mine.as_pack(),
                ron::ser::PrettyConfig::default(),
            )
            .map_err(|e| anyhow!("the pack could not be written: {e}"))?;
            crate::platform::write_atomic(&file, text.as_bytes(), crate::platform::Access::Shared)
                .with_context(|| {
                    format!(
                        "{} cannot be written (nothing was written there)",
                        file.display()
                    )
                })?;
            out.push_str(&format!(
                "Wrote {} entries to {}\n",
                managed.mine.entries.len(),
                file.display()
            ));
        }
    }
    Ok(())
}
