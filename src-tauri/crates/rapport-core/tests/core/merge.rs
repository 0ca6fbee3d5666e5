//! Merging duplicate contacts and undoing a merge, on a real demo database: the planted
//! near-duplicates (one every 97 contacts) are the duplicates.

use std::collections::BTreeMap;

use rapport_core::access::Actor;
use rapport_core::contact::merge::{self, MergeInput};
use rapport_core::contact::{privacy, write};
use rapport_core::engagement;
use rapport_core::model::*;
use rapport_core::relationship as rel;
use rapport_core::store::contacts;
use rapport_core::{CoreError, Database};
use serde_json::Value;

use crate::engagement::{assert_kept_copies_match, log, OUTSIDE_REGION};
use crate::{demo_db, fixed_now, sign_in};

const HOME: &str = "GB";
/// The demo plants contact 97 as a near-duplicate of contact 96.
const ORIGINAL: i64 = 96;
const DUPLICATE: i64 = 97;
const EXTRA_EMAIL: &str = "second.address@merge-test.example";

async fn scalar(db: &Database, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

/// Rows of every table except the audit trail (which records the merge and its undo), the
/// merge records themselves and the search indexes' internals.
async fn table_counts(db: &Database) -> BTreeMap<String, i64> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'contact_words%' AND name NOT LIKE 'contact_grams%'
           AND name NOT LIKE 'audit_%' AND name NOT LIKE 'contact_merge%'
           AND name <> 'contact_aliases' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let mut counts = BTreeMap::new();
    for name in names {
        // Emptied buckets stay as rows with a zero count.
        let filter = if name == "response_buckets" {
            " WHERE n > 0"
        } else {
            ""
        };
        let n = scalar(db, &format!("SELECT count(*) FROM \"{name}\"{filter}")).await;
        counts.insert(name, n);
    }
    let totals: String = sqlx::query_scalar(
        "SELECT json_array(contacts, touchpoints, attempts, inbound, answered, responses)
         FROM engagement_totals",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    counts.insert(format!("engagement_totals {totals}"), 0);
    counts
}

/// A person's export without what an export, a merge and its undo add by design: the time of
/// the export and the audit trail's record of them (the audit trail is append-only).
async fn export_without_audit_of_merges(db: &Database, actor: &Actor, id: i64) -> (Value, String) {
    let export = privacy::export_person(db, actor, &id.to_string(), HOME)
        .await
        .unwrap();
    let mut json: Value = serde_json::from_str(&export.json).unwrap();
    json["header"].as_object_mut().unwrap().remove("exportedAt");
    let by_merges = |entry: &Value| {
        matches!(
            entry["action"].as_str(),
            Some("merge" | "unmerge" | "export_person" | "read_archived")
        )
    };
    for key in ["auditEvents", "fieldHistory"] {
        if let Some(list) = json[key].as_array_mut() {
            list.retain(|entry| !by_merges(entry));
        }
    }
    (json, export.vcard)
}

fn input(survivor: i64, others: &[i64], choices: &[(&str, i64)]) -> MergeInput {
    let mut ids = vec![survivor.to_string()];
    ids.extend(others.iter().map(i64::to_string));
    MergeInput {
        survivor_id: survivor.to_string(),
        contact_ids: ids,
        choices: choices
            .iter()
            .map(|(f, id)| (f.to_string(), id.to_string()))
            .collect(),
    }
}

/// Someone at the contact's account, other than the two being merged.
async fn colleague(db: &Database, id: i64) -> i64 {
    nth_colleague(db, id, 0).await
}

async fn nth_colleague(db: &Database, id: i64, n: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT DISTINCT cs.contact_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE s.account_id IN (SELECT s2.account_id FROM contact_sites c2
                JOIN sites s2 ON s2.id = c2.site_id WHERE c2.contact_id = ?1)
           AND cs.contact_id NOT IN (?2, ?3) ORDER BY cs.contact_id LIMIT 1 OFFSET ?4",
    )
    .bind(id)
    .bind(ORIGINAL)
    .bind(DUPLICATE)
    .bind(n)
    .fetch_one(db.reader())
    .await
    .unwrap()
}

/// Gives the duplicate rows of its own: another email, a job title, an interaction, a
/// follow-up, relationships (one with the original, which a merge turns into a self-link).
async fn enrich_duplicate(db: &Database, admin: &Actor) -> (i64, String) {
    let stored = contacts::get(db, admin, &DUPLICATE.to_string(), HOME)
        .await
        .unwrap();
    let mut form = write::input_of_detail(&stored);
    form.emails.push(EmailInput {
        kind: EmailKind::Alternate,
        address: EXTRA_EMAIL.into(),
    });
    form.job_title = Some("Head of Merged Records".into());
    form.notes = Some("Prefers mornings".into());
    write::update(
        db,
        admin,
        &DUPLICATE.to_string(),
        stored.version,
        &form,
        None,
        HOME,
    )
    .await
    .unwrap();
    let now = fixed_now();
    let call = log(
        db,
        admin,
        &[DUPLICATE],
        InteractionChannel::Call,
        Direction::Outbound,
        now,
    )
    .await;
    // One interaction with both: the survivor keeps a single link to it.
    log(
        db,
        admin,
        &[ORIGINAL, DUPLICATE],
        InteractionChannel::Meeting,
        Direction::Outbound,
        now,
    )
    .await;
    let follow_up = engagement::create_follow_up(
        db,
        admin,
        &FollowUpInput {
            contact_id: DUPLICATE.to_string(),
            interaction_id: Some(call.id.clone()),
            title: Some("Send the proposal".into()),
            notes: None,
            due: DueInput {
                date: now.date_naive(),
                time: None,
                utc_offset_minutes: 0,
            },
            owner: None,
            priority: FollowUpPriority::Normal,
        },
        now,
    )
    .await
    .unwrap();
    let other = colleague(db, DUPLICATE).await;
    for (from, to, kind) in [
        (DUPLICATE, other, "works_with"),
        (DUPLICATE, ORIGINAL, "influences"),
    ] {
        let relationship = RelationshipInput {
            from_id: from.to_string(),
            to_id: to.to_string(),
            kind: kind.into(),
            note: None,
            starts_on: None,
            ends_on: None,
        };
        rel::add_relationship(db, admin, &relationship, now)
            .await
            .unwrap();
    }
    (other, follow_up.id)
}

#[tokio::test]
async fn a_merge_moves_everything_to_the_survivor_and_unmerge_restores_it_exactly() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    let (other, follow_up) = enrich_duplicate(db, admin).await;

    let preview = merge::merge_preview(db, admin, &[ORIGINAL.to_string(), DUPLICATE.to_string()])
        .await
        .unwrap();
    assert_eq!(preview.records.len(), 2);
    let job = preview
        .fields
        .iter()
        .find(|f| f.field == "jobTitle")
        .unwrap();
    assert_eq!(job.values.len(), 2, "one value per record, side by side");
    assert!(
        preview.combined.emails >= 2,
        "the duplicate's own address is combined: {:?}",
        preview.combined
    );
    assert!(preview.combined.follow_ups >= 1);

    let exports_before = [
        export_without_audit_of_merges(db, admin, ORIGINAL).await,
        export_without_audit_of_merges(db, admin, DUPLICATE).await,
    ];
    let counts_before = table_counts(db).await;
    let duplicate_title: Option<String> =
        sqlx::query_scalar("SELECT job_title FROM contacts WHERE id = ?")
            .bind(DUPLICATE)
            .fetch_one(db.reader())
            .await
            .unwrap();

    let outcome = merge::merge(
        db,
        admin,
        &input(
            ORIGINAL,
            &[DUPLICATE],
            &[("jobTitle", DUPLICATE), ("lastName", ORIGINAL)],
        ),
        fixed_now(),
    )
    .await
    .unwrap();
    assert_eq!(outcome.survivor_id, ORIGINAL.to_string());
    assert_eq!(outcome.merged, vec![DUPLICATE.to_string()]);
    assert_kept_copies_match(db).await;

    // The merged id and reference resolve to the survivor.
    let by_id = contacts::get(db, admin, &DUPLICATE.to_string(), HOME)
        .await
        .unwrap();
    assert_eq!(by_id.id, ORIGINAL.to_string());
    let by_reference = contacts::get(db, admin, &contact_reference(DUPLICATE), HOME)
        .await
        .unwrap();
    assert_eq!(by_reference.id, ORIGINAL.to_string());
    assert_eq!(by_id.job_title, duplicate_title, "the chosen value won");
    assert!(
        by_id
            .emails
            .iter()
            .any(|e| e.address == EXTRA_EMAIL && !e.is_primary),
        "the duplicate's address moved, not as primary"
    );
    let addresses: Vec<String> = by_id
        .emails
        .iter()
        .map(|e| e.address.to_lowercase())
        .collect();
    let mut distinct = addresses.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(addresses.len(), distinct.len(), "no address twice");
    assert_eq!(
        by_id.emails.iter().filter(|e| e.is_primary).count(),
        1,
        "one primary email"
    );

    // Search finds the survivor by the merged one's address.
    let page = contacts::list(
        db,
        admin,
        &ContactListQuery {
            search: Some(EXTRA_EMAIL.into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let found: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(found, vec![ORIGINAL.to_string().as_str()]);

    // Rows moved; nothing refers to the merged contact any more.
    for table in merge::snapshot_tables() {
        if matches!(
            table,
            "contacts" | "escalation_steps" | "relationships" | "import_updates"
        ) {
            continue;
        }
        let left = scalar(
            db,
            &format!("SELECT count(*) FROM {table} WHERE contact_id = {DUPLICATE}"),
        )
        .await;
        assert_eq!(left, 0, "{table} still holds rows of the merged contact");
    }
    assert_eq!(
        scalar(
            db,
            &format!("SELECT count(*) FROM contacts WHERE id = {DUPLICATE}")
        )
        .await,
        0
    );
    let follow_up_owner = scalar(
        db,
        &format!("SELECT contact_id FROM follow_ups WHERE id = {follow_up}"),
    )
    .await;
    assert_eq!(follow_up_owner, ORIGINAL);
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT count(*) FROM relationships WHERE kind = 'works_with'
                 AND {ORIGINAL} IN (from_contact_id, to_contact_id)
                 AND {other} IN (from_contact_id, to_contact_id)"
            )
        )
        .await,
        1,
        "the relationship moved to the survivor"
    );
    assert_eq!(
        scalar(
            db,
            "SELECT count(*) FROM relationships WHERE from_contact_id = to_contact_id"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(
            db,
            &format!(
                "SELECT count(*) FROM (SELECT interaction_id FROM interaction_contacts
                 WHERE contact_id = {ORIGINAL} GROUP BY interaction_id HAVING count(*) > 1)"
            )
        )
        .await,
        0,
        "a shared interaction is linked once"
    );
    assert_eq!(
        scalar(
            db,
            "SELECT count(*) FROM (SELECT site_id FROM contact_sites WHERE is_primary = 1
             GROUP BY site_id HAVING count(*) > 1)"
        )
        .await,
        0,
        "never two primaries per site"
    );
    // The figures of everyone still add up to the summaries.
    assert_eq!(
        scalar(
            db,
            "SELECT (SELECT touchpoints FROM engagement_totals)
                  - (SELECT ifnull(sum(touchpoints), 0) FROM contact_engagement)"
        )
        .await,
        0
    );
    let events = scalar(
        db,
        "SELECT count(*) FROM audit_events WHERE action = 'merge' AND summary LIKE '%mergeId%'",
    )
    .await;
    assert_eq!(events, 1, "the merge is audited");
    let leaked = scalar(
        db,
        &format!(
            "SELECT count(*) FROM audit_events WHERE summary LIKE '%{EXTRA_EMAIL}%'
                OR summary LIKE '%Head of Merged%'"
        ),
    )
    .await;
    assert_eq!(leaked, 0, "no personal values in the chained summaries");

    // Undo: everything as it was.
    merge::unmerge(db, admin, &outcome.merge_id, fixed_now())
        .await
        .unwrap();
    assert_eq!(table_counts(db).await, counts_before);
    assert_kept_copies_match(db).await;
    let exports_after = [
        export_without_audit_of_merges(db, admin, ORIGINAL).await,
        export_without_audit_of_merges(db, admin, DUPLICATE).await,
    ];
    assert_eq!(exports_after[0].0, exports_before[0].0);
    assert_eq!(exports_after[1].0, exports_before[1].0);
    assert_eq!(exports_after[0].1, exports_before[0].1, "the vCards too");
    assert_eq!(exports_after[1].1, exports_before[1].1);
    let back = contacts::get(db, admin, &DUPLICATE.to_string(), HOME)
        .await
        .unwrap();
    assert_eq!(
        back.id,
        DUPLICATE.to_string(),
        "the merged id is its own again"
    );
    let page = contacts::list(
        db,
        admin,
        &ContactListQuery {
            search: Some(EXTRA_EMAIL.into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let found: Vec<&str> = page.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(found, vec![DUPLICATE.to_string().as_str()], "re-indexed");

    // Twice is refused.
    let again = merge::unmerge(db, admin, &outcome.merge_id, fixed_now())
        .await
        .unwrap_err();
    assert_eq!(again.code(), "conflict", "{again}");
}

#[tokio::test]
async fn merges_are_refused_out_of_scope_with_bad_choices_and_undo_after_an_edit() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);

    // A territory manager cannot reach a contact outside their territory.
    let territory = sign_in(db, "territory").await;
    let mine: i64 = sqlx::query_scalar(crate::engagement::IN_TERRITORY)
        .fetch_one(db.reader())
        .await
        .unwrap();
    let outside: i64 = sqlx::query_scalar(OUTSIDE_REGION)
        .fetch_one(db.reader())
        .await
        .unwrap();
    let refused = merge::merge(db, &territory, &input(mine, &[outside], &[]), fixed_now())
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "not_found", "{refused}");

    // A choice naming a contact outside the group, or an unknown field.
    let bad = merge::merge(
        db,
        admin,
        &input(ORIGINAL, &[DUPLICATE], &[("jobTitle", 5)]),
        fixed_now(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&bad, CoreError::InvalidInput(p) if p.field == "choices.jobTitle"),
        "{bad:?}"
    );
    let unknown = merge::merge(
        db,
        admin,
        &input(ORIGINAL, &[DUPLICATE], &[("shoeSize", DUPLICATE)]),
        fixed_now(),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&unknown, CoreError::InvalidInput(p) if p.field == "choices.shoeSize"),
        "{unknown:?}"
    );
    let alone = merge::merge(db, admin, &input(ORIGINAL, &[ORIGINAL], &[]), fixed_now())
        .await
        .unwrap_err();
    assert_eq!(alone.code(), "invalid_input");
    assert_eq!(
        scalar(db, "SELECT count(*) FROM contact_merges").await,
        0,
        "nothing was stored"
    );

    // An edit of the survivor after the merge blocks its undo.
    let outcome = merge::merge(db, admin, &input(ORIGINAL, &[DUPLICATE], &[]), fixed_now())
        .await
        .unwrap();
    let stored = contacts::get(db, admin, &ORIGINAL.to_string(), HOME)
        .await
        .unwrap();
    let mut form = write::input_of_detail(&stored);
    form.notes = Some("Edited after the merge".into());
    write::update(
        db,
        admin,
        &ORIGINAL.to_string(),
        stored.version,
        &form,
        None,
        HOME,
    )
    .await
    .unwrap();
    let refused = merge::unmerge(db, admin, &outcome.merge_id, fixed_now())
        .await
        .unwrap_err();
    assert!(matches!(refused, CoreError::Changed { .. }), "{refused:?}");
    assert_eq!(refused.code(), "conflict");
    assert_eq!(
        scalar(
            db,
            &format!("SELECT count(*) FROM contacts WHERE id = {DUPLICATE}")
        )
        .await,
        0,
        "the refused undo changed nothing"
    );
    let unknown = merge::unmerge(db, admin, "999", fixed_now())
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), "not_found");
}

#[tokio::test]
async fn erasing_the_survivor_removes_the_merge_snapshot_and_aliases() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    enrich_duplicate(db, admin).await;
    let outcome = merge::merge(db, admin, &input(ORIGINAL, &[DUPLICATE], &[]), fixed_now())
        .await
        .unwrap();
    let held = scalar(
        db,
        &format!("SELECT count(*) FROM contact_merges WHERE snapshot LIKE '%{EXTRA_EMAIL}%'"),
    )
    .await;
    assert_eq!(held, 1, "the snapshot holds the merged person's address");

    privacy::erase_person(
        db,
        admin,
        &ORIGINAL.to_string(),
        &contact_reference(ORIGINAL),
    )
    .await
    .unwrap();
    for table in ["contact_merges", "contact_merge_members", "contact_aliases"] {
        assert_eq!(
            scalar(db, &format!("SELECT count(*) FROM {table}")).await,
            0,
            "{table} keeps nothing of the erased person"
        );
    }
    let undo = merge::unmerge(db, admin, &outcome.merge_id, fixed_now())
        .await
        .unwrap_err();
    assert_eq!(undo.code(), "not_found");
}

#[tokio::test]
async fn every_table_referring_to_contacts_is_in_the_merge_snapshot() {
    let demo = demo_db(100).await;
    let referring: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) fk
         WHERE m.type = 'table' AND fk.\"table\" = 'contacts' ORDER BY m.name",
    )
    .fetch_all(demo.db.reader())
    .await
    .unwrap();
    let copied = merge::snapshot_tables();
    for table in referring {
        assert!(
            copied.contains(&table.as_str()),
            "{table} refers to contacts but a merge does not copy it"
        );
    }
}

async fn manager(db: &Database, id: i64) -> Option<i64> {
    sqlx::query_scalar(
        "SELECT to_contact_id FROM relationships WHERE kind = 'reports_to' AND from_contact_id = ?",
    )
    .bind(id)
    .fetch_optional(db.reader())
    .await
    .unwrap()
}

#[tokio::test]
async fn the_survivor_keeps_its_manager_and_no_reporting_loop_is_made() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    let now = fixed_now();
    let (x, y) = (
        nth_colleague(db, DUPLICATE, 0).await,
        nth_colleague(db, DUPLICATE, 1).await,
    );
    // Only the hierarchy below: the demo's own would get in the way.
    let mut tx = db.write().await.unwrap();
    sqlx::query("DELETE FROM relationships")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (person, boss) in [(ORIGINAL, x), (DUPLICATE, y), (x, DUPLICATE)] {
        rel::set_reports_to(db, admin, &person.to_string(), Some(&boss.to_string()), now)
            .await
            .unwrap();
    }
    let outcome = merge::merge(db, admin, &input(ORIGINAL, &[DUPLICATE], &[]), now)
        .await
        .unwrap();
    assert_eq!(
        manager(db, ORIGINAL).await,
        Some(x),
        "the survivor's own manager stays"
    );
    assert_eq!(
        manager(db, x).await,
        None,
        "x reporting to the survivor would close a loop with the survivor reporting to x"
    );
    merge::unmerge(db, admin, &outcome.merge_id, now)
        .await
        .unwrap();
    assert_eq!(manager(db, ORIGINAL).await, Some(x));
    assert_eq!(manager(db, DUPLICATE).await, Some(y));
    assert_eq!(
        manager(db, x).await,
        Some(DUPLICATE),
        "the undo puts it back"
    );
}

#[tokio::test]
async fn three_records_merge_into_the_default_survivor_and_come_back() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    let group = [ORIGINAL, DUPLICATE, 194];
    let wire: Vec<String> = group.iter().map(i64::to_string).collect();
    let preview = merge::merge_preview(db, admin, &wire).await.unwrap();
    assert_eq!(preview.records.len(), 3);
    let survivor: i64 = preview.default_survivor.parse().unwrap();
    assert!(group.contains(&survivor));
    for field in &preview.fields {
        let chosen: i64 = field.default_choice.parse().unwrap();
        let index = group.iter().position(|id| *id == chosen).unwrap();
        let survivor_index = group.iter().position(|id| *id == survivor).unwrap();
        assert!(
            chosen == survivor || field.values[survivor_index].is_none(),
            "{}: the survivor's value is the default unless it has none",
            field.field
        );
        assert!(
            field.values[index].is_some() || chosen == survivor,
            "{}: a default is never an empty value over a filled one",
            field.field
        );
    }
    let counts_before = table_counts(db).await;
    let others: Vec<i64> = group.iter().copied().filter(|id| *id != survivor).collect();
    let outcome = merge::merge(db, admin, &input(survivor, &others, &[]), fixed_now())
        .await
        .unwrap();
    assert_eq!(outcome.merged.len(), 2);
    for other in &others {
        let resolved = contacts::get(db, admin, &contact_reference(*other), HOME)
            .await
            .unwrap();
        assert_eq!(resolved.id, survivor.to_string());
    }
    let names: Vec<String> = others
        .iter()
        .map(|id| {
            let record = preview.records.iter().find(|r| r.id == id.to_string());
            let record = record.unwrap();
            format!("{} ({})", record.display_name, record.reference)
        })
        .collect();
    let history = merge::recent_merges(db, admin, 10).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].merge_id, outcome.merge_id);
    assert_eq!(history[0].survivor_id, survivor.to_string());
    assert_eq!(history[0].merged, names, "the merged records as they were");
    assert_eq!(history[0].undone_at, None);
    // Someone who cannot see the survivor does not see its merge.
    let territory = sign_in(db, "territory").await;
    let sees_survivor = !contacts::rows_of(db, &territory, &[survivor.to_string()])
        .await
        .unwrap()
        .is_empty();
    let theirs = merge::recent_merges(db, &territory, 10).await.unwrap();
    assert_eq!(theirs.len(), usize::from(sees_survivor));

    merge::unmerge(db, admin, &outcome.merge_id, fixed_now())
        .await
        .unwrap();
    assert_eq!(table_counts(db).await, counts_before);
    assert_kept_copies_match(db).await;
    let history = merge::recent_merges(db, admin, 10).await.unwrap();
    assert!(history[0].undone_at.is_some(), "the history shows the undo");
}

#[tokio::test]
async fn a_merged_id_is_never_given_to_a_new_contact() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    let last = scalar(db, "SELECT max(id) FROM contacts").await;
    merge::merge(db, admin, &input(ORIGINAL, &[last], &[]), fixed_now())
        .await
        .unwrap();
    let site: i64 = scalar(db, "SELECT min(id) FROM sites").await;
    let form = ContactInput {
        contact_type: ContactType::Operations,
        first_name: "Amelie".into(),
        last_name: "Quennell-Ashby".into(),
        emails: vec![EmailInput {
            kind: EmailKind::Business,
            address: "amelie.quennell@example.co.uk".into(),
        }],
        sites: vec![SiteAssociationInput {
            site_id: site.to_string(),
            role: SiteRole::Operations,
            authority_limit: None,
        }],
        ..Default::default()
    };
    let created = write::create(db, admin, &form, HOME).await.unwrap();
    assert_eq!(
        created.id,
        (last + 1).to_string(),
        "the merged id stays taken"
    );
    let resolved = contacts::get(db, admin, &last.to_string(), HOME)
        .await
        .unwrap();
    assert_eq!(resolved.id, ORIGINAL.to_string());
}

#[tokio::test]
async fn merges_chain_and_are_undone_latest_first() {
    let demo = demo_db(400).await;
    let (db, admin) = (&demo.db, &demo.admin);
    let third = 193;
    let counts_before = table_counts(db).await;
    let first = merge::merge(db, admin, &input(ORIGINAL, &[DUPLICATE], &[]), fixed_now())
        .await
        .unwrap();
    let second = merge::merge(db, admin, &input(third, &[ORIGINAL], &[]), fixed_now())
        .await
        .unwrap();
    let resolved = contacts::get(db, admin, &contact_reference(DUPLICATE), HOME)
        .await
        .unwrap();
    assert_eq!(
        resolved.id,
        third.to_string(),
        "aliases chain to the last survivor"
    );
    let early = merge::unmerge(db, admin, &first.merge_id, fixed_now())
        .await
        .unwrap_err();
    assert_eq!(
        early.code(),
        "conflict",
        "the later merge must be undone first"
    );
    merge::unmerge(db, admin, &second.merge_id, fixed_now())
        .await
        .unwrap();
    merge::unmerge(db, admin, &first.merge_id, fixed_now())
        .await
        .unwrap();
    assert_eq!(table_counts(db).await, counts_before);
}
