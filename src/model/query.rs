//! The search query language: free words plus an optional `kind:` scope.
//!
//! `kind:service blue green` finds services matching both words; `kind:` accepts `service`,
//! `feature`, `concept`, `strategy`, `limit` (plurals too). Words are case-folded.

use super::ask::tokens::is_stop_word;
use super::schema::Kind;

/// A parsed search query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Case-folded words; an entry must match every one.
    pub words: Vec<String>,
    /// Only entries of this kind, when set.
    pub kind: Option<Kind>,
    /// A `kind:` value that names no kind, kept so the UI can say so.
    pub unknown_kind: Option<String>,
}

/// The longest query word considered, in characters; longer words are cut there.
pub const MAX_WORD_CHARS: usize = 64;
/// The most words considered; later words are ignored.
pub const MAX_WORDS: usize = 12;

impl Query {
    /// Parses the text typed in the search box or given to `opsdeck search`.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for raw in text.split_whitespace() {
            if let Some(value) = strip_prefix_ci(raw, "kind:") {
                if value.is_empty() {
                    continue;
                }
                match Kind::parse(value) {
                    Some(kind) => query.kind = Some(kind),
                    None => query.unknown_kind = Some(value.to_owned()),
                }
                continue;
            }
            if query.words.len() == MAX_WORDS {
                continue;
            }
            let word: String = raw.chars().take(MAX_WORD_CHARS).map(fold_char).collect();
            query.words.push(word);
        }
        // "the", "of", "how" … carry no meaning once other words are there: dropping them
        // means adding one never loses a result.
        if query.words.iter().any(|w| !is_stop_word(w)) {
            query.words.retain(|w| !is_stop_word(w));
        }
        query
    }

    /// True when there is nothing to match: no words (a kind scope alone lists that kind).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words joined by single spaces, normalized for exact and prefix comparison.
    pub fn normalized(&self) -> String {
        normalize(&self.words.join(" "))
    }

    /// Whether the query text had words (other than a `kind:` scope) before stop words were
    /// dropped; see [`normalize_name`].
    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// Whether every result of `self` is guaranteed to be a result of `previous`, so the
    /// previous result set can be searched instead of the whole index. True when the kind is
    /// the same and each previous word is a prefix of the word at the same place, without
    /// crossing the lengths at which gap matching or typo tolerance start.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.kind == previous.kind
            && self.words.len() >= previous.words.len()
            && previous.words.iter().zip(&self.words).all(|(old, new)| {
                new.starts_with(old.as_str())
                    && typo_eligible(old) == typo_eligible(new)
                    && scattered_eligible(old) == scattered_eligible(new)
            })
    }
}

/// The shortest word whose letters may match with gaps inside one word of an entry: the same
/// length as typo tolerance, so typing crosses one threshold, not two (each crossing means a
/// full search instead of narrowing the previous results).
pub const MIN_SCATTERED: usize = 5;

/// Whether a word is long enough for letters-with-gaps matching (5 characters or more).
pub fn scattered_eligible(word: &str) -> bool {
    word.chars().count() >= MIN_SCATTERED
}

/// Whether a word is long enough for one-edit typo tolerance (5 characters or more).
pub fn typo_eligible(word: &str) -> bool {
    word.chars().count() >= 5
}

fn strip_prefix_ci<'a>(raw: &'a str, prefix: &str) -> Option<&'a str> {
    let head = raw.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &raw[prefix.len()..])
}

/// Folds one character to lower case, always to exactly one character, so that char indices
/// in folded text are the char indices of the original.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Folds a string with [`fold_char`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends `text` folded with [`fold_char`] to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        out.extend(text.chars().map(fold_char));
    }
}

/// A name as exact and prefix matching compare it: normalized, with stop words dropped as
/// the query drops them ("All at once" → `all once`), unless nothing else would remain.
pub fn normalize_name(text: &str) -> String {
    let normalized = normalize(text);
    let words: Vec<&str> = normalized.split(' ').collect();
    if words.iter().any(|w| !is_stop_word(w)) {
        words
            .into_iter()
            .filter(|w| !is_stop_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        normalized
    }
}

/// Folds, turns punctuation into spaces and collapses runs of spaces: `Blue/Green` and
/// `blue-green` both become `blue green`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '$' || c == '@' {
            out.push(fold_char(c));
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_kind() {
        let q = Query::parse("  Kind:Services  Blue   GREEN ");
        assert_eq!(q.words, ["blue", "green"]);
        assert_eq!(q.kind, Some(Kind::Service));
        assert_eq!(q.unknown_kind, None);
    }

    #[test]
    fn keeps_unknown_kinds_visible() {
        let q = Query::parse("kind:widget x");
        assert_eq!(q.kind, None);
        assert_eq!(q.unknown_kind.as_deref(), Some("widget"));
        assert_eq!(q.words, ["x"]);
    }

    #[test]
    fn bounds_hostile_input() {
        let long = "a".repeat(10_000);
        let q = Query::parse(&long);
        assert_eq!(q.words[0].chars().count(), MAX_WORD_CHARS);
        let many = "w ".repeat(1_000);
        assert_eq!(Query::parse(&many).words.len(), MAX_WORDS);
        assert!(Query::parse("   \t\n ").is_empty());
    }

    #[test]
    fn folding_keeps_char_counts() {
        for s in ["İstanbul", "ÆØÅ straße", "ΣΑΣ", "日本語 Ünïcödé"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("ÉCS"), "écs");
    }

    #[test]
    fn normalizes_punctuation() {
        assert_eq!(normalize("Blue/Green  deployment"), "blue green deployment");
        assert_eq!(normalize("blue-green"), "blue green");
        assert_eq!(normalize("--$LATEST--"), "$latest");
        assert_eq!(normalize("Lambda@Edge"), "lambda@edge");
    }

    #[test]
    fn narrowing_rules() {
        let q = Query::parse;
        assert!(q("blu").narrows(&q("bl")));
        assert!(q("blue g").narrows(&q("blue")));
        assert!(q("blue gr").narrows(&q("blue g")));
        assert!(!q("bl").narrows(&q("blu")));
        assert!(!q("glue").narrows(&q("blue")));
        assert!(!q("kind:service blue").narrows(&q("blue")));
        // crossing the typo or gap thresholds can add matches, so it is not a narrowing
        assert!(!q("beans").narrows(&q("bean")));
        assert!(q("gre").narrows(&q("gr")));
        assert!(!q("lambd").narrows(&q("lamb")));
        assert!(q("beanst").narrows(&q("beans")));
    }
}
