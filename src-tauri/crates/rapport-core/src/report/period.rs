//! The time a report covers, from its request: a month (`2026-11`), a quarter (`2026-Q4`), or
//! for reports of the present state, the day they are made.

use chrono::{DateTime, Datelike, Months, NaiveDate, TimeZone, Utc};

use crate::error::{CoreError, CoreResult};
use crate::model::ReportPeriod;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn invalid(text: &str, form: &str) -> CoreError {
    CoreError::invalid(
        "period",
        format!("\"{text}\" is not a period of this report: write it as {form}."),
    )
}

/// A calendar month; the one `now` is in when `text` is absent.
pub fn month(text: Option<&str>, now: DateTime<Utc>) -> CoreResult<ReportPeriod> {
    let (year, month) = match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => (now.year(), now.month()),
        Some(text) => {
            let parsed = text
                .split_once('-')
                .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
                .filter(|(y, m)| (1900..=9999).contains(y) && (1..=12).contains(m));
            parsed.ok_or_else(|| invalid(text, "YYYY-MM, e.g. 2026-11"))?
        }
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| invalid("", "YYYY-MM"))?;
    let next = first + Months::new(1);
    Ok(ReportPeriod {
        key: format!("{year}-{month:02}"),
        label: format!("{} {year}", MONTHS[month as usize - 1]),
        from: midnight(first),
        to: midnight(next),
    })
}

/// A calendar quarter; the one `now` is in when `text` is absent.
pub fn quarter(text: Option<&str>, now: DateTime<Utc>) -> CoreResult<ReportPeriod> {
    let (year, quarter) = match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => (now.year(), (now.month() - 1) / 3 + 1),
        Some(text) => {
            let parsed = text
                .to_ascii_uppercase()
                .split_once("-Q")
                .and_then(|(y, q)| Some((y.parse::<i32>().ok()?, q.parse::<u32>().ok()?)))
                .filter(|(y, q)| (1900..=9999).contains(y) && (1..=4).contains(q));
            parsed.ok_or_else(|| invalid(text, "YYYY-Qn, e.g. 2026-Q4"))?
        }
    };
    let first = NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)
        .ok_or_else(|| invalid("", "YYYY-Qn"))?;
    let next = first + Months::new(3);
    Ok(ReportPeriod {
        key: format!("{year}-Q{quarter}"),
        label: format!(
            "Q{quarter} {year} ({} to {} {year})",
            MONTHS[(quarter as usize - 1) * 3],
            MONTHS[(quarter as usize - 1) * 3 + 2]
        ),
        from: midnight(first),
        to: midnight(next),
    })
}

/// Reports of the present state cover the day they are made; a period is refused rather than
/// silently ignored.
pub fn today(text: Option<&str>, now: DateTime<Utc>) -> CoreResult<ReportPeriod> {
    if let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) {
        return Err(CoreError::invalid(
            "period",
            format!("\"{text}\": this report shows the present state and takes no period."),
        ));
    }
    let day = now.date_naive();
    Ok(ReportPeriod {
        key: day.to_string(),
        label: format!(
            "As of {} {} {}",
            day.day(),
            MONTHS[day.month0() as usize],
            day.year()
        ),
        from: midnight(day),
        to: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn months_and_quarters_parse_and_default_to_now() {
        let now = at("2026-11-26T10:00:00Z");
        let m = month(None, now).unwrap();
        assert_eq!(
            (m.key.as_str(), m.label.as_str()),
            ("2026-11", "November 2026")
        );
        assert_eq!(
            (m.from, m.to),
            (at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z"))
        );
        let d = month(Some("2025-12"), now).unwrap();
        assert_eq!(d.to, at("2026-01-01T00:00:00Z"));
        let q = quarter(Some("2026-q1"), now).unwrap();
        assert_eq!(q.key, "2026-Q1");
        assert_eq!(q.label, "Q1 2026 (January to March 2026)");
        assert_eq!(q.to, at("2026-04-01T00:00:00Z"));
        assert_eq!(quarter(None, now).unwrap().key, "2026-Q4");
        for bad in ["2026-13", "26-11", "November", "2026-Q5"] {
            let err = month(Some(bad), now)
                .err()
                .or_else(|| quarter(Some(bad), now).err());
            assert!(err.is_some(), "{bad} accepted");
        }
        let err = month(Some("2026-13"), now).unwrap_err();
        assert_eq!(err.fields()[0].field, "period");
        assert!(today(Some("2026-11"), now).is_err());
        assert_eq!(today(None, now).unwrap().label, "As of 26 November 2026");
    }
}
