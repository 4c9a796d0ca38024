//! The exam-guide view: the six domains with their weights and, under each task statement,
//! what the candidate must know and do, and the entries and wizards that cover it.

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::guide::GuideMap;
use crate::ui::command::Command;
use crate::ui::theme;

/// The guide view's own state.
#[derive(Default)]
pub struct GuideView {
    /// The task statement to open and scroll to on the next frame.
    pub reveal: Option<String>,
}

impl GuideView {
    /// Draws the guide; returns a command when an entry or wizard is chosen.
    pub fn ui(&mut self, ui: &mut egui::Ui, kb: &KnowledgeBase) -> Option<Command> {
        let Some(map) = GuideMap::new(kb) else {
            ui.label("This knowledge base has no exam guide.");
            return None;
        };
        let mut command = None;
        let g = map.guide;
        let reveal = self.reveal.take();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(920.0));
                ui.label(
                    RichText::new(format!("{} · {}", g.exam, g.title))
                        .heading()
                        .strong(),
                );
                ui.label(
                    RichText::new(format!(
                        "{} questions · {} minutes · passing score {} of 1,000",
                        g.questions, g.minutes, g.passing_score
                    ))
                    .color(theme::muted(ui)),
                );
                ui.add_space(8.0);
                weights_ui(ui, &map);
                for domain in &g.domains {
                    ui.add_space(14.0);
                    ui.label(
                        RichText::new(format!(
                            "Domain {}: {}  ·  {} %",
                            domain.number, domain.title, domain.weight
                        ))
                        .size(18.0)
                        .strong(),
                    );
                    for row in map.domain_tasks(domain.number) {
                        let open = reveal.as_deref() == Some(row.task.id.as_str());
                        let id = ui.make_persistent_id(("guide-task", &row.task.id));
                        let mut state =
                            egui::collapsing_header::CollapsingState::load_with_default_open(
                                ui.ctx(),
                                id,
                                false,
                            );
                        if open {
                            state.set_open(true);
                        }
                        let title = RichText::new(format!(
                            "{}  {}   ({} entries)",
                            row.task.id,
                            row.task.title,
                            row.entries.len()
                        ))
                        .strong();
                        // A custom header, so that a long task title wraps instead of running
                        // off the edge of a small window; clicking it opens or closes the task.
                        let (_, header, _) = state
                            .show_header(ui, |ui| {
                                ui.add(egui::Label::new(title).wrap().sense(egui::Sense::click()))
                            })
                            .body(|ui| {
                                if !row.task.knowledge.is_empty() {
                                    ui.label(RichText::new("Knowledge of").color(theme::muted(ui)));
                                    for k in &row.task.knowledge {
                                        ui.label(format!("•  {k}"));
                                    }
                                }
                                if !row.task.skills.is_empty() {
                                    ui.add_space(4.0);
                                    ui.label(RichText::new("Skills in").color(theme::muted(ui)));
                                    for s in &row.task.skills {
                                        ui.label(format!("•  {s}"));
                                    }
                                }
                                if !row.wizards.is_empty() {
                                    ui.add_space(6.0);
                                    ui.horizontal_wrapped(|ui| {
                                        ui.label(RichText::new("Wizards").strong());
                                        for id in &row.wizards {
                                            if let Some(w) = kb.wizard(id)
                                                && ui
                                                    .button(&w.title)
                                                    .on_hover_text(&w.summary)
                                                    .clicked()
                                            {
                                                command = Some(Command::OpenWizard(
                                                    w.id.clone(),
                                                    Vec::new(),
                                                ));
                                            }
                                        }
                                    });
                                }
                                ui.add_space(6.0);
                                ui.label(RichText::new("Entries").strong());
                                ui.horizontal_wrapped(|ui| {
                                    for &i in &row.entries {
                                        let e = &kb.entries()[i];
                                        let dark = ui.visuals().dark_mode;
                                        let text = RichText::new(&e.title)
                                            .color(theme::kind_color(e.kind, dark));
                                        if ui
                                            .link(text)
                                            .on_hover_text(crate::model::markup::plain(&e.summary))
                                            .clicked()
                                        {
                                            command = Some(Command::Open(e.id.clone()));
                                        }
                                    }
                                });
                            });
                        if header.inner.clicked() {
                            let mut state =
                                egui::collapsing_header::CollapsingState::load_with_default_open(
                                    ui.ctx(),
                                    id,
                                    false,
                                );
                            state.toggle(ui);
                            state.store(ui.ctx());
                        }
                        if open {
                            header.response.scroll_to_me(Some(egui::Align::TOP));
                        }
                    }
                }
                ui.add_space(16.0);
            });
        command
    }
}

/// One bar per domain, as wide as its weight.
fn weights_ui(ui: &mut egui::Ui, map: &GuideMap<'_>) {
    let full = ui.available_width().min(640.0);
    let dark = ui.visuals().dark_mode;
    let accent = theme::kind_color(crate::model::schema::Kind::Service, dark);
    egui::Grid::new("guide-weights")
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for d in &map.guide.domains {
                ui.label(format!("{}", d.number));
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(full * 0.5 * f32::from(d.weight) / 25.0, 12.0),
                    egui::Sense::hover(),
                );
                ui.painter()
                    .rect_filled(rect, 3.0, accent.gamma_multiply(0.8));
                ui.label(format!("{} % · {}", d.weight, d.title));
                ui.end_row();
            }
        });
}
