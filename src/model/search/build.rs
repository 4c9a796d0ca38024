//! Building the keyword index: one run of entries at a time, so two runs can be built on two threads and merged.

use super::*;

/// The index of a run of entries, before merging.
#[derive(Default)]
pub(super) struct Part {
    pub(super) vocab_ids: HashMap<String, usize>,
    pub(super) vocab: Vec<(Vec<char>, Vec<Posting>)>,
    pub(super) docs: Vec<Doc>,
    pub(super) arena: String,
    pub(super) names: Vec<(Span, u64)>,
    pub(super) normalized: Vec<Span>,
}

impl Part {
    pub(super) fn build(
        kb: &KnowledgeBase,
        titles: &[String],
        title_rank: &[u32],
        range: std::ops::Range<usize>,
    ) -> Part {
        let entries = kb.entries();
        let mut part = Part {
            docs: Vec::with_capacity(range.len()),
            ..Part::default()
        };
        let mut body = String::new();
        for i in range {
            part.add(&entries[i], i, &titles[i], title_rank[i], &mut body);
        }
        part
    }

    fn put(&mut self, text: &str) -> Span {
        let span = Span {
            start: self.arena.len() as u32,
            len: text.len() as u32,
        };
        self.arena.push_str(text);
        span
    }

    fn add(&mut self, entry: &Entry, i: usize, title: &str, title_rank: u32, body: &mut String) {
        let title_skip = ["aws ", "amazon "]
            .iter()
            .find(|p| title.starts_with(*p))
            .map_or(0, |p| p.len());
        let mut names: Vec<String> = entry.aliases.iter().map(|a| fold(a)).collect();
        names.extend(entry.tags.iter().map(|t| fold(t)));
        names.push(entry.id.clone());
        let mut names_normalized = vec![normalize_name(&entry.title), normalize_name(&entry.id)];
        names_normalized.extend(entry.aliases.iter().map(|a| normalize_name(a)));

        body.clear();
        for field in Field::all(entry).into_iter().filter(|f| !f.is_name()) {
            if let Some(text) = field.text(entry) {
                fold_into(text, body);
                body.push('\n');
            }
        }

        for (text, in_name, in_title) in std::iter::once((title, true, true))
            .chain(names.iter().map(|n| (n.as_str(), true, false)))
            .chain(std::iter::once((body.as_str(), false, false)))
        {
            for token in tokens(text) {
                // Look up before inserting: most tokens are known, and `entry` would
                // allocate a key for each.
                let slot = match self.vocab_ids.get(token) {
                    Some(&slot) => slot,
                    None => {
                        self.vocab_ids.insert(token.to_owned(), self.vocab.len());
                        self.vocab.push((token.chars().collect(), Vec::new()));
                        self.vocab.len() - 1
                    }
                };
                let postings = &mut self.vocab[slot].1;
                match postings.last_mut() {
                    Some(last) if last.doc() == i as u32 => last.mark(in_name, in_title),
                    _ => postings.push(Posting::new(i as u32, in_name, in_title)),
                }
            }
        }

        let title_mask = char_mask(title);
        let title_span = self.put(title);
        let names_start = self.names.len() as u32;
        let mut names_mask = 0;
        for n in &names {
            let mask = char_mask(n);
            names_mask |= mask;
            let span = self.put(n);
            self.names.push((span, mask));
        }
        let normalized_start = self.normalized.len() as u32;
        for n in &names_normalized {
            let span = self.put(n);
            self.normalized.push(span);
        }
        let body_mask = char_mask(body);
        let body_span = self.put(body);
        self.docs.push(Doc {
            kind: entry.kind,
            title: title_span,
            title_skip: title_skip as u32,
            title_chars: title[title_skip..].chars().count() as u32,
            title_mask,
            names: (names_start, self.names.len() as u32),
            names_mask,
            normalized: (normalized_start, self.normalized.len() as u32),
            body: body_span,
            body_mask,
            mask: title_mask | names_mask | body_mask,
            title_rank,
        });
    }

    /// Appends a part built over the entries that follow this one's.
    pub(super) fn append(&mut self, other: Part) {
        let text = self.arena.len() as u32;
        let names = self.names.len() as u32;
        let normalized = self.normalized.len() as u32;
        self.arena.reserve_exact(other.arena.len());
        self.names.reserve_exact(other.names.len());
        self.normalized.reserve_exact(other.normalized.len());
        self.docs.reserve_exact(other.docs.len());
        let shift = |span: Span| Span {
            start: span.start + text,
            ..span
        };
        self.arena.push_str(&other.arena);
        self.names.extend(
            other
                .names
                .into_iter()
                .map(|(span, mask)| (shift(span), mask)),
        );
        self.normalized
            .extend(other.normalized.into_iter().map(shift));
        self.docs.extend(other.docs.into_iter().map(|d| Doc {
            title: shift(d.title),
            body: shift(d.body),
            names: (d.names.0 + names, d.names.1 + names),
            normalized: (d.normalized.0 + normalized, d.normalized.1 + normalized),
            ..d
        }));
        // `other.vocab` is in first-occurrence order, so appending its new words in that
        // order gives the slots a single pass would have given.
        let mut words = other.vocab_ids.into_iter().collect::<Vec<_>>();
        words.sort_unstable_by_key(|&(_, slot)| slot);
        let mut vocab = other.vocab.into_iter();
        for (word, _) in words {
            let Some((chars, postings)) = vocab.next() else {
                break;
            };
            match self.vocab_ids.get(&word) {
                Some(&slot) => self.vocab[slot].1.extend(postings),
                None => {
                    self.vocab_ids.insert(word, self.vocab.len());
                    self.vocab.push((chars, postings));
                }
            }
        }
    }
}
