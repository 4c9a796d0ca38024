//! The knowledge-base schema: the serde types that `data/**/*.ron` and knowledge packs use.
//!
//! This file is shared with `build.rs` (included by path), so it depends on nothing but `serde`
//! and `std`. Keep it that way: build.rs validates `data/` with exactly these types.
//!
//! Every field is always serialized (no `skip_serializing_if`), because the embedded copy of
//! the knowledge base is written with postcard, which is not self-describing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod exam;
mod vocab;
mod wizard;

pub use exam::*;
pub use vocab::*;
pub use wizard::*;

/// One RON file of `data/` or one knowledge pack: entries plus the attribute definitions that
/// strategies are compared on. Every list may be omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DataFile {
    /// Reference entries: services, features, concepts, strategies, limits.
    pub entries: Vec<Entry>,
    /// Definitions of comparable attributes (rows of the compare table).
    pub attributes: Vec<AttributeDef>,
    /// Decision wizards: questions, candidate strategies and the rules between them.
    pub wizards: Vec<Wizard>,
    /// The exam guide: domains, weights and task statements (one file of `data/` has it).
    pub guide: Option<ExamGuide>,
    /// How students say things: synonyms, phrasings that point at entries, and intents.
    pub vocabulary: Vec<Term>,
    /// Practice questions written by hand, in exam style.
    pub questions: Vec<AuthoredQuestion>,
    /// Prices that cost estimates are built from.
    pub prices: Vec<Price>,
    /// Strategy families (deployment, disaster recovery) with their labels and presets.
    pub families: Vec<Family>,
}

impl DataFile {
    /// Appends everything of `other` (a later file or pack) to this one.
    pub fn merge(&mut self, other: DataFile) {
        let DataFile {
            entries,
            attributes,
            wizards,
            guide,
            vocabulary,
            questions,
            prices,
            families,
        } = other;
        self.entries.extend(entries);
        self.attributes.extend(attributes);
        self.wizards.extend(wizards);
        if self.guide.is_none() {
            self.guide = guide;
        }
        self.vocabulary.extend(vocabulary);
        self.questions.extend(questions);
        self.prices.extend(prices);
        self.families.extend(families);
    }
}

/// What sort of thing an entry describes. Shown as a badge and usable as a search scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An AWS service (or a third-party tool with the same role, such as Jenkins).
    Service,
    /// A named feature or setting of a service: StackSets, `leader_only`, lifecycle hooks.
    Feature,
    /// An idea that is not a product: RTO, declarative automation, continuous delivery.
    Concept,
    /// A deployment or disaster-recovery strategy, with typed attributes.
    Strategy,
    /// A service quota or documented number.
    Limit,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 5] = [
        Kind::Service,
        Kind::Feature,
        Kind::Concept,
        Kind::Strategy,
        Kind::Limit,
    ];

    /// The lowercase name used in the CLI, in `kind:` query prefixes and in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Feature => "feature",
            Kind::Concept => "concept",
            Kind::Strategy => "strategy",
            Kind::Limit => "limit",
        }
    }

    /// The plural, for labels: "services", "strategies".
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Service => "services",
            Kind::Feature => "features",
            Kind::Concept => "concepts",
            Kind::Strategy => "strategies",
            Kind::Limit => "limits",
        }
    }

    /// Parses the lowercase name (also accepts the plural).
    pub fn parse(text: &str) -> Option<Kind> {
        let text = text.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == text || k.plural() == text)
    }
}

/// The six domains of the AWS Certified DevOps Engineer – Professional exam (DOP-C02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Domain 1: SDLC Automation.
    Sdlc,
    /// Domain 2: Configuration Management and Infrastructure as Code.
    ConfigIac,
    /// Domain 3: Resilient Cloud Solutions.
    Resilience,
    /// Domain 4: Monitoring and Logging.
    Monitoring,
    /// Domain 5: Incident and Event Response.
    Incident,
    /// Domain 6: Security and Compliance.
    Security,
}

impl Domain {
    /// Every domain, in exam order.
    pub const ALL: [Domain; 6] = [
        Domain::Sdlc,
        Domain::ConfigIac,
        Domain::Resilience,
        Domain::Monitoring,
        Domain::Incident,
        Domain::Security,
    ];

    /// The exam's name for the domain.
    pub fn title(self) -> &'static str {
        match self {
            Domain::Sdlc => "SDLC Automation",
            Domain::ConfigIac => "Configuration Management and IaC",
            Domain::Resilience => "Resilient Cloud Solutions",
            Domain::Monitoring => "Monitoring and Logging",
            Domain::Incident => "Incident and Event Response",
            Domain::Security => "Security and Compliance",
        }
    }

    /// The domain's number in the exam guide (1–6).
    pub fn number(self) -> u8 {
        Domain::ALL.iter().position(|d| *d == self).unwrap_or(0) as u8 + 1
    }
}

/// Whether a service can still be used.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// Generally available.
    #[default]
    Active,
    /// Existing customers keep using it; new customers cannot start.
    ClosedToNew,
    /// End of life: no longer usable.
    Retired,
    /// Still usable, but AWS has announced when support ends (maintenance mode or a scheduled
    /// shutdown); the status date is the day support ends.
    EndOfSupport,
}

impl Lifecycle {
    /// A short label for badges and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::ClosedToNew => "closed to new customers",
            Lifecycle::Retired => "retired",
            Lifecycle::EndOfSupport => "end of support announced",
        }
    }
}

/// The lifecycle status of a service or feature that is no longer simply available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Active, closed to new customers, or retired.
    pub state: Lifecycle,
    /// When it took effect: `YYYY-MM-DD` or `YYYY-MM`; `None` when no date could be verified.
    #[serde(default)]
    pub date: Option<String>,
    /// What happened and what to use instead, in one or two sentences.
    pub note: String,
    /// Entry ids of what replaced it.
    #[serde(default)]
    pub replaced_by: Vec<String>,
    /// Where the status was read.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A public document that backs an entry or a limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Where it can be read: an `https://` URL.
    pub url: String,
    /// A short human name for the link, e.g. "CloudFormation quotas".
    #[serde(default)]
    pub title: String,
    /// When the fact was last checked against this source: `YYYY-MM` or `YYYY-MM-DD`.
    /// `None` when the page is a pointer for further reading and was not checked.
    #[serde(default)]
    pub checked: Option<String>,
    /// Why the fact could not be checked against this source, when it could not.
    #[serde(default)]
    pub unverified: Option<String>,
}

/// Whether AWS raises a quota on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjustable {
    /// Can be raised through Service Quotas or a support case.
    Yes,
    /// Fixed.
    No,
    /// The source does not say, or it does not apply (e.g. a fixed protocol value).
    Unknown,
}

impl Adjustable {
    /// `yes`, `no` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Adjustable::Yes => "yes",
            Adjustable::No => "no",
            Adjustable::Unknown => "unknown",
        }
    }
}

/// How the current value relates to what the study notes said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The notes are still right.
    Same,
    /// AWS has changed the value; `notes_value` keeps the old one.
    Changed,
    /// Not in the notes; added from current documentation.
    New,
    /// Only the notes' value is known and it could not be checked: shown as "not verified".
    Unverified,
}

impl Verdict {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Changed => "changed",
            Verdict::New => "new",
            Verdict::Unverified => "unverified",
        }
    }
}

/// The structured facts of a `limit` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitFacts {
    /// Entry id of the service the limit belongs to.
    pub service: String,
    /// The current value as it is written, e.g. `2,000` or `1 MB/s or 1,000 records/s`.
    pub value: String,
    /// Unit or scope of the value, e.g. `stacks per account per Region`; may be empty when the
    /// value already carries its unit.
    #[serde(default)]
    pub unit: String,
    /// What the study notes said, where that differs from `value`.
    #[serde(default)]
    pub notes_value: Option<String>,
    /// Whether the quota can be raised.
    pub adjustable: Adjustable,
    /// Same, changed, new or unverified.
    pub verdict: Verdict,
    /// Where the current value was read, with the date it was checked.
    pub source: Source,
    /// When AWS last changed the value (`YYYY-MM` or `YYYY-MM-DD`), where known.
    #[serde(default)]
    pub changed: Option<String>,
    /// The value before that change, when the study notes did not already give it.
    #[serde(default)]
    pub previous: Option<String>,
}

/// One comparable attribute (a row of the compare table and a term the wizards use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    /// Stable kebab-case key, e.g. `downtime`.
    pub key: String,
    /// Row label, e.g. "Downtime".
    pub label: String,
    /// What the attribute means, shown as help.
    #[serde(default)]
    pub help: String,
    /// The strategy families the attribute applies to (`deployment`, `dr`).
    pub families: Vec<String>,
    /// How values are typed and ranked.
    pub scale: Scale,
}

/// How the values of an attribute are typed and which is best.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    /// Ordered levels, listed best first when `ranked` is true.
    Levels {
        /// The allowed levels, in order.
        levels: Vec<Level>,
        /// Whether the order means better-to-worse (so the compare view can mark the best).
        ranked: bool,
    },
    /// Yes or no; `best` is the preferred answer when there is one.
    Flag {
        /// The better answer, if either is better.
        best: Option<bool>,
    },
    /// A span of time (e.g. an RTO band); shorter is better.
    Duration,
    /// Supported or not, with how (e.g. the Elastic Beanstalk policy name); supported is better.
    Support,
    /// Free text, not ranked.
    Text,
}

/// One level of a [`Scale::Levels`] attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stable kebab-case id used in entries and wizard rules.
    pub id: String,
    /// Display label.
    pub label: String,
}

/// The value of one attribute on one strategy entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttrValue {
    /// A level id of a [`Scale::Levels`] attribute.
    Level(String),
    /// A yes/no answer.
    Flag(bool),
    /// A span of time from `min` to `max`, written as durations (`0`, `30s`, `15m`, `4h`, `1d`).
    Duration {
        /// The shortest typical value.
        min: String,
        /// The longest typical value.
        max: String,
    },
    /// Supported (with how) or not (with why).
    Supported(String),
    /// Not supported, with the reason.
    Unsupported(String),
    /// Free text.
    Text(String),
}

/// One reference entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable kebab-case id, unique across the knowledge base and all packs.
    pub id: String,
    /// What sort of thing this is.
    pub kind: Kind,
    /// Display title, e.g. "AWS CloudFormation".
    pub title: String,
    /// Other names people type: acronyms (`CFN`), short names, old names, setting names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free keywords for search and grouping.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Exam domains, for packs written before task statements existed; built-in entries
    /// name task statements instead and their domains follow from those.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The exam-guide task statements the entry serves, e.g. `["1.4", "3.3"]`.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Marks a service the study notes mention but the current exam guide leaves out.
    #[serde(default)]
    pub out_of_scope: bool,
    /// Questions this entry answers, in a student's words ("where do I keep docker images").
    #[serde(default)]
    pub asks: Vec<String>,
    /// One line a student can repeat in the exam.
    pub summary: String,
    /// Precise key points, light Markdown (`**bold**`, `` `code` ``, `*italic*`).
    #[serde(default)]
    pub points: Vec<String>,
    /// Exam tips: what the exam likes to test about this.
    #[serde(default)]
    pub tips: Vec<String>,
    /// Ids of related entries.
    #[serde(default)]
    pub related: Vec<String>,
    /// Sources backing the entry.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Lifecycle status; `None` means active.
    #[serde(default)]
    pub status: Option<Box<Status>>,
    /// For `limit` entries: the structured facts.
    #[serde(default)]
    pub limit: Option<Box<LimitFacts>>,
    /// For `strategy` entries: the family (`deployment` or `dr`).
    #[serde(default)]
    pub family: Option<String>,
    /// For `strategy` entries: attribute values keyed by [`AttributeDef::key`].
    #[serde(default)]
    pub attrs: BTreeMap<String, AttrValue>,
    /// For deployment strategies: how the simulator replaces a fleet with it.
    #[serde(default)]
    pub rollout: Option<Rollout>,
}

/// How a deployment replaces a fleet, step by step: the models the simulator knows. Several
/// strategies may share one (CodeDeploy's and ECS's canary both shift a slice of traffic first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rollout {
    /// Every instance updates in place at once.
    AllAtOnce,
    /// Batches update in place, one after another.
    Rolling,
    /// An extra batch is launched first, then batches update in place.
    RollingAdditionalBatch,
    /// A full new fleet is launched beside the old one, then the old one is removed.
    Immutable,
    /// A new fleet takes a slice of traffic, then all of it.
    TrafficSplitting,
    /// A second full environment takes all traffic at once.
    BlueGreen,
    /// A slice of traffic moves first, then the rest.
    Canary,
    /// Traffic moves in equal steps.
    Linear,
}

impl Rollout {
    /// The snake_case name used in data files.
    pub fn id(self) -> &'static str {
        match self {
            Rollout::AllAtOnce => "all_at_once",
            Rollout::Rolling => "rolling",
            Rollout::RollingAdditionalBatch => "rolling_additional_batch",
            Rollout::Immutable => "immutable",
            Rollout::TrafficSplitting => "traffic_splitting",
            Rollout::BlueGreen => "blue_green",
            Rollout::Canary => "canary",
            Rollout::Linear => "linear",
        }
    }
}

impl Entry {
    /// An entry with just an id, kind, title and summary (for packs built in code and tests).
    pub fn new(id: &str, kind: Kind, title: &str, summary: &str) -> Entry {
        Entry {
            id: id.to_owned(),
            kind,
            title: title.to_owned(),
            aliases: Vec::new(),
            tags: Vec::new(),
            domains: Vec::new(),
            tasks: Vec::new(),
            out_of_scope: false,
            asks: Vec::new(),
            summary: summary.to_owned(),
            points: Vec::new(),
            tips: Vec::new(),
            related: Vec::new(),
            sources: Vec::new(),
            status: None,
            limit: None,
            family: None,
            attrs: BTreeMap::new(),
            rollout: None,
        }
    }

    /// The lifecycle state (active when no status is recorded).
    pub fn lifecycle(&self) -> Lifecycle {
        self.status.as_ref().map_or(Lifecycle::Active, |s| s.state)
    }

    /// The exam domains (1–6) the entry belongs to: those of its task statements, plus any
    /// named directly, in exam order.
    pub fn domain_numbers(&self) -> Vec<u8> {
        let mut numbers: Vec<u8> = self
            .tasks
            .iter()
            .filter_map(|t| task_domain(t))
            .chain(self.domains.iter().map(|d| d.number()))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }
}

/// The domain number of a task statement id: `"3.2"` → 3.
pub fn task_domain(task: &str) -> Option<u8> {
    let (domain, number) = task.split_once('.')?;
    number.parse::<u8>().ok()?;
    domain.parse().ok()
}

/// A family of strategies that are compared with each other (rows apply per family).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// Stable key used by attributes and strategy entries, e.g. `deployment`.
    pub key: String,
    /// Display label, e.g. "Deployment".
    pub label: String,
    /// The wizard that chooses between the family's strategies, if any.
    #[serde(default)]
    pub wizard: Option<String>,
    /// Ready-made comparisons offered in the compare view; the first is the default.
    #[serde(default)]
    pub presets: Vec<Preset>,
}

/// A named set of strategies to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Button label, e.g. "Elastic Beanstalk policies".
    pub label: String,
    /// What the preset compares, shown on hover.
    #[serde(default)]
    pub help: String,
    /// Entry ids, one column each.
    pub ids: Vec<String>,
}

/// One price that cost estimates use: an on-demand rate in one Region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Stable key the estimator looks up, e.g. `ec2-m7i-large-hour`.
    pub key: String,
    /// What is priced, e.g. "EC2 m7i.large, Linux, on demand".
    pub label: String,
    /// US dollars per unit.
    pub usd: f64,
    /// The unit priced, e.g. `hour`, `GB-month`, `GB`, `million requests`.
    pub unit: String,
    /// The Region the price is for, e.g. `us-east-1`.
    pub region: String,
    /// Where the price was read, with the date it was checked.
    pub source: Source,
    /// Anything that qualifies the figure (tier, operating system, what it leaves out).
    #[serde(default)]
    pub note: String,
}
