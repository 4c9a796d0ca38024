//! An honest placeholder for views that are not built yet.

use egui::RichText;

use crate::ui::theme;

/// Says what the view will do and what already works elsewhere.
pub fn coming_ui(ui: &mut egui::Ui, title: &str, what: &str) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new(title).heading().strong());
        ui.add_space(6.0);
        ui.label(RichText::new("Coming in a later version of OpsDeck.").color(theme::muted(ui)));
        ui.add_space(10.0);
        ui.label(what);
    });
}
