//! The desktop window.

use crate::model::KnowledgeBase;

/// Opens the window and runs until it is closed.
pub fn run(kb: KnowledgeBase) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("OpsDeck")
            .with_inner_size([1100.0, 720.0]),
        ..Default::default()
    };
    eframe::run_native(
        "OpsDeck",
        options,
        Box::new(move |_cc| Ok(Box::new(OpsDeckApp { kb }))),
    )
}

/// The application state.
pub struct OpsDeckApp {
    kb: KnowledgeBase,
}

impl eframe::App for OpsDeckApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("OpsDeck");
            ui.label(format!(
                "{} entries loaded. The full desktop app is being built; use the CLI meanwhile \
                 (`opsdeck --help`).",
                self.kb.entries().len()
            ));
        });
    }
}
