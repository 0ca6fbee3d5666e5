//! Rapport's domain core: storage, domain types, search and demo data.
//!
//! Nothing here knows about Tauri: the desktop shell, the `rapport` CLI and the benchmarks all
//! drive the same functions, which is what keeps every rule in one place.

pub mod access;
pub mod audit;
pub mod backup;
pub mod contact;
pub mod dashboard;
pub mod db;
pub mod demo;
pub mod engagement;
pub mod error;
pub mod export;
pub mod import;
pub mod key;
pub mod keychain;
pub mod maintenance;
pub mod model;
pub mod phone;
pub mod relationship;
pub mod report;
pub mod search;
pub mod sqlite_memory;
pub mod store;
pub mod text;
pub mod validate;

pub use db::Database;
pub use error::{CoreError, CoreResult, FieldProblem};
pub use key::DatabaseKey;
