//! The command line's shape (clap definitions). What each command does is in the sibling
//! modules; the contract is `shared/CLI.md`, extended in the README.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod wizard;
pub use wizard::*;

/// OpsDeck: search the AWS DevOps Professional reference, compare strategies and keep
/// cheat-sheets. Without a command, opens the desktop window.
#[derive(Debug, Parser)]
#[command(name = "opsdeck", version, about, long_about = None)]
pub struct Cli {
    /// Load a knowledge pack (RON, same schema as data/) on top of the built-in knowledge
    /// base, for this run only. Repeatable.
    #[arg(long = "pack", value_name = "FILE", global = true)]
    pub packs: Vec<PathBuf>,

    /// Options for the window (only without a command).
    #[command(flatten)]
    pub window: WindowArgs,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that only apply when the window opens.
#[derive(Debug, Default, Clone, Args)]
pub struct WindowArgs {
    /// Open the window, wait until it settles, save a PNG of it to FILE and exit.
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// View to start in: search, entry, guide, study, limits, wizard, compare, sheets, settings.
    #[arg(long, value_name = "VIEW")]
    pub view: Option<String>,
    /// Search text to start with.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Entry to open (id).
    #[arg(long, value_name = "ID")]
    pub entry: Option<String>,
    /// Wizard to show (id), for the wizard view.
    #[arg(long, value_name = "ID")]
    pub wizard: Option<String>,
    /// Pre-fill an answer of the --wizard, KEY=VALUE; repeatable.
    #[arg(long = "answer", value_name = "KEY=VALUE")]
    pub answers: Vec<String>,
    /// Entries to compare, comma-separated, for the compare view.
    #[arg(long, value_name = "ID,ID,...")]
    pub compare: Option<String>,
    /// dark, light or system (default: what you chose last, else the system's).
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Window size for --screenshot, WIDTHxHEIGHT (default 1180x760).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// UI scale for --screenshot, e.g. 1.5 for 150 % (0.6–2.0).
    #[arg(long, value_name = "FACTOR")]
    pub zoom: Option<f32>,
}

impl WindowArgs {
    /// The window flags that were given, for the message when a command makes them moot.
    pub fn given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        let mut flag = |set: bool, name: &'static str| {
            if set {
                given.push(name);
            }
        };
        flag(self.screenshot.is_some(), "--screenshot");
        flag(self.view.is_some(), "--view");
        flag(self.query.is_some(), "--query");
        flag(self.entry.is_some(), "--entry");
        flag(self.wizard.is_some(), "--wizard");
        flag(!self.answers.is_empty(), "--answer");
        flag(self.compare.is_some(), "--compare");
        flag(self.theme.is_some(), "--theme");
        flag(self.size.is_some(), "--size");
        flag(self.zoom.is_some(), "--zoom");
        given
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fuzzy-search the knowledge base: `ID<TAB>KIND<TAB>TITLE<TAB>SCORE`, best first.
    Search {
        /// Words to find; `kind:service` (or feature, concept, strategy, limit) narrows by kind.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How many hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Answer a question in a student's words: the best entry (with the value when it is a
    /// limit), then the next few, the words that matched nothing, and any comparison or
    /// wizard the question asks for.
    Ask {
        /// The question, e.g. `how do I roll back a failed cloudformation stack`.
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
        /// How many entries to list after the best one.
        #[arg(long, default_value_t = 4)]
        more: usize,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Show one entry in full, as Markdown.
    Show {
        /// The entry's id (see `opsdeck search`).
        id: String,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List limits: `SERVICE<TAB>LIMIT<TAB>VALUE<TAB>NOTES_VALUE<TAB>ADJUSTABLE<TAB>SOURCE<TAB>CHECKED`.
    Limits {
        /// Only the limits of this service (entry id, e.g. `cloudformation`).
        #[arg(long, value_name = "ID")]
        service: Option<String>,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Every entry on one line: `ID<TAB>TITLE<TAB>TEXT`.
    Dump,
    /// The DOP-C02 exam guide: domains with weights, task statements, and their entries and
    /// wizards.
    Guide {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// The prices cost estimates use: `KEY<TAB>USD<TAB>UNIT<TAB>LABEL<TAB>CHECKED<TAB>SOURCE`,
    /// with `unverified` in CHECKED for a figure not read on an AWS page.
    Prices {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Practice questions in the terminal: cards due first, then new ones; each answer is
    /// saved to your study log at once.
    Drill {
        /// Only questions of this exam domain (1–6).
        #[arg(long, value_name = "N")]
        domain: Option<u8>,
        /// Only questions about this entry (id).
        #[arg(long, value_name = "ID")]
        entry: Option<String>,
        /// How many questions.
        #[arg(long, value_name = "N", default_value_t = 10)]
        count: usize,
        /// Print the questions, with answers and explanations, as JSON (nothing is asked or
        /// saved).
        #[arg(long)]
        json: bool,
    },
    /// Readiness per exam domain and task statement, the weakest task statements, cards due
    /// and mock exam scores.
    Progress {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Study cards for other tools.
    Cards {
        /// What to do.
        #[command(subcommand)]
        command: CardsCommand,
    },
    /// Your own entries: written in a personal pack, searched and shown like any other.
    Entry {
        /// What to do.
        #[command(subcommand)]
        command: EntryCommand,
    },
    /// Packs that stay loaded across runs (the `--pack` flag loads one for a single run).
    Pack {
        /// What to do.
        #[command(subcommand)]
        command: PackCommand,
    },
    /// Decision wizards: recommend a strategy and explain why.
    Wizard {
        /// Which wizard to run.
        #[command(subcommand)]
        command: WizardCommand,
    },
    /// Manage cheat-sheets.
    Sheet {
        /// What to do.
        #[command(subcommand)]
        command: SheetCommand,
    },
    /// Set your personal note on an entry (empty TEXT removes it).
    Note {
        /// The entry id.
        id: String,
        /// The note.
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// Export a sheet as Markdown, printable HTML, a PDF or a shareable file.
    Export {
        /// The sheet's name.
        sheet: String,
        /// md, html, pdf or ron (ron is what `opsdeck import` reads).
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Write to FILE (atomically) instead of stdout (a PDF needs it).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// PDF paper: a4 or letter.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// PDF columns per page, 1 to 3.
        #[arg(long, default_value_t = 3)]
        columns: usize,
    },
    /// Import a sheet someone shared (`opsdeck export SHEET --format ron`).
    Import {
        /// The shared file.
        file: PathBuf,
        /// Also take the sharer's notes on entries where you have no note of your own (yours
        /// are never replaced).
        #[arg(long)]
        with_notes: bool,
    },
    /// Compare entries side by side: one column per entry, one row per attribute.
    Compare {
        /// Entry ids of one kind (e.g. `rolling immutable blue-green`).
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
        /// Markdown table or JSON.
        #[arg(long, value_enum, default_value_t = CompareFormat::Md)]
        format: CompareFormat,
        /// Add the extra instance-hours and cost of one deployment of N instances
        /// (deployment strategies).
        #[arg(long, value_name = "N")]
        instances: Option<u32>,
        /// Minutes each deployment step takes, with --instances.
        #[arg(long = "step-minutes", value_name = "M", default_value_t = 10)]
        step_minutes: u64,
        /// Price key of one instance, with --instances (see `opsdeck prices`).
        #[arg(
            long = "instance-price",
            value_name = "KEY",
            default_value = "ec2-m5-large-hour"
        )]
        instance_price: String,
    },
    /// Simulate a deployment step by step: `STEP<TAB>IN_SERVICE<TAB>OLD<TAB>NEW<TAB>DESCRIPTION`.
    Simulate {
        /// A deployment strategy id (see `opsdeck search kind:strategy`).
        strategy: String,
        /// Instances in the fleet (1–10,000).
        #[arg(long, value_name = "N")]
        instances: u32,
        /// Batch size for rolling strategies (clamped to 1..=N).
        #[arg(long, value_name = "B", default_value_t = 1)]
        batch: u32,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// The `opsdeck sheet` subcommands.
#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// List sheets: `NAME<TAB>ENTRIES`.
    List,
    /// Create an empty sheet.
    New {
        /// The sheet's name.
        name: String,
    },
    /// Delete a sheet.
    Delete {
        /// The sheet's name.
        name: String,
    },
    /// Rename a sheet.
    Rename {
        /// The current name.
        name: String,
        /// The new name.
        new_name: String,
    },
    /// Add entries to a sheet.
    Add {
        /// The sheet's name.
        name: String,
        /// Entry ids.
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
    /// Remove an entry from a sheet.
    Remove {
        /// The sheet's name.
        name: String,
        /// The entry id.
        id: String,
    },
    /// Print a sheet's entry ids, one a line.
    Show {
        /// The sheet's name.
        name: String,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// One self-contained printable HTML page.
    Html,
    /// A file another OpsDeck user can `opsdeck import`.
    Ron,
    /// A printable PDF (needs --out).
    Pdf,
}

/// Paper for `export --format pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// A4.
    A4,
    /// US Letter.
    Letter,
}

/// The fields of an entry, for `entry new` and `entry edit`. In `edit`, a field given
/// replaces the entry's; a list flag given once or more replaces the whole list.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EntryFields {
    /// Title.
    #[arg(long)]
    pub title: Option<String>,
    /// service, feature, concept, strategy or limit.
    #[arg(long)]
    pub kind: Option<String>,
    /// One or two sentences.
    #[arg(long)]
    pub summary: Option<String>,
    /// A key point; repeatable.
    #[arg(long = "point", value_name = "TEXT")]
    pub points: Vec<String>,
    /// An exam tip; repeatable.
    #[arg(long = "tip", value_name = "TEXT")]
    pub tips: Vec<String>,
    /// A tag; repeatable.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// A related entry's id; repeatable.
    #[arg(long = "related", value_name = "ID")]
    pub related: Vec<String>,
    /// An exam task statement, e.g. 3.2; repeatable.
    #[arg(long = "task", value_name = "N.N")]
    pub tasks: Vec<String>,
    /// For a limit: the service's entry id.
    #[arg(long, value_name = "ID")]
    pub service: Option<String>,
    /// For a limit: its value, e.g. 2,000.
    #[arg(long)]
    pub value: Option<String>,
    /// For a limit: its unit, e.g. "stacks per Region".
    #[arg(long)]
    pub unit: Option<String>,
}

/// The `opsdeck entry` subcommands.
#[derive(Debug, Subcommand)]
pub enum EntryCommand {
    /// Your entries: `ID<TAB>KIND<TAB>TITLE`.
    List,
    /// Write a new entry; prints its id.
    New(EntryFields),
    /// Change one of your entries, or make your own version of a built-in one (`ID-mine`,
    /// shown beside the original); prints its id.
    Edit {
        /// The entry's id.
        id: String,
        /// The fields to change.
        #[command(flatten)]
        fields: EntryFields,
    },
    /// Delete one of your entries.
    Delete {
        /// The entry's id.
        id: String,
    },
}

/// The `opsdeck pack` subcommands.
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// The packs in use: `NAME<TAB>ENTRIES<TAB>STATUS<TAB>PATH`.
    List,
    /// Add a pack so it loads on every run (it is checked first).
    Add {
        /// The pack file (RON, the schema of data/).
        file: PathBuf,
    },
    /// Stop loading a pack.
    Remove {
        /// The pack's path or file name.
        file: String,
    },
    /// Check a pack without adding it; exit 1 when it has problems.
    Check {
        /// The pack file.
        file: PathBuf,
    },
    /// Write your own entries as a pack someone else can add.
    Export {
        /// The file to write (atomically).
        file: PathBuf,
    },
}

/// The `opsdeck cards` subcommands.
#[derive(Debug, Subcommand)]
pub enum CardsCommand {
    /// Write every question and card to a file Anki imports, or a CSV file.
    Export {
        /// anki (Anki's plain-text import: File > Import) or csv.
        #[arg(long, value_enum)]
        format: CardFormat,
        /// The file to write (atomically).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this exam domain (1–6).
        #[arg(long, value_name = "N")]
        domain: Option<u8>,
    },
}

/// Format of `opsdeck cards export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CardFormat {
    /// Tab-separated text with Anki's header lines.
    Anki,
    /// Comma-separated values.
    Csv,
}

/// Output format of `opsdeck compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// A Markdown table.
    Md,
    /// A JSON object.
    Json,
}
