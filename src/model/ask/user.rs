//! The user's own words in search: notes on entries and sheet names. Small (one person's
//! data), so it is rebuilt whenever the data changes and scanned on every query.

use super::tokens::{Analyzer, is_stop_word};
use crate::model::kb::KnowledgeBase;
use crate::model::query::{Query, fold};
use crate::model::sheets::UserData;

/// Score added to an entry for each question word its note contains.
const NOTE_WORD_SCORE: f32 = 3.0;

/// A match in the user's own data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserHit {
    /// The note on this entry (index into the knowledge base) matched.
    Note {
        /// The entry.
        entry: usize,
        /// The note, for the row.
        text: String,
    },
    /// A sheet's name matched.
    Sheet {
        /// The sheet's name.
        name: String,
    },
}

/// Notes and sheet names, folded for keyword matching and stemmed for questions.
#[derive(Debug, Clone, Default)]
pub struct UserText {
    /// (entry index, folded note, note stems, the note).
    notes: Vec<(usize, String, Vec<String>, String)>,
    /// (folded name, name stems, the name).
    sheets: Vec<(String, Vec<String>, String)>,
}

impl UserText {
    /// Prepares the user's notes (on entries this knowledge base has) and sheet names.
    pub fn new(kb: &KnowledgeBase, data: &UserData, analyzer: &Analyzer) -> UserText {
        let stems = |text: &str| -> Vec<String> {
            analyzer
                .words(text)
                .into_iter()
                .filter(|w| !is_stop_word(&w.raw))
                .map(|w| w.stem)
                .collect()
        };
        UserText {
            notes: data
                .notes
                .iter()
                .filter_map(|(id, note)| {
                    let entry = kb.index_of(id)?;
                    Some((entry, fold(note), stems(note), note.clone()))
                })
                .collect(),
            sheets: data
                .sheets
                .iter()
                .map(|s| (fold(&s.name), stems(&s.name), s.name.clone()))
                .collect(),
        }
    }

    /// Whether there is nothing of the user's to search.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.sheets.is_empty()
    }

    /// Keyword matching: notes and sheet names that contain every word of the query.
    pub fn keyword_hits(&self, query: &Query) -> Vec<UserHit> {
        if query.is_empty() {
            return Vec::new();
        }
        let all = |text: &str| query.words.iter().all(|w| text.contains(w.as_str()));
        let mut hits: Vec<UserHit> = self
            .notes
            .iter()
            .filter(|(_, folded, _, _)| all(folded))
            .map(|(entry, _, _, text)| UserHit::Note {
                entry: *entry,
                text: text.clone(),
            })
            .collect();
        hits.extend(
            self.sheets
                .iter()
                .filter(|(folded, _, _)| all(folded))
                .map(|(_, _, name)| UserHit::Sheet { name: name.clone() }),
        );
        hits
    }

    /// Question matching: adds to each entry's score for the question words its note holds,
    /// and returns the notes and sheet names that matched.
    pub fn score_into(
        &self,
        analyzer: &Analyzer,
        text: &str,
        _kb: &KnowledgeBase,
        scores: &mut [f32],
    ) -> Vec<UserHit> {
        let asked: Vec<String> = analyzer
            .words(text)
            .into_iter()
            .filter(|w| !is_stop_word(&w.raw))
            .map(|w| w.stem)
            .collect();
        if asked.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for (entry, _, stems, note) in &self.notes {
            let shared = asked.iter().filter(|a| stems.contains(a)).count();
            if shared > 0 {
                scores[*entry] += NOTE_WORD_SCORE * shared as f32;
                hits.push(UserHit::Note {
                    entry: *entry,
                    text: note.clone(),
                });
            }
        }
        for (_, stems, name) in &self.sheets {
            if !stems.is_empty() && stems.iter().all(|s| asked.contains(s)) {
                hits.push(UserHit::Sheet { name: name.clone() });
            }
        }
        hits
    }
}
