//! A sheet as one self-contained, printable HTML page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::super::kb::KnowledgeBase;
use super::super::markup::{self, Style};
use super::super::render::value_with_unit;
use super::super::schema::{Entry, Lifecycle};
use super::{Attachment, Sheet, attachment_plan, attachment_recommendation};

/// The stylesheet embedded in every HTML export.
pub const SHEET_CSS: &str = include_str!("../../../assets/sheet.css");

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Light Markdown as HTML, every piece of text escaped.
pub(crate) fn markup_html(text: &str) -> String {
    markup::parse(text)
        .into_iter()
        .map(|span| {
            let t = escape_html(span.text);
            match span.style {
                Style::Plain => t,
                Style::Bold => format!("<strong>{t}</strong>"),
                Style::Italic => format!("<em>{t}</em>"),
                Style::Code => format!("<code>{t}</code>"),
            }
        })
        .collect()
}

/// The sheet as one self-contained HTML page: the given CSS inline, no external requests,
/// light and dark colour schemes, and a compact print layout.
pub fn sheet_html(
    kb: &KnowledgeBase,
    sheet: &Sheet,
    notes: &BTreeMap<String, String>,
    css: &str,
) -> String {
    let mut h = String::new();
    let title = escape_html(sheet.name.trim());
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n\
         <header><h1>{title}</h1><p class=\"meta\">OpsDeck cheat-sheet · {} entries</p></header>\n<main class=\"sheet\">\n",
        sheet.entries.len()
    );
    if sheet.entries.is_empty() {
        h.push_str("<p class=\"empty\">This sheet is empty.</p>\n");
    }
    for id in &sheet.entries {
        let Some(e) = kb.get(id) else {
            let _ = writeln!(
                h,
                "<article class=\"card\"><h2>{}</h2><p>Not in this knowledge base.</p></article>",
                escape_html(id)
            );
            continue;
        };
        h.push_str(&card_html(e, notes.get(id).map(String::as_str)));
    }
    for attachment in &sheet.attachments {
        h.push_str(&attachment_html(kb, attachment));
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn attachment_html(kb: &KnowledgeBase, attachment: &Attachment) -> String {
    let mut h = String::new();
    match attachment {
        Attachment::Wizard { wizard, answers } => {
            match attachment_recommendation(kb, wizard, answers) {
                Ok((title, rec)) => {
                    let _ = writeln!(
                        h,
                        "<article class=\"card decision\">\n<h2>{}: {}<span class=\"kind\">decision</span></h2>",
                        escape_html(&title),
                        escape_html(&rec.title)
                    );
                    let given: Vec<String> =
                        answers.iter().map(|(k, v)| format!("{k} {v}")).collect();
                    let _ = writeln!(
                        h,
                        "<p class=\"meta\">Answers: {}</p>",
                        escape_html(&given.join(", "))
                    );
                    if !rec.mechanism.is_empty() {
                        let _ = writeln!(
                            h,
                            "<p class=\"summary\">{}</p>",
                            markup_html(&rec.mechanism)
                        );
                    }
                    h.push_str("<ul>\n");
                    for r in &rec.reasons {
                        let _ = writeln!(h, "<li>{}</li>", escape_html(r));
                    }
                    for w in &rec.warnings {
                        let _ = writeln!(h, "<li class=\"tip\">{}</li>", escape_html(w));
                    }
                    h.push_str("</ul>\n");
                    if let Some(plan) = attachment_plan(kb, wizard, answers) {
                        let (header, rows) = super::super::plan::text::option_rows(&plan);
                        h.push_str("<table class=\"options\">\n<tr>");
                        for cell in &header {
                            let _ = write!(h, "<th>{}</th>", escape_html(cell));
                        }
                        h.push_str("</tr>\n");
                        for row in rows {
                            h.push_str("<tr>");
                            for cell in &row {
                                let _ = write!(h, "<td>{}</td>", escape_html(cell));
                            }
                            h.push_str("</tr>\n");
                        }
                        h.push_str("</table>\n<ul>\n");
                        for o in &plan.options {
                            let _ = writeln!(
                                h,
                                "<li><strong>{}:</strong> {}</li>",
                                escape_html(&o.title),
                                escape_html(&o.changes.join(" "))
                            );
                        }
                        for w in &plan.what_would_change {
                            let _ = writeln!(h, "<li>{}</li>", escape_html(w));
                        }
                        h.push_str("</ul>\n<p class=\"meta\">Costs: us-east-1 on-demand prices; * marks an estimate with an unverified price.</p>\n");
                    }
                    h.push_str("</article>\n");
                }
                Err(why) => {
                    let _ = writeln!(
                        h,
                        "<article class=\"card\"><h2>{}</h2><p>{}</p></article>",
                        escape_html(wizard),
                        escape_html(&why)
                    );
                }
            }
        }
        Attachment::Comparison { ids } => {
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            if let Ok(table) = super::super::compare::compare(kb, &refs) {
                h.push_str("<article class=\"card wide\">\n<h2>Comparison<span class=\"kind\">compare</span></h2>\n<table>\n<tr><th></th>");
                for t in &table.titles {
                    let _ = write!(h, "<th>{}</th>", escape_html(t));
                }
                h.push_str("</tr>\n");
                for row in table.rows.iter().filter(|r| r.key != "summary") {
                    let _ = write!(h, "<tr><th>{}</th>", escape_html(&row.label));
                    for cell in &row.cells {
                        let class = if cell.best { " class=\"best\"" } else { "" };
                        let _ = write!(h, "<td{class}>{}</td>", escape_html(&cell.text));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</table>\n</article>\n");
            }
        }
    }
    h
}

fn card_html(e: &Entry, note: Option<&str>) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<article class=\"card\">\n<h2>{}<span class=\"kind kind-{}\">{}</span>",
        escape_html(&e.title),
        e.kind.as_str(),
        e.kind.as_str()
    );
    if let Some(status) = e.status.as_ref().filter(|s| s.state != Lifecycle::Active) {
        let _ = write!(
            h,
            "<span class=\"status\">{} {}</span>",
            escape_html(status.state.label()),
            escape_html(status.date.as_deref().unwrap_or("(date not verified)"))
        );
    }
    h.push_str("</h2>\n");
    let _ = writeln!(h, "<p class=\"summary\">{}</p>", markup_html(&e.summary));
    if let Some(limit) = &e.limit {
        let _ = write!(
            h,
            "<p class=\"value\"><strong>{}</strong>",
            escape_html(&value_with_unit(&limit.value, &limit.unit, limit.verdict))
        );
        if let Some(old) = &limit.notes_value {
            let _ = write!(
                h,
                " <span class=\"old\">(the notes said {})</span>",
                escape_html(old)
            );
        }
        h.push_str("</p>\n");
    }
    if !e.points.is_empty() || !e.tips.is_empty() {
        h.push_str("<ul>\n");
        for p in &e.points {
            let _ = writeln!(h, "<li>{}</li>", markup_html(p));
        }
        for t in &e.tips {
            let _ = writeln!(h, "<li class=\"tip\">{}</li>", markup_html(t));
        }
        h.push_str("</ul>\n");
    }
    if let Some(note) = note {
        let _ = writeln!(
            h,
            "<p class=\"note\"><strong>My note:</strong> {}</p>",
            escape_html(note).replace('\n', "<br>")
        );
    }
    h.push_str("</article>\n");
    h
}
