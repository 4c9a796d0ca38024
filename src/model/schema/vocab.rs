//! How students say things: the vocabulary that turns a question in a student's words into
//! AWS's words, entries and intents.

use serde::{Deserialize, Serialize};

/// One vocabulary item: what a student says, and what it means here.
///
/// `(says: ["alert", "alerts"], means: ["alarm"])` lets "alert me when cpu is high" find
/// CloudWatch alarms; `(says: ["docker image"], entries: ["ecr"])` points a phrasing straight at
/// an entry; `(says: ["max", "quota"], intent: Some(Limit))` marks a question about a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Words or phrases a student types; a phrase of several words matches those words in a
    /// row. Matched after case folding and stemming.
    pub says: Vec<String>,
    /// AWS's words to search for as well.
    #[serde(default)]
    pub means: Vec<String>,
    /// Entries the phrasing points to.
    #[serde(default)]
    pub entries: Vec<String>,
    /// What the words ask for.
    #[serde(default)]
    pub intent: Option<Intent>,
}

/// What a question asks for, beyond entries that match its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Intent {
    /// A number: the service's limit entries rank first and the answer shows the value.
    Limit,
    /// A comparison of two or more things: offer the compare view.
    Compare,
    /// A decision a wizard makes: offer that wizard (by id).
    Wizard(String),
}
