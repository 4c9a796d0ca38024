//! Colours, spacing and text styles shared by every view.

use egui::{Color32, FontFamily, FontId, RichText, TextStyle};

use crate::model::schema::{Kind, Lifecycle};

/// Applies OpsDeck's fonts, spacing and text sizes to both themes.
pub fn install(ctx: &egui::Context) {
    // DejaVu Sans as a fallback gives arrows, check marks and other symbols the default font
    // lacks, the same on every machine (and in tests, which see no system fonts).
    ctx.add_font(egui::epaint::text::FontInsert {
        name: "DejaVuSans".to_owned(),
        data: egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families: vec![
            egui::epaint::text::InsertFontFamily {
                family: FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
            egui::epaint::text::InsertFontFamily {
                family: FontFamily::Monospace,
                priority: egui::epaint::text::FontPriority::Lowest,
            },
        ],
    });
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        style.text_styles.insert(
            TextStyle::Heading,
            FontId::new(22.0, FontFamily::Proportional),
        );
        style
            .text_styles
            .insert(TextStyle::Body, FontId::new(14.0, FontFamily::Proportional));
        style.text_styles.insert(
            TextStyle::Button,
            FontId::new(14.0, FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Small,
            FontId::new(11.5, FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Monospace,
            FontId::new(13.0, FontFamily::Monospace),
        );
        // A steady cursor: a blinking one repaints the window twice a second forever, which
        // costs CPU (and battery) while the app sits idle with the search box focused.
        style.visuals.text_cursor.blink = false;
        style.visuals.widgets.noninteractive.corner_radius = egui::CornerRadius::same(6);
        style.visuals.widgets.inactive.corner_radius = egui::CornerRadius::same(6);
        style.visuals.widgets.hovered.corner_radius = egui::CornerRadius::same(6);
        style.visuals.widgets.active.corner_radius = egui::CornerRadius::same(6);
    });
}

/// The accent colour of a kind, readable on both themes.
pub fn kind_color(kind: Kind, dark: bool) -> Color32 {
    let (d, l) = match kind {
        Kind::Service => (
            Color32::from_rgb(96, 165, 250),
            Color32::from_rgb(29, 78, 216),
        ),
        Kind::Feature => (
            Color32::from_rgb(167, 139, 250),
            Color32::from_rgb(109, 40, 217),
        ),
        Kind::Concept => (
            Color32::from_rgb(52, 211, 153),
            Color32::from_rgb(4, 120, 87),
        ),
        Kind::Strategy => (
            Color32::from_rgb(251, 191, 36),
            Color32::from_rgb(161, 98, 7),
        ),
        Kind::Limit => (
            Color32::from_rgb(244, 114, 182),
            Color32::from_rgb(190, 24, 93),
        ),
    };
    if dark { d } else { l }
}

/// The colour of a lifecycle status badge.
pub fn status_color(state: Lifecycle, dark: bool) -> Color32 {
    match (state, dark) {
        (Lifecycle::Retired, true) => Color32::from_rgb(248, 113, 113),
        (Lifecycle::Retired, false) => Color32::from_rgb(185, 28, 28),
        (Lifecycle::ClosedToNew | Lifecycle::EndOfSupport, true) => Color32::from_rgb(251, 146, 60),
        (Lifecycle::ClosedToNew | Lifecycle::EndOfSupport, false) => Color32::from_rgb(194, 65, 12),
        (Lifecycle::Active, _) => Color32::GRAY,
    }
}

/// The highlight colour for matched letters.
pub fn match_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(250, 204, 21)
    } else {
        Color32::from_rgb(180, 83, 9)
    }
}

/// A small outlined badge.
pub fn badge(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    let label = RichText::new(text).small().color(color);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(egui::CornerRadius::same(8))
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(label))
        .response
}

/// The muted text colour of the current theme.
pub fn muted(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// The colour of something right or met, readable on both themes.
pub fn good_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(74, 222, 128)
    } else {
        Color32::from_rgb(21, 128, 61)
    }
}
