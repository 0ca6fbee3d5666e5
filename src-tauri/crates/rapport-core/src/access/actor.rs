//! The signed-in user every core entry point acts for.

use serde::Serialize;

use crate::access::role::{reach, Action, Reach};
use crate::error::{CoreError, CoreResult};
use crate::model::Role;

/// A user who has signed in. Only [`crate::access::signin`] makes one, so holding an `Actor`
/// is proof of a successful sign-in; the core never takes a bare user id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    user_id: i64,
    username: String,
    display_name: String,
    role: Role,
}

impl Actor {
    pub(crate) fn new(user_id: i64, username: String, display_name: String, role: Role) -> Self {
        Self {
            user_id,
            username,
            display_name,
            role,
        }
    }

    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn username(&self) -> &str {
        &self.username
    }

    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// How far `action` reaches for this user; `Forbidden` when not at all. Callers audit the
    /// denial through [`crate::access::authorize`].
    pub fn reach(&self, action: Action) -> CoreResult<Reach> {
        match reach(self.role, action) {
            Reach::None => Err(CoreError::Forbidden {
                action: action.describe().into(),
            }),
            reach => Ok(reach),
        }
    }

    /// What the UI shows about the signed-in user.
    pub fn profile(&self) -> UserProfile {
        UserProfile {
            id: self.user_id.to_string(),
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            permissions: Action::ALL
                .iter()
                .map(|a| Permission {
                    action: *a,
                    reach: reach(self.role, *a),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    pub action: Action,
    pub reach: Reach,
}

/// The signed-in user as the UI sees them: it hides what the role cannot use, while the core
/// still refuses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserProfile {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub permissions: Vec<Permission>,
}
