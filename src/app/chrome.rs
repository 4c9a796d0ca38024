//! The window's frame: the top bar with the search box, the navigation rail, the status line
//! (notices from every view) and the keyboard help overlay.

use egui::RichText;

use super::{OpsDeckApp, search_box_id};
use crate::model::schema::Lifecycle;
use crate::ui;
use crate::ui::command::{Action, Command, View, keyboard_rows};

/// How long a confirmation stays in the status line, in seconds.
const INFO_SECONDS: f64 = 8.0;

impl OpsDeckApp {
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.label(RichText::new("OpsDeck").size(18.0).strong());
            ui.add_space(12.0);
            let back = ui
                .add_enabled(!self.state.history.back.is_empty(), egui::Button::new("←"))
                .on_hover_text(Action::Back.tooltip());
            if back.clicked() {
                self.chrome.commands.push(Command::Run(Action::Back));
            }
            let forward = ui
                .add_enabled(
                    !self.state.history.forward.is_empty(),
                    egui::Button::new("→"),
                )
                .on_hover_text(Action::Forward.tooltip());
            if forward.clicked() {
                self.chrome.commands.push(Command::Run(Action::Forward));
            }
            let help = ui.button("?").on_hover_text(Action::ToggleHelp.tooltip());
            if help.clicked() {
                self.chrome.commands.push(Command::Run(Action::ToggleHelp));
            }
            let palette = ui.button("☰").on_hover_text(Action::Palette.tooltip());
            if palette.clicked() {
                self.chrome.commands.push(Command::Run(Action::Palette));
            }
            let width = (ui.available_width() - 8.0).max(120.0);
            let hint = format!(
                "Search, or ask a question   ({})",
                Action::FocusSearch.shortcuts()[0].text()
            );
            let edit = egui::TextEdit::singleline(&mut self.state.query)
                .id(search_box_id())
                .hint_text(hint)
                .desired_width(width);
            let response = ui.add(edit).labelled_by(help.id);
            if response.changed() && self.state.view != View::Search {
                self.state.history.push(crate::ui::state::Place {
                    view: self.state.view,
                    entry: (self.state.view == View::Entry)
                        .then(|| self.state.entry.clone())
                        .flatten(),
                });
                self.state.view = View::Search;
            }
        });
    }

    pub(super) fn rail(&mut self, ui: &mut egui::Ui) {
        ui.add_space(8.0);
        for view in View::RAIL {
            let current =
                self.state.view == view || (view == View::Search && self.state.view == View::Entry);
            let action = Action::ALL.into_iter().find(|a| a.view() == Some(view));
            let button = egui::Button::selectable(current, RichText::new(view.label()).size(14.5))
                .min_size(egui::vec2(ui.available_width(), 30.0));
            let mut response = ui.add(button);
            if let Some(a) = action {
                response = response.on_hover_text(a.tooltip());
            }
            if response.clicked() {
                self.chrome.commands.push(Command::Show(view));
            }
        }
    }

    /// The status line: the error on show (kept until dismissed), else the latest
    /// confirmation (for a few seconds), else what the knowledge base holds; the text size
    /// and the help key on the right.
    pub(super) fn status_line(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let dark = ui.visuals().dark_mode;
        let muted = ui::theme::muted(ui);
        let error = self.session.notices.last_error().cloned();
        let info = self.session.notices.last_info().cloned();
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(format!(
                        "{:.0} %   {} help",
                        self.state.zoom * 100.0,
                        Action::ToggleHelp.shortcuts()[0].text()
                    ))
                    .color(muted),
                );
                if let Some(why) = self.session.read_only() {
                    ui.label(
                        RichText::new("read-only")
                            .color(ui::theme::status_color(Lifecycle::ClosedToNew, dark)),
                    )
                    .on_hover_text(why);
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    if let Some(e) = &error {
                        let color = ui::theme::status_color(Lifecycle::Retired, dark);
                        if ui
                            .small_button("✕")
                            .on_hover_text(Action::DismissError.help())
                            .clicked()
                        {
                            self.chrome
                                .commands
                                .push(Command::Run(Action::DismissError));
                        }
                        ui.add(egui::Label::new(RichText::new(&e.text).color(color)).truncate())
                            .on_hover_text(&e.text);
                        return;
                    }
                    if let Some(n) = &info {
                        let shown_at = *self.chrome.info_since.get_or_insert((n.seq, now));
                        let since = if shown_at.0 == n.seq {
                            shown_at.1
                        } else {
                            self.chrome.info_since = Some((n.seq, now));
                            now
                        };
                        if now - since < INFO_SECONDS {
                            ui.add(egui::Label::new(RichText::new(&n.text)).truncate());
                            ui.ctx()
                                .request_repaint_after(std::time::Duration::from_secs_f64(
                                    INFO_SECONDS - (now - since) + 0.05,
                                ));
                            return;
                        }
                    }
                    ui.label(RichText::new(&self.kb_summary).color(muted));
                });
            });
        });
    }

    pub(super) fn help_overlay(&mut self, ctx: &egui::Context) {
        let mut open = self.chrome.show_help;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(ctx.content_rect().height() * 0.75)
                    .show(ui, |ui| {
                        egui::Grid::new("shortcuts")
                            .num_columns(2)
                            .spacing([24.0, 6.0])
                            .show(ui, |ui| {
                                for (keys, what) in keyboard_rows() {
                                    ui.label(RichText::new(keys).monospace().strong());
                                    ui.label(what);
                                    ui.end_row();
                                }
                            });
                    });
            });
        self.chrome.show_help = open;
    }
}
