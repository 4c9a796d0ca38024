//! What the window remembers between runs: theme, scale, place, history, answers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::command::{ThemeChoice, View};
use super::compare::CompareState;

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

    /// Entries opened recently, newest first, without repeats (`current` first when given).
    pub fn recent_entries(&self, current: Option<&str>) -> Vec<String> {
        let mut recent: Vec<String> = Vec::new();
        for place in self.back.iter().rev() {
            if let Some(id) = &place.entry
                && !recent.contains(id)
            {
                recent.push(id.clone());
            }
        }
        if let Some(id) = current
            && !recent.iter().any(|r| r == id)
        {
            recent.insert(0, id.to_owned());
        }
        recent
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
