//! Tauri commands: each finds the signed-in user, calls the core and maps the error. No rules
//! here: the core decides what each user may do.

pub mod admin;
pub mod audit;
pub mod contacts;
pub mod dashboard;
pub mod duplicates;
#[cfg(feature = "e2e")]
pub mod e2e;
pub mod engagement;
pub mod export;
pub mod import;
pub mod lifecycle;
pub mod relationships;
pub mod report;
pub mod session;
