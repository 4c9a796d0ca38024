//! The decision-wizard engine: answers in, one recommendation out, with the reasoning.
//!
//! Wizards are data (`data/wizards/*.ron`, types in [`super::schema::Wizard`]). For each
//! candidate the engine collects the hard and soft rules it breaks and the preferences it
//! matches. The recommendation is the best-ranked candidate that breaks nothing; failing that,
//! the best that breaks only soft rules (with a warning); failing that, the one that breaks the
//! fewest hard rules (with a warning that nothing fits). Ties go to the earlier candidate, so
//! candidates are listed cheapest or simplest first.

mod rules;
pub use rules::*;

use std::collections::BTreeMap;

use super::duration::{DURATION_FORMS, format_duration_secs, parse_duration_secs};
use super::kb::KnowledgeBase;
use super::render::attr_value_text;
use super::schema::{AnswerKind, AttrValue, Cond, Entry, Question, Rule, Strength, Target, Wizard};

/// A parsed answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Answer {
    /// The id of the chosen option (`yes`/`no` for yes/no questions).
    Choice(String),
    /// A duration in seconds.
    Secs(u64),
    /// A whole number.
    Count(u64),
}

/// Answers by question key, every question answered (defaults filled in).
pub type Answers = BTreeMap<String, Answer>;

/// Why answers could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AnswerError(pub String);

/// Parses one answer for a question.
pub fn parse_answer(question: &Question, raw: &str) -> Result<Answer, AnswerError> {
    let raw = raw.trim();
    match &question.answer {
        AnswerKind::Choice(options) => {
            if options.iter().any(|o| o.id == raw) {
                Ok(Answer::Choice(raw.to_owned()))
            } else {
                let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                Err(AnswerError(format!(
                    "{raw:?} is not an answer to {:?}; choose one of: {}",
                    question.key,
                    ids.join(", ")
                )))
            }
        }
        AnswerKind::YesNo => match raw {
            "yes" | "true" => Ok(Answer::Choice("yes".to_owned())),
            "no" | "false" => Ok(Answer::Choice("no".to_owned())),
            _ => Err(AnswerError(format!(
                "{raw:?} is not an answer to {:?}; answer yes or no",
                question.key
            ))),
        },
        AnswerKind::Duration => parse_duration_secs(raw)
            .map(Answer::Secs)
            .map_err(|e| AnswerError(format!("{}: {e}", question.key))),
        AnswerKind::Count(max) => match raw.replace([',', '_'], "").parse::<u64>() {
            Ok(n) if n <= *max => Ok(Answer::Count(n)),
            Ok(n) => Err(AnswerError(format!(
                "{}: {n} is more than the most this question takes ({max})",
                question.key
            ))),
            Err(_) => Err(AnswerError(format!(
                "{}: {raw:?} is not a whole number (e.g. 4)",
                question.key
            ))),
        },
    }
}

/// The key that picks a preset (`preset=mission-critical`).
pub const PRESET_KEY: &str = "preset";
/// Keys that override a price for cost estimates start with this (`price:alb-hour=0.03`).
pub const PRICE_PREFIX: &str = "price:";

/// Parses `KEY=VALUE` answers, fills in a chosen preset's answers and then defaults, and
/// reports unknown or missing keys. Price overrides (`price:KEY`) are left to the cost
/// estimate, which checks them.
pub fn parse_answers(wizard: &Wizard, raw: &[(String, String)]) -> Result<Answers, AnswerError> {
    let mut answers = Answers::new();
    let mut preset = None;
    for (key, value) in raw {
        if key.starts_with(PRICE_PREFIX) {
            continue;
        }
        if key == PRESET_KEY {
            let Some(p) = wizard.presets.iter().find(|p| p.id == value.trim()) else {
                let ids: Vec<&str> = wizard.presets.iter().map(|p| p.id.as_str()).collect();
                return Err(AnswerError(if ids.is_empty() {
                    format!("the {} wizard has no presets", wizard.id)
                } else {
                    format!(
                        "{value:?} is not a preset of the {} wizard; presets: {}",
                        wizard.id,
                        ids.join(", ")
                    )
                }));
            };
            preset = Some(p);
            continue;
        }
        let Some(question) = wizard.questions.iter().find(|q| &q.key == key) else {
            let keys: Vec<&str> = wizard.questions.iter().map(|q| q.key.as_str()).collect();
            return Err(AnswerError(format!(
                "the {} wizard has no question {key:?}; its keys are: {}",
                wizard.id,
                keys.join(", ")
            )));
        };
        answers.insert(key.clone(), parse_answer(question, value)?);
    }
    if let Some(p) = preset {
        for (key, value) in &p.answers {
            if answers.contains_key(key) {
                continue;
            }
            if let Some(question) = wizard.questions.iter().find(|q| &q.key == key) {
                answers.insert(key.clone(), parse_answer(question, value)?);
            }
        }
    }
    for question in &wizard.questions {
        if answers.contains_key(&question.key) {
            continue;
        }
        if question.optional && question.default.is_none() {
            continue;
        }
        match &question.default {
            Some(default) => {
                answers.insert(question.key.clone(), parse_answer(question, default)?);
            }
            None => {
                let form = match &question.answer {
                    AnswerKind::Duration => format!(" ({DURATION_FORMS})"),
                    _ => String::new(),
                };
                return Err(AnswerError(format!(
                    "the {} wizard needs an answer for {:?}{form}",
                    wizard.id, question.key
                )));
            }
        }
    }
    Ok(answers)
}

/// Runs a wizard on raw answers by question key (as the window and saved sheets keep them);
/// blank answers count as not given. The error says what is missing or wrong.
pub fn recommend_raw(
    kb: &KnowledgeBase,
    wizard: &Wizard,
    raw: &BTreeMap<String, String>,
) -> Result<Recommendation, String> {
    let pairs: Vec<(String, String)> = raw
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let answers = parse_answers(wizard, &pairs).map_err(|e| e.to_string())?;
    recommend(kb, wizard, &answers)
        .ok_or_else(|| "This wizard has no candidates in the knowledge base.".to_owned())
}

/// The answer as text: the option id, or a compact duration.
pub fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Choice(id) => id.clone(),
        Answer::Secs(secs) => format_duration_secs(*secs),
        Answer::Count(n) => n.to_string(),
    }
}

/// An alternative that was not recommended, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Alternative {
    /// Entry id.
    pub strategy: String,
    /// Entry title.
    pub title: String,
    /// Why it was not chosen.
    pub why_not: String,
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Recommendation {
    /// Wizard id.
    pub wizard: String,
    /// Recommended entry id.
    pub strategy: String,
    /// Its title.
    pub title: String,
    /// How to build it, naming services and settings.
    pub mechanism: String,
    /// Why it fits each answer.
    pub reasons: Vec<String>,
    /// Conflicts: over budget, nothing fits, contraindications.
    pub warnings: Vec<String>,
    /// Every other candidate with why it was not chosen.
    pub alternatives: Vec<Alternative>,
    /// Answers that would lead to a cheaper or simpler recommendation.
    pub would_change: Vec<String>,
}

/// How one candidate fares.
struct Verdict<'a> {
    index: usize,
    entry: &'a Entry,
    hard: Vec<&'a Rule>,
    soft: Vec<&'a Rule>,
    preference: i32,
}

/// Runs the wizard. Candidates missing from the knowledge base are skipped (build.rs makes
/// sure built-in wizards have none).
pub fn recommend(kb: &KnowledgeBase, wizard: &Wizard, answers: &Answers) -> Option<Recommendation> {
    let mut verdicts: Vec<Verdict<'_>> = Vec::new();
    for (index, candidate) in wizard.candidates.iter().enumerate() {
        let Some(entry) = kb.get(&candidate.id) else {
            continue;
        };
        let mut v = Verdict {
            index,
            entry,
            hard: Vec::new(),
            soft: Vec::new(),
            preference: 0,
        };
        for rule in applicable(wizard, answers) {
            if !target_matches(&rule.target, entry, answers) {
                continue;
            }
            match rule.strength {
                Strength::Hard => v.hard.push(rule),
                Strength::Soft => v.soft.push(rule),
                Strength::Prefer => v.preference += rule.weight,
            }
        }
        verdicts.push(v);
    }
    let rank = |v: &&Verdict<'_>| (std::cmp::Reverse(v.preference), v.index);
    let chosen = verdicts
        .iter()
        .filter(|v| v.hard.is_empty() && v.soft.is_empty())
        .min_by_key(rank)
        .or_else(|| {
            verdicts
                .iter()
                .filter(|v| v.hard.is_empty())
                .min_by_key(rank)
        })
        .or_else(|| {
            verdicts
                .iter()
                .min_by_key(|v| (v.hard.len(), std::cmp::Reverse(v.preference), v.index))
        })?;

    let render = |text: &str, entry: &Entry| fill(kb, text, entry, answers);
    let mut reasons = Vec::new();
    for rule in applicable(wizard, answers) {
        let matched = target_matches(&rule.target, chosen.entry, answers);
        let fits = match rule.strength {
            Strength::Prefer => matched,
            Strength::Hard | Strength::Soft => !matched,
        };
        if fits && !rule.reason.is_empty() {
            let reason = render(&rule.reason, chosen.entry);
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    }

    let mut warnings = Vec::new();
    if !chosen.hard.is_empty() {
        let why: Vec<String> = chosen
            .hard
            .iter()
            .map(|r| render(&r.why_not, chosen.entry))
            .collect();
        warnings.push(format!(
            "No candidate fits every answer. {} breaks the fewest: it {}.",
            chosen.entry.title,
            join_and(&why)
        ));
    }
    for rule in &chosen.soft {
        warnings.push(format!(
            "{} {}, but it is the first candidate that meets your other answers.",
            chosen.entry.title,
            render(&rule.why_not, chosen.entry)
        ));
    }
    for note in &wizard.notes {
        let holds = note.when.as_ref().is_none_or(|c| cond_holds(c, answers));
        let hits = note
            .target
            .as_ref()
            .is_none_or(|t| target_matches(t, chosen.entry, answers));
        if holds && hits {
            warnings.push(render(&note.text, chosen.entry));
        }
    }

    let mut alternatives = Vec::new();
    for v in &verdicts {
        if v.index == chosen.index {
            continue;
        }
        let broken: Vec<String> = v
            .hard
            .iter()
            .chain(&v.soft)
            .map(|r| render(&r.why_not, v.entry))
            .collect();
        let why_not = if !broken.is_empty() {
            format!("It {}.", join_and(&broken))
        } else if v.index < chosen.index {
            format!(
                "It fits too, but {} matches your preferences better.",
                chosen.entry.title
            )
        } else {
            format!(
                "It fits too, but costs more or does more than you need compared with {}.",
                chosen.entry.title
            )
        };
        alternatives.push(Alternative {
            strategy: v.entry.id.clone(),
            title: v.entry.title.clone(),
            why_not,
        });
    }

    let mut would_change = Vec::new();
    // Only candidates that would rank above the chosen one, were they not blocked.
    let above = |v: &&Verdict<'_>| {
        (std::cmp::Reverse(v.preference), v.index)
            < (std::cmp::Reverse(chosen.preference), chosen.index)
    };
    for v in verdicts.iter().filter(above) {
        let blockers: Vec<&Rule> = v.hard.iter().chain(&v.soft).copied().collect();
        if blockers.is_empty() || blockers.iter().any(|r| r.unlock.is_empty()) {
            continue;
        }
        let mut unlocks: Vec<String> = Vec::new();
        for r in blockers {
            let text = render(&r.unlock, v.entry);
            if !unlocks.contains(&text) {
                unlocks.push(text);
            }
        }
        would_change.push(format!(
            "With {}, {} would do at lower cost or with less effort.",
            join_and(&unlocks),
            v.entry.title
        ));
    }

    let candidate = &wizard.candidates[chosen.index];
    let mechanism: Vec<String> = wizard
        .mechanism
        .iter()
        .chain(&candidate.mechanism)
        .filter(|t| t.when.as_ref().is_none_or(|c| cond_holds(c, answers)))
        .map(|t| render(&t.text, chosen.entry))
        .collect();
    Some(Recommendation {
        wizard: wizard.id.clone(),
        strategy: chosen.entry.id.clone(),
        title: chosen.entry.title.clone(),
        mechanism: mechanism.join(" "),
        reasons,
        warnings,
        alternatives,
        would_change,
    })
}

fn applicable<'a>(wizard: &'a Wizard, answers: &'a Answers) -> impl Iterator<Item = &'a Rule> {
    wizard
        .rules
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|c| cond_holds(c, answers)))
}

/// Whether a condition on the answers holds.
pub fn cond_holds(cond: &Cond, answers: &Answers) -> bool {
    let secs = |key: &str| match answers.get(key) {
        Some(Answer::Secs(s)) => Some(*s),
        _ => None,
    };
    let choice = |key: &str| match answers.get(key) {
        Some(Answer::Choice(c)) => Some(c.as_str()),
        _ => None,
    };
    match cond {
        Cond::Is(key, value) => choice(key) == Some(value.as_str()),
        Cond::In(key, values) => choice(key).is_some_and(|c| values.iter().any(|v| v == c)),
        Cond::Under(key, limit) => match (secs(key), parse_duration_secs(limit)) {
            (Some(a), Ok(l)) => a < l,
            _ => false,
        },
        Cond::AtLeast(key, limit) => match (secs(key), parse_duration_secs(limit)) {
            (Some(a), Ok(l)) => a >= l,
            _ => false,
        },
        Cond::All(all) => all.iter().all(|c| cond_holds(c, answers)),
        Cond::Any(any) => any.iter().any(|c| cond_holds(c, answers)),
        Cond::Not(inner) => !cond_holds(inner, answers),
    }
}

/// Whether a candidate entry matches a rule's target.
pub fn target_matches(target: &Target, entry: &Entry, answers: &Answers) -> bool {
    match target {
        Target::Ids(ids) => ids.iter().any(|id| id == &entry.id),
        Target::Level(key, levels) => {
            matches!(entry.attrs.get(key), Some(AttrValue::Level(l)) if levels.contains(l))
        }
        Target::Flag(key, value) => {
            matches!(entry.attrs.get(key), Some(AttrValue::Flag(f)) if f == value)
        }
        Target::Unsupported(key) => matches!(entry.attrs.get(key), Some(AttrValue::Unsupported(_))),
        Target::SlowerThan(question, attr) => {
            match (answers.get(question), entry.attrs.get(attr)) {
                (Some(Answer::Secs(target)), Some(AttrValue::Duration { min, .. })) => {
                    parse_duration_secs(min).is_ok_and(|fastest| fastest > *target)
                }
                _ => false,
            }
        }
        Target::AtFastEdge(question, attr) => {
            match (answers.get(question), entry.attrs.get(attr)) {
                (Some(Answer::Secs(target)), Some(AttrValue::Duration { min, max })) => {
                    match (parse_duration_secs(min), parse_duration_secs(max)) {
                        (Ok(lo), Ok(hi)) => lo <= *target && *target < hi,
                        _ => false,
                    }
                }
                _ => false,
            }
        }
    }
}

/// Fills `{answer:KEY}`, `{attr:KEY}`, `{attr:KEY.min}`, `{attr:KEY.max}` and `{title}`.
fn fill(kb: &KnowledgeBase, text: &str, entry: &Entry, answers: &Answers) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &rest[start + 1..start + len];
        out.push_str(
            &placeholder(kb, token, entry, answers).unwrap_or_else(|| format!("{{{token}}}")),
        );
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

fn placeholder(
    kb: &KnowledgeBase,
    token: &str,
    entry: &Entry,
    answers: &Answers,
) -> Option<String> {
    if token == "title" {
        return Some(entry.title.clone());
    }
    if let Some(key) = token.strip_prefix("answer:") {
        return answers.get(key).map(answer_text);
    }
    let key = token.strip_prefix("attr:")?;
    let (key, part) = match key.split_once('.') {
        Some((k, p)) => (k, Some(p)),
        None => (key, None),
    };
    let value = entry.attrs.get(key)?;
    match (value, part) {
        (AttrValue::Duration { min, .. }, Some("min")) => Some(min.clone()),
        (AttrValue::Duration { max, .. }, Some("max")) => Some(max.clone()),
        (AttrValue::Supported(how) | AttrValue::Unsupported(how), None) => Some(how.clone()),
        (v, None) => Some(attr_value_text(kb, key, v)),
        _ => None,
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}; and {last}", init.join("; ")),
    }
}
