//! The window's frame: top bar with the search box, the navigation rail, the status line and
//! the keyboard help overlay.

use egui::RichText;

use super::{Command, OpsDeckApp, SHORTCUTS, View, search_box_id};
use crate::ui;

impl OpsDeckApp {
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.label(RichText::new("OpsDeck").size(18.0).strong());
            ui.add_space(12.0);
            let back = ui
                .add_enabled(!self.state.history.back.is_empty(), egui::Button::new("←"))
                .on_hover_text("Back (Alt+←)");
            if back.clicked() {
                self.commands.push(Command::Back);
            }
            let forward = ui
                .add_enabled(
                    !self.state.history.forward.is_empty(),
                    egui::Button::new("→"),
                )
                .on_hover_text("Forward (Alt+→)");
            if forward.clicked() {
                self.commands.push(Command::Forward);
            }
            let help = ui.button("?").on_hover_text("Keyboard shortcuts (F1)");
            if help.clicked() {
                self.commands.push(Command::ToggleHelp);
            }
            let width = (ui.available_width() - 8.0).max(200.0);
            let edit = egui::TextEdit::singleline(&mut self.state.query)
                .id(search_box_id())
                .hint_text("Search services, features, concepts, strategies, limits   (Ctrl+K)")
                .desired_width(width);
            let response = ui.add(edit);
            let response = response.labelled_by(help.id);
            if self.focus_search {
                response.request_focus();
                self.focus_search = false;
            }
            if response.changed() && self.state.view != View::Search {
                self.state.history.push(self.place());
                self.state.view = View::Search;
            }
        });
    }

    pub(super) fn rail(&mut self, ui: &mut egui::Ui) {
        ui.add_space(8.0);
        for view in View::RAIL {
            let current =
                self.state.view == view || (view == View::Search && self.state.view == View::Entry);
            let button = egui::Button::selectable(current, RichText::new(view.label()).size(14.5))
                .min_size(egui::vec2(ui.available_width(), 30.0));
            if ui.add(button).clicked() {
                self.commands.push(Command::Show(view));
            }
        }
    }

    pub(super) fn status_line(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let muted = ui::theme::muted(ui);
            ui.label(RichText::new(&self.kb_summary).color(muted));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(format!("{:.0} %   F1 help", self.state.zoom * 100.0))
                        .color(muted),
                );
            });
        });
    }

    pub(super) fn help_overlay(&mut self, ctx: &egui::Context) {
        let mut open = self.show_help;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, what) in SHORTCUTS {
                            ui.label(RichText::new(keys).monospace().strong());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        self.show_help = open;
    }
}
