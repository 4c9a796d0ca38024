//! Decision wizards as data: questions, candidates, rules and notes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A decision wizard: questions, candidate strategies (entry ids) and rules, all data.
///
/// The engine (`model::wizard`) evaluates every rule against the answers and each candidate:
/// hard rules rule candidates out, soft rules (such as budget) are relaxed with a warning when
/// nothing else fits, and `prefer` rules rank what is left. Ties go to the earlier candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wizard {
    /// Stable kebab-case id, e.g. `dr`.
    pub id: String,
    /// Display title.
    pub title: String,
    /// What decision it helps with, in one line.
    pub summary: String,
    /// The exam-guide task statements the decision belongs to.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// Candidate entry ids, cheapest or simplest first (the tie-break order). Candidates
    /// that are not strategies can only be targeted by id.
    pub candidates: Vec<Candidate>,
    /// How to build the recommendation, for any candidate (shown before the candidate's own
    /// mechanism lines).
    #[serde(default)]
    pub mechanism: Vec<Text>,
    /// Rules that rule candidates out or rank them.
    pub rules: Vec<Rule>,
    /// Extra warnings shown when their condition holds.
    #[serde(default)]
    pub notes: Vec<WizardNote>,
    /// Named answer sets (such as recovery tiers) that fill the questions not answered.
    #[serde(default)]
    pub presets: Vec<AnswerPreset>,
    /// Per-failure verdicts and costed options, for a wizard whose candidates protect
    /// against failures (disaster recovery).
    #[serde(default)]
    pub plan: Option<PlanSpec>,
    /// What a deployment costs in extra instances, for a wizard whose candidates have
    /// rollouts the simulator runs.
    #[serde(default)]
    pub deploy_cost: Option<DeployCostSpec>,
}

/// A named set of answers, e.g. the targets of a "mission critical" tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerPreset {
    /// Stable id, e.g. `mission-critical` (the CLI `--preset` value).
    pub id: String,
    /// Display label.
    pub label: String,
    /// What the preset is for and where its values come from.
    pub help: String,
    /// Raw answers by question key.
    pub answers: BTreeMap<String, String>,
}

/// How a disaster-recovery wizard builds costed options: which candidate covers the loss of
/// an Availability Zone, which ones recover in another Region, what a restore from backup
/// reaches, and what proves each layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSpec {
    /// The candidate that spreads the workload over Availability Zones in one Region.
    pub az_layer: String,
    /// Candidates that recover in another Region, cheapest first.
    pub region_layers: Vec<String>,
    /// What a point-in-time restore from backup reaches: after data corruption (which
    /// replication copies), and after the loss of a zone when nothing else covers it.
    pub restore: Reach,
    /// What to set up to prove each layer works; `layer` is a candidate id or `backups`.
    pub proofs: Vec<Proof>,
    /// Assumptions printed beside every estimate.
    pub assumptions: Vec<String>,
}

/// A typical range of recovery times and recovery points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reach {
    /// Recovery time band.
    pub rto: Band,
    /// Recovery point band.
    pub rpo: Band,
    /// Where the figures come from and what they leave out.
    pub note: String,
}

/// A duration range: `min` is the best case, `max` the most it typically takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Fastest typical value, e.g. `5m`.
    pub min: String,
    /// Slowest typical value, e.g. `1h`.
    pub max: String,
}

/// What proves one layer of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proof {
    /// A candidate id, or `backups` for the point-in-time backups every plan keeps.
    pub layer: String,
    /// The steps, each with the entries that explain it.
    pub steps: Vec<ProofStep>,
}

/// One thing to set up: an alarm, a runbook, a fault-injection experiment, a game day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofStep {
    /// What to do, in a sentence or two (markup allowed).
    pub text: String,
    /// Entry ids that explain how.
    #[serde(default)]
    pub entries: Vec<String>,
}

/// How a deployment wizard prices a rollout: the simulator counts the instances beyond the
/// fleet at each step, and each step is given a length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployCostSpec {
    /// When the cost applies (instances are not what Lambda deployments pay for).
    #[serde(default)]
    pub when: Option<Cond>,
    /// Assumptions printed beside every estimate.
    pub assumptions: Vec<String>,
}

/// One question of a wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Answer key, e.g. `rto` (also the CLI `--answer KEY=VALUE` key).
    pub key: String,
    /// The question as asked.
    pub label: String,
    /// Help shown beside the question.
    pub help: String,
    /// What kind of answer it takes.
    pub answer: AnswerKind,
    /// The answer used when none is given; `None` makes the question required, unless it
    /// is `optional`.
    #[serde(default)]
    pub default: Option<String>,
    /// An optional question with no default is simply left unanswered.
    #[serde(default)]
    pub optional: bool,
    /// The heading the question is shown under, when the wizard groups its questions.
    #[serde(default)]
    pub group: Option<String>,
}

/// The form of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerKind {
    /// One of a list of options.
    Choice(Vec<Choice>),
    /// `yes` or `no`.
    YesNo,
    /// A duration such as `15m` or `4h`.
    Duration,
    /// A whole number from 0 up to the given most, e.g. a count of instances or gigabytes.
    Count(u64),
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id used in answers and rules.
    pub id: String,
    /// Display label.
    pub label: String,
    /// What choosing it means.
    pub help: String,
}

/// A candidate strategy of a wizard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Entry id of the strategy.
    pub id: String,
    /// How to build it on AWS. Lines whose condition holds are joined; `{attr:KEY}` inserts
    /// the strategy's attribute text.
    #[serde(default)]
    pub mechanism: Vec<Text>,
}

/// A piece of text shown when its condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// When to show it.
    #[serde(default)]
    pub when: Option<Cond>,
    /// The text; may use `{answer:KEY}`, `{attr:KEY}`, `{title}` placeholders.
    pub text: String,
}

/// A condition on the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cond {
    /// The answer to the question is this option (or `yes`/`no`).
    Is(String, String),
    /// The answer is one of these options.
    In(String, Vec<String>),
    /// The duration answer is shorter than this duration.
    Under(String, String),
    /// The duration answer is at least this duration.
    AtLeast(String, String),
    /// All hold.
    All(Vec<Cond>),
    /// Any holds.
    Any(Vec<Cond>),
    /// Does not hold.
    Not(Box<Cond>),
}

/// A condition on a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// These candidates.
    Ids(Vec<String>),
    /// Candidates whose level attribute is one of these levels.
    Level(String, Vec<String>),
    /// Candidates whose flag attribute has this value.
    Flag(String, bool),
    /// Candidates whose support attribute says unsupported.
    Unsupported(String),
    /// Candidates whose duration attribute's lower bound (`min`) is longer than the answer
    /// to the question: they cannot reach the target. Args: question key, attribute key.
    SlowerThan(String, String),
    /// Candidates whose duration band contains the answer (min ≤ answer < max): they reach
    /// the target only at the fast end of what they typically achieve.
    AtFastEdge(String, String),
}

/// How strictly a rule rules out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// Never recommend a candidate that breaks it.
    Hard,
    /// Relaxed, with a warning, when no candidate satisfies every rule.
    Soft,
    /// Does not rule out; adds `weight` to the matching candidates' rank.
    Prefer,
}

/// A rule: when the answers meet `when`, candidates matching `target` are ruled out (or
/// preferred).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// When the rule applies; `None` means always.
    #[serde(default)]
    pub when: Option<Cond>,
    /// Which candidates it rules out (or prefers).
    pub target: Target,
    /// Hard, soft or prefer.
    pub strength: Strength,
    /// Rank added for `prefer` rules.
    #[serde(default)]
    pub weight: i32,
    /// Why a ruled-out candidate was not chosen (placeholders allowed).
    #[serde(default)]
    pub why_not: String,
    /// Why the chosen candidate fits, when the rule applied and did not rule it out (or
    /// preferred it).
    #[serde(default)]
    pub reason: String,
    /// What answer would lift the rule, for "what would change it" (placeholders allowed).
    #[serde(default)]
    pub unlock: String,
}

/// A warning shown when its condition holds and the chosen candidate matches its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WizardNote {
    /// When to warn; `None` means always.
    #[serde(default)]
    pub when: Option<Cond>,
    /// Only when the recommendation matches; `None` means any.
    #[serde(default)]
    pub target: Option<Target>,
    /// The warning (placeholders allowed).
    pub text: String,
}
