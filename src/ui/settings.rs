//! The settings view: theme and UI scale.

use egui::RichText;

use crate::ui::command::ThemeChoice;
use crate::ui::state::{Persisted, ZOOM_RANGE};
use crate::ui::theme;

/// Edits the persisted settings in place.
pub fn settings_ui(ui: &mut egui::Ui, state: &mut Persisted) {
    ui.label(RichText::new("Settings").heading().strong());
    ui.add_space(8.0);
    egui::Grid::new("settings")
        .num_columns(2)
        .spacing([24.0, 10.0])
        .show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut state.theme, ThemeChoice::System, "Follow the system");
                ui.selectable_value(&mut state.theme, ThemeChoice::Dark, "Dark");
                ui.selectable_value(&mut state.theme, ThemeChoice::Light, "Light");
            });
            ui.end_row();
            let label = ui.label("Text size");
            ui.horizontal(|ui| {
                ui.add(
                    egui::Slider::new(&mut state.zoom, ZOOM_RANGE.0..=ZOOM_RANGE.1)
                        .step_by(0.1)
                        .custom_formatter(|v, _| format!("{:.0} %", v * 100.0)),
                )
                .labelled_by(label.id);
                if ui.button("Reset").clicked() {
                    state.zoom = 1.0;
                }
            });
            ui.end_row();
            ui.label("History");
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("{} places back", state.history.back.len()))
                        .color(theme::muted(ui)),
                );
                if ui.button("Clear").clicked() {
                    state.history = Default::default();
                }
            });
            ui.end_row();
        });
    ui.add_space(12.0);
    ui.label(
        RichText::new("OpsDeck remembers the theme, text size, last view, last search and history between runs.")
            .color(theme::muted(ui)),
    );
}
