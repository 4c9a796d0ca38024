//! The DR plan per failure with its costed options, and the cost of a deployment.

use std::collections::BTreeMap;

use egui::{Color32, RichText};

use crate::model::KnowledgeBase;
use crate::model::duration::format_duration_secs;
use crate::model::plan::cost::{Prices, format_quantity, format_usd};
use crate::model::plan::deploy::deploy_costs;
use crate::model::plan::{Plan, PlanOption, Verdict, plan_raw};
use crate::model::schema::{Kind, Lifecycle, Wizard};
use crate::model::wizard::{PRICE_PREFIX, Recommendation, cond_holds, parse_answers};
use crate::ui::command::Command;
use crate::ui::entry::markup_job;
use crate::ui::theme;

/// The colour of a verdict, readable on both themes.
pub fn verdict_color(v: Verdict, dark: bool) -> Color32 {
    match (v, dark) {
        (Verdict::Met, _) => theme::good_color(dark),
        (Verdict::AtRisk, _) => theme::kind_color(Kind::Strategy, dark),
        (Verdict::Breached, _) => theme::status_color(Lifecycle::Retired, dark),
        (Verdict::NotCovered, _) => Color32::GRAY,
    }
}

/// The plan section, for a wizard with a plan.
pub fn plan_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
) -> Option<Command> {
    wizard.plan.as_ref()?;
    let plan = match plan_raw(kb, wizard, given) {
        Ok(Some(plan)) => plan,
        Ok(None) => return None,
        Err(e) => {
            ui.add_space(10.0);
            let dark = ui.visuals().dark_mode;
            ui.colored_label(theme::status_color(Lifecycle::Retired, dark), e);
            return None;
        }
    };
    let mut command = None;
    ui.add_space(14.0);
    ui.heading("Plan per failure");
    targets_ui(ui, &plan);
    if plan.none_meets {
        let dark = ui.visuals().dark_mode;
        ui.colored_label(
            theme::status_color(Lifecycle::Retired, dark),
            "No setup meets every target; these come closest.",
        );
    }
    for (i, o) in plan.options.iter().enumerate() {
        ui.add_space(8.0);
        if let Some(c) = option_ui(ui, o, i) {
            command = Some(c);
        }
    }
    super::bullets(ui, "What would change it", &plan.what_would_change, None);
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Assumptions")
        .id_salt("plan-assumptions")
        .default_open(false)
        .show(ui, |ui| {
            for a in plan.assumptions.iter().chain([&plan.restore_note]) {
                ui.add(egui::Label::new(RichText::new(format!("• {a}")).small()).wrap());
            }
        });
    command
}

fn targets_ui(ui: &mut egui::Ui, plan: &Plan) {
    egui::Grid::new("plan-targets")
        .num_columns(3)
        .spacing([16.0, 2.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Failure").small().color(theme::muted(ui)));
            ui.label(RichText::new("RTO").small().color(theme::muted(ui)));
            ui.label(RichText::new("RPO").small().color(theme::muted(ui)));
            ui.end_row();
            for (d, t) in &plan.targets {
                ui.label(d.label());
                let show =
                    |v: Option<u64>| v.map_or("not checked".to_owned(), format_duration_secs);
                ui.label(show(t.rto));
                ui.label(show(t.rpo));
                ui.end_row();
            }
        });
}

fn option_ui(ui: &mut egui::Ui, o: &PlanOption, index: usize) -> Option<Command> {
    let mut command = None;
    let dark = ui.visuals().dark_mode;
    let worst = o
        .checks
        .iter()
        .map(|c| c.verdict)
        .max()
        .unwrap_or(Verdict::Met);
    let edge = verdict_color(worst, dark);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, edge.gamma_multiply(0.8)))
        .corner_radius(8)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                for c in &o.choices {
                    theme::badge(ui, c.label(), theme::kind_color(Kind::Strategy, dark));
                }
                ui.label(RichText::new(&o.title).strong());
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("about {} a month", format_usd(o.cost.monthly)))
                        .size(17.0)
                        .strong(),
                );
                if o.cost.unverified {
                    ui.label(
                        RichText::new("some prices unverified")
                            .small()
                            .color(theme::status_color(Lifecycle::ClosedToNew, dark)),
                    );
                }
            });
            for c in &o.checks {
                ui.horizontal_top(|ui| {
                    theme::badge(ui, c.verdict.label(), verdict_color(c.verdict, dark));
                    ui.add(
                        egui::Label::new(RichText::new(format!(
                            "{} — {}",
                            c.disruption.label(),
                            c.why
                        )))
                        .wrap(),
                    );
                });
            }
            ui.add_space(4.0);
            for ch in &o.changes {
                ui.horizontal_top(|ui| {
                    ui.label("→");
                    ui.add(egui::Label::new(ch).wrap());
                });
            }
            egui::CollapsingHeader::new("Cost breakdown")
                .id_salt(("plan-cost", index))
                .default_open(false)
                .show(ui, |ui| cost_grid(ui, o, index));
            egui::CollapsingHeader::new(format!("Prove it ({})", o.next_steps.len()))
                .id_salt(("plan-proof", index))
                .default_open(false)
                .show(ui, |ui| {
                    for s in &o.next_steps {
                        ui.add(egui::Label::new(markup_job(ui, &s.text)).wrap());
                        ui.horizontal_wrapped(|ui| {
                            for (id, title) in &s.entries {
                                if ui.link(RichText::new(title).small()).clicked() {
                                    command = Some(Command::Open(id.clone()));
                                }
                            }
                        });
                        ui.add_space(4.0);
                    }
                });
        });
    command
}

fn cost_grid(ui: &mut egui::Ui, o: &PlanOption, index: usize) {
    let dark = ui.visuals().dark_mode;
    egui::Grid::new(("plan-cost-grid", index))
        .num_columns(3)
        .striped(true)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            let mut part = None;
            for l in &o.cost.lines {
                if part != Some(l.part) {
                    ui.label(RichText::new(l.part.label()).small().strong());
                    ui.label("");
                    ui.label("");
                    ui.end_row();
                    part = Some(l.part);
                }
                ui.label(&l.what);
                match (&l.price, l.monthly) {
                    (Some(p), Some(m)) => {
                        let qty =
                            format!("{} {} × ${}", format_quantity(l.quantity), l.unit, p.usd);
                        let r = ui.label(RichText::new(qty).small().color(theme::muted(ui)));
                        if let Some(why) = &p.unverified {
                            r.on_hover_text(format!("Unverified: {why}"));
                        } else if p.overridden {
                            r.on_hover_text("Your price");
                        }
                        let money = RichText::new(format_usd(m));
                        ui.label(if p.unverified.is_some() {
                            money.color(theme::status_color(Lifecycle::ClosedToNew, dark))
                        } else {
                            money
                        });
                    }
                    _ => {
                        ui.label(
                            RichText::new(format!("{} {}", format_quantity(l.quantity), l.unit))
                                .small()
                                .color(theme::muted(ui)),
                        );
                        ui.label(
                            RichText::new("not priced")
                                .italics()
                                .color(theme::muted(ui)),
                        )
                        .on_hover_text("Give a price under Prices to include it");
                    }
                }
                ui.end_row();
            }
        });
}

/// The cost of a deployment with each strategy, for a wizard that prices rollouts.
pub fn deploy_cost_ui(
    ui: &mut egui::Ui,
    kb: &KnowledgeBase,
    wizard: &Wizard,
    given: &BTreeMap<String, String>,
    rec: &Recommendation,
) -> Option<Command> {
    let spec = wizard.deploy_cost.as_ref()?;
    let pairs: Vec<(String, String)> = given
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let answers = parse_answers(wizard, &pairs).ok()?;
    if let Some(cond) = &spec.when
        && !cond_holds(cond, &answers)
    {
        return None;
    }
    let prices = Prices::with_overrides(
        kb.prices(),
        pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(PRICE_PREFIX)?, v.as_str()))),
    )
    .ok()?;
    let mut ids = vec![rec.strategy.as_str()];
    ids.extend(rec.alternatives.iter().map(|a| a.strategy.as_str()));
    let costs = deploy_costs(kb, &ids, &answers, &prices);
    if costs.is_empty() {
        return None;
    }
    let mut command = None;
    ui.add_space(12.0);
    ui.label(RichText::new("Cost of a deployment").strong());
    ui.label(
        RichText::new(
            "Instances beyond the fleet at each simulated step, for the step length given.",
        )
        .small()
        .color(theme::muted(ui)),
    );
    egui::Grid::new("deploy-costs")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for h in ["Strategy", "Peak", "Extra instance-hours", "A month"] {
                ui.label(RichText::new(h).small().color(theme::muted(ui)));
            }
            ui.end_row();
            for c in &costs {
                let title = if c.strategy == rec.strategy {
                    RichText::new(&c.title).strong()
                } else {
                    RichText::new(&c.title)
                };
                if ui.link(title).clicked() {
                    command = Some(Command::Open(c.strategy.clone()));
                }
                ui.label(c.peak_instances.to_string());
                ui.label(format_quantity(c.extra_instance_hours));
                ui.label(c.monthly_usd.map_or("not priced".to_owned(), format_usd));
                ui.end_row();
            }
        });
    egui::CollapsingHeader::new("Assumptions")
        .id_salt("deploy-cost-assumptions")
        .default_open(false)
        .show(ui, |ui| {
            for a in &spec.assumptions {
                ui.add(egui::Label::new(RichText::new(format!("• {a}")).small()).wrap());
            }
        });
    command
}
