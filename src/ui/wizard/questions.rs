//! The wizard's questions: tier presets, grouped questions, and price overrides.

use std::collections::BTreeMap;

use egui::RichText;

use crate::model::KnowledgeBase;
use crate::model::plan::cost::PRICE_NEEDED;
use crate::model::schema::{AnswerKind, Lifecycle, Question, Wizard};
use crate::model::wizard::{PRICE_PREFIX, parse_answer};
use crate::ui::theme;

/// "Start from a tier": each preset fills its answers in.
pub fn presets_ui(ui: &mut egui::Ui, wizard: &Wizard, given: &mut BTreeMap<String, String>) {
    if wizard.presets.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Start from a tier").strong());
    ui.horizontal_wrapped(|ui| {
        for p in &wizard.presets {
            let on = p.answers.iter().all(|(k, v)| given.get(k) == Some(v));
            if ui
                .selectable_label(on, &p.label)
                .on_hover_text(&p.help)
                .clicked()
            {
                for (k, v) in &p.answers {
                    given.insert(k.clone(), v.clone());
                }
            }
        }
    });
    ui.label(
        RichText::new(
            "Tiers fill targets you can then change; they are starting points, not AWS figures.",
        )
        .small()
        .color(theme::muted(ui)),
    );
}

/// Every question, under its group's heading; later groups fold away.
pub fn questions_ui(ui: &mut egui::Ui, wizard: &Wizard, given: &mut BTreeMap<String, String>) {
    let mut groups: Vec<(Option<&str>, Vec<&Question>)> = Vec::new();
    for q in &wizard.questions {
        let g = q.group.as_deref();
        match groups.iter_mut().find(|(name, _)| *name == g) {
            Some((_, list)) => list.push(q),
            None => groups.push((g, vec![q])),
        }
    }
    for (i, (name, list)) in groups.iter().enumerate() {
        let draw = |ui: &mut egui::Ui, given: &mut BTreeMap<String, String>| {
            for q in list {
                question_ui(ui, q, given);
            }
        };
        match name {
            Some(name) if i > 0 => {
                ui.add_space(6.0);
                let open = name.starts_with("Targets");
                egui::CollapsingHeader::new(RichText::new(*name).strong())
                    .id_salt((wizard.id.as_str(), *name))
                    .default_open(open)
                    .show(ui, |ui| draw(ui, given));
            }
            _ => draw(ui, given),
        }
    }
}

fn question_ui(ui: &mut egui::Ui, q: &Question, given: &mut BTreeMap<String, String>) {
    ui.add_space(6.0);
    let label = ui.label(RichText::new(&q.label).strong());
    ui.label(RichText::new(&q.help).small().color(theme::muted(ui)));
    let default = q.default.clone().unwrap_or_default();
    let value = given.entry(q.key.clone()).or_insert(default);
    let error = |ui: &mut egui::Ui, value: &str| {
        if !value.trim().is_empty()
            && let Err(e) = parse_answer(q, value)
        {
            let dark = ui.visuals().dark_mode;
            ui.colored_label(theme::status_color(Lifecycle::Retired, dark), e.to_string());
        }
    };
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
        AnswerKind::Duration => {
            let hint = if q.optional {
                "optional"
            } else {
                "e.g. 15m, 4h, 1d, 1h30m"
            };
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
            error(ui, value);
        }
        AnswerKind::Count(_) => {
            ui.add(egui::TextEdit::singleline(value).desired_width(100.0))
                .labelled_by(label.id);
            error(ui, value);
        }
    }
}

/// The prices the estimates use, each with its source date, and a box to give your own.
pub fn prices_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &mut BTreeMap<String, String>,
) {
    ui.add_space(6.0);
    egui::CollapsingHeader::new(RichText::new("Prices").strong())
        .id_salt((wizard.id.as_str(), "prices"))
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                RichText::new("us-east-1 on-demand rates from OpsDeck's price table. Type your own to override one (empty: the table's).")
                    .small()
                    .color(theme::muted(ui)),
            );
            let dark = ui.visuals().dark_mode;
            egui::Grid::new((wizard.id.as_str(), "price-grid"))
                .num_columns(3)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    for key in price_keys(wizard, given) {
                        let row = kb.prices().iter().find(|p| p.key == key);
                        let (label, unit) = match row {
                            Some(p) => (p.label.clone(), p.unit.clone()),
                            None => PRICE_NEEDED
                                .iter()
                                .find(|(k, _, _)| *k == key)
                                .map(|(_, l, u)| ((*l).to_owned(), (*u).to_owned()))
                                .unwrap_or_default(),
                        };
                        let name = ui.label(label).on_hover_text(&key);
                        match row {
                            Some(p) => {
                                let text = format!("${} / {unit}", p.usd);
                                match &p.source.unverified {
                                    Some(why) => ui
                                        .colored_label(
                                            theme::status_color(Lifecycle::ClosedToNew, dark),
                                            format!("{text} · unverified"),
                                        )
                                        .on_hover_text(why),
                                    None => ui.label(text).on_hover_text(format!(
                                        "Checked {} on {}",
                                        p.source.checked.as_deref().unwrap_or("?"),
                                        p.source.url
                                    )),
                                };
                            }
                            None => {
                                ui.label(
                                    RichText::new(format!("no price / {unit}"))
                                        .color(theme::muted(ui)),
                                );
                            }
                        }
                        let slot = given.entry(format!("{PRICE_PREFIX}{key}")).or_default();
                        ui.add(
                            egui::TextEdit::singleline(slot)
                                .hint_text("your $")
                                .desired_width(70.0),
                        )
                        .labelled_by(name.id);
                        ui.end_row();
                    }
                });
        });
}

/// The price keys the current answers use: the chosen instance and database, the shared
/// ones, and those the table lacks.
fn price_keys(wizard: &Wizard, given: &BTreeMap<String, String>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for q in ["instance-price", "database"] {
        let chosen = given.get(q).filter(|v| !v.is_empty()).cloned().or_else(|| {
            wizard
                .questions
                .iter()
                .find(|x| x.key == q)
                .and_then(|x| x.default.clone())
        });
        if let Some(k) = chosen.filter(|k| k != "none") {
            keys.push(k);
        }
    }
    if wizard.plan.is_some() {
        for k in [
            "alb-hour",
            "aurora-storage-gb-month",
            "ebs-snapshot-gb-month",
            "route53-health-check-aws-month",
        ] {
            keys.push(k.to_owned());
        }
        for (k, _, _) in PRICE_NEEDED {
            keys.push((*k).to_owned());
        }
    }
    keys.dedup();
    keys
}
