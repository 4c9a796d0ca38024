//! The decision-wizard view: all questions on one page, the recommendation updating live,
//! and for disaster recovery the plan per failure with costed options.
//!
//! Questions sit in the left column (or on top in a narrow window): a tier preset, a pasted
//! scenario, then each group of questions. The answer sits in the right column: the
//! recommendation, the deployment cost or the DR plan, the rule table and a "what if" set
//! of answers beside the current one.

mod plan;
mod questions;
mod rules;
mod scenario;

use std::collections::BTreeMap;

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::schema::{Kind, Lifecycle, Wizard};
use crate::model::wizard::{Recommendation, recommend_raw};
use crate::ui::command::Command;
use crate::ui::entry::markup_job;
use crate::ui::theme;

/// What the wizard view keeps between frames (not persisted).
#[derive(Default)]
pub struct WizardView {
    /// The scenario box and what it last read.
    pub scenario: scenario::ScenarioBox,
    /// Whether the rule table is shown.
    pub show_rules: bool,
    /// "What if": another answer to one question, shown beside the current answers.
    pub what_if: Option<(String, String)>,
}

impl WizardView {
    /// Draws the wizard picker, the questions and the answer.
    ///
    /// `answers` holds the raw text of each answer by wizard id, persisted between runs.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        selected: &mut Option<String>,
        answers: &mut BTreeMap<String, BTreeMap<String, String>>,
    ) -> Option<Command> {
        let mut command = None;
        if kb.wizards().is_empty() {
            ui.label("No wizards are defined.");
            return None;
        }
        let current = selected
            .as_deref()
            .and_then(|id| kb.wizard(id))
            .unwrap_or(&kb.wizards()[0]);
        let mut chosen = current.id.clone();
        ui.horizontal_wrapped(|ui| {
            for w in kb.wizards() {
                if ui
                    .selectable_label(w.id == current.id, &w.title)
                    .on_hover_text(&w.summary)
                    .clicked()
                {
                    chosen = w.id.clone();
                }
            }
        });
        if chosen != current.id {
            *selected = Some(chosen);
            self.what_if = None;
            return None;
        }
        *selected = Some(current.id.clone());
        ui.separator();
        // A scenario may be about another wizard: it switches to it.
        if let Some(switch) = self.scenario.take_switch()
            && switch != current.id
            && kb.wizard(&switch).is_some()
        {
            *selected = Some(switch);
            return None;
        }
        let wide = ui.available_width() > 900.0;
        if wide {
            ui.columns(2, |cols| {
                egui::ScrollArea::vertical()
                    .id_salt("wizard-questions")
                    .auto_shrink([false, false])
                    .show(&mut cols[0], |ui| {
                        ui.vertical(|ui| self.questions_column(ui, kb, current, answers))
                    });
                egui::ScrollArea::vertical()
                    .id_salt("wizard-answer")
                    .auto_shrink([false, false])
                    .show(&mut cols[1], |ui| {
                        let given = answers.entry(current.id.clone()).or_default();
                        ui.vertical(|ui| command = self.result_ui(ui, kb, current, given));
                    });
            });
        } else {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.questions_column(ui, kb, current, answers);
                    ui.separator();
                    let given = answers.entry(current.id.clone()).or_default();
                    command = self.result_ui(ui, kb, current, given);
                });
        }
        command
    }

    fn questions_column(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        wizard: &Wizard,
        answers: &mut BTreeMap<String, BTreeMap<String, String>>,
    ) {
        ui.label(RichText::new(&wizard.summary).color(theme::muted(ui)));
        ui.add_space(4.0);
        self.scenario.ui(ui, kb, wizard, answers);
        let given = answers.entry(wizard.id.clone()).or_default();
        questions::presets_ui(ui, wizard, given);
        questions::questions_ui(ui, wizard, given);
        if wizard.plan.is_some() || wizard.deploy_cost.is_some() {
            questions::prices_ui(ui, kb, wizard, given);
        }
        ui.add_space(10.0);
        if ui.button("Reset answers").clicked() {
            given.clear();
            self.what_if = None;
        }
    }

    fn result_ui(
        &mut self,
        ui: &mut egui::Ui,
        kb: &KnowledgeBase,
        wizard: &Wizard,
        given: &BTreeMap<String, String>,
    ) -> Option<Command> {
        let rec = match current_recommendation(kb, wizard, given) {
            Ok(rec) => rec,
            Err(e) => {
                ui.label(RichText::new("Answer every question to see a recommendation.").strong());
                ui.label(RichText::new(e).color(theme::muted(ui)));
                return None;
            }
        };
        let mut command = recommendation_ui(ui, kb, &rec);
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Keep on my sheet")
                .on_hover_text(
                    "Add this decision, with its options and costs, to the last cheat-sheet used",
                )
                .clicked()
            {
                let answers = given
                    .iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                command = Some(Command::Attach(crate::model::sheets::Attachment::Wizard {
                    wizard: wizard.id.clone(),
                    answers,
                }));
            }
            ui.toggle_value(&mut self.show_rules, "Rule table")
                .on_hover_text("Which rules apply to these answers and what each rules out");
            let mut what_if = self.what_if.is_some();
            if ui
                .toggle_value(&mut what_if, "What if…")
                .on_hover_text("Change one answer and see both results side by side")
                .changed()
            {
                self.what_if = what_if.then(|| rules::first_what_if(wizard, given));
            }
        });
        if self.show_rules {
            rules::rule_table_ui(ui, kb, wizard, given);
        }
        if let Some(what_if) = &mut self.what_if {
            command = rules::what_if_ui(ui, kb, wizard, given, what_if).or(command);
        }
        if let Some(c) = plan::deploy_cost_ui(ui, kb, wizard, given, &rec) {
            command = Some(c);
        }
        if let Some(c) = plan::plan_ui(ui, kb, wizard, given) {
            command = Some(c);
        }
        command
    }
}

/// The recommendation for the answers given so far, or why there is none yet.
pub fn current_recommendation(
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
) -> Result<Recommendation, String> {
    recommend_raw(kb, wizard, given)
}

fn recommendation_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    rec: &Recommendation,
) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    let accent = theme::kind_color(Kind::Strategy, dark);
    egui::Frame::new()
        .fill(accent.gamma_multiply(0.10))
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(8)
        .inner_margin(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Recommended").small().color(accent));
            if ui
                .link(RichText::new(&rec.title).size(20.0).strong())
                .on_hover_text("Open the entry")
                .clicked()
            {
                command = Some(Command::Open(rec.strategy.clone()));
            }
            if !rec.mechanism.is_empty() {
                ui.add_space(4.0);
                ui.add(egui::Label::new(markup_job(ui, &rec.mechanism)).wrap());
            }
        });
    bullets(ui, "Why", &rec.reasons, None);
    bullets(
        ui,
        "Warnings",
        &rec.warnings,
        Some(theme::status_color(Lifecycle::ClosedToNew, dark)),
    );
    bullets(ui, "What would change it", &rec.would_change, None);
    if !rec.alternatives.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Alternatives").strong());
        for alt in &rec.alternatives {
            ui.horizontal_top(|ui| {
                if ui.link(&alt.title).clicked() && kb.get(&alt.strategy).is_some() {
                    command = Some(Command::Open(alt.strategy.clone()));
                }
                ui.add(
                    egui::Label::new(RichText::new(&alt.why_not).color(theme::muted(ui))).wrap(),
                );
            });
        }
    }
    command
}

/// A titled list of wrapped bullet lines.
fn bullets(ui: &mut egui::Ui, title: &str, items: &[String], color: Option<egui::Color32>) {
    if items.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong());
    for item in items {
        ui.horizontal_top(|ui| {
            ui.label("•");
            let text = RichText::new(item);
            ui.add(
                egui::Label::new(match color {
                    Some(c) => text.color(c),
                    None => text,
                })
                .wrap(),
            );
        });
    }
}
