//! Turning what a person types into full-text queries. Pure text work; the SQL that runs these
//! queries lives in `store::contacts`.

/// The shortest piece of text the substring (trigram) index can look for.
pub const MIN_SUBSTRING_CHARS: usize = 3;

/// What the user typed, prepared for both indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    /// FTS5 expression matching words that start with each typed piece (all pieces required).
    pub prefix: String,
    /// FTS5 expression for the trigram index, when every piece is long enough.
    pub substring: Option<String>,
    /// True when the text looks like a phone number; it is then matched on digits only.
    pub is_phone: bool,
}

impl SearchText {
    /// `None` when there is nothing to search for (empty or only punctuation).
    pub fn parse(input: &str) -> Option<Self> {
        let trimmed = input.trim();
        if looks_like_phone(trimmed) {
            let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
            return Some(Self {
                prefix: format!("phone : {}*", quote(&digits)),
                substring: (digits.len() >= MIN_SUBSTRING_CHARS).then(|| quote(&digits)),
                is_phone: true,
            });
        }
        let pieces: Vec<&str> = trimmed
            .split_whitespace()
            .filter(|piece| piece.chars().any(char::is_alphanumeric))
            .collect();
        if pieces.is_empty() {
            return None;
        }
        let prefix = pieces
            .iter()
            .map(|p| format!("{}*", quote(p)))
            .collect::<Vec<_>>()
            .join(" ");
        let substring = pieces
            .iter()
            .all(|p| p.chars().count() >= MIN_SUBSTRING_CHARS)
            .then(|| {
                pieces
                    .iter()
                    .map(|p| quote(p))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        Some(Self {
            prefix,
            substring,
            is_phone: false,
        })
    }

    /// Matches where every piece is found in the name column: these come first.
    pub fn name_tier(&self) -> String {
        format!("name : ({})", self.prefix)
    }

    /// Matches in any of the text columns (never the scope column).
    pub fn anywhere(&self) -> String {
        format!("{{name email phone company title}} : ({})", self.prefix)
    }

    /// Matches anywhere that are not already in the name tier.
    pub fn other_tier(&self) -> String {
        format!("({}) NOT (name : ({}))", self.anywhere(), self.prefix)
    }
}

/// FTS5 string literal: the text is tokenised by the index's own tokenizer, so punctuation
/// inside ("anna.sch") becomes a phrase of adjacent words.
fn quote(piece: &str) -> String {
    format!("\"{}\"", piece.replace('"', "\"\""))
}

fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_prefix_phrases() {
        let s = SearchText::parse("  anna  Sch ").unwrap();
        assert_eq!(s.prefix, "\"anna\"* \"Sch\"*");
        assert_eq!(s.substring.as_deref(), Some("\"anna\" \"Sch\""));
    }

    #[test]
    fn short_pieces_disable_substring_search() {
        assert_eq!(SearchText::parse("an").unwrap().substring, None);
        assert_eq!(SearchText::parse("anna sc").unwrap().substring, None);
        assert_eq!(
            SearchText::parse("mith").unwrap().substring.as_deref(),
            Some("\"mith\"")
        );
    }

    #[test]
    fn quotes_and_operators_are_literal() {
        let s = SearchText::parse("\"OR\" NEAR(").unwrap();
        assert_eq!(s.prefix, "\"\"\"OR\"\"\"* \"NEAR(\"*");
    }

    #[test]
    fn phone_like_text_is_matched_on_digits() {
        let s = SearchText::parse("+44 (20) 7946-01").unwrap();
        assert!(s.is_phone);
        assert_eq!(s.prefix, "phone : \"4420794601\"*");
    }

    #[test]
    fn nothing_to_search() {
        assert_eq!(SearchText::parse("  "), None);
        assert_eq!(SearchText::parse("-- ."), None);
    }
}
