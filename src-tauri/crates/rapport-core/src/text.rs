//! Text folding shared by sort keys and search: case-insensitive, accent-insensitive.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Lower-cases and strips accents so "Östberg" sorts beside "Ostberg".
pub fn fold(text: &str) -> String {
    // ASCII has nothing to decompose or strip; an import folds several fields of every row.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    fold_unicode(text)
}

fn fold_unicode(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sort key of a person's name: family name first, then given names.
pub fn name_key(first: &str, middle: Option<&str>, last: &str) -> String {
    let mut key = fold(last.trim());
    key.push(' ');
    key.push_str(&fold(first.trim()));
    if let Some(middle) = middle.filter(|m| !m.trim().is_empty()) {
        key.push(' ');
        key.push_str(&fold(middle.trim()));
    }
    key
}

/// "Dr. Anna M. Schmidt Jr." style display name; the preferred name replaces the first name
/// when present, because that is what colleagues call the person.
pub fn display_name(
    first: &str,
    middle: Option<&str>,
    last: &str,
    preferred: Option<&str>,
    suffix: Option<&str>,
) -> String {
    let given = preferred.filter(|p| !p.trim().is_empty()).unwrap_or(first);
    // East Asian names are written family name first; Korean without a space.
    if last.chars().next().is_some_and(is_east_asian) {
        let sep = if last.chars().all(is_hangul) { "" } else { " " };
        return format!("{}{sep}{}", last.trim(), given.trim());
    }
    let mut parts: Vec<&str> = vec![given.trim()];
    if let Some(middle) = middle.filter(|m| !m.trim().is_empty()) {
        parts.push(middle.trim());
    }
    parts.push(last.trim());
    if let Some(suffix) = suffix.filter(|s| !s.trim().is_empty()) {
        parts.push(suffix.trim());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn is_east_asian(c: char) -> bool {
    is_hangul(c)
        || matches!(c,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3040}'..='\u{30FF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_case_and_accents() {
        assert_eq!(fold("Östberg"), "ostberg");
        assert_eq!(fold("BRÜNING"), "bruning");
        assert_eq!(fold("山田"), "山田");
    }

    #[test]
    fn ascii_folds_as_the_full_fold_does() {
        let every: String = (0..128u8).map(char::from).collect();
        for text in [every.as_str(), "O'Brien-SMITH Jr.", "Dr. A. B. Ünal", " \t"] {
            assert_eq!(fold(text), fold_unicode(text), "{text:?}");
        }
    }

    #[test]
    fn name_key_puts_family_name_first() {
        assert_eq!(name_key("Anna", Some("M."), "Schmidt"), "schmidt anna m.");
        assert!(name_key("Zoe", None, "Adams") < name_key("Adam", None, "Zimmer"));
    }

    #[test]
    fn display_name_prefers_preferred_name() {
        assert_eq!(
            display_name("Robert", None, "Smith", Some("Bob"), Some("Jr.")),
            "Bob Smith Jr."
        );
        assert_eq!(
            display_name("Anna", Some(" "), "Schmidt", None, None),
            "Anna Schmidt"
        );
    }

    #[test]
    fn east_asian_names_put_the_family_name_first() {
        assert_eq!(display_name("翔太", None, "山本", None, None), "山本 翔太");
        assert_eq!(display_name("민준", None, "김", None, None), "김민준");
    }
}
