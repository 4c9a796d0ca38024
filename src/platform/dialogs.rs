//! The operating system's file dialogs (through rfd), so views never open them themselves.

use std::path::PathBuf;

/// Asks where to save a file; `None` when the user cancels.
pub fn save_file(suggested_name: &str, kind: &str, extension: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_file_name(suggested_name)
        .add_filter(kind, &[extension])
        .save_file()
}

/// Asks for a file to open; `None` when the user cancels.
pub fn pick_file(kind: &str, extensions: &[&str]) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(kind, extensions)
        .pick_file()
}

/// A file name made from a sheet or entry name: characters that file systems refuse are
/// replaced, and the extension added.
pub fn file_name_for(name: &str, extension: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let safe = if safe.is_empty() {
        "sheet".to_owned()
    } else {
        safe
    };
    format!("{safe}.{extension}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_safe() {
        assert_eq!(super::file_name_for("a/b: c?", "md"), "a-b- c-.md");
        assert_eq!(super::file_name_for("  ", "pdf"), "sheet.pdf");
    }
}
