//! A wizard's rule table: which rules fire for a set of answers, and which rule out each candidate.

use super::*;

/// One rule of a wizard, as the rule table shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleRow {
    /// Position in the wizard's rules, from 0.
    pub index: usize,
    /// `hard`, `soft` or `prefer`.
    pub strength: String,
    /// The rule in words: when it applies and what it targets.
    pub summary: String,
    /// Whether its condition holds for the answers.
    pub applies: bool,
    /// The candidates it rules out (or prefers) for these answers, by title.
    pub matched: Vec<String>,
}

/// A wizard's rules checked against one set of answers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleTable {
    /// Every rule, in order.
    pub rows: Vec<RuleRow>,
    /// The title of the recommended candidate.
    pub chosen: String,
}

/// The rule table: for each rule, whether it applies to the answers and which candidates
/// it rules out or prefers.
pub fn rule_table(kb: &KnowledgeBase, wizard: &Wizard, answers: &Answers) -> RuleTable {
    let rows = wizard
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let applies = rule.when.as_ref().is_none_or(|c| cond_holds(c, answers));
            let matched = if applies {
                wizard
                    .candidates
                    .iter()
                    .filter_map(|c| kb.get(&c.id))
                    .filter(|e| target_matches(&rule.target, e, answers))
                    .map(|e| e.title.clone())
                    .collect()
            } else {
                Vec::new()
            };
            let when = rule
                .when
                .as_ref()
                .map(|c| format!("When {}", cond_text(c)))
                .unwrap_or_else(|| "Always".to_owned());
            let verb = match rule.strength {
                Strength::Hard => "rules out",
                Strength::Soft => "rules out, unless nothing else fits,",
                Strength::Prefer => "prefers",
            };
            RuleRow {
                index,
                strength: match rule.strength {
                    Strength::Hard => "hard",
                    Strength::Soft => "soft",
                    Strength::Prefer => "prefer",
                }
                .to_owned(),
                summary: format!("{when}: {verb} {}", target_text(kb, &rule.target)),
                applies,
                matched,
            }
        })
        .collect();
    let chosen = recommend(kb, wizard, answers)
        .map(|r| r.title)
        .unwrap_or_default();
    RuleTable { rows, chosen }
}

/// A condition in words.
pub fn cond_text(cond: &Cond) -> String {
    match cond {
        Cond::Is(k, v) => format!("{k} is {v}"),
        Cond::In(k, vs) => format!("{k} is one of {}", vs.join(", ")),
        Cond::Under(k, l) => format!("{k} is under {l}"),
        Cond::AtLeast(k, l) => format!("{k} is at least {l}"),
        Cond::All(cs) => cs.iter().map(cond_text).collect::<Vec<_>>().join(" and "),
        Cond::Any(cs) => cs.iter().map(cond_text).collect::<Vec<_>>().join(" or "),
        Cond::Not(c) => format!("not ({})", cond_text(c)),
    }
}

/// A rule's target in words.
fn target_text(kb: &KnowledgeBase, target: &Target) -> String {
    match target {
        Target::Ids(ids) => ids
            .iter()
            .map(|id| kb.get(id).map_or(id.clone(), |e| e.title.clone()))
            .collect::<Vec<_>>()
            .join(", "),
        Target::Level(k, levels) => format!("strategies whose {k} is {}", levels.join(" or ")),
        Target::Flag(k, v) => format!("strategies whose {k} is {}", if *v { "yes" } else { "no" }),
        Target::Unsupported(k) => format!("strategies {k} does not support"),
        Target::SlowerThan(q, a) => {
            format!("strategies whose fastest {a} is slower than your {q}")
        }
        Target::AtFastEdge(q, a) => {
            format!("strategies that reach your {q} only at the fast end of their {a} band")
        }
    }
}
