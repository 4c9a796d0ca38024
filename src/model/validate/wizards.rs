//! Checks on wizards: questions, options, candidates, conditions, targets and placeholders.

use std::collections::BTreeSet;

use super::super::duration::parse_duration_secs;
use super::super::schema::{AnswerKind, Cond, PlanSpec, Scale, Target, Wizard};
use super::{Input, Validator, is_kebab, kebab_msg};

impl Validator<'_> {
    pub(super) fn check_wizard(&mut self, input: &Input<'_>, w: &Wizard) {
        self.check_tasks(input, Some(&w.id), &w.tasks, "wizard");
        if input.strict && w.tasks.is_empty() {
            self.report(
                input,
                Some(&w.id),
                None,
                format!(
                    "wizard {:?} names no exam task statement; add `tasks: [\"3.3\"]`",
                    w.id
                ),
            );
        }
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut say = |lit: &str, msg: String| problems.push((lit.to_owned(), msg));
        for text in wizard_texts(w) {
            for token in placeholders(text) {
                if let Err(msg) = self.check_placeholder(w, token) {
                    say(text, msg);
                }
            }
        }
        if !is_kebab(&w.id) {
            say(&w.id, kebab_msg("wizard id", &w.id));
        }
        let mut keys = BTreeSet::new();
        for q in &w.questions {
            if !keys.insert(q.key.as_str()) {
                say(&q.key, format!("question {:?} is asked twice", q.key));
            }
            if let AnswerKind::Choice(options) = &q.answer {
                let mut ids = BTreeSet::new();
                for o in options {
                    if !ids.insert(o.id.as_str()) {
                        say(
                            &o.id,
                            format!("option {:?} appears twice in {:?}", o.id, q.key),
                        );
                    }
                }
            }
            if let Some(default) = &q.default
                && !answer_ok(&q.answer, default)
            {
                say(
                    default,
                    format!("default {default:?} is not a valid answer to {:?}", q.key),
                );
            }
        }
        let mut cands = BTreeSet::new();
        for c in &w.candidates {
            cands.insert(c.id.as_str());
            if !self.ids.contains_key(c.id.as_str()) {
                say(&c.id, format!("candidate {:?} does not exist", c.id));
            }
        }
        self.check_presets(w, &mut say);
        if let Some(plan) = &w.plan {
            self.check_plan(w, plan, &cands, &mut say);
        }
        if let Some(cost) = &w.deploy_cost {
            if let Some(cond) = &cost.when {
                self.check_cond(w, cond, &mut say);
            }
            for key in DEPLOY_COST_KEYS {
                if !w.questions.iter().any(|q| q.key == *key) {
                    say(
                        key,
                        format!("a wizard with deploy_cost needs a question {key:?}"),
                    );
                }
            }
            self.check_price_choices(w, "instance-price", &mut say);
        }
        for t in w
            .candidates
            .iter()
            .flat_map(|c| &c.mechanism)
            .chain(&w.mechanism)
        {
            if let Some(cond) = &t.when {
                self.check_cond(w, cond, &mut say);
            }
        }
        for rule in &w.rules {
            if let Some(cond) = &rule.when {
                self.check_cond(w, cond, &mut say);
            }
            self.check_target(w, &rule.target, &cands, &mut say);
        }
        for note in &w.notes {
            if let Some(cond) = &note.when {
                self.check_cond(w, cond, &mut say);
            }
            if let Some(t) = &note.target {
                self.check_target(w, t, &cands, &mut say);
            }
        }
        for (lit, msg) in problems {
            self.report(
                input,
                Some(&w.id),
                Some(&lit),
                format!("wizard {:?}: {msg}", w.id),
            );
        }
    }

    /// Every preset answer names a question and is a valid answer to it.
    fn check_presets(&self, w: &Wizard, say: &mut impl FnMut(&str, String)) {
        let mut ids = BTreeSet::new();
        for p in &w.presets {
            if !ids.insert(p.id.as_str()) {
                say(&p.id, format!("preset {:?} is defined twice", p.id));
            }
            if !is_kebab(&p.id) {
                say(&p.id, kebab_msg("preset id", &p.id));
            }
            for (key, value) in &p.answers {
                let Some(q) = w.questions.iter().find(|q| &q.key == key) else {
                    say(
                        key,
                        format!("preset {:?} answers unknown question {key:?}", p.id),
                    );
                    continue;
                };
                if !answer_ok(&q.answer, value) {
                    say(
                        value,
                        format!(
                            "preset {:?}: {value:?} is not a valid answer to {key:?}",
                            p.id
                        ),
                    );
                }
            }
        }
    }

    /// A plan's layers are candidates with recovery bands, its bands parse, its proofs name
    /// layers and entries that exist, and the wizard asks what the plan reads.
    fn check_plan(
        &self,
        w: &Wizard,
        plan: &PlanSpec,
        cands: &BTreeSet<&str>,
        say: &mut impl FnMut(&str, String),
    ) {
        for layer in std::iter::once(&plan.az_layer).chain(&plan.region_layers) {
            if !cands.contains(layer.as_str()) {
                say(layer, format!("plan layer {layer:?} is not a candidate"));
            }
        }
        for band in [&plan.restore.rto, &plan.restore.rpo] {
            for d in [&band.min, &band.max] {
                if let Err(e) = parse_duration_secs(d) {
                    say(d, format!("plan restore band: {e}"));
                }
            }
        }
        for proof in &plan.proofs {
            let known = proof.layer == "backups"
                || proof.layer == plan.az_layer
                || plan.region_layers.contains(&proof.layer);
            if !known {
                say(
                    &proof.layer,
                    format!(
                        "proof layer {:?} is neither `backups` nor a plan layer",
                        proof.layer
                    ),
                );
            }
            for step in &proof.steps {
                for id in &step.entries {
                    if !self.ids.contains_key(id.as_str()) {
                        say(id, format!("proof step names unknown entry {id:?}"));
                    }
                }
            }
        }
        for key in PLAN_KEYS {
            if !w.questions.iter().any(|q| q.key == *key) {
                say(
                    key,
                    format!("a wizard with a plan needs a question {key:?}"),
                );
            }
        }
        self.check_price_choices(w, "instance-price", say);
        self.check_price_choices(w, "database", say);
    }

    /// Every option of a price question (except `none`) is a key of the price table.
    fn check_price_choices(&self, w: &Wizard, key: &str, say: &mut impl FnMut(&str, String)) {
        let Some(q) = w.questions.iter().find(|q| q.key == key) else {
            return;
        };
        if let AnswerKind::Choice(options) = &q.answer {
            for o in options {
                if o.id != "none" && !self.price_keys.contains(o.id.as_str()) {
                    say(
                        &o.id,
                        format!("{key:?} option {:?} is not a price key", o.id),
                    );
                }
            }
        } else {
            say(key, format!("{key:?} must be a choice of price keys"));
        }
    }

    fn check_cond(&self, w: &Wizard, cond: &Cond, say: &mut impl FnMut(&str, String)) {
        let question = |key: &str| w.questions.iter().find(|q| q.key == key);
        match cond {
            Cond::Is(key, _) | Cond::In(key, _) if question(key).is_none() => {
                say(key, format!("condition names unknown question {key:?}"));
            }
            Cond::Is(key, value) => self.check_option(question(key), value, say),
            Cond::In(key, values) => {
                for v in values {
                    self.check_option(question(key), v, say);
                }
            }
            Cond::Under(key, limit) | Cond::AtLeast(key, limit) => {
                match question(key) {
                    Some(q) if q.answer == AnswerKind::Duration => {}
                    _ => say(key, format!("{key:?} is not a duration question")),
                }
                if let Err(e) = parse_duration_secs(limit) {
                    say(limit, e.to_string());
                }
            }
            Cond::All(list) | Cond::Any(list) => {
                for c in list {
                    self.check_cond(w, c, say);
                }
            }
            Cond::Not(inner) => self.check_cond(w, inner, say),
        }
    }

    fn check_option(
        &self,
        q: Option<&super::super::schema::Question>,
        value: &str,
        say: &mut impl FnMut(&str, String),
    ) {
        let Some(q) = q else { return };
        let ok = match &q.answer {
            AnswerKind::Choice(options) => options.iter().any(|o| o.id == value),
            AnswerKind::YesNo => value == "yes" || value == "no",
            AnswerKind::Duration | AnswerKind::Count(_) => false,
        };
        if !ok {
            say(value, format!("{value:?} is not an answer to {:?}", q.key));
        }
    }

    fn check_target(
        &self,
        w: &Wizard,
        target: &Target,
        cands: &BTreeSet<&str>,
        say: &mut impl FnMut(&str, String),
    ) {
        let attr = |key: &str| self.attributes.get(key).copied();
        match target {
            Target::Ids(ids) => {
                for id in ids {
                    if !cands.contains(id.as_str()) {
                        say(id, format!("target {id:?} is not a candidate"));
                    }
                }
            }
            Target::Level(key, levels) => match attr(key).map(|d| &d.scale) {
                Some(Scale::Levels { levels: known, .. }) => {
                    for l in levels {
                        if !known.iter().any(|k| &k.id == l) {
                            say(l, format!("level {l:?} is not a level of {key:?}"));
                        }
                    }
                }
                _ => say(key, format!("{key:?} is not a levels attribute")),
            },
            Target::Flag(key, _) => {
                if !matches!(attr(key).map(|d| &d.scale), Some(Scale::Flag { .. })) {
                    say(key, format!("{key:?} is not a flag attribute"));
                }
            }
            Target::Unsupported(key) => {
                if !matches!(attr(key).map(|d| &d.scale), Some(Scale::Support)) {
                    say(key, format!("{key:?} is not a support attribute"));
                }
            }
            Target::SlowerThan(question, key) | Target::AtFastEdge(question, key) => {
                if !w
                    .questions
                    .iter()
                    .any(|q| &q.key == question && q.answer == AnswerKind::Duration)
                {
                    say(question, format!("{question:?} is not a duration question"));
                }
                if !matches!(attr(key).map(|d| &d.scale), Some(Scale::Duration)) {
                    say(key, format!("{key:?} is not a duration attribute"));
                }
            }
        }
    }

    /// Checks one `{...}` placeholder of a wizard text.
    fn check_placeholder(&self, w: &Wizard, token: &str) -> Result<(), String> {
        if token == "title" {
            return Ok(());
        }
        if let Some(key) = token.strip_prefix("answer:") {
            return if w.questions.iter().any(|q| q.key == key) {
                Ok(())
            } else {
                Err(format!(
                    "placeholder {{{token}}} names unknown question {key:?}"
                ))
            };
        }
        let Some(attr) = token.strip_prefix("attr:") else {
            return Err(format!(
                "placeholder {{{token}}} is not one of {{title}}, {{answer:KEY}}, {{attr:KEY}}, \
                 {{attr:KEY.min}}, {{attr:KEY.max}}"
            ));
        };
        let (key, part) = match attr.split_once('.') {
            Some((k, p)) => (k, Some(p)),
            None => (attr, None),
        };
        let Some(def) = self.attributes.get(key) else {
            return Err(format!(
                "placeholder {{{token}}} names unknown attribute {key:?}"
            ));
        };
        match (part, &def.scale) {
            (None, _) | (Some("min" | "max"), Scale::Duration) => Ok(()),
            _ => Err(format!(
                "placeholder {{{token}}}: only duration attributes have .min and .max"
            )),
        }
    }
}

/// Whether a raw answer is valid for a question of this kind.
fn answer_ok(kind: &AnswerKind, value: &str) -> bool {
    match kind {
        AnswerKind::Choice(options) => options.iter().any(|o| o.id == value),
        AnswerKind::YesNo => value == "yes" || value == "no",
        AnswerKind::Duration => parse_duration_secs(value).is_ok(),
        AnswerKind::Count(max) => value.parse::<u64>().is_ok_and(|n| n <= *max),
    }
}

/// The questions a disaster-recovery plan reads (besides the wizard's own rto, rpo, scope).
pub const PLAN_KEYS: &[&str] = &[
    "rto",
    "rpo",
    "scope",
    "az-rto",
    "az-rpo",
    "corruption-rto",
    "corruption-rpo",
    "instances",
    "instance-price",
    "database",
    "db-gb",
    "data-gb",
    "change-gb",
    "standby-percent",
    "current-az",
    "current-dr",
];

/// The questions a deployment cost reads.
pub const DEPLOY_COST_KEYS: &[&str] = &[
    "instances",
    "instance-price",
    "step-minutes",
    "deploys-per-month",
];

/// Every text of a wizard that may hold placeholders.
fn wizard_texts(w: &Wizard) -> impl Iterator<Item = &str> {
    let mechanism = w
        .mechanism
        .iter()
        .chain(w.candidates.iter().flat_map(|c| &c.mechanism))
        .map(|t| t.text.as_str());
    let rules = w
        .rules
        .iter()
        .flat_map(|r| [r.why_not.as_str(), r.reason.as_str(), r.unlock.as_str()]);
    let notes = w.notes.iter().map(|n| n.text.as_str());
    mechanism.chain(rules).chain(notes)
}

/// The `{...}` tokens of a text.
pub(super) fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            out.push(&rest[start + 1..]);
            break;
        };
        out.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}
