//! Decision commands: `wizard`, `compare`, `simulate`.

use anyhow::{Context, bail};

use super::args::{CompareFormat, DeployArgs, DrArgs, WizardCommand};
use crate::model::KnowledgeBase;
use crate::model::plan::Plan;
use crate::model::plan::cost::{Prices, format_quantity, format_usd};
use crate::model::plan::deploy::{DeployCost, deploy_costs};
use crate::model::plan::text::plan_text;
use crate::model::render::one_line;
use crate::model::schema::Wizard;
use crate::model::wizard::{PRESET_KEY, PRICE_PREFIX, Recommendation, parse_answers, recommend};

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
    let (id, json, prices) = match command {
        WizardCommand::List => {
            for w in kb.wizards() {
                out.push_str(&format!("{}\t{}\n", w.id, one_line(&w.title)));
            }
            return Ok(());
        }
        WizardCommand::Read {
            file,
            answers,
            prices,
            json,
        } => return read(kb, &file, &answers, &prices, json, out),
        WizardCommand::Rules { id, answers, json } => {
            return rules(kb, &id, &answers, json, out);
        }
        WizardCommand::Dr(args) => {
            let DrArgs {
                rto,
                rpo,
                budget,
                scope,
                preset,
                az_rto,
                az_rpo,
                corruption_rto,
                corruption_rpo,
                instances,
                instance_price,
                database,
                db_gb,
                data_gb,
                change_gb,
                standby_percent,
                current_az,
                current_dr,
                prices,
                json,
            } = *args;
            put("rto", rto);
            put("rpo", rpo);
            put("budget", budget);
            put("scope", scope);
            put(PRESET_KEY, preset);
            put("az-rto", az_rto);
            put("az-rpo", az_rpo);
            put("corruption-rto", corruption_rto);
            put("corruption-rpo", corruption_rpo);
            put("instances", instances);
            put("instance-price", instance_price);
            put("database", database);
            put("db-gb", db_gb);
            put("data-gb", data_gb);
            put("change-gb", change_gb);
            put("standby-percent", standby_percent);
            put("current-az", current_az);
            put("current-dr", current_dr);
            ("dr".to_owned(), json, prices)
        }
        WizardCommand::Deploy(args) => {
            let DeployArgs {
                platform,
                downtime,
                extra_cost,
                capacity,
                mixed_versions,
                rollback,
                gradual,
                schema_coupled,
                ecs_controller,
                instances,
                instance_price,
                step_minutes,
                deploys_per_month,
                prices,
                json,
            } = *args;
            put("platform", Some(platform));
            put("downtime", downtime);
            put("extra-cost", extra_cost);
            put("capacity", capacity);
            put("mixed-versions", mixed_versions);
            put("rollback", rollback);
            put("gradual", gradual);
            put("schema-coupled", schema_coupled.then(|| "yes".to_owned()));
            put("ecs-controller", ecs_controller);
            put("instances", instances);
            put("instance-price", instance_price);
            put("step-minutes", step_minutes);
            put("deploys-per-month", deploys_per_month);
            ("deploy".to_owned(), json, prices)
        }
        WizardCommand::Run {
            id,
            answers,
            preset,
            prices,
            json,
        } => {
            put(PRESET_KEY, preset);
            for (k, v) in key_values(&answers, "--answer rto=4h")? {
                put(&k, Some(v));
            }
            (id, json, prices)
        }
    };
    for (key, value) in key_values(&prices, "--price alb-hour=0.0225")? {
        pairs.push((format!("{PRICE_PREFIX}{key}"), value));
    }
    let w = find_wizard(kb, &id)?;
    let decision = decide(kb, w, &pairs)?;
    print_decision(&decision, json, out)
}

/// `KEY=VALUE` arguments split, or an error showing the form.
fn key_values(raw: &[String], example: &str) -> anyhow::Result<Vec<(String, String)>> {
    raw.iter()
        .map(|r| match r.split_once('=') {
            Some((k, v)) => Ok((k.trim().to_owned(), v.trim().to_owned())),
            None => bail!("{r:?} is not KEY=VALUE (e.g. {example})"),
        })
        .collect()
}

fn find_wizard<'k>(kb: &'k KnowledgeBase, id: &str) -> anyhow::Result<&'k Wizard> {
    kb.wizard(id).ok_or_else(|| {
        let ids: Vec<&str> = kb.wizards().iter().map(|w| w.id.as_str()).collect();
        anyhow::anyhow!("no wizard has the id {id:?}; wizards: {}", ids.join(", "))
    })
}

/// A wizard's answer with everything worked out from it.
#[derive(serde::Serialize)]
struct Decision {
    #[serde(flatten)]
    recommendation: Recommendation,
    /// Per-failure verdicts and costed options (disaster recovery).
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<Plan>,
    /// What a deployment costs with each strategy (deployments).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    deploy_costs: Vec<DeployCost>,
}

fn decide(kb: &KnowledgeBase, w: &Wizard, pairs: &[(String, String)]) -> anyhow::Result<Decision> {
    let answers = parse_answers(w, pairs)?;
    let Some(recommendation) = recommend(kb, w, &answers) else {
        bail!(
            "the {} wizard has no candidates in this knowledge base",
            w.id
        );
    };
    let prices = Prices::with_overrides(
        kb.prices(),
        pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(PRICE_PREFIX)?, v.as_str()))),
    )
    .map_err(anyhow::Error::msg)?;
    let plan = w
        .plan
        .as_ref()
        .map(|spec| crate::model::plan::plan(kb, spec, &answers, &prices));
    let applies = w.deploy_cost.as_ref().is_some_and(|c| {
        c.when
            .as_ref()
            .is_none_or(|cond| crate::model::wizard::cond_holds(cond, &answers))
    });
    let deploy_costs = if applies {
        let mut ids = vec![recommendation.strategy.as_str()];
        ids.extend(
            recommendation
                .alternatives
                .iter()
                .map(|a| a.strategy.as_str()),
        );
        deploy_costs(kb, &ids, &answers, &prices)
    } else {
        Vec::new()
    };
    Ok(Decision {
        recommendation,
        plan,
        deploy_costs,
    })
}

fn print_decision(decision: &Decision, json: bool, out: &mut String) -> anyhow::Result<()> {
    if json {
        out.push_str(&serde_json::to_string_pretty(decision)?);
        out.push('\n');
        return Ok(());
    }
    let rec = &decision.recommendation;
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
    if !decision.deploy_costs.is_empty() {
        out.push_str("\nDeployment cost (extra instances beyond the fleet):\n");
        for c in &decision.deploy_costs {
            let money = match (c.per_deploy_usd, c.monthly_usd) {
                (Some(d), Some(m)) => format!(
                    ", {} a deployment, {} a month",
                    format_usd(d),
                    format_usd(m)
                ),
                _ => ", not priced".to_owned(),
            };
            out.push_str(&format!(
                "- {}: peak {} instances, {} extra instance-hours{money}\n",
                c.title,
                c.peak_instances,
                format_quantity(c.extra_instance_hours)
            ));
        }
    }
    if let Some(plan) = &decision.plan {
        out.push_str("\nPlan per failure\n\n");
        out.push_str(&plan_text(plan));
    }
    Ok(())
}

/// `opsdeck wizard read`: a scenario read, the wizard it fills, and the answer.
fn read(
    kb: &KnowledgeBase,
    file: &str,
    answers: &[String],
    prices: &[String],
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let text = if file == "-" {
        let mut buf = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut buf)
            .context("could not read the scenario from standard input (is it UTF-8 text?)")?;
        buf
    } else {
        std::fs::read_to_string(file)
            .with_context(|| format!("could not read the scenario file {file:?}"))?
    };
    if text.trim().is_empty() {
        bail!(
            "the scenario is empty: give a file with the question's text, or pipe it to `opsdeck wizard read -`"
        );
    }
    let scenario = crate::model::scenario::read(&text);
    let Some(id) = scenario.wizard.clone() else {
        bail!(
            "could not tell which decision this text is about: it names no recovery target, \
             failure to survive or deployment constraint that OpsDeck reads. Answer a wizard \
             directly instead, e.g. `opsdeck wizard dr --rto 4h --rpo 1h --budget low`"
        );
    };
    let w = find_wizard(kb, &id)?;
    let mut pairs = scenario.answers_for(w);
    for (k, v) in key_values(answers, "--answer rpo=15m")? {
        pairs.retain(|(key, _)| *key != k);
        pairs.push((k, v));
    }
    for (key, value) in key_values(prices, "--price alb-hour=0.0225")? {
        pairs.push((format!("{PRICE_PREFIX}{key}"), value));
    }
    let untold: Vec<(String, Option<String>)> = scenario
        .untold(w)
        .into_iter()
        .filter(|(k, _)| !pairs.iter().any(|(key, _)| key == k))
        .map(|(k, d)| (k.to_owned(), d.map(str::to_owned)))
        .collect();
    let missing: Vec<&str> = untold
        .iter()
        .filter(|(k, d)| d.is_none() && w.questions.iter().any(|q| &q.key == k && !q.optional))
        .map(|(k, _)| k.as_str())
        .collect();
    let decision = if missing.is_empty() {
        Some(decide(kb, w, &pairs)?)
    } else {
        None
    };
    if json {
        let value = serde_json::json!({
            "wizard": id,
            "readings": scenario.answers,
            "untold": untold.iter().map(|(k, d)| serde_json::json!({"key": k, "default": d})).collect::<Vec<_>>(),
            "missing": missing,
            "decision": decision,
        });
        out.push_str(&serde_json::to_string_pretty(&value)?);
        out.push('\n');
        return Ok(());
    }
    out.push_str(&format!("Read as: {} ({id})\n\nFrom the text:\n", w.title));
    for r in scenario
        .answers
        .iter()
        .filter(|r| w.questions.iter().any(|q| q.key == r.key))
    {
        out.push_str(&format!("- {} = {}   \"{}\"\n", r.key, r.value, r.phrase));
    }
    let told: Vec<&(String, Option<String>)> = untold
        .iter()
        .filter(|(k, _)| w.questions.iter().any(|q| &q.key == k && !q.optional))
        .collect();
    if !told.is_empty() {
        out.push_str("\nNot in the text:\n");
        for (k, d) in told {
            match d {
                Some(d) => out.push_str(&format!("- {k}: using the default, {d}\n")),
                None => out.push_str(&format!("- {k}: needed; add --answer {k}=VALUE\n")),
            }
        }
    }
    match decision {
        Some(d) => {
            out.push('\n');
            print_decision(&d, false, out)
        }
        None => {
            // What was read is worth seeing even though the wizard cannot answer yet.
            super::write_stdout(out)?;
            out.clear();
            bail!(
                "the {id} wizard needs {} to answer; add {}",
                missing.join(" and "),
                missing
                    .iter()
                    .map(|k| format!("--answer {k}=VALUE"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        }
    }
}

/// `opsdeck wizard rules`: which rules apply to the answers and what each rules out.
fn rules(
    kb: &KnowledgeBase,
    id: &str,
    answers: &[String],
    json: bool,
    out: &mut String,
) -> anyhow::Result<()> {
    let w = find_wizard(kb, id)?;
    let pairs = key_values(answers, "--answer rto=4h")?;
    let parsed = parse_answers(w, &pairs)?;
    let table = crate::model::wizard::rule_table(kb, w, &parsed);
    if json {
        out.push_str(&serde_json::to_string_pretty(&table)?);
        out.push('\n');
        return Ok(());
    }
    for row in &table.rows {
        let status = if row.applies {
            "applies"
        } else {
            "does not apply"
        };
        out.push_str(&format!(
            "{}. [{}] {} — {status}\n",
            row.index + 1,
            row.strength,
            row.summary
        ));
        if row.applies && !row.matched.is_empty() {
            let verb = if row.strength == "prefer" {
                "prefers"
            } else {
                "rules out"
            };
            out.push_str(&format!("   {verb}: {}\n", row.matched.join(", ")));
        }
    }
    out.push_str(&format!("\nChosen: {}\n", table.chosen));
    Ok(())
}

/// `opsdeck compare`: the side-by-side table as Markdown or JSON.
pub(super) fn compare(
    kb: &KnowledgeBase,
    ids: &[String],
    format: CompareFormat,
    cost: Option<&crate::model::plan::deploy::CostContext>,
    out: &mut String,
) -> anyhow::Result<()> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut table = crate::model::compare::compare(kb, &ids)?;
    if let Some(ctx) = cost {
        if !kb.prices().iter().any(|p| p.key == ctx.price) {
            bail!(
                "no price has the key {:?}; `opsdeck prices` lists the keys",
                ctx.price
            );
        }
        if ctx.instances == 0 || ctx.instances > crate::model::simulate::MAX_INSTANCES {
            bail!(
                "--instances must be 1 to {}",
                crate::model::simulate::MAX_INSTANCES
            );
        }
        let prices = Prices::new(kb.prices());
        table.rows.extend(crate::model::plan::deploy::cost_rows(
            kb, &ids, ctx, &prices,
        ));
    }
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

/// `opsdeck prices`: the price table, and the prices estimates ask for that it lacks.
pub(super) fn prices(kb: &KnowledgeBase, json: bool, out: &mut String) -> anyhow::Result<()> {
    if json {
        out.push_str(&serde_json::to_string_pretty(kb.prices())?);
        out.push('\n');
        return Ok(());
    }
    for p in kb.prices() {
        let checked = match (&p.source.unverified, &p.source.checked) {
            (Some(_), _) => "unverified".to_owned(),
            (None, Some(c)) => c.clone(),
            (None, None) => String::new(),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{checked}\t{}\n",
            p.key,
            p.usd,
            p.unit,
            one_line(&p.label),
            p.source.url
        ));
    }
    for (key, label, unit) in crate::model::plan::cost::PRICE_NEEDED {
        if !kb.prices().iter().any(|p| p.key == *key) {
            out.push_str(&format!("{key}\t\t{unit}\t{label}\tnot priced\t\n"));
        }
    }
    Ok(())
}
