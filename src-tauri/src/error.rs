//! The one error type that crosses IPC: a machine code the UI acts on, a message for people, and
//! field problems to show next to their fields.

use rapport_core::{CoreError, FieldProblem};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Unavailable,
    Internal,
    KeyMissing,
    KeyRejected,
    KeychainUnavailable,
    Unauthenticated,
    SignInRefused,
    TotpRequired,
    AccountLocked,
    Forbidden,
    /// Saved against a stale version: reload, review, reapply.
    Conflict,
    /// A significant change needs a justification and an approval.
    JustificationRequired,
    /// The session locked itself after the idle time; the password unlocks it.
    SessionLocked,
    /// The user stopped a bulk action; nothing was changed, so the UI says so without alarm.
    Cancelled,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldProblem>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// Names the form field a message belongs to, so the UI shows it there.
    pub fn with_field(mut self, field: &str) -> Self {
        if self.fields.is_empty() {
            self.fields
                .push(FieldProblem::new(field, self.message.clone()));
        }
        self
    }
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> Self {
        let code = match &error {
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::InvalidInput(_) | CoreError::InvalidFields(_) => ErrorCode::InvalidInput,
            CoreError::Conflict { .. } | CoreError::Changed { .. } => ErrorCode::Conflict,
            CoreError::JustificationRequired { .. } => ErrorCode::JustificationRequired,
            CoreError::Unavailable { .. } => ErrorCode::Unavailable,
            CoreError::Database(_) | CoreError::Migration(_) => {
                tracing::error!(error = ?error, "database failure");
                ErrorCode::Internal
            }
            CoreError::KeyMissing { .. } => ErrorCode::KeyMissing,
            CoreError::KeyRejected { .. } => ErrorCode::KeyRejected,
            CoreError::Keychain { .. } => ErrorCode::KeychainUnavailable,
            CoreError::Unauthenticated => ErrorCode::Unauthenticated,
            CoreError::SignInRefused { .. } => ErrorCode::SignInRefused,
            CoreError::TotpRequired => ErrorCode::TotpRequired,
            CoreError::AccountLocked { .. } => ErrorCode::AccountLocked,
            CoreError::Forbidden { .. } => ErrorCode::Forbidden,
            CoreError::Cancelled => ErrorCode::Cancelled,
        };
        Self {
            code,
            message: error.user_message(),
            fields: error.fields(),
        }
    }
}
