//! Scenario questions from a wizard's rules: random valid answers become the requirements,
//! the right option is the wizard's recommendation, and each wrong option is a candidate
//! that a rule rules out, explained by that rule. A seed that gives an unclear question (no
//! candidate fits every answer, the answer breaks a soft rule, or too few candidates are
//! ruled out) gives no question.

use super::super::duration::format_duration_secs;
use super::super::kb::KnowledgeBase;
use super::super::schema::{AnswerKind, Wizard};
use super::super::wizard::{parse_answers, recommend};
use super::rng::Rng;
use super::{Choice, Origin, Question};

/// Durations a scenario may ask for.
const DURATIONS: &[u64] = &[0, 30, 60, 300, 900, 1_800, 3_600, 14_400, 43_200, 86_400];

/// The answers a seed gives: one random valid answer to each of the wizard's main questions
/// (those of its first group; costs, prices and optional targets are left to defaults).
pub fn scenario_answers(wizard: &Wizard, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed ^ Rng::from_text(&wizard.id).next_u64());
    let main = wizard.questions.first().and_then(|q| q.group.as_deref());
    let mut out = Vec::new();
    for q in &wizard.questions {
        if q.optional || q.group.as_deref() != main {
            continue;
        }
        let value = match &q.answer {
            AnswerKind::Choice(options) => rng.pick(options).id.clone(),
            AnswerKind::YesNo => rng.pick(&["yes", "no"]).to_string(),
            AnswerKind::Duration => format_duration_secs(*rng.pick(DURATIONS)),
            AnswerKind::Count(_) => continue,
        };
        out.push((q.key.clone(), value));
    }
    out
}

/// The question a seed gives, when it gives a clear one.
pub fn scenario(kb: &KnowledgeBase, wizard: &Wizard, seed: u64) -> Option<Question> {
    let raw = scenario_answers(wizard, seed);
    let answers = parse_answers(wizard, &raw).ok()?;
    let rec = recommend(kb, wizard, &answers)?;
    // The answer must meet every requirement outright.
    if !rec.warnings.is_empty()
        && rec.warnings.iter().any(|w| {
            w.starts_with("No candidate fits") || w.contains(", but it is the first candidate")
        })
    {
        return None;
    }
    // Wrong options: candidates a rule rules out (not those that merely cost more).
    let mut wrong: Vec<_> = rec
        .alternatives
        .iter()
        .filter(|a| !a.why_not.starts_with("It fits too"))
        .collect();
    if wrong.len() < 2 {
        return None;
    }
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
    rng.shuffle(&mut wrong);
    let mut lines = Vec::new();
    for (key, value) in &raw {
        let q = wizard.questions.iter().find(|q| &q.key == key)?;
        let shown = match &q.answer {
            AnswerKind::Choice(options) => options
                .iter()
                .find(|o| &o.id == value)
                .map_or(value.clone(), |o| o.label.clone()),
            AnswerKind::YesNo => if value == "yes" { "Yes" } else { "No" }.to_owned(),
            _ => value.clone(),
        };
        // One requirement a line: "• Recovery time objective (RTO): 4h" but
        // "• Other clouds too? No".
        if q.label.ends_with('?') {
            lines.push(format!("• {} {shown}", q.label));
        } else {
            lines.push(format!("• {}: {shown}", q.label));
        }
    }
    let ask = if wizard.title.to_lowercase().ends_with("strategy") {
        format!(
            "Which {} meets all of these requirements?",
            wizard.title.to_lowercase()
        )
    } else {
        format!(
            "{}: which option meets all of these requirements?",
            wizard.title
        )
    };
    let mut options = vec![Choice {
        text: rec.title.clone(),
        correct: true,
        why: rec.reasons.join(" "),
    }];
    let mut entries = vec![rec.strategy.clone()];
    for a in wrong.into_iter().take(3) {
        options.push(Choice {
            text: a.title.clone(),
            correct: false,
            why: a.why_not.clone(),
        });
        entries.push(a.strategy.clone());
    }
    let mut q = Question {
        id: format!("wizard:{}:{seed}", wizard.id),
        origin: Origin::Wizard(wizard.id.clone()),
        tasks: wizard.tasks.clone(),
        stem: format!(
            "A team lists its requirements:\n{}\n{ask}",
            lines.join("\n")
        ),
        options,
        answer: String::new(),
        entries,
    };
    super::shuffle_options(&mut q);
    Some(q)
}
