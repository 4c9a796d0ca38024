//! The review log: each card's memory, every review, and mock exam results. A plain value;
//! the platform layer stores it as `study.ron` (atomic, locked, versioned).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::Question;
use super::rng::Rng;
use super::srs::{Grade, Memory, review};

/// The format version of the review log this build writes.
pub const STUDY_VERSION: u32 = 1;

/// New cards a day unless the student sets another number.
pub const NEW_PER_DAY: u32 = 20;

/// One review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Question id.
    pub id: String,
    /// When, in Unix seconds.
    pub at: i64,
    /// The grade given.
    pub grade: Grade,
    /// For a question with options: whether the answer was right.
    pub correct: Option<bool>,
}

/// A finished mock exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamRecord {
    /// When it finished, in Unix seconds.
    pub at: i64,
    /// Seconds taken.
    pub seconds: u64,
    /// Questions asked.
    pub total: u32,
    /// Questions answered right.
    pub right: u32,
    /// Per domain: (number, right, total).
    pub domains: Vec<(u8, u32, u32)>,
    /// Ids of the questions missed.
    pub missed: Vec<String>,
}

/// Everything the student has done.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyLog {
    /// Format version (see [`STUDY_VERSION`]).
    pub version: u32,
    /// Memory state by question id.
    pub memory: BTreeMap<String, Memory>,
    /// Every review, oldest first.
    pub reviews: Vec<Review>,
    /// Finished mock exams, oldest first.
    pub exams: Vec<ExamRecord>,
    /// New cards a day; `None` means [`NEW_PER_DAY`].
    pub new_per_day: Option<u32>,
}

/// The day (UTC) of a time.
pub fn day_of(secs: i64) -> i64 {
    secs.div_euclid(86_400)
}

impl StudyLog {
    /// Records a review and schedules the card's next one.
    pub fn record(&mut self, id: &str, grade: Grade, correct: Option<bool>, now: i64) {
        let next = review(self.memory.get(id), grade, now);
        self.memory.insert(id.to_owned(), next);
        self.reviews.push(Review {
            id: id.to_owned(),
            at: now,
            grade,
            correct,
        });
    }

    /// Records a finished mock exam.
    pub fn record_exam(&mut self, exam: ExamRecord) {
        self.exams.push(exam);
    }

    /// New cards allowed a day.
    pub fn daily_new(&self) -> u32 {
        self.new_per_day.unwrap_or(NEW_PER_DAY)
    }

    /// Cards seen for the first time today.
    pub fn new_seen_today(&self, now: i64) -> usize {
        let today = day_of(now);
        let mut seen = BTreeSet::new();
        let mut first_today = 0;
        for r in &self.reviews {
            if seen.insert(r.id.as_str()) && day_of(r.at) == today {
                first_today += 1;
            }
        }
        first_today
    }

    /// What to study now: cards due (most overdue first), then new cards up to the day's
    /// limit, in a fixed mixed order.
    pub fn queue<'q>(
        &self,
        deck: &'q [Question],
        now: i64,
        keep: impl Fn(&Question) -> bool,
    ) -> Vec<&'q Question> {
        let mut due: Vec<(&Question, i64)> = deck
            .iter()
            .filter(|q| keep(q))
            .filter_map(|q| {
                let m = self.memory.get(&q.id)?;
                (m.due <= now).then_some((q, m.due))
            })
            .collect();
        due.sort_by_key(|(q, d)| (*d, q.id.clone()));
        let room = (self.daily_new() as usize).saturating_sub(self.new_seen_today(now));
        let mut fresh: Vec<(&Question, u64)> = deck
            .iter()
            .filter(|q| keep(q) && !self.memory.contains_key(&q.id))
            .map(|q| (q, Rng::from_text(&q.id).next_u64()))
            .collect();
        fresh.sort_by_key(|(_, order)| *order);
        due.into_iter()
            .map(|(q, _)| q)
            .chain(fresh.into_iter().take(room).map(|(q, _)| q))
            .collect()
    }

    /// The last review of a question.
    pub fn last(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| r.id == id)
    }
}
