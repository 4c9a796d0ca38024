//! The one search call: keyword search for keywords, the question engine for questions, and the user's notes beside both.

use super::*;

/// The most content words a question may have and still be checked for a whole name.
const MAX_NAME_WORDS: usize = 4;

/// Keyword search and question answering behind one call, as the search view and
/// `opsdeck search`/`ask` use them. The relevance index is built on the first question.
#[derive(Debug)]
pub struct Finder {
    keyword: OnceLock<SearchIndex>,
    vocab: Vocab,
    asker: OnceLock<Asker>,
}

impl Finder {
    /// Builds the keyword index and the vocabulary now, the question engine on first use.
    pub fn new(kb: &KnowledgeBase) -> Finder {
        let finder = Finder {
            keyword: OnceLock::new(),
            vocab: Vocab::new(kb),
            asker: OnceLock::new(),
        };
        let _ = finder.keyword.set(SearchIndex::new(kb));
        finder
    }

    /// Only the vocabulary now; both indexes on first use (for `opsdeck ask`, which needs
    /// no keyword index).
    pub fn lazy(kb: &KnowledgeBase) -> Finder {
        Finder {
            keyword: OnceLock::new(),
            vocab: Vocab::new(kb),
            asker: OnceLock::new(),
        }
    }

    /// The vocabulary and analyzer.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The keyword index (built now if it was not yet).
    pub fn keyword(&self, kb: &KnowledgeBase) -> &SearchIndex {
        self.keyword.get_or_init(|| SearchIndex::new(kb))
    }

    /// The question engine, built now if it was not yet.
    pub fn asker(&self, kb: &KnowledgeBase) -> &Asker {
        self.asker.get_or_init(|| Asker::new(kb, &self.vocab))
    }

    /// Whether the question engine is built (for the window, which builds it in the
    /// background).
    pub fn asker_ready(&self) -> bool {
        self.asker.get().is_some()
    }

    /// Takes a question engine built elsewhere (on another thread) for the same knowledge
    /// base; ignored when one is already there.
    pub fn set_asker(&self, asker: Asker) {
        let _ = self.asker.set(asker);
    }

    /// Searches: keyword tiers when every word of a short keyword query matches, relevance
    /// otherwise (and always for [`Self::ask`]).
    pub fn find(
        &self,
        kb: &KnowledgeBase,
        text: &str,
        cache: Option<&mut SearchCache>,
        user: Option<&UserText>,
    ) -> Found {
        let query = Query::parse(text);
        // `kind:limit` is a scope, not words of the question.
        let words: String = text
            .split_whitespace()
            .filter(|w| !w.to_ascii_lowercase().starts_with("kind:"))
            .collect::<Vec<_>>()
            .join(" ");
        let question_like = looks_like_question(&words);
        // A short query runs the keyword tiers first (they are what typing needs, at a
        // keystroke's cost). A question only asks them whether its content words, stop words
        // left out, are a whole name: "can AWS CloudFormation" is about AWS CloudFormation.
        let keyword = if question_like {
            let content: Vec<&str> = words
                .split_whitespace()
                .filter(|w| {
                    let w = w
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    !w.is_empty() && !tokens::is_stop_word(&w)
                })
                .collect();
            if content.is_empty() || content.len() > MAX_NAME_WORDS {
                Vec::new()
            } else {
                self.keyword(kb)
                    .search(&Query::parse(&content.join(" ")))
                    .into_iter()
                    .filter(|h| h.tier == Tier::Exact)
                    .collect()
            }
        } else {
            let index = self.keyword(kb);
            match cache {
                Some(cache) => index.search_cached(&query, cache),
                None => index.search(&query),
            }
        };
        let question = question_like || self.vocab.occurs_in(&words);
        if query.is_empty() || (!question && !keyword.is_empty()) {
            let user_hits = user.map(|u| u.keyword_hits(&query)).unwrap_or_default();
            let mut hits = keyword;
            let answer = answer_for(kb, &hits, false);
            add_note_hits(&mut hits, &user_hits);
            return Found {
                mode: Mode::Keyword,
                hits,
                ignored: Vec::new(),
                intents: Intents::default(),
                answer,
                user: user_hits,
            };
        }
        let mut found = self.asker(kb).ask(kb, &self.vocab, &words, user);
        if let Some(kind) = query.kind {
            found.hits.retain(|h| kb.entries()[h.entry].kind == kind);
        }
        // A whole-name match from the keyword tiers stays on top.
        let strong: Vec<Hit> = keyword
            .iter()
            .filter(|h| h.tier <= Tier::Prefix)
            .copied()
            .collect();
        if !strong.is_empty() {
            found
                .hits
                .retain(|h| !strong.iter().any(|s| s.entry == h.entry));
            found.hits.splice(0..0, strong);
        }
        found
    }

    /// Always by relevance: `opsdeck ask`.
    pub fn ask(&self, kb: &KnowledgeBase, text: &str, user: Option<&UserText>) -> Found {
        self.asker(kb).ask(kb, &self.vocab, text, user)
    }
}

/// Adds entries found through the user's notes to keyword hits (after the others).
fn add_note_hits(hits: &mut Vec<Hit>, user: &[UserHit]) {
    for u in user {
        if let UserHit::Note { entry, .. } = u
            && !hits.iter().any(|h| h.entry == *entry)
        {
            hits.push(Hit {
                entry: *entry,
                tier: Tier::Body,
                fuzzy: 0,
            });
        }
    }
}
