//! A sheet as Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::super::kb::KnowledgeBase;
use super::super::render::value_with_unit;
use super::super::schema::Lifecycle;
use super::{Attachment, Sheet, attachment_plan, attachment_recommendation};

/// The sheet as Markdown: each entry with its summary, key points, exam tips, limit value
/// and the user's note.
pub fn sheet_markdown(
    kb: &KnowledgeBase,
    sheet: &Sheet,
    notes: &BTreeMap<String, String>,
) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", neutralise_markdown(sheet.name.trim()));
    if sheet.entries.is_empty() {
        md.push_str("*This sheet is empty.*\n");
    }
    for id in &sheet.entries {
        let Some(e) = kb.get(id) else {
            let _ = writeln!(md, "## {id}\n\n*Not in this knowledge base.*\n");
            continue;
        };
        let _ = writeln!(md, "## {}\n", neutralise_markdown(&e.title));
        let mut meta = vec![format!("*{}*", e.kind.as_str())];
        if let Some(status) = e.status.as_ref().filter(|s| s.state != Lifecycle::Active) {
            meta.push(format!(
                "**{}** {}",
                status.state.label(),
                status.date.as_deref().unwrap_or("(date not verified)")
            ));
        }
        let _ = writeln!(md, "{}\n", meta.join(" · "));
        let _ = writeln!(md, "{}\n", neutralise_markdown(&e.summary));
        if let Some(limit) = &e.limit {
            let _ = write!(
                md,
                "**Value:** {}",
                value_with_unit(&limit.value, &limit.unit, limit.verdict)
            );
            if let Some(old) = &limit.notes_value {
                let _ = write!(md, " (the notes said {old})");
            }
            md.push_str("\n\n");
        }
        for p in &e.points {
            let _ = writeln!(md, "- {}", neutralise_markdown(p));
        }
        for t in &e.tips {
            let _ = writeln!(md, "- **Tip:** {}", neutralise_markdown(t));
        }
        if !e.points.is_empty() || !e.tips.is_empty() {
            md.push('\n');
        }
        if let Some(note) = notes.get(id) {
            let note = neutralise_markdown(note);
            for (i, line) in note.lines().enumerate() {
                let prefix = if i == 0 { "> **My note:** " } else { "> " };
                let _ = writeln!(md, "{prefix}{line}");
            }
            md.push('\n');
        }
    }
    for attachment in &sheet.attachments {
        match attachment {
            Attachment::Wizard { wizard, answers } => {
                match attachment_recommendation(kb, wizard, answers) {
                    Ok((title, rec)) => {
                        let _ = writeln!(md, "## {title}: {}\n", rec.title);
                        let given: Vec<String> = answers
                            .iter()
                            .map(|(k, v)| format!("{k} {}", neutralise_markdown(v)))
                            .collect();
                        let _ = writeln!(md, "*Answers:* {}\n", given.join(", "));
                        for r in &rec.reasons {
                            let _ = writeln!(md, "- {r}");
                        }
                        for w in &rec.warnings {
                            let _ = writeln!(md, "- **Warning:** {w}");
                        }
                        md.push('\n');
                        if let Some(plan) = attachment_plan(kb, wizard, answers) {
                            let (header, rows) = super::super::plan::text::option_rows(&plan);
                            let _ = writeln!(md, "| {} |", header.join(" | "));
                            let _ = writeln!(md, "|{}", " --- |".repeat(header.len()));
                            for row in rows {
                                let _ = writeln!(md, "| {} |", row.join(" | "));
                            }
                            md.push('\n');
                            for o in &plan.options {
                                let _ = writeln!(md, "- **{}:** {}", o.title, o.changes.join(" "));
                            }
                            for w in &plan.what_would_change {
                                let _ = writeln!(md, "- {w}");
                            }
                            let _ = writeln!(
                                md,
                                "\n*Costs: us-east-1 on-demand prices; \\* marks an estimate with an unverified price.*\n"
                            );
                        }
                    }
                    Err(why) => {
                        let _ =
                            writeln!(md, "## Wizard {wizard}\n\n*Cannot be worked out: {why}*\n");
                    }
                }
            }
            Attachment::Comparison { ids } => {
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                if let Ok(table) = super::super::compare::compare(kb, &refs) {
                    let _ = writeln!(md, "## Comparison: {}\n", table.titles.join(" · "));
                    let _ = writeln!(md, "{}", table.to_markdown());
                }
            }
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// Makes text safe to put in Markdown that someone else will render: `<`, `>` and `&` become
/// entities (so no HTML, no `<javascript:…>` autolink), images are disabled (`![`, so nothing
/// is fetched from a remote server when the sheet is opened), and a link survives only when it
/// goes to `http:`, `https:` or `mailto:`; any other link, such as `javascript:` or `data:`,
/// and every reference definition (`[x]: url`) is shown as plain text.
pub fn neutralise_markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '!' if chars.get(i + 1) == Some(&'[') => {
                out.push_str("!\\[");
                i += 2;
                line_start = false;
                continue;
            }
            '[' => {
                let safe = !(line_start && is_definition(&chars[i..]))
                    && link_target(&chars[i..]).is_none_or(is_safe_url);
                out.push_str(if safe { "[" } else { "\\[" });
            }
            c => out.push(c),
        }
        if c == '\n' {
            line_start = true;
        } else if !(c == ' ' && line_start) {
            line_start = false;
        }
        i += 1;
    }
    out
}

/// Whether `text` (starting at `[`) is a reference definition: `[label]:`.
fn is_definition(text: &[char]) -> bool {
    text.iter()
        .position(|&c| c == ']')
        .is_some_and(|end| text.get(end + 1) == Some(&':'))
}

/// The target of an inline link starting at `[`: the text between `](` and `)`.
fn link_target(text: &[char]) -> Option<String> {
    let end = text.iter().position(|&c| c == ']')?;
    if text.get(end + 1) != Some(&'(') {
        return None;
    }
    let rest = &text[end + 2..];
    let close = rest.iter().position(|&c| c == ')').unwrap_or(rest.len());
    Some(rest[..close].iter().collect())
}

/// Whether a link target goes somewhere harmless. Browsers ignore spaces and control
/// characters inside a scheme (`java\tscript:`), so those are removed before looking.
fn is_safe_url(url: String) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .trim_start_matches('<')
        .to_ascii_lowercase();
    match squeezed.find(':') {
        // No scheme: a relative link or an anchor, which cannot run anything.
        None => true,
        Some(colon) => {
            let scheme = &squeezed[..colon];
            // A colon after a slash, `?` or `#` is part of a path, not a scheme.
            scheme.contains(['/', '?', '#']) || matches!(scheme, "http" | "https" | "mailto")
        }
    }
}
