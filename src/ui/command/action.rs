//! The table of named actions: labels, help, keyboard shortcuts and where they work.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::View;

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
    /// In the study view, while no text field has the keyboard.
    Study,
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
    /// Show study: cards, mock exams, progress.
    ShowStudy,
    /// Write a new entry of your own.
    NewEntry,
    /// Study: show the answer, or check the options picked.
    StudyReveal,
    /// Study: grade the card Again.
    StudyAgain,
    /// Study: grade the card Hard.
    StudyHard,
    /// Study: grade the card Good.
    StudyGood,
    /// Study: grade the card Easy.
    StudyEasy,
    /// Study: pick or unpick option A.
    StudyPickA,
    /// Study: pick or unpick option B.
    StudyPickB,
    /// Study: pick or unpick option C.
    StudyPickC,
    /// Study: pick or unpick option D.
    StudyPickD,
    /// Study: pick or unpick option E.
    StudyPickE,
    /// Mock exam: the next question.
    ExamNext,
    /// Mock exam: the previous question.
    ExamPrevious,
    /// Mock exam: flag the question for review.
    ExamFlag,
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
    pub const ALL: [Action; 47] = [
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
        Action::ShowStudy,
        Action::NewEntry,
        Action::StudyReveal,
        Action::StudyPickA,
        Action::StudyPickB,
        Action::StudyPickC,
        Action::StudyPickD,
        Action::StudyPickE,
        Action::StudyAgain,
        Action::StudyHard,
        Action::StudyGood,
        Action::StudyEasy,
        Action::ExamPrevious,
        Action::ExamNext,
        Action::ExamFlag,
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
            Action::ShowStudy => "Go to Study",
            Action::NewEntry => "New entry of your own…",
            Action::StudyReveal => "Study: show or check the answer",
            Action::StudyAgain => "Grade Again",
            Action::StudyHard => "Hard",
            Action::StudyGood => "Good",
            Action::StudyEasy => "Easy",
            Action::StudyPickA => "Pick option A",
            Action::StudyPickB => "B",
            Action::StudyPickC => "C",
            Action::StudyPickD => "D",
            Action::StudyPickE => "E",
            Action::ExamPrevious => "Exam: previous question",
            Action::ExamNext => "next question",
            Action::ExamFlag => "Exam: flag for review",
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
            Action::ShowStudy => "Study cards, take a mock exam, see your progress",
            Action::NewEntry => {
                "Write an entry of your own; it is searched and shown like any other"
            }
            Action::StudyReveal => "Show a card's answer, or check the options picked",
            Action::StudyAgain | Action::StudyHard | Action::StudyGood | Action::StudyEasy => {
                "Grade the card: Again, Hard, Good or Easy"
            }
            Action::StudyPickA
            | Action::StudyPickB
            | Action::StudyPickC
            | Action::StudyPickD
            | Action::StudyPickE => "Pick or unpick an option",
            Action::ExamPrevious | Action::ExamNext => "Move between mock exam questions",
            Action::ExamFlag => "Flag the mock exam question for review",
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
            Action::ShowStudy => &[K(CMD, Key::J)],
            Action::NewEntry => &[K(CMD, Key::N)],
            Action::StudyReveal => &[K(NONE, Key::Space)],
            Action::StudyAgain => &[K(NONE, Key::Num1)],
            Action::StudyHard => &[K(NONE, Key::Num2)],
            Action::StudyGood => &[K(NONE, Key::Num3)],
            Action::StudyEasy => &[K(NONE, Key::Num4)],
            Action::StudyPickA => &[K(NONE, Key::A)],
            Action::StudyPickB => &[K(NONE, Key::B)],
            Action::StudyPickC => &[K(NONE, Key::C)],
            Action::StudyPickD => &[K(NONE, Key::D)],
            Action::StudyPickE => &[K(NONE, Key::E)],
            Action::ExamPrevious => &[K(NONE, Key::ArrowLeft)],
            Action::ExamNext => &[K(NONE, Key::ArrowRight)],
            Action::ExamFlag => &[K(NONE, Key::F)],
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
            Action::StudyReveal
            | Action::StudyAgain
            | Action::StudyHard
            | Action::StudyGood
            | Action::StudyEasy
            | Action::StudyPickA
            | Action::StudyPickB
            | Action::StudyPickC
            | Action::StudyPickD
            | Action::StudyPickE
            | Action::ExamPrevious
            | Action::ExamNext
            | Action::ExamFlag => Scope::Study,
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
            Action::ShowStudy => View::Study,
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
        (Action::ExamPrevious, Action::ExamNext),
    ];
    // Runs of keys read as one row: "1 / 2 / 3 / 4: grade Again, Hard, Good or Easy".
    let runs: [&[Action]; 2] = [
        &[
            Action::StudyPickA,
            Action::StudyPickB,
            Action::StudyPickC,
            Action::StudyPickD,
            Action::StudyPickE,
        ],
        &[
            Action::StudyAgain,
            Action::StudyHard,
            Action::StudyGood,
            Action::StudyEasy,
        ],
    ];
    let mut done: Vec<Action> = Vec::new();
    for action in Action::ALL {
        if done.contains(&action) || action.shortcuts().is_empty() {
            continue;
        }
        if let Some(run) = runs.iter().find(|r| r.contains(&action)) {
            done.extend(run.iter().copied());
            let keys: Vec<String> = run.iter().map(|a| a.shortcut_text()).collect();
            rows.push((keys.join(" / "), action.help().to_owned()));
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
