//! Every SQL statement of the core lives below this module, one module per group of tables.

pub mod bulk;
pub mod contacts;
pub mod dashboard;
pub mod duplicate_scan;
pub mod export;
pub mod organisation;
pub mod report;
pub mod search_index;
pub mod settings;

use chrono::{DateTime, Utc};

/// Timestamps are stored as RFC 3339 UTC text with a fixed width, so text order is time order.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
