//! The duplicate scan of the whole database: its options, progress and candidate groups.

use serde::{Deserialize, Serialize};

/// What a scan keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct DuplicateScanOptions {
    /// Pairs scoring below this (0 to 100) are not offered.
    pub min_score: u32,
}

impl Default for DuplicateScanOptions {
    fn default() -> Self {
        Self { min_score: 75 }
    }
}

/// How far a scan has come: contacts read, then pairs compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateScanProgress {
    pub contacts_read: u32,
    pub pairs_compared: u32,
    /// Candidate pairs the blocking produced (known once the contacts are read).
    pub pairs_total: u32,
}

/// Contacts that look like the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateGroup {
    /// Contact ids, lowest first.
    pub contacts: Vec<String>,
    /// 0 to 100: the best score of a pair in the group.
    pub score: u32,
    /// E.g. "same email", "same phone", "similar name (0.93)", "nickname Bill/William".
    pub reasons: Vec<String>,
}

/// The result of a scan: groups best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateScan {
    pub groups: Vec<DuplicateGroup>,
    pub contacts_scanned: u32,
    pub pairs_compared: u32,
}
