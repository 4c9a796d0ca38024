//! The review log on disk (`study.ron`): read without locking, every review written through
//! the store (locked, atomic, versioned), a broken log moved aside and the student told.

use std::convert::Infallible;

use super::session::chain;
use super::store::{Document, Stamp, Store, Trouble, UpdateError};
use crate::model::study::log::{ExamRecord, StudyLog};
use crate::model::study::srs::Grade;

/// The study log of one data directory, as the window and the CLI use it.
pub struct StudyBook {
    store: Option<Store>,
    log: StudyLog,
    stamp: Option<Stamp>,
    /// Why reviews cannot be saved, when they cannot.
    read_only: Option<String>,
    /// A message to show once (a log moved aside, a newer file).
    pub notice: Option<String>,
    /// Goes up whenever the log changes.
    generation: u64,
}

impl StudyBook {
    /// Reads the log of a store (`None`: kept in memory only).
    pub fn open(store: Option<Store>) -> StudyBook {
        let mut book = StudyBook {
            store,
            log: StudyLog::default(),
            stamp: None,
            read_only: None,
            notice: None,
            generation: 0,
        };
        book.reload();
        book
    }

    /// The log as last read or written.
    pub fn log(&self) -> &StudyLog {
        &self.log
    }

    /// A number that changes whenever the log does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Why reviews cannot be saved now, if they cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Reads the file again if another process changed it; returns whether it did.
    pub fn refresh(&mut self) -> bool {
        match &self.store {
            Some(store) if store.stamp::<StudyLog>() != self.stamp => {
                self.reload();
                true
            }
            _ => false,
        }
    }

    fn reload(&mut self) {
        let Some(store) = &self.store else {
            return;
        };
        match store.load::<StudyLog>() {
            Ok(loaded) => {
                self.log = loaded.data;
                self.stamp = loaded.stamp;
                self.generation += 1;
                self.read_only = None;
                if let Some(trouble) = &loaded.trouble {
                    let text = trouble.describe(StudyLog::WHAT, &store.path_of::<StudyLog>());
                    if matches!(trouble, Trouble::Newer { .. } | Trouble::Unreadable { .. }) {
                        self.read_only = Some(text.clone());
                    }
                    self.notice = Some(text);
                }
            }
            Err(e) => {
                let text = format!("Your study log could not be read: {}", chain(&e));
                self.read_only = Some(text.clone());
                self.notice = Some(text);
            }
        }
    }

    fn change(&mut self, apply: impl FnOnce(&mut StudyLog)) -> Result<(), String> {
        if let Some(why) = &self.read_only {
            return Err(why.clone());
        }
        match &self.store {
            None => {
                apply(&mut self.log);
            }
            Some(store) => {
                let updated = store
                    .update::<StudyLog, (), Infallible>(|log| {
                        apply(log);
                        Ok(())
                    })
                    .map_err(|e| match e {
                        UpdateError::Store(e) => {
                            format!("The review was not saved: {}", chain(&e))
                        }
                        UpdateError::Change(never) => match never {},
                    })?;
                self.log = updated.data;
                self.stamp = updated.stamp;
            }
        }
        self.generation += 1;
        Ok(())
    }

    /// Records a review; returns only once it is on disk.
    pub fn record(
        &mut self,
        id: &str,
        grade: Grade,
        correct: Option<bool>,
        now: i64,
    ) -> Result<(), String> {
        self.change(|log| log.record(id, grade, correct, now))
    }

    /// Records a finished mock exam.
    pub fn record_exam(&mut self, exam: ExamRecord) -> Result<(), String> {
        self.change(|log| log.record_exam(exam))
    }

    /// Sets the number of new cards a day.
    pub fn set_daily_new(&mut self, n: u32) -> Result<(), String> {
        self.change(|log| log.new_per_day = Some(n))
    }
}

/// The time now, in Unix seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Today's date (UTC), `YYYY-MM-DD`, for printed sheets.
pub fn today() -> String {
    chrono::DateTime::from_timestamp(now(), 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}
