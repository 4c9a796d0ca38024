//! The `opsdeck wizard` subcommands and the flags of `wizard dr` and `wizard deploy`.

use super::*;

/// The `opsdeck wizard` subcommands. The help of each answer flag is filled in from the
/// wizard's questions in `data/` when the command line is parsed
/// ([`crate::cli::with_data_help`]).
#[derive(Debug, Subcommand)]
pub enum WizardCommand {
    /// List the wizards: `ID<TAB>TITLE`.
    List,
    /// Disaster-recovery strategy from RTO, RPO, budget and scope, with targets per failure
    /// and costed options.
    Dr(Box<DrArgs>),
    /// Deployment strategy for a platform and your constraints.
    Deploy(Box<DeployArgs>),
    /// Any wizard, answers given as KEY=VALUE.
    Run {
        /// Wizard id (see `opsdeck wizard list`).
        id: String,
        /// An answer, KEY=VALUE; repeatable.
        #[arg(long = "answer", value_name = "KEY=VALUE")]
        answers: Vec<String>,
        /// A preset of the wizard that fills the answers you do not give.
        #[arg(long)]
        preset: Option<String>,
        /// Override a price: KEY=USD (see `opsdeck prices`); repeatable.
        #[arg(long = "price", value_name = "KEY=USD")]
        prices: Vec<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Read an exam-style scenario or a requirement paragraph (a file, or `-` for standard
    /// input), fill the wizard it is about, and answer.
    Read {
        /// The file to read, or `-`.
        file: String,
        /// An answer the text does not give, KEY=VALUE; repeatable (it wins over the text).
        #[arg(long = "answer", value_name = "KEY=VALUE")]
        answers: Vec<String>,
        /// Override a price: KEY=USD; repeatable.
        #[arg(long = "price", value_name = "KEY=USD")]
        prices: Vec<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// The rule table of a wizard: for the answers given, which rules apply and which
    /// candidates each one rules out or prefers.
    Rules {
        /// Wizard id.
        id: String,
        /// An answer, KEY=VALUE; repeatable.
        #[arg(long = "answer", value_name = "KEY=VALUE")]
        answers: Vec<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// The answers of `opsdeck wizard dr`.
#[derive(Debug, clap::Args)]
pub struct DrArgs {
    /// Recovery time objective.
    #[arg(long, required_unless_present = "preset")]
    pub rto: Option<String>,
    /// Recovery point objective.
    #[arg(long, required_unless_present = "preset")]
    pub rpo: Option<String>,
    /// Budget for recovery.
    #[arg(long, required_unless_present = "preset")]
    pub budget: Option<String>,
    /// The failure to survive.
    #[arg(long)]
    pub scope: Option<String>,
    /// A tier preset that fills the targets you do not give.
    #[arg(long, visible_alias = "tier")]
    pub preset: Option<String>,
    /// RTO after the loss of one Availability Zone.
    #[arg(long = "az-rto")]
    pub az_rto: Option<String>,
    /// RPO after the loss of one Availability Zone.
    #[arg(long = "az-rpo")]
    pub az_rpo: Option<String>,
    /// RTO after data corruption or deletion.
    #[arg(long = "corruption-rto")]
    pub corruption_rto: Option<String>,
    /// RPO after data corruption or deletion.
    #[arg(long = "corruption-rpo")]
    pub corruption_rpo: Option<String>,
    /// Application instances in production.
    #[arg(long)]
    pub instances: Option<String>,
    /// Price key of the instance type.
    #[arg(long = "instance-price")]
    pub instance_price: Option<String>,
    /// Price key of the database instance, or none.
    #[arg(long)]
    pub database: Option<String>,
    /// Database size in GB.
    #[arg(long = "db-gb")]
    pub db_gb: Option<String>,
    /// Other data to protect, in GB.
    #[arg(long = "data-gb")]
    pub data_gb: Option<String>,
    /// Data changed per day, in GB.
    #[arg(long = "change-gb")]
    pub change_gb: Option<String>,
    /// Warm standby size, percent of production.
    #[arg(long = "standby-percent")]
    pub standby_percent: Option<String>,
    /// How the workload runs today in its Region.
    #[arg(long = "current-az")]
    pub current_az: Option<String>,
    /// What the workload keeps in another Region today.
    #[arg(long = "current-dr")]
    pub current_dr: Option<String>,
    /// Override a price: KEY=USD (see `opsdeck prices`); repeatable.
    #[arg(long = "price", value_name = "KEY=USD")]
    pub prices: Vec<String>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The answers of `opsdeck wizard deploy`.
#[derive(Debug, clap::Args)]
pub struct DeployArgs {
    /// Where the application runs.
    #[arg(long)]
    pub platform: String,
    /// Whether downtime is acceptable.
    #[arg(long)]
    pub downtime: Option<String>,
    /// Extra cost acceptable during the deployment.
    #[arg(long = "extra-cost")]
    pub extra_cost: Option<String>,
    /// Capacity during the deployment.
    #[arg(long)]
    pub capacity: Option<String>,
    /// Whether two versions may serve at once.
    #[arg(long = "mixed-versions")]
    pub mixed_versions: Option<String>,
    /// Rollback speed needed.
    #[arg(long)]
    pub rollback: Option<String>,
    /// Gradual traffic shifting wanted.
    #[arg(long)]
    pub gradual: Option<String>,
    /// The release changes the data schema in a way the old version cannot read.
    #[arg(long = "schema-coupled")]
    pub schema_coupled: bool,
    /// On ECS: the deployment controller that runs it.
    #[arg(long = "ecs-controller")]
    pub ecs_controller: Option<String>,
    /// Instances (or tasks) in the fleet, for the cost of a deployment.
    #[arg(long)]
    pub instances: Option<String>,
    /// Price key of one instance, for the cost of a deployment.
    #[arg(long = "instance-price")]
    pub instance_price: Option<String>,
    /// Minutes each deployment step takes.
    #[arg(long = "step-minutes")]
    pub step_minutes: Option<String>,
    /// Deployments a month.
    #[arg(long = "deploys-per-month")]
    pub deploys_per_month: Option<String>,
    /// Override a price: KEY=USD (see `opsdeck prices`); repeatable.
    #[arg(long = "price", value_name = "KEY=USD")]
    pub prices: Vec<String>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Which wizard question each flag of `wizard dr` and `wizard deploy` answers: the flag's
/// long name is the question key. Checked against `data/` by a test.
pub const WIZARD_FLAGS: [(&str, &[&str]); 2] = [
    (
        "dr",
        &[
            "rto",
            "rpo",
            "budget",
            "scope",
            "az-rto",
            "az-rpo",
            "corruption-rto",
            "corruption-rpo",
            "instances",
            "instance-price",
            "database",
            "db-gb",
            "data-gb",
            "change-gb",
            "standby-percent",
            "current-az",
            "current-dr",
        ],
    ),
    (
        "deploy",
        &[
            "platform",
            "downtime",
            "extra-cost",
            "capacity",
            "mixed-versions",
            "rollback",
            "gradual",
            "schema-coupled",
            "ecs-controller",
            "instances",
            "instance-price",
            "step-minutes",
            "deploys-per-month",
        ],
    ),
];
