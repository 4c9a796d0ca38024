//! The knowledge base at run time: the embedded data, optionally with knowledge packs on top.

use std::collections::HashMap;

use super::parse::{Located, parse_data_file};
use super::schema::{
    AttributeDef, AuthoredQuestion, DataFile, Entry, ExamGuide, Family, Kind, Price, Term, Wizard,
};
use super::validate::{Input, validate};

/// The suffix a pack's second versions get: its file name, kebab-cased (`team-pack.ron` →
/// `team-pack`).
pub fn pack_suffix(name: &str) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or(name.to_owned(), |s| s.to_string_lossy().into_owned());
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "pack".to_owned()
    } else {
        out
    }
}

/// The validated knowledge base that `build.rs` embedded (postcard-encoded [`DataFile`]).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The data compiled into the binary.
    BuiltIn,
    /// A knowledge pack, by the name it was loaded under.
    Pack(String),
    /// The user's own entries.
    Mine,
}

/// What happened to one managed pack when it was loaded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PackReport {
    /// The pack's name (its file), or "your entries".
    pub name: String,
    /// The user's own entries rather than an added pack.
    pub mine: bool,
    /// Entries loaded from it.
    pub entries: usize,
    /// Whether it was loaded (a pack with problems is not).
    pub loaded: bool,
    /// What is wrong with it, in words.
    pub problems: Vec<String>,
    /// Entries whose id was taken already, shown as a second version under a new id:
    /// (id in the pack, id it was given).
    pub renamed: Vec<(String, String)>,
}

/// Why knowledge packs could not be loaded. Every problem found is listed, each with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lines(&self.issues))]
pub struct PackError {
    /// The problems, in file order.
    pub issues: Vec<Located>,
}

/// The problems one a line.
fn lines(issues: &[Located]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// All entries and attribute definitions, indexed by id, with the exam guide, vocabulary,
/// practice questions, prices and strategy families.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    data: DataFile,
    origins: Vec<Origin>,
    by_id: HashMap<String, usize>,
}

impl KnowledgeBase {
    /// Decodes the knowledge base embedded at build time.
    pub fn builtin() -> KnowledgeBase {
        // build.rs wrote these bytes from the same types, so decoding cannot fail unless the
        // binary itself is corrupt; an empty knowledge base is the least surprising fallback.
        let data: DataFile = postcard::from_bytes(EMBEDDED).unwrap_or_default();
        KnowledgeBase::from_data(data)
    }

    /// Builds a knowledge base from already validated data (all entries built-in).
    pub fn from_data(data: DataFile) -> KnowledgeBase {
        let origins = vec![Origin::BuiltIn; data.entries.len()];
        KnowledgeBase::assemble(data, origins)
    }

    /// The built-in data with the given packs (name, RON text) merged on top.
    ///
    /// Packs are untrusted: each is size-capped and parsed without panicking, and the merged
    /// result is validated as a whole. An id that a pack shares with the built-in data or with
    /// an earlier pack is an error, never a silent overwrite.
    pub fn builtin_with_packs(packs: &[(String, String)]) -> Result<KnowledgeBase, PackError> {
        let base = KnowledgeBase::builtin();
        if packs.is_empty() {
            return Ok(base);
        }
        base.with_packs(packs)
    }

    /// This knowledge base with the given packs merged on top (see [`Self::builtin_with_packs`]).
    pub fn with_packs(self, packs: &[(String, String)]) -> Result<KnowledgeBase, PackError> {
        let mut parsed = Vec::new();
        let mut issues = Vec::new();
        // Packs parse independently, so each gets a thread: three 13 MB packs parse in about
        // the time of the largest one on a two-core machine.
        let results = std::thread::scope(|scope| {
            let handles: Vec<_> = packs
                .iter()
                .map(|(name, text)| scope.spawn(move || parse_data_file(name, text)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect::<Vec<_>>()
        });
        for ((name, text), result) in packs.iter().zip(results) {
            match result {
                Ok(data) => parsed.push((name.as_str(), text.as_str(), data)),
                Err(err) => issues.push(err),
            }
        }
        if !issues.is_empty() {
            return Err(PackError { issues });
        }
        let base = self.data;
        let mut inputs = vec![Input {
            file: "built-in data",
            text: None,
            data: &base,
            strict: false,
        }];
        inputs.extend(parsed.iter().map(|(file, text, data)| Input {
            file,
            text: Some(text),
            data,
            strict: false,
        }));
        let issues = validate(&inputs);
        if !issues.is_empty() {
            return Err(PackError { issues });
        }
        let mut all = base;
        let mut origins = self.origins;
        let added: usize = parsed.iter().map(|(_, _, data)| data.entries.len()).sum();
        all.entries.reserve_exact(added);
        origins.reserve_exact(added);
        for (name, _, data) in parsed {
            origins.extend(std::iter::repeat_n(
                Origin::Pack(name.to_owned()),
                data.entries.len(),
            ));
            all.merge(data);
        }
        Ok(KnowledgeBase::assemble(all, origins))
    }

    /// This knowledge base with the user's managed packs and own entries added, leniently:
    /// each pack is checked on its own, a pack with problems is left out (and reported), and
    /// an entry whose id is taken is kept as a second version under a new id (`ID-mine` for
    /// the user's own, `ID-PACK` for a pack), so both versions show.
    pub fn with_managed(
        mut self,
        packs: &[(String, String)],
        mine: &[Entry],
    ) -> (KnowledgeBase, Vec<PackReport>) {
        let mut reports = Vec::new();
        for (name, text) in packs {
            let report = match parse_data_file(name, text) {
                Ok(data) => {
                    let suffix = pack_suffix(name);
                    self.add_lenient(name, Some(text), data, &suffix, Origin::Pack(name.clone()))
                }
                Err(e) => PackReport {
                    name: name.clone(),
                    mine: false,
                    entries: 0,
                    loaded: false,
                    problems: vec![e.to_string()],
                    renamed: Vec::new(),
                },
            };
            reports.push(report);
        }
        if !mine.is_empty() {
            let data = DataFile {
                entries: mine.to_vec(),
                ..DataFile::default()
            };
            let mut report = self.add_lenient("your entries", None, data, "mine", Origin::Mine);
            report.mine = true;
            reports.push(report);
        }
        (self, reports)
    }

    /// Adds one pack if it validates against what is loaded, renaming taken ids.
    fn add_lenient(
        &mut self,
        name: &str,
        text: Option<&str>,
        mut data: DataFile,
        suffix: &str,
        origin: Origin,
    ) -> PackReport {
        let mut renamed = Vec::new();
        for e in &mut data.entries {
            if self.by_id.contains_key(&e.id) {
                let mut id = format!("{}-{suffix}", e.id);
                let mut n = 2;
                while self.by_id.contains_key(&id) {
                    id = format!("{}-{suffix}-{n}", e.id);
                    n += 1;
                }
                renamed.push((e.id.clone(), id.clone()));
                e.id = id;
            }
        }
        let base = Input {
            file: "built-in data",
            text: None,
            data: &self.data,
            strict: false,
        };
        // Renamed ids no longer match the text, so positions are only given without them.
        let own = Input {
            file: name,
            text: if renamed.is_empty() { text } else { None },
            data: &data,
            strict: false,
        };
        let issues = validate(&[base, own]);
        if !issues.is_empty() {
            return PackReport {
                name: name.to_owned(),
                mine: false,
                entries: 0,
                loaded: false,
                problems: issues.iter().map(ToString::to_string).collect(),
                renamed,
            };
        }
        let count = data.entries.len();
        let mut all = std::mem::take(&mut self.data);
        let mut origins = std::mem::take(&mut self.origins);
        origins.extend(std::iter::repeat_n(origin, count));
        all.merge(data);
        *self = KnowledgeBase::assemble(all, origins);
        PackReport {
            name: name.to_owned(),
            mine: false,
            entries: count,
            loaded: true,
            problems: Vec::new(),
            renamed,
        }
    }

    /// Whether the entry with this id is one of the user's own.
    pub fn is_mine(&self, id: &str) -> bool {
        self.index_of(id)
            .and_then(|i| self.origin(i))
            .is_some_and(|o| *o == Origin::Mine)
    }

    /// The other versions of an entry: the built-in one and personal or pack versions of it
    /// (`ID-mine`, `ID-PACK`), by id.
    pub fn versions(&self, id: &str) -> Vec<&Entry> {
        let base = self.base_of(id);
        self.data
            .entries
            .iter()
            .filter(|e| e.id != id && (e.id == base || self.base_of(&e.id) == base))
            .collect()
    }

    /// The id a second version was made from (`pilot-light-mine` → `pilot-light`), or the id.
    pub fn base_of<'a>(&self, id: &'a str) -> &'a str {
        let Some(index) = self.index_of(id) else {
            return id;
        };
        match self.origin(index) {
            Some(Origin::Mine) => id
                .strip_suffix("-mine")
                .filter(|b| self.by_id.contains_key(*b))
                .unwrap_or(id),
            Some(Origin::Pack(name)) => id
                .strip_suffix(&format!("-{}", pack_suffix(name)))
                .filter(|b| self.by_id.contains_key(*b))
                .unwrap_or(id),
            _ => id,
        }
    }

    fn assemble(data: DataFile, origins: Vec<Origin>) -> Self {
        let by_id = data
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        KnowledgeBase {
            data,
            origins,
            by_id,
        }
    }

    /// All the data, as one file.
    pub fn data(&self) -> &DataFile {
        &self.data
    }

    /// Every entry, in data order (built-in files sorted by path, then packs).
    pub fn entries(&self) -> &[Entry] {
        &self.data.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|i| &self.data.entries[i])
    }

    /// The position of the entry with this id in [`Self::entries`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Where the entry at `index` came from.
    pub fn origin(&self, index: usize) -> Option<&Origin> {
        self.origins.get(index)
    }

    /// The attribute definitions (rows of the compare table).
    pub fn attributes(&self) -> &[AttributeDef] {
        &self.data.attributes
    }

    /// The decision wizards, in data order.
    pub fn wizards(&self) -> &[Wizard] {
        &self.data.wizards
    }

    /// The wizard with this id.
    pub fn wizard(&self, id: &str) -> Option<&Wizard> {
        self.data.wizards.iter().find(|w| w.id == id)
    }

    /// Every limit entry, sorted by service title, then limit title.
    pub fn limits(&self) -> Vec<&Entry> {
        let mut limits: Vec<&Entry> = self
            .data
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Limit && e.limit.is_some())
            .collect();
        limits.sort_by(|a, b| {
            let sa = self.service_title(a);
            let sb = self.service_title(b);
            sa.cmp(sb).then_with(|| a.title.cmp(&b.title))
        });
        limits
    }

    /// The limits that belong to the service (or feature) with this id.
    pub fn limits_of(&self, service_id: &str) -> Vec<&Entry> {
        self.limits()
            .into_iter()
            .filter(|e| e.limit.as_ref().is_some_and(|l| l.service == service_id))
            .collect()
    }

    /// The title of a limit's service, or its id when the service is unknown.
    pub fn service_title<'a>(&'a self, limit: &'a Entry) -> &'a str {
        match &limit.limit {
            Some(facts) => self
                .get(&facts.service)
                .map_or(facts.service.as_str(), |s| s.title.as_str()),
            None => "",
        }
    }

    /// Entries that list `id` as related but that `id` does not list back.
    pub fn backlinks(&self, id: &str) -> Vec<&Entry> {
        let own = self.get(id).map(|e| e.related.as_slice()).unwrap_or(&[]);
        self.data
            .entries
            .iter()
            .filter(|e| e.id != id && e.related.iter().any(|r| r == id))
            .filter(|e| !own.iter().any(|r| r == &e.id))
            .collect()
    }

    /// The exam guide, when the data has one.
    pub fn guide(&self) -> Option<&ExamGuide> {
        self.data.guide.as_ref()
    }

    /// The vocabulary: how students say things.
    pub fn vocabulary(&self) -> &[Term] {
        &self.data.vocabulary
    }

    /// The authored practice questions.
    pub fn questions(&self) -> &[AuthoredQuestion] {
        &self.data.questions
    }

    /// The price table.
    pub fn prices(&self) -> &[Price] {
        &self.data.prices
    }

    /// The price with this key.
    pub fn price(&self, key: &str) -> Option<&Price> {
        self.data.prices.iter().find(|p| p.key == key)
    }

    /// The strategy families, in data order.
    pub fn families(&self) -> &[Family] {
        &self.data.families
    }

    /// The family with this key.
    pub fn family(&self, key: &str) -> Option<&Family> {
        self.data.families.iter().find(|f| f.key == key)
    }
}
