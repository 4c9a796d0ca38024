//! Spaced repetition with FSRS, through the `rs-fsrs` crate (the Open Spaced Repetition
//! project's own Rust scheduler: the algorithm Anki uses, with no machine-learning
//! dependencies). OpsDeck keeps its own copy of each card's memory state, so the review log
//! does not depend on the crate's serialization.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

/// How well an answer was remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Forgotten, or answered wrong.
    Again,
    /// Remembered with effort.
    Hard,
    /// Remembered.
    Good,
    /// Remembered at once.
    Easy,
}

impl Grade {
    /// The four grades, keys 1 to 4.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// A label for the grade.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// A card's memory state, as the review log keeps it (times in Unix seconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// When it is due next.
    pub due: i64,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f64,
    /// Days the last interval was.
    pub scheduled_days: i64,
    /// Reviews so far.
    pub reps: i32,
    /// Times forgotten after being learned.
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub state: u8,
    /// When it was last reviewed.
    pub last_review: i64,
}

fn time(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

fn card(m: Option<&Memory>, now: i64) -> Card {
    let Some(m) = m else {
        return Card {
            due: time(now),
            last_review: time(now),
            ..Card::default()
        };
    };
    Card {
        due: time(m.due),
        stability: m.stability,
        difficulty: m.difficulty,
        elapsed_days: ((now - m.last_review).max(0) / 86_400),
        scheduled_days: m.scheduled_days,
        reps: m.reps,
        lapses: m.lapses,
        state: match m.state {
            1 => State::Learning,
            2 => State::Review,
            3 => State::Relearning,
            _ => State::New,
        },
        last_review: time(m.last_review),
    }
}

/// The memory after a review at `now`.
pub fn review(memory: Option<&Memory>, grade: Grade, now: i64) -> Memory {
    let fsrs = FSRS::new(Parameters::default());
    let next = fsrs.next(card(memory, now), time(now), grade.rating()).card;
    Memory {
        due: next.due.timestamp(),
        stability: next.stability,
        difficulty: next.difficulty,
        scheduled_days: next.scheduled_days,
        reps: next.reps,
        lapses: next.lapses,
        state: next.state as u8,
        last_review: now,
    }
}

/// The chance the card is remembered at `now` (0 for a card never reviewed).
pub fn retrievability(memory: &Memory, now: i64) -> f64 {
    card(Some(memory), now).get_retrievability(time(now))
}
