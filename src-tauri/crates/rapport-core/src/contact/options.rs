//! Choices the contact form offers: sites to associate (with whether the user may use them) and
//! users who can own a contact.

use sqlx::{QueryBuilder, Sqlite};

use crate::access::scope::push_site_in_scope;
use crate::access::{authorize, Action, Actor};
use crate::error::CoreResult;
use crate::model::{AccountKind, OwnerOption, SiteOption};
use crate::Database;

/// Sites whose site, account, territory or region name contains `query` (all when empty),
/// sites the user may use first. Sites are not personal data, so out-of-scope ones are listed
/// too: the form explains why they cannot be chosen instead of hiding them.
pub async fn search_sites(
    db: &Database,
    actor: &Actor,
    query: &str,
    limit: u32,
) -> CoreResult<Vec<SiteOption>> {
    authorize(db, actor, Action::EditContacts).await?;
    let mut builder: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT s.id, s.name, a.id, a.name, a.kind, t.name, r.name, s.city, ");
    push_site_in_scope(&mut builder, actor);
    builder.push(
        " AS in_scope FROM sites s JOIN accounts a ON a.id = s.account_id
          JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
          WHERE a.status = 'active'",
    );
    let query = query.trim();
    if !query.is_empty() {
        let pattern = format!("%{}%", query.replace(['%', '_'], ""));
        builder.push(" AND (s.name LIKE ");
        builder.push_bind(pattern.clone());
        builder.push(" OR a.name LIKE ");
        builder.push_bind(pattern.clone());
        builder.push(" OR t.name LIKE ");
        builder.push_bind(pattern.clone());
        builder.push(" OR t.code LIKE ");
        builder.push_bind(pattern.clone());
        builder.push(" OR s.city LIKE ");
        builder.push_bind(pattern);
        builder.push(")");
    }
    builder.push(" ORDER BY in_scope DESC, a.name, s.name LIMIT ");
    builder.push_bind(i64::from(limit.clamp(1, 200)));
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        String,
        i64,
        String,
        AccountKind,
        String,
        String,
        String,
        bool,
    )> = builder.build_query_as().fetch_all(db.reader()).await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                site_id,
                site_name,
                account_id,
                account_name,
                account_kind,
                territory,
                region,
                city,
                in_scope,
            )| {
                SiteOption {
                    site_id: site_id.to_string(),
                    site_name,
                    account_id: account_id.to_string(),
                    account_name,
                    account_kind,
                    territory,
                    region,
                    city,
                    in_scope,
                }
            },
        )
        .collect())
}

/// Enabled users, by display name.
pub async fn owners(db: &Database, actor: &Actor) -> CoreResult<Vec<OwnerOption>> {
    authorize(db, actor, Action::ViewContacts).await?;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT username, display_name FROM users WHERE disabled = 0 ORDER BY display_name",
    )
    .fetch_all(db.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(username, display_name)| OwnerOption {
            username,
            display_name,
        })
        .collect())
}
