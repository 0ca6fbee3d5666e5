//! The real OS keychain: on Linux the Secret Service, which `cargo xtask test` provides with a
//! private D-Bus session and an unlocked gnome-keyring. Run alone, these tests need a desktop
//! session with an unlocked keyring; they fail (never skip) without one, as the app would.

use std::path::Path;

use rapport_core::key::{create_with_keychain, open_with_keychain, restore_access};
use rapport_core::{keychain, CoreError, Database, DatabaseKey};

/// Removes the entries a test made, even when it fails half-way.
struct Cleanup<'a>(&'a Path);

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let _ = keychain::forget_database_key(self.0);
        let _ = keychain::forget_username(self.0);
    }
}

fn keychain_hint(error: &CoreError) -> String {
    format!(
        "{error:?}: these tests need the OS keychain; on Linux run them with `cargo xtask test` \
         (private D-Bus session with gnome-keyring) or in an unlocked desktop session"
    )
}

#[test]
fn a_key_goes_into_the_secret_service_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let _cleanup = Cleanup(&path);
    let loaded = keychain::load_database_key(&path);
    assert!(
        matches!(loaded, Ok(None)),
        "{}",
        loaded
            .err()
            .map_or("an entry was there".into(), |e| keychain_hint(&e))
    );
    let key = DatabaseKey::generate();
    keychain::store_database_key(&path, &key).unwrap_or_else(|e| panic!("{}", keychain_hint(&e)));

    // Another spelling of the same file finds the same entry.
    let dotted = dir.path().join(".").join("rapport.sqlite3");
    assert_eq!(keychain::load_database_key(&dotted).unwrap(), Some(key));

    keychain::forget_database_key(&path).unwrap();
    assert_eq!(keychain::load_database_key(&path).unwrap(), None);
    keychain::forget_database_key(&path).unwrap();
}

#[test]
fn the_last_user_name_is_remembered_per_database() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    let (_ca, _cb) = (Cleanup(&a), Cleanup(&b));
    assert_eq!(keychain::last_username(&a), None);
    keychain::remember_username(&a, "anna.schmidt")
        .unwrap_or_else(|e| panic!("{}", keychain_hint(&e)));
    keychain::remember_username(&b, "ben").unwrap();
    keychain::remember_username(&a, "anna").unwrap();
    assert_eq!(keychain::last_username(&a).as_deref(), Some("anna"));
    assert_eq!(keychain::last_username(&b).as_deref(), Some("ben"));
    assert_eq!(
        keychain::load_database_key(&a).unwrap(),
        None,
        "names are not keys"
    );
}

#[tokio::test]
async fn a_database_made_with_the_keychain_opens_with_it_and_survives_losing_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let _cleanup = Cleanup(&path);
    let (db, key) = create_with_keychain(&path)
        .await
        .unwrap_or_else(|e| panic!("{}", keychain_hint(&e)));
    let recovery = key.recovery_text();
    db.close().await;
    open_with_keychain(&path).await.unwrap().close().await;

    // The keychain entry is lost (new computer, reinstalled OS): a clear error, nothing made.
    keychain::forget_database_key(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = open_with_keychain(&path).await.err().expect("no key");
    assert!(matches!(error, CoreError::KeyMissing { .. }), "{error:?}");
    assert!(error.user_message().contains("recovery key"));
    assert_eq!(
        keychain::load_database_key(&path).unwrap(),
        None,
        "no key was made up"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A typo is told as a typo; a key of another database as a wrong key.
    let mut typo: Vec<char> = recovery.chars().collect();
    typo[1] = if typo[1] == 'X' { 'Y' } else { 'X' };
    let typo: String = typo.into_iter().collect();
    let error = restore_access(&path, &typo).await.err().expect("typo");
    assert!(
        error.user_message().contains("typo"),
        "{}",
        error.user_message()
    );
    let other = DatabaseKey::generate().recovery_text();
    let error = restore_access(&path, &other).await.err().expect("wrong");
    assert!(matches!(error, CoreError::KeyRejected { .. }), "{error:?}");
    assert_eq!(keychain::load_database_key(&path).unwrap(), None);

    // The recovery key, typed loosely, opens it and puts the key back in the keychain.
    let typed = recovery.replace('-', " ").to_lowercase();
    restore_access(&path, &typed).await.unwrap().close().await;
    assert_eq!(keychain::load_database_key(&path).unwrap(), Some(key));
    open_with_keychain(&path).await.unwrap().close().await;
}

#[tokio::test]
async fn create_with_keychain_never_touches_an_existing_database_or_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let _cleanup = Cleanup(&path);
    let key = DatabaseKey::generate();
    Database::create(&path, &key).await.unwrap().close().await;
    keychain::store_database_key(&path, &key).unwrap_or_else(|e| panic!("{}", keychain_hint(&e)));
    let error = create_with_keychain(&path).await.err().expect("refused");
    assert_eq!(error.code(), "unavailable");
    assert_eq!(keychain::load_database_key(&path).unwrap(), Some(key));
}
