//! Readiness per exam domain and task statement, and the study history.
//!
//! A question counts towards readiness when its last answer was right (or its card was
//! remembered), weighted by how likely it is still remembered now (FSRS retrievability).
//! Readiness of a task statement is the mean over all its questions, so material never
//! studied counts as not known.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::kb::KnowledgeBase;
use super::log::{Review, StudyLog, day_of};
use super::srs::{Grade, retrievability};
use super::{Question, domain_of};

/// One task statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskProgress {
    /// Id, e.g. `3.2`.
    pub task: String,
    /// Its text.
    pub title: String,
    /// Questions that test it.
    pub questions: usize,
    /// Of those, answered at least once.
    pub answered: usize,
    /// Of those, right the last time.
    pub right: usize,
    /// 0–1.
    pub readiness: f64,
}

/// One exam domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainProgress {
    /// 1–6.
    pub number: u8,
    /// Its title.
    pub title: String,
    /// Share of the exam, percent.
    pub weight: u8,
    /// Questions whose first task is in it.
    pub questions: usize,
    /// Of those, answered at least once.
    pub answered: usize,
    /// 0–1.
    pub readiness: f64,
    /// Its task statements.
    pub tasks: Vec<TaskProgress>,
}

/// One day of study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    /// Reviews that day.
    pub reviews: u32,
    /// Of those with a right or wrong answer, the right ones.
    pub right: u32,
    /// Reviews with a right or wrong answer.
    pub judged: u32,
}

/// Progress as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Per domain, in order.
    pub domains: Vec<DomainProgress>,
    /// Weighted by the exam's domain weights, 0–1.
    pub overall: f64,
    /// Task statements from weakest, among those with questions.
    pub weakest: Vec<String>,
    /// Study days, oldest first.
    pub history: Vec<Day>,
    /// Mock exam scores: (time, share right).
    pub exams: Vec<(i64, f64)>,
    /// Cards due now.
    pub due: usize,
}

fn known(review: &Review) -> bool {
    review
        .correct
        .unwrap_or(matches!(review.grade, Grade::Good | Grade::Easy))
}

/// Works out progress at `now`.
pub fn progress(kb: &KnowledgeBase, deck: &[Question], log: &StudyLog, now: i64) -> Progress {
    let mut last: BTreeMap<&str, &Review> = BTreeMap::new();
    for r in &log.reviews {
        last.insert(r.id.as_str(), r);
    }
    let score = |q: &Question| -> (bool, bool, f64) {
        match (last.get(q.id.as_str()), log.memory.get(&q.id)) {
            (Some(r), Some(m)) => {
                let ok = known(r);
                (true, ok, if ok { retrievability(m, now) } else { 0.0 })
            }
            _ => (false, false, 0.0),
        }
    };
    let scored: Vec<(&Question, (bool, bool, f64))> = deck.iter().map(|q| (q, score(q))).collect();
    let mut domains = Vec::new();
    if let Some(guide) = kb.guide() {
        for d in &guide.domains {
            let mut tasks = Vec::new();
            for t in &d.tasks {
                let of: Vec<_> = scored
                    .iter()
                    .filter(|(q, _)| q.tasks.contains(&t.id))
                    .collect();
                let n = of.len();
                tasks.push(TaskProgress {
                    task: t.id.clone(),
                    title: t.title.clone(),
                    questions: n,
                    answered: of.iter().filter(|(_, s)| s.0).count(),
                    right: of.iter().filter(|(_, s)| s.1).count(),
                    readiness: if n == 0 {
                        0.0
                    } else {
                        of.iter().map(|(_, s)| s.2).sum::<f64>() / n as f64
                    },
                });
            }
            let of: Vec<_> = scored
                .iter()
                .filter(|(q, _)| q.domain() == Some(d.number))
                .collect();
            let n = of.len();
            domains.push(DomainProgress {
                number: d.number,
                title: d.title.clone(),
                weight: d.weight,
                questions: n,
                answered: of.iter().filter(|(_, s)| s.0).count(),
                readiness: if n == 0 {
                    0.0
                } else {
                    of.iter().map(|(_, s)| s.2).sum::<f64>() / n as f64
                },
                tasks,
            });
        }
    }
    let weights: u32 = domains.iter().map(|d| u32::from(d.weight)).sum();
    let overall = if weights == 0 {
        0.0
    } else {
        domains
            .iter()
            .map(|d| d.readiness * f64::from(d.weight))
            .sum::<f64>()
            / f64::from(weights)
    };
    let mut all_tasks: Vec<&TaskProgress> = domains
        .iter()
        .flat_map(|d| &d.tasks)
        .filter(|t| t.questions > 0)
        .collect();
    all_tasks.sort_by(|a, b| {
        a.readiness
            .total_cmp(&b.readiness)
            .then(a.task.cmp(&b.task))
    });
    let weakest = all_tasks.iter().map(|t| t.task.clone()).collect();
    let mut days: BTreeMap<i64, Day> = BTreeMap::new();
    for r in &log.reviews {
        let d = days.entry(day_of(r.at)).or_insert(Day {
            day: day_of(r.at),
            reviews: 0,
            right: 0,
            judged: 0,
        });
        d.reviews += 1;
        if let Some(ok) = r.correct {
            d.judged += 1;
            d.right += u32::from(ok);
        }
    }
    Progress {
        domains,
        overall,
        weakest,
        history: days.into_values().collect(),
        exams: log
            .exams
            .iter()
            .map(|e| (e.at, f64::from(e.right) / f64::from(e.total.max(1))))
            .collect(),
        due: log.memory.values().filter(|m| m.due <= now).count(),
    }
}

/// The domain number of a task id, re-exported for views.
pub fn task_domain(task: &str) -> Option<u8> {
    domain_of(task)
}
