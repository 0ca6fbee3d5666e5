//! Cells a spreadsheet would run as a formula (OWASP "CSV injection"), made harmless in CSV.
//!
//! The rule, for every CSV cell Rapport writes:
//!
//! - A cell whose text starts with `=`, `+`, `-`, `@`, TAB or CR (after any leading `'`; see
//!   [`rapport_import::formula`]) is written with a single quote `'` in front. Spreadsheets
//!   show such a cell as text and never evaluate it.
//! - Except in a phone column, when the whole text is a phone number: an optional `+`, then only
//!   digits, spaces and `( ) . / -` with at least one digit, then optionally an extension
//!   (spaces, `x`, `ext` or `ext.`, spaces, digits). That is the shape of every number Rapport
//!   writes (`+44 20 7946 0958 ext. 12`): a spreadsheet reads it as a number or as text, never
//!   as a formula that could call anything, so `+44…` is left as it is.
//! - Everything else is written as it is.
//!
//! Rapport's CSV reader takes the quote off again (only before those characters), so an
//! export reads back to the same text. XLSX needs none of this: every value is written as a
//! string cell, which Excel never evaluates.

use std::borrow::Cow;

use rapport_import::formula::needs_guard;

/// The text of a CSV cell: guarded unless it needs no guard.
pub(crate) fn csv_text(text: &str, phone_column: bool) -> Cow<'_, str> {
    if needs_guard(text) && !(phone_column && is_phone_number(text)) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*(\s*(x|ext\.?)\s*[0-9]+)?$`, without a regex engine.
pub(crate) fn is_phone_number(text: &str) -> bool {
    let body = text.strip_prefix('+').unwrap_or(text);
    let (number, extension) = split_extension(body);
    let number_ok = number.chars().any(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || " ()./-".contains(c));
    let extension_ok =
        extension.is_none_or(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_digit()));
    number_ok && extension_ok
}

/// The number and the extension's digits, when the text has an extension marker.
fn split_extension(text: &str) -> (&str, Option<&str>) {
    for marker in ["ext.", "ext", "x"] {
        if let Some(at) = text.rfind(marker) {
            let (number, rest) = (&text[..at], &text[at + marker.len()..]);
            return (number.trim_end(), Some(rest.trim_start()));
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_phone_numbers_are_not() {
        assert_eq!(
            csv_text("=HYPERLINK(\"http://evil\",\"x\")", false),
            "'=HYPERLINK(\"http://evil\",\"x\")"
        );
        assert_eq!(csv_text("@SUM(1)", false), "'@SUM(1)");
        assert_eq!(csv_text("-2+3", false), "'-2+3");
        assert_eq!(csv_text("'=x", false), "''=x");
        assert_eq!(csv_text("Ada", false), "Ada");
        assert_eq!(csv_text("'tis", false), "'tis");
        assert_eq!(csv_text("+44 20 7946 0958", true), "+44 20 7946 0958");
        assert_eq!(
            csv_text("+44 20 7946 0958 ext. 12", true),
            "+44 20 7946 0958 ext. 12"
        );
        assert_eq!(
            csv_text("+1 (201) 555-0123 x7", true),
            "+1 (201) 555-0123 x7"
        );
        // The same text outside a phone column, and formulas inside one, are guarded.
        assert_eq!(csv_text("+44 20 7946 0958", false), "'+44 20 7946 0958");
        assert_eq!(
            csv_text("+1+cmd|' /C calc'!A0", true),
            "'+1+cmd|' /C calc'!A0"
        );
        assert_eq!(csv_text("-", true), "'-");
        assert_eq!(csv_text("+44 20 ext.", true), "'+44 20 ext.");
        assert_eq!(csv_text("=1+2 x 3", true), "'=1+2 x 3");
    }
}
