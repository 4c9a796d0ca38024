//! Checks on the exam guide, authored questions, the vocabulary, prices and strategy families.

use std::collections::{BTreeMap, BTreeSet};

use super::super::schema::{AuthoredQuestion, ExamGuide, Intent, Price};
use super::{Input, MIN_ENTRIES_PER_TASK, Validator, check_date, is_kebab, kebab_msg};

/// The words a multiple-response stem uses for how many to choose.
const CHOOSE_WORDS: [&str; 4] = ["two", "three", "four", "five"];

impl<'a> Validator<'a> {
    /// Collects ids that later checks resolve against.
    pub(super) fn collect_exam(&mut self, input: &Input<'a>) {
        for q in &input.data.questions {
            if !self.question_ids.insert(&q.id) {
                self.report(
                    input,
                    Some(&q.id),
                    None,
                    format!("question id {:?} is defined twice", q.id),
                );
            }
        }
        for p in &input.data.prices {
            if !self.price_keys.insert(&p.key) {
                self.report(
                    input,
                    None,
                    Some(&p.key),
                    format!("price {:?} is defined twice", p.key),
                );
            }
        }
    }

    /// Checks everything of one file that is not an entry, attribute or wizard.
    pub(super) fn check_exam(&mut self, input: &Input<'_>) {
        if let Some(guide) = &input.data.guide {
            self.check_guide(input, guide);
        }
        for q in &input.data.questions {
            self.check_question(input, q);
        }
        for term in &input.data.vocabulary {
            let first = term.says.first().map_or("", String::as_str);
            let mut problems = Vec::new();
            if term.says.is_empty() || term.says.iter().any(|s| s.trim().is_empty()) {
                problems
                    .push("a vocabulary term needs `says` words, none of them empty".to_owned());
            }
            if term.means.is_empty() && term.entries.is_empty() && term.intent.is_none() {
                problems.push(format!(
                    "vocabulary term {first:?} says nothing about what it means (give `means`, `entries` or `intent`)"
                ));
            }
            if term.means.iter().any(|s| s.trim().is_empty()) {
                problems.push(format!(
                    "vocabulary term {first:?} has an empty `means` word"
                ));
            }
            for say in &term.says {
                let key = say.trim().to_lowercase();
                if let Some(other) = self.said.get(&key) {
                    problems.push(format!(
                        "{say:?} is already in the vocabulary term of {other}; merge them so it means one thing"
                    ));
                } else {
                    self.said
                        .insert(key, format!("{first:?} in {}", input.file));
                }
            }
            for id in &term.entries {
                if !self.ids.contains_key(id.as_str()) {
                    problems.push(format!(
                        "vocabulary term {first:?} points at entry {id:?}, which does not exist"
                    ));
                }
            }
            if let Some(Intent::Wizard(w)) = &term.intent
                && !self.wizard_ids.contains(w.as_str())
            {
                problems.push(format!(
                    "vocabulary term {first:?} offers wizard {w:?}, which does not exist"
                ));
            }
            for msg in problems {
                self.report(input, None, Some(first), msg);
            }
        }
        for price in &input.data.prices {
            self.check_price(input, price);
        }
        for family in &input.data.families {
            let mut problems = Vec::new();
            if !is_kebab(&family.key) {
                problems.push(kebab_msg("family key", &family.key));
            }
            if family.label.trim().is_empty() {
                problems.push(format!("family {:?} has an empty label", family.key));
            }
            if let Some(w) = &family.wizard
                && !self.wizard_ids.contains(w.as_str())
            {
                problems.push(format!(
                    "family {:?} names wizard {w:?}, which does not exist",
                    family.key
                ));
            }
            for preset in &family.presets {
                if preset.ids.len() < 2 {
                    problems.push(format!(
                        "preset {:?} compares fewer than two strategies",
                        preset.label
                    ));
                }
                for id in &preset.ids {
                    match self.families_of.get(id.as_str()) {
                        Some(f) if *f == family.key => {}
                        Some(f) => problems.push(format!(
                            "preset {:?} names {id:?}, a {f} strategy, in the {} family",
                            preset.label, family.key
                        )),
                        None => problems.push(format!(
                            "preset {:?} names {id:?}, which is not a strategy",
                            preset.label
                        )),
                    }
                }
            }
            for msg in problems {
                self.report(input, None, Some(&family.key), msg);
            }
        }
    }

    fn check_guide(&mut self, input: &Input<'_>, guide: &ExamGuide) {
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut say = |lit: &str, msg: String| problems.push((lit.to_owned(), msg));
        let total: u32 = guide.domains.iter().map(|d| u32::from(d.weight)).sum();
        if total != 100 {
            say(
                &guide.exam,
                format!("the domain weights add up to {total} %, not 100 %"),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, domain) in guide.domains.iter().enumerate() {
            if usize::from(domain.number) != i + 1 {
                say(
                    &domain.title,
                    format!(
                        "domain {:?} is number {} but stands in place {}",
                        domain.title,
                        domain.number,
                        i + 1
                    ),
                );
            }
            if domain.tasks.is_empty() {
                say(
                    &domain.title,
                    format!("domain {:?} has no task statements", domain.title),
                );
            }
            for (j, task) in domain.tasks.iter().enumerate() {
                let expected = format!("{}.{}", domain.number, j + 1);
                if task.id != expected {
                    say(
                        &task.id,
                        format!(
                            "task statement {:?} should be numbered {expected:?}",
                            task.id
                        ),
                    );
                }
                if !seen.insert(task.id.as_str()) {
                    say(
                        &task.id,
                        format!("task statement {:?} appears twice", task.id),
                    );
                }
                if task.title.trim().is_empty() {
                    say(
                        &task.id,
                        format!("task statement {:?} has no title", task.id),
                    );
                }
            }
        }
        for item in &guide.in_scope {
            // Packs cannot bring a guide, so this only matters for the built-in data.
            if input.strict && !self.ids.contains_key(item.entry.as_str()) {
                say(
                    &item.entry,
                    format!(
                        "in-scope {:?} points at entry {:?}, which does not exist",
                        item.name, item.entry
                    ),
                );
            }
        }
        for (lit, msg) in problems {
            self.report(input, None, Some(&lit), msg);
        }
        for source in &guide.sources {
            self.check_source(input, &guide.exam, source, true);
        }
    }

    fn check_question(&mut self, input: &Input<'_>, q: &AuthoredQuestion) {
        let id = q.id.as_str();
        let mut problems: Vec<String> = Vec::new();
        if !is_kebab(id) {
            problems.push(kebab_msg("question id", id));
        }
        if q.tasks.is_empty() {
            problems.push(format!("question {id:?} names no task statement"));
        }
        if q.stem.trim().is_empty() {
            problems.push(format!("question {id:?} has an empty stem"));
        }
        let right = q.correct_count();
        let stem = q.stem.to_lowercase();
        let says_choose = CHOOSE_WORDS
            .iter()
            .position(|w| stem.contains(&format!("choose {w}")));
        match right {
            0 => problems.push(format!("question {id:?} has no right option")),
            1 => {
                if says_choose.is_some() {
                    problems.push(format!(
                        "question {id:?} asks to choose several but has one right option"
                    ));
                }
                if q.options.len() < 4 {
                    problems.push(format!(
                        "question {id:?} has {} options; a single-answer question has at least 4",
                        q.options.len()
                    ));
                }
            }
            n => {
                match says_choose {
                    Some(i) if i + 2 == n => {}
                    _ => problems.push(format!(
                        "question {id:?} has {n} right options; its stem must say \"(Choose {}.)\"",
                        CHOOSE_WORDS.get(n - 2).copied().unwrap_or("N")
                    )),
                }
                if q.options.len() < n + 3 {
                    problems.push(format!(
                        "question {id:?} has {} options for {n} right ones; give at least {}",
                        q.options.len(),
                        n + 3
                    ));
                }
            }
        }
        let mut texts = BTreeSet::new();
        for o in &q.options {
            if o.text.trim().is_empty() {
                problems.push(format!("question {id:?} has an empty option"));
            }
            if o.why.trim().is_empty() {
                problems.push(format!(
                    "question {id:?}: option {:?} needs an explanation (`why`)",
                    o.text
                ));
            }
            if !texts.insert(o.text.trim().to_lowercase()) {
                problems.push(format!("question {id:?} lists option {:?} twice", o.text));
            }
        }
        for entry in &q.entries {
            if !self.ids.contains_key(entry.as_str()) {
                problems.push(format!(
                    "question {id:?} links entry {entry:?}, which does not exist"
                ));
            }
        }
        for msg in problems {
            self.report(input, Some(id), None, msg);
        }
        self.check_tasks(input, Some(id), &q.tasks, "question");
    }

    fn check_price(&mut self, input: &Input<'_>, p: &Price) {
        let mut problems = Vec::new();
        if !is_kebab(&p.key) {
            problems.push(kebab_msg("price key", &p.key));
        }
        if !(p.usd.is_finite() && p.usd >= 0.0) {
            problems.push(format!(
                "price {:?} must be a number of dollars, 0 or more",
                p.key
            ));
        }
        if p.unit.trim().is_empty() {
            problems.push(format!("price {:?} needs a unit (hour, GB-month …)", p.key));
        }
        if p.region.trim().is_empty() {
            problems.push(format!("price {:?} needs a Region", p.key));
        }
        if p.label.trim().is_empty() {
            problems.push(format!("price {:?} needs a label", p.key));
        }
        match &p.source.checked {
            None => problems.push(format!(
                "price {:?} needs a source with a checked date (add `checked: \"YYYY-MM\"`)",
                p.key
            )),
            Some(date) => {
                if let Err(why) = check_date(date) {
                    problems.push(format!("checked date {date:?} {why}"));
                }
            }
        }
        if !p.source.url.starts_with("https://") {
            problems.push(format!(
                "source URL {:?} must be an https:// address",
                p.source.url
            ));
        }
        for msg in problems {
            self.report(input, None, Some(&p.key), msg);
        }
    }

    /// Every task statement of the guide has enough entries among the built-in data.
    pub(super) fn check_task_coverage(&mut self, inputs: &[Input<'_>]) {
        let Some((file, guide)) = self.guide else {
            return;
        };
        let strict: Vec<&Input<'_>> = inputs.iter().filter(|i| i.strict).collect();
        if strict.is_empty() {
            return;
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for input in &strict {
            for entry in &input.data.entries {
                for task in &entry.tasks {
                    *counts.entry(task.as_str()).or_default() += 1;
                }
            }
        }
        let Some(home) = inputs.iter().find(|i| i.file == file) else {
            return;
        };
        for domain in &guide.domains {
            for task in &domain.tasks {
                let n = counts.get(task.id.as_str()).copied().unwrap_or(0);
                if n < MIN_ENTRIES_PER_TASK {
                    self.report(
                        home,
                        None,
                        Some(&task.id),
                        format!(
                            "task statement {} has {n} entries; every task statement needs at least {MIN_ENTRIES_PER_TASK}",
                            task.id
                        ),
                    );
                }
            }
        }
    }
}
