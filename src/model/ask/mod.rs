//! Answering questions typed the way students type them.
//!
//! Keyword search wants every word to match; a question ("how do I roll back a failed
//! cloudformation stack") rarely does. Here a question is ranked by relevance instead:
//! - words are stemmed, stop words dropped, neighbours joined ([`tokens`]);
//! - the vocabulary in `data/` turns a student's words into AWS's (*alert* → alarm), points
//!   phrasings straight at entries (*docker image* → ECR) and marks intents: a number
//!   (*max*, *size*, *how many*), a comparison (*vs*, *difference between*), a wizard;
//! - a BM25F index ([`relevance`]) scores every entry over its weighted fields, typos
//!   forgiven, words that match nothing dropped and reported;
//! - a question about a number ranks the named service's limits first and answers with the
//!   value ([`Answer`]).
//!
//! [`Finder`] chooses: short keyword queries keep the keyword tiers of
//! [`crate::model::search`] and their per-keystroke speed; questions, long queries and
//! queries with words that match nothing are ranked here.

mod finder;
pub mod relevance;
pub mod tokens;
mod user;
pub use finder::Finder;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::kb::KnowledgeBase;
use super::query::Query;
use super::render::value_with_unit;
use super::schema::{Intent, Kind};
use super::search::{Hit, SearchCache, SearchIndex, Tier, is_number};
use relevance::{RelevanceIndex, TermMatch};
use tokens::{Analyzer, is_stop_word, join};
pub use user::{UserHit, UserText};

/// Words that make a query a question.
const QUESTION_WORDS: &[&str] = &[
    "are",
    "can",
    "could",
    "difference",
    "do",
    "does",
    "how",
    "is",
    "should",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "would",
];
/// Queries with at least this many words are ranked by relevance.
const LONG_QUERY: usize = 4;
/// Added to an entry a vocabulary phrase points at.
const PHRASE_BOOST: f32 = 9.0;
/// Multiplies the score of a limit of the service a question about a number names.
const NAMED_LIMIT_FACTOR: f32 = 1.8;
/// Multiplies every other limit's score when the question is about a number.
const LIMIT_FACTOR: f32 = 1.2;
/// Multiplies a limit's score when the question is not about a number.
const UNASKED_LIMIT_FACTOR: f32 = 0.75;
/// Weight of words the vocabulary adds (AWS's words for the student's).
const MEANS_WEIGHT: f32 = 0.9;
/// Hits below this share of the best score are dropped as noise.
const CUTOFF: f32 = 0.08;

/// How a query was ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Every word matched: the keyword tiers.
    Keyword,
    /// A question or long query: relevance.
    Question,
}

/// What a question asked for, besides entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Intents {
    /// A number: a limit.
    pub limit: bool,
    /// Two or more things to compare, as entry ids, when they could be told.
    pub compare: Option<Vec<String>>,
    /// Whether the words asked for a comparison at all.
    pub compare_words: bool,
    /// A wizard to offer, with answers read from the question (key, raw value).
    pub wizard: Option<(String, Vec<(String, String)>)>,
}

/// The answer shown above the results: the value of a limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The limit entry's id.
    pub id: String,
    /// "Amazon SQS message size".
    pub what: String,
    /// "1 MiB per message".
    pub value: String,
    /// What the study notes said, when it differs.
    pub notes_value: Option<String>,
    /// When AWS changed it, and from what, when known.
    pub changed: Option<String>,
    /// The limit's one-line summary.
    pub summary: String,
}

impl Answer {
    /// One line: "Amazon SQS message size: 1 MiB; the notes said 256 KB".
    pub fn line(&self) -> String {
        let mut line = format!("{}: {}", self.what, self.value);
        if let Some(old) = &self.notes_value {
            line.push_str(&format!("; the notes said {old}"));
        }
        if let Some(changed) = &self.changed {
            line.push_str(&format!(". {changed}"));
        }
        line
    }
}

/// The result of a search or question.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// How it was ranked.
    pub mode: Mode,
    /// Entries, best first.
    #[serde(skip)]
    pub hits: Vec<Hit>,
    /// Words that matched nothing and were left out (stop words included), as typed.
    pub ignored: Vec<String>,
    /// What the question asked for.
    pub intents: Intents,
    /// The value answering a question about a number.
    pub answer: Option<Answer>,
    /// Hits on the user's own notes and sheet names.
    #[serde(skip)]
    pub user: Vec<UserHit>,
}

/// A phrase of the vocabulary as stems.
#[derive(Debug)]
struct Phrase {
    stems: Vec<String>,
    term: usize,
}

/// The vocabulary's phrases as stems, with the analyzer: cheap, built with the keyword
/// index so that even a short query can be recognised as a student's phrasing.
#[derive(Debug)]
pub struct Vocab {
    analyzer: Analyzer,
    phrases: Vec<Phrase>,
}

impl Vocab {
    /// Stems every phrase of the knowledge base's vocabulary.
    pub fn new(kb: &KnowledgeBase) -> Vocab {
        let analyzer = Analyzer::default();
        let mut phrases: Vec<Phrase> = Vec::new();
        for (term, t) in kb.vocabulary().iter().enumerate() {
            for says in &t.says {
                let stems: Vec<String> = analyzer.words(says).into_iter().map(|w| w.stem).collect();
                if !stems.is_empty() {
                    phrases.push(Phrase { stems, term });
                }
            }
        }
        // Longest phrases first, so "how many" wins over "many".
        phrases.sort_by_key(|p| std::cmp::Reverse(p.stems.len()));
        Vocab { analyzer, phrases }
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Whether a phrase of the vocabulary occurs in the text.
    pub fn occurs_in(&self, text: &str) -> bool {
        let stems: Vec<String> = self
            .analyzer
            .words(text)
            .into_iter()
            .map(|w| w.stem)
            .collect();
        self.phrases.iter().any(|p| {
            p.stems.len() <= stems.len()
                && stems
                    .windows(p.stems.len())
                    .any(|w| w.iter().zip(&p.stems).all(|(a, b)| a == b))
        })
    }
}

/// The question engine over one knowledge base: the relevance index, and the names of each
/// service for spotting the one a question is about.
#[derive(Debug)]
pub struct Asker {
    index: RelevanceIndex,
    /// Entry index → the stems of its one-word names (services and features only).
    names: HashMap<usize, Vec<String>>,
}

impl Asker {
    /// Builds the relevance index. Costs a pass over all text.
    pub fn new(kb: &KnowledgeBase, vocab: &Vocab) -> Asker {
        let analyzer = &vocab.analyzer;
        let index = RelevanceIndex::new(kb, analyzer);
        let mut names = HashMap::new();
        for (i, e) in kb.entries().iter().enumerate() {
            if matches!(e.kind, Kind::Service | Kind::Feature) {
                let mut stems: Vec<String> = Vec::new();
                for text in std::iter::once(&e.title).chain(&e.aliases) {
                    let words = analyzer.words(text);
                    let meaningful: Vec<&str> = words
                        .iter()
                        .map(|w| w.stem.as_str())
                        .filter(|s| !matches!(*s, "aws" | "amazon"))
                        .collect();
                    // A name counts as one term: "simple queue service" → its words joined.
                    if meaningful.len() == 1 {
                        stems.push(meaningful[0].to_owned());
                    }
                }
                names.insert(i, stems);
            }
        }
        Asker { index, names }
    }

    /// Ranks every entry by relevance to `text`.
    pub fn ask(
        &self,
        kb: &KnowledgeBase,
        vocab: &Vocab,
        text: &str,
        user: Option<&UserText>,
    ) -> Found {
        let analyzer = &vocab.analyzer;
        let words = analyzer.words(text);
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        let mut understood = vec![false; words.len()];
        let mut means: Vec<String> = Vec::new();
        let mut pointed: Vec<usize> = Vec::new();
        let mut intents = Intents::default();
        // Vocabulary phrases; they may overlap ("how many accounts" is both a question about
        // a number and a phrasing for StackSets).
        for phrase in &vocab.phrases {
            let n = phrase.stems.len();
            if n > stems.len() {
                continue;
            }
            for start in 0..=stems.len() - n {
                if stems[start..start + n]
                    .iter()
                    .zip(&phrase.stems)
                    .all(|(a, b)| *a == b)
                {
                    understood[start..start + n].fill(true);
                    let term = &kb.vocabulary()[phrase.term];
                    for m in &term.means {
                        means.extend(analyzer.terms(m).into_iter().map(|(t, _)| t));
                    }
                    for id in &term.entries {
                        if let Some(i) = kb.index_of(id) {
                            pointed.push(i);
                        }
                    }
                    match &term.intent {
                        Some(Intent::Limit) => intents.limit = true,
                        Some(Intent::Compare) => intents.compare_words = true,
                        Some(Intent::Wizard(w)) => {
                            intents
                                .wizard
                                .get_or_insert_with(|| (w.clone(), Vec::new()));
                        }
                        None => {}
                    }
                }
            }
        }
        // The student's own words, and neighbouring pairs joined.
        let mut matches: Vec<(Vec<TermMatch>, f32)> = Vec::new();
        let mut ignored: Vec<String> = Vec::new();
        let content: Vec<usize> = (0..words.len())
            .filter(|&i| !is_stop_word(&words[i].raw))
            .collect();
        for (k, &i) in content.iter().enumerate() {
            let resolved = self.index.resolve(&words[i].stem, &words[i].raw);
            if resolved.is_empty() && !understood[i] {
                ignored.push(words[i].raw.clone());
            }
            if !resolved.is_empty() {
                matches.push((resolved, 1.0));
            }
            // Neighbours among the meaningful words: "rolled it back" joins like "rolled back".
            if let Some(&j) = content.get(k + 1) {
                let joined = join(&words[i].stem, &words[j].stem);
                if self.index.has(&joined) {
                    matches.push((
                        vec![TermMatch {
                            term: joined,
                            weight: 1.0,
                        }],
                        1.2,
                    ));
                }
            }
        }
        for i in 0..words.len() {
            if is_stop_word(&words[i].raw) && !understood[i] {
                ignored.push(words[i].raw.clone());
            }
        }
        ignored.sort_by_key(|w| words.iter().position(|x| &x.raw == w));
        ignored.dedup();
        for m in means {
            let resolved = self.index.resolve(&m, "");
            if !resolved.is_empty() {
                matches.push((resolved, MEANS_WEIGHT));
            }
        }
        let mut scores = vec![0f32; kb.entries().len()];
        for (m, factor) in &matches {
            self.index.score_into(m, *factor, &mut scores);
        }
        // A phrasing the vocabulary knows says what the student means: the entries it
        // points at rank with the best matches of the words.
        let best = scores.iter().copied().fold(0f32, f32::max);
        for &i in &pointed {
            scores[i] += PHRASE_BOOST.max(best * 0.6);
        }
        let mut user_hits = Vec::new();
        if let Some(user) = user {
            user_hits = user.score_into(analyzer, text, kb, &mut scores);
        }
        let query_stems: Vec<&str> = matches
            .iter()
            .flat_map(|(m, _)| m.iter().map(|t| t.term.as_str()))
            .collect();
        // A number in the question ("aurora 15 replicas") points at a limit as much as "max".
        let numbers = words.iter().any(|w| is_number(&w.raw));
        if intents.limit || numbers {
            self.favour_limits(kb, &query_stems, &mut scores);
        } else {
            // Not about a number: the features come before the numbers about them.
            for (i, e) in kb.entries().iter().enumerate() {
                if e.kind == Kind::Limit {
                    scores[i] *= UNASKED_LIMIT_FACTOR;
                }
            }
        }
        let hits = ranked(&scores);
        if intents.compare_words {
            intents.compare = self.compare_targets(kb, analyzer, &words, &understood);
        }
        if intents.wizard.is_none() {
            intents.wizard = super::scenario::wizard_for(text);
        }
        if let Some((id, answers)) = &mut intents.wizard
            && answers.is_empty()
        {
            *answers = super::scenario::read_answers(id, text);
        }
        let answer = answer_for(kb, &hits, intents.limit);
        Found {
            mode: Mode::Question,
            hits,
            ignored,
            intents,
            answer,
            user: user_hits,
        }
    }

    /// A question about a number: every limit counts a little more, and the limits of the
    /// service it names count much more, so they rank first.
    fn favour_limits(&self, kb: &KnowledgeBase, query: &[&str], scores: &mut [f32]) {
        let named: Vec<usize> = self
            .names
            .iter()
            .filter(|(_, stems)| stems.iter().any(|s| query.contains(&s.as_str())))
            .map(|(&i, _)| i)
            .collect();
        for (i, e) in kb.entries().iter().enumerate() {
            let Some(limit) = &e.limit else { continue };
            if scores[i] <= 0.0 {
                continue;
            }
            let named = kb
                .index_of(&limit.service)
                .is_some_and(|service| named.contains(&service));
            scores[i] *= if named {
                NAMED_LIMIT_FACTOR
            } else {
                LIMIT_FACTOR
            };
        }
    }

    /// The two things a comparison names: the words before and after the comparing word
    /// ("blue green vs canary", "difference between X and Y"), each ranked on its own.
    fn compare_targets(
        &self,
        kb: &KnowledgeBase,
        analyzer: &Analyzer,
        words: &[tokens::Word],
        understood: &[bool],
    ) -> Option<Vec<String>> {
        let split = ["vs", "versus", "or", "and", "against"];
        let cut = words
            .iter()
            .position(|w| split.contains(&w.raw.as_str()))
            .filter(|&i| i > 0 && i + 1 < words.len())?;
        let side = |range: std::ops::Range<usize>| -> Option<usize> {
            let text: Vec<&str> = words[range.clone()]
                .iter()
                .zip(&understood[range])
                .filter(|(w, u)| !**u || !is_stop_word(&w.raw))
                .map(|(w, _)| w.raw.as_str())
                .collect();
            let mut scores = vec![0f32; kb.entries().len()];
            for (term, _) in analyzer.terms(&text.join(" ")) {
                self.index
                    .score_into(&self.index.resolve(&term, ""), 1.0, &mut scores);
            }
            ranked(&scores).first().map(|h| h.entry)
        };
        let a = side(0..cut)?;
        let b = side(cut + 1..words.len())?;
        (a != b).then(|| vec![kb.entries()[a].id.clone(), kb.entries()[b].id.clone()])
    }
}

/// The most results a question returns.
const MAX_HITS: usize = 300;

/// Entries with a score, best first (at most [`MAX_HITS`]); ties by position (data order).
fn ranked(scores: &[f32]) -> Vec<Hit> {
    let best = scores.iter().copied().fold(0f32, f32::max);
    if best <= 0.0 {
        return Vec::new();
    }
    let mut hits: Vec<(usize, f32)> = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s >= best * CUTOFF)
        .map(|(i, s)| (i, *s))
        .collect();
    let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if hits.len() > MAX_HITS {
        // Only the best few are shown: select them, then sort only those.
        hits.select_nth_unstable_by(MAX_HITS, order);
        hits.truncate(MAX_HITS);
    }
    hits.sort_by(order);
    hits.into_iter()
        .map(|(entry, s)| Hit {
            entry,
            tier: Tier::Relevant,
            fuzzy: (s * 100.0) as i64,
        })
        .collect()
}

/// The limit to show above the results: the best hit when it is a limit, or, for a
/// question about a number, the best limit among the first three.
fn answer_for(kb: &KnowledgeBase, hits: &[Hit], limit_intent: bool) -> Option<Answer> {
    let look = if limit_intent { 3 } else { 1 };
    let e = hits
        .iter()
        .take(look)
        .map(|h| &kb.entries()[h.entry])
        .find(|e| e.limit.is_some())?;
    let l = e.limit.as_ref()?;
    let service = kb.service_title(e);
    // The limit's own title when it already names the service ("SQS maximum message size"),
    // else the service first ("Amazon CloudWatch: Dimensions per metric").
    let title = e.title.to_lowercase();
    let names_service = std::iter::once(short_name(service))
        .chain(
            kb.get(&l.service)
                .into_iter()
                .flat_map(|s| s.aliases.iter().map(String::as_str)),
        )
        .any(|name| !name.is_empty() && title.contains(&name.to_lowercase()));
    let what = if names_service {
        e.title.clone()
    } else {
        format!("{service}: {}", e.title)
    };
    let changed = match (&l.changed, &l.previous) {
        (Some(date), Some(previous)) => {
            Some(format!("Changed in {date}; before that it was {previous}."))
        }
        (Some(date), None) => Some(format!("Changed in {date}.")),
        _ => None,
    };
    Some(Answer {
        id: e.id.clone(),
        what,
        value: value_with_unit(&l.value, &l.unit, l.verdict),
        notes_value: l.notes_value.clone(),
        changed,
        summary: e.summary.clone(),
    })
}

/// A service's name without the vendor: "Amazon SQS" → "SQS".
fn short_name(title: &str) -> &str {
    title
        .strip_prefix("Amazon ")
        .or_else(|| title.strip_prefix("AWS "))
        .unwrap_or(title)
}

/// Whether text reads as a question or a long query rather than keywords.
pub fn looks_like_question(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let content = words
        .iter()
        .filter(|w| !is_stop_word(&w.to_lowercase()))
        .count();
    let first = words.first().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    text.trim_end().ends_with('?')
        || content >= LONG_QUERY
        || first.is_some_and(|w| QUESTION_WORDS.contains(&w.as_str()))
}
