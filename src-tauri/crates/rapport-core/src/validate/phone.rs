//! Phone numbers as typed: parsed with the `phonenumber` crate into E.164 plus an extension.
//! Letters are refused (no vanity-number conversion: an "O" typed for a zero must never become
//! a 6), except an extension marker such as "ext." or "x", and the `tel:` scheme of an RFC 3966
//! link (vCard 4 stores numbers that way).
//!
//! The crate only ever sees "+" and digits, or plain national digits: its own reading of free
//! text converts letters, and it strips the *default* country's trunk prefix from numbers of
//! other countries ("+39 02 …" typed in Britain became +39 2 …, a different number).

use phonenumber::country::{self, Source};
use phonenumber::{Metadata, ParseError, PhoneNumber};

mod plans;

use super::invisible;
use crate::phone::{metadata, parse};

/// E.164 allows 15 digits including the country code.
const MAX_E164_DIGITS: usize = 15;
const MAX_EXTENSION_DIGITS: usize = 10;
/// A number with its formatting and an extension fits in far less; the cap keeps a pasted
/// page from costing more than a glance (the extension search looks ahead from every marker).
const MAX_TYPED_CHARS: usize = 100;
/// Longest first, so "extension" is not read as "ext" followed by "ension".
const MARKERS: [&str; 4] = ["extension", "ext", "x", "#"];
/// Written between digits, never meaning anything: dashes, brackets, dots, slashes, and the
/// tilde some countries write inside their international prefix ("0~0" in Poland: wait for tone).
const SEPARATORS: &str = "-./()[]~\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}\u{30fc}\
                          \u{2053}\u{223c}";
/// The code point of "0" in each Unicode script whose digits run 0-9 in order (Basic
/// Multilingual Plane; full-width digits are folded with the rest of the full-width forms).
const DIGIT_ZEROS: [u32; 35] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
];

/// A parsed number. `in_plan` is false for a well-formed number its country's numbering plan
/// does not allocate: kept, with a data-quality warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPhone {
    pub e164: String,
    pub extension: Option<String>,
    pub in_plan: bool,
}

/// Parses `number` as typed for `country` (ISO 3166 alpha-2; not needed when it starts with +).
/// `extension` is the separate extension field, if the form has one.
pub fn parse_phone(
    number: &str,
    country: &str,
    extension: Option<&str>,
) -> Result<ParsedPhone, String> {
    let typed: String = number.trim().chars().map(fold).collect();
    if typed.is_empty() {
        return Err("is empty".into());
    }
    if typed.chars().count() > MAX_TYPED_CHARS {
        return Err(format!(
            "is longer than {MAX_TYPED_CHARS} characters, too long to be a phone number"
        ));
    }
    let (dialled, typed_extension) = match tel_link(&typed) {
        Some(link) => read_tel_link(link)?,
        None => {
            let (main, extension) = split_extension(&typed);
            if main.is_empty() {
                return Err("has an extension but no number before it".into());
            }
            (read_number(main)?, extension.map(str::to_string))
        }
    };
    let extension = merge_extensions(typed_extension, extension)?;
    let (parsed, plan) = resolve(&dialled, region(country))?;

    let code = parsed.code().value();
    let national = parsed.national().to_string();
    if code.to_string().len() + national.len() > MAX_E164_DIGITS {
        return Err(format!(
            "has too many digits ({MAX_E164_DIGITS} at most, with the country code)"
        ));
    }
    // Fewer digits than the shortest number the plan allocates cannot be a whole number (a
    // local number without its area code, or digits left out). Typed internationally, the
    // region is the number's own or, when its digits do not say, any region of its code.
    let own = own_plan(code, &national);
    let plans = match plan {
        Some(region) => vec![region.meta],
        None => own
            .map(|meta| vec![meta])
            .or_else(|| metadata().by_code(&code))
            .unwrap_or_default(),
    };
    let shortest = plans.into_iter().flat_map(possible_lengths).min();
    if shortest.is_some_and(|min| national.len() < min) {
        return Err("is too short to be a whole number; is the area code missing?".into());
    }
    Ok(ParsedPhone {
        // What the crate's E.164 formatter writes, without the format lookup it does first.
        e164: format!("+{code}{national}"),
        in_plan: own.is_some_and(|meta| allocated(meta, &national)),
        extension,
    })
}

/// The plan of the region a number belongs to, found as the crate's `is_valid` finds it, once:
/// finding it runs the patterns of each region of the code until one matches (two dozen for
/// +1), and `is_valid` after `PhoneNumber::metadata` found it twice. That method also reads
/// the national number without an Italian leading zero, and finds no region for +39 06 ….
fn own_plan(code: u16, national: &str) -> Option<&'static Metadata> {
    let plans = metadata();
    let regions = plans.region(&code)?;
    if let [only] = regions.as_slice() {
        return match *only {
            "001" => plans.by_code(&code)?.into_iter().next(),
            id => plans.by_id(id),
        };
    }
    regions
        .into_iter()
        .filter_map(|id| plans.by_id(id))
        .find(|meta| plans::plan(meta).is_some_and(|plan| plan.claims(national)))
}

/// Whether the plan allocates the national number to any type of line: what the crate's
/// `is_valid` asks of the plan it finds (its number type is not `Unknown`).
fn allocated(meta: &'static Metadata, national: &str) -> bool {
    plans::plan(meta).is_some_and(|plan| plan.allocates(national))
}

/// Fewer digits than this cannot be a whole phone number anywhere.
const MIN_DIGITS: usize = 6;

/// Whether typed text can be a phone number at all: no letters besides an extension marker
/// or a `tel:` scheme, and at least 6 digits. Import rejects text that cannot; a number that
/// can be one but does not parse is kept as written, with a warning.
pub fn could_be_number(number: &str) -> bool {
    let typed: String = number.trim().chars().map(fold).collect();
    let main = match tel_link(&typed) {
        Some(link) => link.split(';').next().unwrap_or_default(),
        None => split_extension(&typed).0,
    };
    let letters = main
        .chars()
        .any(|c| c.is_alphabetic() && !SEPARATORS.contains(c));
    let digits = main.chars().filter(char::is_ascii_digit).count();
    !letters && digits >= MIN_DIGITS
}

/// A number reduced to what the numbering plan reads: an international flag and the digits.
#[derive(Debug)]
struct Dialled {
    plus: bool,
    digits: String,
}

/// The default region, when the crate knows its numbering plan (it panics on one it does not).
#[derive(Clone, Copy)]
struct Region {
    id: country::Id,
    meta: &'static Metadata,
}

fn region(country: &str) -> Option<Region> {
    let id = country
        .trim()
        .to_ascii_uppercase()
        .parse::<country::Id>()
        .ok()?;
    let meta = metadata().by_id(id.as_ref())?;
    Some(Region { id, meta })
}

/// Full-width forms (typed with an East Asian input method) become ASCII, the ideographic space
/// a space, and digits of other scripts ("٠٢٠", "०२०", Mongolian) ASCII digits.
fn fold(c: char) -> char {
    let code = u32::from(c);
    match code {
        0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => DIGIT_ZEROS
            .iter()
            .find(|zero| (**zero..**zero + 10).contains(&code))
            .and_then(|zero| char::from_digit(code - zero, 10))
            .unwrap_or(c),
    }
}

/// The rest of an RFC 3966 link ("tel:+44-20-7946-0123;ext=42"). A link has no spaces: with
/// them, "Tel: …" is a label pasted with the number and refused like any other letters.
fn tel_link(typed: &str) -> Option<&str> {
    let scheme = typed.get(..4)?;
    (scheme.eq_ignore_ascii_case("tel:") && !typed.chars().any(char::is_whitespace))
        .then(|| &typed[4..])
}

fn read_tel_link(link: &str) -> Result<(Dialled, Option<String>), String> {
    let mut parts = link.split(';');
    let mut dialled = read_number(parts.next().unwrap_or_default())?;
    let mut extension = None;
    let mut context = None;
    for parameter in parts {
        let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        match name.to_ascii_lowercase().as_str() {
            "ext" => extension = Some(value.to_string()),
            // An ISDN subaddress: no phone or softphone dials it; libphonenumber drops it too.
            "isub" => {}
            "phone-context" => context = Some(value),
            _ => {
                return Err(format!(
                    "has \"{name}\" in its tel: link, which is not part of a number"
                ))
            }
        }
    }
    // A local number is dialled after its context's digits: "331-6005;phone-context=+64-3" is
    // +64 3 331 6005. A context naming a domain cannot be turned into a number.
    if let Some(context) = context.filter(|_| !dialled.plus) {
        if !context.starts_with('+') {
            return Err(
                "has a tel: link whose phone-context is not a country code such as +44".into(),
            );
        }
        let prefix = read_number(context)?;
        dialled = Dialled {
            plus: true,
            digits: prefix.digits + &dialled.digits,
        };
    }
    Ok((dialled, extension))
}

/// Splits "020 7946 0123 ext. 42" into the number and "42".
///
/// The markers are ASCII and matched where they stand, without lower-casing a copy: lower-casing
/// changes byte lengths ("Ⱥ" takes two bytes, "ⱥ" three), so offsets found in a copy cut the
/// original in the wrong place or inside a character.
fn split_extension(typed: &str) -> (&str, Option<&str>) {
    for (at, _) in typed.char_indices() {
        let Some((_, rest)) = after_marker(&typed[at..]) else {
            continue;
        };
        let digits = rest.trim_start_matches(|c: char| c.is_whitespace() || ".:=".contains(c));
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let number =
                typed[..at].trim_end_matches(|c: char| c.is_whitespace() || ",;".contains(c));
            return (number, Some(digits));
        }
    }
    (typed, None)
}

/// The extension marker at the start of `text`, as typed, and what follows it.
fn after_marker(text: &str) -> Option<(&str, &str)> {
    MARKERS.iter().find_map(|marker| {
        // `get` is None when the marker's length would end inside a character.
        let head = text.get(..marker.len())?;
        head.eq_ignore_ascii_case(marker)
            .then(|| (head, &text[marker.len()..]))
    })
}

fn read_number(main: &str) -> Result<Dialled, String> {
    // Letters first: in "8 (423) 202-25-11, доб. 100" the word is the problem, not the comma.
    let letter_at = main
        .char_indices()
        .find(|(_, c)| c.is_alphabetic() && !SEPARATORS.contains(*c));
    if let Some((at, c)) = letter_at {
        return Err(match after_marker(&main[at..]) {
            Some((marker, _)) => misplaced_marker(marker),
            None => letter(c),
        });
    }
    let mut digits = String::new();
    let mut plus = false;
    for c in main.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() => plus = true,
            '+' => return Err("has a + after the first digit; + only starts a number".into()),
            _ if c.is_whitespace() || SEPARATORS.contains(c) || invisible(c) => {}
            // Letters are already refused, so "#" is the only marker left.
            '#' => return Err(misplaced_marker("#")),
            _ if c.is_numeric() => {
                return Err(format!("contains \"{c}\", which is not a digit 0-9"))
            }
            _ if c.is_control() => return Err("contains an invisible control character".into()),
            _ => {
                return Err(format!(
                    "contains \"{c}\", which does not belong in a phone number"
                ))
            }
        }
    }
    if digits.is_empty() {
        return Err("has no digits".into());
    }
    Ok(Dialled { plus, digits })
}

fn misplaced_marker(marker: &str) -> String {
    format!(
        "has an extension marker (\"{marker}\") that is not followed by the extension alone; put the \
         extension last, e.g. 020 7946 0123 ext. 42"
    )
}

fn letter(c: char) -> String {
    let hint = match c {
        'O' | 'o' => " (zero is typed 0)",
        'I' | 'l' => " (one is typed 1)",
        _ => "",
    };
    format!(
        "contains the letter \"{c}\"{hint}; a number is digits only, and an extension goes after \
         \"ext.\""
    )
}

fn merge_extensions(typed: Option<String>, field: Option<&str>) -> Result<Option<String>, String> {
    let field: Option<String> = field
        .map(|e| e.trim().chars().map(fold).collect::<String>())
        .filter(|e| !e.is_empty());
    let field = field.map(|f| match after_marker(&f) {
        Some((_, rest)) => rest
            .trim_start_matches(|c: char| c.is_whitespace() || ".:=".contains(c))
            .to_string(),
        None => f,
    });
    let extension = match (typed, field) {
        (Some(typed), Some(field)) if typed != field => {
            return Err(format!(
                "has two different extensions: {typed} in the number and {field} in the \
                 extension field"
            ))
        }
        (typed, field) => typed.or(field),
    };
    if let Some(extension) = &extension {
        if extension.is_empty() || !extension.bytes().all(|b| b.is_ascii_digit()) {
            return Err("has an extension that is not digits only".into());
        }
        if extension.len() > MAX_EXTENSION_DIGITS {
            return Err(format!(
                "has an extension longer than {MAX_EXTENSION_DIGITS} digits"
            ));
        }
    }
    Ok(extension)
}

/// The number, and the region whose plan it was read in when it was typed nationally.
fn resolve(
    dialled: &Dialled,
    region: Option<Region>,
) -> Result<(PhoneNumber, Option<Region>), String> {
    if dialled.plus {
        // "+00 64 …": the international prefix typed after the plus as well.
        let digits = region
            .and_then(|r| strip_international_prefix(&dialled.digits, r))
            .unwrap_or(&dialled.digits);
        return Ok((international(digits)?, None));
    }
    let Some(region) = region else {
        return Err("needs a country, or an international number starting with +".into());
    };
    if let Some(rest) = strip_international_prefix(&dialled.digits, region) {
        return Ok((international(rest)?, None));
    }
    let digits = dialled.digits.as_str();
    let parsed = parse(Some(region.id), digits).map_err(parse_error)?;
    // The crate takes a leading country code off national digits whenever the whole does not
    // look like a number ("123-456-7890" in the US became +1 234567890). libphonenumber takes it
    // off only when what is left looks like a number, or the whole is too long.
    if parsed.code().source() == Source::Number {
        let too_long = possible_lengths(region.meta).all(|length| digits.len() > length);
        let remainder = parsed.national().to_string();
        let keep = too_long
            || (!looks_like_number(region.meta, digits)
                && looks_like_number(region.meta, &remainder));
        if !keep {
            let whole = format!("{}{digits}", region.meta.country_code());
            return Ok((international(&whole)?, Some(region)));
        }
    }
    Ok((parsed, Some(region)))
}

/// The lengths of whole national numbers in a region. The crate leaves those of its general
/// description empty; libphonenumber derives them from the number types, as here.
fn possible_lengths(meta: &'static Metadata) -> impl Iterator<Item = usize> {
    plans::line_types(meta).flat_map(|kind| {
        kind.possible_length()
            .iter()
            .map(|length| usize::from(*length))
    })
}

/// Whether national digits have a length and leading digits the region allocates.
fn looks_like_number(meta: &'static Metadata, national: &str) -> bool {
    possible_lengths(meta).any(|length| length == national.len())
        && plans::plan(meta).is_some_and(|plan| plan.shapes(national))
}

/// The digits after the region's international prefix ("00", "011", …), if they start with it.
fn strip_international_prefix(digits: &str, region: Region) -> Option<&str> {
    let end = plans::plan(region.meta)?.after_dial_out(digits)?;
    let rest = &digits[end..];
    // No country code starts with 0: "0044" is an international prefix, "00" then "0" is not.
    (end > 0 && !rest.starts_with('0')).then_some(rest)
}

fn international(digits: &str) -> Result<PhoneNumber, String> {
    if digits.is_empty() {
        return Err("has an international prefix but no country code or number after it".into());
    }
    parse(own_region(digits), &format!("+{digits}")).map_err(parse_error)
}

/// The region whose plan the crate reads an international number in, found as the crate finds
/// it without a region (`validator::source_for`) but with the patterns compiled here: the crate
/// runs each region's patterns of the code through its locked cache, two dozen for +1. Given
/// this region, the crate reads the number exactly as without one, except that it would take
/// the region's own international prefix off the digits after the +; None then, and None when
/// the digits do not name one region, so that the crate decides.
fn own_region(digits: &str) -> Option<country::Id> {
    let plans = metadata();
    // The crate's reading of the country code: the shortest of one to three digits that is one,
    // never starting with 0, with more than two digits in all.
    if digits.starts_with('0') || digits.len() <= 2 {
        return None;
    }
    let (code, national) = (1..=3.min(digits.len() - 1)).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        plans.by_code(&code).map(|_| (code, &digits[len..]))
    })?;
    let meta = own_plan(code, national.trim_start_matches('0'))?;
    let id: country::Id = meta.id().parse().ok()?;
    let dials_out = plans::plan(meta).is_none_or(|plan| plan.after_dial_out(digits).is_some());
    (!dials_out).then_some(id)
}

/// The crate only sees clean digits here, so "no number" means too few of them.
fn parse_error(error: ParseError) -> String {
    match error {
        ParseError::InvalidCountryCode => "does not start with a country code that exists".into(),
        ParseError::NoNumber | ParseError::TooShortAfterIdd | ParseError::TooShortNsn => {
            "is too short to be a whole number".into()
        }
        ParseError::TooLong => "has too many digits for a phone number".into(),
        ParseError::MalformedInteger(_) => "is not a phone number".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(number: &str, country: &str) -> ParsedPhone {
        parse_phone(number, country, None).unwrap()
    }

    /// Every plan's example numbers after their country code, also with a national prefix
    /// digit, a digit more, one fewer and the last one changed: read with the region found
    /// here, each is what the crate reads without a region.
    #[test]
    fn an_international_number_reads_as_the_crate_reads_it() {
        let plans = metadata();
        let (mut compared, mut with_region) = (0, 0);
        for meta in (1..1000).filter_map(|code| plans.by_code(&code)).flatten() {
            let code = meta.country_code();
            let examples = std::iter::once(meta.descriptors().general())
                .chain(plans::line_types(meta))
                .filter_map(|d| d.example());
            for example in examples {
                let (head, last) = example.split_at(example.len() - 1);
                let changed = (last.as_bytes()[0] - b'0' + 5) % 10;
                for national in [
                    example.to_string(),
                    format!("0{example}"),
                    format!("{example}0"),
                    head.to_string(),
                    format!("{head}{changed}"),
                ] {
                    let digits = format!("{code}{national}");
                    let crates = parse(None, &format!("+{digits}")).map_err(parse_error);
                    assert_eq!(international(&digits), crates, "+{digits} ({})", meta.id());
                    compared += 1;
                    with_region += usize::from(own_region(&digits).is_some());
                }
            }
        }
        assert!(compared > 5_000, "{compared} numbers");
        assert!(
            with_region > compared / 2,
            "{with_region} of {compared} with a region"
        );
    }

    #[test]
    fn in_plan_is_what_the_crate_calls_valid() {
        // Regions sharing a code (+1, +44, +39 with Vatican City, +7), an Italian leading
        // zero, non-geographic codes, and numbers no plan allocates.
        let numbers = [
            "+16502530000",
            "+14165550123",
            "+18765550123",
            "+12025550100",
            "+13035555965",
            "+12530000",
            "+442079460123",
            "+447700900123",
            "+441534712345",
            "+441624712345",
            "+449999999999",
            "+390236618300",
            "+390669812345",
            "+393123456789",
            "+74951234567",
            "+77172123456",
            "+80012345678",
            "+979123456789",
            "+8613800138000",
            "+33631966543",
            "+4930123456",
            "+6421387835",
            "+35315550123",
        ];
        for number in numbers {
            let parsed = parse_phone(number, "GB", None).unwrap();
            let crate_number = parse(None, &parsed.e164).unwrap();
            assert_eq!(
                parsed.in_plan,
                phonenumber::is_valid(&crate_number),
                "{number}"
            );
        }
    }

    #[test]
    fn national_and_international_forms_store_the_same_number() {
        let london = ok("020 7946 0123", "GB");
        assert_eq!(london.e164, "+442079460123");
        assert!(london.in_plan);
        assert_eq!(ok("+44 20 7946 0123", "DE"), london);
        assert_eq!(ok("0044 20 7946 0123", "DE"), london);
        assert_eq!(ok("011 44 20 7946 0123", "US"), london);
    }

    #[test]
    fn another_countrys_trunk_prefix_is_not_taken_off() {
        // Italian numbers keep their 0 after +39; Britain's trunk prefix is also 0.
        assert_eq!(ok("+39 02 3661 8300", "GB").e164, "+390236618300");
        assert_eq!(ok("00 39 02 3661 8300", "GB").e164, "+390236618300");
    }

    #[test]
    fn a_letter_for_a_digit_is_refused_by_name() {
        let message = parse_phone("020 7946 O123", "GB", None).unwrap_err();
        assert!(message.contains("letter \"O\""), "{message}");
        assert!(message.contains("zero is typed 0"), "{message}");
        assert!(parse_phone("1-800-FLOWERS", "US", None).is_err());
    }

    #[test]
    fn extensions_follow_a_marker_or_come_from_their_field() {
        for typed in [
            "020 7946 0123 ext 42",
            "020 7946 0123 ext. 42",
            "020 7946 0123 x42",
            "020 7946 0123 X 42",
            "020 7946 0123 extension 42",
            "020 7946 0123 #42",
            "020 7946 0123, ext: 42",
        ] {
            assert_eq!(ok(typed, "GB").extension.as_deref(), Some("42"), "{typed}");
        }
        let field = parse_phone("020 7946 0123", "GB", Some(" x 42 ")).unwrap();
        assert_eq!(field.extension.as_deref(), Some("42"));
        assert!(parse_phone("020 7946 0123 x 42", "GB", Some("43")).is_err());
        assert!(parse_phone("020 7946 0123", "GB", Some("forty-two")).is_err());
    }

    #[test]
    fn non_ascii_text_around_a_marker_is_split_by_characters() {
        // Lower-casing "Ⱥ" adds a byte: the old split cut inside "١" here and panicked.
        let message = parse_phone("Ⱥ x١", "GB", None).unwrap_err();
        assert!(message.contains("letter \"Ⱥ\""), "{message}");
        let arabic = ok("٠٢٠ ٧٩٤٦ ٠١٢٣ x ٤٢", "GB");
        assert_eq!(arabic.e164, "+442079460123");
        assert_eq!(arabic.extension.as_deref(), Some("42"));
    }

    #[test]
    fn a_pasted_page_is_refused_without_searching_it() {
        let page = "x1".repeat(500_000);
        assert!(parse_phone(&page, "GB", None)
            .unwrap_err()
            .contains("too long"));
    }

    #[test]
    fn only_text_with_letters_or_too_few_digits_cannot_be_a_number() {
        assert!(could_be_number("+44 20 7946 0958 ext. 12"));
        assert!(could_be_number("tel:+1-555-123-4567;ext=9"));
        assert!(could_be_number("０２０ ７９４６ ０９５８"));
        assert!(could_be_number("253 0000"));
        assert!(!could_be_number("020 7946 OOOO"));
        assert!(!could_be_number("12345"));
        assert!(!could_be_number("十城目管理大型知座"));
    }

    #[test]
    fn a_well_formed_number_outside_the_plan_is_kept_and_flagged() {
        let parsed = ok("+1 212 33445566", "");
        assert_eq!(parsed.e164, "+121233445566");
        assert!(!parsed.in_plan);
        assert!(parse_phone("253 0000", "US", None)
            .unwrap_err()
            .contains("too short"));
        assert!(parse_phone("123 456 7890", "", None)
            .unwrap_err()
            .contains("needs a country"));
    }
}
