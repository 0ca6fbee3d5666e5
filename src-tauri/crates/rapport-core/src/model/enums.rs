//! Closed vocabularies of the domain. Stored as their snake_case names.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type, sqlx::Type)]
        #[serde(rename_all = "snake_case")]
        #[sqlx(type_name = "TEXT", rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// The contact types of the creation procedure's first step.
    ContactType { Primary = "primary", Billing = "billing", Operations = "operations", Emergency = "emergency", Other = "other" }
);
vocabulary!(
    /// Active, inactive (deactivated with a reason) or archived (administrators only).
    ContactStatus { Active = "active", Inactive = "inactive", Archived = "archived" }
);
vocabulary!(
    LifecycleStage { Lead = "lead", Prospect = "prospect", ActiveCustomer = "active_customer", Former = "former" }
);
vocabulary!(Priority { High = "high", Medium = "medium", Low = "low" });
vocabulary!(
    /// Communication channels for preferences and consent.
    ContactChannel { Email = "email", Phone = "phone", Sms = "sms", Post = "post" }
);
vocabulary!(EmailKind { Business = "business", Alternate = "alternate", Personal = "personal" });
vocabulary!(PhoneKind {
    Office = "office",
    Mobile = "mobile",
    Home = "home",
    Fax = "fax",
    Pager = "pager",
    Other = "other",
});
vocabulary!(AddressKind { Mailing = "mailing", Site = "site", Home = "home" });
vocabulary!(AccountKind { Private = "private", Business = "business" });
vocabulary!(
    /// What a user may do, and where (see `access::role` for the matrix).
    Role {
        SiteAdmin = "site_admin",
        RegionalManager = "regional_manager",
        TerritoryManager = "territory_manager",
        BillingAdmin = "billing_admin",
    }
);
vocabulary!(
    /// A contact's role at a site. "billing" puts the contact in billing administrators' scope.
    SiteRole {
        SiteManager = "site_manager",
        Billing = "billing",
        Operations = "operations",
        Emergency = "emergency",
        Liaison = "liaison",
        Other = "other",
    }
);

vocabulary!(
    /// How an interaction took place. Notes are internal records, not contact with the person.
    InteractionChannel { Email = "email", Call = "call", Meeting = "meeting", Note = "note", Sms = "sms" }
);
vocabulary!(
    /// What an interaction was about (the seed's engagement types).
    InteractionCategory {
        Strategic = "strategic",
        Technical = "technical",
        Operational = "operational",
        Commercial = "commercial",
        Support = "support",
        Other = "other",
    }
);
vocabulary!(
    /// Outbound: we reached out; inbound: the contact did.
    Direction { Inbound = "inbound", Outbound = "outbound" }
);
vocabulary!(FollowUpPriority { Low = "low", Normal = "normal", High = "high", Urgent = "urgent" });
vocabulary!(FollowUpStatus { Open = "open", Done = "done", Cancelled = "cancelled" });
vocabulary!(
    /// Who an escalation has reached, in the order of the chain.
    EscalationLevel {
        Owner = "owner",
        TerritoryManager = "territory_manager",
        RegionalManager = "regional_manager",
        SiteAdmin = "site_admin",
    }
);
vocabulary!(
    /// Why a contact was marked non-responsive.
    EscalationReason { UnansweredAttempts = "unanswered_attempts", NoResponse = "no_response" }
);

/// What a new, empty form starts with.
macro_rules! default_variant {
    ($($name:ident => $variant:ident),+ $(,)?) => {
        $(impl Default for $name {
            fn default() -> Self {
                $name::$variant
            }
        })+
    };
}

default_variant!(
    ContactType => Primary,
    LifecycleStage => ActiveCustomer,
    Priority => Medium,
    EmailKind => Business,
    PhoneKind => Office,
    AddressKind => Mailing,
    SiteRole => Operations,
    FollowUpPriority => Normal,
);

vocabulary!(
    /// A group inside an account's map: a level (Executive, Project, Support) or a team.
    GroupKind { Level = "level", Team = "team" }
);
vocabulary!(
    /// How often a communication flow is expected to happen.
    FlowFrequency {
        Daily = "daily",
        Weekly = "weekly",
        Fortnightly = "fortnightly",
        Monthly = "monthly",
        Quarterly = "quarterly",
        AsNeeded = "as_needed",
    }
);
