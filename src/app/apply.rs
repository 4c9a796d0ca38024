//! Applying commands at the end of the frame, and the work done before and after each frame
//! (noticing changes on disk, saving a note when due, closing on a signal).

use std::sync::atomic::Ordering;

use super::{OpsDeckApp, stamps};
use crate::model::study::srs::Grade;
use crate::platform::dialogs;
use crate::ui::command::{Action, Command, SheetChange, StudyEvent, ThemeChoice, View, ZoomStep};
use crate::ui::palette::PaletteItem;
use crate::ui::state::{Place, ZOOM_RANGE};

impl OpsDeckApp {
    /// Before drawing: show what another process changed, and close on a signal.
    pub(super) fn before_frame(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        // A `stat` of one file is cheap; the watcher wakes the window when it changes.
        if self.session.refresh() && !self.session.note_pending() {
            self.views.note = None;
        }
        self.study.refresh();
        // The CLI may have changed the user's entries or the pack list.
        if let Some(store) = self.session.dir().map(crate::platform::store::Store::new)
            && stamps(&store) != self.pack_stamps
        {
            self.reload_kb();
        }
        if let Some(notice) = self.study.notice.take() {
            self.session.notices.error(notice);
        }
        self.chrome.focused = focused;
        if self.chrome.terminate.load(Ordering::SeqCst) && !self.chrome.closing {
            // SIGTERM or SIGINT: save what was typed, then close like the close button does.
            self.chrome.closing = true;
            self.session.flush_note();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// After drawing: save a note that is due, and ask for a repaint when the next one is.
    pub(super) fn after_frame(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.session.tick(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
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

    fn show(&mut self, view: View) {
        if view != self.state.view {
            self.state.history.push(self.place());
            self.state.view = view;
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

    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.chrome.commands) {
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Run(action) => self.run_action(ctx, action),
            Command::Open(id) => self.open(id),
            Command::SetQuery(text) => {
                self.state.query = text;
                self.show(View::Search);
                self.chrome.focus_search = true;
            }
            Command::Show(view) => self.show(view),
            Command::OpenWizard(id, answers) => {
                if self.kb.wizard(&id).is_some() {
                    let given = self.state.wizard_answers.entry(id.clone()).or_default();
                    given.extend(answers);
                    self.state.wizard = Some(id);
                    self.show(View::Wizards);
                }
            }
            Command::OpenSheet(name) => {
                self.views.sheets.selected = Some(name);
                self.show(View::Sheets);
            }
            Command::OpenTask(id) => {
                self.views.guide.reveal = Some(id);
                self.show(View::Guide);
            }
            Command::Compare(ids) => {
                self.state.compare.ids = ids;
                self.show(View::Compare);
            }
            Command::Theme(theme) => {
                self.state.theme = theme;
                self.apply_theme(ctx);
            }
            Command::ToggleStar(id) => {
                let _ = self.session.toggle_star(&id, &self.kb);
            }
            Command::AddToSheet(id, sheet) => {
                let _ = self.session.add_to_sheet(&id, sheet.as_deref(), &self.kb);
            }
            Command::Attach(attachment) => {
                let _ = self.session.attach(attachment, &self.kb);
            }
            Command::NoteEdited(id) => {
                if let Some((note_id, text)) = &self.views.note
                    && *note_id == id
                {
                    let now = ctx.input(|i| i.time);
                    self.session.note_edited(&id, text, now);
                }
            }
            Command::Sheet(change) => self.sheet_change(change),
            Command::AddToLast(id) => {
                let _ = self.session.add_to_last(&id, &self.kb);
            }
            Command::Drill(id) => {
                self.views.study.drill(&id);
                self.show(View::Study);
            }
            Command::Study(event) => self.study_event(event),
            Command::EditEntry(id) => self.open_editor(id),
            Command::AddPack => {
                if let Some(path) = dialogs::pick_file("OpsDeck pack", &["ron"]) {
                    let Some(store) = self.session.dir().map(crate::platform::store::Store::new)
                    else {
                        self.session
                            .notices
                            .error("There is no data directory to remember packs in.");
                        return;
                    };
                    match crate::platform::packs::add(&store, &self.kb, &path) {
                        Ok(report) => {
                            self.session.notices.info(format!(
                                "Added {} ({} entries).",
                                path.display(),
                                report.entries
                            ));
                            self.reload_kb();
                        }
                        Err(e) => self.session.notices.error(e),
                    }
                }
            }
            Command::RemovePack(path) => {
                if let Some(store) = self.session.dir().map(crate::platform::store::Store::new) {
                    match crate::platform::packs::remove(&store, &path) {
                        Ok(removed) => {
                            self.session.notices.info(format!("Removed {removed}."));
                            self.reload_kb();
                        }
                        Err(e) => self.session.notices.error(e),
                    }
                }
            }
            Command::Copy(text, done) => {
                ctx.copy_text(text);
                self.session.notices.info(done);
            }
            Command::SaveText {
                file_name,
                kind,
                text,
            } => {
                let extension = file_name.rsplit('.').next().unwrap_or("txt").to_owned();
                if let Some(path) = dialogs::save_file(&file_name, &kind, &extension) {
                    let _ = self.session.save_export(&path, &text);
                }
            }
        }
    }

    fn open_editor(&mut self, id: Option<String>) {
        let draft = match &id {
            Some(id) => match self.kb.get(id) {
                Some(e) => crate::model::mine::Draft::of(e),
                None => return,
            },
            None => crate::model::mine::Draft {
                kind: "concept".to_owned(),
                ..Default::default()
            },
        };
        self.editor = Some(crate::ui::editor::Editor::new(draft, id));
    }

    /// Draws the entry editor when it is open, and saves or deletes from it.
    pub(super) fn editor_window(&mut self, ctx: &egui::Context) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let mine = editor.from.as_deref().is_some_and(|id| self.kb.is_mine(id));
        let Some(action) = editor.ui(ctx, mine) else {
            return;
        };
        let store = self.session.dir().map(crate::platform::store::Store::new);
        match action {
            crate::ui::editor::EditorAction::Close => self.editor = None,
            crate::ui::editor::EditorAction::Save => {
                let Some(store) = store else {
                    editor.errors = vec![crate::model::mine::FieldError {
                        field: crate::model::mine::Field::Other,
                        message: "There is no data directory to keep your entries in.".to_owned(),
                    }];
                    return;
                };
                let draft = editor.collect();
                let today = crate::platform::study::today();
                match crate::platform::packs::save_entry(&store, &self.kb, &draft, &today) {
                    Ok(id) => {
                        self.editor = None;
                        self.reload_kb();
                        self.session.notices.info("Saved your entry.");
                        self.open(id);
                    }
                    Err(Ok(fields)) => editor.errors = fields,
                    Err(Err(e)) => {
                        editor.errors = vec![crate::model::mine::FieldError {
                            field: crate::model::mine::Field::Other,
                            message: e,
                        }]
                    }
                }
            }
            crate::ui::editor::EditorAction::Delete => {
                let (Some(store), Some(id)) = (store, editor.from.clone()) else {
                    return;
                };
                match crate::platform::packs::delete_entry(&store, &id) {
                    Ok(()) => {
                        self.editor = None;
                        self.reload_kb();
                        self.session.notices.info("Deleted your entry.");
                        self.show(View::Search);
                    }
                    Err(e) => self.session.notices.error(e),
                }
            }
        }
    }

    fn study_event(&mut self, event: StudyEvent) {
        let now = self.now();
        let result = match event {
            StudyEvent::Review { id, grade, correct } => {
                self.study.record(&id, grade, correct, now)
            }
            StudyEvent::Exam(record, reviews) => {
                let mut result = self.study.record_exam(record);
                for (id, right) in reviews {
                    if result.is_err() {
                        break;
                    }
                    let grade = if right { Grade::Good } else { Grade::Again };
                    result = self.study.record(&id, grade, Some(right), now);
                }
                result
            }
            StudyEvent::DailyNew(n) => self.study.set_daily_new(n),
        };
        if let Err(e) = result {
            self.session.notices.error(e);
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        if let Some(view) = action.view() {
            self.show(view);
            return;
        }
        match action {
            Action::FocusSearch => {
                self.chrome.focus_search = true;
                if !matches!(self.state.view, View::Search | View::Entry) {
                    self.show(View::Search);
                }
            }
            Action::Palette => {
                if self.views.palette.is_open() {
                    self.views.palette.close();
                } else {
                    let items = self.palette_items();
                    self.views.palette.open(items);
                }
            }
            Action::Back => {
                if let Some(to) = self.state.history.back(self.place()) {
                    self.go(to);
                }
            }
            Action::Forward => {
                if let Some(to) = self.state.history.forward(self.place()) {
                    self.go(to);
                }
            }
            Action::Escape => {
                if self.chrome.show_help {
                    self.chrome.show_help = false;
                } else if self.state.view == View::Search && !self.state.query.is_empty() {
                    self.state.query.clear();
                } else if let Some(to) = self.state.history.back(self.place()) {
                    self.go(to);
                }
            }
            Action::SelectNext => self.select(1),
            Action::SelectPrevious => self.select(-1),
            Action::PageDown => self.select(10),
            Action::PageUp => self.select(-10),
            Action::OpenSelected => {
                if let Some(id) = self.views.search.selected_id(&self.kb) {
                    self.open(id.to_owned());
                }
            }
            Action::StarCurrent => match self.current_entry() {
                Some(id) => {
                    let _ = self.session.toggle_star(&id, &self.kb);
                }
                None => self
                    .session
                    .notices
                    .info("Open an entry or select a result to star it."),
            },
            Action::AddCurrent => match self.current_entry() {
                Some(id) => {
                    let _ = self.session.add_to_last(&id, &self.kb);
                }
                None => self
                    .session
                    .notices
                    .info("Open an entry or select a result to add it to your sheet."),
            },
            Action::ZoomIn => self.zoom(ctx, ZoomStep::In),
            Action::ZoomOut => self.zoom(ctx, ZoomStep::Out),
            Action::ZoomReset => self.zoom(ctx, ZoomStep::Reset),
            Action::ToggleHelp => self.chrome.show_help = !self.chrome.show_help,
            Action::ThemeDark => self.apply(ctx, Command::Theme(ThemeChoice::Dark)),
            Action::ThemeLight => self.apply(ctx, Command::Theme(ThemeChoice::Light)),
            Action::ThemeSystem => self.apply(ctx, Command::Theme(ThemeChoice::System)),
            Action::SheetMoveUp | Action::SheetMoveDown | Action::SheetRemove => {
                if let Some(c) = self
                    .views
                    .sheets
                    .action_command(action, self.session.data())
                {
                    self.apply(ctx, c);
                }
            }
            Action::Undo => {
                let _ = self.session.undo_last(&self.kb);
            }
            Action::ImportSheet => self.import_sheet(),
            Action::DismissError => self.session.notices.dismiss_error(),
            Action::StudyReveal
            | Action::StudyAgain
            | Action::StudyHard
            | Action::StudyGood
            | Action::StudyEasy
            | Action::StudyPickA
            | Action::StudyPickB
            | Action::StudyPickC
            | Action::StudyPickD
            | Action::StudyPickE
            | Action::ExamPrevious
            | Action::ExamNext
            | Action::ExamFlag => {
                let input = crate::ui::study::StudyInput {
                    book: &self.study,
                    now: self.now(),
                };
                if let Some(c) = self.views.study.on_action(action, &self.kb, &input) {
                    self.apply(ctx, c);
                }
            }
            Action::NewEntry => self.open_editor(None),
            Action::ShowStudy
            | Action::ShowSearch
            | Action::ShowGuide
            | Action::ShowLimits
            | Action::ShowWizards
            | Action::ShowCompare
            | Action::ShowSheets
            | Action::ShowSettings => {}
        }
    }

    fn select(&mut self, delta: isize) {
        if self.state.view != View::Search {
            self.state.view = View::Search;
        }
        self.views.search.move_selection(delta);
    }

    fn zoom(&mut self, ctx: &egui::Context, step: ZoomStep) {
        let z = match step {
            ZoomStep::In => self.state.zoom + 0.1,
            ZoomStep::Out => self.state.zoom - 0.1,
            ZoomStep::Reset => 1.0,
        };
        self.state.zoom = ((z * 10.0).round() / 10.0).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        ctx.set_zoom_factor(self.state.zoom);
    }

    fn sheet_change(&mut self, change: SheetChange) {
        let kb = &self.kb;
        let session = &mut self.session;
        match change {
            SheetChange::New(name) => {
                let _ = session.new_sheet(&name);
            }
            SheetChange::Rename(from, to) => {
                let _ = session.rename_sheet(&from, &to);
            }
            SheetChange::Delete(name) => {
                let _ = session.delete_sheet(&name);
            }
            SheetChange::Move(name, from, to) => {
                let _ = session.move_entry(&name, from, to);
            }
            SheetChange::Remove(name, id) => {
                let _ = session.remove_entry(&name, &id);
            }
            SheetChange::Detach(name, index) => {
                let _ = session.detach(&name, index);
            }
            SheetChange::Export(name, format) => {
                use crate::model::sheets::ExportFormat;
                let Ok(text) = session.export_text(kb, &name, format) else {
                    return;
                };
                let kind = match format {
                    ExportFormat::Markdown => "Markdown",
                    ExportFormat::Html => "HTML",
                    ExportFormat::Shared => "OpsDeck sheet",
                };
                let file_name = dialogs::file_name_for(&name, format.extension());
                if let Some(path) = dialogs::save_file(&file_name, kind, format.extension()) {
                    let _ = session.save_export(&path, &text);
                }
            }
            SheetChange::ExportPdf {
                name,
                letter,
                columns,
            } => {
                use crate::model::sheets::pdf::{Paper, PdfOptions};
                let options = PdfOptions {
                    paper: if letter { Paper::Letter } else { Paper::A4 },
                    columns,
                    date: crate::platform::study::today(),
                };
                let Ok(bytes) = session.export_pdf(kb, &name, &options) else {
                    return;
                };
                let file_name = dialogs::file_name_for(&name, "pdf");
                if let Some(path) = dialogs::save_file(&file_name, "PDF", "pdf") {
                    let _ = session.save_bytes(&path, &bytes);
                }
            }
            SheetChange::AcceptNote(index, replace) => {
                let _ = session.accept_note(index, replace, kb);
            }
            SheetChange::DeclineNotes => session.decline_notes(),
        }
    }

    fn import_sheet(&mut self) {
        let Some(path) = dialogs::pick_file("OpsDeck sheet", &["ron"]) else {
            return;
        };
        match crate::platform::store::read_shared(&path) {
            Ok(shared) => {
                if let Ok(imported) = self.session.import(shared, &self.kb) {
                    self.views.sheets.selected = Some(imported.name);
                    self.show(View::Sheets);
                }
            }
            Err(e) => self
                .session
                .notices
                .error(crate::platform::session::chain(&e)),
        }
    }

    /// Everything the palette offers: actions, views, wizards, sheets, and the entry on
    /// screen's own actions.
    fn palette_items(&self) -> Vec<PaletteItem> {
        let mut items = Vec::new();
        for action in Action::ALL {
            if matches!(action, Action::Palette | Action::Escape) {
                continue;
            }
            items.push(PaletteItem {
                label: action.label().to_owned(),
                detail: action
                    .shortcuts()
                    .first()
                    .map_or_else(|| "command".to_owned(), |s| s.text()),
                keywords: vec![action.help().to_owned()],
                command: Command::Run(action),
            });
        }
        for w in self.kb.wizards() {
            items.push(PaletteItem {
                label: format!("Wizard: {}", w.title),
                detail: "wizard".to_owned(),
                keywords: vec![w.id.clone(), w.summary.clone()],
                command: Command::OpenWizard(w.id.clone(), Vec::new()),
            });
        }
        for s in &self.session.data().sheets {
            items.push(PaletteItem {
                label: format!("Sheet: {}", s.name),
                detail: format!("{} entries", s.entries.len()),
                keywords: Vec::new(),
                command: Command::OpenSheet(s.name.clone()),
            });
        }
        if let Some(guide) = self.kb.guide() {
            for task in guide.domains.iter().flat_map(|d| &d.tasks) {
                items.push(PaletteItem {
                    label: format!("Task {}: {}", task.id, task.title),
                    detail: "exam guide".to_owned(),
                    keywords: Vec::new(),
                    command: Command::OpenTask(task.id.clone()),
                });
            }
        }
        for family in self.kb.families() {
            for preset in &family.presets {
                items.push(PaletteItem {
                    label: format!("Compare: {}", preset.label),
                    detail: "compare".to_owned(),
                    keywords: vec![preset.help.clone()],
                    command: Command::Compare(preset.ids.clone()),
                });
            }
        }
        items
    }
}
