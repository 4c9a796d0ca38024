//! Starting the window: options from the command line, checked, and the eframe set-up.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};

use super::OpsDeckApp;
use super::screenshot::{self, ScreenshotRequest};
use crate::cli::args::WindowArgs;
use crate::model::KnowledgeBase;
use crate::ui;
use crate::ui::command::{ThemeChoice, View};
use crate::ui::state::{HISTORY_LIMIT, Persisted, ZOOM_RANGE};

/// Options for starting the app (from the command line or tests).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Ignore persisted window state (screenshots and tests start clean).
    pub fresh: bool,
    /// Force a theme.
    pub theme: Option<ThemeChoice>,
    /// Force a UI scale.
    pub zoom: Option<f32>,
    /// Start in this view.
    pub view: Option<View>,
    /// Start with this search text.
    pub query: Option<String>,
    /// Start on this entry.
    pub entry: Option<String>,
    /// Show this wizard.
    pub wizard: Option<String>,
    /// Pre-filled answers for that wizard (key, raw value).
    pub answers: Vec<(String, String)>,
    /// Compare these entries.
    pub compare: Option<Vec<String>>,
    /// Take a screenshot and exit.
    pub screenshot: Option<ScreenshotRequest>,
    /// Where user data (sheets, notes, stars) lives. `None` with `fresh` keeps it in memory
    /// only, so tests and screenshots never touch the user's files.
    pub data_dir: Option<PathBuf>,
    /// Watch the data directory and react to termination signals (off in tests).
    pub live: bool,
    /// A fixed "now" (Unix seconds) for study schedules and exam timers, so tests and
    /// screenshots do not depend on the clock; `None` uses the system's.
    pub clock: Option<i64>,
}

impl StartOptions {
    /// Turns the window flags into start options, checking each value against the data.
    pub fn from_args(args: &WindowArgs, kb: &KnowledgeBase) -> anyhow::Result<StartOptions> {
        let view = match args.view.as_deref() {
            None => None,
            Some(name) => Some(View::parse(name).ok_or_else(|| {
                let names: Vec<&str> = View::ALL.iter().map(|v| v.name()).collect();
                anyhow!("unknown view {name:?}; use {}", names.join(", "))
            })?),
        };
        let theme = match args.theme.as_deref() {
            None => None,
            Some(name) => Some(
                ThemeChoice::parse(name)
                    .ok_or_else(|| anyhow!("unknown theme {name:?}; use dark, light or system"))?,
            ),
        };
        if let Some(id) = &args.entry
            && kb.get(id).is_none()
        {
            bail!("no entry has the id {id:?}; find ids with `opsdeck search WORDS`");
        }
        if let Some(id) = &args.wizard
            && kb.wizard(id).is_none()
        {
            bail!("no wizard has the id {id:?}; see `opsdeck wizard list`");
        }
        let compare: Option<Vec<String>> = args.compare.as_ref().map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        });
        for id in compare.iter().flatten() {
            if kb.get(id).is_none() {
                bail!("no entry has the id {id:?} (in --compare)");
            }
        }
        let mut answers = Vec::new();
        for raw in &args.answers {
            let Some((key, value)) = raw.split_once('=') else {
                bail!("answer {raw:?} is not KEY=VALUE (e.g. --answer rto=4h)");
            };
            if args.wizard.is_none() {
                bail!("--answer needs --wizard ID");
            }
            answers.push((key.trim().to_owned(), value.trim().to_owned()));
        }
        if let Some(z) = args.zoom
            && !(ZOOM_RANGE.0..=ZOOM_RANGE.1).contains(&z)
        {
            bail!(
                "--zoom {z} is outside {}–{} (1.5 means 150 %)",
                ZOOM_RANGE.0,
                ZOOM_RANGE.1
            );
        }
        let screenshot = match &args.screenshot {
            None => {
                if args.size.is_some() {
                    bail!("--size only applies with --screenshot");
                }
                None
            }
            Some(path) => Some(ScreenshotRequest {
                path: path.clone(),
                size: match &args.size {
                    Some(text) => screenshot::parse_size(text).map_err(|e| anyhow!(e))?,
                    None => [1180.0, 760.0],
                },
            }),
        };
        Ok(StartOptions {
            fresh: screenshot.is_some(),
            theme,
            zoom: args.zoom,
            view,
            query: args.query.clone(),
            entry: args.entry.clone(),
            wizard: args.wizard.clone(),
            answers,
            // Screenshots start with fresh window state but may show the sheets in an
            // explicitly chosen data directory.
            data_dir: std::env::var_os("OPSDECK_DATA_DIR")
                .filter(|d| !d.is_empty())
                .map(PathBuf::from),
            compare,
            live: screenshot.is_none(),
            screenshot,
            clock: None,
        })
    }
}

/// Opens the window for the command line (no subcommand) and returns the exit code.
pub fn main(packs: &[PathBuf], args: &WindowArgs, builtin: KnowledgeBase) -> ExitCode {
    match run_window(packs, args, builtin) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run_window(packs: &[PathBuf], args: &WindowArgs, builtin: KnowledgeBase) -> anyhow::Result<()> {
    let kb = crate::cli::with_packs(builtin, packs)?;
    let options = StartOptions::from_args(args, &kb)?;
    let shooting = options.screenshot.is_some();
    run(kb, options).context("the window could not be opened")?;
    if shooting {
        match screenshot::take_outcome() {
            Some(Ok(())) => {}
            Some(Err(e)) => bail!("{e}"),
            None => bail!("the window closed before the screenshot was taken"),
        }
    }
    Ok(())
}

/// Opens the window and runs until it is closed.
pub fn run(kb: KnowledgeBase, options: StartOptions) -> eframe::Result {
    let size = options
        .screenshot
        .as_ref()
        .map_or([1180.0, 760.0], |s| s.size);
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("OpsDeck")
        .with_app_id("opsdeck")
        .with_inner_size(size)
        .with_min_inner_size([640.0, 420.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport,
        persist_window: options.screenshot.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "OpsDeck",
        native,
        Box::new(move |cc| Ok(Box::new(OpsDeckApp::new(cc, kb, options)))),
    )
}

/// Applies the command line's start options over the persisted state and drops anything
/// persisted that no longer exists.
pub(super) fn apply_start_options(
    state: &mut Persisted,
    options: &StartOptions,
    kb: &KnowledgeBase,
) {
    if let Some(theme) = options.theme {
        state.theme = theme;
    }
    if let Some(zoom) = options.zoom {
        state.zoom = zoom;
    }
    if let Some(view) = options.view {
        state.view = view;
    }
    if let Some(query) = &options.query {
        state.query = query.clone();
    }
    if let Some(entry) = &options.entry {
        state.entry = Some(entry.clone());
        if options.view.is_none() {
            state.view = View::Entry;
        }
    }
    if let Some(wizard) = &options.wizard {
        let given = state.wizard_answers.entry(wizard.clone()).or_default();
        given.extend(options.answers.iter().cloned());
        state.wizard = Some(wizard.clone());
        if options.view.is_none() {
            state.view = View::Wizards;
        }
    }
    if let Some(ids) = &options.compare {
        state.compare.ids = ids.clone();
        if options.view.is_none() {
            state.view = View::Compare;
        }
    }
    if state.compare.ids.is_empty() {
        state.compare.ids = ui::compare::default_ids(kb);
    }
    state.compare.ids.retain(|id| kb.get(id).is_some());
    if state
        .entry
        .as_deref()
        .is_some_and(|id| kb.get(id).is_none())
    {
        state.entry = None;
    }
    if state.view == View::Entry && state.entry.is_none() {
        state.view = View::Search;
    }
    state.zoom = state.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    state.history.back.truncate(HISTORY_LIMIT);
    state.history.forward.truncate(HISTORY_LIMIT);
}
