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

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::kb::KnowledgeBase;
use super::query::{MIN_SCATTERED, Query, fold, fold_char, normalize, typo_eligible};
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
        (4 - self.tier as i64) * 100_000 + self.fuzzy.clamp(0, 99_999)
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

/// Where a vocabulary word occurs: the entry and whether in a name field.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    in_name: bool,
    in_title: bool,
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
/// The largest score a sort key holds (20 bits); scores are far below it in practice.
const SCORE_MAX: u64 = 0xF_FFFF;
/// The bits of a sort key that hold the title rank (28 bits: 268 million entries).
const RANK_MASK: u64 = 0x0FFF_FFFF;

/// Scans of at least this many entries are split across threads.
const PARALLEL_FROM: usize = 20_000;

/// Score given to a word found as a substring of body text.
const BODY_SCORE: i64 = 10;

impl SearchIndex {
    /// Builds the index. Costs a pass over all text; do it once per knowledge base.
    pub fn new(kb: &KnowledgeBase) -> SearchIndex {
        let entries = kb.entries();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            fold(&entries[a].title)
                .cmp(&fold(&entries[b].title))
                .then_with(|| entries[a].id.cmp(&entries[b].id))
        });
        let mut title_rank = vec![0u32; entries.len()];
        for (rank, &i) in order.iter().enumerate() {
            title_rank[i] = rank as u32;
        }

        let mut vocab_ids: HashMap<String, usize> = HashMap::new();
        let mut vocab: Vec<(Vec<char>, Vec<Posting>)> = Vec::new();
        let mut docs = Vec::with_capacity(entries.len());
        let mut arena = String::new();
        let mut name_spans: Vec<(Span, u64)> = Vec::new();
        let mut normalized_spans: Vec<Span> = Vec::new();
        let put = |arena: &mut String, text: &str| {
            let span = Span {
                start: arena.len() as u32,
                len: text.len() as u32,
            };
            arena.push_str(text);
            span
        };
        for (i, entry) in entries.iter().enumerate() {
            let title = fold(&entry.title);
            let title_skip = ["aws ", "amazon "]
                .iter()
                .find(|p| title.starts_with(*p))
                .map_or(0, |p| p.len());
            let mut names: Vec<String> = entry.aliases.iter().map(|a| fold(a)).collect();
            names.extend(entry.tags.iter().map(|t| fold(t)));
            names.push(entry.id.clone());
            let mut names_normalized = vec![normalize(&entry.title), normalize(&entry.id)];
            names_normalized.extend(entry.aliases.iter().map(|a| normalize(a)));

            let mut body = String::new();
            for field in Field::all(entry).into_iter().filter(|f| !f.is_name()) {
                if let Some(text) = field.text(entry) {
                    body.push_str(&fold(text));
                    body.push('\n');
                }
            }

            for (text, in_name, in_title) in std::iter::once((title.as_str(), true, true))
                .chain(names.iter().map(|n| (n.as_str(), true, false)))
                .chain(std::iter::once((body.as_str(), false, false)))
            {
                for token in tokens(text) {
                    let slot = *vocab_ids.entry(token.to_owned()).or_insert_with(|| {
                        vocab.push((token.chars().collect(), Vec::new()));
                        vocab.len() - 1
                    });
                    let postings = &mut vocab[slot].1;
                    match postings.last_mut() {
                        Some(last) if last.doc == i as u32 => {
                            last.in_name |= in_name;
                            last.in_title |= in_title;
                        }
                        _ => postings.push(Posting {
                            doc: i as u32,
                            in_name,
                            in_title,
                        }),
                    }
                }
            }

            let title_mask = char_mask(&title);
            let title_span = put(&mut arena, &title);
            let names_start = name_spans.len() as u32;
            let mut names_mask = 0;
            for n in &names {
                let mask = char_mask(n);
                names_mask |= mask;
                name_spans.push((put(&mut arena, n), mask));
            }
            let normalized_start = normalized_spans.len() as u32;
            for n in &names_normalized {
                normalized_spans.push(put(&mut arena, n));
            }
            let body_mask = char_mask(&body);
            let body_span = put(&mut arena, &body);
            docs.push(Doc {
                kind: entry.kind,
                title: title_span,
                title_skip: title_skip as u32,
                title_chars: title[title_skip..].chars().count() as u32,
                title_mask,
                names: (names_start, name_spans.len() as u32),
                names_mask,
                normalized: (normalized_start, normalized_spans.len() as u32),
                body: body_span,
                body_mask,
                mask: title_mask | names_mask | body_mask,
                title_rank: title_rank[i],
            });
        }
        let mut by_rank = vec![0u32; entries.len()];
        for (i, &rank) in title_rank.iter().enumerate() {
            by_rank[rank as usize] = i as u32;
        }
        SearchIndex {
            docs,
            by_rank,
            arena,
            names: name_spans,
            normalized: normalized_spans,
            vocab,
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
        self.rank(&self.scan(query, None))
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
        self.rank(&hits)
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
    fn rank(&self, hits: &[Hit]) -> Vec<Hit> {
        let mut keys: Vec<u64> = hits.iter().map(|h| self.sort_key(h)).collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let tier = match key >> 60 {
                    0 => Tier::Exact,
                    1 => Tier::Prefix,
                    2 => Tier::Title,
                    3 => Tier::Names,
                    _ => Tier::Body,
                };
                Hit {
                    entry: self.by_rank[(key & RANK_MASK) as usize] as usize,
                    tier,
                    fuzzy: (SCORE_MAX - ((key >> 40) & SCORE_MAX)) as i64,
                }
            })
            .collect()
    }

    /// One integer that orders hits: tier, then score (higher first), then shorter title,
    /// then title order. Packing it into a `u64` keeps sorting 100,000 hits cheap.
    fn sort_key(&self, hit: &Hit) -> u64 {
        let doc = &self.docs[hit.entry];
        let score = (hit.fuzzy.clamp(0, SCORE_MAX as i64)) as u64;
        ((hit.tier as u64) << 60)
            | ((SCORE_MAX - score) << 40)
            | (u64::from(doc.title_chars.min(0xFFF)) << 28)
            | (u64::from(doc.title_rank) & RANK_MASK)
    }

    /// The best way one word matches one entry, or `None`.
    fn match_word(&self, word: &PreparedWord, doc: &Doc, doc_index: u32) -> Option<WordMatch> {
        let typo = word.typo_hit(doc_index);
        if word.mask & doc.mask != word.mask {
            // Some letter of the word occurs nowhere in the entry: only a typo can match.
            return typo;
        }
        // In the title, a word that starts a title word beats a one-letter typo of a title
        // word, which beats letters scattered across several words.
        let fuzzy = if word.mask & doc.title_mask != word.mask {
            None
        } else if let Some(at) = word.finder.find(self.text(doc.title).as_bytes()) {
            // Contiguous letters: scored directly, as skim scores a gap-free match, which
            // keeps per-keystroke work small on large packs.
            Some(contiguous_score(self.text(doc.title), at, word))
        } else if word.scattered && in_one_token(self.text(doc.title), &word.text) {
            // Letters with gaps count only inside one title word ("lamda" in "Lambda");
            // letters scattered over several words are noise, left to the body check.
            self.matcher
                .fuzzy_match(&self.text(doc.title)[doc.title_skip as usize..], &word.text)
                .or_else(|| self.matcher.fuzzy_match(self.text(doc.title), &word.text))
                .map(|score| score.max(1))
        } else {
            None
        };
        let typo_title = typo.filter(|t| t.tier == Tier::Title).map(|t| t.score);
        if let Some(score) = fuzzy.max(typo_title) {
            return Some(WordMatch {
                tier: Tier::Title,
                score,
            });
        }
        if word.mask & doc.names_mask == word.mask
            && let Some(score) = self
                .doc_names(doc)
                .filter(|(_, mask)| word.mask & mask == word.mask)
                .filter_map(|(n, _)| match word.finder.find(n.as_bytes()) {
                    // The same rules as the title: contiguous letters scored directly,
                    // letters with gaps only inside one word.
                    Some(at) => Some(contiguous_score(n, at, word)),
                    None if word.scattered && in_one_token(n, &word.text) => {
                        self.matcher.fuzzy_match(n, &word.text)
                    }
                    None => None,
                })
                .max()
        {
            return Some(WordMatch {
                tier: Tier::Names,
                score: score.max(1),
            });
        }
        if let Some(m) = typo.filter(|t| t.tier == Tier::Names) {
            return Some(m);
        }
        let in_body = if word.single_ascii {
            // For one letter or digit the character mask already answers.
            char_bit(word.text.as_bytes()[0] as char) & doc.body_mask != 0
        } else {
            word.mask & doc.body_mask == word.mask
                && word.finder.find(self.text(doc.body).as_bytes()).is_some()
        };
        if in_body {
            return Some(WordMatch {
                tier: Tier::Body,
                score: BODY_SCORE,
            });
        }
        typo
    }

    /// Where each query word matches in `entry`, per field, for highlighting the rows on
    /// screen. Positions are char indices into [`Field::text`], never byte offsets.
    pub fn highlights(&self, query: &Query, entry: &Entry) -> Vec<FieldMatch> {
        let mut out: Vec<FieldMatch> = Vec::new();
        let mut add = |field: Field, positions: Vec<usize>| {
            if positions.is_empty() {
                return;
            }
            match out.iter_mut().find(|m| m.field == field) {
                Some(existing) => {
                    existing.positions.extend(positions);
                    existing.positions.sort_unstable();
                    existing.positions.dedup();
                }
                None => out.push(FieldMatch { field, positions }),
            }
        };
        for word in &query.words {
            let chars: Vec<char> = word.chars().collect();
            let typo = typo_eligible(word) && chars.iter().all(|c| is_token_char(*c));
            let prepared = PreparedWord {
                text: word.clone(),
                mask: char_mask(word),
                single_ascii: false,
                finder: memchr::memmem::Finder::new(word.as_bytes()).into_owned(),
                scattered: chars.len() >= MIN_SCATTERED,
                chars: chars.clone(),
                typo,
                typo_docs: Vec::new(),
            };
            // Names: the same rules as ranking: contiguous letters anywhere, or letters with
            // gaps inside one word.
            let mut matched_name = false;
            for field in Field::all(entry).into_iter().filter(|f| f.is_name()) {
                let Some(text) = field.text(entry) else {
                    continue;
                };
                let folded: Vec<char> = text.chars().map(fold_char).collect();
                let contiguous = substring_positions(&folded, &chars);
                let positions = if !contiguous.is_empty() {
                    Some(contiguous[..chars.len()].to_vec())
                } else if prepared.scattered && in_one_token(&fold(text), word) {
                    self.matcher.fuzzy_indices(text, word).map(|(_, p)| p)
                } else {
                    None
                };
                if let Some(positions) = positions {
                    add(field, positions);
                    matched_name = true;
                    if field == Field::Title {
                        break;
                    }
                }
            }
            for field in Field::all(entry) {
                let Some(text) = field.text(entry) else {
                    continue;
                };
                let folded: Vec<char> = text.chars().map(fold_char).collect();
                if !field.is_name() {
                    add(field, substring_positions(&folded, &chars));
                }
                if !matched_name && prepared.typo {
                    add(field, typo_positions(&folded, &prepared));
                }
            }
        }
        out
    }
}

/// A query word with what is computed once per search.
struct PreparedWord {
    text: String,
    mask: u64,
    chars: Vec<char>,
    /// A single ASCII letter or digit, whose presence the character masks decide exactly.
    single_ascii: bool,
    /// A prepared substring searcher for the word.
    finder: memchr::memmem::Finder<'static>,
    /// Whether the word is long enough for typo tolerance.
    typo: bool,
    /// Whether letters with gaps may match (words of three letters or more: one or two
    /// letters with a gap match almost anything).
    scattered: bool,
    /// For such words: per entry, 0 when no word of it is one edit away, else 1 + the best
    /// tier (title, names, body) such a word occurs in. Empty for other words.
    typo_docs: Vec<u8>,
}

impl PreparedWord {
    fn new(word: &str, index: &SearchIndex) -> PreparedWord {
        let chars: Vec<char> = word.chars().collect();
        let typo = typo_eligible(word) && chars.iter().all(|c| is_token_char(*c));
        let mut typo_docs: Vec<u8> = Vec::new();
        if typo {
            typo_docs = vec![0; index.docs.len()];
            for (token, postings) in &index.vocab {
                // One edit leaves the first letter in place, or swaps or removes it.
                let plausible = token.len() + 1 >= chars.len()
                    && (token[0] == chars[0]
                        || token[0] == chars[1]
                        || token.get(1) == Some(&chars[0]));
                if !plausible || !typo_prefix_match(&chars, token) {
                    continue;
                }
                for p in postings {
                    let tier = if p.in_title {
                        Tier::Title
                    } else if p.in_name {
                        Tier::Names
                    } else {
                        Tier::Body
                    };
                    let code = 1 + tier as u8;
                    let slot = &mut typo_docs[p.doc as usize];
                    if *slot == 0 || code < *slot {
                        *slot = code;
                    }
                }
            }
        }
        PreparedWord {
            text: word.to_owned(),
            mask: char_mask(word),
            single_ascii: word.len() == 1 && word.as_bytes()[0].is_ascii_alphanumeric(),
            finder: memchr::memmem::Finder::new(word.as_bytes()).into_owned(),
            scattered: chars.len() >= MIN_SCATTERED,
            chars,
            typo,
            typo_docs,
        }
    }

    fn typo_hit(&self, doc: u32) -> Option<WordMatch> {
        let tier = match self.typo_docs.get(doc as usize).copied().unwrap_or(0) {
            0 => return None,
            code if code == 1 + Tier::Title as u8 => Tier::Title,
            code if code == 1 + Tier::Names as u8 => Tier::Names,
            _ => Tier::Body,
        };
        Some(WordMatch {
            tier,
            score: match tier {
                Tier::Title => TYPO_PER_CHAR * self.chars.len() as i64 + TYPO_BASE,
                _ => BODY_SCORE / 2,
            },
        })
    }
}

/// Whether `word`'s letters appear, in order, inside a single word of `text` (both folded).
fn in_one_token(text: &str, word: &str) -> bool {
    // One pass: greedy subsequence matching that restarts at every word boundary.
    if text.is_ascii() && word.is_ascii() {
        let w = word.as_bytes();
        let mut i = 0;
        for &b in text.as_bytes() {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                i = 0;
            } else if i < w.len() && b == w[i] {
                i += 1;
                if i == w.len() {
                    return true;
                }
            }
        }
        return w.is_empty();
    }
    let w: Vec<char> = word.chars().collect();
    let mut i = 0;
    for c in text.chars() {
        if !is_token_char(c) {
            i = 0;
        } else if i < w.len() && c == w[i] {
            i += 1;
            if i == w.len() {
                return true;
            }
        }
    }
    w.is_empty()
}

/// The score of `word` found as contiguous letters at byte `at` of `title` (folded): skim's
/// per-letter score and consecutive bonus, plus bonuses for starting a title word and for
/// standing at the start of the title once a vendor prefix is ignored.
fn contiguous_score(title: &str, at: usize, word: &PreparedWord) -> i64 {
    let n = word.chars.len() as i64;
    let starts_word = at == 0 || !title[..at].chars().next_back().is_some_and(is_token_char);
    let mut score = 16 * n + 4 * (n - 1).max(0);
    if starts_word {
        score += WORD_START_BONUS + 8;
    }
    let vendor = ["aws ", "amazon "]
        .iter()
        .find(|p| title.starts_with(*p))
        .map_or(0, |p| p.len());
    if at == 0 || at == vendor {
        score += 8;
    }
    score
}

/// Whether the word is one edit (substitution, insertion, deletion or adjacent swap) from
/// the token or from a prefix of it whose length is within one of the word's.
fn typo_prefix_match(word: &[char], token: &[char]) -> bool {
    let n = word.len();
    (n.saturating_sub(1)..=n + 1)
        .filter(|&k| k >= 1 && k <= token.len())
        .any(|k| within_one_edit(word, &token[..k]))
}

/// Optimal-string-alignment distance ≤ 1, in linear time.
pub(crate) fn within_one_edit(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of a folded text.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_token_char(c))
        .filter(|t| !t.is_empty())
}

/// A 64-bit set of the characters in `text` (a–z, 0–9 exactly; everything else hashed).
fn char_mask(text: &str) -> u64 {
    text.chars().fold(0u64, |m, c| m | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
}

/// Char positions of every occurrence of `needle` in `hay` (both folded).
fn substring_positions(hay: &[char], needle: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    for start in 0..=hay.len() - needle.len() {
        if hay[start..start + needle.len()] == *needle {
            out.extend(start..start + needle.len());
        }
    }
    out
}

/// Char positions of the tokens in `hay` that the word matched by typo tolerance.
fn typo_positions(hay: &[char], word: &PreparedWord) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < hay.len() {
        if !is_token_char(hay[start]) {
            start += 1;
            continue;
        }
        let end = (start..hay.len())
            .find(|&i| !is_token_char(hay[i]))
            .unwrap_or(hay.len());
        let token = &hay[start..end];
        if token.len() + 1 >= word.chars.len() && typo_prefix_match(&word.chars, token) {
            let len = (word.chars.len() + 1).min(token.len());
            let len = (word.chars.len().saturating_sub(1)..=len)
                .rev()
                .find(|&k| k >= 1 && within_one_edit(&word.chars, &token[..k]))
                .unwrap_or(len);
            out.extend(start..start + len);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{DataFile, Entry, Kind};

    fn entry(id: &str, title: &str, aliases: &[&str], body: &str) -> Entry {
        let mut e = Entry::new(id, Kind::Service, title, body);
        e.aliases = aliases.iter().map(|s| s.to_string()).collect();
        e
    }

    fn kb(entries: Vec<Entry>) -> KnowledgeBase {
        KnowledgeBase::from_data(DataFile {
            entries,
            ..Default::default()
        })
    }

    fn ids(kb: &KnowledgeBase, index: &SearchIndex, q: &str) -> Vec<String> {
        index
            .search(&Query::parse(q))
            .iter()
            .map(|h| kb.entries()[h.entry].id.clone())
            .collect()
    }

    fn sample() -> KnowledgeBase {
        kb(vec![
            entry(
                "lambda-layers",
                "Lambda layers",
                &[],
                "Shared code for functions.",
            ),
            entry(
                "lambda",
                "AWS Lambda",
                &["Lambda"],
                "Run code without servers.",
            ),
            entry(
                "lambda-edge",
                "Lambda@Edge",
                &[],
                "Functions at CloudFront edge locations.",
            ),
            entry(
                "elastic-beanstalk",
                "AWS Elastic Beanstalk",
                &["EB", "Beanstalk"],
                "Platform as a service.",
            ),
            entry(
                "cloudformation",
                "AWS CloudFormation",
                &["CFN"],
                "Templates to stacks.",
            ),
            entry(
                "firehose",
                "Amazon Data Firehose",
                &["Kinesis Data Firehose"],
                "Delivery streams.",
            ),
            entry(
                "blue-green",
                "Blue/green deployment",
                &["blue green"],
                "Two environments; swap.",
            ),
            entry("glue", "AWS Glue", &[], "Blue-collar ETL jobs."),
        ])
    }

    #[test]
    fn exact_alias_beats_prefix_beats_fuzzy() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        let found = ids(&kb, &index, "lambda");
        assert_eq!(found[0], "lambda", "exact alias first: {found:?}");
        // Both remaining titles start with "lambda": prefix tier, shorter title first.
        assert_eq!(&found[1..3], ["lambda-edge", "lambda-layers"], "{found:?}");
        let hits = index.search(&Query::parse("lambda"));
        assert_eq!(hits[0].tier, Tier::Exact);
        assert_eq!(hits[1].tier, Tier::Prefix);
        assert!(hits[0].score() > hits[1].score());
    }

    #[test]
    fn multi_word_queries_need_every_word() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        assert_eq!(ids(&kb, &index, "blue green")[0], "blue-green");
        assert_eq!(ids(&kb, &index, "Blue/Green")[0], "blue-green");
        let found = ids(&kb, &index, "lambda edge");
        assert_eq!(found, ["lambda-edge"], "only the entry with both words");
        assert!(ids(&kb, &index, "lambda zzzz").is_empty());
    }

    #[test]
    fn acronyms_find_their_service() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        assert_eq!(ids(&kb, &index, "cfn")[0], "cloudformation");
        assert_eq!(ids(&kb, &index, "eb")[0], "elastic-beanstalk");
    }

    #[test]
    fn one_typo_in_a_long_word_still_finds_the_entry() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        for (typo, id) in [
            ("cloudfromation", "cloudformation"), // swap
            ("beanstlak", "elastic-beanstalk"),   // swap
            ("firehouse", "firehose"),            // extra letter
            ("cloudformaton", "cloudformation"),  // missing letter (also a subsequence)
            ("beanstelk", "elastic-beanstalk"),   // wrong letter
            ("cloudform", "cloudformation"),      // prefix while typing
        ] {
            let found = ids(&kb, &index, typo);
            assert_eq!(
                found.first().map(String::as_str),
                Some(id),
                "{typo}: {found:?}"
            );
        }
        // Short words get no typo tolerance: "gluw" is one edit from "glue" but finds nothing.
        assert_eq!(ids(&kb, &index, "glue")[0], "glue");
        assert!(ids(&kb, &index, "gluw").is_empty());
        // Two edits are too many.
        assert!(ids(&kb, &index, "clodfromation").is_empty());
    }

    #[test]
    fn ties_are_deterministic() {
        let kb = kb(vec![
            entry("b", "Same", &[], "x"),
            entry("a", "Same", &[], "x"),
            entry("c", "Same", &[], "x"),
        ]);
        let index = SearchIndex::new(&kb);
        assert_eq!(ids(&kb, &index, "same"), ["a", "b", "c"]);
        assert_eq!(ids(&kb, &index, "x"), ["a", "b", "c"]);
    }

    #[test]
    fn kind_scope_and_empty_query() {
        let mut entries = sample().entries().to_vec();
        entries[0].kind = Kind::Feature;
        let kb = kb(entries);
        let index = SearchIndex::new(&kb);
        assert_eq!(ids(&kb, &index, "kind:feature lambda"), ["lambda-layers"]);
        assert_eq!(ids(&kb, &index, "kind:feature"), ["lambda-layers"]);
        assert_eq!(ids(&kb, &index, "").len(), kb.entries().len());
    }

    #[test]
    fn highlights_are_char_indices_even_with_non_ascii() {
        let kb = kb(vec![entry(
            "x",
            "Über Ärger Service",
            &["Zürich"],
            "Straße naïve café",
        )]);
        let index = SearchIndex::new(&kb);
        let e = &kb.entries()[0];
        let q = Query::parse("ärger café");
        assert_eq!(ids(&kb, &index, "ärger café"), ["x"]);
        let marks = index.highlights(&q, e);
        let title = marks.iter().find(|m| m.field == Field::Title).unwrap();
        let chars: Vec<char> = e.title.chars().collect();
        let picked: String = title.positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked.to_lowercase(), "ärger");
        let summary = marks.iter().find(|m| m.field == Field::Summary).unwrap();
        let chars: Vec<char> = e.summary.chars().collect();
        let picked: String = summary.positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked, "café");
    }

    #[test]
    fn typo_highlights_mark_the_real_word() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        let e = kb.get("cloudformation").unwrap();
        let marks = index.highlights(&Query::parse("cloudfromation"), e);
        let title = marks.iter().find(|m| m.field == Field::Title).unwrap();
        let chars: Vec<char> = e.title.chars().collect();
        let picked: String = title.positions.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked, "CloudFormation");
    }

    #[test]
    fn cached_search_narrows_and_matches_a_fresh_search() {
        let kb = sample();
        let index = SearchIndex::new(&kb);
        let mut cache = SearchCache::default();
        let mut examined = Vec::new();
        for q in ["b", "bl", "blu", "blue", "blue ", "blue g", "blue gr"] {
            let query = Query::parse(q);
            let cached = index.search_cached(&query, &mut cache);
            assert_eq!(cached, index.search(&query), "query {q:?}");
            examined.push(cache.last_examined);
        }
        assert_eq!(examined[0], kb.entries().len());
        assert!(
            examined[3] < examined[0],
            "typing narrowed the work: {examined:?}"
        );
    }

    #[test]
    fn one_edit_distance() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_one_edit(&c("abcd"), &c("abcd")));
        assert!(within_one_edit(&c("abcd"), &c("abxd")));
        assert!(within_one_edit(&c("abcd"), &c("abd")));
        assert!(within_one_edit(&c("abd"), &c("abcd")));
        assert!(within_one_edit(&c("abcd"), &c("acbd")));
        assert!(!within_one_edit(&c("abcd"), &c("badc")));
        assert!(!within_one_edit(&c("abcd"), &c("ab")));
        assert!(within_one_edit(&c(""), &c("a")));
    }
}
