//! Possible duplicates of a contact being typed: the same email, the same phone, the same name,
//! or a similar name at the same account. Each lookup is an index probe, so the wizard can ask
//! on every pause in typing. Only contacts the user may see are offered.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite};

use crate::access::scope::push_contact_scope;
use crate::access::Actor;
use crate::error::CoreResult;
use crate::model::{parse_id, ContactInput, DuplicateCandidate};
use crate::text::{fold, name_key};
use crate::validate;
use crate::Database;

/// Most candidates offered.
const LIMIT: usize = 8;
/// Jaro-Winkler similarity of folded names from which a name at the same account counts.
const SIMILAR_NAME: f64 = 0.88;

#[derive(Default)]
struct Found {
    score: u32,
    reasons: Vec<String>,
}

impl Found {
    fn add(&mut self, score: u32, reason: String) {
        // Each further independent reason makes a match likelier, but never certain.
        self.score = if self.score == 0 {
            score
        } else {
            (self.score.max(score) + 5).min(99)
        };
        if !self.reasons.contains(&reason) {
            self.reasons.push(reason);
        }
    }
}

/// Runs `sql` (selecting contact ids as `c.id`, with `?` for each of `values`) within the
/// actor's scope; nothing to look for finds nothing.
async fn visible_ids(
    db: &Database,
    actor: &Actor,
    sql: &str,
    values: &[String],
) -> CoreResult<Vec<i64>> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(sql);
    let mut separated = builder.separated(", ");
    for value in values {
        separated.push_bind(value.clone());
    }
    builder.push(")");
    push_contact_scope(&mut builder, actor);
    builder.push(" LIMIT 50");
    Ok(builder.build_query_scalar().fetch_all(db.reader()).await?)
}

/// The contacts `input` may repeat, best first (at most eight). The lookups run side by side,
/// each on its own reading connection: the wizard asks on every pause in typing, so the answer
/// should take as long as the slowest lookup, not all of them together.
pub async fn candidates(
    db: &Database,
    actor: &Actor,
    input: &ContactInput,
    home: &str,
    exclude: Option<i64>,
) -> CoreResult<Vec<DuplicateCandidate>> {
    let emails: Vec<String> = input
        .emails
        .iter()
        .filter_map(|e| validate::business_email(&e.address).ok())
        .collect();
    let first = validate::text(&input.first_name);
    let last = validate::text(&input.last_name);
    let names: Vec<String> = if last.is_empty() {
        Vec::new()
    } else {
        vec![name_key(&first, None, &last)]
    };

    // Parsing the numbers takes a while: it runs once the other lookups are under way (the
    // futures are polled in order).
    let same_phone = async {
        let phones: Vec<String> = input
            .phones
            .iter()
            .filter_map(|p| {
                let country = if p.country.trim().is_empty() {
                    home
                } else {
                    &p.country
                };
                validate::parse_phone(&p.number, country, p.extension.as_deref()).ok()
            })
            .map(|p| p.e164)
            .collect();
        visible_ids(
            db,
            actor,
            "SELECT DISTINCT c.id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
             WHERE p.e164 IN (",
            &phones,
        )
        .await
    };
    let (same_email, same_name, similar, same_phone) = tokio::try_join!(
        visible_ids(
            db,
            actor,
            "SELECT DISTINCT c.id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
             WHERE e.address COLLATE NOCASE IN (",
            &emails,
        ),
        visible_ids(
            db,
            actor,
            "SELECT c.id FROM contacts c WHERE c.name_key IN (",
            &names,
        ),
        similar_at_accounts(db, actor, input, &first, &last),
        same_phone,
    )?;

    let mut found: HashMap<i64, Found> = HashMap::new();
    for id in same_email {
        found.entry(id).or_default().add(95, "same email".into());
    }
    for id in same_phone {
        found.entry(id).or_default().add(85, "same phone".into());
    }
    for id in same_name {
        found.entry(id).or_default().add(60, "same name".into());
    }
    for (id, score, reason) in similar {
        found.entry(id).or_default().add(score, reason);
    }
    if let Some(exclude) = exclude {
        found.remove(&exclude);
    }
    describe(db, found).await
}

/// Contacts of the accounts the new contact's sites belong to whose name is close to the typed
/// one ("Jon Smith" and "John Smith" at the same customer), with their score and reason.
async fn similar_at_accounts(
    db: &Database,
    actor: &Actor,
    input: &ContactInput,
    first: &str,
    last: &str,
) -> CoreResult<Vec<(i64, u32, String)>> {
    let site_ids: Vec<i64> = input
        .sites
        .iter()
        .filter_map(|s| parse_id("site", &s.site_id).ok())
        .collect();
    if last.is_empty() || site_ids.is_empty() {
        return Ok(Vec::new());
    }
    let typed = fold(&format!("{first} {last}"));
    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT DISTINCT c.id, c.first_name, c.last_name, a.name FROM sites mine
         JOIN sites s ON s.account_id = mine.account_id
         JOIN accounts a ON a.id = s.account_id
         JOIN contact_sites cs ON cs.site_id = s.id
         JOIN contacts c ON c.id = cs.contact_id
         WHERE mine.id IN (",
    );
    let mut separated = builder.separated(", ");
    for id in &site_ids {
        separated.push_bind(*id);
    }
    builder.push(")");
    push_contact_scope(&mut builder, actor);
    // Accounts can be large; 5,000 names compare in well under a millisecond.
    builder.push(" LIMIT 5000");
    let rows: Vec<(i64, String, String, String)> =
        builder.build_query_as().fetch_all(db.reader()).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, first, last, account)| {
            let similarity = strsim::jaro_winkler(&typed, &fold(&format!("{first} {last}")));
            (similarity >= SIMILAR_NAME).then(|| {
                let score = (similarity * 80.0).round() as u32;
                (id, score, format!("similar name at {account}"))
            })
        })
        .collect())
}

/// The best candidates, described in one query.
async fn describe(
    db: &Database,
    found: HashMap<i64, Found>,
) -> CoreResult<Vec<DuplicateCandidate>> {
    let mut ranked: Vec<(i64, Found)> = found.into_iter().collect();
    ranked.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    ranked.truncate(LIMIT);
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    let mut builder: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT id, reference, display_name, company FROM contacts WHERE id IN (",
    );
    let mut separated = builder.separated(", ");
    for (id, _) in &ranked {
        separated.push_bind(*id);
    }
    builder.push(")");
    let rows: Vec<(i64, String, String, Option<String>)> =
        builder.build_query_as().fetch_all(db.reader()).await?;
    let mut described: HashMap<i64, (String, String, Option<String>)> = rows
        .into_iter()
        .map(|(id, reference, name, company)| (id, (reference, name, company)))
        .collect();
    Ok(ranked
        .into_iter()
        .filter_map(|(id, found)| {
            let (reference, display_name, company) = described.remove(&id)?;
            Some(DuplicateCandidate {
                id: id.to_string(),
                reference,
                display_name,
                company,
                score: found.score,
                reasons: found.reasons,
            })
        })
        .collect())
}
