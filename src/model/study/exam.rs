//! Mock exams: questions drawn by the exam's domain weights, a timer, flags for review,
//! and a report per domain with every missed question.

use serde::Serialize;

use super::super::kb::KnowledgeBase;
use super::log::ExamRecord;
use super::rng::Rng;
use super::{Origin, Question};

/// How many questions each domain gets out of `size`, by weight (largest remainder).
pub fn quotas(weights: &[(u8, u8)], size: usize) -> Vec<(u8, usize)> {
    let total: u32 = weights.iter().map(|(_, w)| u32::from(*w)).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut out: Vec<(u8, usize, f64)> = weights
        .iter()
        .map(|(d, w)| {
            let exact = size as f64 * f64::from(*w) / f64::from(total);
            (*d, exact.floor() as usize, exact - exact.floor())
        })
        .collect();
    let mut left = size - out.iter().map(|(_, n, _)| n).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.total_cmp(&out[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(d, n, _)| (d, n)).collect()
}

/// Draws `size` questions with options by domain weight: authored ones first, then wizard
/// scenarios, then questions from the data; shuffled by `seed`, then grouped as the real
/// exam mixes them (in random order).
pub fn draw<'q>(
    kb: &KnowledgeBase,
    deck: &'q [Question],
    size: usize,
    seed: u64,
) -> Vec<&'q Question> {
    let weights: Vec<(u8, u8)> = kb
        .guide()
        .map(|g| g.domains.iter().map(|d| (d.number, d.weight)).collect())
        .unwrap_or_default();
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for (domain, n) in quotas(&weights, size) {
        let mut tiers: [Vec<&Question>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        for q in deck
            .iter()
            .filter(|q| !q.is_card() && q.domain() == Some(domain))
        {
            let tier = match q.origin {
                Origin::Authored => 0,
                Origin::Wizard(_) => 1,
                Origin::Data(_) => 2,
            };
            tiers[tier].push(q);
        }
        let mut picked = Vec::new();
        for mut tier in tiers {
            rng.shuffle(&mut tier);
            picked.extend(tier.into_iter().take(n - picked.len()));
            if picked.len() == n {
                break;
            }
        }
        out.extend(picked);
    }
    rng.shuffle(&mut out);
    out
}

/// A mock exam in progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sitting {
    /// Question ids, in order.
    pub ids: Vec<String>,
    /// The options picked for each question.
    pub picked: Vec<Vec<usize>>,
    /// Questions flagged for review.
    pub flagged: Vec<bool>,
    /// When it started (Unix seconds).
    pub started: i64,
    /// Time allowed, seconds.
    pub allowed: i64,
}

impl Sitting {
    /// A new sitting of these questions.
    pub fn new(questions: &[&Question], now: i64, minutes: u32) -> Sitting {
        Sitting {
            ids: questions.iter().map(|q| q.id.clone()).collect(),
            picked: vec![Vec::new(); questions.len()],
            flagged: vec![false; questions.len()],
            started: now,
            allowed: i64::from(minutes) * 60,
        }
    }

    /// Seconds left (0 when time is up).
    pub fn remaining(&self, now: i64) -> i64 {
        (self.started + self.allowed - now).max(0)
    }

    /// Questions answered.
    pub fn answered(&self) -> usize {
        self.picked.iter().filter(|p| !p.is_empty()).count()
    }
}

/// One domain's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainScore {
    /// 1–6.
    pub number: u8,
    /// Its title.
    pub title: String,
    /// Answered right.
    pub right: u32,
    /// Asked.
    pub total: u32,
}

/// A finished exam.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Answered right.
    pub right: u32,
    /// Asked.
    pub total: u32,
    /// Per domain.
    pub domains: Vec<DomainScore>,
    /// Positions (in the sitting) of the questions missed.
    pub missed: Vec<usize>,
}

impl Report {
    /// The share right, 0–1.
    pub fn share(&self) -> f64 {
        f64::from(self.right) / f64::from(self.total.max(1))
    }

    /// The review-log record of this exam.
    pub fn record(&self, sitting: &Sitting, now: i64) -> ExamRecord {
        ExamRecord {
            at: now,
            seconds: (now - sitting.started).max(0) as u64,
            total: self.total,
            right: self.right,
            domains: self
                .domains
                .iter()
                .map(|d| (d.number, d.right, d.total))
                .collect(),
            missed: self
                .missed
                .iter()
                .map(|&i| sitting.ids[i].clone())
                .collect(),
        }
    }
}

/// Scores a sitting; `find` looks a question up by id.
pub fn report<'q>(
    kb: &KnowledgeBase,
    sitting: &Sitting,
    find: impl Fn(&str) -> Option<&'q Question>,
) -> Report {
    let mut domains: Vec<DomainScore> = kb
        .guide()
        .map(|g| {
            g.domains
                .iter()
                .map(|d| DomainScore {
                    number: d.number,
                    title: d.title.clone(),
                    right: 0,
                    total: 0,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut right = 0;
    let mut missed = Vec::new();
    for (i, id) in sitting.ids.iter().enumerate() {
        let Some(q) = find(id) else { continue };
        let ok = q.is_right(&sitting.picked[i]);
        right += u32::from(ok);
        if !ok {
            missed.push(i);
        }
        if let Some(d) = domains.iter_mut().find(|d| Some(d.number) == q.domain()) {
            d.total += 1;
            d.right += u32::from(ok);
        }
    }
    Report {
        right,
        total: sitting.ids.len() as u32,
        domains,
        missed,
    }
}
