//! Everything the user can ask the window to do, as data that describes itself.
//!
//! [`Action`] is the table of named commands: each knows its label, what it does and its
//! keyboard shortcuts. Key handling, the help overlay, the command palette, menus, tooltips and
//! the README's keyboard table are all generated from it, so they cannot disagree.
//! [`Command`] is what views and shortcuts produce; the app applies it at the end of the frame.

use egui::{Key, KeyboardShortcut, Modifiers};

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
    /// Theme, scale and knowledge packs.
    Settings,
}

impl View {
    /// Views in rail order.
    pub const RAIL: [View; 7] = [
        View::Search,
        View::Guide,
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
            View::Settings => "settings",
        }
    }

    /// Every view, for parsing and messages.
    pub const ALL: [View; 8] = [
        View::Search,
        View::Entry,
        View::Guide,
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

/// A keyboard shortcut of an [`Action`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// A key with modifiers.
    Key(Modifiers, Key),
    /// A character typed while no text field has focus, such as `/` or `?`.
    Char(char),
    /// A mouse button.
    Mouse(egui::PointerButton),
}

impl Shortcut {
    /// How the shortcut is written for people: `Ctrl+K`, `/`, `Mouse back`.
    pub fn text(self) -> String {
        match self {
            Shortcut::Key(mods, key) => {
                let mut parts: Vec<&str> = Vec::new();
                if mods.command || mods.ctrl {
                    parts.push("Ctrl");
                }
                if mods.alt {
                    parts.push("Alt");
                }
                if mods.shift {
                    parts.push("Shift");
                }
                let key = match key {
                    Key::ArrowUp => "↑",
                    Key::ArrowDown => "↓",
                    Key::ArrowLeft => "←",
                    Key::ArrowRight => "→",
                    Key::Plus => "Plus",
                    Key::Minus => "Minus",
                    Key::Num0 => "0",
                    Key::Escape => "Esc",
                    Key::PageUp => "PageUp",
                    Key::PageDown => "PageDown",
                    Key::Enter => "Enter",
                    Key::Delete => "Delete",
                    other => other.name(),
                };
                parts.push(key);
                parts.join("+")
            }
            Shortcut::Char(c) => c.to_string(),
            Shortcut::Mouse(egui::PointerButton::Extra1) => "mouse back".to_owned(),
            Shortcut::Mouse(egui::PointerButton::Extra2) => "mouse forward".to_owned(),
            Shortcut::Mouse(_) => "mouse".to_owned(),
        }
    }

    /// The egui shortcut, for key shortcuts.
    pub fn keyboard(self) -> Option<KeyboardShortcut> {
        match self {
            Shortcut::Key(mods, key) => Some(KeyboardShortcut::new(mods, key)),
            _ => None,
        }
    }
}

/// Where an action's shortcuts work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, even while typing.
    Global,
    /// Anywhere, except while a text field other than the search box has the keyboard.
    NotTyping,
    /// In the search view or while the search box has focus.
    Results,
    /// In the sheets view, while no text field has the keyboard.
    Sheets,
}

const CMD: Modifiers = Modifiers::COMMAND;
const NONE: Modifiers = Modifiers::NONE;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// A named command of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Put the cursor in the search box, with its text selected.
    FocusSearch,
    /// Open the command palette.
    Palette,
    /// Go back in history.
    Back,
    /// Go forward in history.
    Forward,
    /// Clear the search, close an overlay, or go back.
    Escape,
    /// Move the result selection down.
    SelectNext,
    /// Move the result selection up.
    SelectPrevious,
    /// Move the result selection down a page.
    PageDown,
    /// Move the result selection up a page.
    PageUp,
    /// Open the selected result.
    OpenSelected,
    /// Star the entry on screen or the selected result.
    StarCurrent,
    /// Add the entry on screen or the selected result to the last sheet used.
    AddCurrent,
    /// Show the search view.
    ShowSearch,
    /// Show the exam guide.
    ShowGuide,
    /// Show the limits table.
    ShowLimits,
    /// Show the wizards.
    ShowWizards,
    /// Show the compare view.
    ShowCompare,
    /// Show the sheets.
    ShowSheets,
    /// Show the settings.
    ShowSettings,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text size back to 100 %.
    ZoomReset,
    /// Show or hide the keyboard help.
    ToggleHelp,
    /// Use the dark theme.
    ThemeDark,
    /// Use the light theme.
    ThemeLight,
    /// Follow the system's theme.
    ThemeSystem,
    /// Move the highlighted sheet entry up.
    SheetMoveUp,
    /// Move the highlighted sheet entry down.
    SheetMoveDown,
    /// Remove the highlighted sheet entry.
    SheetRemove,
    /// Undo the last removal from the sheets.
    Undo,
    /// Import a shared sheet from a file.
    ImportSheet,
    /// Dismiss the error in the status line.
    DismissError,
}

impl Action {
    /// Every action, in the order the help overlay and the palette list them.
    pub const ALL: [Action; 32] = [
        Action::FocusSearch,
        Action::Palette,
        Action::SelectNext,
        Action::SelectPrevious,
        Action::PageDown,
        Action::PageUp,
        Action::OpenSelected,
        Action::Escape,
        Action::Back,
        Action::Forward,
        Action::StarCurrent,
        Action::AddCurrent,
        Action::ShowSearch,
        Action::ShowGuide,
        Action::ShowLimits,
        Action::ShowWizards,
        Action::ShowCompare,
        Action::ShowSheets,
        Action::ShowSettings,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ToggleHelp,
        Action::ThemeDark,
        Action::ThemeLight,
        Action::ThemeSystem,
        Action::SheetMoveUp,
        Action::SheetMoveDown,
        Action::SheetRemove,
        Action::Undo,
        Action::ImportSheet,
        Action::DismissError,
    ];

    /// A short label, for menus and the palette.
    pub fn label(self) -> &'static str {
        match self {
            Action::FocusSearch => "Search",
            Action::Palette => "Command palette",
            Action::Back => "Back",
            Action::Forward => "Forward",
            Action::Escape => "Clear or go back",
            Action::SelectNext => "Next result",
            Action::SelectPrevious => "Previous result",
            Action::PageDown => "Results: page down",
            Action::PageUp => "Results: page up",
            Action::OpenSelected => "Open the selected result",
            Action::StarCurrent => "Star or unstar",
            Action::AddCurrent => "Add to the last sheet",
            Action::ShowSearch => "Go to Search",
            Action::ShowGuide => "Go to the exam guide",
            Action::ShowLimits => "Go to Limits",
            Action::ShowWizards => "Go to Wizards",
            Action::ShowCompare => "Go to Compare",
            Action::ShowSheets => "Go to My sheets",
            Action::ShowSettings => "Go to Settings",
            Action::ZoomIn => "Larger text",
            Action::ZoomOut => "Smaller text",
            Action::ZoomReset => "Reset the text size",
            Action::ToggleHelp => "Keyboard shortcuts",
            Action::ThemeDark => "Theme: dark",
            Action::ThemeLight => "Theme: light",
            Action::ThemeSystem => "Theme: follow the system",
            Action::SheetMoveUp => "Sheet: move the entry up",
            Action::SheetMoveDown => "Sheet: move the entry down",
            Action::SheetRemove => "Sheet: remove the entry",
            Action::Undo => "Undo the last removal",
            Action::ImportSheet => "Import a shared sheet…",
            Action::DismissError => "Dismiss the error",
        }
    }

    /// What it does, for tooltips and the help overlay.
    pub fn help(self) -> &'static str {
        match self {
            Action::FocusSearch => "Focus the search box and select its text",
            Action::Palette => "Find any command, view, wizard, sheet or setting by name",
            Action::Back => "Back (also the mouse's back button)",
            Action::Forward => "Forward (also the mouse's forward button)",
            Action::Escape => "Clear the search, close an overlay, or go back",
            Action::SelectNext | Action::SelectPrevious => "Move through results",
            Action::PageDown | Action::PageUp => "Move through results a page at a time",
            Action::OpenSelected => "Open the selected result",
            Action::StarCurrent => "Star the entry on screen or the selected result",
            Action::AddCurrent => {
                "Add the entry on screen or the selected result to the last sheet used"
            }
            Action::ShowSearch => "Show the search view",
            Action::ShowGuide => "Show the exam guide: domains, task statements and their entries",
            Action::ShowLimits => "Open the limits table",
            Action::ShowWizards => "Show the decision wizards",
            Action::ShowCompare => "Compare strategies side by side",
            Action::ShowSheets => "Show your cheat-sheets",
            Action::ShowSettings => "Theme, text size and history",
            Action::ZoomIn => "Larger text",
            Action::ZoomOut => "Smaller text",
            Action::ZoomReset => "Reset the text size to 100 %",
            Action::ToggleHelp => "Show or hide this help",
            Action::ThemeDark => "Use the dark theme",
            Action::ThemeLight => "Use the light theme",
            Action::ThemeSystem => "Follow the system's light or dark setting",
            Action::SheetMoveUp => "Move the highlighted entry of the sheet up",
            Action::SheetMoveDown => "Move the highlighted entry of the sheet down",
            Action::SheetRemove => "Remove the highlighted entry from the sheet (undoable)",
            Action::Undo => "Undo the last sheet deletion or removal",
            Action::ImportSheet => "Import a sheet another OpsDeck user shared",
            Action::DismissError => "Hide the error shown in the status line",
        }
    }

    /// Its shortcuts, the first being the one shown in tooltips.
    pub fn shortcuts(self) -> &'static [Shortcut] {
        use Shortcut::{Char, Key as K, Mouse};
        match self {
            Action::FocusSearch => &[K(CMD, Key::K), K(CMD, Key::F), Char('/')],
            Action::Palette => &[K(CMD_SHIFT, Key::P), K(CMD, Key::P)],
            Action::Back => &[K(ALT, Key::ArrowLeft), Mouse(egui::PointerButton::Extra1)],
            Action::Forward => &[K(ALT, Key::ArrowRight), Mouse(egui::PointerButton::Extra2)],
            Action::Escape => &[K(NONE, Key::Escape)],
            Action::SelectNext => &[K(NONE, Key::ArrowDown)],
            Action::SelectPrevious => &[K(NONE, Key::ArrowUp)],
            Action::PageDown => &[K(NONE, Key::PageDown)],
            Action::PageUp => &[K(NONE, Key::PageUp)],
            Action::OpenSelected => &[K(NONE, Key::Enter)],
            Action::StarCurrent => &[K(CMD, Key::D)],
            Action::AddCurrent => &[K(CMD, Key::E)],
            Action::ShowLimits => &[K(CMD, Key::L)],
            Action::ShowGuide => &[K(CMD, Key::G)],
            Action::ZoomIn => &[K(CMD, Key::Plus), K(CMD, Key::Equals)],
            Action::ZoomOut => &[K(CMD, Key::Minus)],
            Action::ZoomReset => &[K(CMD, Key::Num0)],
            Action::ToggleHelp => &[K(NONE, Key::F1), Char('?')],
            Action::SheetMoveUp => &[K(ALT, Key::ArrowUp)],
            Action::SheetMoveDown => &[K(ALT, Key::ArrowDown)],
            Action::SheetRemove => &[K(NONE, Key::Delete)],
            Action::Undo => &[K(CMD, Key::Z)],
            _ => &[],
        }
    }

    /// Where the shortcuts work.
    pub fn scope(self) -> Scope {
        match self {
            Action::SelectNext
            | Action::SelectPrevious
            | Action::PageDown
            | Action::PageUp
            | Action::OpenSelected => Scope::Results,
            Action::SheetMoveUp | Action::SheetMoveDown | Action::SheetRemove => Scope::Sheets,
            Action::Escape | Action::Undo => Scope::NotTyping,
            _ => Scope::Global,
        }
    }

    /// The shortcuts as one phrase: `Ctrl+K, Ctrl+F or /`.
    pub fn shortcut_text(self) -> String {
        let texts: Vec<String> = self.shortcuts().iter().map(|s| s.text()).collect();
        match texts.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }

    /// The tooltip for a button that runs the action: what it does and its first shortcut.
    pub fn tooltip(self) -> String {
        match self.shortcuts().first() {
            Some(s) => format!("{} ({})", self.help(), s.text()),
            None => self.help().to_owned(),
        }
    }

    /// The view an action shows, for `Show…` actions.
    pub fn view(self) -> Option<View> {
        Some(match self {
            Action::ShowSearch => View::Search,
            Action::ShowGuide => View::Guide,
            Action::ShowLimits => View::Limits,
            Action::ShowWizards => View::Wizards,
            Action::ShowCompare => View::Compare,
            Action::ShowSheets => View::Sheets,
            Action::ShowSettings => View::Settings,
            _ => return None,
        })
    }
}

/// Rows of the keyboard help: `(keys, what)` for every action with a shortcut, with the
/// result-list and history pairs merged as people read them.
pub fn keyboard_rows() -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    let pairs = [
        (Action::SelectNext, Action::SelectPrevious),
        (Action::PageDown, Action::PageUp),
        (Action::Back, Action::Forward),
        (Action::ZoomIn, Action::ZoomOut),
        (Action::StarCurrent, Action::AddCurrent),
        (Action::SheetMoveUp, Action::SheetMoveDown),
    ];
    let mut done: Vec<Action> = Vec::new();
    for action in Action::ALL {
        if done.contains(&action) || action.shortcuts().is_empty() {
            continue;
        }
        if let Some(&(a, b)) = pairs.iter().find(|(a, b)| *a == action || *b == action) {
            done.extend([a, b]);
            rows.push((
                format!("{} / {}", a.shortcut_text(), b.shortcut_text()),
                format!("{} / {}", a.label(), b.label().to_lowercase()),
            ));
            continue;
        }
        done.push(action);
        rows.push((action.shortcut_text(), action.help().to_owned()));
    }
    rows
}

/// Two actions' shortcuts as one phrase: `Alt+↑ / Alt+↓`.
pub fn keyboard_pair(a: Action, b: Action) -> String {
    format!("{} / {}", a.shortcut_text(), b.shortcut_text())
}

/// The keyboard table as Markdown, as the README shows it.
pub fn keyboard_table_markdown() -> String {
    let mut md = String::from("| keys | action |\n|---|---|\n");
    for (keys, what) in keyboard_rows() {
        let keys: Vec<String> = keys
            .split(" / ")
            .map(|group| {
                group
                    .split(", ")
                    .flat_map(|k| k.split(" or "))
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        md.push_str(&format!("| {} | {what} |\n", keys.join(" / ")));
    }
    md
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
