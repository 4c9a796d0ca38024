//! Everything the user can ask the window to do, as data that describes itself.
//!
//! [`Action`] is the table of named commands: each knows its label, what it does and its
//! keyboard shortcuts. Key handling, the help overlay, the command palette, menus, tooltips and
//! the README's keyboard table are all generated from it, so they cannot disagree.
//! [`Command`] is what views and shortcuts produce; the app applies it at the end of the frame.

mod action;

pub use action::*;

use crate::model::sheets::{Attachment, ExportFormat};

/// The views of the window.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, Default,
)]
pub enum View {
    /// Search results.
    #[default]
    Search,
    /// One entry.
    Entry,
    /// The limits table.
    Limits,
    /// The exam guide: domains, task statements and their entries.
    Guide,
    /// Decision wizards.
    Wizards,
    /// Side-by-side comparison.
    Compare,
    /// Personal cheat-sheets.
    Sheets,
    /// Study: cards, mock exams, progress.
    Study,
    /// Theme, scale and knowledge packs.
    Settings,
}

impl View {
    /// Views in rail order.
    pub const RAIL: [View; 8] = [
        View::Search,
        View::Guide,
        View::Study,
        View::Limits,
        View::Wizards,
        View::Compare,
        View::Sheets,
        View::Settings,
    ];

    /// Label in the rail.
    pub fn label(self) -> &'static str {
        match self {
            View::Search | View::Entry => "Search",
            View::Guide => "Exam guide",
            View::Limits => "Limits",
            View::Wizards => "Wizards",
            View::Compare => "Compare",
            View::Sheets => "My sheets",
            View::Study => "Study",
            View::Settings => "Settings",
        }
    }

    /// The name used by `--view` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            View::Search => "search",
            View::Entry => "entry",
            View::Guide => "guide",
            View::Limits => "limits",
            View::Wizards => "wizard",
            View::Compare => "compare",
            View::Sheets => "sheets",
            View::Study => "study",
            View::Settings => "settings",
        }
    }

    /// Every view, for parsing and messages.
    pub const ALL: [View; 9] = [
        View::Search,
        View::Entry,
        View::Guide,
        View::Study,
        View::Limits,
        View::Wizards,
        View::Compare,
        View::Sheets,
        View::Settings,
    ];

    /// Parses a `--view` name.
    pub fn parse(name: &str) -> Option<View> {
        let name = name.trim().to_ascii_lowercase();
        if name == "wizards" {
            return Some(View::Wizards);
        }
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always dark.
    Dark,
    /// Always light.
    Light,
}

impl ThemeChoice {
    /// Parses `system`, `dark` or `light`.
    pub fn parse(name: &str) -> Option<ThemeChoice> {
        match name.trim().to_ascii_lowercase().as_str() {
            "system" => Some(ThemeChoice::System),
            "dark" => Some(ThemeChoice::Dark),
            "light" => Some(ThemeChoice::Light),
            _ => None,
        }
    }
}

/// A UI scale change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomStep {
    /// Larger.
    In,
    /// Smaller.
    Out,
    /// Back to 100 %.
    Reset,
}

/// Something the user asked for; views and shortcuts produce these, the app applies them at
/// the end of the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A named action from the table.
    Run(Action),
    /// Open the entry with this id.
    Open(String),
    /// Put this text in the search box and search.
    SetQuery(String),
    /// Show a view.
    Show(View),
    /// Show this wizard with these raw answers filled in (key, value).
    OpenWizard(String, Vec<(String, String)>),
    /// Show this sheet in the sheets view.
    OpenSheet(String),
    /// Show this task statement in the exam guide.
    OpenTask(String),
    /// Compare these entries.
    Compare(Vec<String>),
    /// Change the theme.
    Theme(ThemeChoice),
    /// Star or unstar an entry.
    ToggleStar(String),
    /// Add an entry to a sheet (`None`: a new sheet).
    AddToSheet(String, Option<String>),
    /// Keep a wizard result or a comparison on the last sheet used.
    Attach(Attachment),
    /// The note being edited on this entry changed.
    NoteEdited(String),
    /// A change to a sheet.
    Sheet(SheetChange),
    /// Put text on the clipboard and confirm with the message.
    Copy(String, String),
    /// Add an entry to the last sheet used.
    AddToLast(String),
    /// Open the entry editor on an entry (`None`: a new entry).
    EditEntry(Option<String>),
    /// Add a pack chosen in a file dialog, to load on every run.
    AddPack,
    /// Stop loading a pack (its path).
    RemovePack(String),
    /// Open study with only the questions about this entry.
    Drill(String),
    /// Something done in the study view: a review, a finished exam.
    Study(StudyEvent),
    /// Save text to a file the user picks.
    SaveText {
        /// The suggested file name, with its extension.
        file_name: String,
        /// What kind of file it is, for the dialog's filter ("Markdown").
        kind: String,
        /// The text.
        text: String,
    },
}

impl From<Action> for Command {
    fn from(action: Action) -> Command {
        Command::Run(action)
    }
}

/// What the study view asks the app to record.
#[derive(Debug, Clone, PartialEq)]
pub enum StudyEvent {
    /// A card or question was answered and graded.
    Review {
        /// Question id.
        id: String,
        /// The grade.
        grade: crate::model::study::srs::Grade,
        /// For a question with options, whether the answer was right.
        correct: Option<bool>,
    },
    /// A mock exam finished: its record, and a review for each question answered.
    Exam(crate::model::study::log::ExamRecord, Vec<(String, bool)>),
    /// The number of new cards a day changed.
    DailyNew(u32),
}

/// A change to the sheets, from the sheets view.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetChange {
    /// Create a sheet.
    New(String),
    /// Rename a sheet.
    Rename(String, String),
    /// Delete a sheet (undoable).
    Delete(String),
    /// Move an entry within a sheet.
    Move(String, usize, usize),
    /// Remove an entry from a sheet (undoable).
    Remove(String, String),
    /// Remove the kept decision or comparison at this index from a sheet.
    Detach(String, usize),
    /// Export with a save dialog.
    Export(String, ExportFormat),
    /// Export as PDF with a save dialog.
    ExportPdf {
        /// The sheet.
        name: String,
        /// US Letter rather than A4.
        letter: bool,
        /// Columns, 1 to 3.
        columns: usize,
    },
    /// Take the offered note at this index of the last import (`true`: replace the user's).
    AcceptNote(usize, bool),
    /// Dismiss the notes offered by the last import.
    DeclineNotes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_belongs_to_one_action() {
        let mut seen: Vec<(Shortcut, Scope)> = Vec::new();
        for action in Action::ALL {
            for &s in action.shortcuts() {
                assert!(
                    !seen.contains(&(s, action.scope())),
                    "{} is bound twice",
                    s.text()
                );
                seen.push((s, action.scope()));
            }
        }
    }

    #[test]
    fn shortcuts_read_as_people_write_them() {
        assert_eq!(Action::FocusSearch.shortcut_text(), "Ctrl+K, Ctrl+F or /");
        assert_eq!(Action::Palette.shortcut_text(), "Ctrl+Shift+P or Ctrl+P");
        assert_eq!(Action::Back.shortcut_text(), "Alt+← or mouse back");
        assert_eq!(Action::ZoomIn.tooltip(), "Larger text (Ctrl+Plus)");
    }

    #[test]
    fn views_parse_by_name() {
        for view in View::ALL {
            assert_eq!(View::parse(view.name()), Some(view));
        }
        assert_eq!(View::parse("wizards"), Some(View::Wizards));
        assert_eq!(View::parse("nope"), None);
    }
}
