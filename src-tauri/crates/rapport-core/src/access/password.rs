//! Password hashing with argon2id at OWASP's recommended minimum cost (19 MiB, 2 passes).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{CoreError, CoreResult};

const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;
pub const MIN_LENGTH: usize = 10;

fn hasher() -> CoreResult<Argon2<'static>> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None)
        .map_err(|e| CoreError::invalid("password", format!("cannot be hashed ({e})")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Refuses passwords too weak to protect personal data.
pub fn check_strength(field: &str, password: &str, username: &str) -> CoreResult<()> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(CoreError::invalid(
            field,
            format!("must be at least {MIN_LENGTH} characters long"),
        ));
    }
    if length > 1024 {
        return Err(CoreError::invalid(field, "must be at most 1024 characters"));
    }
    if !username.is_empty() && password.to_lowercase().contains(&username.to_lowercase()) {
        return Err(CoreError::invalid(field, "must not contain the user name"));
    }
    Ok(())
}

pub fn hash(password: &str) -> CoreResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::invalid("password", format!("cannot be hashed ({e})")))
}

/// True when `password` matches the stored hash. The parameters come from the hash itself, so
/// older hashes keep verifying after the cost is raised.
pub fn verify(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// Spends the same time as a real verification, so an unknown user name cannot be told apart
/// from a wrong password by timing.
pub fn verify_nothing(password: &str) {
    if let Ok(h) = hasher() {
        let salt = SaltString::generate(&mut OsRng);
        let _ = h.hash_password(password.as_bytes(), &salt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_minimum_cost_and_verify() {
        let stored = hash("correct horse battery").unwrap_or_default();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn weak_passwords_are_refused_with_the_field_named() {
        let error = check_strength("newPassword", "short", "sam").err();
        assert_eq!(
            error.map(|e| e.fields()[0].field.clone()),
            Some("newPassword".into())
        );
        assert!(check_strength("password", "sam-is-my-name-ok", "Sam").is_err());
        assert!(check_strength("password", "a long enough phrase", "sam").is_ok());
    }
}
