//! Decision commands: `wizard`, `compare`, `simulate`.

use anyhow::bail;

use super::args::{CompareFormat, WizardCommand};
use crate::model::KnowledgeBase;
use crate::model::render::one_line;
use crate::model::wizard::{parse_answers, recommend};

pub(super) fn wizard(
    kb: &KnowledgeBase,
    command: WizardCommand,
    out: &mut String,
) -> anyhow::Result<()> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            pairs.push((key.to_owned(), v));
        }
    };
    let (id, json) = match command {
        WizardCommand::List => {
            for w in kb.wizards() {
                out.push_str(&format!("{}\t{}\n", w.id, one_line(&w.title)));
            }
            return Ok(());
        }
        WizardCommand::Dr {
            rto,
            rpo,
            budget,
            scope,
            json,
        } => {
            put("rto", Some(rto));
            put("rpo", Some(rpo));
            put("budget", Some(budget));
            put("scope", scope);
            ("dr".to_owned(), json)
        }
        WizardCommand::Deploy {
            platform,
            downtime,
            extra_cost,
            capacity,
            mixed_versions,
            rollback,
            gradual,
            schema_coupled,
            json,
        } => {
            put("platform", Some(platform));
            put("downtime", downtime);
            put("extra-cost", extra_cost);
            put("capacity", capacity);
            put("mixed-versions", mixed_versions);
            put("rollback", rollback);
            put("gradual", gradual);
            put("schema-coupled", schema_coupled.then(|| "yes".to_owned()));
            ("deploy".to_owned(), json)
        }
        WizardCommand::Run { id, answers, json } => {
            for raw in answers {
                let Some((key, value)) = raw.split_once('=') else {
                    bail!("answer {raw:?} is not KEY=VALUE (e.g. --answer rto=4h)");
                };
                pairs.push((key.trim().to_owned(), value.trim().to_owned()));
            }
            (id, json)
        }
    };
    let Some(w) = kb.wizard(&id) else {
        let ids: Vec<&str> = kb.wizards().iter().map(|w| w.id.as_str()).collect();
        bail!("no wizard has the id {id:?}; wizards: {}", ids.join(", "));
    };
    let answers = parse_answers(w, &pairs)?;
    let Some(rec) = recommend(kb, w, &answers) else {
        bail!("the {id} wizard has no candidates in this knowledge base");
    };
    if json {
        out.push_str(&serde_json::to_string_pretty(&rec)?);
        out.push('\n');
        return Ok(());
    }
    out.push_str(&format!("{}\n", rec.title));
    if !rec.mechanism.is_empty() {
        out.push_str(&format!("\nHow: {}\n", rec.mechanism));
    }
    let mut list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            out.push_str(&format!("\n{title}:\n"));
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
        }
    };
    list("Why", &rec.reasons);
    list("Warnings", &rec.warnings);
    let alternatives: Vec<String> = rec
        .alternatives
        .iter()
        .map(|a| format!("{} ({}): {}", a.title, a.strategy, a.why_not))
        .collect();
    list("Alternatives", &alternatives);
    list("What would change it", &rec.would_change);
    Ok(())
}

/// `opsdeck compare`: the side-by-side table as Markdown or JSON.
pub(super) fn compare(
    kb: &KnowledgeBase,
    ids: &[String],
    format: CompareFormat,
    out: &mut String,
) -> anyhow::Result<()> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let table = crate::model::compare::compare(kb, &ids)?;
    match format {
        CompareFormat::Md => out.push_str(&table.to_markdown()),
        CompareFormat::Json => {
            out.push_str(&serde_json::to_string_pretty(&table)?);
            out.push('\n');
        }
    }
    Ok(())
}

/// `opsdeck simulate`: a deployment step by step.
pub(super) fn simulate(
    kb: &KnowledgeBase,
    strategy: &str,
    instances: u32,
    batch: u32,
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let sim = crate::model::simulate::simulate_entry(kb, strategy, instances, batch)?;
    if json {
        out.push_str(&serde_json::to_string_pretty(&sim)?);
        out.push('\n');
    } else {
        for (i, s) in sim.steps.iter().enumerate() {
            out.push_str(&format!(
                "{i}\t{}\t{}\t{}\t{}\n",
                s.in_service, s.old, s.new, s.description
            ));
        }
    }
    Ok(())
}
