//! The rule table of a wizard, and "what if": one answer changed, both results side by side.

use std::collections::BTreeMap;

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::duration::{format_duration_secs, parse_duration_secs};
use crate::model::plan::cost::format_usd;
use crate::model::plan::{Choice, plan_raw};
use crate::model::schema::{AnswerKind, Kind, Wizard};
use crate::model::wizard::{parse_answers, recommend_raw, rule_table};
use crate::ui::command::Command;
use crate::ui::theme;

/// Which rules apply to the answers, and what each rules out or prefers.
pub fn rule_table_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
) {
    let pairs: Vec<(String, String)> = given
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let Ok(answers) = parse_answers(wizard, &pairs) else {
        return;
    };
    let table = rule_table(kb, wizard, &answers);
    ui.add_space(8.0);
    ui.label(RichText::new("Rule table").strong());
    ui.label(
        RichText::new("Hard rules rule out; soft rules rule out unless nothing else fits; preferences rank what is left.")
            .small()
            .color(theme::muted(ui)),
    );
    let dark = ui.visuals().dark_mode;
    for row in &table.rows {
        let color = if row.applies {
            theme::kind_color(Kind::Strategy, dark)
        } else {
            theme::muted(ui)
        };
        ui.horizontal_top(|ui| {
            ui.add_sized([56.0, 18.0], |ui: &mut egui::Ui| {
                theme::badge(ui, &row.strength, color)
            });
            ui.vertical(|ui| {
                let summary = RichText::new(&row.summary);
                ui.add(
                    egui::Label::new(if row.applies {
                        summary
                    } else {
                        summary.color(theme::muted(ui))
                    })
                    .wrap(),
                );
                let result = match (row.applies, row.matched.is_empty()) {
                    (false, _) => "does not apply".to_owned(),
                    (true, true) => "applies; matches no candidate".to_owned(),
                    (true, false) => row.matched.join(", "),
                };
                ui.add(
                    egui::Label::new(RichText::new(result).small().color(if row.applies {
                        ui.visuals().text_color()
                    } else {
                        theme::muted(ui)
                    }))
                    .wrap(),
                );
            });
        });
        ui.add_space(2.0);
    }
    ui.label(
        RichText::new(format!("Chosen: {}", table.chosen))
            .small()
            .strong(),
    );
}

/// A first "what if": the RPO loosened one step when there is one, else another option of
/// the first choice question.
pub fn first_what_if(wizard: &Wizard, given: &BTreeMap<String, String>) -> (String, String) {
    if let Some(q) = wizard.questions.iter().find(|q| q.key == "rpo")
        && q.answer == AnswerKind::Duration
    {
        let now = given
            .get("rpo")
            .and_then(|v| parse_duration_secs(v).ok())
            .unwrap_or(0);
        let looser = [300, 900, 3_600, 14_400, 86_400]
            .into_iter()
            .find(|s| *s > now)
            .unwrap_or(now * 2 + 60);
        return ("rpo".to_owned(), format_duration_secs(looser));
    }
    for q in &wizard.questions {
        if let AnswerKind::Choice(options) = &q.answer {
            let now = given.get(&q.key).or(q.default.as_ref());
            if let Some(o) = options.iter().find(|o| Some(&o.id) != now) {
                return (q.key.clone(), o.id.clone());
            }
        }
    }
    let q = &wizard.questions[0];
    (
        q.key.clone(),
        given.get(&q.key).cloned().unwrap_or_default(),
    )
}

/// The what-if editor and both results side by side.
pub fn what_if_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
    what_if: &mut (String, String),
) -> Option<Command> {
    ui.add_space(8.0);
    ui.label(RichText::new("What if…").strong());
    ui.horizontal_wrapped(|ui| {
        let label = |key: &str| {
            wizard
                .questions
                .iter()
                .find(|q| q.key == key)
                .map_or(key.to_owned(), |q| q.label.clone())
        };
        let q_label = ui.label("Change");
        egui::ComboBox::from_id_salt((wizard.id.as_str(), "what-if-key"))
            .selected_text(label(&what_if.0))
            .show_ui(ui, |ui| {
                for q in &wizard.questions {
                    if ui.selectable_label(q.key == what_if.0, &q.label).clicked() {
                        what_if.0 = q.key.clone();
                        what_if.1 = given
                            .get(&q.key)
                            .cloned()
                            .or_else(|| q.default.clone())
                            .unwrap_or_default();
                    }
                }
            })
            .response
            .labelled_by(q_label.id);
        let were = ui.label("to");
        if let Some(q) = wizard.questions.iter().find(|q| q.key == what_if.0) {
            match &q.answer {
                AnswerKind::Choice(options) => {
                    let shown = options
                        .iter()
                        .find(|o| o.id == what_if.1)
                        .map_or(what_if.1.clone(), |o| o.label.clone());
                    egui::ComboBox::from_id_salt((wizard.id.as_str(), "what-if-value"))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            for o in options {
                                ui.selectable_value(&mut what_if.1, o.id.clone(), &o.label);
                            }
                        })
                        .response
                        .labelled_by(were.id);
                }
                AnswerKind::YesNo => {
                    ui.selectable_value(&mut what_if.1, "no".to_owned(), "No");
                    ui.selectable_value(&mut what_if.1, "yes".to_owned(), "Yes");
                }
                AnswerKind::Duration | AnswerKind::Count(_) => {
                    ui.add(egui::TextEdit::singleline(&mut what_if.1).desired_width(90.0))
                        .labelled_by(were.id);
                }
            }
        }
    });
    let mut other = given.clone();
    other.insert(what_if.0.clone(), what_if.1.clone());
    let mut command = None;
    ui.columns(2, |cols| {
        for (col, (title, answers)) in cols
            .iter_mut()
            .zip([("Your answers", given), ("What if", &other)])
        {
            col.label(RichText::new(title).small().color(theme::muted(col)));
            if let Some(c) = summary_ui(col, kb, wizard, answers) {
                command = Some(c);
            }
        }
    });
    command
}

/// The recommendation and, for a plan, the least-cost and best-recovery options, briefly.
fn summary_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    answers: &BTreeMap<String, String>,
) -> Option<Command> {
    let mut command = None;
    match recommend_raw(kb, wizard, answers) {
        Ok(rec) => {
            if ui.link(RichText::new(&rec.title).strong()).clicked() {
                command = Some(Command::Open(rec.strategy.clone()));
            }
        }
        Err(e) => {
            ui.label(RichText::new(e).small());
            return None;
        }
    }
    if let Ok(Some(plan)) = plan_raw(kb, wizard, answers) {
        for choice in [Choice::LeastCost, Choice::BestRecovery] {
            if let Some(o) = plan.options.iter().find(|o| o.choices.contains(&choice)) {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{}: {}, {} a month",
                            choice.label(),
                            o.title,
                            format_usd(o.cost.monthly)
                        ))
                        .small(),
                    )
                    .wrap(),
                );
            }
        }
        if plan.none_meets {
            ui.label(RichText::new("Nothing meets every target.").small());
        }
    }
    command
}
