//! Turning text into search terms for relevance ranking: words are case-folded, English stop
//! words are dropped, the rest are stemmed (Snowball English, through `rust-stemmers`), and
//! each pair of neighbouring words is also joined, so `roll back`, `rolled back` and
//! `rollback` all meet in the term `rollback`.

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::query::fold_char;

/// English words that carry no meaning for the knowledge base. Kept short on purpose: words
/// such as `all`, `once`, `not`, `before` or `between` name strategies and conditions here.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
    "can", "could", "did", "do", "does", "doing", "done", "dont", "for", "from", "get", "gets",
    "getting", "got", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how",
    "i", "if", "im", "in", "into", "is", "it", "its", "just", "let", "lets", "me", "might", "must",
    "my", "need", "needs", "of", "on", "or", "our", "ours", "please", "really", "shall", "she",
    "should", "so", "some", "tell", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "us", "use", "using", "very", "want", "was", "we",
    "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "would", "you", "your", "yours",
];

/// Whether a folded word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    // Stop words are short: a longer word is never one, without hashing it.
    word.len() <= 7
        && SET
            .get_or_init(|| STOP_WORDS.iter().copied().collect())
            .contains(word)
}

/// One word of a text, folded, with its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as written, case-folded.
    pub raw: String,
    /// Its stem.
    pub stem: String,
}

/// Splits text into words (letters and digits; everything else separates) and stems them.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// Every word of the text, stop words included, in order. A Region code such as
    /// `us-east-1` reads as the word `region`.
    pub fn words(&self, text: &str) -> Vec<Word> {
        self.words_with(text, &mut None)
    }

    /// [`Self::words`], with stems remembered in `cache` (indexing stems the same words
    /// thousands of times).
    pub fn words_with(
        &self,
        text: &str,
        cache: &mut Option<rustc_hash::FxHashMap<String, String>>,
    ) -> Vec<Word> {
        let cleaned;
        let text = if text.contains('-') {
            cleaned = text
                .split(' ')
                .map(|chunk| {
                    let core = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                    if is_region_code(core) {
                        "region"
                    } else {
                        chunk
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            cleaned.as_str()
        } else {
            text
        };
        let mut out = Vec::new();
        let mut current = String::new();
        let mut flush = |current: &mut String, out: &mut Vec<Word>| {
            if !current.is_empty() {
                let raw = std::mem::take(current);
                let stem = match cache {
                    Some(cache) => match cache.get(&raw) {
                        Some(stem) => stem.clone(),
                        None => {
                            let stem = self.stem(&raw);
                            cache.insert(raw.clone(), stem.clone());
                            stem
                        }
                    },
                    None => self.stem(&raw),
                };
                out.push(Word { raw, stem });
            }
        };
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() {
                current.push(fold_char(c));
            } else if (c == '\'' || c == '’') && !current.is_empty() {
                // A possessive goes ("AWS's" → "aws"); otherwise the apostrophe joins
                // ("don't" → "dont").
                let possessive = matches!(chars.get(i + 1), Some('s' | 'S'))
                    && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric());
                if possessive {
                    i += 1;
                }
            } else {
                flush(&mut current, &mut out);
            }
            i += 1;
        }
        flush(&mut current, &mut out);
        // "Route 53" is one name, not a word and a number.
        let mut i = 0;
        while i + 1 < out.len() {
            if out[i].raw == "route" && out[i + 1].raw == "53" {
                out[i] = Word {
                    raw: "route53".to_owned(),
                    stem: "route53".to_owned(),
                };
                out.remove(i + 1);
            }
            i += 1;
        }
        out
    }

    /// The stem of one folded word.
    pub fn stem(&self, word: &str) -> String {
        if word.len() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
            // Acronyms and names with digits (s3, ec2, sqs) are kept as they are.
            return word.to_owned();
        }
        self.stemmer.stem(word).into_owned()
    }

    /// The terms a text is indexed under: stems of its non-stop words, plus each pair of
    /// neighbouring stems joined (`roll` + `back` → `rollback`). `(term, is_join)`.
    pub fn terms(&self, text: &str) -> Vec<(String, bool)> {
        terms_of(&self.words(text))
    }
}

/// The index terms of words already split: stems of the non-stop words, and neighbours
/// joined.
pub fn terms_of(words: &[Word]) -> Vec<(String, bool)> {
    {
        let words: Vec<&Word> = words.iter().filter(|w| !is_stop_word(&w.raw)).collect();
        let mut out: Vec<(String, bool)> = Vec::with_capacity(words.len() * 2);
        for (i, w) in words.iter().enumerate() {
            out.push((w.stem.clone(), false));
            if let Some(next) = words.get(i + 1) {
                out.push((join(&w.stem, &next.stem), true));
            }
        }
        out
    }
}

/// Whether a word is an AWS Region code: `us-east-1`, `eu-west-2`, `us-gov-west-1`.
pub fn is_region_code(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    let letters = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    match parts.as_slice() {
        [geo, area, n] | [geo, _, area, n] => {
            geo.len() == 2
                && letters(geo)
                && letters(area)
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Two stems written as one word, as people write compounds: `rollback`, `failover`.
pub fn join(a: &str, b: &str) -> String {
    let mut joined = String::with_capacity(a.len() + b.len());
    joined.push_str(a);
    joined.push_str(b);
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_word_list_is_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
        assert!(is_stop_word("how") && is_stop_word("the") && !is_stop_word("all"));
        assert!(!is_stop_word("once") && !is_stop_word("not") && !is_stop_word("between"));
    }

    #[test]
    fn words_are_folded_split_and_stemmed() {
        let a = Analyzer::default();
        let words: Vec<(String, String)> = a
            .words("Rolled-back Stacks, AWS's S3 & EC2 images?")
            .into_iter()
            .map(|w| (w.raw, w.stem))
            .collect();
        let expect = [
            ("rolled", "roll"),
            ("back", "back"),
            ("stacks", "stack"),
            ("aws", "aws"),
            ("s3", "s3"),
            ("ec2", "ec2"),
            ("images", "imag"),
        ];
        let expect: Vec<(String, String)> = expect
            .iter()
            .map(|(r, s)| ((*r).to_owned(), (*s).to_owned()))
            .collect();
        assert_eq!(words, expect);
        assert_eq!(a.stem("image"), a.stem("images"));
    }

    #[test]
    fn region_codes_read_as_region() {
        let a = Analyzer::default();
        let raw: Vec<String> = a
            .words("copy to eu-west-1 and us-gov-west-1 now")
            .into_iter()
            .map(|w| w.raw)
            .collect();
        assert_eq!(raw, ["copy", "to", "region", "and", "region", "now"]);
        assert!(!is_region_code("blue-green") && !is_region_code("x-ray"));
    }

    #[test]
    fn compounds_meet_in_one_term() {
        let a = Analyzer::default();
        let has = |text: &str, term: &str| a.terms(text).iter().any(|(t, _)| t == term);
        let rollback = a.stem("rollback");
        assert!(has("how do I roll back a stack", &rollback));
        assert!(has("the stack rolled back", &rollback));
        assert!(has("rollback on failure", &rollback));
        assert!(
            !a.terms("how do I").iter().any(|(t, _)| t == "how"),
            "stop words go"
        );
    }
}
