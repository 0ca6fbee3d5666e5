//! Core integration tests: each test gets its own SQLite file in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod access;
mod audit;
mod bulk_actions;
mod contact_write;
mod dashboard;
mod db;
mod demo;
mod detail;
mod duplicate_scan;
mod encryption;
mod engagement;
mod export;
mod import;
mod keychain;
mod list;
mod maintenance;
mod matrix;
mod merge;
mod privacy;
mod relationships;
mod report;
mod search;
mod sign_in_rules;
mod status;
mod validation;

use chrono::{DateTime, TimeZone, Utc};
use rapport_core::access::signin::Credentials;
use rapport_core::access::users::{self, UserInput};
use rapport_core::access::Actor;
use rapport_core::demo::DemoOptions;
use rapport_core::model::{ContactListQuery, ContactRow, Role};
use rapport_core::store::contacts;
use rapport_core::{Database, DatabaseKey};
use tempfile::TempDir;

pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
}

pub struct Demo {
    pub db: Database,
    /// The demo site administrator, signed in.
    pub admin: Actor,
    _dir: TempDir,
}

/// A fresh demo database of `contacts` contacts (seed 1, fixed clock).
pub async fn demo_db(contacts: u64) -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::create(
        &dir.path().join("rapport.sqlite3"),
        &DatabaseKey::generate(),
    )
    .await
    .unwrap();
    let options = DemoOptions {
        contacts,
        seed: 1,
        now: fixed_now(),
    };
    rapport_core::demo::create(&db, options, |_| {})
        .await
        .unwrap();
    let admin = sign_in(&db, "admin").await;
    Demo {
        db,
        admin,
        _dir: dir,
    }
}

/// Signs a demo user in with the demo password.
pub async fn sign_in(db: &Database, username: &str) -> Actor {
    let credentials = Credentials {
        username,
        password: rapport_core::demo::users::PASSWORD,
        code: None,
    };
    rapport_core::access::signin::sign_in(db, credentials, Utc::now())
        .await
        .unwrap()
}

/// Every row of a list, following cursors to the end.
pub async fn walk(db: &Database, actor: &Actor, mut query: ContactListQuery) -> Vec<ContactRow> {
    let mut rows = Vec::new();
    loop {
        let page = contacts::list(db, actor, &query).await.unwrap();
        assert!(
            page.rows.len() <= query.limit as usize,
            "a page never exceeds its limit"
        );
        rows.extend(page.rows);
        match page.next_cursor {
            Some(cursor) => query.cursor = Some(cursor),
            None => return rows,
        }
    }
}

/// A new territory manager of `territories`, signed in.
pub async fn territory_manager(
    db: &Database,
    admin: &Actor,
    username: &str,
    territories: &[i64],
) -> Actor {
    users::create_user(
        db,
        admin,
        UserInput {
            username: username.into(),
            display_name: format!("Manager {username}"),
            role: Role::TerritoryManager,
            region_ids: Vec::new(),
            territory_ids: territories.iter().map(i64::to_string).collect(),
            disabled: false,
            password: Some(rapport_core::demo::users::PASSWORD.into()),
        },
    )
    .await
    .unwrap();
    sign_in(db, username).await
}
