//! Text measuring, line breaking and flowing rows into columns and pages. Knows nothing of
//! sheets: it takes runs of styled text and gives positioned drawing operations.

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

/// The typefaces a sheet uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Body text.
    Regular,
    /// Headings and strong words.
    Bold,
    /// Tips and asides.
    Italic,
    /// Code, commands, API names.
    Mono,
}

/// The font files, embedded in the binary (DejaVu, free to embed).
pub const FONTS: [(Face, &[u8]); 4] = [
    (
        Face::Regular,
        include_bytes!("../../../../assets/fonts/DejaVuSansCondensed.ttf"),
    ),
    (
        Face::Bold,
        include_bytes!("../../../../assets/fonts/DejaVuSansCondensed-Bold.ttf"),
    ),
    (
        Face::Italic,
        include_bytes!("../../../../assets/fonts/DejaVuSansCondensed-Oblique.ttf"),
    ),
    (
        Face::Mono,
        include_bytes!("../../../../assets/fonts/DejaVuSansMono.ttf"),
    ),
];

/// Advance widths per face, read once.
pub struct Metrics {
    faces: Vec<(Face, f32, FontRef<'static>)>,
}

impl Metrics {
    /// Reads the embedded fonts.
    pub fn new() -> Option<Metrics> {
        let mut faces = Vec::new();
        for (face, data) in FONTS {
            let font = FontRef::new(data).ok()?;
            let upem = f32::from(font.head().ok()?.units_per_em());
            faces.push((face, upem, font));
        }
        Some(Metrics { faces })
    }

    /// The width of text in points at a size.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let Some((_, upem, font)) = self.faces.iter().find(|f| f.0 == face) else {
            return 0.0;
        };
        let charmap = font.charmap();
        let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| glyphs.advance_width(g))
                    .unwrap_or(upem * 0.5)
            })
            .sum::<f32>()
            * size
            / upem
    }
}

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Its face.
    pub face: Face,
    /// Its size in points.
    pub size: f32,
    /// Its colour.
    pub color: (u8, u8, u8),
    /// Drawn with a line through it (an outdated value).
    pub strike: bool,
}

impl Run {
    /// Text in a face, size and colour.
    pub fn new(text: impl Into<String>, face: Face, size: f32, color: (u8, u8, u8)) -> Run {
        Run {
            text: text.into(),
            face,
            size,
            color,
            strike: false,
        }
    }
}

/// One thing to draw, at a position relative to its row's top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Text on a baseline.
    Text {
        /// Left.
        x: f32,
        /// Baseline.
        y: f32,
        /// What.
        run: Run,
    },
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        color: (u8, u8, u8),
    },
    /// A straight line.
    Line {
        /// From.
        x1: f32,
        /// From.
        y1: f32,
        /// To.
        x2: f32,
        /// To.
        y2: f32,
        /// Width.
        width: f32,
        /// Colour.
        color: (u8, u8, u8),
    },
}

/// A vertical slice that is never split across columns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Its height.
    pub height: f32,
    /// What it draws.
    pub ops: Vec<Op>,
    /// Keep on the same column as the next row (a heading).
    pub keep_with_next: bool,
}

/// Breaks styled runs into lines no wider than `width`, each a row; `indent` starts the
/// lines after the first (and all of them when `hanging` is false).
pub fn paragraph(
    metrics: &Metrics,
    runs: &[Run],
    width: f32,
    first_indent: f32,
    indent: f32,
    leading: f32,
) -> Vec<Row> {
    // Words keep their run's style; a space after a word belongs to it.
    let mut words: Vec<(Run, f32, f32)> = Vec::new(); // (word run, width, space width after)
    for run in runs {
        let space = metrics.width(run.face, run.size, " ");
        let mut first = true;
        for piece in run.text.split(' ') {
            if !first && let Some(last) = words.last_mut() {
                last.2 = space;
            }
            first = false;
            if piece.is_empty() {
                continue;
            }
            let w = metrics.width(run.face, run.size, piece);
            let mut word = run.clone();
            word.text = piece.to_owned();
            words.push((word, w, 0.0));
        }
    }
    let size = runs.iter().map(|r| r.size).fold(0.0, f32::max).max(1.0);
    let line_h = size * leading;
    let mut rows = Vec::new();
    let mut line: Vec<(f32, Run, f32)> = Vec::new();
    let mut x = first_indent;
    let mut start = first_indent;
    let flush = |line: &mut Vec<(f32, Run, f32)>, rows: &mut Vec<Row>| {
        if line.is_empty() {
            return;
        }
        let baseline = size * 0.95;
        let mut ops = Vec::new();
        for (x, run, w) in line.drain(..) {
            if run.strike {
                ops.push(Op::Line {
                    x1: x,
                    y1: baseline - run.size * 0.3,
                    x2: x + w,
                    y2: baseline - run.size * 0.3,
                    width: 0.5,
                    color: run.color,
                });
            }
            ops.push(Op::Text {
                x,
                y: baseline,
                run,
            });
        }
        rows.push(Row {
            height: line_h,
            ops,
            keep_with_next: false,
        });
    };
    for (word, w, space) in words {
        if x + w > width && !line.is_empty() {
            flush(&mut line, &mut rows);
            start = indent;
            x = start;
        }
        // A word wider than the line is cut where it overflows.
        if x + w > width && line.is_empty() {
            let mut cut = String::new();
            for c in word.text.chars() {
                let mut next = cut.clone();
                next.push(c);
                if start + metrics.width(word.face, word.size, &next) > width && !cut.is_empty() {
                    let cw = metrics.width(word.face, word.size, &cut);
                    let mut part = word.clone();
                    part.text = std::mem::take(&mut cut);
                    line.push((start, part, cw));
                    flush(&mut line, &mut rows);
                    start = indent;
                    next = c.to_string();
                }
                cut = next;
            }
            let cw = metrics.width(word.face, word.size, &cut);
            let mut part = word.clone();
            part.text = cut;
            line.push((start, part, cw));
            x = start + cw + space;
            continue;
        }
        line.push((x, word, w));
        x += w + space;
    }
    flush(&mut line, &mut rows);
    rows
}

/// A page's rows, placed: (column, y, row).
pub type Placed = Vec<(usize, f32, Row)>;

/// Flows rows into columns of height `height`, `columns` to a page. Returns the pages.
pub fn flow(rows: Vec<Row>, columns: usize, height: f32) -> Vec<Placed> {
    let mut pages: Vec<Placed> = vec![Vec::new()];
    let mut column = 0;
    let mut y = 0.0;
    let mut i = 0;
    while i < rows.len() {
        // A heading moves with the row after it.
        let mut need = rows[i].height;
        let mut j = i;
        while rows[j].keep_with_next && j + 1 < rows.len() {
            j += 1;
            need += rows[j].height;
        }
        if y + need > height && y > 0.0 {
            column += 1;
            y = 0.0;
            if column == columns {
                column = 0;
                pages.push(Vec::new());
            }
        }
        for row in &rows[i..=j] {
            let h = row.height;
            pages
                .last_mut()
                .expect("a page")
                .push((column, y, row.clone()));
            y += h;
        }
        i = j + 1;
    }
    pages
}
