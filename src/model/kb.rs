//! The knowledge base at run time: the embedded data, optionally with knowledge packs on top.

use std::collections::HashMap;
use std::fmt;

use super::parse::{Located, parse_data_file};
use super::schema::{
    AttributeDef, AuthoredQuestion, DataFile, Entry, ExamGuide, Family, Kind, Price, Term, Wizard,
};
use super::validate::{Input, validate};

/// The validated knowledge base that `build.rs` embedded (postcard-encoded [`DataFile`]).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.postcard"));

/// Where an entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The data compiled into the binary.
    BuiltIn,
    /// A knowledge pack, by the name it was loaded under.
    Pack(String),
}

/// Why knowledge packs could not be loaded. Every problem found is listed, each with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The problems, in file order.
    pub issues: Vec<Located>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackError {}

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
        for (name, text) in packs {
            match parse_data_file(name, text) {
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
        for (name, _, data) in parsed {
            origins.extend(std::iter::repeat_n(
                Origin::Pack(name.to_owned()),
                data.entries.len(),
            ));
            all.merge(data);
        }
        Ok(KnowledgeBase::assemble(all, origins))
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
