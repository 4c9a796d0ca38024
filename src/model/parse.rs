//! Reading RON data files and knowledge packs, with errors that name file, line and column.
//!
//! Shared with `build.rs` (included by path): it depends on `serde`, `ron` and the sibling
//! `schema` module only, and never touches the file system.

use std::fmt;

use super::schema::DataFile;

/// The largest data file or knowledge pack accepted, in bytes (16 MiB).
pub const MAX_DATA_BYTES: usize = 16 * 1024 * 1024;

/// A problem at a place in a text file, printed like a compiler's diagnostic:
/// `data/x.ron:12:5: related id "codedeploy-hooks" does not exist`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file's name as the user knows it.
    pub file: String,
    /// 1-based line; 0 when the problem has no position (e.g. the file is too large).
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, and where useful, what was expected.
    pub message: String,
}

// Display by hand, not thiserror: build.rs compiles this file too, without the app's crates.
impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for Located {}

/// Parses one data file or pack. `file` is only used in error messages.
///
/// `Option` fields may be written without `Some(...)` (RON's `implicit_some`), and the parser's
/// own recursion limit protects against deeply nested hostile input.
pub fn parse_data_file(file: &str, text: &str) -> Result<DataFile, Located> {
    if text.len() > MAX_DATA_BYTES {
        return Err(Located {
            file: file.to_owned(),
            line: 0,
            column: 0,
            message: format!(
                "the file is {} bytes; the limit is {} bytes (16 MiB). Split it into smaller packs",
                text.len(),
                MAX_DATA_BYTES
            ),
        });
    }
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options.from_str::<DataFile>(text).map_err(|err| Located {
        file: file.to_owned(),
        line: err.span.start.line.max(1),
        column: err.span.start.col.max(1),
        message: err.code.to_string(),
    })
}

/// Finds the 1-based line and column (in characters) of byte offset `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Finds where an entry (by id) and, optionally, a string literal inside it are written.
///
/// Used to place semantic errors (an unknown related id, a bad date) at the right line and
/// column, since serde does not keep positions. Falls back to the entry's own line, then to the
/// top of the file.
pub fn locate(text: &str, entry_id: Option<&str>, literal: Option<&str>) -> (usize, usize) {
    let entry_start = entry_id.and_then(|id| find_id_field(text, id));
    let search_from = entry_start.unwrap_or(0);
    if let Some(lit) = literal {
        let quoted = format!("{lit:?}");
        if let Some(rel) = text[search_from..].find(&quoted) {
            return line_column(text, search_from + rel);
        }
    }
    match entry_start {
        Some(start) => line_column(text, start),
        None => (1, 1),
    }
}

/// Byte offset of `id: "ID"` (any spacing) in `text`.
fn find_id_field(text: &str, id: &str) -> Option<usize> {
    let quoted = format!("{id:?}");
    let mut from = 0;
    while let Some(rel) = text[from..].find(&quoted) {
        let at = from + rel;
        let before = text[..at].trim_end();
        if let Some(head) = before.strip_suffix(':')
            && head.trim_end().ends_with("id")
        {
            let key_start = head.trim_end().len() - 2;
            return Some(key_start);
        }
        from = at + quoted.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_column_of_a_syntax_error() {
        let text = "(\n  entries: [\n    (id: \"a\", kind: bogus),\n  ],\n)\n";
        let err = parse_data_file("pack.ron", text).unwrap_err();
        assert_eq!(err.file, "pack.ron");
        assert_eq!(err.line, 3);
        assert!(err.column > 1, "{err}");
        assert!(err.to_string().starts_with("pack.ron:3:"), "{err}");
        assert!(
            err.message.contains("bogus") || err.message.contains("variant"),
            "{err}"
        );
    }

    #[test]
    fn accepts_options_without_some() {
        let text = r#"(entries: [(id: "x", kind: concept, title: "X", summary: "s",
            status: (state: retired, date: "2024-05", note: "gone"))])"#;
        let file = parse_data_file("x.ron", text).unwrap();
        assert_eq!(
            file.entries[0].status.as_ref().unwrap().date.as_deref(),
            Some("2024-05")
        );
    }

    #[test]
    fn refuses_oversized_input_without_parsing_it() {
        let text = " ".repeat(MAX_DATA_BYTES + 1);
        let err = parse_data_file("big.ron", &text).unwrap_err();
        assert!(err.message.contains("limit"), "{err}");
    }

    #[test]
    fn survives_deep_nesting() {
        let text = "(entries: ".to_owned() + &"[".repeat(10_000);
        assert!(parse_data_file("deep.ron", &text).is_err());
    }

    #[test]
    fn locates_literals_inside_the_right_entry() {
        let text =
            "(entries: [\n (id: \"a\", related: [\"z\"]),\n (id: \"b\",\n  related: [\"z\"]),\n])";
        assert_eq!(locate(text, Some("b"), Some("z")), (4, 13));
        assert_eq!(locate(text, Some("a"), Some("z")), (2, 22));
        assert_eq!(locate(text, Some("b"), None), (3, 3));
        assert_eq!(locate(text, Some("missing"), None), (1, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é\"x\"";
        assert_eq!(line_column(text, 2), (1, 2));
    }
}
