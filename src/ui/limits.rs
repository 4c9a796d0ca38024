//! The limits browser: every limit in a sortable, filterable table.

use egui::RichText;
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::model::KnowledgeBase;
use crate::model::limits::{Column, LimitFilter, filter_limits};
use crate::model::render::value_with_unit;
use crate::model::schema::{Kind, Verdict};
use crate::ui::command::Command;
use crate::ui::theme;

/// The table's filter and sort, kept while the app runs.
#[derive(Default)]
pub struct LimitsView {
    /// Filter and sort settings.
    pub filter: LimitFilter,
}

const COLUMNS: [(Column, &str); 6] = [
    (Column::Service, "Service"),
    (Column::Limit, "Limit"),
    (Column::Value, "Current value"),
    (Column::Notes, "The notes said"),
    (Column::Adjustable, "Adjust."),
    (Column::Checked, "Checked"),
];

impl LimitsView {
    /// Sorts by `column`, flipping the direction when it is already the sort column.
    pub fn sort_by(&mut self, column: Column) {
        if self.filter.sort == column {
            self.filter.descending = !self.filter.descending;
        } else {
            self.filter.sort = column;
            self.filter.descending = false;
        }
    }

    /// Draws the filters and the table.
    pub fn ui(&mut self, ui: &mut egui::Ui, kb: &KnowledgeBase) -> Option<Command> {
        let mut command = None;
        let dark = ui.visuals().dark_mode;
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text("words in service, limit or value")
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            let services: Vec<(&str, &str)> = {
                let mut s: Vec<(&str, &str)> = kb
                    .limits()
                    .into_iter()
                    .filter_map(|e| {
                        e.limit
                            .as_ref()
                            .map(|f| (f.service.as_str(), kb.service_title(e)))
                    })
                    .collect();
                s.sort_by(|a, b| a.1.cmp(b.1));
                s.dedup();
                s
            };
            let current = self
                .filter
                .service
                .as_deref()
                .and_then(|id| services.iter().find(|s| s.0 == id))
                .map_or("All services", |s| s.1);
            let service_label = ui.label("Service");
            egui::ComboBox::from_id_salt("limits-service")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.service, None, "All services");
                    for (id, title) in &services {
                        ui.selectable_value(
                            &mut self.filter.service,
                            Some((*id).to_owned()),
                            *title,
                        );
                    }
                })
                .response
                .labelled_by(service_label.id);
            ui.checkbox(&mut self.filter.changed_only, "Changed since the notes");
        });
        let rows = filter_limits(kb, &self.filter);
        ui.label(
            RichText::new(format!(
                "{} of {} limits · values that changed since the notes are highlighted, with the notes' value beside them",
                rows.len(),
                kb.limits().len()
            ))
            .color(theme::muted(ui)),
        );
        ui.add_space(4.0);
        let changed_color = theme::kind_color(Kind::Limit, dark);
        let mut clicked_sort = None;
        // Columns share the width the view has, worked out every frame, so nothing spills off
        // the right edge at any window size or text size (a cell's full text is on hover).
        let spacing = ui.spacing().item_spacing.x * 6.0;
        let w = (ui.available_width() - spacing).max(320.0);
        let share = [0.17, 0.27, 0.25, 0.13, 0.08, 0.10];
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(false)
            .auto_shrink([false, false]);
        for fraction in share {
            table = table.column(TableColumn::exact(w * fraction).clip(true));
        }
        table
            .header(26.0, |mut header| {
                for (column, label) in COLUMNS {
                    header.col(|ui| {
                        let arrow = match (self.filter.sort == column, self.filter.descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            _ => "",
                        };
                        if ui
                            .button(RichText::new(format!("{label}{arrow}")).strong())
                            .clicked()
                        {
                            clicked_sort = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let e = rows[row.index()];
                    let Some(f) = &e.limit else { return };
                    let changed = f.verdict == Verdict::Changed;
                    row.col(|ui| {
                        let service = kb.service_title(e);
                        ui.add(egui::Label::new(service).truncate())
                            .on_hover_text(service);
                    });
                    row.col(|ui| {
                        if ui.link(&e.title).on_hover_text(&e.summary).clicked() {
                            command = Some(Command::Open(e.id.clone()));
                        }
                    });
                    row.col(|ui| {
                        let text = value_with_unit(&f.value, &f.unit, f.verdict);
                        let label = if changed {
                            RichText::new(text).strong().color(changed_color)
                        } else {
                            RichText::new(text)
                        };
                        let hover = match &f.notes_value {
                            Some(old) => format!(
                                "Now: {}\nThe notes said: {old}",
                                value_with_unit(&f.value, &f.unit, f.verdict)
                            ),
                            None => value_with_unit(&f.value, &f.unit, f.verdict),
                        };
                        ui.label(label).on_hover_text(hover);
                    });
                    row.col(|ui| {
                        ui.label(
                            RichText::new(f.notes_value.as_deref().unwrap_or("—"))
                                .color(theme::muted(ui)),
                        );
                    });
                    row.col(|ui| {
                        ui.label(f.adjustable.as_str());
                    });
                    row.col(|ui| {
                        ui.hyperlink_to(
                            f.source.checked.as_deref().unwrap_or("source"),
                            &f.source.url,
                        );
                    });
                });
            });
        if let Some(column) = clicked_sort {
            self.sort_by(column);
        }
        command
    }
}
