//! The database key: 32 random bytes that SQLCipher takes as its raw key, and the recovery text
//! that brings them back when the keychain entry is gone.
//!
//! A raw key skips SQLCipher's passphrase derivation: a random 256-bit key gains nothing from
//! 256,000 PBKDF2 rounds, and opening costs ~0.5 ms instead of ~0.1 s per connection.

use std::fmt;
use std::io::Write;
use std::path::Path;

use rand::RngCore;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{CoreError, CoreResult};
use crate::{keychain, Database};

pub const KEY_LEN: usize = 32;
/// CRC-24 appended to the key before encoding: a CRC catches every single wrong character
/// and every swap of two neighbours (both are bursts shorter than 24 bits), which a
/// truncated hash only catches with high probability.
const CHECK_LEN: usize = 3;
/// Crockford's base32: no I, L, O or U, so the letters people confuse are not in a key and can
/// be read back as the digits they resemble.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 35 bytes are exactly 56 base32 characters: no padding to explain to anyone.
const TEXT_LEN: usize = (KEY_LEN + CHECK_LEN) * 8 / 5;
const GROUP: usize = 4;
/// The field named in recovery-key errors, so a form can put the message next to its input.
pub const RECOVERY_FIELD: &str = "recoveryKey";
pub const KEY_FILE_FIELD: &str = "keyFile";

/// The key of one database. The bytes are wiped when the value is dropped and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey([u8; KEY_LEN]);

impl Drop for DatabaseKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DatabaseKey(<secret>)")
    }
}

impl DatabaseKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> Self {
        let mut bytes = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let key = Self(bytes);
        bytes.zeroize();
        key
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let bytes: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Self(bytes))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The value of `PRAGMA key` for this raw key: `"x'<64 hex digits>'"`, quotes included.
    /// Public for connections the core does not open itself (the benchmark's raw SQLite);
    /// everything else gets its connections from `Database`.
    pub fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(KEY_LEN * 2 + 5));
        text.push_str("\"x'");
        for byte in self.0 {
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        text.push_str("'\"");
        text
    }

    /// The recovery key as a person writes it down: 56 characters in 14 groups of four, e.g.
    /// `7K2M-…`. The last five characters carry a checksum so a typo is told apart from a key
    /// that belongs to another database.
    pub fn recovery_text(&self) -> String {
        let mut data = Zeroizing::new([0u8; KEY_LEN + CHECK_LEN]);
        data[..KEY_LEN].copy_from_slice(&self.0);
        data[KEY_LEN..].copy_from_slice(&crc24(&self.0).to_be_bytes()[1..]);
        let symbols = Zeroizing::new(to_base32(&*data));
        let mut text = String::with_capacity(TEXT_LEN + TEXT_LEN / GROUP);
        for (i, symbol) in symbols.iter().enumerate() {
            if i > 0 && i % GROUP == 0 {
                text.push('-');
            }
            text.push(char::from(ALPHABET[usize::from(*symbol)]));
        }
        text
    }

    /// Reads a recovery key as typed: spaces, dashes, line breaks and case do not matter, and
    /// O, I and L are read as 0, 1 and 1.
    pub fn from_recovery_text(text: &str) -> CoreResult<Self> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(TEXT_LEN));
        for c in text.chars() {
            if c.is_whitespace() || matches!(c, '-' | '_' | '.' | '\u{2010}'..='\u{2015}') {
                continue;
            }
            let value = symbol_value(c).ok_or_else(|| {
                typo(format!(
                    "the recovery key has a typo: {c:?} does not occur in recovery keys \
                     (they use the digits 0-9 and the letters A-Z without I, L, O and U)"
                ))
            })?;
            symbols.push(value);
        }
        if symbols.len() != TEXT_LEN {
            return Err(typo(format!(
                "the recovery key has {TEXT_LEN} letters and digits ({} groups of {GROUP}); \
                 this one has {}",
                TEXT_LEN / GROUP,
                symbols.len()
            )));
        }
        let data = Zeroizing::new(from_base32(&symbols));
        let (key, check) = data.split_at(KEY_LEN);
        if crc24(key).to_be_bytes()[1..] != *check {
            return Err(typo(
                "the recovery key has a typo: compare each group with the one written down".into(),
            ));
        }
        let mut bytes = [0u8; KEY_LEN];
        bytes.copy_from_slice(key);
        let key = Self(bytes);
        bytes.zeroize();
        Ok(key)
    }

    /// Reads a key file: a text file holding the recovery key (as `write_key_file` writes it).
    pub fn read_key_file(path: &Path) -> CoreResult<Self> {
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            CoreError::invalid(
                KEY_FILE_FIELD,
                format!("the key file {} cannot be read ({e})", path.display()),
            )
        })?);
        Self::from_recovery_text(&text).map_err(|error| match error {
            CoreError::InvalidInput(problem) => CoreError::invalid(
                KEY_FILE_FIELD,
                format!("in the key file {}: {}", path.display(), problem.message),
            ),
            other => other,
        })
    }

    /// Writes the recovery key to a new file readable by its owner only. An existing file is
    /// never replaced: it may hold the only copy of another database's key.
    pub fn write_key_file(&self, path: &Path) -> CoreResult<()> {
        let failed = |e: std::io::Error| {
            CoreError::invalid(
                KEY_FILE_FIELD,
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    format!(
                        "{} already exists; a key file is never written over",
                        path.display()
                    )
                } else {
                    format!("the key file {} cannot be written ({e})", path.display())
                },
            )
        };
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(failed)?;
        let text = Zeroizing::new(format!("{}\n", self.recovery_text()));
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(failed)
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn typo(message: String) -> CoreError {
    CoreError::invalid(RECOVERY_FIELD, message)
}

fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .and_then(|p| u8::try_from(p).ok())
}

/// Five-bit symbols, most significant bits first; `bytes.len() * 8` must divide by 5.
fn to_base32(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 8 / 5);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((buffer >> bits) & 0x1f) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    buffer.zeroize();
    out
}

fn from_base32(symbols: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(symbols.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &symbol in symbols {
        buffer = (buffer << 5) | u32::from(symbol);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    buffer.zeroize();
    out
}

/// CRC-24 as in OpenPGP (RFC 4880, section 6.1).
fn crc24(bytes: &[u8]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE;
    for &byte in bytes {
        crc ^= u32::from(byte) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x0100_0000 != 0 {
                crc ^= 0x0186_4CFB;
            }
        }
    }
    crc & 0x00FF_FFFF
}

/// Opens an existing database with the key this computer's keychain holds for it.
/// `KeyMissing` when there is none: the caller asks for the recovery key (`restore_access`).
pub async fn open_with_keychain(path: &Path) -> CoreResult<Database> {
    // A missing file is the clearer message, and needs no keychain to tell.
    if std::fs::symlink_metadata(path).is_err() {
        return Err(CoreError::Unavailable {
            path: path.display().to_string(),
            reason: "there is no database file there".into(),
        });
    }
    let owned = path.to_path_buf();
    let key = blocking(move || keychain::load_database_key(&owned))
        .await?
        .ok_or_else(|| CoreError::KeyMissing {
            path: path.display().to_string(),
        })?;
    Database::open(path, &key).await
}

/// Creates a new database with a new key kept in the keychain, and returns the key so the
/// caller can show its recovery text once. The key is stored before the file exists: a crash
/// in between leaves an unused keychain entry, never a database nobody can open.
pub async fn create_with_keychain(path: &Path) -> CoreResult<(Database, DatabaseKey)> {
    crate::db::refuse_existing(path)?;
    let key = DatabaseKey::generate();
    let (owned, stored) = (path.to_path_buf(), key.clone());
    blocking(move || keychain::replace_database_key(&owned, &stored)).await?;
    match Database::create(path, &key).await {
        Ok(db) => Ok((db, key)),
        Err(error) => {
            if !path.exists() {
                let owned = path.to_path_buf();
                if let Err(e) = blocking(move || keychain::forget_database_key(&owned)).await {
                    tracing::warn!(error = %e, "cannot remove the unused keychain entry");
                }
            }
            Err(error)
        }
    }
}

/// Opens a database with its recovery key and, once the key has proved right, keeps it in the
/// keychain so the next start needs nothing typed.
pub async fn restore_access(path: &Path, recovery_text: &str) -> CoreResult<Database> {
    let key = DatabaseKey::from_recovery_text(recovery_text)?;
    let db = Database::open(path, &key).await?;
    let owned = db.path().to_path_buf();
    if let Err(error) = blocking(move || keychain::replace_database_key(&owned, &key)).await {
        db.close().await;
        return Err(error);
    }
    Ok(db)
}

/// Keychain calls block on D-Bus or the OS (and may wait for an unlock prompt): keep them off
/// the async worker threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CoreResult<T> + Send + 'static,
) -> CoreResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| CoreError::Keychain {
            reason: format!("the keychain call did not finish ({e})"),
        })?
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_recovery_text_reads_back_as_the_same_key() {
        for _ in 0..50 {
            let key = DatabaseKey::generate();
            let text = key.recovery_text();
            assert_eq!(text.len(), 56 + 13);
            assert_eq!(text.split('-').count(), 14);
            assert_eq!(DatabaseKey::from_recovery_text(&text).unwrap(), key);
        }
    }

    #[test]
    fn spaces_dashes_case_and_lookalike_letters_are_tolerated() {
        let key = DatabaseKey::generate();
        let text = key.recovery_text();
        let typed = text.replace('-', " ").to_lowercase();
        assert_eq!(DatabaseKey::from_recovery_text(&typed).unwrap(), key);
        let squashed: String = text.chars().filter(|c| *c != '-').collect();
        let lookalikes = squashed.replace('0', "O").replace('1', "l");
        assert_eq!(
            DatabaseKey::from_recovery_text(&format!("  {lookalikes}\n")).unwrap(),
            key
        );
    }

    #[test]
    fn every_single_wrong_character_is_reported_as_a_typo() {
        let key = DatabaseKey::generate();
        let text: Vec<char> = key.recovery_text().chars().collect();
        for i in (0..text.len()).filter(|i| text[*i] != '-') {
            for replacement in ALPHABET.iter().map(|b| char::from(*b)) {
                if replacement == text[i] {
                    continue;
                }
                let mut typo = text.clone();
                typo[i] = replacement;
                let typo: String = typo.into_iter().collect();
                let error = DatabaseKey::from_recovery_text(&typo).unwrap_err();
                assert!(
                    error.user_message().contains("has a typo"),
                    "{}",
                    error.user_message()
                );
                assert_eq!(error.fields()[0].field, RECOVERY_FIELD);
            }
        }
    }

    #[test]
    fn swapped_neighbours_a_missing_group_and_foreign_letters_are_reported() {
        let key = DatabaseKey::generate();
        let text = key.recovery_text();
        let symbols: Vec<char> = text.chars().filter(|c| *c != '-').collect();
        for i in 0..symbols.len() - 1 {
            if symbols[i] == symbols[i + 1] {
                continue;
            }
            let mut swapped = symbols.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            let message = DatabaseKey::from_recovery_text(&swapped)
                .unwrap_err()
                .user_message();
            assert!(message.contains("has a typo"), "{message}");
        }
        let message = DatabaseKey::from_recovery_text(&text[5..])
            .unwrap_err()
            .user_message();
        assert!(message.contains("has 56 letters and digits"), "{message}");
        let message = DatabaseKey::from_recovery_text(&text.replacen('-', "U", 1))
            .unwrap_err()
            .user_message();
        assert!(message.contains("has a typo"), "{message}");
    }

    #[test]
    fn debug_output_never_shows_the_bytes() {
        let key = DatabaseKey::from_slice(&[0xAB; KEY_LEN]).unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.to_lowercase().contains("abab"), "{shown}");
        assert!(key.sqlcipher_pragma().starts_with("\"x'abab"));
        assert_eq!(key.sqlcipher_pragma().len(), 64 + 5);
    }

    #[test]
    fn a_key_file_is_private_new_and_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.key");
        let key = DatabaseKey::generate();
        key.write_key_file(&path).unwrap();
        assert_eq!(DatabaseKey::read_key_file(&path).unwrap(), key);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let before = std::fs::read(&path).unwrap();
        let error = DatabaseKey::generate().write_key_file(&path).unwrap_err();
        assert!(error.user_message().contains("never written over"));
        assert_eq!(std::fs::read(&path).unwrap(), before);

        std::fs::write(&path, "not a key").unwrap();
        let error = DatabaseKey::read_key_file(&path).unwrap_err();
        assert_eq!(error.fields()[0].field, KEY_FILE_FIELD);
        let error = DatabaseKey::read_key_file(&dir.path().join("missing")).unwrap_err();
        assert!(error.user_message().contains("cannot be read"));
    }

    #[test]
    fn crc24_matches_the_openpgp_reference_value() {
        // RFC 4880's CRC-24 of "123456789".
        assert_eq!(crc24(b"123456789"), 0x21CF02);
    }
}
