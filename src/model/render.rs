//! Plain-text renderings of entries: Markdown for `opsdeck show`, one-line text for
//! `opsdeck dump`, and the rows of `opsdeck limits`.

use std::fmt::Write as _;

use super::kb::KnowledgeBase;
use super::schema::{AttrValue, Entry, Kind, Lifecycle, Scale, Verdict};
use super::search::Field;

/// The entry in full as Markdown: title, status, summary, key points, exam tips, limits,
/// strategy attributes, related entries and sources.
pub fn entry_markdown(kb: &KnowledgeBase, entry: &Entry) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", entry.title);
    let mut meta = vec![format!("*{}*", entry.kind.as_str())];
    if kb.is_mine(&entry.id) {
        meta.push("your entry".to_owned());
    }
    let versions: Vec<String> = kb
        .versions(&entry.id)
        .iter()
        .map(|v| {
            let whose = match kb.index_of(&v.id).and_then(|i| kb.origin(i)) {
                Some(super::kb::Origin::Mine) => "yours".to_owned(),
                Some(super::kb::Origin::Pack(name)) => format!("from {name}"),
                _ => "built-in".to_owned(),
            };
            format!("{whose}: {} ({})", v.title, v.id)
        })
        .collect();
    if !versions.is_empty() {
        meta.push(versions.join("; "));
    }
    if !entry.aliases.is_empty() {
        meta.push(format!("also: {}", entry.aliases.join(", ")));
    }
    if !entry.domains.is_empty() {
        let domains: Vec<String> = entry
            .domains
            .iter()
            .map(|d| format!("D{} {}", d.number(), d.title()))
            .collect();
        meta.push(format!("domains: {}", domains.join("; ")));
    }
    let _ = writeln!(md, "{}\n", meta.join(" · "));

    if let Some(status) = &entry.status
        && status.state != Lifecycle::Active
    {
        let state = match status.state {
            Lifecycle::Retired => "Retired",
            Lifecycle::ClosedToNew => "Closed to new customers",
            Lifecycle::EndOfSupport => "End of support announced",
            Lifecycle::Active => "Active",
        };
        let date = status.date.as_deref().unwrap_or("date not verified");
        let _ = write!(md, "> **Status: {state}** ({date}). {}", status.note);
        if !status.replaced_by.is_empty() {
            let names: Vec<String> = status
                .replaced_by
                .iter()
                .map(|id| link_text(kb, id))
                .collect();
            let _ = write!(md, " Use instead: {}.", names.join(", "));
        }
        md.push_str("\n\n");
    }

    let _ = writeln!(md, "{}\n", entry.summary);

    if let Some(limit) = &entry.limit {
        let service = kb.service_title(entry);
        let _ = writeln!(
            md,
            "| Service | Current value | Notes said | Adjustable | Checked |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|");
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} |\n",
            cell(service),
            cell(&value_with_unit(&limit.value, &limit.unit, limit.verdict)),
            cell(limit.notes_value.as_deref().unwrap_or("")),
            limit.adjustable.as_str(),
            limit.source.checked.as_deref().unwrap_or("")
        );
    }

    section_list(&mut md, "Key points", &entry.points);
    section_list(&mut md, "Exam tips", &entry.tips);

    let limits = kb.limits_of(&entry.id);
    if !limits.is_empty() {
        md.push_str("## Limits\n\n");
        md.push_str("| Limit | Current value | Notes said | Adjustable | Checked |\n");
        md.push_str("|---|---|---|---|---|\n");
        for l in limits {
            let Some(f) = &l.limit else { continue };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                cell(&l.title),
                cell(&value_with_unit(&f.value, &f.unit, f.verdict)),
                cell(f.notes_value.as_deref().unwrap_or("")),
                f.adjustable.as_str(),
                f.source.checked.as_deref().unwrap_or("")
            );
        }
        md.push('\n');
    }

    if entry.kind == Kind::Strategy && !entry.attrs.is_empty() {
        md.push_str("## Attributes\n\n| Attribute | Value |\n|---|---|\n");
        for def in kb.attributes() {
            if let Some(value) = entry.attrs.get(&def.key) {
                let _ = writeln!(
                    md,
                    "| {} | {} |",
                    cell(&def.label),
                    cell(&attr_value_text(kb, &def.key, value))
                );
            }
        }
        md.push('\n');
    }

    let mut related: Vec<&str> = entry.related.iter().map(String::as_str).collect();
    related.extend(kb.backlinks(&entry.id).into_iter().map(|e| e.id.as_str()));
    if !related.is_empty() {
        md.push_str("## Related\n\n");
        for id in related {
            let _ = writeln!(md, "- {}", link_text(kb, id));
        }
        md.push('\n');
    }

    let mut sources: Vec<&super::schema::Source> = entry.sources.iter().collect();
    if let Some(l) = &entry.limit {
        sources.push(&l.source);
    }
    if let Some(s) = entry.status.as_ref().and_then(|s| s.source.as_ref()) {
        sources.push(s);
    }
    if !sources.is_empty() {
        md.push_str("## Sources\n\n");
        for s in sources {
            let title = if s.title.is_empty() { &s.url } else { &s.title };
            let checked = match &s.checked {
                Some(date) => format!("checked {date}"),
                None => "not checked".to_owned(),
            };
            let _ = writeln!(md, "- [{title}]({}) ({checked})", s.url);
        }
        md.push('\n');
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// The display text of an attribute value, using the attribute's level labels.
pub fn attr_value_text(kb: &KnowledgeBase, key: &str, value: &AttrValue) -> String {
    match value {
        AttrValue::Level(id) => {
            let label =
                kb.attributes()
                    .iter()
                    .find(|d| d.key == key)
                    .and_then(|d| match &d.scale {
                        Scale::Levels { levels, .. } => {
                            levels.iter().find(|l| &l.id == id).map(|l| l.label.clone())
                        }
                        _ => None,
                    });
            label.unwrap_or_else(|| id.clone())
        }
        AttrValue::Flag(true) => "yes".to_owned(),
        AttrValue::Flag(false) => "no".to_owned(),
        AttrValue::Duration { min, max } if min == max => min.clone(),
        AttrValue::Duration { min, max } => format!("{min} – {max}"),
        AttrValue::Supported(how) => format!("yes: {how}"),
        AttrValue::Unsupported(why) => format!("no: {why}"),
        AttrValue::Text(text) => text.clone(),
    }
}

/// A value with its unit, marked when it could not be verified.
pub fn value_with_unit(value: &str, unit: &str, verdict: Verdict) -> String {
    let mut text = if unit.is_empty() {
        value.to_owned()
    } else {
        format!("{value} {unit}")
    };
    if verdict == Verdict::Unverified {
        text.push_str(" (not verified)");
    }
    text
}

fn link_text(kb: &KnowledgeBase, id: &str) -> String {
    match kb.get(id) {
        Some(e) => format!("{} (`{id}`)", e.title),
        None => format!("`{id}`"),
    }
}

fn section_list(md: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(md, "## {title}\n");
    for item in items {
        let _ = writeln!(md, "- {item}");
    }
    md.push('\n');
}

/// Escapes a Markdown table cell: pipes and line breaks.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// Collapses tabs and line breaks to single spaces, for one-line, tab-separated output.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All searchable text of an entry on one line, as `opsdeck dump` prints it.
pub fn dump_text(entry: &Entry) -> String {
    let parts: Vec<String> = Field::all(entry)
        .into_iter()
        .filter(|f| !matches!(f, Field::Title | Field::Id))
        .filter_map(|f| f.text(entry))
        .filter(|t| !t.trim().is_empty())
        .map(one_line)
        .collect();
    parts.join(" ")
}

/// The columns of one `opsdeck limits` row: service, limit, value, notes' value, adjustable,
/// source URL, checked (`YYYY-MM`).
pub fn limit_row(kb: &KnowledgeBase, entry: &Entry) -> Option<[String; 7]> {
    let facts = entry.limit.as_ref()?;
    // A source that could not be checked says so rather than leaving the column empty.
    let checked = match (&facts.source.checked, &facts.source.unverified) {
        (Some(date), _) => date.as_str(),
        (None, Some(_)) => "unverified",
        (None, None) => "",
    };
    Some([
        one_line(kb.service_title(entry)),
        one_line(&entry.title),
        one_line(&value_with_unit(&facts.value, &facts.unit, facts.verdict)),
        one_line(facts.notes_value.as_deref().unwrap_or("")),
        facts.adjustable.as_str().to_owned(),
        one_line(&facts.source.url),
        // Dates as YYYY-MM, as the CLI contract gives them.
        if facts.source.checked.is_some() {
            checked.get(..7).unwrap_or(checked).to_owned()
        } else {
            checked.to_owned()
        },
    ])
}
