//! The decision-wizard view: all questions on one page, the recommendation updating live.

use std::collections::BTreeMap;

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::schema::{AnswerKind, Kind, Lifecycle, Wizard};
use crate::model::wizard::{Recommendation, parse_answer, recommend_raw};
use crate::ui::command::Command;
use crate::ui::entry::markup_job;
use crate::ui::theme;

/// Draws the wizard picker, the questions and the recommendation.
///
/// `answers` holds the raw text of each answer by wizard id, persisted between runs.
pub fn wizard_ui(
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
        return None;
    }
    *selected = Some(current.id.clone());
    ui.separator();
    let given = answers.entry(current.id.clone()).or_default();
    let wide = ui.available_width() > 900.0;
    if wide {
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("wizard-questions")
                .auto_shrink([false, false])
                .show(&mut cols[0], |ui| {
                    ui.vertical(|ui| questions_ui(ui, current, given))
                });
            egui::ScrollArea::vertical()
                .id_salt("wizard-answer")
                .auto_shrink([false, false])
                .show(&mut cols[1], |ui| {
                    ui.vertical(|ui| command = result_ui(ui, kb, current, given));
                });
        });
    } else {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                questions_ui(ui, current, given);
                ui.separator();
                command = result_ui(ui, kb, current, given);
            });
    }
    command
}

fn questions_ui(ui: &mut egui::Ui, wizard: &Wizard, given: &mut BTreeMap<String, String>) {
    ui.label(RichText::new(&wizard.summary).color(theme::muted(ui)));
    ui.add_space(6.0);
    for q in &wizard.questions {
        ui.add_space(6.0);
        let label = ui.label(RichText::new(&q.label).strong());
        ui.label(RichText::new(&q.help).small().color(theme::muted(ui)));
        let default = q.default.clone().unwrap_or_default();
        let value = given.entry(q.key.clone()).or_insert(default);
        match &q.answer {
            AnswerKind::Choice(options) => {
                ui.horizontal_wrapped(|ui| {
                    for o in options {
                        ui.selectable_value(value, o.id.clone(), &o.label)
                            .on_hover_text(&o.help);
                    }
                });
                if let Some(o) = options.iter().find(|o| &o.id == value) {
                    ui.label(RichText::new(&o.help).small().italics());
                }
            }
            AnswerKind::YesNo => {
                ui.horizontal(|ui| {
                    ui.selectable_value(value, "no".to_owned(), "No");
                    ui.selectable_value(value, "yes".to_owned(), "Yes");
                });
            }
            AnswerKind::Count(_) => {
                ui.add(egui::TextEdit::singleline(value).desired_width(100.0))
                    .labelled_by(label.id);
                if !value.trim().is_empty()
                    && let Err(e) = parse_answer(q, value)
                {
                    let dark = ui.visuals().dark_mode;
                    ui.colored_label(theme::status_color(Lifecycle::Retired, dark), e.to_string());
                }
            }
            AnswerKind::Duration => {
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text("e.g. 15m, 4h, 1d, 1h30m")
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
                if !value.trim().is_empty()
                    && let Err(e) = parse_answer(q, value)
                {
                    let dark = ui.visuals().dark_mode;
                    ui.colored_label(theme::status_color(Lifecycle::Retired, dark), e.to_string());
                }
            }
        }
    }
    ui.add_space(10.0);
    if ui.button("Reset answers").clicked() {
        given.clear();
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

fn result_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
) -> Option<Command> {
    match current_recommendation(kb, wizard, given) {
        Ok(rec) => {
            let mut command = recommendation_ui(ui, kb, &rec);
            ui.add_space(8.0);
            if ui
                .button("Keep on my sheet")
                .on_hover_text("Add this decision to the last cheat-sheet used")
                .clicked()
            {
                command = Some(Command::Attach(crate::model::sheets::Attachment::Wizard {
                    wizard: wizard.id.clone(),
                    answers: given.clone(),
                }));
            }
            command
        }
        Err(e) => {
            ui.label(RichText::new("Answer every question to see a recommendation.").strong());
            ui.label(RichText::new(e).color(theme::muted(ui)));
            None
        }
    }
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
    let list = |ui: &mut egui::Ui, title: &str, items: &[String], color: Option<egui::Color32>| {
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
    };
    list(ui, "Why", &rec.reasons, None);
    list(
        ui,
        "Warnings",
        &rec.warnings,
        Some(theme::status_color(Lifecycle::ClosedToNew, dark)),
    );
    list(ui, "What would change it", &rec.would_change, None);
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
