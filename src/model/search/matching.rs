//! How one query word matches one entry: contiguous letters, letters with gaps inside one word,
//! one-edit typos, in the title, the names or the body.

use super::*;

impl SearchIndex {
    /// The best way one word matches one entry, or `None`.
    pub(super) fn match_word(
        &self,
        word: &PreparedWord,
        doc: &Doc,
        doc_index: u32,
    ) -> Option<WordMatch> {
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
}

/// A query word with what is computed once per search.
pub(super) struct PreparedWord {
    pub(super) text: String,
    pub(super) mask: u64,
    pub(super) chars: Vec<char>,
    /// A single ASCII letter or digit, whose presence the character masks decide exactly.
    pub(super) single_ascii: bool,
    /// A prepared substring searcher for the word.
    pub(super) finder: memchr::memmem::Finder<'static>,
    /// Whether the word is long enough for typo tolerance.
    pub(super) typo: bool,
    /// Whether letters with gaps may match (words of three letters or more: one or two
    /// letters with a gap match almost anything).
    pub(super) scattered: bool,
    /// For such words: per entry, 0 when no word of it is one edit away, else 1 + the best
    /// tier (title, names, body) such a word occurs in. Empty for other words.
    pub(super) typo_docs: Vec<u8>,
}

impl PreparedWord {
    pub(super) fn new(word: &str, index: &SearchIndex) -> PreparedWord {
        let chars: Vec<char> = word.chars().collect();
        let typo = typo_eligible(word) && chars.iter().all(|c| is_token_char(*c));
        let mut typo_docs: Vec<u8> = Vec::new();
        if typo {
            typo_docs = vec![0; index.docs.len()];
            // One edit leaves the first letter in place, or swaps or removes it.
            let mut slots: Vec<u32> = [
                index.by_first.get(&chars[0]),
                index.by_first.get(&chars[1]),
                index.by_second.get(&chars[0]),
            ]
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .collect();
            slots.sort_unstable();
            slots.dedup();
            for slot in slots {
                let (token, postings) = &index.vocab[slot as usize];
                if token.len() + 1 < chars.len() || !typo_prefix_match(&chars, token) {
                    continue;
                }
                for p in postings {
                    let code = 1 + p.tier() as u8;
                    let slot = &mut typo_docs[p.doc() as usize];
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
pub(super) fn in_one_token(text: &str, word: &str) -> bool {
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
pub(super) fn contiguous_score(title: &str, at: usize, word: &PreparedWord) -> i64 {
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
pub(super) fn typo_prefix_match(word: &[char], token: &[char]) -> bool {
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

pub(super) fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of a folded text.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_token_char(c))
        .filter(|t| !t.is_empty())
}

/// A 64-bit set of the characters in `text` (a–z, 0–9 exactly; everything else hashed).
pub(super) fn char_mask(text: &str) -> u64 {
    text.chars().fold(0u64, |m, c| m | char_bit(c))
}

pub(super) fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
}
