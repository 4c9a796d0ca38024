//! The settings view: theme and UI scale.

use egui::RichText;

use crate::ui::command::ThemeChoice;
use crate::ui::state::{Persisted, ZOOM_RANGE};
use crate::ui::theme;

/// Edits the persisted settings in place.
pub fn settings_ui(
    ui: &mut egui::Ui,
    state: &mut Persisted,
    packs: &[crate::model::kb::PackReport],
    builtin: usize,
) -> Option<crate::ui::command::Command> {
    use crate::ui::command::Command;
    let mut command = None;
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
    ui.add_space(16.0);
    ui.label(RichText::new("Knowledge packs").heading().strong());
    ui.label(
        RichText::new("Packs load on every run. An entry whose id another pack already uses shows as a second version beside it.")
            .small()
            .color(theme::muted(ui)),
    );
    ui.add_space(4.0);
    let dark = ui.visuals().dark_mode;
    egui::Grid::new("packs")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in ["Pack", "Entries", "Status", ""] {
                ui.label(RichText::new(h).small().color(theme::muted(ui)));
            }
            ui.end_row();
            ui.label("Built-in");
            ui.label(builtin.to_string());
            ui.label("loaded");
            ui.label("");
            ui.end_row();
            for r in packs {
                let name = if r.mine {
                    "Your entries".to_owned()
                } else {
                    std::path::Path::new(&r.name)
                        .file_name()
                        .map_or(r.name.clone(), |n| n.to_string_lossy().into_owned())
                };
                ui.label(name).on_hover_text(&r.name);
                ui.label(r.entries.to_string());
                if r.loaded {
                    let text = if r.renamed.is_empty() {
                        "loaded".to_owned()
                    } else {
                        format!("loaded; {} shown as second versions", r.renamed.len())
                    };
                    ui.label(text).on_hover_text(
                        r.renamed
                            .iter()
                            .map(|(a, b)| format!("{a} → {b}"))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                } else {
                    ui.colored_label(
                        theme::status_color(crate::model::schema::Lifecycle::Retired, dark),
                        format!(
                            "not loaded: {}",
                            r.problems.first().map_or("", String::as_str)
                        ),
                    )
                    .on_hover_text(r.problems.join("\n"));
                }
                if !r.mine && ui.button("Remove").clicked() {
                    command = Some(Command::RemovePack(r.name.clone()));
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Add a pack…").clicked() {
            command = Some(Command::AddPack);
        }
        if ui
            .button("New entry of your own…")
            .on_hover_text("Ctrl+N")
            .clicked()
        {
            command = Some(Command::EditEntry(None));
        }
    });
    command
}
