//! The SQL that limits contact queries to what a user may see. It is part of the query itself,
//! so search, counts, pages and exports agree and nothing is filtered after the fact.

use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use crate::error::CoreResult;

use crate::access::Actor;
use crate::model::Role;

/// Appends ` AND (...)` restricting the contacts aliased `c` to the actor's scope.
///
/// Regional and territory scope follow a contact's sites; a contact with no site yet is seen by
/// site administrators only. Archived contacts are for site administrators only.
pub fn push_contact_scope(builder: &mut QueryBuilder<'_, Sqlite>, actor: &Actor) {
    match actor.role() {
        Role::SiteAdmin => {}
        Role::RegionalManager => {
            builder
                .push(
                    " AND c.status <> 'archived' AND EXISTS (SELECT 1 FROM contact_sites cs
                      JOIN sites s ON s.id = cs.site_id
                      JOIN territories t ON t.id = s.territory_id
                      JOIN user_regions ur ON ur.region_id = t.region_id AND ur.user_id = ",
                )
                .push_bind(actor.user_id())
                .push(" WHERE cs.contact_id = c.id)");
        }
        Role::TerritoryManager => {
            builder
                .push(
                    " AND c.status <> 'archived' AND EXISTS (SELECT 1 FROM contact_sites cs
                      JOIN sites s ON s.id = cs.site_id
                      JOIN user_territories ut ON ut.territory_id = s.territory_id
                          AND ut.user_id = ",
                )
                .push_bind(actor.user_id())
                .push(" WHERE cs.contact_id = c.id)");
        }
        Role::BillingAdmin => {
            builder.push(
                " AND c.status <> 'archived' AND EXISTS (SELECT 1 FROM contact_sites cs
                  WHERE cs.contact_id = c.id
                      AND (c.contact_type = 'billing' OR cs.role = 'billing'))",
            );
        }
    }
}

/// A boolean SQL expression over a site `s` and its territory `t`: may the actor put contacts
/// there? Billing administrators' scope is a kind of contact, not a place, so any site.
pub fn push_site_in_scope(builder: &mut QueryBuilder<'_, Sqlite>, actor: &Actor) {
    match actor.role() {
        Role::SiteAdmin | Role::BillingAdmin => {
            builder.push("1");
        }
        Role::RegionalManager => {
            builder
                .push("(t.region_id IN (SELECT region_id FROM user_regions WHERE user_id = ")
                .push_bind(actor.user_id())
                .push("))");
        }
        Role::TerritoryManager => {
            builder
                .push(
                    "(s.territory_id IN (SELECT territory_id FROM user_territories WHERE user_id = ",
                )
                .push_bind(actor.user_id())
                .push("))");
        }
    }
}

/// The "unassigned" view: contacts with no site yet (site administrators only).
pub fn push_unassigned(builder: &mut QueryBuilder<'_, Sqlite>) {
    builder.push(" AND NOT EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id)");
}

/// The scope as a `contact_words` expression, ANDed with a search so the index intersects the
/// posting lists (a territory manager seeing 1% of contacts does not walk the other 99%).
/// `None` for site administrators. The SQL scope above still applies to every row.
pub async fn search_scope(pool: &SqlitePool, actor: &Actor) -> CoreResult<Option<String>> {
    let (prefix, ids): (&str, Vec<i64>) = match actor.role() {
        Role::SiteAdmin => return Ok(None),
        Role::BillingAdmin => return Ok(Some("(scope : billing NOT scope : archived)".into())),
        Role::RegionalManager => (
            "r",
            sqlx::query_scalar("SELECT region_id FROM user_regions WHERE user_id = ?")
                .bind(actor.user_id())
                .fetch_all(pool)
                .await?,
        ),
        Role::TerritoryManager => (
            "t",
            sqlx::query_scalar("SELECT territory_id FROM user_territories WHERE user_id = ?")
                .bind(actor.user_id())
                .fetch_all(pool)
                .await?,
        ),
    };
    // A manager with nothing assigned sees nothing: a token no document holds.
    let tokens = if ids.is_empty() {
        "nothing".to_string()
    } else {
        ids.iter()
            .map(|id| format!("{prefix}{id}"))
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    Ok(Some(format!("(scope : ({tokens}) NOT scope : archived)")))
}
