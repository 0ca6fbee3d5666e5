//! The permission matrix: which actions each role may take, and over which contacts.
//!
//! | action                                   | site admin | regional mgr | territory mgr | billing admin    |
//! |------------------------------------------|------------|--------------|---------------|------------------|
//! | view, search, export contacts            | all        | region       | territory     | billing contacts |
//! | create, edit, log interactions           | all        | region       | territory     | billing contacts |
//! | deactivate / reactivate                  | all        | region       | territory     | no               |
//! | read archived, erase, set retention      | yes        | no           | no            | no               |
//! | import                                   | yes        | into region  | into territory| no               |
//! | merge duplicates                         | yes        | region       | territory     | no               |
//! | users, regions, territories, accounts, sites, audit, backups | yes | no | no       | no               |
//!
//! "Within scope" is [`crate::access::scope`]: the SQL that limits every contact query.

use serde::Serialize;

use crate::model::Role;

/// Something a user asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    ViewContacts,
    EditContacts,
    Deactivate,
    Archived,
    Import,
    Merge,
    Administer,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::ViewContacts,
        Action::EditContacts,
        Action::Deactivate,
        Action::Archived,
        Action::Import,
        Action::Merge,
        Action::Administer,
    ];

    /// Words for "Your role does not allow you to ...".
    pub fn describe(self) -> &'static str {
        match self {
            Action::ViewContacts => "view contacts",
            Action::EditContacts => "create or edit contacts",
            Action::Deactivate => "deactivate or reactivate contacts",
            Action::Archived => "read archived contacts, erase people or set retention",
            Action::Import => "import contacts",
            Action::Merge => "merge duplicates",
            Action::Administer => "administer users, the organisation, the audit trail or backups",
        }
    }
}

/// How far a permission reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Not allowed.
    None,
    /// Allowed for contacts within the user's scope.
    Scope,
    /// Allowed everywhere (site administrators).
    All,
}

/// The matrix above, as code. Every core entry point asks it before touching data.
pub fn reach(role: Role, action: Action) -> Reach {
    use Action::*;
    match (role, action) {
        (Role::SiteAdmin, _) => Reach::All,
        (_, Archived | Administer) => Reach::None,
        (Role::BillingAdmin, ViewContacts | EditContacts) => Reach::Scope,
        (Role::BillingAdmin, _) => Reach::None,
        (Role::RegionalManager | Role::TerritoryManager, _) => Reach::Scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billing_administrators_only_view_and_edit() {
        let allowed: Vec<Action> = Action::ALL
            .iter()
            .copied()
            .filter(|a| reach(Role::BillingAdmin, *a) != Reach::None)
            .collect();
        assert_eq!(allowed, [Action::ViewContacts, Action::EditContacts]);
    }

    #[test]
    fn only_site_administrators_administer_or_read_archived() {
        for role in Role::ALL {
            let expected = if *role == Role::SiteAdmin {
                Reach::All
            } else {
                Reach::None
            };
            assert_eq!(reach(*role, Action::Administer), expected);
            assert_eq!(reach(*role, Action::Archived), expected);
        }
    }
}
