//! The command-line interface (see `shared/CLI.md`): [`args`] defines it, the sibling modules
//! run each command as a thin layer over [`crate::model`].
//!
//! Exit codes: 0 success; 1 the user's input or a file was wrong (one message on stderr);
//! 2 usage error (clap's own).

pub mod args;
mod decide;
mod own;
mod reference;
mod sheets;
mod study;

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{CommandFactory as _, FromArgMatches as _};

use crate::model::KnowledgeBase;
use crate::model::schema::AnswerKind;
use crate::platform;
pub use args::{Cli, Command};

/// Parses the command line; returns it with the built-in knowledge base, which the help
/// text is made from. Help, version and usage errors are printed here; the `Err` is the exit
/// code to end with.
pub fn parse() -> Result<(Cli, KnowledgeBase), ExitCode> {
    let kb = KnowledgeBase::builtin();
    let parsed = with_data_help(Cli::command(), &kb)
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with 0, usage errors to stderr with 2.
            let _ = err.print();
            return Err(ExitCode::from(if err.use_stderr() { 2 } else { 0 }));
        }
    };
    if cli.command.is_some() {
        let given = cli.window.given();
        if !given.is_empty() {
            let _ = writeln!(
                std::io::stderr(),
                "error: {} only applies when opening the window, not with a command\n\nFor more information, try '--help'.",
                given.join(", ")
            );
            return Err(ExitCode::from(2));
        }
    }
    Ok((cli, kb))
}

/// Fills the help of every `wizard dr` and `wizard deploy` flag from the wizard's question in
/// `data/`: its label, its options and its default, so the help never repeats the data.
pub fn with_data_help(command: clap::Command, kb: &KnowledgeBase) -> clap::Command {
    command.mut_subcommand("wizard", |wizard| {
        args::WIZARD_FLAGS
            .iter()
            .fold(wizard, |wizard, (id, flags)| {
                let Some(w) = kb.wizard(id) else {
                    return wizard;
                };
                wizard.mut_subcommand(*id, |mut sub| {
                    for flag in *flags {
                        let Some(q) = w.questions.iter().find(|q| q.key == *flag) else {
                            continue;
                        };
                        let forms = match &q.answer {
                            AnswerKind::Choice(options) => {
                                let ids: Vec<&str> =
                                    options.iter().map(|o| o.id.as_str()).collect();
                                format!(": {}", ids.join(", "))
                            }
                            AnswerKind::Duration => {
                                format!(": {}", crate::model::duration::DURATION_FORMS)
                            }
                            AnswerKind::YesNo => String::new(),
                            AnswerKind::Count(max) => format!(": a whole number up to {max}"),
                        };
                        let default = q
                            .default
                            .as_deref()
                            .map(|d| format!(" (default {d})"))
                            .unwrap_or_default();
                        let help = format!("{}{forms}{default}", q.label);
                        // clap names a derived argument after its field: `extra_cost`.
                        let id = flag.replace('-', "_");
                        if sub.get_arguments().any(|a| a.get_id() == id.as_str()) {
                            sub = sub.mut_arg(id, |arg| arg.help(help));
                        }
                    }
                    if !w.presets.is_empty() && sub.get_arguments().any(|a| a.get_id() == "preset")
                    {
                        let ids: Vec<&str> = w.presets.iter().map(|p| p.id.as_str()).collect();
                        let help = format!(
                            "A preset that fills the answers you do not give: {}",
                            ids.join(", ")
                        );
                        sub = sub.mut_arg("preset", |arg| arg.help(help));
                    }
                    sub
                })
            })
    })
}

/// Runs a parsed command line that has a command; returns the process exit code.
pub fn run(cli: Cli, builtin: KnowledgeBase) -> ExitCode {
    match run_command(cli, builtin) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run_command(cli: Cli, builtin: KnowledgeBase) -> anyhow::Result<()> {
    let Some(command) = cli.command else {
        anyhow::bail!("no command given");
    };
    // Managed packs and the user's own entries load on every run; a problem with one is a
    // warning, not a failure. `--pack` then adds packs for this run, strictly.
    let store = crate::platform::store::Store::default_location();
    let managed = crate::platform::packs::load(builtin.clone(), store.as_ref());
    for notice in &managed.notices {
        eprintln!("warning: {notice}");
    }
    if !matches!(command, Command::Pack { .. }) {
        for r in managed.reports.iter().filter(|r| !r.loaded) {
            eprintln!(
                "warning: {} was not loaded: {} (`opsdeck pack list` shows why)",
                r.name,
                r.problems.first().map_or("", String::as_str)
            );
        }
    }
    let kb = with_packs(managed.kb.clone(), &cli.packs)?;
    let mut out = String::new();
    match command {
        Command::Entry { command } => own::entry(&kb, &managed.mine, command, &mut out)?,
        Command::Pack { command } => own::pack(&builtin, &managed, command, &mut out)?,
        Command::Search { query, limit, json } => {
            reference::search(&kb, &query.join(" "), limit, json, &mut out)?
        }
        Command::Show { id, json } => reference::show(&kb, &id, json, &mut out)?,
        Command::Ask {
            question,
            more,
            json,
        } => reference::ask(&kb, &question.join(" "), more, json, &mut out)?,
        Command::Limits { service, json } => {
            reference::limits(&kb, service.as_deref(), json, &mut out)?
        }
        Command::Dump => reference::dump(&kb, &mut out),
        Command::Guide { json } => reference::guide(&kb, json, &mut out)?,
        Command::Prices { json } => decide::prices(&kb, json, &mut out)?,
        Command::Drill {
            domain,
            entry,
            count,
            json,
        } => study::drill(&kb, domain, entry.as_deref(), count, json, &mut out)?,
        Command::Progress { json } => study::progress(&kb, json, &mut out)?,
        Command::Cards { command } => study::cards(&kb, command, &mut out)?,
        Command::Wizard { command } => decide::wizard(&kb, command, &mut out)?,
        Command::Compare {
            ids,
            format,
            instances,
            step_minutes,
            instance_price,
        } => {
            let cost = instances.map(|instances| crate::model::plan::deploy::CostContext {
                instances,
                step_minutes,
                price: instance_price,
            });
            decide::compare(&kb, &ids, format, cost.as_ref(), &mut out)?
        }
        Command::Simulate {
            strategy,
            instances,
            batch,
            json,
        } => decide::simulate(&kb, &strategy, instances, batch, json, &mut out)?,
        Command::Sheet { command } => sheets::sheet(&kb, command, &mut out)?,
        Command::Note { id, text } => sheets::note(&kb, &id, &text)?,
        Command::Export {
            sheet,
            format,
            out: file,
            paper,
            columns,
        } => sheets::export(
            &kb,
            &sheet,
            format,
            file.as_deref(),
            (paper, columns),
            &mut out,
        )?,
        Command::Import { file, with_notes } => sheets::import(&kb, &file, with_notes, &mut out)?,
    }
    // As with the search index: the OS frees a large knowledge base faster at exit.
    std::mem::forget(kb);
    write_stdout(&out)
}

/// The knowledge base with the packs given by `--pack` merged on top.
pub fn with_packs(
    kb: KnowledgeBase,
    packs: &[std::path::PathBuf],
) -> anyhow::Result<KnowledgeBase> {
    if packs.is_empty() {
        return Ok(kb);
    }
    let packs = platform::read_packs(packs)?;
    Ok(kb.with_packs(&packs)?)
}

/// Writes to stdout, treating a closed pipe (`opsdeck dump | head`) as success.
pub(super) fn write_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("writing output"),
        _ => Ok(()),
    }
}
