//! The numbering plans' patterns, compiled here once per plan and matched from the first digit.
//!
//! The crate matches its patterns through one pattern cache for the whole process: each match
//! hashes the pattern's text, takes the cache's lock and holds it while the pattern runs, so an
//! import's checker threads took turns; and its search is unanchored, run forwards and back,
//! when only a match at the first digit counts. Here each pattern is compiled anchored, and
//! matching takes no lock. What matches is what the crate's `Descriptor::is_match` says: the
//! number has one of the descriptor's possible lengths, and the pattern matches from its start.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use phonenumber::metadata::Descriptor;
use phonenumber::Metadata;
use regex::{Match, Regex, RegexBuilder};

use crate::phone::metadata;

/// One plan's patterns.
pub(super) struct Plan {
    meta: &'static Metadata,
    /// The leading digits that pick this region among those sharing its country code.
    leading: Option<Regex>,
    /// The international prefix dialled before a country code ("00", "011", …).
    dial_out: Option<Regex>,
    general: Pattern,
    /// The number types a plan allocates, each a kind of line.
    types: Vec<Pattern>,
}

struct Pattern {
    /// None if the pattern did not compile here: the crate's descriptor answers instead.
    regex: Option<Regex>,
    descriptor: &'static Descriptor,
}

impl Pattern {
    fn of(descriptor: &'static Descriptor) -> Self {
        Self {
            regex: anchored(descriptor.national_number().as_str()),
            descriptor,
        }
    }

    fn is_match(&self, national: &str) -> bool {
        let Some(regex) = &self.regex else {
            return self.descriptor.is_match(national);
        };
        // No lengths means any length.
        let lengths = self.descriptor.possible_length();
        (lengths.is_empty() || u16::try_from(national.len()).is_ok_and(|n| lengths.contains(&n)))
            && regex.is_match(national)
    }
}

/// The crate compiles its patterns ignoring whitespace; the line break ends a trailing comment.
fn anchored(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(&format!("^(?:{pattern}\n)"))
        .ignore_whitespace(true)
        .build()
        .ok()
}

/// The plan's kinds of line, in the order the crate's `number_type` tries them.
pub(super) fn line_types(meta: &'static Metadata) -> impl Iterator<Item = &'static Descriptor> {
    let types = meta.descriptors();
    [
        types.premium_rate(),
        types.toll_free(),
        types.shared_cost(),
        types.voip(),
        types.personal_number(),
        types.pager(),
        types.uan(),
        types.voicemail(),
        types.fixed_line(),
        types.mobile(),
    ]
    .into_iter()
    .flatten()
}

impl Plan {
    fn compile(meta: &'static Metadata) -> Self {
        Self {
            meta,
            leading: meta.leading_digits().and_then(|p| anchored(p.as_str())),
            dial_out: meta
                .international_prefix()
                .and_then(|p| anchored(p.as_str())),
            general: Pattern::of(meta.descriptors().general()),
            types: line_types(meta).map(Pattern::of).collect(),
        }
    }

    /// Whether the plan allocates the national number to any type of line: what the crate's
    /// `is_valid` asks of the plan it finds (its number type is not `Unknown`).
    pub(super) fn allocates(&self, national: &str) -> bool {
        self.general.is_match(national) && self.types.iter().any(|t| t.is_match(national))
    }

    /// Whether the national number has this plan's general shape, whatever its length.
    pub(super) fn shapes(&self, national: &str) -> bool {
        self.general.is_match(national)
    }

    /// Where the digits continue after this region's international prefix, when they start
    /// with it: the end of the crate's leftmost match, when that match starts at the first digit.
    pub(super) fn after_dial_out(&self, digits: &str) -> Option<usize> {
        let crates = self.meta.international_prefix()?;
        end_from_start(self.dial_out.as_ref(), |text| crates.find(text), digits)
    }

    /// Whether the national number belongs to this region rather than another of its code: its
    /// leading digits where the plan names them, else the plan allocates it.
    pub(super) fn claims(&self, national: &str) -> bool {
        match self.meta.leading_digits() {
            Some(crates) => {
                end_from_start(self.leading.as_ref(), |text| crates.find(text), national).is_some()
            }
            None => self.allocates(national),
        }
    }
}

/// Where a pattern of a plan, matched from the first digit of `text`, ends: compiled here, or,
/// when it did not compile here, the crate's leftmost match if that starts at the first digit.
fn end_from_start<'t>(
    ours: Option<&Regex>,
    crates: impl FnOnce(&'t str) -> Option<Match<'t>>,
    text: &'t str,
) -> Option<usize> {
    match ours {
        Some(regex) => regex.find(text),
        None => crates(text).filter(|m| m.start() == 0),
    }
    .map(|m| m.end())
}

/// Every plan of the crate's metadata, by country code and region ("001" for the
/// non-geographic codes, each with its own plan), compiled when first asked for.
static PLANS: LazyLock<HashMap<(u16, &'static str), OnceLock<Plan>>> = LazyLock::new(|| {
    let plans = metadata();
    (1..1000)
        .filter_map(|code| plans.by_code(&code))
        .flatten()
        .map(|meta| ((meta.country_code(), meta.id()), OnceLock::new()))
        .collect()
});

/// The compiled patterns of one of the crate's plans. Every plan is listed (a test walks them
/// all), so None is never expected.
pub(super) fn plan(meta: &'static Metadata) -> Option<&'static Plan> {
    PLANS
        .get(&(meta.country_code(), meta.id()))
        .map(|plan| plan.get_or_init(|| Plan::compile(meta)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_plan() -> Vec<&'static Metadata> {
        let plans = metadata();
        (1..1000)
            .filter_map(|code| plans.by_code(&code))
            .flatten()
            .collect()
    }

    #[test]
    fn every_region_of_every_code_has_a_plan() {
        let plans = metadata();
        let mut regions = 0;
        for code in 1..1000u16 {
            for id in plans.region(&code).unwrap_or_default() {
                let metas = match id {
                    "001" => plans.by_code(&code).unwrap_or_default(),
                    id => plans.by_id(id).into_iter().collect(),
                };
                for meta in metas {
                    assert!(plan(meta).is_some(), "{id} +{code}");
                    regions += 1;
                }
            }
        }
        assert!(regions > 240, "{regions} plans");
    }

    /// Every descriptor of every plan, against each plan's example numbers and the same
    /// numbers one digit longer, shorter and changed: anchored here, the crate's verdict.
    #[test]
    fn patterns_match_what_the_crates_descriptors_match() {
        let plans = every_plan();
        let mut compared = 0;
        for meta in &plans {
            let descriptors: Vec<&Descriptor> = std::iter::once(meta.descriptors().general())
                .chain(line_types(meta))
                .collect();
            let mut numbers: Vec<String> = Vec::new();
            for example in descriptors.iter().filter_map(|d| d.example()) {
                numbers.push(example.to_string());
                numbers.push(format!("{example}0"));
                numbers.push(example[..example.len() - 1].to_string());
                let last = example.as_bytes()[example.len() - 1] - b'0';
                numbers.push(format!(
                    "{}{}",
                    &example[..example.len() - 1],
                    (last + 5) % 10
                ));
            }
            for descriptor in &descriptors {
                let ours = Pattern::of(descriptor);
                assert!(ours.regex.is_some(), "{}", meta.id());
                for number in &numbers {
                    assert_eq!(
                        ours.is_match(number),
                        descriptor.is_match(number),
                        "{} +{}: {number} against {}",
                        meta.id(),
                        meta.country_code(),
                        descriptor.national_number().as_str()
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 10_000, "{compared} comparisons");
    }

    /// Every plan's international prefix, anchored here, against the crate's leftmost match when
    /// it starts at the first digit, on digits that start with the usual prefixes or without.
    #[test]
    fn international_prefixes_end_where_the_crates_do() {
        let digits = [
            "0044", "00", "011", "0114420", "0011", "001", "810", "8107", "8~10", "010", "0190",
            "00049", "119", "4420", "7", "",
        ];
        let mut compared = 0;
        for meta in every_plan() {
            let Some(crates) = meta.international_prefix() else {
                continue;
            };
            let ours = plan(meta).unwrap();
            assert!(ours.dial_out.is_some(), "{}", meta.id());
            for digits in digits {
                let expected = crates
                    .find(digits)
                    .filter(|m| m.start() == 0)
                    .map(|m| m.end());
                assert_eq!(
                    ours.after_dial_out(digits),
                    expected,
                    "{} {digits}",
                    meta.id()
                );
                compared += 1;
            }
        }
        assert!(compared > 3_000, "{compared} comparisons");
    }
}
