//! The fuzzy search engine behind the search box and `opsdeck search`.
//!
//! Ranking, best first:
//! 1. **exact**: the query equals the entry's title, an alias or its id (punctuation ignored);
//! 2. **prefix**: the title, an alias or the id starts with the query;
//! 3. **title**: every word matches the title fuzzily;
//! 4. **names**: every word matches the title, aliases, tags or id;
//! 5. **body**: every word matches somewhere (summary, key points, tips, limit values).
//!
//! Within a tier the skim score decides, then the shorter title, then title order, then id, so
//! results are deterministic. Words of five letters or more also match a word of the entry that
//! is one edit away (a letter wrong, missing, extra, or two swapped): `cloudfromation`.
//!
//! The index is built once per knowledge base. [`SearchCache`] lets typing one more character
//! search only the previous results. Match positions, for highlighting, are computed on demand
//! for the rows on screen ([`SearchIndex::highlights`]).

use rustc_hash::FxHashMap as HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::kb::KnowledgeBase;
use super::query::{
    MIN_SCATTERED, Query, fold, fold_char, fold_into, normalize_name, typo_eligible,
};
use super::schema::{Entry, Kind};

/// How well an entry matched, best (lowest) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// The query is the title, an alias or the id.
    Exact = 0,
    /// The title, an alias or the id starts with the query.
    Prefix = 1,
    /// Every word is in the title.
    Title = 2,
    /// Every word is in the title, aliases, tags or id.
    Names = 3,
    /// Some word is only in the body text.
    Body = 4,
    /// Not every word matched: ranked by relevance to a question (see `model::ask`).
    Relevant = 5,
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`KnowledgeBase::entries`].
    pub entry: usize,
    /// The tier the entry matched in.
    pub tier: Tier,
    /// The fuzzy score within the tier (higher is better).
    pub fuzzy: i64,
}

impl Hit {
    /// One number that orders hits like the ranking does (higher is better); shown by the CLI.
    pub fn score(&self) -> i64 {
        (5 - self.tier as i64) * 100_000 + self.fuzzy.clamp(0, 99_999)
    }
}

/// A part of an entry that can be matched and highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The entry's id.
    Id,
    /// The title.
    Title,
    /// The alias at this index.
    Alias(usize),
    /// The tag at this index.
    Tag(usize),
    /// The one-line summary.
    Summary,
    /// The key point at this index.
    Point(usize),
    /// The exam tip at this index.
    Tip(usize),
    /// A limit's current value.
    LimitValue,
    /// A limit's unit.
    LimitUnit,
    /// The value the notes gave for a limit.
    LimitNotes,
}

impl Field {
    /// The text of this field in `entry`, if it has one.
    pub fn text(self, entry: &Entry) -> Option<&str> {
        let limit = entry.limit.as_ref();
        match self {
            Field::Id => Some(&entry.id),
            Field::Title => Some(&entry.title),
            Field::Alias(i) => entry.aliases.get(i).map(String::as_str),
            Field::Tag(i) => entry.tags.get(i).map(String::as_str),
            Field::Summary => Some(&entry.summary),
            Field::Point(i) => entry.points.get(i).map(String::as_str),
            Field::Tip(i) => entry.tips.get(i).map(String::as_str),
            Field::LimitValue => limit.map(|l| l.value.as_str()),
            Field::LimitUnit => limit.map(|l| l.unit.as_str()),
            Field::LimitNotes => limit.and_then(|l| l.notes_value.as_deref()),
        }
    }

    /// Every field of `entry` that has text, names first, then body.
    pub fn all(entry: &Entry) -> Vec<Field> {
        let mut fields = vec![Field::Title];
        fields.extend((0..entry.aliases.len()).map(Field::Alias));
        fields.extend((0..entry.tags.len()).map(Field::Tag));
        fields.push(Field::Id);
        fields.push(Field::Summary);
        fields.extend((0..entry.points.len()).map(Field::Point));
        fields.extend((0..entry.tips.len()).map(Field::Tip));
        if let Some(limit) = &entry.limit {
            fields.push(Field::LimitValue);
            fields.push(Field::LimitUnit);
            if limit.notes_value.is_some() {
                fields.push(Field::LimitNotes);
            }
        }
        fields
    }

    /// Whether the field counts as a name (title, alias, tag, id) rather than body text.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Field::Id | Field::Title | Field::Alias(_) | Field::Tag(_)
        )
    }
}

/// Matched character positions (char indices, not bytes) in one field, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    /// The field.
    pub field: Field,
    /// Sorted, de-duplicated char indices into the field's text.
    pub positions: Vec<usize>,
}

/// Remembers the previous query and its matches so that a narrowing query (one more
/// character) searches only those.
#[derive(Debug, Clone, Default)]
pub struct SearchCache {
    previous: Option<(Query, Vec<u32>)>,
    /// How many entries the last search examined (for tests and benchmarks).
    pub last_examined: usize,
}

/// A piece of the index's text arena.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// Prepared, case-folded text of one entry. The text itself lives in the index's arena, laid
/// out in entry order, so a scan reads memory front to back instead of chasing allocations.
struct Doc {
    kind: Kind,
    title: Span,
    /// Bytes of the title to skip for fuzzy scoring: a leading "aws " or "amazon " would
    /// otherwise make "Lambda layers" outrank "AWS Lambda" for `lambda`.
    title_skip: u32,
    title_mask: u64,
    /// Range in `SearchIndex::names` of the folded aliases, tags and id.
    names: (u32, u32),
    names_mask: u64,
    /// Range in `SearchIndex::normalized` of the normalized title, id and aliases, for exact
    /// and prefix comparisons.
    normalized: (u32, u32),
    /// Folded body fields joined by newlines.
    body: Span,
    body_mask: u64,
    mask: u64,
    /// Position of the title in alphabetical order (for cheap deterministic ties).
    title_rank: u32,
    title_chars: u32,
}

/// Where a vocabulary word occurs: the entry, and whether in its title or another name
/// field, packed in four bytes (the entry in the low 30 bits) because there is one per word
/// per entry.
#[derive(Debug, Clone, Copy)]
struct Posting(u32);

impl Posting {
    const NAME: u32 = 1 << 30;
    const TITLE: u32 = 1 << 31;

    fn new(doc: u32, in_name: bool, in_title: bool) -> Posting {
        let mut bits = doc & !(Self::NAME | Self::TITLE);
        if in_name {
            bits |= Self::NAME;
        }
        if in_title {
            bits |= Self::TITLE;
        }
        Posting(bits)
    }

    fn doc(self) -> u32 {
        self.0 & !(Self::NAME | Self::TITLE)
    }

    fn in_name(self) -> bool {
        self.0 & Self::NAME != 0
    }

    fn in_title(self) -> bool {
        self.0 & Self::TITLE != 0
    }

    /// The best tier the word reaches in this entry.
    fn tier(self) -> Tier {
        if self.in_title() {
            Tier::Title
        } else if self.in_name() {
            Tier::Names
        } else {
            Tier::Body
        }
    }

    fn mark(&mut self, in_name: bool, in_title: bool) {
        *self = Posting::new(
            self.doc(),
            self.in_name() || in_name,
            self.in_title() || in_title,
        );
    }
}

/// The search index over one knowledge base.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Entry index by title rank (the inverse of `Doc::title_rank`).
    by_rank: Vec<u32>,
    /// All folded text, entry after entry.
    arena: String,
    /// Name spans with their character masks.
    names: Vec<(Span, u64)>,
    /// Normalized name spans.
    normalized: Vec<Span>,
    /// Every distinct word (folded) of the knowledge base, as chars, with where it occurs.
    vocab: Vec<(Vec<char>, Vec<Posting>)>,
    /// Vocabulary slots by a word's first and by its second character: a word one edit
    /// from a query word shares its first character, or has it second, or starts with the
    /// query's second character, so the typo scan reads only these lists.
    by_first: HashMap<char, Vec<u32>>,
    by_second: HashMap<char, Vec<u32>>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.docs.len())
            .field("vocab", &self.vocab.len())
            .finish()
    }
}

/// How one query word matched one entry.
#[derive(Debug, Clone, Copy)]
struct WordMatch {
    tier: Tier,
    score: i64,
}

/// Added to a title match when the word starts a word of the title (not scattered letters).
const WORD_START_BONUS: i64 = 100;
/// Score per character of a word that matched a title word through one-edit typo tolerance,
/// plus [`TYPO_BASE`]: above letters scattered across a title, below a clean word match.
const TYPO_PER_CHAR: i64 = 16;
/// See [`TYPO_PER_CHAR`].
const TYPO_BASE: i64 = 60;
/// The largest score a sort key holds (19 bits); scores are far below it in practice.
const SCORE_MAX: u64 = 0x7_FFFF;
/// The sort-key bit that puts limits after the other entries of the same tier: a name
/// ("Rules", "Targets") means the feature, not the number about it.
const LIMIT_BIT: u64 = 1 << 59;
/// The bits of a sort key that hold the title rank (28 bits: 268 million entries).
const RANK_MASK: u64 = 0x0FFF_FFFF;

/// Scans (and index builds) of at least this many entries are split across threads.
const PARALLEL_FROM: usize = 20_000;

/// Score given to a word found as a substring of body text.
const BODY_SCORE: i64 = 10;

impl SearchIndex {
    /// Builds the index. Costs a pass over all text; do it once per knowledge base.
    pub fn new(kb: &KnowledgeBase) -> SearchIndex {
        SearchIndex::build(kb, PARALLEL_FROM)
    }

    /// Builds the index, on two threads when there are at least `parallel_from` entries.
    fn build(kb: &KnowledgeBase, parallel_from: usize) -> SearchIndex {
        let entries = kb.entries();
        let titles: Vec<String> = entries.iter().map(|e| fold(&e.title)).collect();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        // Between entries of one title, the user's own version comes first.
        let mine = |i: usize| kb.origin(i) == Some(&super::kb::Origin::Mine);
        order.sort_unstable_by(|&a, &b| {
            titles[a]
                .cmp(&titles[b])
                .then_with(|| mine(b).cmp(&mine(a)))
                .then_with(|| entries[a].id.cmp(&entries[b].id))
        });
        let mut title_rank = vec![0u32; entries.len()];
        for (rank, &i) in order.iter().enumerate() {
            title_rank[i] = rank as u32;
        }

        // Two halves on two threads, merged in entry order: the result is the same as one
        // pass (a word's slot is its first occurrence; postings stay sorted by entry).
        let half = entries.len() / 2;
        let mut parts = if entries.len() < parallel_from {
            vec![Part::build(kb, &titles, &title_rank, 0..entries.len())]
        } else {
            std::thread::scope(|scope| {
                let second =
                    scope.spawn(|| Part::build(kb, &titles, &title_rank, half..entries.len()));
                let first = Part::build(kb, &titles, &title_rank, 0..half);
                let second = second
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                vec![first, second]
            })
        }
        .into_iter();
        let mut all = parts.next().unwrap_or_default();
        for part in parts {
            all.append(part);
        }
        let Part {
            vocab,
            docs,
            arena,
            names: name_spans,
            normalized: normalized_spans,
            ..
        } = all;
        let mut by_rank = vec![0u32; entries.len()];
        for (i, &rank) in title_rank.iter().enumerate() {
            by_rank[rank as usize] = i as u32;
        }
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::default();
        let mut by_second: HashMap<char, Vec<u32>> = HashMap::default();
        for (slot, (chars, _)) in vocab.iter().enumerate() {
            if let Some(&c) = chars.first() {
                by_first.entry(c).or_default().push(slot as u32);
            }
            if let Some(&c) = chars.get(1) {
                by_second.entry(c).or_default().push(slot as u32);
            }
        }
        SearchIndex {
            docs,
            by_rank,
            arena,
            names: name_spans,
            normalized: normalized_spans,
            vocab,
            by_first,
            by_second,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    fn text(&self, span: Span) -> &str {
        &self.arena[span.start as usize..(span.start + span.len) as usize]
    }

    fn doc_names(&self, doc: &Doc) -> impl Iterator<Item = (&str, u64)> {
        self.names[doc.names.0 as usize..doc.names.1 as usize]
            .iter()
            .map(|(span, mask)| (self.text(*span), *mask))
    }

    fn doc_normalized(&self, doc: &Doc) -> impl Iterator<Item = &str> {
        self.normalized[doc.normalized.0 as usize..doc.normalized.1 as usize]
            .iter()
            .map(|span| self.text(*span))
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Searches every entry. An empty query lists every entry (of the scoped kind) by title.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        if query.is_empty() {
            return self.list_all(query);
        }
        self.rank(&self.scan(query, None), demotes_limits(query))
    }

    /// Like [`Self::search`], reusing the previous results when the query only narrowed.
    pub fn search_cached(&self, query: &Query, cache: &mut SearchCache) -> Vec<Hit> {
        let candidates = match &cache.previous {
            Some((prev, matched))
                if !query.is_empty() && !prev.is_empty() && query.narrows(prev) =>
            {
                Some(matched.as_slice())
            }
            _ => None,
        };
        cache.last_examined = candidates.map_or(self.docs.len(), <[u32]>::len);
        if query.is_empty() {
            cache.previous = None;
            return self.list_all(query);
        }
        let hits = self.scan(query, candidates);
        // The scan keeps entry order, so the matched set is already sorted for next time.
        let matched: Vec<u32> = hits.iter().map(|h| h.entry as u32).collect();
        cache.previous = Some((query.clone(), matched));
        self.rank(&hits, demotes_limits(query))
    }

    /// Every entry of the query's kind, in title order.
    fn list_all(&self, query: &Query) -> Vec<Hit> {
        let in_scope = |d: &Doc| query.kind.is_none_or(|k| d.kind == k);
        {
            let mut hits: Vec<Hit> = Vec::new();
            hits.extend(
                self.docs
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| in_scope(d))
                    .map(|(i, _)| Hit {
                        entry: i,
                        tier: Tier::Names,
                        fuzzy: 0,
                    }),
            );
            hits.sort_unstable_by_key(|h| self.docs[h.entry].title_rank);
            hits
        }
    }

    /// Matches every candidate (or every entry), keeping entry order; unsorted by rank.
    fn scan(&self, query: &Query, candidates: Option<&[u32]>) -> Vec<Hit> {
        let in_scope = |d: &Doc| query.kind.is_none_or(|k| d.kind == k);

        let words: Vec<PreparedWord> = query
            .words
            .iter()
            .map(|w| PreparedWord::new(w, self))
            .collect();
        let whole = query.normalized();
        let demote = demotes_limits(query);

        let consider = |i: usize, hits: &mut Vec<Hit>| {
            let doc = &self.docs[i];
            if !in_scope(doc) {
                return;
            }
            let mut tier = Tier::Exact;
            let mut total = 0i64;
            for word in &words {
                match self.match_word(word, doc, i as u32) {
                    Some(m) => {
                        tier = tier.max(m.tier);
                        total += m.score;
                    }
                    None => return,
                }
            }
            // The exact and prefix tiers look at the whole query at once.
            // A first-byte check skips nearly every comparison.
            let first = whole.as_bytes().first();
            let candidates = self
                .doc_normalized(doc)
                .filter(|n| n.as_bytes().first() == first);
            for name in candidates {
                if name == whole {
                    tier = Tier::Exact;
                    break;
                }
                if name.starts_with(&whole) {
                    tier = Tier::Prefix;
                }
            }
            // A limit's name holding the words ("Rules per web ACL" for `rules`) is a weaker
            // answer to a name than the features named so: it ranks with the name matches.
            if demote && doc.kind == Kind::Limit && tier > Tier::Exact {
                tier = tier.max(Tier::Names);
            }
            hits.push(Hit {
                entry: i,
                tier,
                fuzzy: total,
            });
        };
        let all: Vec<u32>;
        let list: &[u32] = match candidates {
            Some(list) => list,
            None => {
                all = (0..self.docs.len() as u32).collect();
                &all
            }
        };
        if list.len() >= PARALLEL_FROM {
            // Large packs: split the scan over the machine's cores.
            let threads = std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .clamp(1, 8);
            let chunk = list.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let workers: Vec<_> = list
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(|| {
                            let mut local = Vec::new();
                            part.iter().for_each(|&i| consider(i as usize, &mut local));
                            local
                        })
                    })
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| w.join().unwrap_or_default())
                    .collect::<Vec<Hit>>()
            })
        } else {
            let mut local = Vec::new();
            list.iter().for_each(|&i| consider(i as usize, &mut local));
            local
        }
    }

    /// Sorts hits best first. Each hit becomes one `u64` whose low bits are the title rank,
    /// which maps back to the entry, so 100,000 hits sort as plain integers.
    fn rank(&self, hits: &[Hit], demote_limits: bool) -> Vec<Hit> {
        let mut keys: Vec<u64> = hits
            .iter()
            .map(|h| self.sort_key(h, demote_limits))
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let tier = match key >> 60 {
                    0 => Tier::Exact,
                    1 => Tier::Prefix,
                    2 => Tier::Title,
                    3 => Tier::Names,
                    4 => Tier::Body,
                    _ => Tier::Relevant,
                };
                Hit {
                    entry: self.by_rank[(key & RANK_MASK) as usize] as usize,
                    tier,
                    fuzzy: (SCORE_MAX - ((key >> 40) & SCORE_MAX)) as i64,
                }
            })
            .collect()
    }

    /// One integer that orders hits: tier, then other entries before limits, then score
    /// (higher first), then shorter title, then title order. Packing it into a `u64` keeps sorting 100,000 hits cheap.
    fn sort_key(&self, hit: &Hit, demote_limits: bool) -> u64 {
        let doc = &self.docs[hit.entry];
        let score = (hit.fuzzy.clamp(0, SCORE_MAX as i64)) as u64;
        let limit = if demote_limits && doc.kind == Kind::Limit {
            LIMIT_BIT
        } else {
            0
        };
        ((hit.tier as u64) << 60)
            | limit
            | ((SCORE_MAX - score) << 40)
            | (u64::from(doc.title_chars.min(0xFFF)) << 28)
            | (u64::from(doc.title_rank) & RANK_MASK)
    }
}

/// Whether limits rank after other entries of their tier: yes for names, no when the query
/// holds a number (`aurora 15 replicas` asks for the limit) or scopes to limits.
fn demotes_limits(query: &Query) -> bool {
    query.kind != Some(Kind::Limit) && !query.words.iter().any(|w| is_number(w))
}

/// Whether a word is a number (`15`, `10,000`), not a name with digits (`s3`, `ec2`).
pub fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

mod build;
mod highlight;
use build::Part;
mod matching;

pub(crate) use matching::within_one_edit;
use matching::{PreparedWord, char_mask, tokens};

#[cfg(test)]
mod tests;
