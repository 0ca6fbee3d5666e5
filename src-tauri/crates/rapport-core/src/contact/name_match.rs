//! Whether two people's names can be the same person's: transliteration ("Müller", "Mueller",
//! "Muller"), nicknames ("Bill" for "William"), initials ("J." for "John"), first and family
//! name swapped, and small typos (Jaro-Winkler on folded names).

use unicode_normalization::UnicodeNormalization;

use crate::text::fold;

/// A name as the duplicate scan compares it.
#[derive(Debug, Clone, Default)]
pub struct PersonName {
    /// Folded and transliterated given name ("mueller" and "müller" both give "muller").
    pub first: String,
    /// The given name behind a nickname ("bill" gives "william"), else `first`.
    pub canonical_first: String,
    /// The preferred name's canonical form, when there is one.
    pub canonical_preferred: Option<String>,
    pub last: String,
    /// The names as stored, for the reasons shown to people.
    pub raw_first: String,
    pub raw_last: String,
}

impl PersonName {
    pub fn new(first: &str, last: &str, preferred: Option<&str>) -> Self {
        let first_key = transliterate(first);
        Self {
            canonical_first: canonical_given_name(&first_key).to_string(),
            canonical_preferred: preferred
                .map(transliterate)
                .filter(|p| !p.is_empty())
                .map(|p| canonical_given_name(&p).to_string()),
            first: first_key,
            last: transliterate(last),
            raw_first: first.trim().to_string(),
            raw_last: last.trim().to_string(),
        }
    }

    /// The given name is only an initial ("J." or "J").
    fn initial(&self) -> Option<char> {
        let mut chars = self.first.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }

    fn given_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical_first.as_str()).chain(self.canonical_preferred.as_deref())
    }
}

/// How alike two names are (0 to 1) and why, or `None` when they cannot be the same person's.
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    pub similarity: f64,
    pub reason: String,
}

/// Given names and family names both at least this similar count as a typo.
const SIMILAR_PART: f64 = 0.85;
/// Combined similarity from which two names count as similar.
const SIMILAR_NAME: f64 = 0.88;

/// With `lenient` (another strong sign, the same email address or phone number, already says
/// "same person") names may differ a little more: short names change a lot with one typo.
pub fn compare(a: &PersonName, b: &PersonName, lenient: bool) -> Option<NameMatch> {
    let (similar_first, similar_last, similar_name) = if lenient {
        (0.8, 0.75, 0.8)
    } else {
        (SIMILAR_PART, SIMILAR_PART, SIMILAR_NAME)
    };
    if a.last.is_empty() && a.first.is_empty() || b.last.is_empty() && b.first.is_empty() {
        return None;
    }
    let found = |similarity: f64, reason: String| Some(NameMatch { similarity, reason });
    if a.last == b.last && a.first == b.first {
        // Most such pairs are written alike; folding is only needed to tell case from spelling.
        if a.raw_first == b.raw_first && a.raw_last == b.raw_last {
            return found(1.0, "same name".into());
        }
        let (fa, fb) = (
            fold(&format!("{} {}", a.raw_first, a.raw_last)),
            fold(&format!("{} {}", b.raw_first, b.raw_last)),
        );
        return if fa == fb {
            found(1.0, "same name".into())
        } else {
            found(
                0.98,
                format!(
                    "transliteration {} {}/{} {}",
                    a.raw_first, a.raw_last, b.raw_first, b.raw_last
                ),
            )
        };
    }
    if a.last == b.last && a.given_names().any(|x| b.given_names().any(|y| x == y)) {
        return found(0.97, format!("nickname {}/{}", a.raw_first, b.raw_first));
    }
    let swapped = !a.first.is_empty() && !a.last.is_empty();
    if swapped && a.first == b.last && a.last == b.first {
        return found(0.95, "names swapped".into());
    }
    let last = strsim::jaro_winkler(&a.last, &b.last);
    if let Some((initial, other)) = match (a.initial(), b.initial()) {
        (Some(i), None) => Some((i, b)),
        (None, Some(i)) => Some((i, a)),
        _ => None,
    } {
        if other.first.starts_with(initial) && last >= similar_name {
            return found(0.9 * last, format!("initial {}", initial.to_uppercase()));
        }
        return None;
    }
    let first = if a.first.is_empty() || b.first.is_empty() {
        // A missing given name neither confirms nor contradicts.
        0.9
    } else {
        a.given_names()
            .flat_map(|x| b.given_names().map(move |y| strsim::jaro_winkler(x, y)))
            .fold(0.0, f64::max)
    };
    if first < similar_first || last < similar_last {
        return None;
    }
    let similarity = 0.4 * first + 0.6 * last;
    (similarity >= similar_name).then(|| NameMatch {
        similarity,
        reason: format!("similar name ({similarity:.2})"),
    })
}

/// Folds case and accents and writes common Latin transliterations one way: "Müller",
/// "Mueller" and "Muller" all give "muller"; "Łukasz" gives "lukasz"; punctuation goes.
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Folding decomposes Hangul syllables into letters; put them back together so "도." is
    // one initial, as it is written.
    for c in fold(text.trim()).nfc() {
        match c {
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'æ' => out.push('a'),
            'œ' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'þ' => out.push_str("th"),
            '-' | ' ' => out.push(' '),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    // German umlauts written out ("ue") and dropped ("u") meet at the plain vowel.
    if out.contains("ue") || out.contains("oe") || out.contains("ae") {
        out = out.replace("ue", "u").replace("oe", "o").replace("ae", "a");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Nicknames and short forms and the given name they stand for, transliterated.
const NICKNAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("will", "william"),
    ("willy", "william"),
    ("liam", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("robbie", "robert"),
    ("bert", "robert"),
    ("liz", "elizabeth"),
    ("lizzie", "elizabeth"),
    ("beth", "elizabeth"),
    ("betty", "elizabeth"),
    ("eliza", "elizabeth"),
    ("elisabeth", "elizabeth"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("kathy", "katherine"),
    ("cathy", "katherine"),
    ("catherine", "katherine"),
    ("kathryn", "katherine"),
    ("katharina", "katherine"),
    ("kathi", "katherine"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("jamie", "james"),
    ("mike", "michael"),
    ("mick", "michael"),
    ("mickey", "michael"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("rich", "richard"),
    ("richie", "richard"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("chris", "christopher"),
    ("ben", "benjamin"),
    ("matt", "matthew"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("sam", "samuel"),
    ("alex", "alexander"),
    ("alessandro", "alexander"),
    ("alejandro", "alexander"),
    ("maggie", "margaret"),
    ("meg", "margaret"),
    ("peggy", "margaret"),
    ("max", "maximilian"),
    ("steve", "stephen"),
    ("steven", "stephen"),
    ("greg", "gregory"),
    ("andy", "andrew"),
    ("drew", "andrew"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("ted", "edward"),
    ("fred", "frederick"),
    ("jack", "john"),
    ("johnny", "john"),
    ("jon", "john"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("ron", "ronald"),
    ("sue", "susan"),
    ("jenny", "jennifer"),
    ("jen", "jennifer"),
    ("becky", "rebecca"),
    ("vicky", "victoria"),
    ("abby", "abigail"),
    ("mandy", "amanda"),
    ("debbie", "deborah"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("larry", "lawrence"),
    ("harry", "henry"),
    ("hank", "henry"),
    ("ken", "kenneth"),
    ("tim", "timothy"),
];

/// The given name a nickname stands for ("bill" gives "william"); other names unchanged.
pub fn canonical_given_name(first: &str) -> &str {
    NICKNAMES
        .iter()
        .find(|(nick, _)| *nick == first)
        .map_or(first, |(_, full)| full)
}

/// A nickname of a given name, for tests and the benchmark's planted duplicates.
pub fn nickname_of(first: &str) -> Option<&'static str> {
    let key = transliterate(first);
    NICKNAMES
        .iter()
        .find(|(_, full)| *full == key)
        .map(|(nick, _)| *nick)
}

/// American Soundex of a transliterated name: names that sound alike share it, so a typo in
/// the middle of a family name still lands in the same block.
pub fn soundex(name: &str) -> String {
    let code = |c: char| match c {
        'b' | 'f' | 'p' | 'v' => Some('1'),
        'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => Some('2'),
        'd' | 't' => Some('3'),
        'l' => Some('4'),
        'm' | 'n' => Some('5'),
        'r' => Some('6'),
        _ => None,
    };
    let mut chars = name.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = String::from(first);
    let mut last = code(first);
    for c in chars {
        let digit = code(c);
        if digit.is_some() && digit != last {
            out.extend(digit);
            if out.len() >= 4 {
                break;
            }
        }
        if c != 'h' && c != 'w' {
            last = digit;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(first: &str, last: &str) -> PersonName {
        PersonName::new(first, last, None)
    }

    #[test]
    fn transliterations_meet() {
        assert_eq!(transliterate("Müller"), "muller");
        assert_eq!(transliterate("Mueller"), "muller");
        assert_eq!(transliterate("Łukasz"), "lukasz");
        assert_eq!(transliterate("O'Brien-Smith"), "obrien smith");
        assert_eq!(transliterate("도."), "도");
        let found = compare(
            &name("Jürgen", "Müller"),
            &name("Juergen", "Mueller"),
            false,
        )
        .unwrap();
        assert!(found.reason.starts_with("transliteration"), "{found:?}");
    }

    #[test]
    fn nicknames_initials_swaps_and_typos_match() {
        let found = compare(&name("Bill", "Smith"), &name("William", "Smith"), false).unwrap();
        assert_eq!(found.reason, "nickname Bill/William");
        let found = compare(&name("J.", "Smith"), &name("John", "Smith"), false).unwrap();
        assert_eq!(found.reason, "initial J");
        let found = compare(&name("Smith", "John"), &name("John", "Smith"), false).unwrap();
        assert_eq!(found.reason, "names swapped");
        let found = compare(&name("John", "Smtih"), &name("John", "Smith"), false).unwrap();
        assert!(found.reason.starts_with("similar name"), "{found:?}");
    }

    #[test]
    fn different_people_do_not_match() {
        assert_eq!(
            compare(&name("John", "Smith"), &name("Mary", "Smith"), false),
            None
        );
        assert_eq!(
            compare(&name("Jane", "Smith"), &name("John", "Smith"), false),
            None
        );
        assert_eq!(
            compare(&name("J.", "Smith"), &name("Mary", "Smith"), false),
            None
        );
        assert_eq!(
            compare(&name("John", "Smith"), &name("John", "Brown"), false),
            None
        );
    }

    #[test]
    fn soundex_keeps_typos_together() {
        assert_eq!(soundex("robert"), "r163");
        assert_eq!(soundex("rupert"), "r163");
        assert_eq!(soundex("smith"), soundex("smiht"));
    }
}
