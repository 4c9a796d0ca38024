//! Which characters of an entry matched the query, for highlighting the rows on screen.

use super::matching::{in_one_token, is_token_char, typo_prefix_match};
use super::*;

impl SearchIndex {
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
