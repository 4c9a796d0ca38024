//! Helpers the CLI and the window share for showing a plan.

use super::cost::{Part, format_quantity, format_usd};
use super::{Plan, PlanOption};

/// A plan as plain text, for the terminal and for sheets.
pub fn plan_text(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str("Targets:\n");
    for (d, t) in &plan.targets {
        let part = |name: &str, v: Option<u64>| {
            v.map(|s| format!("{name} {}", crate::model::duration::format_duration_secs(s)))
        };
        let said: Vec<String> = [part("RTO", t.rto), part("RPO", t.rpo)]
            .into_iter()
            .flatten()
            .collect();
        out.push_str(&format!("- {}: {}\n", d.label(), said.join(", ")));
    }
    if plan.none_meets {
        out.push_str("\nNo setup meets every target; these come closest.\n");
    }
    for o in &plan.options {
        out.push('\n');
        out.push_str(&option_text(o));
    }
    if !plan.what_would_change.is_empty() {
        out.push_str("\nWhat would change it:\n");
        for w in &plan.what_would_change {
            out.push_str(&format!("- {w}\n"));
        }
    }
    out.push_str("\nAssumptions:\n");
    for a in &plan.assumptions {
        out.push_str(&format!("- {a}\n"));
    }
    out.push_str(&format!("- {}\n", plan.restore_note));
    out
}

/// The options as rows for a printed sheet: choice, setup, a verdict per failure, the
/// monthly cost.
pub fn option_rows(plan: &Plan) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["Option".to_owned(), "Setup".to_owned()];
    header.extend(plan.targets.iter().map(|(d, _)| d.label().to_owned()));
    header.push("A month".to_owned());
    let rows = plan
        .options
        .iter()
        .map(|o| {
            let choices: Vec<&str> = o.choices.iter().map(|c| c.label()).collect();
            let mut row = vec![choices.join(", "), o.title.clone()];
            row.extend(o.checks.iter().map(|c| c.verdict.label().to_owned()));
            row.push(format!(
                "{}{}",
                format_usd(o.cost.monthly),
                if o.cost.unverified { "*" } else { "" }
            ));
            row
        })
        .collect();
    (header, rows)
}

/// One option as plain text.
pub fn option_text(o: &PlanOption) -> String {
    let mut out = String::new();
    let choices: Vec<&str> = o.choices.iter().map(|c| c.label()).collect();
    out.push_str(&format!(
        "{}: {} — about {} a month{}\n",
        choices.join(", "),
        o.title,
        format_usd(o.cost.monthly),
        if o.cost.unverified {
            " (some prices unverified)"
        } else {
            ""
        }
    ));
    for c in &o.checks {
        out.push_str(&format!(
            "  {} — {}: {}\n",
            c.disruption.label(),
            c.verdict.label(),
            c.why
        ));
    }
    out.push_str("  Changes:\n");
    for ch in &o.changes {
        out.push_str(&format!("  - {ch}\n"));
    }
    out.push_str("  Cost:\n");
    let mut part: Option<Part> = None;
    for l in &o.cost.lines {
        if part != Some(l.part) {
            out.push_str(&format!("    {}\n", l.part.label()));
            part = Some(l.part);
        }
        let priced = match (&l.price, l.monthly) {
            (Some(p), Some(m)) => format!(
                "{} {} × ${} = {}{}",
                format_quantity(l.quantity),
                l.unit,
                p.usd,
                format_usd(m),
                if p.unverified.is_some() {
                    " (unverified price)"
                } else if p.overridden {
                    " (your price)"
                } else {
                    ""
                }
            ),
            _ => format!("{} {}, not priced", format_quantity(l.quantity), l.unit),
        };
        out.push_str(&format!("    - {}: {priced}\n", l.what));
    }
    for u in &o.cost.unpriced {
        out.push_str(&format!("    - {u}\n"));
    }
    if !o.next_steps.is_empty() {
        out.push_str("  Prove it:\n");
        for s in &o.next_steps {
            let ids: Vec<&str> = s.entries.iter().map(|(id, _)| id.as_str()).collect();
            let see = if ids.is_empty() {
                String::new()
            } else {
                format!(" [{}]", ids.join(", "))
            };
            out.push_str(&format!(
                "  - {}{see}\n",
                crate::model::markup::plain(&s.text)
            ));
        }
    }
    out
}
