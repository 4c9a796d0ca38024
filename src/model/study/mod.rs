//! Study: questions from three sources in one model, spaced repetition, mock exams and
//! progress per exam domain.
//!
//! - *Authored* questions come from `data/questions/` (and packs), exam style.
//! - *Data* questions are generated from the knowledge base ([`generate`]): a limit's value,
//!   which service a summary describes, what replaced a retired service, which strategy has
//!   two given properties, and cloze cards from exam tips. Each has exactly one right answer
//!   by construction, and tests check it.
//! - *Wizard* questions turn random valid answers into a scenario ([`wizard_gen`]): the right
//!   option is the wizard's recommendation, each wrong one is a candidate a rule rules out,
//!   explained by that rule.
//!
//! Nothing here touches the clock or the disk: times are passed in as Unix seconds, and the
//! review log ([`log::StudyLog`]) is a plain value the platform layer stores.

pub mod cards;
pub mod exam;
pub mod generate;
pub mod log;
pub mod progress;
pub mod rng;
pub mod srs;
#[cfg(test)]
mod tests;
pub mod wizard_gen;

use serde::Serialize;

use super::kb::KnowledgeBase;
use rng::Rng;

/// Where a question comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Written by hand, in `data/questions/` or a pack.
    Authored,
    /// Generated from the knowledge base; the kind says from what (`limit`, `service`,
    /// `retired`, `strategy`, `cloze`).
    Data(String),
    /// Generated from a wizard's rules (the wizard id).
    Wizard(String),
}

/// One option of a question, with why it is right or wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The option as shown.
    pub text: String,
    /// Whether it is a right answer.
    pub correct: bool,
    /// Why it is right or wrong.
    pub why: String,
}

/// A question or a flashcard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Stable id: the authored id, or `data:KIND:…`, `wizard:ID:SEED`.
    pub id: String,
    /// Where it comes from.
    pub origin: Origin,
    /// Exam task statements it tests; the first decides its domain.
    pub tasks: Vec<String>,
    /// The question (or the front of a card).
    pub stem: String,
    /// The options; empty for a flashcard.
    pub options: Vec<Choice>,
    /// The back of a flashcard (empty for a question with options).
    pub answer: String,
    /// Entries to read after answering.
    pub entries: Vec<String>,
}

impl Question {
    /// The exam domain (1–6) of its first task statement.
    pub fn domain(&self) -> Option<u8> {
        domain_of(self.tasks.first()?)
    }

    /// A flashcard: no options, a front and a back.
    pub fn is_card(&self) -> bool {
        self.options.is_empty()
    }

    /// How many options are right.
    pub fn right_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }

    /// Whether picking these options (indexes) answers it: exactly the right ones.
    pub fn is_right(&self, picked: &[usize]) -> bool {
        let mut picked: Vec<usize> = picked.to_vec();
        picked.sort_unstable();
        picked.dedup();
        let right: Vec<usize> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect();
        picked == right
    }
}

/// The domain number of a task statement id such as `3.2`.
pub fn domain_of(task: &str) -> Option<u8> {
    task.split('.').next()?.parse().ok()
}

/// Option letters, A to H.
pub const LETTERS: [char; 8] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/// How many wizard scenarios each wizard contributes to the study deck.
pub const WIZARD_SEEDS: u64 = 60;

/// Every question and card: authored, generated from the data, generated from the wizards.
pub fn deck(kb: &KnowledgeBase) -> Vec<Question> {
    let mut out: Vec<Question> = kb.questions().iter().map(authored).collect();
    out.extend(generate::from_data(kb));
    for w in kb.wizards() {
        for seed in 0..WIZARD_SEEDS {
            if let Some(q) = wizard_gen::scenario(kb, w, seed) {
                out.push(q);
            }
        }
    }
    out
}

/// An authored question in the study model (options in the order written).
pub fn authored(q: &super::schema::AuthoredQuestion) -> Question {
    Question {
        id: q.id.clone(),
        origin: Origin::Authored,
        tasks: q.tasks.clone(),
        stem: q.stem.clone(),
        options: q
            .options
            .iter()
            .map(|o| Choice {
                text: o.text.clone(),
                correct: o.correct,
                why: o.why.clone(),
            })
            .collect(),
        answer: String::new(),
        entries: q.entries.clone(),
    }
}

/// Shuffles a generated question's options the same way every time (seeded by its id), so
/// the right answer is not always first.
pub(crate) fn shuffle_options(q: &mut Question) {
    let mut rng = Rng::from_text(&q.id);
    rng.shuffle(&mut q.options);
}

/// The questions linked to an entry: authored ones that list it, and generated ones about it.
pub fn about_entry<'q>(deck: &'q [Question], id: &str) -> Vec<&'q Question> {
    deck.iter()
        .filter(|q| q.entries.iter().any(|e| e == id))
        .collect()
}
