//! Acting on many contacts at once: the selection is a list of ids or "everything matching this
//! search and filter" (minus exclusions), always within the user's scope. One transaction and one
//! audit event per action; progress is reported and a cancelled run changes nothing.

use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::error::CoreResult;
use crate::model::{ContactCountQuery, ContactType, Justification, LifecycleStage, SiteRole};
use crate::Database;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BulkSelection {
    /// These contacts.
    Ids { ids: Vec<String> },
    /// Every contact the query matches, except these.
    Query {
        query: ContactCountQuery,
        except: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BulkAction {
    AddTag {
        tag: String,
    },
    RemoveTag {
        tag: String,
    },
    SetType {
        contact_type: ContactType,
        contact_type_other: Option<String>,
        justification: Option<Justification>,
    },
    SetStage {
        stage: LifecycleStage,
    },
    SetOwner {
        owner: Option<String>,
    },
    AssignSite {
        site_id: String,
        role: SiteRole,
    },
    Deactivate {
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkSkip {
    pub id: String,
    pub reference: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BulkReport {
    /// Contacts the selection resolved to.
    pub selected: u32,
    pub changed: u32,
    /// Contacts left as they were, with why (e.g. already inactive).
    pub skipped: Vec<BulkSkip>,
}

/// How many contacts a selection covers for this user (the confirmation states it).
pub async fn count_selection(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
) -> CoreResult<u32> {
    let _ = (db, actor, selection);
    todo!()
}

/// Applies `action` to the selection.
pub async fn apply(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
    action: &BulkAction,
    progress: impl FnMut(BulkProgress) + Send,
    cancel: &AtomicBool,
) -> CoreResult<BulkReport> {
    let _ = (db, actor, selection, action, progress, cancel);
    todo!()
}
