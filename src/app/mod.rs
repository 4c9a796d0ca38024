//! The desktop window: layout, routing between views, keyboard shortcuts, persistence.
//!
//! Every action is a [`Command`], produced by shortcuts and widgets and applied at the end of
//! the frame, so the keyboard and the mouse reach exactly the same things.

mod chrome;
mod keys;
pub mod screenshot;
pub mod state;
mod user;

use crate::model::{KnowledgeBase, SearchIndex};
use crate::ui;
use state::{HISTORY_LIMIT, Persisted, Place, ThemeChoice, View, ZOOM_RANGE};
use user::{NOTE_SAVE_DELAY, NoteEdit, Undo};

pub use screenshot::ScreenshotRequest;

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open the entry with this id.
    Open(String),
    /// Put this text in the search box.
    SetQuery(String),
    /// Show a view.
    Show(View),
    /// Go back in history.
    Back,
    /// Go forward in history.
    Forward,
    /// Put the cursor in the search box.
    FocusSearch,
    /// Clear the search, or go back when it is already empty.
    Escape,
    /// Move the result selection.
    Select(isize),
    /// Open the selected result.
    OpenSelected,
    /// Scale the UI up or down by a step, or reset it.
    Zoom(ZoomStep),
    /// Show or hide the keyboard help.
    ToggleHelp,
    /// Change the theme.
    Theme(ThemeChoice),
    /// Star or unstar an entry.
    ToggleStar(String),
    /// Add an entry to a sheet (an empty name makes a new sheet).
    AddToSheet(String, String),
    /// Keep a wizard result or a comparison on the last sheet used.
    Attach(crate::model::sheets::Attachment),
    /// The note being edited on this entry changed.
    NoteChanged(String),
    /// Star the entry on screen (or the selected result).
    StarCurrent,
    /// Add the entry on screen (or the selected result) to the last sheet used.
    AddCurrent,
}

/// A UI scale change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomStep {
    /// Larger.
    In,
    /// Smaller.
    Out,
    /// Back to 100 %.
    Reset,
}

/// The keyboard shortcuts, shown in the help overlay.
pub const SHORTCUTS: [(&str, &str); 10] = [
    ("Ctrl+K, Ctrl+F or /", "Focus the search box"),
    ("↑ / ↓", "Move through results"),
    ("Enter", "Open the selected result"),
    ("Esc", "Clear the search, or go back"),
    (
        "Alt+← / Alt+→",
        "Back / forward (also the mouse's back and forward buttons)",
    ),
    ("Ctrl+Plus / Ctrl+Minus", "Larger / smaller text"),
    ("Ctrl+0", "Reset the text size"),
    ("F1 or ?", "Show or hide this help"),
    ("Ctrl+L", "Open the limits table"),
    (
        "Ctrl+D / Ctrl+E",
        "Star / add to the last sheet (entry or selected result)",
    ),
];

/// Id of the search box, so shortcuts can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("opsdeck-search-box")
}

/// Options for starting the app (from the CLI or tests).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Ignore persisted state (screenshots and tests start clean).
    pub fresh: bool,
    /// Force a theme.
    pub theme: Option<ThemeChoice>,
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
    pub data_dir: Option<std::path::PathBuf>,
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

/// The application.
pub struct OpsDeckApp {
    kb: std::sync::Arc<KnowledgeBase>,
    /// "N entries · N limits · N wizards", worked out once for the status line.
    kb_summary: String,
    index: SearchIndex,
    state: Persisted,
    search: ui::search::SearchView,
    limits: ui::limits::LimitsView,
    compare: ui::compare::CompareView,
    show_help: bool,
    focus_search: bool,
    commands: Vec<Command>,
    screenshot: Option<screenshot::Shooter>,
    persist: bool,
    store: Option<crate::platform::store::Store>,
    user: crate::model::sheets::UserData,
    user_message: Option<(bool, String)>,
    note: Option<NoteEdit>,
    undo: Option<Undo>,
    sheets: ui::sheets::SheetsView,
    last_sheet: Option<String>,
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
        if let Some(theme) = options.theme {
            state.theme = theme;
        }
        if let Some(view) = options.view {
            state.view = view;
        }
        if let Some(query) = options.query {
            state.query = query;
        }
        if let Some(entry) = options.entry {
            state.entry = Some(entry);
            if options.view.is_none() {
                state.view = View::Entry;
            }
        }
        if let Some(wizard) = options.wizard {
            let given = state.wizard_answers.entry(wizard.clone()).or_default();
            given.extend(options.answers);
            state.wizard = Some(wizard);
            if options.view.is_none() {
                state.view = View::Wizards;
            }
        }
        if let Some(ids) = options.compare {
            state.compare.ids = ids;
            if options.view.is_none() {
                state.view = View::Compare;
            }
        }
        // Anything persisted that no longer exists (an entry removed from a pack) is dropped.
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
        let index = SearchIndex::new(&kb);
        let persist = !options.fresh && options.screenshot.is_none();
        let store = match (&options.data_dir, options.fresh) {
            (Some(dir), _) => Some(crate::platform::store::Store::new(dir.clone())),
            (None, true) => None,
            (None, false) => crate::platform::store::Store::default_location(),
        };
        let mut user_message = None;
        let user = match store.as_ref().map(|s| s.load()) {
            None => Default::default(),
            Some(Ok(loaded)) => {
                if let Some((path, why)) = loaded.moved_aside {
                    user_message = Some((
                        false,
                        format!(
                            "Your data file could not be read ({why}). It was kept as {} and OpsDeck started with empty sheets.",
                            path.display()
                        ),
                    ));
                }
                loaded.data
            }
            Some(Err(e)) => {
                user_message = Some((false, format!("Your sheets could not be loaded: {e}")));
                Default::default()
            }
        };
        let kb_summary = format!(
            "{} entries · {} limits · {} wizards",
            kb.entries().len(),
            kb.limits().len(),
            kb.wizards().len()
        );
        let kb = std::sync::Arc::new(kb);
        let app = OpsDeckApp {
            kb_summary,
            store,
            user,
            user_message,
            note: None,
            undo: None,
            sheets: ui::sheets::SheetsView::default(),
            last_sheet: None,
            index,
            kb,
            state,
            search: ui::search::SearchView::default(),
            limits: ui::limits::LimitsView::default(),
            compare: ui::compare::CompareView::default(),
            show_help: false,
            focus_search: true,
            commands: Vec::new(),
            screenshot: options.screenshot.map(screenshot::Shooter::new),
            persist,
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
        self.search
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
        ui::wizard::current_recommendation(&self.kb, wizard, given)
    }

    /// Ids of the limits in the order the limits table shows them.
    pub fn limit_ids(&self) -> Vec<&str> {
        crate::model::limits::filter_limits(&self.kb, &self.limits.filter)
            .into_iter()
            .map(|e| e.id.as_str())
            .collect()
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.state.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
            ThemeChoice::Light => egui::ThemePreference::Light,
        });
    }

    fn place(&self) -> Place {
        Place {
            view: self.state.view,
            entry: (self.state.view == View::Entry)
                .then(|| self.state.entry.clone())
                .flatten(),
        }
    }

    fn go(&mut self, to: Place) {
        self.state.view = to.view;
        if to.entry.is_some() {
            self.state.entry = to.entry;
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Open(id) => self.open(id),
                Command::SetQuery(text) => {
                    self.state.query = text;
                    self.state.view = View::Search;
                    self.focus_search = true;
                }
                Command::Show(view) => {
                    if view != self.state.view {
                        self.state.history.push(self.place());
                        self.state.view = view;
                    }
                }
                Command::Back => {
                    if let Some(to) = self.state.history.back(self.place()) {
                        self.go(to);
                    }
                }
                Command::Forward => {
                    if let Some(to) = self.state.history.forward(self.place()) {
                        self.go(to);
                    }
                }
                Command::FocusSearch => {
                    self.focus_search = true;
                    if !matches!(self.state.view, View::Search | View::Entry) {
                        self.state.history.push(self.place());
                        self.state.view = View::Search;
                    }
                }
                Command::Escape => {
                    if self.show_help {
                        self.show_help = false;
                    } else if self.state.view == View::Search && !self.state.query.is_empty() {
                        self.state.query.clear();
                    } else if let Some(to) = self.state.history.back(self.place()) {
                        self.go(to);
                    }
                }
                Command::Select(delta) => {
                    if self.state.view != View::Search {
                        self.state.view = View::Search;
                    }
                    self.search.move_selection(delta);
                }
                Command::OpenSelected => {
                    if let Some(id) = self.search.selected_id(&self.kb) {
                        self.open(id.to_owned());
                    }
                }
                Command::Zoom(step) => {
                    let z = match step {
                        ZoomStep::In => self.state.zoom + 0.1,
                        ZoomStep::Out => self.state.zoom - 0.1,
                        ZoomStep::Reset => 1.0,
                    };
                    self.state.zoom = (z * 10.0).round() / 10.0;
                    self.state.zoom = self.state.zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
                    ctx.set_zoom_factor(self.state.zoom);
                }
                Command::ToggleHelp => self.show_help = !self.show_help,
                Command::Theme(theme) => {
                    self.state.theme = theme;
                    self.apply_theme(ctx);
                }
                Command::ToggleStar(id) => {
                    self.change_user(|d| {
                        d.toggle_star(&id);
                        Ok(())
                    });
                }
                Command::AddToSheet(id, sheet) => self.add_to_sheet(id, sheet),
                Command::Attach(attachment) => self.attach(attachment),
                Command::NoteChanged(id) => {
                    if let Some(edit) = self.note.as_mut().filter(|e| e.id == id) {
                        edit.dirty_since = Some(std::time::Instant::now());
                        ctx.request_repaint_after(NOTE_SAVE_DELAY);
                    }
                }
                Command::StarCurrent => {
                    if let Some(id) = self.current_entry() {
                        self.change_user(|d| {
                            d.toggle_star(&id);
                            Ok(())
                        });
                    }
                }
                Command::AddCurrent => {
                    if let Some(id) = self.current_entry() {
                        let sheet = self.last_sheet.clone().unwrap_or_default();
                        self.add_to_sheet(id, sheet);
                    }
                }
            }
        }
    }

    fn open(&mut self, id: String) {
        if self.kb.get(&id).is_none() {
            return;
        }
        let from = self.place();
        if from.entry.as_deref() != Some(id.as_str()) {
            self.state.history.push(from);
        }
        self.state.entry = Some(id);
        self.state.view = View::Entry;
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        match self.state.view {
            View::Search => {
                self.search.update(&self.index, &self.state.query);
                let mut recent: Vec<String> = Vec::new();
                for place in self.state.history.back.iter().rev() {
                    if let Some(id) = &place.entry
                        && !recent.contains(id)
                    {
                        recent.push(id.clone());
                    }
                }
                if let Some(id) = &self.state.entry
                    && !recent.contains(id)
                {
                    recent.insert(0, id.clone());
                }
                if let Some(c) =
                    self.search
                        .ui(ui, &self.kb, &self.index, &self.user.stars, &recent)
                {
                    self.commands.push(c);
                }
            }
            View::Entry => {
                let kb = std::sync::Arc::clone(&self.kb);
                let entry = self.state.entry.as_deref().and_then(|id| kb.get(id));
                match entry {
                    Some(entry) => {
                        if self.note.as_ref().is_none_or(|e| e.id != entry.id) {
                            self.flush_note();
                            self.note = Some(NoteEdit {
                                id: entry.id.clone(),
                                text: self.user.notes.get(&entry.id).cloned().unwrap_or_default(),
                                dirty_since: None,
                            });
                        }
                        let sheets: Vec<(&str, bool)> = self
                            .user
                            .sheets
                            .iter()
                            .map(|s| (s.name.as_str(), s.entries.contains(&entry.id)))
                            .collect();
                        let Some(edit) = self.note.as_mut() else {
                            return;
                        };
                        let extras = ui::entry::EntryExtras {
                            starred: self.user.stars.contains(&entry.id),
                            sheets,
                            note: &mut edit.text,
                        };
                        if let Some(c) = ui::entry::entry_ui(ui, &kb, entry, extras) {
                            self.commands.push(c);
                        }
                    }
                    None => {
                        ui.label("This entry no longer exists.");
                    }
                }
            }
            View::Limits => {
                if let Some(c) = self.limits.ui(ui, &self.kb) {
                    self.commands.push(c);
                }
            }
            View::Settings => {
                let before = self.state.theme;
                ui::settings::settings_ui(ui, &mut self.state);
                if self.state.theme != before {
                    self.commands.push(Command::Theme(self.state.theme));
                }
                if (ui.ctx().zoom_factor() - self.state.zoom).abs() > f32::EPSILON {
                    ui.ctx().set_zoom_factor(self.state.zoom);
                }
            }
            View::Wizards => {
                let state = &mut self.state;
                if let Some(c) = ui::wizard::wizard_ui(
                    ui,
                    &self.kb,
                    &mut state.wizard,
                    &mut state.wizard_answers,
                ) {
                    self.commands.push(c);
                }
            }
            View::Compare => {
                if let Some(c) = self.compare.ui(ui, &self.kb, &mut self.state.compare) {
                    self.commands.push(c);
                }
            }
            View::Sheets => {
                let undo = self.undo.as_ref().map(Undo::describe);
                let actions = self.sheets.ui(
                    ui,
                    &self.kb,
                    &self.user,
                    undo.as_deref(),
                    self.user_message.as_ref(),
                );
                for action in actions {
                    self.sheet_action(action);
                }
            }
        }
    }
}

impl eframe::App for OpsDeckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
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
        if self.show_help {
            self.help_overlay(&ctx);
        }
        self.run_commands(&ctx);
        self.timers(&ctx);
        if let Some(shooter) = &mut self.screenshot {
            shooter.tick(&ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_note();
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
        }
    }
}
