//! The desktop window: layout, routing between views, commands, persistence.
//!
//! Every action is a [`Command`] (see [`crate::ui::command`]), produced by shortcuts, widgets
//! and the palette, and applied at the end of the frame by [`apply`], so the keyboard and the
//! mouse reach exactly the same things. The user's data lives in a
//! [`UserSession`](crate::platform::session::UserSession), which is re-read whenever another
//! process changes the file.

mod apply;
mod chrome;
mod keys;
mod options;
pub mod screenshot;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::KnowledgeBase;
use crate::model::ask::{Asker, Finder, UserText};
use crate::platform::session::UserSession;
use crate::platform::store::Store;
use crate::ui;
use crate::ui::command::{Command, ThemeChoice, View};
use crate::ui::state::Persisted;

use options::apply_start_options;
pub use options::{StartOptions, main, run};
pub use screenshot::ScreenshotRequest;

/// Id of the search box, so shortcuts can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("opsdeck-search-box")
}

/// The views' own state (what is not persisted).
#[derive(Default)]
struct Views {
    search: ui::search::SearchView,
    limits: ui::limits::LimitsView,
    compare: ui::compare::CompareView,
    wizard: ui::wizard::WizardView,
    study: ui::study::StudyView,
    sheets: ui::sheets::SheetsView,
    guide: ui::guide::GuideView,
    palette: ui::palette::Palette,
    /// The note text box of the entry on screen: (entry id, text).
    note: Option<(String, String)>,
}

/// What the window itself is doing.
#[derive(Default)]
struct Chrome {
    show_help: bool,
    /// Focus the search box (and select its text) before it is drawn this frame.
    focus_search: bool,
    commands: Vec<Command>,
    screenshot: Option<screenshot::Shooter>,
    /// Set from the signal thread on SIGTERM or SIGINT.
    terminate: Arc<AtomicBool>,
    closing: bool,
    /// Keeps the data directory watched while the window is open.
    _watch: Option<crate::platform::watch::DirWatch>,
    /// Whether the window had the keyboard focus last frame.
    focused: bool,
    /// The confirmation on show and when it appeared (seconds on egui's clock).
    info_since: Option<(u64, f64)>,
}

/// The application.
pub struct OpsDeckApp {
    kb: KnowledgeBase,
    /// The knowledge base before managed packs and the user's entries (built-in data, with
    /// any `--pack` of this run), to rebuild from when those change.
    base: KnowledgeBase,
    /// What loading the managed packs and the user's entries found.
    packs: Vec<crate::model::kb::PackReport>,
    /// The files' fingerprints when last loaded, to notice changes by the CLI.
    pack_stamps: (
        Option<crate::platform::store::Stamp>,
        Option<crate::platform::store::Stamp>,
    ),
    /// The entry editor, when open.
    editor: Option<ui::editor::Editor>,
    finder: Finder,
    /// The question engine, built on another thread at start so the first question is instant.
    asker_rx: Option<std::sync::mpsc::Receiver<Asker>>,
    /// The user's notes and sheet names for search, with the data generation they belong to.
    user_text: (u64, UserText),
    /// "N entries · N limits · N wizards", worked out once for the status line.
    kb_summary: String,
    state: Persisted,
    persist: bool,
    session: UserSession,
    /// The review log.
    study: crate::platform::study::StudyBook,
    /// A fixed time for tests, else the system clock.
    clock: Option<i64>,
    views: Views,
    chrome: Chrome,
}

impl OpsDeckApp {
    /// Builds the app; restores persisted state unless told to start fresh.
    pub fn new(cc: &eframe::CreationContext<'_>, kb: KnowledgeBase, options: StartOptions) -> Self {
        ui::theme::install(&cc.egui_ctx);
        let mut state: Persisted = if options.fresh {
            Persisted::default()
        } else {
            cc.storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default()
        };
        apply_start_options(&mut state, &options, &kb);
        let store = match (&options.data_dir, options.fresh) {
            (Some(dir), _) => Some(Store::new(dir.clone())),
            (None, true) => None,
            (None, false) => Store::default_location(),
        };
        let study = crate::platform::study::StudyBook::open(store.clone());
        let base = kb.clone();
        let managed = crate::platform::packs::load(kb, store.as_ref());
        let kb = managed.kb;
        let pack_stamps = store.as_ref().map_or((None, None), stamps);
        let mut session = UserSession::open(store);
        for notice in managed.notices {
            session.notices.error(notice);
        }
        for r in managed.reports.iter().filter(|r| !r.loaded) {
            session.notices.error(format!(
                "The pack {} was not loaded: {} (Settings lists its problems)",
                r.name,
                r.problems.first().map_or("", String::as_str)
            ));
        }
        let persist = !options.fresh && options.screenshot.is_none();
        let mut chrome = Chrome {
            focus_search: true,
            screenshot: options.screenshot.clone().map(screenshot::Shooter::new),
            ..Default::default()
        };
        if options.live {
            let ctx = cc.egui_ctx.clone();
            chrome._watch = session.dir().and_then(|dir| {
                crate::platform::watch::watch_dir(dir, move || ctx.request_repaint())
            });
            let flag = Arc::clone(&chrome.terminate);
            let ctx = cc.egui_ctx.clone();
            // Without signal handling the window still works; the note is then saved on close.
            let _ = crate::platform::signals::on_terminate(move || {
                flag.store(true, Ordering::SeqCst);
                ctx.request_repaint();
            });
        }
        let kb_summary = format!(
            "{} entries · {} limits · {} wizards",
            kb.entries().len(),
            kb.limits().len(),
            kb.wizards().len()
        );
        let finder = Finder::new(&kb);
        let asker_rx = {
            // The relevance index takes a moment to build: build it off the UI thread.
            let (tx, rx) = std::sync::mpsc::channel();
            let copy = kb.clone();
            let spawned = std::thread::Builder::new()
                .name("opsdeck-questions".to_owned())
                .spawn(move || {
                    let vocab = crate::model::ask::Vocab::new(&copy);
                    let _ = tx.send(Asker::new(&copy, &vocab));
                });
            spawned.ok().map(|_| rx)
        };
        let app = OpsDeckApp {
            base,
            packs: managed.reports,
            pack_stamps,
            editor: None,
            finder,
            asker_rx,
            user_text: (u64::MAX, UserText::default()),
            kb,
            kb_summary,
            persist,
            state,
            session,
            study,
            clock: options.clock,
            views: Views::default(),
            chrome,
        };
        app.apply_theme(&cc.egui_ctx);
        cc.egui_ctx.set_zoom_factor(app.state.zoom);
        app
    }

    /// The persisted part of the state (for tests and diagnostics).
    pub fn state(&self) -> &Persisted {
        &self.state
    }

    /// Ids of the current search results, best first.
    pub fn result_ids(&self) -> Vec<&str> {
        self.views
            .search
            .hits()
            .iter()
            .map(|h| self.kb.entries()[h.entry].id.as_str())
            .collect()
    }

    /// The recommendation the wizard view shows now (for tests), or why there is none.
    pub fn wizard_recommendation(&self) -> Result<crate::model::wizard::Recommendation, String> {
        let wizard = self
            .state
            .wizard
            .as_deref()
            .and_then(|id| self.kb.wizard(id))
            .or_else(|| self.kb.wizards().first())
            .ok_or("no wizard")?;
        let empty = Default::default();
        let given = self.state.wizard_answers.get(&wizard.id).unwrap_or(&empty);
        crate::model::wizard::recommend_raw(&self.kb, wizard, given)
    }

    /// The plan the wizard view shows now (for tests), when its wizard has one.
    pub fn wizard_plan(&self) -> Option<crate::model::plan::Plan> {
        let wizard = self
            .state
            .wizard
            .as_deref()
            .and_then(|id| self.kb.wizard(id))?;
        let empty = Default::default();
        let given = self.state.wizard_answers.get(&wizard.id).unwrap_or(&empty);
        crate::model::plan::plan_raw(&self.kb, wizard, given)
            .ok()
            .flatten()
    }

    /// Ids of the limits in the order the limits table shows them.
    pub fn limit_ids(&self) -> Vec<&str> {
        crate::model::limits::filter_limits(&self.kb, &self.views.limits.filter)
            .into_iter()
            .map(|e| e.id.as_str())
            .collect()
    }

    /// The user data as the window sees it (for tests).
    pub fn user(&self) -> &crate::model::sheets::UserData {
        self.session.data()
    }

    /// Rebuilds the knowledge base after the user's entries or packs changed, and
    /// everything built from it.
    pub(crate) fn reload_kb(&mut self) {
        let store = self.session.dir().map(Store::new);
        let managed = crate::platform::packs::load(self.base.clone(), store.as_ref());
        self.pack_stamps = store.as_ref().map_or((None, None), stamps);
        for notice in managed.notices {
            self.session.notices.error(notice);
        }
        self.kb = managed.kb;
        self.packs = managed.reports;
        self.finder = Finder::new(&self.kb);
        let (tx, rx) = std::sync::mpsc::channel();
        let copy = self.kb.clone();
        let spawned = std::thread::Builder::new()
            .name("opsdeck-questions".to_owned())
            .spawn(move || {
                let vocab = crate::model::ask::Vocab::new(&copy);
                let _ = tx.send(Asker::new(&copy, &vocab));
            });
        self.asker_rx = spawned.ok().map(|_| rx);
        self.user_text = (u64::MAX, UserText::default());
        self.kb_summary = format!(
            "{} entries · {} limits · {} wizards",
            self.kb.entries().len(),
            self.kb.limits().len(),
            self.kb.wizards().len()
        );
        // Views cache results of the old knowledge base: start them afresh.
        let palette = std::mem::take(&mut self.views.palette);
        self.views = Views {
            palette,
            ..Views::default()
        };
    }

    /// The packs and personal entries loaded (for tests and the settings view).
    pub fn packs(&self) -> &[crate::model::kb::PackReport] {
        &self.packs
    }

    /// The knowledge base in use (for tests).
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The time now: the fixed clock of tests, else the system's (Unix seconds).
    fn now(&self) -> i64 {
        self.clock.unwrap_or_else(crate::platform::study::now)
    }

    /// The review log (for tests).
    pub fn study_log(&self) -> &crate::model::study::log::StudyLog {
        self.study.log()
    }

    /// The user session (for tests).
    pub fn session(&self) -> &UserSession {
        &self.session
    }

    /// The answer card the search view shows (for tests).
    pub fn search_answer(&self) -> Option<&crate::model::ask::Answer> {
        self.views.search.answer()
    }

    /// Whether the command palette is open (for tests).
    pub fn palette_open(&self) -> bool {
        self.views.palette.is_open()
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.state.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
            ThemeChoice::Light => egui::ThemePreference::Light,
        });
    }

    /// The entry on screen, or the selected search result.
    fn current_entry(&self) -> Option<String> {
        match self.state.view {
            View::Entry => self.state.entry.clone(),
            View::Search => self.views.search.selected_id(&self.kb).map(str::to_owned),
            _ => None,
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        if let Some(rx) = &self.asker_rx
            && let Ok(asker) = rx.try_recv()
        {
            self.finder.set_asker(asker);
            self.asker_rx = None;
        }
        let generation = self.session.generation();
        if self.user_text.0 != generation {
            let text = UserText::new(
                &self.kb,
                self.session.data(),
                self.finder.vocab().analyzer(),
            );
            self.user_text = (generation, text);
        }
        let Self {
            kb,
            finder,
            user_text,
            state,
            session,
            study,
            clock,
            views,
            chrome,
            packs,
            base,
            ..
        } = self;
        let mut out: Vec<Command> = Vec::new();
        match state.view {
            View::Search => {
                let user = (!user_text.1.is_empty()).then_some(&user_text.1);
                views
                    .search
                    .update(finder, kb, &state.query, user, user_text.0);
                let recent = state.history.recent_entries(state.entry.as_deref());
                out.extend(views.search.ui(
                    ui,
                    kb,
                    finder.keyword(kb),
                    &session.data().stars,
                    &recent,
                ));
            }
            View::Entry => match state.entry.as_deref().and_then(|id| kb.get(id)) {
                Some(entry) => {
                    if views.note.as_ref().is_none_or(|(id, _)| id != &entry.id) {
                        views.note = Some((entry.id.clone(), session.note_text(&entry.id)));
                    }
                    let data = session.data();
                    let sheets: Vec<(&str, bool)> = data
                        .sheets
                        .iter()
                        .map(|s| (s.name.as_str(), s.entries.contains(&entry.id)))
                        .collect();
                    let questions = views.study.count_about(kb, &entry.id);
                    let Some((_, text)) = views.note.as_mut() else {
                        return;
                    };
                    let versions = kb
                        .versions(&entry.id)
                        .iter()
                        .map(|v| {
                            let whose = match kb.index_of(&v.id).and_then(|i| kb.origin(i)) {
                                Some(crate::model::Origin::Mine) => "Your version".to_owned(),
                                Some(crate::model::Origin::Pack(p)) => format!(
                                    "Version from {}",
                                    std::path::Path::new(p)
                                        .file_name()
                                        .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
                                ),
                                _ => "Built-in version".to_owned(),
                            };
                            (v.id.clone(), v.title.clone(), whose)
                        })
                        .collect();
                    let extras = ui::entry::EntryExtras {
                        starred: data.stars.contains(&entry.id),
                        sheets,
                        note: text,
                        questions,
                        mine: kb.is_mine(&entry.id),
                        versions,
                    };
                    out.extend(ui::entry::entry_ui(ui, kb, entry, extras));
                }
                None => {
                    ui.label("This entry no longer exists.");
                }
            },
            View::Guide => out.extend(views.guide.ui(ui, kb)),
            View::Limits => out.extend(views.limits.ui(ui, kb)),
            View::Settings => {
                let before = state.theme;
                out.extend(ui::settings::settings_ui(
                    ui,
                    state,
                    packs,
                    base.entries().len(),
                ));
                if state.theme != before {
                    out.push(Command::Theme(state.theme));
                }
                if (ui.ctx().zoom_factor() - state.zoom).abs() > f32::EPSILON {
                    ui.ctx().set_zoom_factor(state.zoom);
                }
            }
            View::Wizards => out.extend(views.wizard.ui(
                ui,
                kb,
                &mut state.wizard,
                &mut state.wizard_answers,
            )),
            View::Compare => out.extend(views.compare.ui(ui, kb, &mut state.compare)),
            View::Study => {
                let input = ui::study::StudyInput {
                    book: study,
                    now: clock.unwrap_or_else(crate::platform::study::now),
                };
                out.extend(views.study.ui(ui, kb, &input));
            }
            View::Sheets => {
                let undo = session.undo().map(|u| u.describe());
                let input = ui::sheets::SheetsInput {
                    data: session.data(),
                    undo,
                    offered: session.offered_notes(),
                    read_only: session.read_only(),
                };
                out.extend(views.sheets.ui(ui, kb, input));
            }
        }
        chrome.commands.extend(out);
    }
}

/// The fingerprints of the user's entries and of the pack list.
pub(crate) fn stamps(
    store: &Store,
) -> (
    Option<crate::platform::store::Stamp>,
    Option<crate::platform::store::Stamp>,
) {
    (
        store.stamp::<crate::model::mine::MyEntries>(),
        store.stamp::<crate::model::mine::PackList>(),
    )
}

impl eframe::App for OpsDeckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.before_frame(&ctx);
        self.shortcuts(&ctx);
        egui::Panel::top("top-bar")
            .frame(
                egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(8, 8)),
            )
            .show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("status-line")
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 4)),
            )
            .show(ui, |ui| self.status_line(ui));
        egui::Panel::left("rail")
            .resizable(false)
            .exact_size(132.0)
            .show(ui, |ui| self.rail(ui));
        egui::CentralPanel::default()
            .frame(
                egui::Frame::central_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(18, 12)),
            )
            .show(ui, |ui| self.central(ui));
        if self.chrome.show_help {
            self.help_overlay(&ctx);
        }
        self.editor_window(&ctx);
        if let Some(c) = self.views.palette.ui(&ctx) {
            self.chrome.commands.push(c);
        }
        self.run_commands(&ctx);
        self.after_frame(&ctx);
        if let Some(shooter) = &mut self.chrome.screenshot {
            shooter.tick(&ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.session.flush_note();
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
        }
    }

    fn on_exit(&mut self) {
        self.session.flush_note();
    }
}
