//! A form's problems, collected so the UI shows them all at once beside their fields.

use chrono::NaiveDate;

use crate::error::{CoreError, CoreResult, FieldProblem};
use crate::validate;

/// Every problem of a form; `finish` turns them into one error (or none).
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldProblem>);

impl Problems {
    pub(crate) fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldProblem::new(field, message));
    }

    /// Required one-line text: NFC, trimmed, white space collapsed, at most `max` characters.
    pub(crate) fn line(&mut self, field: &str, value: &str, max: usize) -> String {
        let value = validate::optional(Some(value)).unwrap_or_default();
        if value.is_empty() {
            self.add(field, "is required");
        } else if value.chars().count() > max {
            self.add(field, format!("is longer than {max} characters"));
        }
        value
    }

    /// Optional one-line text, at most `max` characters.
    pub(crate) fn optional_line(
        &mut self,
        field: &str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let value = validate::optional(value);
        if value.as_ref().is_some_and(|v| v.chars().count() > max) {
            self.add(field, format!("is longer than {max} characters"));
        }
        value
    }

    /// Optional free text that keeps its line breaks, at most `max` characters.
    pub(crate) fn text(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let value = validate::multiline(value);
        if value.as_ref().is_some_and(|v| v.chars().count() > max) {
            self.add(field, format!("is longer than {max} characters"));
        }
        value
    }

    /// An optional day, YYYY-MM-DD.
    pub(crate) fn day(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let value = validate::optional(value)?;
        match NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
            Ok(day) => Some(day),
            Err(_) => {
                self.add(field, "is not a date (YYYY-MM-DD)");
                None
            }
        }
    }

    pub(crate) fn finish(mut self) -> CoreResult<()> {
        match self.0.len() {
            0 => Ok(()),
            1 => Err(CoreError::InvalidInput(self.0.remove(0))),
            _ => Err(CoreError::InvalidFields(self.0)),
        }
    }
}
