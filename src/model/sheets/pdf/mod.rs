//! A cheat-sheet as a dense, printable PDF, made in Rust with `krilla` (a maintained,
//! high-level PDF writer from the Typst developers: embedded, subsetted fonts with selectable
//! text, no browser, no system fonts). Text is measured with `skrifa`, the font reader
//! `krilla` itself uses, so lines break where they are drawn.
//!
//! The page: the sheet's name and the date on top, one to three columns of entry cards
//! (heading, kind and tasks, summary, a small table for a limit with the notes' outdated value
//! struck through, key points, tips, the user's note), kept decisions and comparisons as
//! tables, and "page n of m" at the foot.

mod layout;

use std::collections::BTreeMap;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};

use super::super::compare::compare;
use super::super::kb::KnowledgeBase;
use super::super::markup::{self, Style};
use super::super::schema::{Entry, Lifecycle};
use super::{Attachment, Sheet, attachment_plan, attachment_recommendation};
use layout::{FONTS, Face, Metrics, Op, Row, Run, flow, paragraph};

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// How to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// The paper.
    pub paper: Paper,
    /// Columns per page, 1 to 3.
    pub columns: usize,
    /// The date printed in the header (the model has no clock), e.g. `2026-12-01`.
    pub date: String,
}

const MARGIN: f32 = 28.0;
const GAP: f32 = 12.0;
const HEADER: f32 = 26.0;
const FOOTER: f32 = 16.0;
const INK: (u8, u8, u8) = (20, 20, 20);
const MUTED: (u8, u8, u8) = (95, 95, 95);
const ACCENT: (u8, u8, u8) = (29, 78, 216);
const RULE: (u8, u8, u8) = (200, 200, 200);
const NOTE_BG: (u8, u8, u8) = (243, 240, 228);
const BODY: f32 = 7.0;
const SMALL: f32 = 6.0;
const TITLE: f32 = 8.6;
const LEADING: f32 = 1.25;

/// Text with `**bold**`, `*italic*` and `` `code` `` as runs.
fn styled(text: &str, size: f32, color: (u8, u8, u8)) -> Vec<Run> {
    markup::parse(text)
        .into_iter()
        .map(|span| {
            let face = match span.style {
                Style::Bold => Face::Bold,
                Style::Italic => Face::Italic,
                Style::Code => Face::Mono,
                _ => Face::Regular,
            };
            let size = if face == Face::Mono {
                size * 0.92
            } else {
                size
            };
            Run::new(span.text, face, size, color)
        })
        .collect()
}

/// Builds the rows of one column's width.
struct Builder<'m> {
    metrics: &'m Metrics,
    width: f32,
    rows: Vec<Row>,
}

impl Builder<'_> {
    fn gap(&mut self, h: f32) {
        self.rows.push(Row {
            height: h,
            ops: Vec::new(),
            keep_with_next: false,
        });
    }

    fn para(&mut self, runs: &[Run], indent: f32) {
        let rows = paragraph(self.metrics, runs, self.width, indent, indent, LEADING);
        self.rows.extend(rows);
    }

    fn bullet(&mut self, text: &str, color: (u8, u8, u8)) {
        let mut runs = vec![Run::new("• ", Face::Regular, BODY, MUTED)];
        runs.extend(styled(text, BODY, color));
        let bullet_w = self.metrics.width(Face::Regular, BODY, "• ");
        let rows = paragraph(self.metrics, &runs, self.width, 0.0, bullet_w, LEADING);
        self.rows.extend(rows);
    }

    fn heading(&mut self, text: &str, size: f32, color: (u8, u8, u8)) {
        let runs = [Run::new(text, Face::Bold, size, color)];
        let mut rows = paragraph(self.metrics, &runs, self.width, 0.0, 0.0, 1.2);
        for r in &mut rows {
            r.keep_with_next = true;
        }
        self.rows.extend(rows);
    }

    fn rule(&mut self) {
        self.rows.push(Row {
            height: 5.0,
            ops: vec![Op::Line {
                x1: 0.0,
                y1: 2.5,
                x2: self.width,
                y2: 2.5,
                width: 0.4,
                color: RULE,
            }],
            keep_with_next: false,
        });
    }

    /// A boxed note: its lines on a tinted background.
    fn note(&mut self, text: &str) {
        let mut runs = vec![Run::new("My note: ", Face::Bold, BODY, INK)];
        runs.extend(styled(text, BODY, INK));
        let pad = 3.0;
        let lines = paragraph(
            self.metrics,
            &runs,
            self.width - 2.0 * pad,
            pad,
            pad,
            LEADING,
        );
        let n = lines.len();
        for (i, mut row) in lines.into_iter().enumerate() {
            let top = if i == 0 { pad } else { 0.0 };
            let bottom = if i + 1 == n { pad } else { 0.0 };
            for op in &mut row.ops {
                shift(op, 0.0, top);
            }
            row.height += top + bottom;
            row.ops.insert(
                0,
                Op::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: self.width,
                    h: row.height,
                    color: NOTE_BG,
                },
            );
            self.rows.push(row);
        }
    }

    /// A table: equal columns, wrapped cells, one row never split.
    fn table(&mut self, header: &[String], rows: &[Vec<(String, bool)>]) {
        let cols = header.len().max(1);
        let cell_w = self.width / cols as f32;
        let pad = 1.5;
        let mut all: Vec<(bool, Vec<(String, bool)>)> =
            vec![(true, header.iter().map(|h| (h.clone(), false)).collect())];
        all.extend(rows.iter().map(|r| (false, r.clone())));
        for (is_header, cells) in all {
            let mut cell_rows = Vec::new();
            let mut height: f32 = 0.0;
            for (i, (text, strike)) in cells.iter().enumerate() {
                let face = if is_header { Face::Bold } else { Face::Regular };
                let mut run =
                    Run::new(text.clone(), face, SMALL, if *strike { MUTED } else { INK });
                run.strike = *strike;
                let lines = paragraph(self.metrics, &[run], cell_w - 2.0 * pad, 0.0, 0.0, 1.2);
                let h: f32 = lines.iter().map(|l| l.height).sum();
                height = height.max(h);
                cell_rows.push((i, lines));
            }
            let mut ops = Vec::new();
            if is_header {
                ops.push(Op::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: self.width,
                    h: height + 2.0 * pad,
                    color: (235, 238, 245),
                });
            }
            for (i, lines) in cell_rows {
                let mut y = pad;
                for line in lines {
                    for mut op in line.ops {
                        shift(&mut op, i as f32 * cell_w + pad, y);
                        ops.push(op);
                    }
                    y += line.height;
                }
            }
            ops.push(Op::Line {
                x1: 0.0,
                y1: height + 2.0 * pad,
                x2: self.width,
                y2: height + 2.0 * pad,
                width: 0.3,
                color: RULE,
            });
            self.rows.push(Row {
                height: height + 2.0 * pad,
                ops,
                keep_with_next: false,
            });
        }
    }
}

fn shift(op: &mut Op, dx: f32, dy: f32) {
    match op {
        Op::Text { x, y, .. } | Op::Rect { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Op::Line { x1, y1, x2, y2, .. } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
    }
}

/// The rows of one entry card.
fn entry_rows(b: &mut Builder<'_>, kb: &KnowledgeBase, e: &Entry, note: Option<&str>) {
    b.heading(&e.title, TITLE, ACCENT);
    let mut meta = vec![e.kind.as_str().to_owned()];
    if !e.tasks.is_empty() {
        meta.push(format!("tasks {}", e.tasks.join(", ")));
    }
    if e.lifecycle() != Lifecycle::Active {
        meta.push(e.lifecycle().label().to_lowercase());
    }
    b.para(
        &[Run::new(meta.join(" · "), Face::Regular, SMALL, MUTED)],
        0.0,
    );
    b.para(&styled(&e.summary, BODY, INK), 0.0);
    if let Some(l) = &e.limit {
        let value = format!("{} {}", l.value, l.unit).trim().to_owned();
        let mut rows = vec![vec![("Value".to_owned(), false), (value, false)]];
        if let Some(old) = &l.notes_value {
            rows.push(vec![
                ("The notes said".to_owned(), false),
                (old.clone(), true),
            ]);
        }
        if let Some(prev) = &l.previous {
            rows.push(vec![("Before".to_owned(), false), (prev.clone(), true)]);
        }
        rows.push(vec![
            ("Adjustable".to_owned(), false),
            (format!("{:?}", l.adjustable).to_lowercase(), false),
        ]);
        if let Some(checked) = &l.source.checked {
            rows.push(vec![
                ("Checked".to_owned(), false),
                (checked.clone(), false),
            ]);
        }
        b.gap(1.5);
        b.table(&["Limit".to_owned(), kb.service_title(e).to_owned()], &rows);
    }
    for p in &e.points {
        b.bullet(p, INK);
    }
    for t in &e.tips {
        let mut runs = vec![Run::new("Tip: ", Face::Bold, BODY, MUTED)];
        runs.extend(styled(t, BODY, MUTED).into_iter().map(|mut r| {
            if r.face == Face::Regular {
                r.face = Face::Italic;
            }
            r
        }));
        b.para(&runs, 0.0);
    }
    if let Some(note) = note {
        b.gap(1.5);
        b.note(note);
    }
    b.gap(2.0);
    b.rule();
}

/// Everything the sheet prints, as rows of one column's width.
fn sheet_rows(
    kb: &KnowledgeBase,
    sheet: &Sheet,
    notes: &BTreeMap<String, String>,
    metrics: &Metrics,
    width: f32,
) -> Vec<Row> {
    let mut b = Builder {
        metrics,
        width,
        rows: Vec::new(),
    };
    if sheet.entries.is_empty() && sheet.attachments.is_empty() {
        b.para(
            &[Run::new("This sheet is empty.", Face::Italic, BODY, MUTED)],
            0.0,
        );
    }
    for id in &sheet.entries {
        match kb.get(id) {
            Some(e) => entry_rows(&mut b, kb, e, notes.get(id).map(String::as_str)),
            None => {
                b.heading(id, TITLE, MUTED);
                b.para(
                    &[Run::new(
                        "Not in this knowledge base.",
                        Face::Italic,
                        BODY,
                        MUTED,
                    )],
                    0.0,
                );
                b.rule();
            }
        }
    }
    for a in &sheet.attachments {
        match a {
            Attachment::Wizard { wizard, answers } => {
                match attachment_recommendation(kb, wizard, answers) {
                    Ok((title, rec)) => {
                        b.heading(&format!("{title}: {}", rec.title), TITLE, ACCENT);
                        let given: Vec<String> =
                            answers.iter().map(|(k, v)| format!("{k} {v}")).collect();
                        b.para(
                            &[Run::new(
                                format!("Answers: {}", given.join(", ")),
                                Face::Regular,
                                SMALL,
                                MUTED,
                            )],
                            0.0,
                        );
                        for r in &rec.reasons {
                            b.bullet(r, INK);
                        }
                        for w in &rec.warnings {
                            b.bullet(&format!("Warning: {w}"), MUTED);
                        }
                        if let Some(plan) = attachment_plan(kb, wizard, answers) {
                            let (header, rows) = super::super::plan::text::option_rows(&plan);
                            let rows: Vec<Vec<(String, bool)>> = rows
                                .into_iter()
                                .map(|r| r.into_iter().map(|c| (c, false)).collect())
                                .collect();
                            b.gap(1.5);
                            b.table(&header, &rows);
                            for w in &plan.what_would_change {
                                b.bullet(w, INK);
                            }
                        }
                    }
                    Err(why) => {
                        b.heading(&format!("Wizard {wizard}"), TITLE, MUTED);
                        b.para(&[Run::new(why, Face::Italic, BODY, MUTED)], 0.0);
                    }
                }
                b.gap(2.0);
                b.rule();
            }
            Attachment::Comparison { ids } => {
                let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                if let Ok(table) = compare(kb, &refs) {
                    b.heading(
                        &format!("Comparison: {}", table.titles.join(" · ")),
                        TITLE,
                        ACCENT,
                    );
                    let mut header = vec![String::new()];
                    header.extend(table.titles.iter().cloned());
                    let rows: Vec<Vec<(String, bool)>> = table
                        .rows
                        .iter()
                        .filter(|r| r.key != "summary")
                        .map(|r| {
                            let mut row = vec![(r.label.clone(), false)];
                            row.extend(r.cells.iter().map(|c| (c.text.clone(), false)));
                            row
                        })
                        .collect();
                    b.table(&header, &rows);
                    b.gap(2.0);
                    b.rule();
                }
            }
        }
    }
    b.rows
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Columns out of range.
    #[error("a PDF has 1 to 3 columns, not {0}")]
    Columns(usize),
    /// The embedded fonts could not be read (a broken build).
    #[error("the fonts built into OpsDeck could not be read")]
    Fonts,
    /// The PDF writer refused the document.
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The sheet as a PDF.
pub fn sheet_pdf(
    kb: &KnowledgeBase,
    sheet: &Sheet,
    notes: &BTreeMap<String, String>,
    options: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    if !(1..=3).contains(&options.columns) {
        return Err(PdfError::Columns(options.columns));
    }
    let metrics = Metrics::new().ok_or(PdfError::Fonts)?;
    let (w, h) = options.paper.size();
    let cols = options.columns;
    let col_w = (w - 2.0 * MARGIN - GAP * (cols as f32 - 1.0)) / cols as f32;
    let body_h = h - 2.0 * MARGIN - HEADER - FOOTER;
    let rows = sheet_rows(kb, sheet, notes, &metrics, col_w);
    let pages = flow(rows, cols, body_h);
    let fonts: Vec<(Face, Font)> = FONTS
        .iter()
        .map(|(face, data)| Font::new((*data).into(), 0).map(|f| (*face, f)))
        .collect::<Option<_>>()
        .ok_or(PdfError::Fonts)?;
    let font = |face: Face| {
        fonts
            .iter()
            .find(|(f, _)| *f == face)
            .map(|(_, font)| font.clone())
            .expect("every face has a font")
    };
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(sheet.name.clone())
            .creator("OpsDeck".to_owned()),
    );
    let total = pages.len();
    for (n, placed) in pages.into_iter().enumerate() {
        let settings = PageSettings::from_wh(w, h).ok_or(PdfError::Write("page size".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        let text = |s: &mut krilla::surface::Surface<'_>, x: f32, y: f32, run: &Run| {
            s.set_fill(Some(fill(run.color)));
            s.draw_text(
                Point::from_xy(x, y),
                font(run.face),
                run.size,
                &run.text,
                false,
                TextDirection::Auto,
            );
        };
        // Header: the sheet's name, the date; footer: the page.
        let name = Run::new(sheet.name.trim(), Face::Bold, 11.0, INK);
        text(&mut s, MARGIN, MARGIN + 11.0, &name);
        let stamp = format!("OpsDeck cheat-sheet · {}", options.date);
        let sw = metrics.width(Face::Regular, SMALL, &stamp);
        text(
            &mut s,
            w - MARGIN - sw,
            MARGIN + 10.0,
            &Run::new(stamp, Face::Regular, SMALL, MUTED),
        );
        line(
            &mut s,
            MARGIN,
            MARGIN + 16.0,
            w - MARGIN,
            MARGIN + 16.0,
            0.6,
            RULE,
        );
        let foot = format!("page {} of {total}", n + 1);
        let fw = metrics.width(Face::Regular, SMALL, &foot);
        text(
            &mut s,
            (w - fw) / 2.0,
            h - MARGIN + 4.0,
            &Run::new(foot, Face::Regular, SMALL, MUTED),
        );
        for c in 1..cols {
            let x = MARGIN + c as f32 * (col_w + GAP) - GAP / 2.0;
            line(
                &mut s,
                x,
                MARGIN + HEADER,
                x,
                h - MARGIN - FOOTER,
                0.3,
                RULE,
            );
        }
        for (column, y, row) in placed {
            let ox = MARGIN + column as f32 * (col_w + GAP);
            let oy = MARGIN + HEADER + y;
            for op in row.ops {
                match op {
                    Op::Rect { x, y, w, h, color } => {
                        if let Some(rect) = Rect::from_xywh(ox + x, oy + y, w, h) {
                            let mut pb = PathBuilder::new();
                            pb.push_rect(rect);
                            if let Some(path) = pb.finish() {
                                s.set_stroke(None);
                                s.set_fill(Some(fill(color)));
                                s.draw_path(&path);
                            }
                        }
                    }
                    Op::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                        color,
                    } => line(&mut s, ox + x1, oy + y1, ox + x2, oy + y2, width, color),
                    Op::Text { x, y, run } => text(&mut s, ox + x, oy + y, &run),
                }
            }
        }
        s.finish();
        page.finish();
    }
    doc.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        ..Fill::default()
    }
}

fn line(
    s: &mut krilla::surface::Surface<'_>,
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
    width: f32,
    color: (u8, u8, u8),
) {
    let mut pb = PathBuilder::new();
    pb.move_to(x1, y1);
    pb.line_to(x2, y2);
    if let Some(path) = pb.finish() {
        s.set_fill(None);
        s.set_stroke(Some(Stroke {
            paint: rgb::Color::new(color.0, color.1, color.2).into(),
            width,
            ..Stroke::default()
        }));
        s.draw_path(&path);
        s.set_stroke(None);
    }
}
