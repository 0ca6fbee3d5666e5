//! Regions, territories, accounts and sites as the UI sees them.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TerritoryOption {
    pub id: String,
    pub name: String,
    pub region_name: String,
}
