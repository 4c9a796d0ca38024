//! The sheets view: create, rename, delete (with undo), reorder and preview cheat-sheets, and
//! export or import them.

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::sheets::UserData;
use crate::ui::theme;

/// Something the user asked the sheets view to do; the app applies it to the stored data.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetAction {
    /// Create a sheet.
    New(String),
    /// Rename a sheet.
    Rename(String, String),
    /// Delete a sheet (undoable).
    Delete(String),
    /// Move an entry within a sheet.
    Move(String, usize, usize),
    /// Remove an entry from a sheet.
    Remove(String, String),
    /// Remove the attachment at this index from a sheet.
    Detach(String, usize),
    /// Export with a save dialog: Markdown, HTML or shareable RON.
    Export(String, crate::model::sheets::ExportFormat),
    /// Import a shared sheet with an open dialog.
    Import,
    /// Restore the sheet deleted last.
    Undo,
    /// Open an entry.
    Open(String),
}

/// The view's own state (not persisted: the sheets themselves live in the user-data file).
#[derive(Default)]
pub struct SheetsView {
    /// The sheet shown on the right.
    pub selected: Option<String>,
    new_name: String,
    rename: String,
    /// Index of the highlighted entry, for keyboard reordering.
    pub row: usize,
}

impl SheetsView {
    /// Draws the view. `undo` describes a delete that can be undone.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        data: &UserData,
        undo: Option<&str>,
        message: Option<&(bool, String)>,
    ) -> Vec<SheetAction> {
        let mut actions = Vec::new();
        if self
            .selected
            .as_deref()
            .is_none_or(|s| data.sheet(s).is_none())
        {
            self.selected = data.sheets.first().map(|s| s.name.clone());
        }
        if let Some(what) = undo {
            ui.horizontal(|ui| {
                ui.label(what);
                if ui.button("Undo").clicked() {
                    actions.push(SheetAction::Undo);
                }
            });
        }
        if let Some((ok, text)) = message {
            let dark = ui.visuals().dark_mode;
            let color = if *ok {
                theme::muted(ui)
            } else {
                theme::status_color(crate::model::schema::Lifecycle::Retired, dark)
            };
            ui.label(RichText::new(text).color(color));
        }
        ui.columns(2, |cols| {
            cols[0].vertical(|ui| self.list_ui(ui, data, &mut actions));
            cols[1].vertical(|ui| self.sheet_ui(ui, kb, data, &mut actions));
        });
        actions
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, data: &UserData, actions: &mut Vec<SheetAction>) {
        ui.label(RichText::new("My sheets").size(17.0).strong());
        if data.sheets.is_empty() {
            ui.label(
                RichText::new(
                    "No sheets yet. Create one here, or use “Add to sheet” on any entry.",
                )
                .color(theme::muted(ui)),
            );
        }
        for s in &data.sheets {
            let selected = self.selected.as_deref() == Some(&s.name);
            let label = format!("{}  ({})", s.name, s.entries.len());
            if ui.selectable_label(selected, label).clicked() {
                self.selected = Some(s.name.clone());
                self.rename = s.name.clone();
                self.row = 0;
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label("New sheet");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_name)
                        .hint_text("name")
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Create").clicked() || enter) && !self.new_name.trim().is_empty() {
                actions.push(SheetAction::New(self.new_name.trim().to_owned()));
                self.selected = Some(self.new_name.trim().to_owned());
                self.new_name.clear();
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Import a shared sheet…").clicked() {
                actions.push(SheetAction::Import);
            }
        });
    }

    fn sheet_ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        data: &UserData,
        actions: &mut Vec<SheetAction>,
    ) {
        let Some(sheet) = self.selected.as_deref().and_then(|n| data.sheet(n)) else {
            return;
        };
        let name = sheet.name.clone();
        ui.label(RichText::new(&name).size(17.0).strong());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Rename to");
            if self.rename.is_empty() {
                self.rename = name.clone();
            }
            ui.add(egui::TextEdit::singleline(&mut self.rename).desired_width(150.0))
                .labelled_by(label.id);
            if ui.button("Rename").clicked() && self.rename.trim() != name {
                actions.push(SheetAction::Rename(
                    name.clone(),
                    self.rename.trim().to_owned(),
                ));
                self.selected = Some(self.rename.trim().to_owned());
            }
            if ui.button("Delete sheet").clicked() {
                actions.push(SheetAction::Delete(name.clone()));
            }
        });
        ui.horizontal_wrapped(|ui| {
            use crate::model::sheets::ExportFormat;
            if ui.button("Export Markdown…").clicked() {
                actions.push(SheetAction::Export(name.clone(), ExportFormat::Markdown));
            }
            if ui.button("Export printable HTML…").clicked() {
                actions.push(SheetAction::Export(name.clone(), ExportFormat::Html));
            }
            if ui
                .button("Share…")
                .on_hover_text("A file another OpsDeck user can import")
                .clicked()
            {
                actions.push(SheetAction::Export(name.clone(), ExportFormat::Shared));
            }
        });
        ui.separator();
        for (i, attachment) in sheet.attachments.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .button("✕")
                    .on_hover_text("Remove from the sheet")
                    .clicked()
                {
                    actions.push(SheetAction::Detach(name.clone(), i));
                }
                let text = match attachment {
                    crate::model::sheets::Attachment::Wizard { wizard, answers } => {
                        let title = kb
                            .wizard(wizard)
                            .map_or(wizard.as_str(), |w| w.title.as_str());
                        let given: Vec<String> =
                            answers.iter().map(|(k, v)| format!("{k} {v}")).collect();
                        format!("Decision · {title} ({})", given.join(", "))
                    }
                    crate::model::sheets::Attachment::Comparison { ids } => {
                        let titles: Vec<&str> = ids
                            .iter()
                            .map(|id| kb.get(id).map_or(id.as_str(), |e| e.title.as_str()))
                            .collect();
                        format!("Comparison · {}", titles.join(" · "))
                    }
                };
                ui.label(RichText::new(text).strong());
            });
        }
        if sheet.entries.is_empty() {
            ui.label(
                RichText::new("No entries yet: open an entry and choose “Add to sheet”.")
                    .color(theme::muted(ui)),
            );
            return;
        }
        ui.label(
            RichText::new("Alt+↑ / Alt+↓ move the highlighted entry; Delete removes it.")
                .small()
                .color(theme::muted(ui)),
        );
        self.row = self.row.min(sheet.entries.len() - 1);
        let (up, down, del) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Delete),
            )
        });
        if up && self.row > 0 {
            actions.push(SheetAction::Move(name.clone(), self.row, self.row - 1));
            self.row -= 1;
        }
        if down && self.row + 1 < sheet.entries.len() {
            actions.push(SheetAction::Move(name.clone(), self.row, self.row + 1));
            self.row += 1;
        }
        if del && !ui.ctx().text_edit_focused() {
            actions.push(SheetAction::Remove(
                name.clone(),
                sheet.entries[self.row].clone(),
            ));
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, id) in sheet.entries.iter().enumerate() {
                    let entry = kb.get(id);
                    let title = entry.map_or(id.as_str(), |e| e.title.as_str());
                    let frame = egui::Frame::new()
                        .fill(if i == self.row {
                            ui.visuals().faint_bg_color
                        } else {
                            egui::Color32::TRANSPARENT
                        })
                        .corner_radius(6)
                        .inner_margin(6);
                    frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(i > 0, egui::Button::new("↑"))
                                .on_hover_text("Move up")
                                .clicked()
                            {
                                actions.push(SheetAction::Move(name.clone(), i, i - 1));
                                self.row = i - 1;
                            }
                            if ui
                                .add_enabled(i + 1 < sheet.entries.len(), egui::Button::new("↓"))
                                .on_hover_text("Move down")
                                .clicked()
                            {
                                actions.push(SheetAction::Move(name.clone(), i, i + 1));
                                self.row = i + 1;
                            }
                            if ui
                                .button("✕")
                                .on_hover_text(format!("Remove {title} from the sheet"))
                                .clicked()
                            {
                                actions.push(SheetAction::Remove(name.clone(), id.clone()));
                            }
                            if ui.link(RichText::new(title).strong()).clicked() {
                                self.row = i;
                                actions.push(SheetAction::Open(id.clone()));
                            }
                        });
                        if let Some(e) = entry {
                            ui.label(RichText::new(&e.summary).small().color(theme::muted(ui)));
                        }
                        if let Some(note) = data.notes.get(id) {
                            ui.label(RichText::new(format!("My note: {note}")).small().italics());
                        }
                    });
                }
            });
    }
}
