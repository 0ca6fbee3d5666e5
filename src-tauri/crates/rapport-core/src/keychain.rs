//! Database keys and remembered user names in the operating system's keychain: the Keychain on
//! macOS, the Credential Manager on Windows, the Secret Service (GNOME Keyring, KWallet) on
//! Linux.
//!
//! Every entry is built on the platform store directly rather than through keyring's default
//! builder: that builder quietly becomes an in-memory mock when a store feature is missing or
//! when some code swaps it, and a key kept there is gone at exit. A failing keychain is an
//! error (`CoreError::Keychain`); nothing here ever writes a key anywhere else.
//!
//! Entries use the service "Rapport" and the database file's canonical absolute path as the
//! account, so two spellings of one path find the same key.

use std::path::{Path, PathBuf};

use keyring::Entry;
use zeroize::Zeroizing;

use crate::error::{CoreError, CoreResult};
use crate::key::DatabaseKey;

pub const SERVICE: &str = "Rapport";
/// Account prefix of the remembered user name; a canonical path never starts with it.
const USERNAME_PREFIX: &str = "last-username:";
/// Account prefix of keys set aside when a new key replaced them (see `replace_database_key`).
const RETIRED_PREFIX: &str = "replaced-key:";

/// The path the keychain entries of the database at `path` are named after. The file need not
/// exist yet (a key is stored before its database is created): then its folder is resolved.
pub fn canonical_path(path: &Path) -> CoreResult<PathBuf> {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return Ok(canonical);
    }
    let problem = |reason: String| CoreError::Unavailable {
        path: path.display().to_string(),
        reason,
    };
    let name = path
        .file_name()
        .ok_or_else(|| problem("it does not name a file".into()))?;
    let parent = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => parent.to_path_buf(),
        None => PathBuf::from("."),
    };
    let parent = std::fs::canonicalize(&parent)
        .map_err(|e| problem(format!("its folder cannot be found ({e})")))?;
    Ok(parent.join(name))
}

fn account(path: &Path) -> CoreResult<String> {
    let canonical = canonical_path(path)?;
    canonical
        .to_str()
        .map(str::to_string)
        .ok_or_else(|| CoreError::Unavailable {
            path: path.display().to_string(),
            reason: "its path is not valid Unicode, so the keychain cannot name it".into(),
        })
}

fn failure(what: &str, error: &keyring::Error) -> CoreError {
    tracing::warn!(%error, "keychain: {what}");
    CoreError::Keychain {
        reason: format!("{what}: {error}"),
    }
}

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
fn platform_entry(account: &str) -> keyring::Result<Entry> {
    let credential =
        keyring::secret_service::SsCredential::new_with_target(None, SERVICE, account)?;
    Ok(Entry::new_with_credential(Box::new(credential)))
}

#[cfg(target_os = "macos")]
fn platform_entry(account: &str) -> keyring::Result<Entry> {
    let credential = keyring::macos::MacCredential::new_with_target(None, SERVICE, account)?;
    Ok(Entry::new_with_credential(Box::new(credential)))
}

#[cfg(target_os = "windows")]
fn platform_entry(account: &str) -> keyring::Result<Entry> {
    let credential = keyring::windows::WinCredential::new_with_target(None, SERVICE, account)?;
    Ok(Entry::new_with_credential(Box::new(credential)))
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "macos",
    target_os = "windows"
)))]
fn platform_entry(_account: &str) -> keyring::Result<Entry> {
    Err(keyring::Error::PlatformFailure(
        "this operating system has no keychain Rapport supports".into(),
    ))
}

fn entry(account: &str) -> CoreResult<Entry> {
    platform_entry(account).map_err(|e| failure("cannot name the entry", &e))
}

/// Keeps `key` as the key of the database at `path`, replacing any key stored for it.
pub fn store_database_key(path: &Path, key: &DatabaseKey) -> CoreResult<()> {
    entry(&account(path)?)?
        .set_secret(key.as_bytes())
        .map_err(|e| failure("cannot store the database key", &e))
}

/// The key stored for the database at `path`; `Ok(None)` when there is none.
pub fn load_database_key(path: &Path) -> CoreResult<Option<DatabaseKey>> {
    load_key(&account(path)?)
}

fn load_key(account: &str) -> CoreResult<Option<DatabaseKey>> {
    match entry(account)?.get_secret() {
        Ok(bytes) => {
            let bytes = Zeroizing::new(bytes);
            DatabaseKey::from_slice(&bytes)
                .map(Some)
                .ok_or_else(|| CoreError::Keychain {
                    reason: format!(
                        "the keychain entry {account} holds {} bytes, not a database key",
                        bytes.len()
                    ),
                })
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(failure("cannot read the database key", &e)),
    }
}

/// Removes the key of the database at `path`; no entry is not an error.
pub fn forget_database_key(path: &Path) -> CoreResult<()> {
    forget(&account(path)?)
}

fn forget(account: &str) -> CoreResult<()> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(failure("cannot remove the entry", &e)),
    }
}

/// Stores `key` for the database at `path`. A different key already there (of a database that
/// was moved or deleted, whose backups it still opens) is first kept under another account
/// rather than overwritten.
pub(crate) fn replace_database_key(path: &Path, key: &DatabaseKey) -> CoreResult<()> {
    let account = account(path)?;
    if let Some(old) = load_key(&account)?.filter(|old| old != key) {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let retired = format!("{RETIRED_PREFIX}{stamp}:{account}");
        entry(&retired)?
            .set_secret(old.as_bytes())
            .map_err(|e| failure("cannot keep the replaced database key", &e))?;
        tracing::info!(account = %retired, "kept the replaced database key");
    }
    store_database_key(path, key)
}

/// Remembers who signed in last to the database at `path`, to fill in the sign-in form.
pub fn remember_username(path: &Path, name: &str) -> CoreResult<()> {
    entry(&format!("{USERNAME_PREFIX}{}", account(path)?))?
        .set_password(name)
        .map_err(|e| failure("cannot remember the user name", &e))
}

/// The user name remembered for the database at `path`. A keychain problem is logged and
/// reads as none: the sign-in form then starts empty, which costs nothing.
pub fn last_username(path: &Path) -> Option<String> {
    let account = account(path).ok()?;
    match entry(&format!("{USERNAME_PREFIX}{account}"))
        .ok()?
        .get_password()
    {
        Ok(name) => Some(name),
        Err(keyring::Error::NoEntry) => None,
        Err(error) => {
            tracing::warn!(%error, "keychain: cannot read the last user name");
            None
        }
    }
}

/// Removes the remembered user name of the database at `path`.
pub fn forget_username(path: &Path) -> CoreResult<()> {
    forget(&format!("{USERNAME_PREFIX}{}", account(path)?))
}
