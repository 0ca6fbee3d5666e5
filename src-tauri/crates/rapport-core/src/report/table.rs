//! Building report tables, and the way their cells are written: counts with thousands
//! separators, shares as percentages, durations in the largest units that matter.

use chrono::{DateTime, Utc};

use crate::model::{ReportColumn, ReportFigure, ReportSection};

/// A table's columns: `(label, numeric)`.
pub fn section(title: &str, columns: &[(&str, bool)]) -> ReportSection {
    ReportSection {
        title: title.into(),
        note: None,
        columns: columns
            .iter()
            .map(|&(label, numeric)| ReportColumn {
                label: label.into(),
                numeric,
            })
            .collect(),
        rows: Vec::new(),
    }
}

pub fn figure(label: &str, value: impl Into<String>) -> ReportFigure {
    ReportFigure {
        label: label.into(),
        value: value.into(),
    }
}

/// 1234567 → "1,234,567".
pub fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// `part / whole` as "87%", or "–" for no whole.
pub fn share(part: u32, whole: u32) -> String {
    match crate::store::report::percent(part, whole) {
        Some(p) => format!("{p}%"),
        None => "–".into(),
    }
}

/// A ratio in 0..=1 as "42.5%", or "–".
pub fn rate(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "–".into(), |r| format!("{:.1}%", r * 100.0))
}

/// Minutes as "45 min", "3 h 20 min" or "2 d 4 h", or "–".
pub fn minutes(m: Option<u32>) -> String {
    match m {
        None => "–".into(),
        Some(m) if m < 60 => format!("{m} min"),
        Some(m) if m < 24 * 60 => format!("{} h {} min", m / 60, m % 60),
        Some(m) => format!("{} d {} h", m / (24 * 60), m % (24 * 60) / 60),
    }
}

pub fn day(at: Option<DateTime<Utc>>) -> String {
    at.map_or_else(|| "never".into(), |at| at.date_naive().to_string())
}

/// A wire name as people read it: "active_customer" → "Active customer".
pub fn human(wire: &str) -> String {
    let text = wire.replace('_', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A channel or contact method as people read it: "SMS", otherwise as [`human`] writes it.
pub fn channel(wire: &str) -> String {
    if wire == "sms" {
        "SMS".into()
    } else {
        human(wire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_write_them() {
        assert_eq!(count(0u32), "0");
        assert_eq!(count(999u32), "999");
        assert_eq!(count(1_000u32), "1,000");
        assert_eq!(count(1_234_567u32), "1,234,567");
        assert_eq!(share(1, 3), "33%");
        assert_eq!(share(0, 0), "–");
        assert_eq!(rate(Some(0.425)), "42.5%");
        assert_eq!(minutes(Some(45)), "45 min");
        assert_eq!(minutes(Some(200)), "3 h 20 min");
        assert_eq!(minutes(Some(3120)), "2 d 4 h");
        assert_eq!(human("active_customer"), "Active customer");
        assert_eq!(channel("sms"), "SMS");
        assert_eq!(channel("email"), "Email");
    }
}
