//! The command-line interface (see `shared/CLI.md`): clap definitions and the commands, each a
//! thin layer over [`crate::model`].
//!
//! Exit codes: 0 success; 1 the user's input or a file was wrong (one message on stderr);
//! 2 usage error (clap's own).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use clap::{Parser, Subcommand};
use serde_json::json;

use crate::model::compare::compare;
use crate::model::render::{dump_text, entry_markdown, limit_row, one_line};
use crate::model::simulate::simulate;
use crate::model::wizard::{parse_answers, recommend};
use crate::model::{KnowledgeBase, Query, SearchIndex};
use crate::platform;

/// OpsDeck: search the AWS DevOps Professional reference, compare strategies and keep
/// cheat-sheets. Without a command, opens the desktop window.
#[derive(Debug, Parser)]
#[command(name = "opsdeck", version, about, long_about = None)]
pub struct Cli {
    /// Load a knowledge pack (RON, same schema as data/) on top of the built-in knowledge
    /// base. Repeatable.
    #[arg(long = "pack", value_name = "FILE", global = true)]
    pub packs: Vec<PathBuf>,

    /// Open the window, wait until it settles, save a PNG of it to FILE and exit.
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// Window view to start in: search, entry, limits, wizard, compare, sheets, settings.
    #[arg(long, value_name = "VIEW")]
    pub view: Option<String>,
    /// Search text to start with.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Entry to open (id).
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// Wizard to show (id), for the wizard view.
    #[arg(long, value_name = "ID")]
    pub wizard: Option<String>,
    /// Pre-fill an answer of the --wizard, KEY=VALUE; repeatable.
    #[arg(long = "answer", value_name = "KEY=VALUE")]
    pub answers: Vec<String>,
    /// Entries to compare, comma-separated, for the compare view.
    #[arg(long, value_name = "ID,ID,...")]
    pub compare: Option<String>,
    /// dark or light (default: follow the system).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Window size for --screenshot, WIDTHxHEIGHT (default 1180x760).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fuzzy-search the knowledge base: `ID<TAB>KIND<TAB>TITLE<TAB>SCORE`, best first.
    Search {
        /// Words to find; `kind:service` (or feature, concept, strategy, limit) narrows by kind.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How many hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one entry in full, as Markdown.
    Show {
        /// The entry's id (see `opsdeck search`).
        id: String,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List limits: `SERVICE<TAB>LIMIT<TAB>VALUE<TAB>NOTES_VALUE<TAB>ADJUSTABLE<TAB>SOURCE<TAB>CHECKED`.
    Limits {
        /// Only the limits of this service (entry id, e.g. `cloudformation`).
        #[arg(long, value_name = "ID")]
        service: Option<String>,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Every entry on one line: `ID<TAB>TITLE<TAB>TEXT`.
    Dump,
    /// Decision wizards: recommend a strategy and explain why.
    Wizard {
        /// Which wizard to run.
        #[command(subcommand)]
        command: WizardCommand,
    },
    /// Manage cheat-sheets.
    Sheet {
        /// What to do.
        #[command(subcommand)]
        command: SheetCommand,
    },
    /// Set your personal note on an entry (empty TEXT removes it).
    Note {
        /// The entry id.
        id: String,
        /// The note.
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Export a sheet as Markdown, printable HTML or a shareable file.
    Export {
        /// The sheet's name.
        sheet: String,
        /// md, html or ron (ron is what `opsdeck import` reads).
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Write to FILE (atomically) instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a sheet someone shared (`opsdeck export SHEET --format ron`).
    Import {
        /// The shared file.
        file: PathBuf,
    },
    /// Compare entries side by side: one column per entry, one row per attribute.
    Compare {
        /// Entry ids of one kind (e.g. `rolling immutable blue-green`).
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
        /// Markdown table or JSON.
        #[arg(long, value_enum, default_value_t = CompareFormat::Md)]
        format: CompareFormat,
    },
    /// Simulate a deployment step by step: `STEP<TAB>IN_SERVICE<TAB>OLD<TAB>NEW<TAB>DESCRIPTION`.
    Simulate {
        /// all-at-once, rolling, rolling-additional-batch, immutable, traffic-splitting,
        /// blue-green, canary or linear.
        strategy: String,
        /// Instances in the fleet (1–10,000).
        #[arg(long, value_name = "N")]
        instances: u32,
        /// Batch size for rolling strategies (clamped to 1..=N).
        #[arg(long, value_name = "B", default_value_t = 1)]
        batch: u32,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// The `opsdeck sheet` subcommands.
#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// List sheets: `NAME<TAB>ENTRIES`.
    List,
    /// Create an empty sheet.
    New {
        /// The sheet's name.
        name: String,
    },
    /// Delete a sheet.
    Delete {
        /// The sheet's name.
        name: String,
    },
    /// Rename a sheet.
    Rename {
        /// The current name.
        name: String,
        /// The new name.
        new_name: String,
    },
    /// Add entries to a sheet.
    Add {
        /// The sheet's name.
        name: String,
        /// Entry ids.
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
    /// Remove an entry from a sheet.
    Remove {
        /// The sheet's name.
        name: String,
        /// The entry id.
        id: String,
    },
    /// Print a sheet's entry ids, one a line.
    Show {
        /// The sheet's name.
        name: String,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// One self-contained printable HTML page.
    Html,
    /// A file another OpsDeck user can `opsdeck import`.
    Ron,
}

/// The `opsdeck wizard` subcommands.
#[derive(Debug, Subcommand)]
pub enum WizardCommand {
    /// List the wizards: `ID<TAB>TITLE`.
    List,
    /// Disaster-recovery strategy from RTO, RPO, budget and scope.
    Dr {
        /// Recovery time objective: 0, 30s, 15m, 4h, 1d, 1h30m …
        #[arg(long)]
        rto: String,
        /// Recovery point objective, same forms as --rto.
        #[arg(long)]
        rpo: String,
        /// low, medium or high (default medium).
        #[arg(long)]
        budget: Option<String>,
        /// az or region (default region).
        #[arg(long)]
        scope: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Deployment strategy for a platform and your constraints.
    Deploy {
        /// ec2, beanstalk, ecs, lambda or on-prem.
        #[arg(long)]
        platform: String,
        /// ok or none (default none).
        #[arg(long)]
        downtime: Option<String>,
        /// none, low or high (default high).
        #[arg(long = "extra-cost")]
        extra_cost: Option<String>,
        /// may-drop or keep (default may-drop).
        #[arg(long)]
        capacity: Option<String>,
        /// ok or no (default ok).
        #[arg(long = "mixed-versions")]
        mixed_versions: Option<String>,
        /// any or fast (default any).
        #[arg(long)]
        rollback: Option<String>,
        /// none, canary, linear or ab (default none).
        #[arg(long)]
        gradual: Option<String>,
        /// The release changes the data schema in a way the old version cannot read.
        #[arg(long = "schema-coupled")]
        schema_coupled: bool,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Any wizard, answers given as KEY=VALUE.
    Run {
        /// Wizard id (see `opsdeck wizard list`).
        id: String,
        /// An answer, KEY=VALUE; repeatable.
        #[arg(long = "answer", value_name = "KEY=VALUE")]
        answers: Vec<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Output format of `opsdeck compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// A Markdown table.
    Md,
    /// A JSON object.
    Json,
}

/// Parses the arguments and runs; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout with 0 and usage errors to stderr with 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let packs = platform::read_packs(&cli.packs)?;
    let kb = KnowledgeBase::builtin_with_packs(&packs).map_err(|e| anyhow!("{e}"))?;
    let Some(command) = cli.command else {
        let options = window_options(&cli, &kb)?;
        let shooting = options.screenshot.is_some();
        crate::app::run(kb, options).map_err(|e| anyhow!("the window could not be opened: {e}"))?;
        if shooting {
            let outcome = crate::app::screenshot::OUTCOME
                .lock()
                .ok()
                .and_then(|mut o| o.take());
            match outcome {
                Some(Ok(())) => {}
                Some(Err(e)) => bail!("{e}"),
                None => bail!("the window closed before the screenshot was taken"),
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let mut out = String::new();
    match command {
        Command::Search { query, limit, json } => {
            search(&kb, &query.join(" "), limit, json, &mut out)?
        }
        Command::Show { id, json } => show(&kb, &id, json, &mut out)?,
        Command::Limits { service, json } => limits(&kb, service.as_deref(), json, &mut out)?,
        Command::Dump => dump(&kb, &mut out),
        Command::Wizard { command } => wizard(&kb, command, &mut out)?,
        Command::Sheet { command } => sheet(&kb, command, &mut out)?,
        Command::Note { id, text } => {
            update_user(&kb, |data| data.set_note(&id, &text, &kb))?;
        }
        Command::Export {
            sheet,
            format,
            out: file,
        } => {
            let text = export(&kb, &sheet, format)?;
            match file {
                Some(path) => {
                    crate::platform::write_atomic(&path, text.as_bytes()).with_context(|| {
                        format!(
                            "{} cannot be written (nothing was written there)",
                            path.display()
                        )
                    })?
                }
                None => out.push_str(&text),
            }
        }
        Command::Import { file } => {
            let shared = crate::platform::store::read_shared(&file).map_err(|e| anyhow!(e))?;
            let name = update_user(&kb, |data| data.import(shared, &kb))?;
            out.push_str(&format!("imported as {name}\n"));
        }
        Command::Compare { ids, format } => {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let table = compare(&kb, &ids)?;
            match format {
                CompareFormat::Md => out.push_str(&table.to_markdown()),
                CompareFormat::Json => {
                    out.push_str(&serde_json::to_string_pretty(&table)?);
                    out.push('\n');
                }
            }
        }
        Command::Simulate {
            strategy,
            instances,
            batch,
            json,
        } => {
            let sim = simulate(&strategy, instances, batch)?;
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
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout, treating a closed pipe (`opsdeck dump | head`) as success.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("writing output"),
        _ => Ok(()),
    }
}

fn search(
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

fn show(kb: &KnowledgeBase, id: &str, json: bool, out: &mut String) -> anyhow::Result<()> {
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

fn limits(
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

fn dump(kb: &KnowledgeBase, out: &mut String) {
    for e in kb.entries() {
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            e.id,
            one_line(&e.title),
            dump_text(e)
        ));
    }
}

fn wizard(kb: &KnowledgeBase, command: WizardCommand, out: &mut String) -> anyhow::Result<()> {
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
            put("budget", budget);
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

/// Turns the window flags into start options, checking each value.
fn window_options(cli: &Cli, kb: &KnowledgeBase) -> anyhow::Result<crate::app::StartOptions> {
    use crate::app::state::{ThemeChoice, View};
    let view = match cli.view.as_deref() {
        None => None,
        Some(name) => Some(View::parse(name).ok_or_else(|| {
            anyhow!("unknown view {name:?}; use search, entry, limits, wizard, compare, sheets or settings")
        })?),
    };
    let theme = match cli.theme.as_deref() {
        None => None,
        Some("dark") => Some(ThemeChoice::Dark),
        Some("light") => Some(ThemeChoice::Light),
        Some("system") => Some(ThemeChoice::System),
        Some(other) => bail!("unknown theme {other:?}; use dark or light"),
    };
    if let Some(id) = &cli.entry
        && kb.get(id).is_none()
    {
        bail!("no entry has the id {id:?}; find ids with `opsdeck search WORDS`");
    }
    if let Some(id) = &cli.wizard
        && kb.wizard(id).is_none()
    {
        bail!("no wizard has the id {id:?}; see `opsdeck wizard list`");
    }
    if let Some(list) = &cli.compare {
        for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if kb.get(id).is_none() {
                bail!("no entry has the id {id:?} (in --compare)");
            }
        }
    }
    let mut answers = Vec::new();
    for raw in &cli.answers {
        let Some((key, value)) = raw.split_once('=') else {
            bail!("answer {raw:?} is not KEY=VALUE (e.g. --answer rto=4h)");
        };
        if cli.wizard.is_none() {
            bail!("--answer needs --wizard ID");
        }
        answers.push((key.trim().to_owned(), value.trim().to_owned()));
    }
    let screenshot = match &cli.screenshot {
        None => {
            if cli.size.is_some() {
                bail!("--size only applies with --screenshot");
            }
            None
        }
        Some(path) => Some(crate::app::ScreenshotRequest {
            path: path.clone(),
            size: match &cli.size {
                Some(text) => crate::app::screenshot::parse_size(text).map_err(|e| anyhow!(e))?,
                None => [1180.0, 760.0],
            },
        }),
    };
    Ok(crate::app::StartOptions {
        fresh: screenshot.is_some(),
        theme,
        view,
        query: cli.query.clone(),
        entry: cli.entry.clone(),
        wizard: cli.wizard.clone(),
        answers,
        // Screenshots start with fresh window state but may show the sheets in an explicitly
        // chosen data directory.
        data_dir: std::env::var_os("OPSDECK_DATA_DIR")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from),
        compare: cli.compare.as_ref().map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        }),
        screenshot,
    })
}

/// The store, or an error that says how to fix a missing data directory.
fn store() -> anyhow::Result<crate::platform::store::Store> {
    crate::platform::store::Store::default_location()
        .ok_or_else(|| anyhow!("no data directory: set OPSDECK_DATA_DIR to a writable directory"))
}

/// Applies a change to the user data on disk; reports a broken file that was moved aside.
fn update_user<T, E: std::fmt::Display>(
    _kb: &KnowledgeBase,
    change: impl FnOnce(&mut crate::model::sheets::UserData) -> Result<T, E>,
) -> anyhow::Result<T> {
    use crate::platform::store::UpdateError;
    match store()?.update(change) {
        Ok(updated) => {
            if let Some((path, why)) = updated.moved_aside {
                eprintln!(
                    "warning: your data file could not be read ({why}); it was kept as {} and OpsDeck started afresh",
                    path.display()
                );
            }
            Ok(updated.value)
        }
        Err(UpdateError::Store(e)) => Err(anyhow!("{e}")),
        Err(UpdateError::Change(e)) => Err(anyhow!("{e}")),
    }
}

/// Reads the user data (moving a broken file aside, with a warning).
fn load_user() -> anyhow::Result<crate::model::sheets::UserData> {
    let loaded = store()?.load().map_err(|e| anyhow!("{e}"))?;
    if let Some((path, why)) = loaded.moved_aside {
        eprintln!(
            "warning: your data file could not be read ({why}); it was kept as {} and OpsDeck started afresh",
            path.display()
        );
    }
    Ok(loaded.data)
}

fn sheet(kb: &KnowledgeBase, command: SheetCommand, out: &mut String) -> anyhow::Result<()> {
    match command {
        SheetCommand::List => {
            for s in load_user()?.sheets {
                out.push_str(&format!("{}\t{}\n", one_line(&s.name), s.entries.len()));
            }
        }
        SheetCommand::New { name } => update_user(kb, |d| d.new_sheet(&name))?,
        SheetCommand::Delete { name } => {
            update_user(kb, |d| d.delete_sheet(&name).map(|_| ()))?;
        }
        SheetCommand::Rename { name, new_name } => {
            update_user(kb, |d| d.rename_sheet(&name, &new_name))?
        }
        SheetCommand::Add { name, ids } => {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            update_user(kb, |d| d.add(&name, &ids, kb))?;
        }
        SheetCommand::Remove { name, id } => update_user(kb, |d| d.remove(&name, &id))?,
        SheetCommand::Show { name } => {
            let data = load_user()?;
            let Some(s) = data.sheet(&name) else {
                bail!("no sheet is named {name:?}; list sheets with `opsdeck sheet list`");
            };
            for id in &s.entries {
                out.push_str(id);
                out.push('\n');
            }
        }
    }
    Ok(())
}

/// The sheet in the requested format.
pub fn export(kb: &KnowledgeBase, name: &str, format: ExportFormat) -> anyhow::Result<String> {
    use crate::model::sheets::ExportFormat as Format;
    let data = load_user()?;
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Ron => Format::Shared,
    };
    Ok(crate::model::sheets::export(
        kb, &data, name, format, SHEET_CSS,
    )?)
}

/// The stylesheet embedded in every HTML export.
pub const SHEET_CSS: &str = include_str!("../assets/sheet.css");
