//! The light Markdown of key points and tips: `**bold**`, `*italic*` and `` `code` ``.
//!
//! Parsed into spans once, so the GUI can draw them and exports can render them, without
//! either knowing the syntax. Unclosed markers are kept as literal text.

/// How a span is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Ordinary text.
    Plain,
    /// `**bold**`.
    Bold,
    /// `*italic*`.
    Italic,
    /// `` `code` ``.
    Code,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    /// The text, without its markers.
    pub text: &'a str,
    /// Its style.
    pub style: Style,
}

/// Splits light Markdown into styled spans.
pub fn parse(text: &str) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let (marker, style) = match bytes[i] {
            b'`' => ("`", Style::Code),
            b'*' if bytes.get(i + 1) == Some(&b'*') => ("**", Style::Bold),
            b'*' => ("*", Style::Italic),
            _ => {
                i += 1;
                continue;
            }
        };
        let open_end = i + marker.len();
        let close = text[open_end..].find(marker).map(|rel| open_end + rel);
        match close {
            Some(close) if close > open_end => {
                if plain_start < i {
                    spans.push(Span {
                        text: &text[plain_start..i],
                        style: Style::Plain,
                    });
                }
                spans.push(Span {
                    text: &text[open_end..close],
                    style,
                });
                i = close + marker.len();
                plain_start = i;
            }
            _ => i = open_end,
        }
    }
    if plain_start < text.len() {
        spans.push(Span {
            text: &text[plain_start..],
            style: Style::Plain,
        });
    }
    spans
}

/// The text without markers (for plain-text output and search snippets).
pub fn plain(text: &str) -> String {
    parse(text).iter().map(|s| s.text).collect()
}

/// The text without markers, plus where each character of `text` went: `map[i]` is the
/// index in the plain text of `text`'s char `i`, or `None` for a marker character. Lets the
/// search highlight positions (char indices into the raw text) land on the plain text.
pub fn plain_with_map(text: &str) -> (String, Vec<Option<usize>>) {
    let mut plain = String::with_capacity(text.len());
    let mut map = vec![None; text.chars().count()];
    let base = text.as_ptr() as usize;
    let mut out = 0;
    for span in parse(text) {
        let start_byte = span.text.as_ptr() as usize - base;
        let start_char = text[..start_byte].chars().count();
        for (k, c) in span.text.chars().enumerate() {
            map[start_char + k] = Some(out);
            plain.push(c);
            out += 1;
        }
    }
    (plain, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(text: &str) -> Vec<(&str, Style)> {
        parse(text).into_iter().map(|s| (s.text, s.style)).collect()
    }

    #[test]
    fn parses_the_three_styles() {
        assert_eq!(
            styles("Use **leader_only** with `container_commands`, *not* commands."),
            [
                ("Use ", Style::Plain),
                ("leader_only", Style::Bold),
                (" with ", Style::Plain),
                ("container_commands", Style::Code),
                (", ", Style::Plain),
                ("not", Style::Italic),
                (" commands.", Style::Plain),
            ]
        );
    }

    #[test]
    fn positions_map_from_raw_to_plain() {
        let (plain, map) = plain_with_map("a `bé` c");
        assert_eq!(plain, "a bé c");
        assert_eq!(
            map,
            [
                Some(0),
                Some(1),
                None,
                Some(2),
                Some(3),
                None,
                Some(4),
                Some(5)
            ]
        );
    }

    #[test]
    fn code_keeps_stars_and_unclosed_markers_stay_literal() {
        assert_eq!(styles("`a*b*c`"), [("a*b*c", Style::Code)]);
        assert_eq!(styles("2 * 3 = 6"), [("2 * 3 = 6", Style::Plain)]);
        assert_eq!(styles("**open"), [("**open", Style::Plain)]);
        assert_eq!(styles("``"), [("``", Style::Plain)]);
        assert_eq!(plain("**Ä** `ö` *ü*"), "Ä ö ü");
    }
}
