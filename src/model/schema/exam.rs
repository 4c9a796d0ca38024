//! The exam guide (domains, weights, task statements, in-scope services) and the authored
//! practice questions, as data.

use serde::{Deserialize, Serialize};

use super::Source;

/// The DOP-C02 exam guide: what the exam covers and how it is weighted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamGuide {
    /// The exam code, e.g. `DOP-C02`.
    pub exam: String,
    /// The certification's name.
    pub title: String,
    /// Questions on the exam (scored and unscored).
    pub questions: u32,
    /// Time allowed, in minutes.
    pub minutes: u32,
    /// The scaled score needed to pass (100–1,000).
    pub passing_score: u32,
    /// Where the guide was read.
    pub sources: Vec<Source>,
    /// The content domains, in order.
    pub domains: Vec<GuideDomain>,
    /// The services and features the guide lists as in scope.
    #[serde(default)]
    pub in_scope: Vec<InScope>,
    /// Services and features the guide lists as out of scope.
    #[serde(default)]
    pub out_of_scope: Vec<String>,
}

/// One content domain of the exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideDomain {
    /// 1–6.
    pub number: u8,
    /// The domain's name, e.g. "SDLC Automation".
    pub title: String,
    /// Percentage of the scored content.
    pub weight: u8,
    /// The task statements, in order.
    pub tasks: Vec<TaskStatement>,
}

/// One task statement, e.g. 1.4 "Implement deployment strategies …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskStatement {
    /// `D.N`, e.g. `1.4`; D is the domain number.
    pub id: String,
    /// The task as the guide names it.
    pub title: String,
    /// What a candidate is expected to know, one line each.
    #[serde(default)]
    pub knowledge: Vec<String>,
    /// What a candidate is expected to be able to do, one line each.
    #[serde(default)]
    pub skills: Vec<String>,
}

/// A service or feature the guide lists as in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InScope {
    /// The guide's category, e.g. "Developer Tools".
    pub category: String,
    /// The name as the guide writes it.
    pub name: String,
    /// The entry that covers it.
    pub entry: String,
}

/// A practice question written by hand: a scenario, options, and why each is right or wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoredQuestion {
    /// Stable kebab-case id, unique among questions.
    pub id: String,
    /// The task statements it tests (the first decides its domain in a mock exam).
    pub tasks: Vec<String>,
    /// The scenario and the question. A multiple-response question says how many to choose
    /// ("Choose two.").
    pub stem: String,
    /// The options, in the order shown (the app may shuffle them).
    pub options: Vec<QuestionOption>,
    /// Entries to read after answering.
    #[serde(default)]
    pub entries: Vec<String>,
}

impl AuthoredQuestion {
    /// How many options are right.
    pub fn correct_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }
}

/// One option of an authored question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    /// The option as shown.
    pub text: String,
    /// Whether it is a right answer.
    #[serde(default)]
    pub correct: bool,
    /// Why it is right, or why it is wrong.
    pub why: String,
}
