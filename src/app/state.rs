//! What the app remembers between runs (persisted) and the views it can show.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ui::compare::CompareState;

/// The views of the navigation rail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum View {
    /// Search results.
    #[default]
    Search,
    /// One entry.
    Entry,
    /// The limits table.
    Limits,
    /// Decision wizards.
    Wizards,
    /// Side-by-side comparison.
    Compare,
    /// Personal cheat-sheets.
    Sheets,
    /// Theme and scale.
    Settings,
}

impl View {
    /// Views in rail order.
    pub const RAIL: [View; 6] = [
        View::Search,
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
            View::Limits => "Limits",
            View::Wizards => "Wizards",
            View::Compare => "Compare",
            View::Sheets => "My sheets",
            View::Settings => "Settings",
        }
    }

    /// Parses the `--view` name of the screenshot mode.
    pub fn parse(name: &str) -> Option<View> {
        Some(match name {
            "search" => View::Search,
            "entry" => View::Entry,
            "limits" => View::Limits,
            "wizard" | "wizards" => View::Wizards,
            "compare" => View::Compare,
            "sheets" => View::Sheets,
            "settings" => View::Settings,
            _ => return None,
        })
    }
}

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always dark.
    Dark,
    /// Always light.
    Light,
}

/// A place in the history: a view, and the entry when the view is an entry page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The view.
    pub view: View,
    /// The entry id on an entry page.
    pub entry: Option<String>,
}

/// Back/forward history of places, like a browser's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct History {
    /// Places before the current one, oldest first.
    pub back: Vec<Place>,
    /// Places after the current one, nearest last.
    pub forward: Vec<Place>,
}

/// The most places kept in each direction.
pub const HISTORY_LIMIT: usize = 100;

impl History {
    /// Records a move away from `from`; clears the forward list.
    pub fn push(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > HISTORY_LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Steps back from `current`, returning where to go.
    pub fn back(&mut self, current: Place) -> Option<Place> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// Steps forward from `current`, returning where to go.
    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}

/// Everything persisted between runs. Derived data (search results) is never stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Theme preference.
    pub theme: ThemeChoice,
    /// UI scale (egui zoom factor).
    pub zoom: f32,
    /// The view shown last.
    pub view: View,
    /// The last search text.
    pub query: String,
    /// The entry shown last.
    pub entry: Option<String>,
    /// Back/forward history.
    pub history: History,
    /// The wizard shown last.
    pub wizard: Option<String>,
    /// Raw answers by wizard id, then question key.
    pub wizard_answers: BTreeMap<String, BTreeMap<String, String>>,
    /// The compare view's columns and simulator settings.
    pub compare: CompareState,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            theme: ThemeChoice::System,
            zoom: 1.0,
            view: View::Search,
            query: String::new(),
            entry: None,
            history: History::default(),
            wizard: None,
            wizard_answers: BTreeMap::new(),
            compare: CompareState::default(),
        }
    }
}

/// Smallest and largest UI scale.
pub const ZOOM_RANGE: (f32, f32) = (0.6, 2.0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_walks_back_and_forward() {
        let place = |id: &str| Place {
            view: View::Entry,
            entry: Some(id.to_owned()),
        };
        let mut h = History::default();
        h.push(place("a"));
        h.push(place("b"));
        assert_eq!(h.back(place("c")), Some(place("b")));
        assert_eq!(h.back(place("b")), Some(place("a")));
        assert_eq!(h.back(place("a")), None);
        assert_eq!(h.forward(place("a")), Some(place("b")));
        h.push(place("b"));
        assert!(h.forward.is_empty(), "a new move clears forward");
    }

    #[test]
    fn persisted_state_tolerates_missing_fields() {
        let p: Persisted = ron::from_str("(zoom: 1.5)").unwrap();
        assert_eq!(p.zoom, 1.5);
        assert_eq!(p.view, View::Search);
    }
}
