//! Phone numbers: display formatting and the digit forms the search index holds.
//!
//! Numbers are stored as E.164 plus an optional extension. Parsing metadata costs ~0.1 s the
//! first time, so callers on a start-up path should call [`warm_up`] on a background thread.

use std::sync::Once;

use phonenumber::metadata::{Database, DATABASE};
use phonenumber::{country, Mode, ParseError, PhoneNumber};

/// Compiled numbering-plan patterns kept in memory. The crate keeps 100, fewer than one import
/// of international contacts uses (each country has a dozen patterns for validity, types and
/// formats); a pattern compiles in far more time than it takes to match, and an import spent a
/// fifth of its time compiling patterns it had just dropped. A compiled pattern is a few KB.
const PATTERN_CACHE: usize = 4_000;

/// The numbering-plan metadata, with its pattern cache sized for imports.
pub(crate) fn metadata() -> &'static Database {
    static SIZED: Once = Once::new();
    SIZED.call_once(|| {
        if let Ok(mut cache) = DATABASE.cache().lock() {
            cache.set_capacity(PATTERN_CACHE);
        }
    });
    &DATABASE
}

/// `phonenumber::parse` after [`metadata`] has sized the pattern cache the parser shares.
pub(crate) fn parse(region: Option<country::Id>, text: &str) -> Result<PhoneNumber, ParseError> {
    metadata();
    phonenumber::parse(region, text)
}

/// Loads the phone metadata so the first screen that shows a number does not pay for it.
pub fn warm_up() {
    let _ = parse(None, "+442079460000");
}

/// The number as a person in `home` (ISO 3166 alpha-2) would write it: national format for
/// numbers of that country, international otherwise. Unparseable input is shown as stored.
pub fn display(e164: &str, extension: Option<&str>, home: &str) -> String {
    let base = match parse(None, e164) {
        Ok(number) => {
            let home = home.parse::<country::Id>().ok();
            let mode = if home.is_some() && number.country().id() == home {
                Mode::National
            } else {
                Mode::International
            };
            number.format().mode(mode).to_string()
        }
        Err(_) => e164.to_string(),
    };
    match extension.filter(|e| !e.is_empty()) {
        Some(ext) => format!("{base} ext. {ext}"),
        None => base,
    }
}

/// RFC 3966 `tel:` link.
pub fn tel_uri(e164: &str, extension: Option<&str>) -> String {
    match extension.filter(|e| !e.is_empty()) {
        Some(ext) => format!("tel:{e164};ext={ext}"),
        None => format!("tel:{e164}"),
    }
}

/// Digit forms a person may type for a number: international digits, the national significant
/// number, and (where the country has one) the trunk-prefixed national form.
pub fn search_digits(e164: &str) -> String {
    let digits = e164.strip_prefix('+').unwrap_or(e164);
    // Country codes are prefix-free, so the first to name a numbering plan is the number's
    // (a full parse for every number stood out in the profile of an import).
    for length in 1..=digits.len().min(3) {
        let (code, national) = digits.split_at(length);
        let plan = code
            .parse::<u16>()
            .ok()
            .and_then(|code| metadata().by_code(&code))
            .and_then(|plans| plans.into_iter().next());
        if let Some(plan) = plan.filter(|_| national.chars().all(|c| c.is_ascii_digit())) {
            return search_digits_from_parts(code, national, plan.national_prefix());
        }
    }
    e164.chars().filter(char::is_ascii_digit).collect()
}

/// [`search_digits`] when the parts are already known (bulk paths skip the parser).
pub fn search_digits_from_parts(country_code: &str, national: &str, trunk: Option<&str>) -> String {
    let mut out = format!("{country_code}{national} {national}");
    if let Some(trunk) = trunk.filter(|t| !t.is_empty()) {
        out.push(' ');
        out.push_str(trunk);
        out.push_str(national);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The country code read off the digits agrees with a full parse for an example number of
    /// every numbering plan the library knows, trunk prefix included.
    #[test]
    fn search_digits_agree_with_the_parser_in_every_plan() {
        let mut checked = 0;
        for plan in metadata().iter() {
            let descriptors = plan.descriptors();
            for example in [descriptors.fixed_line(), descriptors.mobile()]
                .into_iter()
                .flatten()
                .filter_map(|d| d.example())
            {
                let e164 = format!("+{}{example}", plan.country_code());
                let Ok(number) = parse(None, &e164) else {
                    continue;
                };
                let trunk = number
                    .metadata(metadata())
                    .and_then(|m| m.national_prefix().map(str::to_string));
                let parsed = search_digits_from_parts(
                    &number.code().value().to_string(),
                    &number.national().to_string(),
                    trunk.as_deref(),
                );
                assert_eq!(search_digits(&e164), parsed, "{} {e164}", plan.id());
                checked += 1;
            }
        }
        assert!(checked > 300, "only {checked} examples");
    }

    #[test]
    fn national_at_home_international_abroad() {
        assert_eq!(display("+442079460123", None, "GB"), "020 7946 0123");
        assert_eq!(
            display("+442079460123", Some("42"), "DE"),
            "+44 20 7946 0123 ext. 42"
        );
    }

    #[test]
    fn unparseable_numbers_are_shown_as_stored() {
        assert_eq!(display("+0", None, "GB"), "+0");
    }

    #[test]
    fn tel_uri_carries_the_extension() {
        assert_eq!(
            tel_uri("+442079460123", Some("42")),
            "tel:+442079460123;ext=42"
        );
        assert_eq!(tel_uri("+442079460123", None), "tel:+442079460123");
    }

    #[test]
    fn search_digits_cover_what_people_type() {
        assert_eq!(
            search_digits("+442079460123"),
            "442079460123 2079460123 02079460123"
        );
        assert_eq!(
            search_digits("+12125550123"),
            "12125550123 2125550123 12125550123"
        );
    }
}
