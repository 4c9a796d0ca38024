//! The entry editor: write an entry of your own, or your version of a built-in one, with
//! every problem shown beside its field.

use egui::RichText;

use crate::model::mine::{Draft, Field, FieldError};
use crate::model::schema::Lifecycle;
use crate::ui::command::Command;
use crate::ui::theme;

/// The editor's state while it is open.
pub struct Editor {
    /// The draft being edited.
    pub draft: Draft,
    /// The entry the draft came from, for the window's title.
    pub from: Option<String>,
    /// Lists as text, one item a line.
    points: String,
    tips: String,
    tags: String,
    related: String,
    tasks: String,
    service: String,
    value: String,
    unit: String,
    /// Problems from the last save.
    pub errors: Vec<FieldError>,
}

impl Editor {
    /// Opens the editor on a draft.
    pub fn new(draft: Draft, from: Option<String>) -> Editor {
        let (service, value, unit) = draft.limit.clone().unwrap_or_default();
        Editor {
            points: draft.points.join("\n"),
            tips: draft.tips.join("\n"),
            tags: draft.tags.join(", "),
            related: draft.related.join(", "),
            tasks: draft.tasks.join(", "),
            service,
            value,
            unit,
            draft,
            from,
            errors: Vec::new(),
        }
    }

    /// The draft with the text boxes read back into it.
    pub fn collect(&self) -> Draft {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        };
        let items = |s: &str| -> Vec<String> {
            s.split([',', '\n'])
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        };
        let mut d = self.draft.clone();
        d.points = lines(&self.points);
        d.tips = lines(&self.tips);
        d.tags = items(&self.tags);
        d.related = items(&self.related);
        d.tasks = items(&self.tasks);
        d.limit = (d.kind == "limit").then(|| {
            (
                self.service.trim().to_owned(),
                self.value.trim().to_owned(),
                self.unit.trim().to_owned(),
            )
        });
        d
    }

    fn errors_for(&self, ui: &mut egui::Ui, field: Field) {
        let dark = ui.visuals().dark_mode;
        for e in self.errors.iter().filter(|e| e.field == field) {
            ui.colored_label(
                theme::status_color(Lifecycle::Retired, dark),
                RichText::new(&e.message).small(),
            );
        }
    }

    /// Draws the editor window. Returns what to do: save, delete, close.
    pub fn ui(&mut self, ctx: &egui::Context, mine: bool) -> Option<EditorAction> {
        let mut action = None;
        let mut open = true;
        let title = match (&self.from, mine) {
            (None, _) => "New entry".to_owned(),
            (Some(_), true) => "Edit your entry".to_owned(),
            (Some(id), false) => format!("Your version of {id}"),
        };
        let screen = ctx.content_rect();
        let fields_height = (screen.height() - 190.0).max(160.0);
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(560.0_f32.min(screen.width() - 40.0))
            .default_pos(screen.center() - egui::vec2(280.0_f32.min(screen.width() / 2.0 - 20.0), fields_height / 2.0 + 40.0))
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().max_height(fields_height).show(ui, |ui| {
                    if self.from.is_some() && !mine {
                        ui.label(
                            RichText::new("The built-in entry stays as it is; yours is shown beside it, first.")
                                .small()
                                .color(theme::muted(ui)),
                        );
                    }
                    let label = ui.label(RichText::new("Title").strong());
                    ui.add(egui::TextEdit::singleline(&mut self.draft.title).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    self.errors_for(ui, Field::Title);
                    ui.label(RichText::new("Kind").strong());
                    ui.horizontal_wrapped(|ui| {
                        for k in ["service", "feature", "concept", "strategy", "limit"] {
                            ui.selectable_value(&mut self.draft.kind, k.to_owned(), k);
                        }
                    });
                    self.errors_for(ui, Field::Kind);
                    let label = ui.label(RichText::new("Summary").strong());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.draft.summary)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                    self.errors_for(ui, Field::Summary);
                    if self.draft.kind == "limit" {
                        ui.label(RichText::new("Limit").strong());
                        ui.horizontal_wrapped(|ui| {
                            let l = ui.label("Service id");
                            ui.add(egui::TextEdit::singleline(&mut self.service).desired_width(140.0))
                                .labelled_by(l.id);
                            let l = ui.label("Value");
                            ui.add(egui::TextEdit::singleline(&mut self.value).desired_width(90.0))
                                .labelled_by(l.id);
                            let l = ui.label("Unit");
                            ui.add(egui::TextEdit::singleline(&mut self.unit).desired_width(160.0))
                                .labelled_by(l.id);
                        });
                        self.errors_for(ui, Field::Limit);
                    }
                    for (name, text, field, rows) in [
                        ("Key points, one a line", &mut self.points, Field::Points, 4),
                        ("Exam tips, one a line", &mut self.tips, Field::Tips, 2),
                    ] {
                        let label = ui.label(RichText::new(name).strong());
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(rows)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                        let errors: Vec<&FieldError> = self.errors.iter().filter(|e| e.field == field).collect();
                        let dark = ui.visuals().dark_mode;
                        for e in errors {
                            ui.colored_label(theme::status_color(Lifecycle::Retired, dark), RichText::new(&e.message).small());
                        }
                    }
                    for (name, text, field) in [
                        ("Tags, comma-separated", &mut self.tags, Field::Tags),
                        ("Related entry ids, comma-separated", &mut self.related, Field::Related),
                        ("Exam task statements, e.g. 3.2, 1.4", &mut self.tasks, Field::Tasks),
                    ] {
                        let label = ui.label(RichText::new(name).strong());
                        ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                            .labelled_by(label.id);
                        let errors: Vec<&FieldError> = self.errors.iter().filter(|e| e.field == field).collect();
                        let dark = ui.visuals().dark_mode;
                        for e in errors {
                            ui.colored_label(theme::status_color(Lifecycle::Retired, dark), RichText::new(&e.message).small());
                        }
                    }
                    self.errors_for(ui, Field::Other);
                });
                // The buttons stay in view however long the form is.
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        action = Some(EditorAction::Save);
                    }
                    if ui.button("Cancel").clicked() {
                        action = Some(EditorAction::Close);
                    }
                    if mine && ui.button("Delete this entry").clicked() {
                        action = Some(EditorAction::Delete);
                    }
                    if !self.errors.is_empty() {
                        let dark = ui.visuals().dark_mode;
                        ui.colored_label(
                            theme::status_color(Lifecycle::Retired, dark),
                            format!("{} to fix before saving", self.errors.len()),
                        );
                    }
                });
            });
        if !open {
            action = Some(EditorAction::Close);
        }
        action
    }
}

/// What the editor asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    /// Save the draft.
    Save,
    /// Delete the entry.
    Delete,
    /// Close without saving.
    Close,
}

/// The command that opens the editor on an entry (`None`: a new one).
pub fn edit(id: Option<String>) -> Command {
    Command::EditEntry(id)
}
