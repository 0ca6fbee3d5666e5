//! Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s steps, one step of skew), the
//! enrolment QR code, and recovery codes.

use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::error::{CoreError, CoreResult};

pub const STEP_SECONDS: u64 = 30;
const ISSUER: &str = "Rapport";
pub const RECOVERY_CODES: usize = 10;

fn totp(secret_base32: &str, account: &str) -> CoreResult<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|_| CoreError::invalid("totp", "the stored secret is damaged"))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        bytes,
        Some(ISSUER.into()),
        account.to_string(),
    )
    .map_err(|e| CoreError::invalid("totp", format!("the secret cannot be used ({e})")))
}

/// A new random secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => String::new(),
    }
}

/// The `otpauth://` address authenticator apps read from the QR code.
pub fn enrolment_url(secret_base32: &str, account: &str) -> CoreResult<String> {
    Ok(totp(secret_base32, account)?.get_url())
}

/// The enrolment QR code as an SVG document.
pub fn qr_svg(url: &str) -> CoreResult<String> {
    let code = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| CoreError::invalid("totp", format!("QR code failed ({e})")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// The step a valid `code` belongs to at `unix_seconds` (one step of skew either way), if it
/// is later than `last_step`: a code already used is refused even while it is still current.
pub fn accept(
    secret_base32: &str,
    code: &str,
    unix_seconds: u64,
    last_step: Option<u64>,
) -> CoreResult<Option<u64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let generator = totp(secret_base32, "")?;
    let now = unix_seconds / STEP_SECONDS;
    let found = [now.saturating_sub(1), now, now + 1]
        .into_iter()
        .filter(|step| last_step.is_none_or(|last| *step > last))
        .find(|step| constant_time_eq(&generator.generate(step * STEP_SECONDS), &code));
    Ok(found)
}

/// The code for `unix_seconds` (tests and the demo's authenticator hint use it).
pub fn code_at(secret_base32: &str, unix_seconds: u64) -> CoreResult<String> {
    Ok(totp(secret_base32, "")?.generate(unix_seconds))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Ten codes like `7KQ2-M9XD`, from an alphabet without look-alike characters.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..8)
                .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &chars[..4], &chars[4..])
        })
        .collect()
}

/// Recovery codes are stored hashed; they are random enough that a plain digest suffices.
pub fn recovery_code_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    hex(&Sha256::digest(normal.as_bytes()))
}

pub fn looks_like_recovery_code(code: &str) -> bool {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).count() == 8
        && code.chars().any(|c| c.is_ascii_alphabetic())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_the_rfc_vectors() {
        assert_eq!(code_at(RFC_SECRET, 59).ok().as_deref(), Some("287082"));
        assert_eq!(
            code_at(RFC_SECRET, 1111111109).ok().as_deref(),
            Some("081804")
        );
        assert_eq!(
            code_at(RFC_SECRET, 2000000000).ok().as_deref(),
            Some("279037")
        );
    }

    #[test]
    fn one_step_of_skew_and_no_replay() {
        let t = 1_111_111_109;
        let now = t / STEP_SECONDS;
        let code = code_at(RFC_SECRET, t).unwrap_or_default();
        assert_eq!(accept(RFC_SECRET, &code, t, None).ok(), Some(Some(now)));
        assert_eq!(
            accept(RFC_SECRET, &code, t + 30, None).ok(),
            Some(Some(now))
        );
        assert_eq!(accept(RFC_SECRET, &code, t + 60, None).ok(), Some(None));
        assert_eq!(
            accept(RFC_SECRET, &code, t, Some(now)).ok(),
            Some(None),
            "replayed"
        );
        assert_eq!(accept(RFC_SECRET, "12a456", t, None).ok(), Some(None));
    }

    #[test]
    fn recovery_codes_are_distinct_and_hash_ignoring_case_and_dashes() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert!(codes.iter().all(|c| looks_like_recovery_code(c)));
        assert_eq!(
            recovery_code_hash(&codes[0]),
            recovery_code_hash(&codes[0].to_lowercase().replace('-', " "))
        );
    }
}
