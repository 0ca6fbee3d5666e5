//! Signing in from the command line, like the app: a user name, a password from
//! `RAPPORT_PASSWORD` (for scripts) or a prompt, and `RAPPORT_TOTP` when the account has an
//! authenticator.

use std::io::IsTerminal;

use chrono::Utc;
use rapport_core::access::signin::{self, Credentials};
use rapport_core::access::Actor;
use rapport_core::{CoreError, Database};

pub const PASSWORD_VAR: &str = "RAPPORT_PASSWORD";
pub const TOTP_VAR: &str = "RAPPORT_TOTP";

/// The password from the environment, else typed at a prompt that does not echo.
pub fn password(prompt: &str) -> anyhow::Result<String> {
    if let Ok(password) = std::env::var(PASSWORD_VAR) {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("no password: set {PASSWORD_VAR} or run the command in a terminal");
    }
    Ok(rpassword::prompt_password(prompt)?)
}

/// A new password, typed twice when prompted.
pub fn new_password(prompt: &str) -> anyhow::Result<String> {
    if let Ok(password) = std::env::var(PASSWORD_VAR) {
        return Ok(password);
    }
    let first = password(prompt)?;
    let again = rpassword::prompt_password("Repeat the password: ")?;
    if first != again {
        anyhow::bail!("the two passwords differ");
    }
    Ok(first)
}

pub async fn sign_in(db: &Database, user: &str) -> anyhow::Result<Actor> {
    let password = password(&format!("Password for {user}: "))?;
    let code = std::env::var(TOTP_VAR).ok();
    let attempt = |code| Credentials {
        username: user,
        password: &password,
        code,
    };
    match signin::sign_in(db, attempt(code.as_deref()), Utc::now()).await {
        Err(CoreError::TotpRequired) if code.is_none() && std::io::stdin().is_terminal() => {
            let typed = rpassword::prompt_password("One-time code: ")?;
            Ok(signin::sign_in(db, attempt(Some(&typed)), Utc::now()).await?)
        }
        other => Ok(other?),
    }
}
