//! The core's error type. Each variant maps to one machine code the UI and scripts can act on;
//! database internals stay in the log and never reach a user.

use serde::Serialize;

pub type CoreResult<T> = Result<T, CoreError>;

/// A problem with one named input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },
    #[error("{}: {}", .0.field, .0.message)]
    InvalidInput(FieldProblem),
    /// Several fields of one form are wrong; each is shown beside its field.
    #[error("{} fields need attention", .0.len())]
    InvalidFields(Vec<FieldProblem>),
    /// The record changed since the caller read it (optimistic locking): nothing was saved.
    #[error("the record changed meanwhile (now version {current_version})")]
    Conflict { current_version: u32 },
    /// Something changed since the caller's view of it (an undo of an edit made before other
    /// edits): nothing was changed. The message says what.
    #[error("changed meanwhile: {message}")]
    Changed { message: String },
    /// A significant change needs a business justification and an approval before it saves.
    #[error("a justification is required for {}", .fields.join(", "))]
    JustificationRequired { fields: Vec<String> },
    #[error("the database at {path} cannot be used: {reason}")]
    Unavailable { path: String, reason: String },
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("database schema upgrade failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// No key for this database on this computer: the recovery key restores access.
    #[error("no key for the database at {path}")]
    KeyMissing { path: String },
    /// A key was given but it does not open this database.
    #[error("the key does not open the database at {path}")]
    KeyRejected { path: String },
    /// The OS keychain cannot be used; Rapport never falls back to storing keys in plain text.
    #[error("the keychain cannot be used: {reason}")]
    Keychain { reason: String },
    /// No signed-in user, or the session is locked.
    #[error("not signed in")]
    Unauthenticated,
    /// Wrong name or password (never says which), or a wrong or used one-time code.
    #[error("sign-in refused: {reason}")]
    SignInRefused { reason: String },
    /// The password was right; a one-time code is needed too.
    #[error("a one-time code is required")]
    TotpRequired,
    /// Too many failed sign-ins (`lockout`), or a short back-off after the last failure.
    #[error("account locked for {seconds} s")]
    AccountLocked { seconds: u64, lockout: bool },
    /// The user's role does not allow this action at all (out-of-scope records are `NotFound`).
    #[error("{action} is not allowed for this role")]
    Forbidden { action: String },
    /// The user stopped a long action before it finished; it was rolled back whole.
    #[error("cancelled")]
    Cancelled,
}

impl CoreError {
    pub fn not_found(entity: &'static str, id: impl Into<String>) -> Self {
        Self::NotFound {
            entity,
            id: id.into(),
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InvalidInput(FieldProblem::new(field, message))
    }

    /// The stable machine code for this error (documented in the README; scripts rely on it).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound { .. } => "not_found",
            Self::InvalidInput(_) | Self::InvalidFields(_) => "invalid_input",
            Self::Conflict { .. } | Self::Changed { .. } => "conflict",
            Self::JustificationRequired { .. } => "justification_required",
            Self::Unavailable { .. } => "unavailable",
            Self::Database(_) | Self::Migration(_) => "internal",
            Self::KeyMissing { .. } => "key_missing",
            Self::KeyRejected { .. } => "key_rejected",
            Self::Keychain { .. } => "keychain_unavailable",
            Self::Unauthenticated => "unauthenticated",
            Self::SignInRefused { .. } => "sign_in_refused",
            Self::TotpRequired => "totp_required",
            Self::AccountLocked { .. } => "account_locked",
            Self::Forbidden { .. } => "forbidden",
            Self::Cancelled => "cancelled",
        }
    }

    /// Field problems to show next to the fields they concern.
    pub fn fields(&self) -> Vec<FieldProblem> {
        match self {
            Self::InvalidInput(problem) => vec![problem.clone()],
            Self::InvalidFields(problems) => problems.clone(),
            Self::JustificationRequired { fields } => fields
                .iter()
                .map(|f| FieldProblem::new(f.as_str(), "is a significant change"))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A message fit for a person: never database text.
    pub fn user_message(&self) -> String {
        match self {
            Self::NotFound { entity, .. } => format!("This {entity} does not exist."),
            Self::InvalidInput(problem) => format!("{}: {}", problem.field, problem.message),
            Self::InvalidFields(problems) => match problems.as_slice() {
                [one] => format!("{}: {}", one.field, one.message),
                many => format!("{} fields need attention.", many.len()),
            },
            Self::Conflict { .. } => "Someone else saved this contact after you opened it. \
                Nothing of yours was saved: review their changes and apply yours again."
                .into(),
            Self::Changed { message } => message.clone(),
            Self::JustificationRequired { fields } => format!(
                "Changing {} is a significant change: record the business justification and \
                 who approved it.",
                fields.join(", ")
            ),
            Self::Unavailable { path, reason } => {
                format!("The database at {path} cannot be opened: {reason}")
            }
            Self::Database(_) | Self::Migration(_) => {
                "Rapport could not read or write its database. The details are in the log.".into()
            }
            Self::KeyMissing { path } => format!(
                "This computer's keychain holds no key for the database at {path}. \
                 Enter its recovery key to restore access."
            ),
            Self::KeyRejected { path } => {
                format!("The key does not open the database at {path}.")
            }
            Self::Keychain { reason } => format!(
                "The system keychain cannot be used ({reason}). Rapport keeps database keys \
                 only there; unlock or start the keychain and try again."
            ),
            Self::Unauthenticated => "Sign in to continue.".into(),
            Self::SignInRefused { reason } => reason.clone(),
            Self::TotpRequired => "Enter the 6-digit code from your authenticator app.".into(),
            Self::AccountLocked {
                seconds,
                lockout: true,
            } => format!(
                "Too many failed sign-ins. This account is locked for {} more minutes, \
                 or until an administrator unlocks it.",
                seconds.div_ceil(60)
            ),
            Self::AccountLocked { seconds: 1, .. } => {
                "Too many failed sign-ins. Try again in a second.".into()
            }
            Self::AccountLocked { seconds, .. } => {
                format!("Too many failed sign-ins. Try again in {seconds} seconds.")
            }
            Self::Forbidden { action } => format!("Your role does not allow you to {action}."),
            Self::Cancelled => "Cancelled: nothing was changed.".into(),
        }
    }
}
