//! Bulk actions: what a selection covers for each user, every kind of action against the demo
//! database, the rules each one keeps, cancellation, and the single audit event per action.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::NaiveDate;
use rapport_core::access::Actor;
use rapport_core::audit;
use rapport_core::contact::bulk::{
    self, BulkAction, BulkProgress, BulkReport, BulkSelection, LISTED_SKIPS,
};
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::{CoreError, CoreResult, Database};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{demo_db, sign_in};

/// The contacts of the UKI-SCO territory, the territory demo user's scope.
const TERRITORY_SQL: &str = "SELECT DISTINCT c.id FROM contacts c
    JOIN contact_sites cs ON cs.contact_id = c.id JOIN sites s ON s.id = cs.site_id
    JOIN territories t ON t.id = s.territory_id
    WHERE t.code = 'UKI-SCO' AND c.status <> 'archived' ORDER BY c.id";

/// Active contacts with no site in UKI-SCO.
const OUTSIDE_TERRITORY_SQL: &str = "SELECT c.id FROM contacts c WHERE c.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
        JOIN territories t ON t.id = s.territory_id
        WHERE cs.contact_id = c.id AND t.code = 'UKI-SCO')
    ORDER BY c.id";

async fn ids(db: &Database, sql: &str) -> Vec<String> {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_all(db.reader())
        .await
        .unwrap()
        .into_iter()
        .map(|id| id.to_string())
        .collect()
}

async fn number(db: &Database, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn run(
    db: &Database,
    actor: &Actor,
    selection: &BulkSelection,
    action: &BulkAction,
) -> CoreResult<BulkReport> {
    bulk::apply(
        db,
        actor,
        selection,
        action,
        |_| {},
        &AtomicBool::new(false),
    )
    .await
}

fn by_ids(ids: &[String]) -> BulkSelection {
    BulkSelection::Ids { ids: ids.to_vec() }
}

fn by_query(search: Option<&str>, filter: ContactFilter, except: &[String]) -> BulkSelection {
    BulkSelection::Query {
        query: ContactCountQuery {
            search: search.map(str::to_string),
            filter,
        },
        except: except.to_vec(),
    }
}

fn add_tag(tag: &str) -> BulkAction {
    BulkAction::AddTag { tag: tag.into() }
}

fn justification() -> Justification {
    Justification {
        reason: "Accounts payable moved to the head office".into(),
        approved_by: "Finance director".into(),
        approved_on: NaiveDate::from_ymd_opt(2026, 10, 30),
    }
}

const CONTACT_TABLES: [&str; 5] = [
    "contacts",
    "contact_tags",
    "contact_sites",
    "contact_lifecycle_history",
    "contact_approvals",
];

/// A digest of every row of the tables a bulk action writes and of the audit trail, to prove
/// nothing changed.
async fn checksum(db: &Database) -> String {
    let mut tables = CONTACT_TABLES.to_vec();
    tables.push("audit_events");
    digest_of(db, &tables).await
}

/// As [`checksum`], without the audit trail (which records refusals).
async fn contact_rows(db: &Database) -> String {
    digest_of(db, &CONTACT_TABLES).await
}

async fn digest_of(db: &Database, tables: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for &table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(db.reader())
                .await
                .unwrap();
        let row = columns
            .iter()
            .map(|c| format!("quote({c})"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<String> =
            sqlx::query_scalar(&format!("SELECT {row} FROM {table} ORDER BY 1"))
                .fetch_all(db.reader())
                .await
                .unwrap();
        assert!(
            !rows.is_empty() || table == "contact_approvals",
            "{table} has rows"
        );
        hasher.update(table.as_bytes());
        for row in rows {
            hasher.update(row.as_bytes());
            hasher.update(b"\n");
        }
    }
    format!("{:x}", hasher.finalize())
}

async fn last_seq(db: &Database) -> i64 {
    number(db, "SELECT ifnull(max(seq), 0) FROM audit_events").await
}

/// The events recorded after `seq`, as (action, summary).
async fn events_since(db: &Database, seq: i64) -> Vec<(String, Value)> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT action, summary FROM audit_events WHERE seq > ? ORDER BY seq")
            .bind(seq)
            .fetch_all(db.reader())
            .await
            .unwrap();
    rows.into_iter()
        .map(|(action, summary)| (action, serde_json::from_str(&summary).unwrap()))
        .collect()
}

/// Exactly one `bulk_update` event since `seq`; its summary.
async fn the_one_event(db: &Database, seq: i64) -> Value {
    let events = events_since(db, seq).await;
    assert_eq!(events.len(), 1, "one audit event per action: {events:?}");
    let (action, summary) = events.into_iter().next().unwrap();
    assert_eq!(action, "bulk_update");
    summary
}

/// The `[first, last]` runs of a summary's `idRanges`, expanded.
fn expand(ranges: &Value) -> Vec<String> {
    ranges
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r[0].as_i64().unwrap()..=r[1].as_i64().unwrap())
        .map(|id| id.to_string())
        .collect()
}

async fn versions(db: &Database, of: &[String]) -> Vec<i64> {
    let mut out = Vec::new();
    for id in of {
        out.push(
            sqlx::query_scalar("SELECT version FROM contacts WHERE id = ?")
                .bind(id.parse::<i64>().unwrap())
                .fetch_one(db.reader())
                .await
                .unwrap(),
        );
    }
    out
}

async fn tagged(db: &Database, tag: &str) -> Vec<String> {
    sqlx::query_scalar::<_, i64>(
        "SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE ORDER BY contact_id",
    )
    .bind(tag)
    .fetch_all(db.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|id| id.to_string())
    .collect()
}

async fn chain_verifies(db: &Database) {
    let verification = audit::verify(db.reader()).await.unwrap();
    assert!(verification.ok, "{verification:?}");
}

fn reasons(report: &BulkReport) -> Vec<&str> {
    report
        .skip_reasons
        .iter()
        .map(|s| s.reason.as_str())
        .collect()
}

#[tokio::test]
async fn a_query_selection_covers_what_the_list_counts_and_tags_exactly_that() {
    let demo = demo_db(1_500).await;
    let filter = ContactFilter {
        contact_type: Some(ContactType::Billing),
        status: Some(ContactStatus::Active),
        ..Default::default()
    };
    let listed = contacts::count(
        &demo.db,
        &demo.admin,
        &ContactCountQuery {
            search: None,
            filter: filter.clone(),
        },
    )
    .await
    .unwrap();
    let expected = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE contact_type = 'billing' AND status = 'active' ORDER BY id",
    )
    .await;
    assert_eq!(listed.count as usize, expected.len());
    assert!(expected.len() > 100, "a selection worth a bulk action");

    // A search selection too: the confirmation states the number the list shows.
    for search in ["manager", "schm", "chmid"] {
        let query = ContactCountQuery {
            search: Some(search.into()),
            filter: ContactFilter::default(),
        };
        let shown = contacts::count(&demo.db, &demo.admin, &query)
            .await
            .unwrap();
        assert!(shown.exact && shown.count > 0, "{search}: {shown:?}");
        let covered = bulk::count_selection(
            &demo.db,
            &demo.admin,
            &by_query(Some(search), ContactFilter::default(), &[]),
        )
        .await
        .unwrap();
        assert_eq!(covered, shown.count, "{search}");
    }

    // Two contacts unticked after "select all matching".
    let except = vec![expected[3].clone(), expected[40].clone()];
    let selection = by_query(None, filter.clone(), &except);
    let covered = bulk::count_selection(&demo.db, &demo.admin, &selection)
        .await
        .unwrap();
    assert_eq!(covered, listed.count - 2);

    let already = tagged(&demo.db, "newsletter").await;
    let before_versions = versions(&demo.db, &expected).await;
    let everyone_before = number(&demo.db, "SELECT sum(version) FROM contacts").await;
    let seq = last_seq(&demo.db).await;
    let report = run(&demo.db, &demo.admin, &selection, &add_tag(" Newsletter "))
        .await
        .unwrap();
    assert_eq!(report.selected, covered);
    assert_eq!(report.changed + report.skipped_total, covered);
    assert_eq!(reasons(&report), ["already tagged"]);

    let now_tagged = tagged(&demo.db, "newsletter").await;
    let mut want: Vec<String> = already.clone();
    want.extend(expected.iter().filter(|id| !except.contains(id)).cloned());
    want.sort_by_key(|id| id.parse::<i64>().unwrap());
    want.dedup();
    assert_eq!(now_tagged, want, "exactly the selection gained the tag");
    let after_versions = versions(&demo.db, &expected).await;
    let mut changed_ids = Vec::new();
    for ((id, before), after) in expected.iter().zip(&before_versions).zip(&after_versions) {
        let was_tagged = already.contains(id);
        if except.contains(id) || was_tagged {
            assert_eq!(after, before, "{id} was left alone");
        } else {
            assert_eq!(*after, before + 1, "{id} has a new version");
            changed_ids.push(id.clone());
        }
    }
    assert_eq!(changed_ids.len(), report.changed as usize);
    let everyone_after = number(&demo.db, "SELECT sum(version) FROM contacts").await;
    assert_eq!(everyone_after - everyone_before, i64::from(report.changed));

    let summary = the_one_event(&demo.db, seq).await;
    assert_eq!(summary["kind"], "addTag");
    assert_eq!(summary["tag"], "Newsletter");
    assert_eq!(summary["count"], report.changed);
    assert_eq!(expand(&summary["idRanges"]), changed_ids);

    // The same tag in another case is the same tag.
    let again = run(&demo.db, &demo.admin, &selection, &add_tag("NEWSLETTER"))
        .await
        .unwrap();
    assert_eq!(again.changed, 0);
    assert_eq!(again.skipped_total, covered);
    assert_eq!(again.skip_reasons[0].count, covered);
    assert!(
        covered as usize > LISTED_SKIPS,
        "more skips than the report lists"
    );
    // The report names a sample, never the whole selection.
    assert_eq!(again.skipped.len(), (covered as usize).min(LISTED_SKIPS));
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn a_territory_managers_selection_never_leaves_the_territory() {
    let demo = demo_db(1_500).await;
    let territory = sign_in(&demo.db, "territory").await;
    let in_scope = ids(&demo.db, TERRITORY_SQL).await;
    assert!(in_scope.len() > 20);

    let everything = by_query(None, ContactFilter::default(), &[]);
    let covered = bulk::count_selection(&demo.db, &territory, &everything)
        .await
        .unwrap();
    assert_eq!(covered as usize, in_scope.len());
    let error = bulk::count_selection(
        &demo.db,
        &territory,
        &by_query(None, ContactFilter::default(), &["first".into()]),
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "except");
    let report = run(&demo.db, &territory, &everything, &add_tag("Scotland tour"))
        .await
        .unwrap();
    assert_eq!(report.changed as usize, in_scope.len());
    assert_eq!(tagged(&demo.db, "Scotland tour").await, in_scope);

    // Explicit ids: those outside the territory, unknown or malformed are "not found", with
    // nothing that tells them apart.
    let outside = ids(&demo.db, OUTSIDE_TERRITORY_SQL).await;
    let mut asked = in_scope[..3].to_vec();
    asked.extend(outside[..2].iter().cloned());
    asked.push("999999".into());
    asked.push("C-12".into());
    let selection = by_ids(&asked);
    assert_eq!(
        bulk::count_selection(&demo.db, &territory, &selection)
            .await
            .unwrap(),
        3
    );
    let outside_versions = versions(&demo.db, &outside[..2]).await;
    let seq = last_seq(&demo.db).await;
    let report = run(&demo.db, &territory, &selection, &add_tag("Ids only"))
        .await
        .unwrap();
    assert_eq!(report.selected, 3);
    assert_eq!(report.changed, 3);
    let mut not_found: Vec<&str> = report.skipped.iter().map(|s| s.id.as_str()).collect();
    not_found.sort_unstable();
    let mut want: Vec<&str> = vec![&outside[0], &outside[1], "999999", "C-12"];
    want.sort_unstable();
    assert_eq!(not_found, want);
    for skip in &report.skipped {
        assert_eq!(skip.reason, "not found");
        assert_eq!(skip.reference, "", "nothing is revealed about {}", skip.id);
    }
    assert_eq!(tagged(&demo.db, "Ids only").await, in_scope[..3].to_vec());
    assert_eq!(versions(&demo.db, &outside[..2]).await, outside_versions);
    let summary = the_one_event(&demo.db, seq).await;
    assert_eq!(summary["notFound"], 4);
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn remove_tag_ignores_case_and_skips_contacts_without_it() {
    let demo = demo_db(1_500).await;
    let with = ids(
        &demo.db,
        "SELECT contact_id FROM contact_tags JOIN contacts c ON c.id = contact_id
         WHERE tag = 'vip' AND c.status = 'active' ORDER BY contact_id LIMIT 6",
    )
    .await;
    let without = ids(
        &demo.db,
        "SELECT id FROM contacts c WHERE status = 'active' AND NOT EXISTS
         (SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id AND t.tag = 'vip')
         ORDER BY id LIMIT 3",
    )
    .await;
    assert_eq!(with.len(), 6);
    let all_vip = tagged(&demo.db, "vip").await.len();
    let mut selection = with.clone();
    selection.extend(without.iter().cloned());
    let seq = last_seq(&demo.db).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &by_ids(&selection),
        &BulkAction::RemoveTag { tag: "VIP".into() },
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 6);
    assert_eq!(reasons(&report), ["not tagged"]);
    let skipped: Vec<&String> = report.skipped.iter().map(|s| &s.id).collect();
    assert_eq!(skipped, without.iter().collect::<Vec<_>>());
    assert_eq!(tagged(&demo.db, "vip").await.len(), all_vip - 6);
    for id in &with {
        assert!(!tagged(&demo.db, "vip").await.contains(id));
    }
    assert_eq!(the_one_event(&demo.db, seq).await["kind"], "removeTag");

    let error = run(
        &demo.db,
        &demo.admin,
        &by_ids(&selection),
        &BulkAction::RemoveTag { tag: "  ".into() },
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "tag");
    let long = "x".repeat(61);
    let error = run(&demo.db, &demo.admin, &by_ids(&selection), &add_tag(&long))
        .await
        .unwrap_err();
    assert_eq!(error.fields()[0].field, "tag");
}

/// Active, non-billing contacts with no billing role anywhere: outside the billing scope.
const NOT_BILLING_SQL: &str = "SELECT id FROM contacts c WHERE status = 'active'
    AND contact_type <> 'billing'
    AND NOT EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id AND cs.role = 'billing')
    ORDER BY id LIMIT 20";

#[tokio::test]
async fn changing_the_type_needs_a_justification_and_moves_contacts_into_the_billing_scope() {
    let demo = demo_db(1_500).await;
    let chosen = ids(&demo.db, NOT_BILLING_SQL).await;
    assert_eq!(chosen.len(), 20);
    let selection = by_ids(&chosen);
    let billing = sign_in(&demo.db, "billing").await;
    let billing_count = || async {
        contacts::count(&demo.db, &billing, &ContactCountQuery::default())
            .await
            .unwrap()
            .count
    };
    let billing_before = billing_count().await;

    let before = checksum(&demo.db).await;
    let set_type = |justification: Option<Justification>| BulkAction::SetType {
        contact_type: ContactType::Billing,
        contact_type_other: None,
        justification,
    };
    let error = run(&demo.db, &demo.admin, &selection, &set_type(None))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, CoreError::JustificationRequired { fields } if fields == &["contactType"]),
        "{error:?}"
    );
    let unapproved = Justification {
        approved_on: None,
        ..justification()
    };
    let error = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_type(Some(unapproved)),
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "justification.approvedOn");
    let error = run(
        &demo.db,
        &demo.admin,
        &selection,
        &BulkAction::SetType {
            contact_type: ContactType::Other,
            contact_type_other: Some(" ".into()),
            justification: Some(justification()),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "contactTypeOther");
    assert_eq!(checksum(&demo.db).await, before, "refusals change nothing");

    let had_other = ids(
        &demo.db,
        &format!(
            "SELECT id FROM contacts WHERE contact_type_other IS NOT NULL AND id IN ({})",
            chosen.join(",")
        ),
    )
    .await;
    assert!(
        !had_other.is_empty() && had_other.len() < 20,
        "{had_other:?}"
    );
    let seq = last_seq(&demo.db).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_type(Some(justification())),
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 20);
    let changed = number(
        &demo.db,
        &format!(
            "SELECT count(*) FROM contacts WHERE contact_type = 'billing' AND id IN ({})",
            chosen.join(",")
        ),
    )
    .await;
    assert_eq!(changed, 20);
    let approvals: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT contact_id, fields, approved_by, recorded_by FROM contact_approvals
         ORDER BY contact_id",
    )
    .fetch_all(demo.db.reader())
    .await
    .unwrap();
    assert_eq!(approvals.len(), 20, "one approval per changed contact");
    for (id, fields, approved_by, recorded_by) in &approvals {
        // An "other" contact also loses the description of its type: that is approved too.
        let expected = if had_other.contains(&id.to_string()) {
            r#"["contactType","contactTypeOther"]"#
        } else {
            r#"["contactType"]"#
        };
        assert_eq!(fields, expected, "{id}");
        assert_eq!(approved_by, "Finance director");
        assert_eq!(recorded_by, "admin");
    }
    // The billing administrator's count reads the search index's scope tokens: they were
    // re-derived with the type.
    assert_eq!(billing_count().await, billing_before + 20);
    contacts::get(&demo.db, &billing, &chosen[0], "GB")
        .await
        .unwrap();
    let summary = the_one_event(&demo.db, seq).await;
    assert_eq!(summary["kind"], "setType");
    assert_eq!(summary["contactType"], "billing");
    assert!(
        !summary.to_string().contains("Accounts payable"),
        "the justification stays with the contacts: {summary}"
    );

    // A billing administrator cannot make a contact they reach through its type alone into
    // one they no longer reach.
    let report = run(
        &demo.db,
        &billing,
        &selection,
        &BulkAction::SetType {
            contact_type: ContactType::Operations,
            contact_type_other: None,
            justification: Some(justification()),
        },
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 0);
    assert_eq!(reasons(&report), ["would no longer be a billing contact"]);
    assert_eq!(billing_count().await, billing_before + 20);
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn setting_the_stage_keeps_the_lifecycle_history() {
    let demo = demo_db(1_500).await;
    let prospects = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'active' AND lifecycle_stage = 'prospect'
         ORDER BY id LIMIT 10",
    )
    .await;
    let customers = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'active' AND lifecycle_stage = 'active_customer'
         ORDER BY id LIMIT 2",
    )
    .await;
    assert_eq!(prospects.len(), 10);
    let history_before = number(&demo.db, "SELECT count(*) FROM contact_lifecycle_history").await;
    let mut selection = prospects.clone();
    selection.extend(customers.iter().cloned());
    let seq = last_seq(&demo.db).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &by_ids(&selection),
        &BulkAction::SetStage {
            stage: LifecycleStage::ActiveCustomer,
        },
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 10);
    assert_eq!(reasons(&report), ["already at this stage"]);
    assert_eq!(
        number(&demo.db, "SELECT count(*) FROM contact_lifecycle_history").await,
        history_before + 10
    );
    for id in &prospects {
        let detail = contacts::get(&demo.db, &demo.admin, id, "GB")
            .await
            .unwrap();
        assert_eq!(detail.lifecycle_stage, LifecycleStage::ActiveCustomer);
        let stages: Vec<LifecycleStage> =
            detail.lifecycle_history.iter().map(|h| h.stage).collect();
        assert_eq!(
            stages[stages.len() - 2..],
            [LifecycleStage::Prospect, LifecycleStage::ActiveCustomer],
            "{id}: the old stage stays in the history"
        );
    }
    assert_eq!(
        the_one_event(&demo.db, seq).await["stage"],
        "active_customer"
    );
}

#[tokio::test]
async fn the_owner_must_be_an_enabled_user() {
    let demo = demo_db(1_500).await;
    let chosen = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'active' AND owner IS NOT 'regional'
         ORDER BY id LIMIT 12",
    )
    .await;
    let selection = by_ids(&chosen);
    let set_owner = |owner: Option<&str>| BulkAction::SetOwner {
        owner: owner.map(str::to_string),
    };
    let before = checksum(&demo.db).await;
    let error = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_owner(Some("nobody")),
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "owner");
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("UPDATE users SET disabled = 1 WHERE username = 'billing'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let error = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_owner(Some("billing")),
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "owner");
    assert!(error.fields()[0].message.contains("disabled"));
    assert_eq!(checksum(&demo.db).await, before);

    let report = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_owner(Some("regional")),
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 12);
    let owned = ids(
        &demo.db,
        &format!(
            "SELECT id FROM contacts WHERE owner = 'regional' AND id IN ({}) ORDER BY id",
            chosen.join(",")
        ),
    )
    .await;
    assert_eq!(owned, chosen);
    let again = run(
        &demo.db,
        &demo.admin,
        &selection,
        &set_owner(Some("regional")),
    )
    .await
    .unwrap();
    assert_eq!(reasons(&again), ["already has this owner"]);

    let report = run(&demo.db, &demo.admin, &selection, &set_owner(None))
        .await
        .unwrap();
    assert_eq!(report.changed, 12);
    assert_eq!(
        number(
            &demo.db,
            &format!(
                "SELECT count(*) FROM contacts WHERE owner IS NULL AND id IN ({})",
                chosen.join(",")
            )
        )
        .await,
        12
    );
}

#[tokio::test]
async fn assigning_a_site_checks_it_and_brings_contacts_into_its_territory() {
    let demo = demo_db(1_500).await;
    let territory = sign_in(&demo.db, "territory").await;
    let scottish_site = number(
        &demo.db,
        "SELECT s.id FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE t.code = 'UKI-SCO' ORDER BY s.id LIMIT 1",
    )
    .await
    .to_string();
    let other_site = number(
        &demo.db,
        "SELECT s.id FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE t.code <> 'UKI-SCO' ORDER BY s.id LIMIT 1",
    )
    .await
    .to_string();
    let outside = ids(&demo.db, OUTSIDE_TERRITORY_SQL).await[..15].to_vec();
    let mine = ids(&demo.db, TERRITORY_SQL).await[..5].to_vec();
    let assign = |site_id: &str| BulkAction::AssignSite {
        site_id: site_id.into(),
        role: SiteRole::Liaison,
    };

    let before = checksum(&demo.db).await;
    for (site, message) in [
        (other_site.as_str(), "outside your scope"),
        ("987654", "does not exist"),
        ("site", "choose a site"),
    ] {
        let error = run(&demo.db, &territory, &by_ids(&mine), &assign(site))
            .await
            .unwrap_err();
        assert_eq!(error.fields()[0].field, "siteId");
        assert!(error.fields()[0].message.contains(message), "{error:?}");
    }
    assert_eq!(checksum(&demo.db).await, before);

    let territory_count = || async {
        contacts::count(&demo.db, &territory, &ContactCountQuery::default())
            .await
            .unwrap()
            .count
    };
    let seen_before = territory_count().await;
    let seq = last_seq(&demo.db).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &by_ids(&outside),
        &assign(&scottish_site),
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 15);
    // The territory manager's count reads the scope tokens of the search index.
    assert_eq!(territory_count().await, seen_before + 15);
    let detail = contacts::get(&demo.db, &territory, &outside[0], "GB")
        .await
        .unwrap();
    let at = detail
        .sites
        .iter()
        .find(|s| s.site_id == scottish_site)
        .unwrap();
    assert_eq!(at.role, SiteRole::Liaison);
    assert!(
        !at.is_primary,
        "a bulk assignment never makes a primary contact"
    );
    let summary = the_one_event(&demo.db, seq).await;
    assert_eq!(summary["siteId"], scottish_site);
    assert_eq!(summary["role"], "liaison");

    let again = run(
        &demo.db,
        &territory,
        &by_ids(&outside),
        &assign(&scottish_site),
    )
    .await
    .unwrap();
    assert_eq!(again.changed, 0);
    assert_eq!(reasons(&again), ["already at this site"]);
}

#[tokio::test]
async fn deactivation_is_refused_to_billing_needs_a_reason_and_ends_primary_roles() {
    let demo = demo_db(1_500).await;
    let primaries = ids(
        &demo.db,
        "SELECT DISTINCT c.id FROM contacts c JOIN contact_sites cs ON cs.contact_id = c.id
         WHERE c.status = 'active' AND cs.is_primary = 1 ORDER BY c.id LIMIT 4",
    )
    .await;
    let others = ids(
        &demo.db,
        "SELECT id FROM contacts c WHERE status = 'active' AND NOT EXISTS
         (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = c.id AND cs.is_primary = 1)
         ORDER BY id LIMIT 6",
    )
    .await;
    let inactive = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'inactive' ORDER BY id LIMIT 2",
    )
    .await;
    assert_eq!((primaries.len(), inactive.len()), (4, 2));
    let active: Vec<String> = primaries.iter().chain(&others).cloned().collect();
    let selection = by_ids(&active.iter().chain(&inactive).cloned().collect::<Vec<_>>());
    let deactivate = |reason: &str| BulkAction::Deactivate {
        reason: reason.into(),
    };

    let billing = sign_in(&demo.db, "billing").await;
    let before = contact_rows(&demo.db).await;
    let seq = last_seq(&demo.db).await;
    let error = run(&demo.db, &billing, &selection, &deactivate("Left"))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let events = events_since(&demo.db, seq).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "denied", "the refusal is audited");
    let with_denial = checksum(&demo.db).await;
    let error = run(&demo.db, &demo.admin, &selection, &deactivate(" \n "))
        .await
        .unwrap_err();
    assert_eq!(error.fields()[0].field, "reason");
    assert_eq!(checksum(&demo.db).await, with_denial);
    assert_eq!(
        contact_rows(&demo.db).await,
        before,
        "refusals change no contact"
    );

    let primary_roles = number(
        &demo.db,
        &format!(
            "SELECT count(*) FROM contact_sites WHERE is_primary = 1 AND contact_id IN ({})",
            primaries.join(",")
        ),
    )
    .await;
    let seq = last_seq(&demo.db).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &selection,
        &deactivate("Account closed"),
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 10);
    assert_eq!(reasons(&report), ["already inactive"]);
    for id in &active {
        let detail = contacts::get(&demo.db, &demo.admin, id, "GB")
            .await
            .unwrap();
        assert_eq!(detail.status, ContactStatus::Inactive);
        assert_eq!(detail.status_reason.as_deref(), Some("Account closed"));
        assert!(detail.status_changed_at.is_some());
        assert!(detail.sites.iter().all(|s| !s.is_primary), "{id}");
    }
    let summary = the_one_event(&demo.db, seq).await;
    assert_eq!(summary["kind"], "deactivate");
    assert_eq!(summary["primaryEnded"], primary_roles);
    assert!(!summary.to_string().contains("Account closed"));

    // Deactivated contacts leave the active list.
    let active_filter = ContactFilter {
        status: Some(ContactStatus::Active),
        ..Default::default()
    };
    let still_active = bulk::count_selection(
        &demo.db,
        &demo.admin,
        &BulkSelection::Query {
            query: ContactCountQuery {
                search: None,
                filter: active_filter,
            },
            except: active.clone(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        i64::from(still_active),
        number(
            &demo.db,
            "SELECT count(*) FROM contacts WHERE status = 'active'"
        )
        .await
    );
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn archived_contacts_are_left_alone() {
    let demo = demo_db(1_500).await;
    let archived = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'archived' ORDER BY id LIMIT 3",
    )
    .await;
    assert_eq!(archived.len(), 3);
    let before = versions(&demo.db, &archived).await;
    let report = run(
        &demo.db,
        &demo.admin,
        &by_ids(&archived),
        &BulkAction::SetStage {
            stage: LifecycleStage::Lead,
        },
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 0);
    assert_eq!(reasons(&report), ["archived: reactivate it first"]);
    assert_eq!(versions(&demo.db, &archived).await, before);
}

#[tokio::test]
async fn cancelling_between_batches_changes_nothing() {
    let demo = demo_db(1_500).await;
    let everything = by_query(None, ContactFilter::default(), &[]);
    let before = checksum(&demo.db).await;
    let cancel = AtomicBool::new(false);
    let mut seen: Vec<BulkProgress> = Vec::new();
    let error = bulk::apply(
        &demo.db,
        &demo.admin,
        &everything,
        &add_tag("cancelled run"),
        |progress| {
            seen.push(progress);
            if progress.done >= 500 {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, CoreError::Cancelled), "{error:?}");
    assert_eq!(error.code(), "cancelled");
    assert_eq!(error.user_message(), "Cancelled: nothing was changed.");
    assert_eq!(
        seen,
        [
            BulkProgress {
                done: 0,
                total: 1_500
            },
            BulkProgress {
                done: 500,
                total: 1_500
            }
        ],
        "stopped after the first batch"
    );
    assert_eq!(
        checksum(&demo.db).await,
        before,
        "rolled back: no tag, no version, no event"
    );

    // The writer is free again and a run to the end reports every batch.
    let mut seen = Vec::new();
    let report = bulk::apply(
        &demo.db,
        &demo.admin,
        &everything,
        &add_tag("cancelled run"),
        |progress| seen.push(progress.done),
        &AtomicBool::new(false),
    )
    .await
    .unwrap();
    assert_eq!(seen, [0, 500, 1_000, 1_500]);
    assert_eq!(report.selected, 1_500);
    chain_verifies(&demo.db).await;
}

#[tokio::test]
async fn every_kind_of_action_records_one_event_and_the_chain_verifies() {
    let demo = demo_db(600).await;
    let site = number(&demo.db, "SELECT id FROM sites ORDER BY id LIMIT 1")
        .await
        .to_string();
    let chosen = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status = 'active' ORDER BY id LIMIT 30",
    )
    .await;
    let actions = [
        add_tag("audit"),
        BulkAction::RemoveTag {
            tag: "audit".into(),
        },
        BulkAction::SetType {
            contact_type: ContactType::Other,
            contact_type_other: Some("Facilities".into()),
            justification: Some(justification()),
        },
        BulkAction::SetStage {
            stage: LifecycleStage::Former,
        },
        BulkAction::SetOwner {
            owner: Some("territory".into()),
        },
        BulkAction::AssignSite {
            site_id: site,
            role: SiteRole::Emergency,
        },
        BulkAction::Deactivate {
            reason: "Audit".into(),
        },
    ];
    for (action, kind) in actions.iter().zip([
        "addTag",
        "removeTag",
        "setType",
        "setStage",
        "setOwner",
        "assignSite",
        "deactivate",
    ]) {
        let seq = last_seq(&demo.db).await;
        let report = run(&demo.db, &demo.admin, &by_ids(&chosen), action)
            .await
            .unwrap();
        assert!(report.changed > 0, "{kind} changed something");
        let summary = the_one_event(&demo.db, seq).await;
        assert_eq!(summary["kind"], kind);
        assert_eq!(summary["count"], report.changed);
    }
    chain_verifies(&demo.db).await;
}

/// Not a timed assertion: prints how long tagging 10,000 contacts takes.
#[tokio::test]
async fn tagging_ten_thousand_contacts() {
    let demo = demo_db(11_000).await;
    let chosen = ids(
        &demo.db,
        "SELECT id FROM contacts WHERE status <> 'archived' ORDER BY id LIMIT 10000",
    )
    .await;
    assert_eq!(chosen.len(), 10_000);
    let seq = last_seq(&demo.db).await;
    let started = Instant::now();
    let report = run(
        &demo.db,
        &demo.admin,
        &by_ids(&chosen),
        &add_tag("campaign-2027"),
    )
    .await
    .unwrap();
    let elapsed = started.elapsed();
    println!(
        "bulk AddTag: {} contacts changed in {:.2} s",
        report.changed,
        elapsed.as_secs_f64()
    );
    assert_eq!(report.changed, 10_000);
    assert_eq!(tagged(&demo.db, "campaign-2027").await.len(), 10_000);
    assert_eq!(the_one_event(&demo.db, seq).await["count"], 10_000);
}

/// Prints how long counting and resolving selections take on a large database. Not run by
/// default: create one with `rapport demo --db DB --key-file KEY --contacts 1000000`, then run
/// `RAPPORT_BULK_DB=DB RAPPORT_BULK_KEY=KEY cargo test -p rapport-core --test core
/// bulk_actions::large -- --ignored --nocapture`. It adds a tag to the territory user's contacts.
#[tokio::test]
#[ignore = "needs a large demo database named by RAPPORT_BULK_DB and RAPPORT_BULK_KEY"]
async fn large_database_selections() {
    let path = std::env::var("RAPPORT_BULK_DB").unwrap();
    let key = std::env::var("RAPPORT_BULK_KEY").unwrap();
    let key = rapport_core::DatabaseKey::read_key_file(std::path::Path::new(&key)).unwrap();
    let db = Database::open(std::path::Path::new(&path), &key)
        .await
        .unwrap();
    let active = ContactFilter {
        status: Some(ContactStatus::Active),
        ..Default::default()
    };
    for user in ["admin", "regional", "territory", "billing"] {
        let actor = sign_in(&db, user).await;
        for (search, filter) in [
            (None, ContactFilter::default()),
            (None, active.clone()),
            (Some("schm"), ContactFilter::default()),
            (Some("manager"), ContactFilter::default()),
        ] {
            let query = ContactCountQuery {
                search: search.map(str::to_string),
                filter: filter.clone(),
            };
            let started = Instant::now();
            let listed = contacts::count(&db, &actor, &query).await.unwrap();
            let list_time = started.elapsed();
            let started = Instant::now();
            let covered = bulk::count_selection(&db, &actor, &by_query(search, filter, &[]))
                .await
                .unwrap();
            let bulk_time = started.elapsed();
            println!(
                "{user:9} search {search:9?} active only {:5}: list count {:>7}{} in {:>6.0} ms, \
                 selection {covered:>7} in {:>6.0} ms",
                query.filter.status.is_some(),
                listed.count,
                if listed.exact { " " } else { "+" },
                list_time.as_secs_f64() * 1000.0,
                bulk_time.as_secs_f64() * 1000.0,
            );
            if listed.exact {
                assert_eq!(covered, listed.count, "{user} {search:?}");
            } else {
                assert!(covered > listed.count, "{user} {search:?}");
            }
        }
    }
    let territory = sign_in(&db, "territory").await;
    let everything = by_query(None, ContactFilter::default(), &[]);
    // A new tag each run, so a rerun changes every contact again.
    let tag = format!("large-run-{}", chrono::Utc::now().timestamp());
    let started = Instant::now();
    let report = run(&db, &territory, &everything, &add_tag(&tag))
        .await
        .unwrap();
    println!(
        "territory AddTag over its whole scope: {} selected, {} changed in {:.2} s",
        report.selected,
        report.changed,
        started.elapsed().as_secs_f64()
    );
    db.close().await;
}
