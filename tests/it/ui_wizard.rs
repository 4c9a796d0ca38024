//! The wizard view by hand: tier presets, workload sizes and prices moving the costs, a pasted
//! scenario filling the right wizard, the rule table and "what if".

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use opsdeck::app::StartOptions;
use opsdeck::model::plan::cost::format_usd;
use opsdeck::model::plan::{Choice, Plan};
use opsdeck::ui::command::ThemeChoice;

use super::ui::harness_sized;

fn least_cost(plan: &Plan) -> f64 {
    plan.options
        .iter()
        .find(|o| o.choices.contains(&Choice::LeastCost))
        .expect("a least-cost option")
        .cost
        .monthly
}

type H = egui_kittest::Harness<'static, opsdeck::app::OpsDeckApp>;

/// Scrolls a widget into view, as a user would, then clicks it (the scroll animates, so a
/// few frames pass first).
fn click(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(12);
    h.get_by_label(label).click();
    h.run_steps(3);
}

/// [`click`] for a label that contains `part`.
fn click_containing(h: &mut H, part: &str) {
    h.get_by_label_contains(part).scroll_to_me();
    h.run_steps(12);
    h.get_by_label_contains(part).click();
    h.run_steps(3);
}

/// Focuses the scenario box and types into it.
fn type_scenario(h: &mut H, text: &str) {
    let area = h.get_by_role(Role::MultilineTextInput);
    area.scroll_to_me();
    area.focus();
    h.run_steps(12);
    h.get_by_role(Role::MultilineTextInput).type_text(text);
    h.run_steps(3);
}

fn dr_options() -> StartOptions {
    StartOptions {
        wizard: Some("dr".into()),
        ..Default::default()
    }
}

#[test]
fn a_tier_preset_fills_targets_and_the_workload_size_moves_the_costs() {
    let mut h = harness_sized(ThemeChoice::Dark, dr_options(), egui::vec2(1280.0, 900.0));
    click(&mut h, "Mission critical");
    let plan = h
        .state()
        .wizard_plan()
        .expect("a plan once the targets are filled");
    // The tier's Region targets (15m, 1m) and its zone and corruption targets are in.
    let region = plan
        .targets
        .iter()
        .find(|(d, _)| d.short() == "Region")
        .unwrap()
        .1;
    assert_eq!((region.rto, region.rpo), (Some(900), Some(60)));
    assert_eq!(plan.targets.len(), 3);
    let before = least_cost(&plan);
    let shown = format!("about {} a month", format_usd(before));
    assert!(
        h.query_by_label_contains(&shown).is_some(),
        "{shown} on screen"
    );

    // Forty instances instead of four: every option costs more, and the screen says so.
    click(&mut h, "Workload, for costs");
    let instances = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some("4"))
        .expect("the instances box, showing 4");
    instances.scroll_to_me();
    instances.focus();
    h.run_steps(12);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some("4"))
        .unwrap()
        .type_text("0");
    h.run_steps(3);
    let plan = h.state().wizard_plan().unwrap();
    assert_eq!(plan.workload.instances, 40);
    let after = least_cost(&plan);
    assert!(after > before + 1_000.0, "{before} then {after}");
    let shown = format!("about {} a month", format_usd(after));
    assert!(
        h.query_by_label_contains(&shown).is_some(),
        "{shown} on screen"
    );
}

#[test]
fn a_price_override_changes_the_estimate() {
    let mut h = harness_sized(ThemeChoice::Dark, dr_options(), egui::vec2(1280.0, 900.0));
    click(&mut h, "Important");
    let before = least_cost(&h.state().wizard_plan().unwrap());
    click(&mut h, "Prices");
    // The instance type's price box, m5.large by default, is labelled by its row.
    let price = || {
        egui_kittest::kittest::by()
            .role(Role::TextInput)
            .label("EC2 m5.large, Linux, on demand")
    };
    h.get(price()).scroll_to_me();
    h.get(price()).focus();
    h.run_steps(12);
    h.get(price()).type_text("0.5");
    h.run_steps(3);
    let state = h.state().state();
    let given = &state.wizard_answers["dr"];
    assert_eq!(
        given.get("price:ec2-m5-large-hour").map(String::as_str),
        Some("0.5")
    );
    let after = least_cost(&h.state().wizard_plan().unwrap());
    assert!(after > before, "{before} then {after}");
}

#[test]
fn a_pasted_scenario_fills_the_wizard_it_is_about() {
    let mut h = harness_sized(ThemeChoice::Dark, dr_options(), egui::vec2(1280.0, 900.0));
    click(&mut h, "Read a scenario");
    type_scenario(
        &mut h,
        "The storefront must be back online within 2 hours if the primary Region fails, \
         losing at most 15 minutes of orders, at the lowest cost.",
    );
    assert!(
        h.query_by_label_contains("Read as: Disaster recovery strategy")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Not in the text").is_none(),
        "rto, rpo, budget and scope are all read"
    );
    click_containing(&mut h, "Fill the Disaster recovery strategy wizard");
    {
        let state = h.state().state();
        let given = &state.wizard_answers["dr"];
        assert_eq!(given.get("rto").map(String::as_str), Some("2h"));
        assert_eq!(given.get("rpo").map(String::as_str), Some("15m"));
        assert_eq!(given.get("budget").map(String::as_str), Some("low"));
        assert_eq!(given.get("scope").map(String::as_str), Some("region"));
    }
    assert_eq!(
        h.state().wizard_recommendation().map(|r| r.strategy),
        Ok("pilot-light".to_owned())
    );

    // A deployment text, pasted while the DR wizard is open, switches to the deployment one.
    click(&mut h, "Clear");
    type_scenario(
        &mut h,
        "Deploy to Elastic Beanstalk without downtime and with no additional cost.",
    );
    click_containing(&mut h, "Fill the Deployment strategy wizard instead");
    assert_eq!(h.state().state().wizard.as_deref(), Some("deploy"));
    let state = h.state().state();
    let given = &state.wizard_answers["deploy"];
    assert_eq!(given.get("platform").map(String::as_str), Some("beanstalk"));
    assert_eq!(given.get("downtime").map(String::as_str), Some("none"));
    assert_eq!(given.get("extra-cost").map(String::as_str), Some("none"));
}

#[test]
fn unknown_phrasing_is_reported_not_guessed() {
    let mut h = harness_sized(ThemeChoice::Dark, dr_options(), egui::vec2(1280.0, 900.0));
    click(&mut h, "Read a scenario");
    type_scenario(&mut h, "Our team likes tidy dashboards and short meetings.");
    assert!(h.query_by_label_contains("OpsDeck cannot tell").is_some());
    assert!(h.query_by_label_contains("Fill the").is_none());
}

#[test]
fn the_rule_table_and_what_if_show_beside_the_answer() {
    let mut h = harness_sized(
        ThemeChoice::Dark,
        StartOptions {
            wizard: Some("dr".into()),
            answers: vec![("rto".into(), "1h".into()), ("rpo".into(), "15m".into())],
            ..Default::default()
        },
        egui::vec2(1280.0, 900.0),
    );
    click(&mut h, "Rule table");
    assert!(h.query_by_label_contains("Chosen: Pilot light").is_some());
    assert!(h.query_all_by_label_contains("does not apply").count() >= 1);
    click(&mut h, "What if…");
    // The first what-if loosens the RPO one step (15m to 1h): backup and restore then fits.
    assert!(h.query_by_label("What if").is_some());
    assert!(h.query_all_by_label_contains("Backup and restore").count() >= 1);
    assert!(h.query_all_by_label_contains("Least cost:").count() >= 2);
}

/// The plan as a user sees it with everything open, in both themes, wide and narrow.
#[test]
fn plan_snapshots() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name, size) in [
        (
            ThemeChoice::Dark,
            "wizard-plan-dark",
            egui::vec2(1280.0, 1500.0),
        ),
        (
            ThemeChoice::Light,
            "wizard-plan-light",
            egui::vec2(1280.0, 1500.0),
        ),
        (
            ThemeChoice::Dark,
            "wizard-plan-narrow",
            egui::vec2(800.0, 1500.0),
        ),
    ] {
        let mut h = harness_sized(theme, dr_options(), size);
        click(&mut h, "Read a scenario");
        type_scenario(
            &mut h,
            "A retail company must recover its storefront within 1 hour if the primary Region \
             fails, and can lose at most 15 minutes of orders. Cost matters: choose the most \
             cost-effective option.",
        );
        click_containing(&mut h, "Fill the Disaster recovery strategy wizard");
        click(&mut h, "Rule table");
        let first = h.get_all_by_label("Cost breakdown").next().unwrap();
        first.scroll_to_me();
        h.run_steps(12);
        h.get_all_by_label("Cost breakdown").next().unwrap().click();
        h.run_steps(6);
        h.snapshot(name);
        results.extend_harness(&mut h);
    }
    results.unwrap();
}
