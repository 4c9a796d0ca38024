//! Checks on the knowledge base that serde cannot make: unique ids, links that resolve,
//! sourced limits, well-formed dates, typed strategy attributes.
//!
//! Shared with `build.rs` (included by path). `build.rs` runs it over `data/` and fails the
//! build on any issue; the app runs it over knowledge packs merged with the built-in data.

use std::collections::{BTreeMap, BTreeSet};

use super::duration::parse_duration_secs;
use super::parse::{Located, locate};
use super::schema::{
    AnswerKind, AttrValue, AttributeDef, Cond, DataFile, Entry, Kind, Scale, Source, Target,
    Verdict, Wizard,
};

/// One file to validate: its name, its text when available (for positions), and its data.
pub struct Input<'a> {
    /// The name used in messages, e.g. `data/cloudformation.ron`.
    pub file: &'a str,
    /// The RON text, so issues can point at a line and column; `None` for embedded data.
    pub text: Option<&'a str>,
    /// The parsed content.
    pub data: &'a DataFile,
}

/// Validates the files together (ids and links are resolved across all of them, in order).
/// Returns every issue found, in file order; an empty list means valid.
pub fn validate(inputs: &[Input<'_>]) -> Vec<Located> {
    let mut v = Validator::default();
    for input in inputs {
        v.collect(input);
    }
    for input in inputs {
        v.check(input);
    }
    v.issues
}

#[derive(Default)]
struct Validator<'a> {
    /// Entry id → (file, kind) where it was first defined.
    ids: BTreeMap<&'a str, (&'a str, Kind)>,
    attributes: BTreeMap<&'a str, &'a AttributeDef>,
    issues: Vec<Located>,
}

impl<'a> Validator<'a> {
    fn collect(&mut self, input: &Input<'a>) {
        for entry in &input.data.entries {
            if let Some((first_file, _)) = self.ids.get(entry.id.as_str()) {
                let first_file = *first_file;
                self.report(
                    input,
                    Some(&entry.id),
                    None,
                    format!(
                        "id {:?} is already defined in {first_file}; ids must be unique \
                         (rename this entry or remove one of them)",
                        entry.id
                    ),
                );
            } else {
                self.ids.insert(&entry.id, (input.file, entry.kind));
            }
        }
        for attr in &input.data.attributes {
            if self.attributes.contains_key(attr.key.as_str()) {
                self.report(
                    input,
                    None,
                    Some(&attr.key),
                    format!("attribute {:?} is defined twice", attr.key),
                );
            } else {
                self.attributes.insert(&attr.key, attr);
            }
        }
    }

    fn report(
        &mut self,
        input: &Input<'_>,
        entry: Option<&str>,
        literal: Option<&str>,
        msg: String,
    ) {
        let (line, column) = match input.text {
            Some(text) => locate(text, entry, literal),
            None => (0, 0),
        };
        self.issues.push(Located {
            file: input.file.to_owned(),
            line,
            column,
            message: msg,
        });
    }

    fn check(&mut self, input: &Input<'a>) {
        for attr in &input.data.attributes {
            self.check_attribute_def(input, attr);
        }
        for entry in &input.data.entries {
            self.check_entry(input, entry);
        }
        for wizard in &input.data.wizards {
            self.check_wizard(input, wizard);
        }
    }

    fn check_wizard(&mut self, input: &Input<'_>, w: &Wizard) {
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut say = |lit: &str, msg: String| problems.push((lit.to_owned(), msg));
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
            if let Some(default) = &q.default {
                let ok = match &q.answer {
                    AnswerKind::Choice(options) => options.iter().any(|o| &o.id == default),
                    AnswerKind::YesNo => default == "yes" || default == "no",
                    AnswerKind::Duration => parse_duration_secs(default).is_ok(),
                };
                if !ok {
                    say(
                        default,
                        format!("default {default:?} is not a valid answer to {:?}", q.key),
                    );
                }
            }
        }
        let mut cands = BTreeSet::new();
        for c in &w.candidates {
            cands.insert(c.id.as_str());
            if !self.ids.contains_key(c.id.as_str()) {
                say(&c.id, format!("candidate {:?} does not exist", c.id));
            }
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
        q: Option<&super::schema::Question>,
        value: &str,
        say: &mut impl FnMut(&str, String),
    ) {
        let Some(q) = q else { return };
        let ok = match &q.answer {
            AnswerKind::Choice(options) => options.iter().any(|o| o.id == value),
            AnswerKind::YesNo => value == "yes" || value == "no",
            AnswerKind::Duration => false,
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

    fn check_attribute_def(&mut self, input: &Input<'_>, attr: &AttributeDef) {
        if !is_kebab(&attr.key) {
            self.report(
                input,
                None,
                Some(&attr.key),
                kebab_msg("attribute key", &attr.key),
            );
        }
        if attr.families.is_empty() {
            self.report(
                input,
                None,
                Some(&attr.key),
                format!("attribute {:?} names no strategy family", attr.key),
            );
        }
        if let Scale::Levels { levels, .. } = &attr.scale {
            if levels.is_empty() {
                self.report(
                    input,
                    None,
                    Some(&attr.key),
                    format!("attribute {:?} has no levels", attr.key),
                );
            }
            let mut seen = BTreeSet::new();
            for level in levels {
                if !seen.insert(level.id.as_str()) {
                    self.report(
                        input,
                        None,
                        Some(&level.id),
                        format!("level {:?} appears twice in {:?}", level.id, attr.key),
                    );
                }
            }
        }
    }

    fn check_entry(&mut self, input: &Input<'_>, e: &Entry) {
        let id = e.id.as_str();
        let err =
            |v: &mut Self, lit: Option<&str>, msg: String| v.report(input, Some(id), lit, msg);

        if !is_kebab(id) {
            err(self, Some(id), kebab_msg("id", id));
        }
        for (field, text) in [("title", &e.title), ("summary", &e.summary)] {
            if text.trim().is_empty() {
                err(self, None, format!("entry {id:?} has an empty {field}"));
            }
        }
        for (field, list) in [
            ("aliases", &e.aliases),
            ("tags", &e.tags),
            ("points", &e.points),
            ("tips", &e.tips),
        ] {
            if list.iter().any(|s| s.trim().is_empty()) {
                err(
                    self,
                    None,
                    format!("entry {id:?} has an empty string in {field}"),
                );
            }
        }
        let mut seen = BTreeSet::new();
        for rel in &e.related {
            if rel == id {
                err(
                    self,
                    Some(rel),
                    format!("entry {id:?} lists itself as related"),
                );
            } else if !self.ids.contains_key(rel.as_str()) {
                err(
                    self,
                    Some(rel),
                    format!("related id {rel:?} does not exist"),
                );
            } else if !seen.insert(rel.as_str()) {
                err(
                    self,
                    Some(rel),
                    format!("related id {rel:?} is listed twice"),
                );
            }
        }
        for source in &e.sources {
            self.check_source(input, id, source, false);
        }
        if let Some(status) = &e.status {
            if let Some(date) = &status.date
                && let Err(why) = check_date(date)
            {
                err(self, Some(date), format!("status date {date:?} {why}"));
            }
            if status.note.trim().is_empty() {
                err(
                    self,
                    None,
                    format!("entry {id:?} has a status with an empty note"),
                );
            }
            for rep in &status.replaced_by {
                if !self.ids.contains_key(rep.as_str()) {
                    err(
                        self,
                        Some(rep),
                        format!("replaced_by id {rep:?} does not exist"),
                    );
                }
            }
            if let Some(source) = &status.source {
                self.check_source(input, id, source, false);
            }
        }
        match (&e.limit, e.kind) {
            (Some(limit), Kind::Limit) => {
                match self.ids.get(limit.service.as_str()) {
                    None => err(
                        self,
                        Some(&limit.service),
                        format!("limit service {:?} does not exist", limit.service),
                    ),
                    Some((_, Kind::Limit)) => err(
                        self,
                        Some(&limit.service),
                        format!("limit service {:?} is itself a limit", limit.service),
                    ),
                    Some(_) => {}
                }
                if limit.value.trim().is_empty() {
                    err(self, None, format!("limit {id:?} has an empty value"));
                }
                match (limit.verdict, &limit.notes_value) {
                    (Verdict::Changed, None) => err(
                        self,
                        None,
                        format!("limit {id:?} is marked changed but has no notes_value"),
                    ),
                    (Verdict::Changed, Some(old)) if old.trim() == limit.value.trim() => err(
                        self,
                        Some(old),
                        format!("limit {id:?} is marked changed but notes_value equals value"),
                    ),
                    (Verdict::Same | Verdict::New | Verdict::Unverified, Some(old)) => err(
                        self,
                        Some(old),
                        format!(
                            "limit {id:?} has a notes_value but is marked {}; use `changed` or drop it",
                            limit.verdict.as_str()
                        ),
                    ),
                    _ => {}
                }
                self.check_source(input, id, &limit.source, true);
            }
            (None, Kind::Limit) => err(
                self,
                None,
                format!("entry {id:?} is a limit but has no `limit: (...)` facts"),
            ),
            (Some(_), kind) => err(
                self,
                None,
                format!("entry {id:?} has limit facts but is a {}", kind.as_str()),
            ),
            (None, _) => {}
        }
        if e.kind == Kind::Strategy {
            match &e.family {
                None => err(self, None, format!("strategy {id:?} has no family")),
                Some(family) => self.check_attrs(input, e, family),
            }
        } else if !e.attrs.is_empty() || e.family.is_some() {
            err(
                self,
                None,
                format!(
                    "entry {id:?} has strategy attributes but is a {}",
                    e.kind.as_str()
                ),
            );
        }
    }

    fn check_source(
        &mut self,
        input: &Input<'_>,
        id: &str,
        source: &Source,
        must_be_checked: bool,
    ) {
        if !source.url.starts_with("https://") || source.url.contains(char::is_whitespace) {
            self.report(
                input,
                Some(id),
                Some(&source.url),
                format!("source URL {:?} must be an https:// address", source.url),
            );
        }
        match &source.checked {
            Some(date) => {
                if let Err(why) = check_date(date) {
                    self.report(
                        input,
                        Some(id),
                        Some(date),
                        format!("checked date {date:?} {why}"),
                    );
                }
            }
            None if must_be_checked => self.report(
                input,
                Some(id),
                Some(&source.url),
                format!(
                    "limit {id:?} has a source without a checked date (add `checked: \"YYYY-MM\"`)"
                ),
            ),
            None => {}
        }
    }

    fn check_attrs(&mut self, input: &Input<'_>, e: &Entry, family: &str) {
        for (key, value) in &e.attrs {
            let Some(def) = self.attributes.get(key.as_str()).copied() else {
                self.report(
                    input,
                    Some(&e.id),
                    Some(key),
                    format!("attribute {key:?} is not defined (see data/attributes.ron)"),
                );
                continue;
            };
            if !def.families.iter().any(|f| f == family) {
                self.report(
                    input,
                    Some(&e.id),
                    Some(key),
                    format!("attribute {key:?} does not apply to the {family:?} family"),
                );
            }
            if let Err(msg) = check_value(def, value) {
                self.report(
                    input,
                    Some(&e.id),
                    Some(key),
                    format!("attribute {key:?}: {msg}"),
                );
            }
        }
    }
}

/// Checks that a value has the attribute's type (and, for levels, a known level id).
fn check_value(def: &AttributeDef, value: &AttrValue) -> Result<(), String> {
    match (&def.scale, value) {
        (Scale::Levels { levels, .. }, AttrValue::Level(id)) => {
            if levels.iter().any(|l| &l.id == id) {
                Ok(())
            } else {
                let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
                Err(format!("level {id:?} is not one of {}", known.join(", ")))
            }
        }
        (Scale::Flag { .. }, AttrValue::Flag(_)) => Ok(()),
        (Scale::Duration, AttrValue::Duration { min, max }) => {
            let lo = parse_duration_secs(min).map_err(|e| e.to_string())?;
            let hi = parse_duration_secs(max).map_err(|e| e.to_string())?;
            if lo > hi {
                Err(format!("min {min:?} is longer than max {max:?}"))
            } else {
                Ok(())
            }
        }
        (Scale::Support, AttrValue::Supported(how) | AttrValue::Unsupported(how)) => {
            if how.trim().is_empty() {
                Err("say how it is supported, or why not".to_owned())
            } else {
                Ok(())
            }
        }
        (Scale::Text, AttrValue::Text(text)) => {
            if text.trim().is_empty() {
                Err("empty text".to_owned())
            } else {
                Ok(())
            }
        }
        (scale, _) => Err(format!(
            "expected a value of the form {}",
            scale_form(scale)
        )),
    }
}

fn scale_form(scale: &Scale) -> &'static str {
    match scale {
        Scale::Levels { .. } => "Level(\"id\")",
        Scale::Flag { .. } => "Flag(true)",
        Scale::Duration => "Duration(min: \"15m\", max: \"1h\")",
        Scale::Support => "Supported(\"how\") or Unsupported(\"why\")",
        Scale::Text => "Text(\"...\")",
    }
}

fn kebab_msg(what: &str, value: &str) -> String {
    format!(
        "{what} {value:?} is not kebab-case (lowercase letters and digits joined by single hyphens)"
    )
}

/// Whether `s` is kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks a `YYYY-MM` or `YYYY-MM-DD` date; the error says what is wrong.
pub fn check_date(date: &str) -> Result<(), &'static str> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m] => (number(y, 4), number(m, 2), Some(1)),
        [y, m, d] => (number(y, 4), number(m, 2), number(d, 2)),
        _ => return Err("is not a date of the form YYYY-MM or YYYY-MM-DD"),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err("is not a date of the form YYYY-MM or YYYY-MM-DD");
    };
    if !(2000..=2100).contains(&year) {
        return Err("has a year outside 2000–2100");
    }
    if !(1..=12).contains(&month) {
        return Err("has a month outside 01–12");
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day < 1 || day > days {
        return Err("has a day that does not exist in that month");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse_data_file;
    use super::*;

    fn issues(files: &[(&str, &str)]) -> Vec<String> {
        let parsed: Vec<(&str, &str, DataFile)> = files
            .iter()
            .map(|(name, text)| (*name, *text, parse_data_file(name, text).expect("parses")))
            .collect();
        let inputs: Vec<Input<'_>> = parsed
            .iter()
            .map(|(file, text, data)| Input {
                file,
                text: Some(text),
                data,
            })
            .collect();
        validate(&inputs).iter().map(ToString::to_string).collect()
    }

    const SVC: &str = r#"(entries: [
    (id: "svc", kind: service, title: "Svc", summary: "A service."),
])"#;

    #[test]
    fn valid_data_has_no_issues() {
        assert!(issues(&[("a.ron", SVC)]).is_empty());
    }

    #[test]
    fn dangling_related_id_points_at_the_literal() {
        let text = "(entries: [\n    (id: \"a\", kind: concept, title: \"A\", summary: \"s\",\n        related: [\"codedeploy-hooks\"]),\n])";
        assert_eq!(
            issues(&[("data/x.ron", text)]),
            ["data/x.ron:3:19: related id \"codedeploy-hooks\" does not exist"]
        );
    }

    #[test]
    fn duplicate_ids_across_files_name_the_first_file() {
        let found = issues(&[("a.ron", SVC), ("b.ron", SVC)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("b.ron:2:6: id \"svc\" is already defined in a.ron"),
            "{found:?}"
        );
    }

    #[test]
    fn limits_need_sources_dates_and_consistent_verdicts() {
        let text = r#"(entries: [
    (id: "svc", kind: service, title: "Svc", summary: "A service."),
    (id: "l1", kind: limit, title: "L1", summary: "s",
        limit: (service: "svc", value: "5", adjustable: yes, verdict: changed,
            source: (url: "https://example.com/q"))),
    (id: "l2", kind: limit, title: "L2", summary: "s",
        limit: (service: "nope", value: "5", notes_value: "4", adjustable: no, verdict: same,
            source: (url: "http://example.com", checked: "2026-13"))),
    (id: "l3", kind: limit, title: "L3", summary: "s"),
])"#;
        let found = issues(&[("l.ron", text)]);
        let expect = [
            "l.ron:3:6: limit \"l1\" is marked changed but has no notes_value",
            "l.ron:5:27: limit \"l1\" has a source without a checked date (add `checked: \"YYYY-MM\"`)",
            "l.ron:7:26: limit service \"nope\" does not exist",
            "l.ron:7:59: limit \"l2\" has a notes_value but is marked same; use `changed` or drop it",
            "l.ron:8:27: source URL \"http://example.com\" must be an https:// address",
            "l.ron:8:58: checked date \"2026-13\" has a month outside 01–12",
            "l.ron:9:6: entry \"l3\" is a limit but has no `limit: (...)` facts",
        ];
        assert_eq!(found, expect);
    }

    #[test]
    fn empty_text_and_bad_ids_are_caught() {
        let text =
            r#"(entries: [(id: "Bad_Id", kind: concept, title: " ", summary: "", aliases: [""])])"#;
        let found = issues(&[("e.ron", text)]).join("\n");
        assert!(found.contains("id \"Bad_Id\" is not kebab-case"), "{found}");
        assert!(found.contains("empty title"), "{found}");
        assert!(found.contains("empty summary"), "{found}");
        assert!(found.contains("empty string in aliases"), "{found}");
    }

    #[test]
    fn strategy_attributes_are_typed() {
        let text = r#"(
    attributes: [
        (key: "speed", label: "Speed", families: ["deployment"],
            scale: Levels(levels: [(id: "fast", label: "Fast")], ranked: true)),
        (key: "rto", label: "RTO", families: ["dr"], scale: Duration),
    ],
    entries: [
        (id: "s", kind: strategy, family: "deployment", title: "S", summary: "s",
            attrs: {"speed": Level("slow"), "rto": Duration(min: "1h", max: "5 minutes"), "zzz": Flag(true)}),
        (id: "c", kind: concept, title: "C", summary: "s", attrs: {"speed": Level("fast")}),
    ],
)"#;
        let found = issues(&[("s.ron", text)]).join("\n");
        assert!(
            found.contains("attribute \"rto\" does not apply to the \"deployment\" family"),
            "{found}"
        );
        assert!(found.contains("invalid duration \"5 minutes\""), "{found}");
        assert!(
            found.contains("level \"slow\" is not one of fast"),
            "{found}"
        );
        assert!(
            found.contains("attribute \"zzz\" is not defined"),
            "{found}"
        );
        assert!(
            found.contains("entry \"c\" has strategy attributes but is a concept"),
            "{found}"
        );
    }

    #[test]
    fn dates() {
        for ok in ["2024-05", "2024-05-26", "2024-02-29"] {
            assert_eq!(check_date(ok), Ok(()), "{ok}");
        }
        for bad in [
            "2024",
            "2024-5",
            "2023-02-29",
            "1999-01",
            "2024-04-31",
            "24-05-01",
            "2024-05-xx",
        ] {
            assert!(check_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kebab() {
        assert!(is_kebab("a-b-1"));
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "é"] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }
}
