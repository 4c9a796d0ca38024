//! Questions generated from the knowledge base. Each kind is built so that exactly one
//! option is right: distractor numbers differ from the value, distractor services are
//! neither the answer nor related to it, and a strategy question names properties that only
//! the answer has.

use std::collections::BTreeSet;

use super::super::kb::KnowledgeBase;
use super::super::markup;
use super::super::schema::{AttrValue, Entry, Kind, Lifecycle, Scale};
use super::rng::Rng;
use super::{Choice, Origin, Question, domain_of, shuffle_options};

/// Every question the data gives.
pub fn from_data(kb: &KnowledgeBase) -> Vec<Question> {
    let mut out = Vec::new();
    for e in kb.entries() {
        if e.tasks.is_empty() {
            continue;
        }
        out.extend(limit_question(kb, e));
        out.extend(service_question(kb, e));
        out.extend(retired_question(kb, e));
        out.extend(cloze_cards(e));
    }
    out.extend(strategy_questions(kb));
    out
}

/// A number at the start of a limit value: `2,000`, `1.5`, `1 MB` → (2000, "", true).
/// Returns the number, the unit written after it, and whether it used thousands commas.
fn plain_number(value: &str) -> Option<(f64, String, bool)> {
    let value = value.trim();
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(value.len());
    let (num, rest) = value.split_at(end);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim();
    // Only a single short unit word may follow ("MB", "KB", "GiB", "s"); anything else
    // ("per Region; 200 rules") is not a plain value.
    if !(rest.is_empty() || (rest.len() <= 4 && rest.chars().all(|c| c.is_ascii_alphabetic()))) {
        return None;
    }
    let n: f64 = num.replace(',', "").parse().ok()?;
    (n > 0.0).then(|| (n, rest.to_owned(), num.contains(',')))
}

/// A number written the way the value was.
fn write_number(n: f64, commas: bool) -> String {
    if n.fract() != 0.0 {
        let s = format!("{n:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    let whole = n as u64;
    let digits = whole.to_string();
    if !(commas || whole >= 10_000) {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "What is the limit?" with the documented value and three wrong ones; the study notes'
/// outdated value is one of them where it differs.
fn limit_question(kb: &KnowledgeBase, e: &Entry) -> Option<Question> {
    let l = e.limit.as_ref()?;
    let (value, suffix, commas) = plain_number(&l.value)?;
    let unit = l.unit.trim();
    if unit.is_empty() && suffix.is_empty() {
        return None;
    }
    let show = |n: f64| {
        let mut s = write_number(n, commas);
        if !suffix.is_empty() {
            s.push(' ');
            s.push_str(&suffix);
        }
        if !unit.is_empty() {
            s.push(' ');
            s.push_str(unit);
        }
        s
    };
    let right = show(value);
    let mut wrong: Vec<(f64, String)> = Vec::new();
    for old in [l.notes_value.as_deref(), l.previous.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some((n, s, _)) = plain_number(old)
            && s == suffix
            && (n - value).abs() > f64::EPSILON
            && !wrong.iter().any(|(w, _)| (w - n).abs() < f64::EPSILON)
        {
            wrong.push((
                n,
                format!("The older value: study notes or AWS's earlier pages gave {old}; AWS now documents {right}."),
            ));
        }
    }
    let whole = value.fract() == 0.0;
    for factor in [2.0, 0.5, 10.0, 0.1, 5.0, 0.2, 4.0, 0.25] {
        if wrong.len() >= 3 {
            break;
        }
        let mut n = value * factor;
        if whole {
            n = n.round();
        }
        if n <= 0.0
            || (n - value).abs() < f64::EPSILON
            || wrong.iter().any(|(w, _)| (w - n).abs() < f64::EPSILON)
        {
            continue;
        }
        wrong.push((n, format!("Not the documented value: AWS gives {right}.")));
    }
    if wrong.len() < 3 {
        return None;
    }
    let service = kb.service_title(e);
    let mut options = vec![Choice {
        text: right.clone(),
        correct: true,
        why: e.summary.clone(),
    }];
    options.extend(wrong.into_iter().take(3).map(|(n, why)| Choice {
        text: show(n),
        correct: false,
        why,
    }));
    let mut q = Question {
        id: format!("data:limit:{}", e.id),
        origin: Origin::Data("limit".to_owned()),
        tasks: e.tasks.clone(),
        stem: format!(
            "{service}: which value does AWS document for “{}”?",
            strip_service(&e.title, service)
        ),
        options,
        answer: String::new(),
        entries: vec![e.id.clone(), l.service.clone()],
    };
    shuffle_options(&mut q);
    Some(q)
}

/// A limit's title without a trailing "(Service)" the stem already names.
fn strip_service<'a>(title: &'a str, service: &str) -> &'a str {
    if let Some(open) = title.rfind(" (")
        && title.ends_with(')')
        && service.contains(&title[open + 2..title.len() - 1])
    {
        return &title[..open];
    }
    title
}

/// The words that name a service: its title words other than AWS and Amazon, and its
/// aliases.
fn name_words(e: &Entry) -> Vec<String> {
    let mut words: Vec<String> = e
        .title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1 && !matches!(*w, "AWS" | "Amazon" | "and" | "for" | "of"))
        .map(str::to_lowercase)
        .collect();
    words.extend(
        e.aliases
            .iter()
            .filter(|a| a.len() >= 3)
            .map(|a| a.to_lowercase()),
    );
    words
}

/// Replaces every name of the entry in a text with "this service" (case-insensitively).
fn mask(text: &str, names: &[String]) -> String {
    let mut out = text.to_owned();
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in sorted {
        let lower = out.to_lowercase();
        let mut result = String::with_capacity(out.len());
        let mut at = 0;
        while let Some(found) = lower[at..].find(name.as_str()) {
            let start = at + found;
            let end = start + name.len();
            let bounded = !lower[..start].ends_with(|c: char| c.is_alphanumeric())
                && !lower[end..].starts_with(|c: char| c.is_alphanumeric());
            result.push_str(&out[at..start]);
            result.push_str(if bounded {
                "this service"
            } else {
                &out[start..end]
            });
            at = end;
        }
        result.push_str(&out[at..]);
        out = result;
    }
    out
}

/// "Which service does this?" from a service's summary, its name masked.
fn service_question(kb: &KnowledgeBase, e: &Entry) -> Option<Question> {
    if e.kind != Kind::Service || e.lifecycle() != Lifecycle::Active || e.summary.is_empty() {
        return None;
    }
    let names = name_words(e);
    let plain = markup::plain(&e.summary);
    // A summary that names the service (or one of its parts) would give it away, and
    // masking the name leaves awkward text: such services get no question.
    let described = mask(&plain, &names);
    if described != plain {
        return None;
    }
    let domain = domain_of(e.tasks.first()?)?;
    let mine: BTreeSet<String> = names.iter().cloned().collect();
    let mut pool: Vec<&Entry> = kb
        .entries()
        .iter()
        .filter(|o| {
            o.id != e.id
                && o.kind == Kind::Service
                && o.lifecycle() == Lifecycle::Active
                && o.tasks.first().and_then(|t| domain_of(t)) == Some(domain)
                && !e.related.contains(&o.id)
                && !o.related.contains(&e.id)
                && name_words(o).iter().all(|w| !mine.contains(w))
        })
        .collect();
    if pool.len() < 3 {
        return None;
    }
    let mut rng = Rng::from_text(&e.id);
    rng.shuffle(&mut pool);
    let mut options = vec![Choice {
        text: e.title.clone(),
        correct: true,
        why: format!("{}: {}", e.title, markup::plain(&e.summary)),
    }];
    options.extend(pool.iter().take(3).map(|o| Choice {
        text: o.title.clone(),
        correct: false,
        why: format!("{}: {}", o.title, markup::plain(&o.summary)),
    }));
    let mut q = Question {
        id: format!("data:service:{}", e.id),
        origin: Origin::Data("service".to_owned()),
        tasks: e.tasks.clone(),
        stem: format!("Which service does this describe? “{described}”"),
        options,
        answer: String::new(),
        entries: vec![e.id.clone()],
    };
    shuffle_options(&mut q);
    Some(q)
}

/// "What replaced it?" for a retired or closed service that names its replacement.
fn retired_question(kb: &KnowledgeBase, e: &Entry) -> Option<Question> {
    let status = e.status.as_ref()?;
    if status.state == Lifecycle::Active || status.replaced_by.is_empty() {
        return None;
    }
    let replacements: Vec<&Entry> = status
        .replaced_by
        .iter()
        .filter_map(|id| kb.get(id))
        .collect();
    if replacements.is_empty() || replacements.len() > 2 {
        return None;
    }
    let domain = domain_of(e.tasks.first()?)?;
    let mut pool: Vec<&Entry> = kb
        .entries()
        .iter()
        .filter(|o| {
            o.kind == Kind::Service
                && o.id != e.id
                && o.lifecycle() == Lifecycle::Active
                && o.tasks.first().and_then(|t| domain_of(t)) == Some(domain)
                && !status.replaced_by.contains(&o.id)
                && !replacements.iter().any(|r| r.related.contains(&o.id))
        })
        .collect();
    if pool.len() < 3 {
        return None;
    }
    let mut rng = Rng::from_text(&e.id);
    rng.shuffle(&mut pool);
    let state = match status.state {
        Lifecycle::Retired => "is retired",
        Lifecycle::EndOfSupport => "reaches the end of its support",
        _ => "is closed to new customers",
    };
    let since = match (status.state, status.date.as_deref()) {
        (_, None) => String::new(),
        (Lifecycle::EndOfSupport, Some(d)) => format!(" (on {d})"),
        (_, Some(d)) => format!(" (since {d})"),
    };
    let choose = if replacements.len() == 2 {
        " (Choose two.)"
    } else {
        ""
    };
    let mut options: Vec<Choice> = replacements
        .iter()
        .map(|r| Choice {
            text: r.title.clone(),
            correct: true,
            why: status.note.clone(),
        })
        .collect();
    options.extend(pool.iter().take(3).map(|o| Choice {
        text: o.title.clone(),
        correct: false,
        why: format!("{} is not what AWS names in place of {}.", o.title, e.title),
    }));
    let mut entries = vec![e.id.clone()];
    entries.extend(replacements.iter().map(|r| r.id.clone()));
    let mut q = Question {
        id: format!("data:retired:{}", e.id),
        origin: Origin::Data("retired".to_owned()),
        tasks: e.tasks.clone(),
        stem: format!(
            "{} {state}{since}. What should teams use instead?{choose}",
            e.title
        ),
        options,
        answer: String::new(),
        entries,
    };
    shuffle_options(&mut q);
    Some(q)
}

/// Cloze cards from exam tips: the first bold term of a tip, blanked.
fn cloze_cards(e: &Entry) -> Vec<Question> {
    let mut out = Vec::new();
    for (i, tip) in e.tips.iter().enumerate() {
        let Some(start) = tip.find("**") else {
            continue;
        };
        let Some(len) = tip[start + 2..].find("**") else {
            continue;
        };
        let term = &tip[start + 2..start + 2 + len];
        let rest = format!("{}{}", &tip[..start], &tip[start + 4 + len..]);
        if term.trim().is_empty() || rest.to_lowercase().contains(&term.to_lowercase()) {
            continue;
        }
        let front = format!(
            "{}____{}",
            markup::plain(&tip[..start]),
            markup::plain(&tip[start + 4 + len..])
        );
        out.push(Question {
            id: format!("data:cloze:{}:{i}", e.id),
            origin: Origin::Data("cloze".to_owned()),
            tasks: e.tasks.clone(),
            stem: format!("{}: {front}", e.title),
            options: Vec::new(),
            answer: term.to_owned(),
            entries: vec![e.id.clone()],
        });
    }
    out
}

/// "Which strategy has these two properties?": for each strategy, the first pair of level
/// or yes/no attributes that no other strategy of its family shares.
fn strategy_questions(kb: &KnowledgeBase) -> Vec<Question> {
    let mut out = Vec::new();
    for family in kb.families() {
        let strategies: Vec<&Entry> = kb
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Strategy && e.family.as_deref() == Some(&family.key))
            .collect();
        if strategies.len() < 4 {
            continue;
        }
        let defs: Vec<_> = kb
            .attributes()
            .iter()
            .filter(|d| d.families.contains(&family.key))
            .filter(|d| matches!(d.scale, Scale::Levels { .. } | Scale::Flag { .. }))
            .collect();
        let value = |e: &Entry, key: &str| -> Option<String> {
            match e.attrs.get(key)? {
                AttrValue::Level(l) => Some(l.clone()),
                AttrValue::Flag(f) => Some(if *f { "yes" } else { "no" }.to_owned()),
                _ => None,
            }
        };
        let label = |key: &str, v: &str| -> (String, String) {
            let def = defs
                .iter()
                .find(|d| d.key == key)
                .expect("a known attribute");
            let shown = match &def.scale {
                Scale::Levels { levels, .. } => levels
                    .iter()
                    .find(|l| l.id == v)
                    .map_or(v.to_owned(), |l| l.label.clone()),
                _ => v.to_owned(),
            };
            (def.label.clone(), shown)
        };
        for s in &strategies {
            let mut found = None;
            'pairs: for (i, a) in defs.iter().enumerate() {
                for b in defs.iter().skip(i + 1) {
                    let (Some(va), Some(vb)) = (value(s, &a.key), value(s, &b.key)) else {
                        continue;
                    };
                    let sharing = strategies
                        .iter()
                        .filter(|o| {
                            value(o, &a.key).as_deref() == Some(&va)
                                && value(o, &b.key).as_deref() == Some(&vb)
                        })
                        .count();
                    if sharing == 1 {
                        found = Some((a.key.clone(), va, b.key.clone(), vb));
                        break 'pairs;
                    }
                }
            }
            let Some((ka, va, kb_key, vb)) = found else {
                continue;
            };
            let (la, sa) = label(&ka, &va);
            let (lb, sb) = label(&kb_key, &vb);
            // Only strategies whose two properties are known can be called wrong.
            let mut others: Vec<&&Entry> = strategies
                .iter()
                .filter(|o| o.id != s.id && value(o, &ka).is_some() && value(o, &kb_key).is_some())
                .collect();
            if others.len() < 3 {
                continue;
            }
            let mut rng = Rng::from_text(&s.id);
            rng.shuffle(&mut others);
            let mut options = vec![Choice {
                text: s.title.clone(),
                correct: true,
                why: format!("{}: {la} is “{sa}” and {lb} is “{sb}”.", s.title),
            }];
            for o in others.into_iter().take(3) {
                let why = match (value(o, &ka), value(o, &kb_key)) {
                    (Some(x), _) if x != va => {
                        format!("{}: {la} is “{}”.", o.title, label(&ka, &x).1)
                    }
                    (_, Some(y)) if y != vb => {
                        format!("{}: {lb} is “{}”.", o.title, label(&kb_key, &y).1)
                    }
                    _ => format!("{} does not have both.", o.title),
                };
                options.push(Choice {
                    text: o.title.clone(),
                    correct: false,
                    why,
                });
            }
            let mut q = Question {
                id: format!("data:strategy:{}:{ka}:{kb_key}", s.id),
                origin: Origin::Data("strategy".to_owned()),
                tasks: s.tasks.clone(),
                stem: format!(
                    "Which {} strategy has {} “{sa}” and {} “{sb}”?",
                    family.label.to_lowercase(),
                    la.to_lowercase(),
                    lb.to_lowercase()
                ),
                options,
                answer: String::new(),
                entries: vec![s.id.clone()],
            };
            shuffle_options(&mut q);
            out.push(q);
        }
    }
    out
}
