//! Cell values as text: numbers without a spurious `.0` or exponent, dates as ISO dates,
//! booleans as `TRUE`/`FALSE`, formula errors as empty.

use calamine::{Data, DataRef, ExcelDateTime};
use chrono::{NaiveTime, Timelike};

/// The text of a cell read by calamine's streaming XLSX reader.
pub(crate) fn data_ref_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => iso_text(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => boolean(*b),
        DataRef::DateTime(d) => date_time(d),
        // A formula error (#N/A, #REF!, ...) is no contact data: the cell reads as empty rather
        // than putting "#N/A" into an e-mail or phone field.
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// The text of a cell of a range built by calamine (XLS).
pub(crate) fn data_text(value: &Data) -> String {
    match value {
        Data::String(s) => s.clone(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => iso_text(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => boolean(*b),
        Data::DateTime(d) => date_time(d),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

pub(crate) fn boolean(value: bool) -> String {
    if value { "TRUE" } else { "FALSE" }.to_string()
}

/// A number as people typed it: whole numbers without a decimal part (a phone stored as the
/// number 447700900123 stays `447700900123`), others to Excel's 15 significant digits, never
/// in exponent notation.
pub(crate) fn number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        return format!("{}", rounded as i64);
    }
    format!("{rounded}")
}

/// A date serial formatted as a date: `YYYY-MM-DD` at midnight, `YYYY-MM-DDTHH:MM:SS` with a
/// time, `HH:MM:SS` for a time of day alone; a duration as hours `H:MM:SS`.
pub(crate) fn date_time(value: &ExcelDateTime) -> String {
    if value.is_duration() {
        return duration(value.as_f64() * 86_400.0);
    }
    let serial = value.as_f64();
    let Some(dt) = value.as_datetime() else {
        return number(serial);
    };
    // Round to the second: serials carry binary noise (10:30 is 10:29:59.9999).
    let rounded = dt + chrono::Duration::milliseconds(500);
    let rounded = rounded.with_nanosecond(0).unwrap_or(rounded);
    if rounded.time() == NaiveTime::MIN {
        rounded.format("%Y-%m-%d").to_string()
    } else if (0.0..1.0).contains(&serial) {
        rounded.format("%H:%M:%S").to_string()
    } else {
        rounded.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return String::new();
    }
    let total = seconds.round() as i64;
    let sign = if total < 0 { "-" } else { "" };
    let total = total.unsigned_abs();
    format!(
        "{sign}{}:{:02}:{:02}",
        total / 3600,
        (total / 60) % 60,
        total % 60
    )
}

/// ISO text from a file (ODS dates, durations): a midnight date-time is a date, and an ISO
/// duration `PT10H30M00S` becomes `10:30:00`.
pub(crate) fn iso_text(text: &str) -> String {
    if let Some(date) = text.strip_suffix("T00:00:00") {
        if date.len() == 10 {
            return date.to_string();
        }
    }
    if let Some(seconds) = iso_duration_seconds(text) {
        return duration(seconds);
    }
    text.to_string()
}

fn iso_duration_seconds(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = rest.strip_prefix("PT")?;
    let mut total = 0.0;
    let mut figure = String::new();
    for ch in rest.chars() {
        match ch {
            '0'..='9' | '.' => figure.push(ch),
            'H' | 'M' | 'S' => {
                let n: f64 = figure.parse().ok()?;
                figure.clear();
                total += n * match ch {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
            }
            _ => return None,
        }
    }
    figure
        .is_empty()
        .then_some(if negative { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(447_700_900_123.0), "447700900123");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(1e20), "100000000000000000000");
    }

    #[test]
    fn iso() {
        assert_eq!(iso_text("1990-05-17T00:00:00"), "1990-05-17");
        assert_eq!(iso_text("PT10H30M00S"), "10:30:00");
        assert_eq!(iso_text("1990-05-17T10:30:00"), "1990-05-17T10:30:00");
    }
}
