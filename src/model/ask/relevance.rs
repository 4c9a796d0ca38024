//! Relevance ranking (BM25F) for questions and long queries: every field of an entry is
//! indexed with a weight (a title counts more than a key point), each term's weight falls
//! with how common it is, and an entry scores by how much of the question it covers.

use rustc_hash::FxHashMap as HashMap;

use super::tokens::{Analyzer, terms_of};
use crate::model::kb::KnowledgeBase;
use crate::model::schema::Entry;
use crate::model::search::within_one_edit;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// A joined pair of words (`rollback` from `roll back`) counts this much of a word.
const JOIN_WEIGHT: f32 = 0.6;

/// The fields an entry is indexed by, with their weight and how strongly their length
/// dampens a match (BM25's `b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Title.
    Title,
    /// Aliases and the id.
    Names,
    /// Questions the entry answers.
    Asks,
    /// Tags.
    Tags,
    /// Summary.
    Summary,
    /// Key points and exam tips.
    Body,
    /// A limit's value and unit, and its service's names.
    Limit,
}

impl Part {
    /// Every part, in index order.
    pub const ALL: [Part; 7] = [
        Part::Title,
        Part::Names,
        Part::Asks,
        Part::Tags,
        Part::Summary,
        Part::Body,
        Part::Limit,
    ];

    fn weight(self) -> f32 {
        match self {
            Part::Title => 4.0,
            Part::Names => 3.0,
            Part::Asks => 2.5,
            Part::Tags => 1.5,
            Part::Summary => 1.5,
            Part::Body => 0.6,
            Part::Limit => 2.0,
        }
    }

    fn joins(self) -> bool {
        matches!(self, Part::Title | Part::Names | Part::Asks | Part::Tags)
    }

    fn damping(self) -> f32 {
        match self {
            Part::Title | Part::Names | Part::Tags | Part::Limit => 0.3,
            Part::Asks | Part::Summary | Part::Body => 0.75,
        }
    }

    /// The text of this part of an entry (its service's names for a limit).
    pub fn text(self, kb: &KnowledgeBase, e: &Entry) -> String {
        match self {
            Part::Title => e.title.clone(),
            Part::Names => {
                let mut names = e.aliases.join(" ; ");
                names.push_str(" ; ");
                names.push_str(&e.id.replace('-', " "));
                names
            }
            Part::Asks => e.asks.join(" ; "),
            Part::Tags => e.tags.join(" ; "),
            Part::Summary => e.summary.clone(),
            Part::Body => {
                let mut body = e.points.join(" ; ");
                for t in &e.tips {
                    body.push_str(" ; ");
                    body.push_str(t);
                }
                body
            }
            Part::Limit => match &e.limit {
                Some(l) => {
                    let mut text = format!("{} {}", l.value, l.unit);
                    if let Some(service) = kb.get(&l.service) {
                        text.push_str(" ; ");
                        text.push_str(&service.title);
                        for a in &service.aliases {
                            text.push_str(" ; ");
                            text.push_str(a);
                        }
                    }
                    text
                }
                None => String::new(),
            },
        }
    }
}

/// A term's place in one entry: the entry and its weighted, length-normalised frequency.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    tf: f32,
}

/// The relevance index over one knowledge base (built once, on the first question).
#[derive(Debug)]
pub struct RelevanceIndex {
    terms: HashMap<String, u32>,
    /// Every word as written in the entries (folded, five letters or more, no digits), as
    /// characters, with its term, grouped by length: a typo is closer to the word than to its
    /// stem (`minning` → `mining` → `mine`), and only neighbouring lengths need looking at.
    spellings: Vec<Vec<(Vec<char>, u32)>>,
    /// Term text by id, for typo matching.
    names: Vec<String>,
    postings: Vec<Vec<Posting>>,
    idf: Vec<f32>,
    docs: usize,
}

/// How a query term was matched against the index.
#[derive(Debug, Clone, PartialEq)]
pub struct TermMatch {
    /// The index term used.
    pub term: String,
    /// How much it counts (1 for a word as typed, less for a typo or a join).
    pub weight: f32,
}

impl RelevanceIndex {
    /// Indexes every entry of the knowledge base.
    pub fn new(kb: &KnowledgeBase, analyzer: &Analyzer) -> RelevanceIndex {
        let entries = kb.entries();
        let mut cache = Some(HashMap::default());
        let mut terms: HashMap<String, u32> = HashMap::default();
        let mut spellings: HashMap<String, u32> = HashMap::default();
        let mut names: Vec<String> = Vec::new();
        // First pass: every part's terms as ids, and the lengths for the averages.
        let mut lengths = [0f64; 7];
        let mut parsed: Vec<[Vec<(u32, bool)>; 7]> = Vec::with_capacity(entries.len());
        for e in entries {
            let mut parts: [Vec<(u32, bool)>; 7] = Default::default();
            for (i, part) in Part::ALL.into_iter().enumerate() {
                let words = analyzer.words_with(&part.text(kb, e), &mut cache);
                let mut id_of = |term: String| -> u32 {
                    match terms.get(&term) {
                        Some(&id) => id,
                        None => {
                            let id = names.len() as u32;
                            names.push(term.clone());
                            terms.insert(term, id);
                            id
                        }
                    }
                };
                for (term, is_join) in terms_of(&words) {
                    // Joined pairs only from short fields: compounds live in names and
                    // questions, and joining every pair of a long text costs more than it finds.
                    if is_join && !part.joins() {
                        continue;
                    }
                    parts[i].push((id_of(term), is_join));
                }
                for w in words {
                    if w.raw.len() >= 5
                        && !w.raw.bytes().any(|b| b.is_ascii_digit())
                        && !spellings.contains_key(&w.raw)
                        && let Some(&id) = terms.get(&w.stem)
                    {
                        spellings.insert(w.raw, id);
                    }
                }
                lengths[i] += parts[i].len() as f64;
            }
            parsed.push(parts);
        }
        let n = entries.len().max(1) as f64;
        let average: Vec<f32> = lengths.iter().map(|l| (l / n).max(1.0) as f32).collect();
        // Second pass: weighted, length-normalised frequencies.
        let mut postings: Vec<Vec<Posting>> = vec![Vec::new(); names.len()];
        let mut weighted: HashMap<u32, f32> = HashMap::default();
        for (doc, parts) in parsed.into_iter().enumerate() {
            weighted.clear();
            for (i, part_terms) in parts.into_iter().enumerate() {
                let part = Part::ALL[i];
                let len = part_terms.len() as f32;
                let norm = 1.0 - part.damping() + part.damping() * len / average[i];
                for (id, is_join) in part_terms {
                    let w = part.weight() * if is_join { JOIN_WEIGHT } else { 1.0 };
                    *weighted.entry(id).or_default() += w / norm;
                }
            }
            for (&id, &tf) in &weighted {
                postings[id as usize].push(Posting {
                    doc: doc as u32,
                    tf,
                });
            }
        }
        let mut by_length: Vec<Vec<(Vec<char>, u32)>> = Vec::new();
        for (word, id) in spellings {
            let chars: Vec<char> = word.chars().collect();
            if by_length.len() <= chars.len() {
                by_length.resize_with(chars.len() + 1, Vec::new);
            }
            by_length[chars.len()].push((chars, id));
        }
        for bucket in &mut by_length {
            bucket.sort_unstable();
        }
        let spellings = by_length;
        let idf = postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                ((n as f32 - df + 0.5) / (df + 0.5) + 1.0).ln()
            })
            .collect();
        RelevanceIndex {
            terms,
            spellings,
            names,
            postings,
            idf,
            docs: entries.len(),
        }
    }

    /// Whether the index has this term.
    pub fn has(&self, term: &str) -> bool {
        self.terms.contains_key(term)
    }

    /// How a query word matches: its stem when indexed, else the words of the entries one
    /// edit away from it as typed (for words of five letters or more), weaker. Empty when
    /// nothing matches.
    pub fn resolve(&self, stem: &str, raw: &str) -> Vec<TermMatch> {
        if self.terms.contains_key(stem) {
            return vec![TermMatch {
                term: stem.to_owned(),
                weight: 1.0,
            }];
        }
        let chars: Vec<char> = raw.chars().collect();
        if chars.len() < 5 || chars.iter().any(char::is_ascii_digit) {
            return Vec::new();
        }
        let mut out: Vec<TermMatch> = Vec::new();
        let lengths = chars.len() - 1..=chars.len() + 1;
        for bucket in lengths.filter_map(|n| self.spellings.get(n)) {
            for (other, id) in bucket {
                let term = &self.names[*id as usize];
                if within_one_edit(&chars, other) && !out.iter().any(|m| &m.term == term) {
                    out.push(TermMatch {
                        term: term.clone(),
                        weight: 0.7,
                    });
                }
            }
        }
        // The commonest spellings first; a handful is plenty.
        out.sort_by_key(|m| std::cmp::Reverse(self.postings[self.terms[&m.term] as usize].len()));
        out.truncate(3);
        out
    }

    /// Adds each term's BM25 contribution to `scores` (indexed by entry).
    pub fn score_into(&self, matches: &[TermMatch], factor: f32, scores: &mut [f32]) {
        for m in matches {
            let Some(&id) = self.terms.get(&m.term) else {
                continue;
            };
            let idf = self.idf[id as usize];
            for p in &self.postings[id as usize] {
                let s = idf * p.tf * (K1 + 1.0) / (p.tf + K1);
                scores[p.doc as usize] += s * m.weight * factor;
            }
        }
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.docs
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }
}
