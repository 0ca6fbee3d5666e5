//! Field rules shared by every way a contact comes in: the wizard, the edit screen, import and
//! the CLI. Each returns the value to store or a message fit to show beside the field.

pub mod email;
pub mod phone;
mod problems;
mod time_zone;

use rapport_import::fields::nfc;

pub use email::business_email;
pub use phone::{parse_phone, ParsedPhone};
pub(crate) use problems::Problems;
pub use time_zone::time_zone;

/// Longest text a field may hold (Excel's cell limit, so anything exported can be re-imported).
pub const MAX_FIELD_CHARS: usize = 32_767;

/// A name or other text as stored: Unicode NFC, trimmed, inner runs of white space made one
/// space (a pasted tab or double space is never meaningful in a name).
pub fn text(input: &str) -> String {
    let composed = nfc(input);
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`text`] for optional fields: blank becomes `None`.
pub fn optional(input: Option<&str>) -> Option<String> {
    input.map(text).filter(|t| !t.is_empty())
}

/// Free text that keeps its line breaks (notes, instructions): NFC and trimmed only.
pub fn multiline(input: Option<&str>) -> Option<String> {
    input
        .map(|t| nfc(t).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// A decimal amount such as "2,500.00", "2 500" or "2500" in minor units (two decimals).
/// Thousands separators must group by three: "2,50" is a German 2.50 or a typo, never 250.
pub fn amount_minor(input: &str) -> Result<i64, String> {
    let typed = input.trim();
    let refuse = || "is not an amount such as 2,500.00".to_string();
    if typed.starts_with('-') {
        return Err("cannot be negative".into());
    }
    let (units, cents) = match typed.split_once('.') {
        Some((units, cents)) => (units, Some(cents)),
        None => (typed, None),
    };
    let units = grouped_digits(units).ok_or_else(refuse)?;
    let cents = match cents {
        None => 0,
        Some(c) if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) => {
            if c.len() > 2 {
                return Err("has more than two decimals".into());
            }
            let value: i64 = c.parse().map_err(|_| refuse())?;
            if c.len() == 1 {
                value * 10
            } else {
                value
            }
        }
        Some(_) => return Err(refuse()),
    };
    // 13 digits keep units * 100 far inside i64.
    if units.len() > 13 {
        return Err("is too large".into());
    }
    let units: i64 = units.parse().map_err(|_| refuse())?;
    Ok(units * 100 + cents)
}

/// "2,500", "2 500" or "2500" as plain digits; `None` unless every separator splits off
/// exactly three digits and only one kind of separator is used.
fn grouped_digits(units: &str) -> Option<String> {
    let separator = units.chars().find(|c| !c.is_ascii_digit());
    let Some(separator) = separator else {
        return (!units.is_empty()).then(|| units.to_string());
    };
    if !matches!(separator, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
        return None;
    }
    let mut groups = units.split(separator);
    let first = groups.next()?;
    let well_grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    well_grouped.then(|| units.chars().filter(char::is_ascii_digit).collect())
}

/// Characters that show nothing: zero-width spaces and joiners, direction marks and overrides,
/// soft hyphens, fillers. In a stored address they make two equal-looking values differ and
/// can disguise one address as another; in a phone number they are only noise.
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_composed_trimmed_and_collapsed() {
        // "e" + combining acute becomes one "é"; a tab and a no-break space become one space.
        assert_eq!(text("  Ame\u{301}lie \t\u{a0} Poulain "), "Amélie Poulain");
        assert_eq!(optional(Some("   ")), None);
        assert_eq!(
            multiline(Some(" line one\n  line two \n")).as_deref(),
            Some("line one\n  line two")
        );
    }

    #[test]
    fn amounts_become_minor_units() {
        assert_eq!(amount_minor("2,500.5"), Ok(250_050));
        assert_eq!(amount_minor("1 000 000"), Ok(100_000_000));
        assert_eq!(amount_minor("10000"), Ok(1_000_000));
        assert_eq!(
            amount_minor("12.345"),
            Err("has more than two decimals".into())
        );
        assert_eq!(amount_minor("-5"), Err("cannot be negative".into()));
        assert!(amount_minor("ten").is_err());
    }

    #[test]
    fn a_comma_that_does_not_group_thousands_is_refused() {
        // Read as thousands separators these would be 100 times too large.
        assert!(amount_minor("2,50").is_err());
        assert!(amount_minor("1 000,50").is_err());
        assert!(amount_minor("1.000,50").is_err());
        assert!(amount_minor("2,500 000").is_err());
    }
}
