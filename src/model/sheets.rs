//! Personal cheat-sheets: named lists of entries, personal notes, stars, and rendering a sheet
//! to Markdown and to one self-contained printable HTML page.
//!
//! Pure: loading and saving live in `platform::store`; here are the types, the operations and
//! the renderers, so every change can be tested without touching a disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::kb::KnowledgeBase;
use super::markup::{self, Style};
use super::render::value_with_unit;
use super::schema::{Entry, Lifecycle};

/// The version of the user-data format written by this build.
pub const SCHEMA_VERSION: u32 = 1;
/// The longest sheet name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest personal note, in characters.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// The most entries on one sheet.
pub const MAX_SHEET_ENTRIES: usize = 2_000;

/// Everything the user owns: sheets, notes and stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserData {
    /// Format version; files from a newer OpsDeck are refused rather than misread.
    pub version: u32,
    /// Sheets in the user's order.
    pub sheets: Vec<Sheet>,
    /// Personal note per entry id.
    pub notes: BTreeMap<String, String>,
    /// Starred entry ids.
    pub stars: BTreeSet<String>,
}

impl Default for UserData {
    fn default() -> Self {
        UserData {
            version: SCHEMA_VERSION,
            sheets: Vec::new(),
            notes: BTreeMap::new(),
            stars: BTreeSet::new(),
        }
    }
}

/// One named cheat-sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// Unique name.
    pub name: String,
    /// Entry ids in the order they print.
    #[serde(default)]
    pub entries: Vec<String>,
    /// Wizard results and comparisons kept with the sheet, printed after the entries.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// Something other than an entry kept on a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attachment {
    /// A wizard and the answers given; the recommendation is worked out again when the sheet
    /// is rendered, so it follows the current rules.
    Wizard {
        /// Wizard id.
        wizard: String,
        /// Raw answers by question key.
        answers: BTreeMap<String, String>,
    },
    /// A side-by-side comparison of these entries.
    Comparison {
        /// Entry ids, one per column.
        ids: Vec<String>,
    },
}

/// A sheet as shared between users: the sheet plus the notes on its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSheet {
    /// Format version, as [`UserData::version`].
    pub version: u32,
    /// The sheet.
    pub sheet: Sheet,
    /// The sharer's notes on the sheet's entries.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// What went wrong with a sheet operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// No sheet has this name.
    #[error("no sheet is named {0:?}; list sheets with `opsdeck sheet list`")]
    NoSuchSheet(String),
    /// The name is taken.
    #[error("a sheet named {0:?} already exists")]
    NameTaken(String),
    /// The name is empty, too long or has control characters.
    #[error("sheet names must be 1–{MAX_NAME_CHARS} characters without line breaks or tabs")]
    BadName,
    /// An entry id the knowledge base lacks.
    #[error("no entry has the id {0:?}")]
    NoSuchEntry(String),
    /// The entry is not on the sheet.
    #[error("{0:?} is not on the sheet {1:?}")]
    NotOnSheet(String, String),
    /// Too many entries.
    #[error("a sheet holds at most {MAX_SHEET_ENTRIES} entries")]
    TooManyEntries,
    /// The note is too long.
    #[error("notes are at most {MAX_NOTE_CHARS} characters")]
    NoteTooLong,
}

fn check_name(name: &str) -> Result<String, SheetError> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(SheetError::BadName);
    }
    Ok(name.to_owned())
}

impl UserData {
    /// The sheet with this name.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    fn sheet_mut(&mut self, name: &str) -> Result<&mut Sheet, SheetError> {
        self.sheets
            .iter_mut()
            .find(|s| s.name == name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))
    }

    /// Creates an empty sheet.
    pub fn new_sheet(&mut self, name: &str) -> Result<(), SheetError> {
        let name = check_name(name)?;
        if self.sheet(&name).is_some() {
            return Err(SheetError::NameTaken(name));
        }
        self.sheets.push(Sheet {
            name,
            entries: Vec::new(),
            attachments: Vec::new(),
        });
        Ok(())
    }

    /// Deletes a sheet and returns it with its position, so it can be restored (undo).
    pub fn delete_sheet(&mut self, name: &str) -> Result<(usize, Sheet), SheetError> {
        let at = self
            .sheets
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
        Ok((at, self.sheets.remove(at)))
    }

    /// Puts a deleted sheet back (renaming it if its name was taken meanwhile).
    pub fn restore_sheet(&mut self, at: usize, mut sheet: Sheet) {
        sheet.name = self.free_name(&sheet.name);
        let at = at.min(self.sheets.len());
        self.sheets.insert(at, sheet);
    }

    /// Renames a sheet.
    pub fn rename_sheet(&mut self, from: &str, to: &str) -> Result<(), SheetError> {
        let to = check_name(to)?;
        if from != to && self.sheet(&to).is_some() {
            return Err(SheetError::NameTaken(to));
        }
        self.sheet_mut(from)?.name = to;
        Ok(())
    }

    /// Adds entries to a sheet (ids already on it are skipped); checks every id first.
    pub fn add(
        &mut self,
        name: &str,
        ids: &[&str],
        kb: &KnowledgeBase,
    ) -> Result<usize, SheetError> {
        if let Some(bad) = ids.iter().find(|id| kb.get(id).is_none()) {
            return Err(SheetError::NoSuchEntry((*bad).to_owned()));
        }
        let sheet = self.sheet_mut(name)?;
        let mut added = 0;
        for id in ids {
            if !sheet.entries.iter().any(|e| e == id) {
                if sheet.entries.len() >= MAX_SHEET_ENTRIES {
                    return Err(SheetError::TooManyEntries);
                }
                sheet.entries.push((*id).to_owned());
                added += 1;
            }
        }
        Ok(added)
    }

    /// Keeps a wizard result or a comparison on a sheet (an identical one is not added twice).
    pub fn attach(
        &mut self,
        name: &str,
        attachment: Attachment,
        kb: &KnowledgeBase,
    ) -> Result<(), SheetError> {
        check_attachment(&attachment, kb)?;
        let sheet = self.sheet_mut(name)?;
        if !sheet.attachments.contains(&attachment) {
            sheet.attachments.push(attachment);
        }
        Ok(())
    }

    /// Removes the attachment at `index` from a sheet.
    pub fn detach(&mut self, name: &str, index: usize) -> Result<Attachment, SheetError> {
        let sheet = self.sheet_mut(name)?;
        if index >= sheet.attachments.len() {
            return Err(SheetError::NotOnSheet(
                format!("attachment {}", index + 1),
                name.to_owned(),
            ));
        }
        Ok(sheet.attachments.remove(index))
    }

    /// Removes an entry from a sheet.
    pub fn remove(&mut self, name: &str, id: &str) -> Result<(), SheetError> {
        let sheet = self.sheet_mut(name)?;
        let before = sheet.entries.len();
        sheet.entries.retain(|e| e != id);
        if sheet.entries.len() == before {
            return Err(SheetError::NotOnSheet(id.to_owned(), name.to_owned()));
        }
        Ok(())
    }

    /// Moves the entry at `from` to position `to` on a sheet.
    pub fn move_entry(&mut self, name: &str, from: usize, to: usize) -> Result<(), SheetError> {
        let sheet = self.sheet_mut(name)?;
        if from < sheet.entries.len() {
            let id = sheet.entries.remove(from);
            let to = to.min(sheet.entries.len());
            sheet.entries.insert(to, id);
        }
        Ok(())
    }

    /// Sets the personal note on an entry; empty text removes it.
    pub fn set_note(&mut self, id: &str, text: &str, kb: &KnowledgeBase) -> Result<(), SheetError> {
        if kb.get(id).is_none() {
            return Err(SheetError::NoSuchEntry(id.to_owned()));
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(SheetError::NoteTooLong);
        }
        if text.trim().is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_owned(), text.to_owned());
        }
        Ok(())
    }

    /// Stars or unstars an entry; returns whether it is now starred.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        if !self.stars.remove(id) {
            self.stars.insert(id.to_owned());
            true
        } else {
            false
        }
    }

    /// `name`, or `name (2)`, `name (3)` … if taken.
    pub fn free_name(&self, name: &str) -> String {
        if self.sheet(name).is_none() {
            return name.to_owned();
        }
        (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| self.sheet(candidate).is_none())
            .unwrap_or_else(|| name.to_owned())
    }

    /// The shareable form of a sheet.
    pub fn share(&self, name: &str) -> Result<SharedSheet, SheetError> {
        let sheet = self
            .sheet(name)
            .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
        let notes = sheet
            .entries
            .iter()
            .filter_map(|id| self.notes.get(id).map(|n| (id.clone(), n.clone())))
            .collect();
        Ok(SharedSheet {
            version: SCHEMA_VERSION,
            sheet: sheet.clone(),
            notes,
        })
    }

    /// Adds a shared sheet (renamed if its name is taken). The user's own notes win over the
    /// sharer's. Returns the name it was stored under. Nothing changes if it fails.
    pub fn import(
        &mut self,
        shared: SharedSheet,
        kb: &KnowledgeBase,
    ) -> Result<String, ImportError> {
        if shared.version > SCHEMA_VERSION {
            return Err(ImportError::Newer(shared.version));
        }
        let name = check_name(&shared.sheet.name).map_err(ImportError::Sheet)?;
        let unknown: Vec<&str> = shared
            .sheet
            .entries
            .iter()
            .map(String::as_str)
            .filter(|id| kb.get(id).is_none())
            .collect();
        if !unknown.is_empty() {
            return Err(ImportError::UnknownEntries(unknown.join(", ")));
        }
        if shared.sheet.entries.len() > MAX_SHEET_ENTRIES {
            return Err(ImportError::Sheet(SheetError::TooManyEntries));
        }
        if shared
            .notes
            .values()
            .any(|n| n.chars().count() > MAX_NOTE_CHARS)
        {
            return Err(ImportError::Sheet(SheetError::NoteTooLong));
        }
        for attachment in &shared.sheet.attachments {
            check_attachment(attachment, kb).map_err(ImportError::Sheet)?;
        }
        let name = self.free_name(&name);
        let mut entries: Vec<String> = Vec::new();
        for id in shared.sheet.entries {
            if !entries.contains(&id) {
                entries.push(id);
            }
        }
        for (id, note) in shared.notes {
            if entries.contains(&id) && kb.get(&id).is_some() {
                self.notes.entry(id).or_insert(note);
            }
        }
        self.sheets.push(Sheet {
            name: name.clone(),
            entries,
            attachments: shared.sheet.attachments,
        });
        Ok(name)
    }
}

/// Checks that an attachment names a wizard or entries this knowledge base has.
fn check_attachment(attachment: &Attachment, kb: &KnowledgeBase) -> Result<(), SheetError> {
    match attachment {
        Attachment::Wizard { wizard, .. } => {
            if kb.wizard(wizard).is_none() {
                return Err(SheetError::NoSuchEntry(format!("wizard {wizard}")));
            }
        }
        Attachment::Comparison { ids } => {
            if let Some(bad) = ids.iter().find(|id| kb.get(id).is_none()) {
                return Err(SheetError::NoSuchEntry(bad.clone()));
            }
        }
    }
    Ok(())
}

/// A wizard attachment's recommendation, or why there is none.
fn attachment_recommendation(
    kb: &KnowledgeBase,
    wizard: &str,
    answers: &BTreeMap<String, String>,
) -> Result<(String, super::wizard::Recommendation), String> {
    let w = kb
        .wizard(wizard)
        .ok_or_else(|| format!("no wizard {wizard:?}"))?;
    Ok((
        w.title.clone(),
        super::wizard::recommend_raw(kb, w, answers)?,
    ))
}

/// Why a shared sheet could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Written by a newer OpsDeck.
    #[error("the sheet was written by a newer OpsDeck (format {0}); update OpsDeck to import it")]
    Newer(u32),
    /// Entries this knowledge base lacks.
    #[error(
        "the sheet uses entries this knowledge base lacks: {0} (load the pack they come from with --pack)"
    )]
    UnknownEntries(String),
    /// Something about the sheet itself.
    #[error("{0}")]
    Sheet(SheetError),
}

/// The ways a sheet can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown.
    Markdown,
    /// One self-contained printable HTML page.
    Html,
    /// The shareable RON file that `opsdeck import` reads.
    Shared,
}

impl ExportFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Shared => "ron",
        }
    }
}

/// The sheet named `name` as text in `format`; `css` styles the HTML page.
pub fn export(
    kb: &KnowledgeBase,
    data: &UserData,
    name: &str,
    format: ExportFormat,
    css: &str,
) -> Result<String, SheetError> {
    let sheet = data
        .sheet(name)
        .ok_or_else(|| SheetError::NoSuchSheet(name.to_owned()))?;
    Ok(match format {
        ExportFormat::Markdown => sheet_markdown(kb, sheet, &data.notes) + "\n",
        ExportFormat::Html => sheet_html(kb, sheet, &data.notes, css),
        ExportFormat::Shared => {
            let shared = data.share(name)?;
            ron::ser::to_string_pretty(&shared, ron::ser::PrettyConfig::default())
                .unwrap_or_default()
                + "\n"
        }
    })
}

/// The sheet as Markdown: each entry with its summary, key points, exam tips, limit value
/// and the user's note.
pub fn sheet_markdown(
    kb: &KnowledgeBase,
    sheet: &Sheet,
    notes: &BTreeMap<String, String>,
) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape_markdown_html(sheet.name.trim()));
    if sheet.entries.is_empty() {
        md.push_str("*This sheet is empty.*\n");
    }
    for id in &sheet.entries {
        let Some(e) = kb.get(id) else {
            let _ = writeln!(md, "## {id}\n\n*Not in this knowledge base.*\n");
            continue;
        };
        let _ = writeln!(md, "## {}\n", e.title);
        let mut meta = vec![format!("*{}*", e.kind.as_str())];
        if let Some(status) = e.status.as_ref().filter(|s| s.state != Lifecycle::Active) {
            meta.push(format!(
                "**{}** {}",
                status.state.label(),
                status.date.as_deref().unwrap_or("(date not verified)")
            ));
        }
        let _ = writeln!(md, "{}\n", meta.join(" · "));
        let _ = writeln!(md, "{}\n", e.summary);
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
            let _ = writeln!(md, "- {p}");
        }
        for t in &e.tips {
            let _ = writeln!(md, "- **Tip:** {t}");
        }
        if !e.points.is_empty() || !e.tips.is_empty() {
            md.push('\n');
        }
        if let Some(note) = notes.get(id) {
            let note = escape_markdown_html(note);
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
                            .map(|(k, v)| format!("{k} {}", escape_markdown_html(v)))
                            .collect();
                        let _ = writeln!(md, "*Answers:* {}\n", given.join(", "));
                        for r in &rec.reasons {
                            let _ = writeln!(md, "- {r}");
                        }
                        for w in &rec.warnings {
                            let _ = writeln!(md, "- **Warning:** {w}");
                        }
                        md.push('\n');
                    }
                    Err(why) => {
                        let _ =
                            writeln!(md, "## Wizard {wizard}\n\n*Cannot be worked out: {why}*\n");
                    }
                }
            }
            Attachment::Comparison { ids } => {
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                if let Ok(table) = super::compare::compare(kb, &refs) {
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

/// Keeps user text from becoming HTML when a Markdown viewer renders it: `<`, `>` and `&`
/// become entities, which every Markdown renderer shows as the characters themselves.
fn escape_markdown_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

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
fn markup_html(text: &str) -> String {
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
                    h.push_str("</ul>\n</article>\n");
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
            if let Ok(table) = super::compare::compare(kb, &refs) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_operations() {
        let kb = KnowledgeBase::builtin();
        let mut data = UserData::default();
        data.new_sheet("Exam eve").unwrap();
        assert_eq!(
            data.new_sheet(" Exam eve "),
            Err(SheetError::NameTaken("Exam eve".into()))
        );
        assert_eq!(data.new_sheet(""), Err(SheetError::BadName));
        assert_eq!(data.new_sheet("a\nb"), Err(SheetError::BadName));
        assert_eq!(
            data.add("Exam eve", &["rolling", "immutable", "rolling"], &kb),
            Ok(2)
        );
        assert_eq!(
            data.add("Exam eve", &["nope"], &kb),
            Err(SheetError::NoSuchEntry("nope".into()))
        );
        assert_eq!(
            data.sheet("Exam eve").unwrap().entries,
            ["rolling", "immutable"]
        );
        data.move_entry("Exam eve", 1, 0).unwrap();
        assert_eq!(
            data.sheet("Exam eve").unwrap().entries,
            ["immutable", "rolling"]
        );
        data.remove("Exam eve", "immutable").unwrap();
        assert!(data.remove("Exam eve", "immutable").is_err());
        data.rename_sheet("Exam eve", "Night before").unwrap();
        let (at, sheet) = data.delete_sheet("Night before").unwrap();
        assert!(data.sheets.is_empty());
        data.restore_sheet(at, sheet);
        assert_eq!(data.sheets[0].name, "Night before");
        data.set_note("rolling", "remember the batch", &kb).unwrap();
        data.set_note("rolling", "  ", &kb).unwrap();
        assert!(data.notes.is_empty());
        assert!(data.toggle_star("rolling"));
        assert!(!data.toggle_star("rolling"));
    }

    #[test]
    fn import_renames_and_refuses_unknown_entries_without_changes() {
        let kb = KnowledgeBase::builtin();
        let mut data = UserData::default();
        data.new_sheet("DR").unwrap();
        data.add("DR", &["pilot-light"], &kb).unwrap();
        let answers: BTreeMap<String, String> = [("rto", "1h"), ("rpo", "15m")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        data.attach(
            "DR",
            Attachment::Wizard {
                wizard: "dr".into(),
                answers,
            },
            &kb,
        )
        .unwrap();
        data.attach(
            "DR",
            Attachment::Comparison {
                ids: vec!["pilot-light".into(), "warm-standby".into()],
            },
            &kb,
        )
        .unwrap();
        assert!(
            data.attach(
                "DR",
                Attachment::Comparison {
                    ids: vec!["nope".into()]
                },
                &kb
            )
            .is_err()
        );
        let md = sheet_markdown(&kb, data.sheet("DR").unwrap(), &data.notes);
        assert!(
            md.contains("## Disaster recovery strategy: Pilot light"),
            "{md}"
        );
        assert!(
            md.contains("| Attribute | Pilot light | Warm standby |"),
            "{md}"
        );
        let html = sheet_html(&kb, data.sheet("DR").unwrap(), &data.notes, "");
        assert!(
            html.contains("Disaster recovery strategy: Pilot light") && html.contains("<table>"),
            "{html}"
        );
        data.set_note("pilot-light", "mine", &kb).unwrap();
        let mut shared = data.share("DR").unwrap();
        shared.notes.insert("pilot-light".into(), "theirs".into());
        assert_eq!(data.import(shared.clone(), &kb), Ok("DR (2)".into()));
        assert_eq!(
            data.notes["pilot-light"], "mine",
            "the user's own note wins"
        );
        let before = data.clone();
        shared.sheet.entries.push("not-here".into());
        assert!(matches!(
            data.import(shared.clone(), &kb),
            Err(ImportError::UnknownEntries(_))
        ));
        shared.version = SCHEMA_VERSION + 1;
        assert!(matches!(
            data.import(shared, &kb),
            Err(ImportError::Newer(_))
        ));
        assert_eq!(data, before, "a failed import changes nothing");
    }

    #[test]
    fn html_escapes_everything_the_user_typed() {
        let kb = KnowledgeBase::builtin();
        let mut data = UserData::default();
        data.new_sheet("<b>Sheet</b> & \"co\"").unwrap();
        data.add("<b>Sheet</b> & \"co\"", &["rolling"], &kb)
            .unwrap();
        data.set_note(
            "rolling",
            "<script>alert(1)</script>\n<img src=x onerror=alert(2)>",
            &kb,
        )
        .unwrap();
        let sheet = data.sheet("<b>Sheet</b> & \"co\"").unwrap();
        let html = sheet_html(&kb, sheet, &data.notes, "");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>Sheet"), "{html}");
        assert!(html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;img src=x onerror=alert(2)&gt;"
        ));
        assert!(html.contains("<title>&lt;b&gt;Sheet&lt;/b&gt; &amp; &quot;co&quot;</title>"));
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("src=\"")
        );
    }
}
