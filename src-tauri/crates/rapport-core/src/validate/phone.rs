//! Phone numbers as typed: parsed with the `phonenumber` crate into E.164 plus an extension.
//! Letters are refused (no vanity-number conversion: an "O" typed for a zero must never become
//! a 6), except an extension marker such as "ext." or "x".

use phonenumber::country;

/// A parsed number. `in_plan` is false for a well-formed number its country's numbering plan
/// does not allocate: kept, with a data-quality warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPhone {
    pub e164: String,
    pub extension: Option<String>,
    pub in_plan: bool,
}

/// Parses `number` as typed for `country` (ISO 3166 alpha-2; not needed when it starts with +).
pub fn parse_phone(
    number: &str,
    country: &str,
    extension: Option<&str>,
) -> Result<ParsedPhone, String> {
    let typed = number.trim();
    if typed.is_empty() {
        return Err("is empty".into());
    }
    let (digits_part, typed_extension) = split_extension(typed);
    if let Some(letter) = digits_part.chars().find(|c| c.is_alphabetic()) {
        return Err(format!(
            "contains the letter \"{letter}\"; type digits only (an extension goes after \"ext.\")"
        ));
    }
    let extension = match (
        typed_extension,
        extension.map(str::trim).filter(|e| !e.is_empty()),
    ) {
        (Some(_), Some(_)) => return Err("has an extension typed twice".into()),
        (e, None) | (None, e) => e.map(str::to_string),
    };
    if let Some(ext) = &extension {
        if !ext.chars().all(|c| c.is_ascii_digit()) || ext.len() > 10 {
            return Err("has an extension that is not up to 10 digits".into());
        }
    }
    let region = country.trim().to_uppercase().parse::<country::Id>().ok();
    if region.is_none() && !digits_part.starts_with('+') && !digits_part.starts_with("00") {
        return Err("needs a country, or an international number starting with +".into());
    }
    let parsed =
        phonenumber::parse(region, digits_part).map_err(|_| "is not a phone number".to_string())?;
    let e164 = parsed.format().mode(phonenumber::Mode::E164).to_string();
    Ok(ParsedPhone {
        in_plan: phonenumber::is_valid(&parsed),
        e164,
        extension,
    })
}

/// Splits "020 7946 0123 ext. 42" into the number and "42".
fn split_extension(typed: &str) -> (&str, Option<&str>) {
    let lower = typed.to_lowercase();
    for marker in ["extension", "ext.", "ext", "x.", "x", "#"] {
        if let Some(at) = lower.rfind(marker) {
            let rest = typed[at + marker.len()..].trim();
            if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) {
                return (typed[..at].trim(), Some(rest));
            }
        }
    }
    (typed, None)
}
