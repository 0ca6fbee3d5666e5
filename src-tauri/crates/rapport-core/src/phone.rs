//! Phone numbers: display formatting and the digit forms the search index holds.
//!
//! Numbers are stored as E.164 plus an optional extension. Parsing metadata costs ~0.1 s the
//! first time, so callers on a start-up path should call [`warm_up`] on a background thread.

use phonenumber::{country, Mode};

/// Loads the phone metadata so the first screen that shows a number does not pay for it.
pub fn warm_up() {
    let _ = phonenumber::parse(None, "+442079460000");
}

/// The number as a person in `home` (ISO 3166 alpha-2) would write it: national format for
/// numbers of that country, international otherwise. Unparseable input is shown as stored.
pub fn display(e164: &str, extension: Option<&str>, home: &str) -> String {
    let base = match phonenumber::parse(None, e164) {
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
    match phonenumber::parse(None, e164) {
        Ok(number) => {
            let code = number.code().value().to_string();
            let national = number.national().to_string();
            let trunk = number
                .metadata(&phonenumber::metadata::DATABASE)
                .and_then(|m| m.national_prefix().map(str::to_string));
            search_digits_from_parts(&code, &national, trunk.as_deref())
        }
        Err(_) => e164.chars().filter(char::is_ascii_digit).collect(),
    }
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
