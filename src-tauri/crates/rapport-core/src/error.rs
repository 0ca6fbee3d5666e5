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
    #[error("the database at {path} cannot be used: {reason}")]
    Unavailable { path: String, reason: String },
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("database schema upgrade failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
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
            Self::InvalidInput(_) => "invalid_input",
            Self::Unavailable { .. } => "unavailable",
            Self::Database(_) | Self::Migration(_) => "internal",
        }
    }

    /// Field problems to show next to the fields they concern.
    pub fn fields(&self) -> Vec<FieldProblem> {
        match self {
            Self::InvalidInput(problem) => vec![problem.clone()],
            _ => Vec::new(),
        }
    }

    /// A message fit for a person: never database text.
    pub fn user_message(&self) -> String {
        match self {
            Self::NotFound { entity, .. } => format!("This {entity} does not exist."),
            Self::InvalidInput(problem) => format!("{}: {}", problem.field, problem.message),
            Self::Unavailable { path, reason } => {
                format!("The database at {path} cannot be opened: {reason}")
            }
            Self::Database(_) | Self::Migration(_) => {
                "Rapport could not read or write its database. The details are in the log.".into()
            }
        }
    }
}
