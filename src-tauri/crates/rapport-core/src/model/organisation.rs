//! Regions, territories, accounts and sites as the UI sees them and edits them.

use serde::{Deserialize, Serialize};

use super::AccountKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TerritoryOption {
    pub id: String,
    pub name: String,
    pub region_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub id: String,
    pub code: String,
    pub name: String,
    pub territories: Vec<Territory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Territory {
    pub id: String,
    pub region_id: String,
    pub code: String,
    pub name: String,
    pub site_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RegionInput {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TerritoryInput {
    pub region_id: String,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: String,
    pub name: String,
    pub kind: AccountKind,
    pub active: bool,
    pub site_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AccountInput {
    pub name: String,
    pub kind: AccountKind,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    pub id: String,
    pub account_id: String,
    pub territory_id: String,
    pub territory_name: String,
    pub name: String,
    pub line1: String,
    pub city: String,
    pub postal_code: Option<String>,
    pub country: String,
    pub contact_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SiteInput {
    pub account_id: String,
    pub territory_id: String,
    pub name: String,
    pub line1: String,
    pub city: String,
    pub postal_code: Option<String>,
    pub country: String,
}
