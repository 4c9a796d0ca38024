//! The sheets view: create, rename, delete (with undo), reorder and preview cheat-sheets,
//! export them, import shared ones and choose which of their notes to take.

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::sheets::{Attachment, ExportFormat, OfferedNote, UserData};
use crate::ui::command::{Action, Command, SheetChange};
use crate::ui::theme;

/// What the sheets view draws from the user's session.
pub struct SheetsInput<'a> {
    /// The data.
    pub data: &'a UserData,
    /// What the Undo bar offers, if anything.
    pub undo: Option<String>,
    /// The notes offered by the last import, and the sheet they came with.
    pub offered: &'a [OfferedNote],
    /// Why changes cannot be saved, if they cannot.
    pub read_only: Option<&'a str>,
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
    /// PDF paper: US Letter rather than A4.
    pub pdf_letter: bool,
    /// PDF columns, 1 to 3 (0 until first drawn, then 3).
    pub pdf_columns: usize,
}

impl SheetsView {
    /// The command a sheet-scoped action means for the highlighted entry, if any.
    pub fn action_command(&mut self, action: Action, data: &UserData) -> Option<Command> {
        let sheet = self.selected.as_deref().and_then(|n| data.sheet(n))?;
        let len = sheet.entries.len();
        if len == 0 {
            return None;
        }
        self.row = self.row.min(len - 1);
        let name = sheet.name.clone();
        match action {
            Action::SheetMoveUp if self.row > 0 => {
                self.row -= 1;
                Some(Command::Sheet(SheetChange::Move(
                    name,
                    self.row + 1,
                    self.row,
                )))
            }
            Action::SheetMoveDown if self.row + 1 < len => {
                self.row += 1;
                Some(Command::Sheet(SheetChange::Move(
                    name,
                    self.row - 1,
                    self.row,
                )))
            }
            Action::SheetRemove => Some(Command::Sheet(SheetChange::Remove(
                name,
                sheet.entries[self.row].clone(),
            ))),
            _ => None,
        }
    }

    /// Draws the view; returns what the user asked for.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        input: SheetsInput<'_>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let data = input.data;
        if self
            .selected
            .as_deref()
            .is_none_or(|s| data.sheet(s).is_none())
        {
            self.selected = data.sheets.first().map(|s| s.name.clone());
            self.rename.clear();
        }
        if let Some(why) = input.read_only {
            let dark = ui.visuals().dark_mode;
            ui.label(RichText::new(why).color(theme::status_color(
                crate::model::schema::Lifecycle::ClosedToNew,
                dark,
            )));
        }
        if let Some(what) = &input.undo {
            ui.horizontal(|ui| {
                ui.label(what);
                if ui
                    .button("Undo")
                    .on_hover_text(Action::Undo.tooltip())
                    .clicked()
                {
                    commands.push(Command::Run(Action::Undo));
                }
            });
        }
        if !input.offered.is_empty() {
            offered_ui(ui, kb, input.offered, &mut commands);
        }
        let wide = ui.available_width() > 620.0;
        if wide {
            ui.columns(2, |cols| {
                cols[0].vertical(|ui| self.list_ui(ui, data, &mut commands));
                cols[1].vertical(|ui| self.sheet_ui(ui, kb, data, &mut commands));
            });
        } else {
            egui::ScrollArea::vertical()
                .id_salt("sheets-narrow")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.list_ui(ui, data, &mut commands);
                    ui.separator();
                    self.sheet_ui(ui, kb, data, &mut commands);
                });
        }
        commands
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, data: &UserData, commands: &mut Vec<Command>) {
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
            if ui
                .add(egui::Button::selectable(selected, label).truncate())
                .clicked()
            {
                self.selected = Some(s.name.clone());
                self.rename = s.name.clone();
                self.row = 0;
            }
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
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
                commands.push(Command::Sheet(SheetChange::New(
                    self.new_name.trim().to_owned(),
                )));
                self.selected = Some(self.new_name.trim().to_owned());
                self.new_name.clear();
            }
        });
        ui.add_space(8.0);
        if ui
            .button(Action::ImportSheet.label())
            .on_hover_text(Action::ImportSheet.tooltip())
            .clicked()
        {
            commands.push(Command::Run(Action::ImportSheet));
        }
    }

    fn sheet_ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        data: &UserData,
        commands: &mut Vec<Command>,
    ) {
        let Some(sheet) = self.selected.as_deref().and_then(|n| data.sheet(n)) else {
            return;
        };
        let name = sheet.name.clone();
        ui.add(egui::Label::new(RichText::new(&name).size(17.0).strong()).truncate());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Rename to");
            if self.rename.is_empty() {
                self.rename = name.clone();
            }
            ui.add(egui::TextEdit::singleline(&mut self.rename).desired_width(150.0))
                .labelled_by(label.id);
            if ui.button("Rename").clicked() && self.rename.trim() != name {
                commands.push(Command::Sheet(SheetChange::Rename(
                    name.clone(),
                    self.rename.trim().to_owned(),
                )));
                self.selected = Some(self.rename.trim().to_owned());
            }
            if ui.button("Delete sheet").clicked() {
                commands.push(Command::Sheet(SheetChange::Delete(name.clone())));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let mut export = |ui: &mut egui::Ui, label: &str, help: &str, format| {
                if ui.button(label).on_hover_text(help).clicked() {
                    commands.push(Command::Sheet(SheetChange::Export(name.clone(), format)));
                }
            };
            export(
                ui,
                "Export Markdown…",
                "Save the sheet as Markdown",
                ExportFormat::Markdown,
            );
            export(
                ui,
                "Export printable HTML…",
                "One self-contained page that prints in three columns",
                ExportFormat::Html,
            );
            export(
                ui,
                "Share…",
                "A file another OpsDeck user can import",
                ExportFormat::Shared,
            );
            if self.pdf_columns == 0 {
                // Three columns until the user picks another number.
                self.pdf_columns = 3;
            }
            if ui
                .button("Export PDF…")
                .on_hover_text(format!(
                    "A printable PDF: {}, {} columns, fonts embedded",
                    if self.pdf_letter { "Letter" } else { "A4" },
                    self.pdf_columns
                ))
                .clicked()
            {
                commands.push(Command::Sheet(SheetChange::ExportPdf {
                    name: name.clone(),
                    letter: self.pdf_letter,
                    columns: self.pdf_columns,
                }));
            }
            ui.menu_button("PDF options ▾", |ui| {
                ui.radio_value(&mut self.pdf_letter, false, "A4");
                ui.radio_value(&mut self.pdf_letter, true, "US Letter");
                ui.separator();
                for n in 1..=3 {
                    ui.radio_value(
                        &mut self.pdf_columns,
                        n,
                        format!("{n} column{}", if n == 1 { "" } else { "s" }),
                    );
                }
            });
        });
        ui.separator();
        for (i, attachment) in sheet.attachments.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .button("✕")
                    .on_hover_text("Remove from the sheet")
                    .clicked()
                {
                    commands.push(Command::Sheet(SheetChange::Detach(name.clone(), i)));
                }
                ui.add(
                    egui::Label::new(RichText::new(attachment_text(kb, attachment)).strong())
                        .truncate(),
                );
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
            RichText::new(format!(
                "{} move the highlighted entry; {} removes it.",
                crate::ui::command::keyboard_pair(Action::SheetMoveUp, Action::SheetMoveDown),
                Action::SheetRemove.shortcut_text()
            ))
            .small()
            .color(theme::muted(ui)),
        );
        self.row = self.row.min(sheet.entries.len() - 1);
        egui::ScrollArea::vertical()
            .id_salt("sheet-entries")
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
                                commands.push(Command::Sheet(SheetChange::Move(
                                    name.clone(),
                                    i,
                                    i - 1,
                                )));
                                self.row = i - 1;
                            }
                            if ui
                                .add_enabled(i + 1 < sheet.entries.len(), egui::Button::new("↓"))
                                .on_hover_text("Move down")
                                .clicked()
                            {
                                commands.push(Command::Sheet(SheetChange::Move(
                                    name.clone(),
                                    i,
                                    i + 1,
                                )));
                                self.row = i + 1;
                            }
                            if ui
                                .button("✕")
                                .on_hover_text(format!("Remove {title} from the sheet"))
                                .clicked()
                            {
                                commands.push(Command::Sheet(SheetChange::Remove(
                                    name.clone(),
                                    id.clone(),
                                )));
                            }
                            match entry {
                                Some(_) => {
                                    if ui.link(RichText::new(title).strong()).clicked() {
                                        self.row = i;
                                        commands.push(Command::Open(id.clone()));
                                    }
                                }
                                None => {
                                    ui.label(RichText::new(format!(
                                        "{id}: no longer in the knowledge base (its pack was removed?)"
                                    )).color(theme::muted(ui)));
                                }
                            }
                        });
                        if let Some(e) = entry {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(crate::model::markup::plain(&e.summary))
                                        .small()
                                        .color(theme::muted(ui)),
                                )
                                .wrap(),
                            );
                        }
                        if let Some(note) = data.notes.get(id) {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("My note: {note}")).small().italics(),
                                )
                                .wrap(),
                            );
                        }
                    });
                }
            });
    }
}

/// One line describing a kept decision or comparison.
fn attachment_text(kb: &KnowledgeBase, attachment: &Attachment) -> String {
    match attachment {
        Attachment::Wizard { wizard, answers } => {
            let title = kb
                .wizard(wizard)
                .map_or(wizard.as_str(), |w| w.title.as_str());
            let given: Vec<String> = answers.iter().map(|(k, v)| format!("{k} {v}")).collect();
            format!("Decision · {title} ({})", given.join(", "))
        }
        Attachment::Comparison { ids } => {
            let titles: Vec<&str> = ids
                .iter()
                .map(|id| kb.get(id).map_or(id.as_str(), |e| e.title.as_str()))
                .collect();
            format!("Comparison · {}", titles.join(" · "))
        }
    }
}

/// The notes a shared sheet came with: each can be taken, or replace the user's own, or all
/// can be declined.
fn offered_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    offered: &[OfferedNote],
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    let accent = theme::kind_color(crate::model::schema::Kind::Concept, dark);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(6)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Notes that came with the imported sheet").strong());
            ui.label(
                RichText::new("None of them was added. Take the ones you want; yours are only replaced if you say so.")
                    .small()
                    .color(theme::muted(ui)),
            );
            for (i, offer) in offered.iter().enumerate() {
                let title = kb.get(&offer.id).map_or(offer.id.as_str(), |e| e.title.as_str());
                ui.add_space(4.0);
                ui.label(RichText::new(title).strong());
                ui.add(egui::Label::new(format!("Theirs: {}", offer.theirs)).wrap());
                match &offer.mine {
                    Some(mine) => {
                        ui.add(
                            egui::Label::new(RichText::new(format!("Yours: {mine}")).color(theme::muted(ui)))
                                .wrap(),
                        );
                        if ui.button("Replace my note with theirs").clicked() {
                            commands.push(Command::Sheet(SheetChange::AcceptNote(i, true)));
                        }
                    }
                    None => {
                        if ui.button("Take this note").clicked() {
                            commands.push(Command::Sheet(SheetChange::AcceptNote(i, false)));
                        }
                    }
                }
            }
            ui.add_space(4.0);
            if ui.button("Dismiss").clicked() {
                commands.push(Command::Sheet(SheetChange::DeclineNotes));
            }
        });
    ui.add_space(6.0);
}
