//! "Read a scenario": paste an exam question or a requirement paragraph, see which phrases
//! OpsDeck reads (highlighted as you type) and what the text does not say, then fill the
//! wizard from it.

use std::collections::BTreeMap;

use egui::RichText;
use egui::text::{LayoutJob, TextFormat};

use crate::model::KnowledgeBase;
use crate::model::scenario::{Scenario, read};
use crate::model::schema::{Kind, Lifecycle, Wizard};
use crate::ui::theme;

/// The scenario text box and what it asks the view to do.
#[derive(Default)]
pub struct ScenarioBox {
    /// The pasted text.
    pub text: String,
    /// The wizard a filled scenario is about, when it is not the one shown.
    switch: Option<String>,
    /// Set once the text has filled a wizard, to say so.
    filled: Option<String>,
}

impl ScenarioBox {
    /// The wizard to switch to, once.
    pub fn take_switch(&mut self) -> Option<String> {
        self.switch.take()
    }

    /// Draws the box, the live reading and the fill button.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        wizard: &Wizard,
        answers: &mut BTreeMap<String, BTreeMap<String, String>>,
    ) {
        egui::CollapsingHeader::new(RichText::new("Read a scenario").strong())
            .id_salt("wizard-scenario")
            .default_open(!self.text.is_empty())
            .show(ui, |ui| {
                ui.label(
                    RichText::new("Paste an exam question or a requirement paragraph: OpsDeck picks out the targets, cost and platform words it knows.")
                        .small()
                        .color(theme::muted(ui)),
                );
                // The phrases read are highlighted in the box itself, as you type.
                let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap: f32| {
                    let text = text.as_str();
                    let mut job = highlighted(ui, text, &read(text));
                    job.wrap.max_width = wrap;
                    ui.fonts_mut(|f| f.layout_job(job))
                };
                ui.add(
                    egui::TextEdit::multiline(&mut self.text)
                        .hint_text("e.g. The application must recover within 2 hours if the Region fails, losing at most 15 minutes of data, at the lowest cost.")
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .layouter(&mut layouter),
                );
                if self.text.trim().is_empty() {
                    return;
                }
                let scenario = read(&self.text);
                let target = scenario.wizard.as_deref().and_then(|id| kb.wizard(id));
                match target {
                    None => {
                        let dark = ui.visuals().dark_mode;
                        ui.colored_label(
                            theme::status_color(Lifecycle::ClosedToNew, dark),
                            "OpsDeck cannot tell whether this is about disaster recovery or a deployment: it names no recovery target, failure or deployment constraint OpsDeck reads.",
                        );
                    }
                    Some(w) => {
                        self.reading_ui(ui, &scenario, w);
                        ui.horizontal(|ui| {
                            let label = if w.id == wizard.id {
                                format!("Fill the {} wizard", w.title)
                            } else {
                                format!("Fill the {} wizard instead", w.title)
                            };
                            if ui.button(label).clicked() {
                                let given = answers.entry(w.id.clone()).or_default();
                                for (k, v) in scenario.answers_for(w) {
                                    given.insert(k, v);
                                }
                                if w.id != wizard.id {
                                    self.switch = Some(w.id.clone());
                                }
                                self.filled = Some(w.id.clone());
                            }
                            if ui.button("Clear").clicked() {
                                self.text.clear();
                                self.filled = None;
                            }
                        });
                        if self.filled.as_deref() == Some(w.id.as_str()) {
                            ui.label(
                                RichText::new("Filled: the answers below come from the text where it says them.")
                                    .small()
                                    .color(theme::muted(ui)),
                            );
                        }
                    }
                }
            });
    }

    fn reading_ui(&self, ui: &mut egui::Ui, scenario: &Scenario, w: &Wizard) {
        let read: Vec<_> = scenario
            .answers
            .iter()
            .filter(|r| w.questions.iter().any(|q| q.key == r.key))
            .collect();
        ui.label(
            RichText::new(format!("Read as: {}", w.title))
                .small()
                .strong(),
        );
        for r in read {
            let label = w
                .questions
                .iter()
                .find(|q| q.key == r.key)
                .map_or(r.key.as_str(), |q| q.label.as_str());
            ui.label(RichText::new(format!("{label}: {}  ← “{}”", r.value, r.phrase)).small());
        }
        // The main questions (the first group), not the workload or prices.
        let main = w.questions.first().and_then(|q| q.group.as_deref());
        let untold: Vec<String> = scenario
            .untold(w)
            .into_iter()
            .filter(|(k, _)| {
                w.questions
                    .iter()
                    .any(|q| q.key == *k && !q.optional && q.group.as_deref() == main)
            })
            .map(|(k, d)| {
                let label = w
                    .questions
                    .iter()
                    .find(|q| q.key == k)
                    .map_or(k, |q| q.label.as_str());
                match d {
                    Some(d) => format!("{label} (default {d})"),
                    None => format!("{label} (needed)"),
                }
            })
            .collect();
        if !untold.is_empty() {
            ui.label(
                RichText::new(format!("Not in the text: {}", untold.join("; ")))
                    .small()
                    .color(theme::muted(ui)),
            );
        }
    }
}

/// The text with the phrases read highlighted.
fn highlighted(ui: &egui::Ui, text: &str, scenario: &Scenario) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mark = theme::kind_color(Kind::Strategy, dark).gamma_multiply(0.35);
    let mut job = LayoutJob::default();
    let mut spans: Vec<(usize, usize)> =
        scenario.answers.iter().map(|r| (r.start, r.end)).collect();
    spans.sort_unstable();
    let mut at = 0;
    for (start, end) in spans {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        job.append(
            &text[at..start],
            0.0,
            TextFormat::simple(font.clone(), color),
        );
        job.append(
            &text[start..end],
            0.0,
            TextFormat {
                background: mark,
                ..TextFormat::simple(font.clone(), color)
            },
        );
        at = end;
    }
    job.append(&text[at..], 0.0, TextFormat::simple(font, color));
    job
}
