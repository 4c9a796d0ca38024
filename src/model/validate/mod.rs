//! Checks on the knowledge base that serde cannot make: unique ids, links that resolve,
//! sourced limits, well-formed dates, typed strategy attributes, an exam guide whose task
//! statements every entry names, practice questions with a right answer, priced items.
//!
//! Shared with `build.rs` (included by path). `build.rs` runs it over `data/` and fails the
//! build on any issue; the app runs it over knowledge packs merged with the built-in data.

use std::collections::{BTreeMap, BTreeSet};

use super::duration::parse_duration_secs;
use super::parse::{Located, locate};
use super::schema::{
    AttrValue, AttributeDef, DataFile, Entry, ExamGuide, Kind, Scale, Source, Verdict,
};

mod exam;
mod values;
mod wizards;
pub use values::{check_date, is_kebab};
use values::{check_value, kebab_msg};

/// The fewest entries a task statement of the exam guide must have in the built-in data.
pub const MIN_ENTRIES_PER_TASK: usize = 10;

/// One file to validate: its name, its text when available (for positions), and its data.
pub struct Input<'a> {
    /// The name used in messages, e.g. `data/cloudformation.ron`.
    pub file: &'a str,
    /// The RON text, so issues can point at a line and column; `None` for embedded data.
    pub text: Option<&'a str>,
    /// The parsed content.
    pub data: &'a DataFile,
    /// Built-in data, held to the stricter rules: every entry and wizard names task
    /// statements (or is marked out of scope), and every task statement has enough entries.
    /// Knowledge packs are not.
    pub strict: bool,
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
    v.check_task_coverage(inputs);
    v.issues
}

/// Parses and validates data files given as (name, text) pairs and merges them, in order.
/// This is what `build.rs` does with `data/` and what the data checker script runs; every
/// problem of every file is returned, each with its place.
pub fn check_texts(files: &[(String, String)], strict: bool) -> Result<DataFile, Vec<Located>> {
    let mut parsed = Vec::new();
    let mut issues = Vec::new();
    for (name, text) in files {
        match super::parse::parse_data_file(name, text) {
            Ok(data) => parsed.push((name.as_str(), text.as_str(), data)),
            Err(err) => issues.push(err),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let inputs: Vec<Input<'_>> = parsed
        .iter()
        .map(|(file, text, data)| Input {
            file,
            text: Some(text),
            data,
            strict,
        })
        .collect();
    let issues = validate(&inputs);
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut all = DataFile::default();
    for (_, _, data) in parsed {
        all.merge(data);
    }
    Ok(all)
}

#[derive(Default)]
struct Validator<'a> {
    /// Entry id → (file, kind) where it was first defined.
    ids: BTreeMap<&'a str, (&'a str, Kind)>,
    /// Strategy entry id → its family.
    families_of: BTreeMap<&'a str, &'a str>,
    attributes: BTreeMap<&'a str, &'a AttributeDef>,
    /// The exam guide and the file it came from.
    guide: Option<(&'a str, &'a ExamGuide)>,
    /// Task statement ids of the guide.
    tasks: BTreeSet<&'a str>,
    wizard_ids: BTreeSet<&'a str>,
    family_keys: BTreeSet<&'a str>,
    question_ids: BTreeSet<&'a str>,
    price_keys: BTreeSet<&'a str>,
    /// Vocabulary phrases seen so far (folded), with where.
    said: BTreeMap<String, String>,
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
                if let Some(family) = &entry.family {
                    self.families_of.insert(&entry.id, family);
                }
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
        for wizard in &input.data.wizards {
            if !self.wizard_ids.insert(&wizard.id) {
                self.report(
                    input,
                    Some(&wizard.id),
                    None,
                    format!("wizard id {:?} is defined twice", wizard.id),
                );
            }
        }
        for family in &input.data.families {
            if !self.family_keys.insert(&family.key) {
                self.report(
                    input,
                    None,
                    Some(&family.key),
                    format!("strategy family {:?} is defined twice", family.key),
                );
            }
        }
        if let Some(guide) = &input.data.guide {
            match self.guide {
                Some((first, _)) => {
                    let first = first.to_owned();
                    self.report(
                        input,
                        None,
                        Some(&guide.exam),
                        format!("the exam guide is already defined in {first}; keep one"),
                    );
                }
                None => {
                    self.guide = Some((input.file, guide));
                    for domain in &guide.domains {
                        self.tasks
                            .extend(domain.tasks.iter().map(|t| t.id.as_str()));
                    }
                }
            }
        }
        self.collect_exam(input);
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
        self.check_exam(input);
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
        self.check_tasks(input, Some(id), &e.tasks, "entry");
        match (e.tasks.is_empty(), e.out_of_scope) {
            (true, false) if input.strict => err(
                self,
                None,
                format!(
                    "entry {id:?} names no exam task statement; add `tasks: [\"1.1\"]` \
                     (see data/guide.ron) or `out_of_scope: true`"
                ),
            ),
            (false, true) => err(
                self,
                None,
                format!("entry {id:?} names task statements but is marked out_of_scope"),
            ),
            _ => {}
        }
        if e.asks.iter().any(|s| s.trim().is_empty()) {
            err(
                self,
                None,
                format!("entry {id:?} has an empty string in asks"),
            );
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
                if let Some(date) = &limit.changed
                    && let Err(why) = check_date(date)
                {
                    err(self, Some(date), format!("changed date {date:?} {why}"));
                }
                if limit.previous.is_some() && limit.changed.is_none() {
                    err(
                        self,
                        None,
                        format!("limit {id:?} has a previous value but no `changed` date"),
                    );
                }
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
        } else if !e.attrs.is_empty() || e.family.is_some() || e.rollout.is_some() {
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
        if let Some(why) = &source.unverified {
            if source.checked.is_some() {
                self.report(
                    input,
                    Some(id),
                    Some(&source.url),
                    "a source is either checked (with a date) or unverified (with a reason), not both"
                        .to_owned(),
                );
            } else if why.trim().is_empty() {
                self.report(
                    input,
                    Some(id),
                    Some(&source.url),
                    "say why the source could not be checked (unverified: \"…\")".to_owned(),
                );
            }
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
            None if must_be_checked && source.unverified.is_none() => self.report(
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

    /// Checks a list of task statement ids against the exam guide.
    fn check_tasks(
        &mut self,
        input: &Input<'_>,
        owner: Option<&str>,
        tasks: &[String],
        what: &str,
    ) {
        let mut seen = BTreeSet::new();
        for task in tasks {
            if !self.tasks.contains(task.as_str()) {
                let known = if self.tasks.is_empty() {
                    "no exam guide is loaded".to_owned()
                } else {
                    format!(
                        "task statements are {}",
                        self.tasks.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                };
                self.report(
                    input,
                    owner,
                    Some(task),
                    format!("{what} names task statement {task:?}, which does not exist ({known})"),
                );
            } else if !seen.insert(task.as_str()) {
                self.report(
                    input,
                    owner,
                    Some(task),
                    format!("{what} names task statement {task:?} twice"),
                );
            }
        }
    }

    fn check_attrs(&mut self, input: &Input<'_>, e: &Entry, family: &str) {
        if !self.family_keys.is_empty() && !self.family_keys.contains(family) {
            let known: Vec<&str> = self.family_keys.iter().copied().collect();
            self.report(
                input,
                Some(&e.id),
                Some(family),
                format!(
                    "strategy family {family:?} is not defined; families are {}",
                    known.join(", ")
                ),
            );
        }
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

#[cfg(test)]
mod tests;
