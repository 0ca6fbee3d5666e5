//! Engagement: interactions with several contacts and their timelines, scope, audited edits,
//! the consent warning, follow-ups (also from next steps), cadences, the escalation chain as time
//! moves on, due notifications, privacy requests and metrics, on a real database.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Utc};
use rapport_core::access::Actor;
use rapport_core::contact::privacy;
use rapport_core::demo::DemoOptions;
use rapport_core::engagement::{self, interactions};
use rapport_core::model::*;
use rapport_core::{audit, CoreError, Database, DatabaseKey};
use serde_json::Value;

use crate::{demo_db, fixed_now, sign_in, territory_manager, Demo};

/// Active, non-billing contacts with no engagement yet whose every site is in `UKI-SCO` (the
/// territory demo user's scope; its contacts are owned by that user).
pub(crate) const IN_TERRITORY: &str = "SELECT c.id FROM contacts c
    WHERE c.status = 'active' AND c.erased_at IS NULL AND c.contact_type <> 'billing'
      AND NOT EXISTS (SELECT 1 FROM interaction_contacts l WHERE l.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM cadences k WHERE k.contact_id = c.id)
      AND EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                  JOIN territories t ON t.id = s.territory_id
                  WHERE cs.contact_id = c.id AND t.code = 'UKI-SCO')
      AND NOT EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                  JOIN territories t ON t.id = s.territory_id
                  WHERE cs.contact_id = c.id AND t.code <> 'UKI-SCO')
    ORDER BY c.id";

/// As above, but with no site in `UKI-SCO` nor anywhere in the UKI region.
pub(crate) const OUTSIDE_REGION: &str = "SELECT c.id FROM contacts c
    WHERE c.status = 'active' AND c.erased_at IS NULL AND c.contact_type <> 'billing'
      AND NOT EXISTS (SELECT 1 FROM interaction_contacts l WHERE l.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                  JOIN territories t ON t.id = s.territory_id JOIN regions r ON r.id = t.region_id
                  WHERE cs.contact_id = c.id AND r.code = 'UKI')
    ORDER BY c.id";

/// A demo organisation without the demo's own engagement history, so that each test's
/// hand-built history is all there is (the demo's history has a test of its own).
pub(crate) async fn quiet_demo() -> Demo {
    let demo = demo_db(400).await;
    let mut tx = demo.db.write().await.unwrap();
    for table in [
        "escalation_steps",
        "escalations",
        "follow_ups",
        "cadences",
        "contact_responses",
        "contact_engagement",
        "interaction_contacts",
        "interactions",
    ] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    demo
}

pub(crate) async fn ids(db: &Database, sql: &str) -> Vec<i64> {
    sqlx::query_scalar(sql)
        .fetch_all(db.reader())
        .await
        .unwrap()
}

async fn count(db: &Database, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

async fn number(db: &Database, sql: &str, bind: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(bind)
        .fetch_one(db.reader())
        .await
        .unwrap()
}

fn wire(ids: &[i64]) -> Vec<String> {
    ids.iter().map(i64::to_string).collect()
}

/// An interaction at `at`, shown in the user's zone (UTC+1); consent acknowledged.
fn logged(
    contacts: &[i64],
    channel: InteractionChannel,
    direction: Direction,
    at: DateTime<Utc>,
) -> InteractionInput {
    let zone = FixedOffset::east_opt(3600).unwrap();
    InteractionInput {
        contact_ids: wire(contacts),
        channel,
        category: InteractionCategory::Strategic,
        direction,
        occurred_at: at.with_timezone(&zone),
        duration_minutes: Some(30),
        no_answer: false,
        subject: format!("{channel} {direction}"),
        outcome: Some("Approved expansion".into()),
        next_steps: None,
        attachments: Vec::new(),
        acknowledge_consent: true,
        follow_up: None,
    }
}

pub(crate) async fn log(
    db: &Database,
    actor: &Actor,
    contacts: &[i64],
    channel: InteractionChannel,
    direction: Direction,
    at: DateTime<Utc>,
) -> Interaction {
    engagement::log_interaction(db, actor, &logged(contacts, channel, direction, at), at)
        .await
        .unwrap()
        .interaction
}

fn due_on(at: DateTime<Utc>, time: Option<(u32, u32)>) -> DueInput {
    DueInput {
        date: at.date_naive(),
        time: time.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
        utc_offset_minutes: 0,
    }
}

fn all() -> TimelineQuery {
    TimelineQuery::default()
}

#[tokio::test]
async fn an_interaction_with_several_contacts_is_on_each_timeline_and_the_accounts() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let quiet = ids(db, IN_TERRITORY).await;
    let (anna, ben) = (quiet[0], quiet[1]);
    let now = fixed_now();
    let earlier = log(
        db,
        admin,
        &[anna],
        InteractionChannel::Email,
        Direction::Outbound,
        now - Duration::days(3),
    )
    .await;
    let mut input = logged(
        &[anna, ben, anna],
        InteractionChannel::Meeting,
        Direction::Outbound,
        now - Duration::hours(2),
    );
    input.subject = "  QBR   meeting ".into();
    input.attachments = vec![
        "https://files.example.com/qbr.pdf".into(),
        "/home/sam/notes/qbr.docx".into(),
        r"C:\Users\sam\qbr.xlsx".into(),
    ];
    let meeting = engagement::log_interaction(db, admin, &input, now)
        .await
        .unwrap()
        .interaction;
    assert_eq!(meeting.subject, "QBR meeting", "text is tidied");
    assert_eq!(
        meeting.contacts.len(),
        2,
        "a repeated contact is linked once"
    );
    assert_eq!(
        meeting.occurred_at,
        now - Duration::hours(2),
        "stored in UTC"
    );
    assert_eq!(
        meeting.utc_offset_minutes, 60,
        "with the offset it was entered in"
    );
    assert_eq!(meeting.attachments.len(), 3);
    assert_eq!(meeting.logged_by.as_ref().unwrap().username, "admin");

    for contact in [anna, ben] {
        let page = engagement::contact_timeline(db, admin, &contact.to_string(), &all())
            .await
            .unwrap();
        assert_eq!(
            page.items[0].id, meeting.id,
            "newest first, on both timelines"
        );
    }
    let anna_page = engagement::contact_timeline(db, admin, &anna.to_string(), &all())
        .await
        .unwrap();
    assert_eq!(
        anna_page
            .items
            .iter()
            .map(|i| i.id.clone())
            .collect::<Vec<_>>(),
        [meeting.id.clone(), earlier.id.clone()]
    );

    // Filters and keyset paging.
    let emails = TimelineQuery {
        channels: vec![InteractionChannel::Email],
        ..all()
    };
    let page = engagement::contact_timeline(db, admin, &anna.to_string(), &emails)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].id, earlier.id);
    let window = TimelineQuery {
        from: Some(now - Duration::days(1)),
        until: Some(now),
        ..all()
    };
    let page = engagement::contact_timeline(db, admin, &anna.to_string(), &window)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1, "date range");
    let first = engagement::contact_timeline(
        db,
        admin,
        &anna.to_string(),
        &TimelineQuery { limit: 1, ..all() },
    )
    .await
    .unwrap();
    assert_eq!(first.items[0].id, meeting.id);
    let second = engagement::contact_timeline(
        db,
        admin,
        &anna.to_string(),
        &TimelineQuery {
            limit: 1,
            cursor: first.next_cursor.clone(),
            ..all()
        },
    )
    .await
    .unwrap();
    assert_eq!(second.items[0].id, earlier.id);
    assert!(second.next_cursor.is_none(), "the last page says so");

    // The account's timeline: every contact at its sites, each interaction once.
    let account: i64 = number(
        db,
        "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id = ? LIMIT 1",
        anna,
    )
    .await;
    let page = engagement::account_timeline(db, admin, &account.to_string(), &all())
        .await
        .unwrap();
    assert_eq!(page.items[0].id, meeting.id);
    assert_eq!(
        page.items.iter().filter(|i| i.id == meeting.id).count(),
        1,
        "an interaction with two of its people is listed once"
    );

    // Attachments are references that mean the same thing tomorrow.
    let mut bad = logged(&[anna], InteractionChannel::Note, Direction::Outbound, now);
    bad.attachments = vec!["notes/qbr.docx".into(), "ftp://host/file".into()];
    bad.subject = " ".into();
    let error = engagement::log_interaction(db, admin, &bad, now)
        .await
        .unwrap_err();
    let fields: Vec<String> = error.fields().into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["subject", "attachments.0", "attachments.1"]);
    let mut future = logged(
        &[anna],
        InteractionChannel::Call,
        Direction::Outbound,
        now + Duration::days(2),
    );
    future.acknowledge_consent = true;
    let error = engagement::log_interaction(db, admin, &future, now)
        .await
        .unwrap_err();
    assert_eq!(error.fields()[0].field, "occurredAt");
}

#[tokio::test]
async fn a_territory_manager_neither_logs_nor_sees_interactions_outside_their_territory() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let inside = ids(db, IN_TERRITORY).await[0];
    let outside = ids(db, OUTSIDE_REGION).await[0];
    let now = fixed_now();
    let denied_before = count(
        db,
        "SELECT count(*) FROM audit_events WHERE action = 'denied'",
    )
    .await;

    let error = engagement::log_interaction(
        db,
        &territory,
        &logged(
            &[inside, outside],
            InteractionChannel::Call,
            Direction::Outbound,
            now,
        ),
        now,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }), "{error:?}");
    let denied_after = count(
        db,
        "SELECT count(*) FROM audit_events WHERE action = 'denied'",
    )
    .await;
    assert_eq!(denied_after, denied_before + 1, "the refusal is audited");
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM interaction_contacts WHERE contact_id = ?",
            inside
        )
        .await,
        0,
        "nothing was logged"
    );

    // Their own contact: fine. A meeting the administrator logged with someone outside their
    // territory is not theirs to see, even on their own contact's timeline.
    let own = log(
        db,
        &territory,
        &[inside],
        InteractionChannel::Call,
        Direction::Outbound,
        now,
    )
    .await;
    let shared = log(
        db,
        admin,
        &[inside, outside],
        InteractionChannel::Meeting,
        Direction::Outbound,
        now - Duration::hours(1),
    )
    .await;
    let page = engagement::contact_timeline(db, &territory, &inside.to_string(), &all())
        .await
        .unwrap();
    let seen: Vec<String> = page.items.into_iter().map(|i| i.id).collect();
    assert_eq!(seen, vec![own.id.clone()]);
    let error = engagement::get_interaction(db, &territory, &shared.id)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }));
    let mut edit = logged(
        &[inside],
        InteractionChannel::Meeting,
        Direction::Outbound,
        now,
    );
    edit.subject = "Mine now".into();
    let error = engagement::update_interaction(db, &territory, &shared.id, 1, &edit, now)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }), "nor edit it");
    let error = engagement::delete_interaction(db, &territory, &shared.id, now)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }), "nor delete it");
    let error = engagement::contact_timeline(db, &territory, &outside.to_string(), &all())
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }));

    // A billing administrator sees billing contacts only.
    let billing = sign_in(db, "billing").await;
    let error = engagement::get_interaction(db, &billing, &own.id)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::NotFound { .. }));
}

#[tokio::test]
async fn edits_and_deletions_are_audited_with_what_changed() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let quiet = ids(db, IN_TERRITORY).await;
    let (anna, ben) = (quiet[0], quiet[1]);
    let now = fixed_now();
    let call = log(
        db,
        admin,
        &[anna],
        InteractionChannel::Call,
        Direction::Outbound,
        now - Duration::hours(1),
    )
    .await;
    let mut edit = logged(
        &[anna, ben],
        InteractionChannel::Call,
        Direction::Outbound,
        now - Duration::hours(1),
    );
    edit.outcome = Some("Architecture approved".into());
    let edited = engagement::update_interaction(db, admin, &call.id, call.version, &edit, now)
        .await
        .unwrap();
    assert_eq!(edited.version, 2);
    assert_eq!(edited.outcome.as_deref(), Some("Architecture approved"));
    assert_eq!(edited.contacts.len(), 2);

    let (summary, body): (String, String) = sqlx::query_as(
        "SELECT e.summary, p.body FROM audit_events e JOIN audit_payloads p ON p.seq = e.seq
         WHERE e.entity = 'interaction' AND e.entity_id = ? AND e.action = 'update'",
    )
    .bind(&call.id)
    .fetch_one(db.reader())
    .await
    .unwrap();
    let summary: Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(
        summary["fields"],
        serde_json::json!(["outcome", "contactIds"])
    );
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["changes"][0]["before"], "Approved expansion");
    assert_eq!(body["changes"][0]["after"], "Architecture approved");

    // An edit from a stale version changes nothing.
    let error = engagement::update_interaction(db, admin, &call.id, 1, &edit, now)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::Conflict { current_version: 2 }));

    engagement::delete_interaction(db, admin, &call.id, now)
        .await
        .unwrap();
    let (summary, body): (String, String) = sqlx::query_as(
        "SELECT e.summary, p.body FROM audit_events e JOIN audit_payloads p ON p.seq = e.seq
         WHERE e.entity = 'interaction' AND e.entity_id = ? AND e.action = 'delete'",
    )
    .bind(&call.id)
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert!(summary.contains("subject"), "{summary}");
    assert!(
        body.contains("Architecture approved"),
        "what was deleted is kept in the payload"
    );
    assert!(
        engagement::contact_timeline(db, admin, &ben.to_string(), &all())
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn an_outbound_interaction_without_consent_needs_an_acknowledgement() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let now = fixed_now();
    let mut tx = db.write().await.unwrap();
    sqlx::query("INSERT OR REPLACE INTO contact_channel_preferences (contact_id, channel, notify, consent) VALUES (?, 'phone', 1, 0)")
        .bind(anna)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("INSERT OR REPLACE INTO contact_channel_preferences (contact_id, channel, notify, consent) VALUES (?, 'email', 1, 1)")
        .bind(anna)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let warnings = engagement::consent_warnings(
        db,
        admin,
        &wire(&[anna]),
        InteractionChannel::Call,
        Direction::Outbound,
    )
    .await
    .unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].channel, ContactChannel::Phone);
    assert!(engagement::consent_warnings(
        db,
        admin,
        &wire(&[anna]),
        InteractionChannel::Email,
        Direction::Outbound
    )
    .await
    .unwrap()
    .is_empty());

    let mut call = logged(&[anna], InteractionChannel::Call, Direction::Outbound, now);
    call.acknowledge_consent = false;
    let error = engagement::log_interaction(db, admin, &call, now)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid_input");
    let problem = &error.fields()[0];
    assert_eq!(problem.field, "acknowledgeConsent");
    assert!(problem.message.contains("phone"), "{}", problem.message);
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM interaction_contacts WHERE contact_id = ?",
            anna
        )
        .await,
        0
    );

    // Inbound calls and meetings need no consent; acknowledged, the call is logged and audited.
    let mut inbound = call.clone();
    inbound.direction = Direction::Inbound;
    engagement::log_interaction(db, admin, &inbound, now)
        .await
        .unwrap();
    call.acknowledge_consent = true;
    let logged_call = engagement::log_interaction(db, admin, &call, now)
        .await
        .unwrap();
    assert_eq!(logged_call.acknowledged.len(), 1);
    let summary: String = sqlx::query_scalar(
        "SELECT summary FROM audit_events WHERE entity = 'interaction' AND entity_id = ?",
    )
    .bind(&logged_call.interaction.id)
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert!(
        summary.contains(r#""consentAcknowledged":["phone"]"#),
        "{summary}"
    );
}

#[tokio::test]
async fn a_follow_up_from_next_steps_is_queued_completed_reopened_and_reassigned() {
    let Demo { db, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let now = fixed_now();
    let mut call = logged(&[anna], InteractionChannel::Call, Direction::Outbound, now);
    call.next_steps = Some("Send the technical review pack\nand book the workshop".into());
    call.follow_up = Some(FollowUpPlan {
        contact_id: None,
        due: due_on(now + Duration::days(2), Some((10, 0))),
        owner: None,
        priority: FollowUpPriority::High,
    });
    let logged_call = engagement::log_interaction(db, &territory, &call, now)
        .await
        .unwrap();
    let follow_up = logged_call.follow_up.unwrap();
    assert_eq!(follow_up.title, "Send the technical review pack");
    assert_eq!(
        follow_up.notes.as_deref(),
        Some("Send the technical review pack\nand book the workshop")
    );
    assert_eq!(
        follow_up.interaction_id.as_deref(),
        Some(logged_call.interaction.id.as_str())
    );
    assert_eq!(follow_up.owner.username, "territory");
    assert_eq!(follow_up.state, FollowUpState::Upcoming);

    // Its states as time goes by.
    let due_at = follow_up.due_at;
    for (at, state) in [
        (now, FollowUpState::Upcoming),
        (due_at + Duration::minutes(1), FollowUpState::Due),
        (due_at + Duration::days(1), FollowUpState::Overdue),
    ] {
        let page = engagement::my_follow_ups(db, &territory, &FollowUpQuery::default(), at)
            .await
            .unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].state, state, "at {at}");
        let only = FollowUpQuery {
            state: Some(state),
            ..Default::default()
        };
        assert_eq!(
            engagement::my_follow_ups(db, &territory, &only, at)
                .await
                .unwrap()
                .items
                .len(),
            1
        );
    }
    let later = due_at + Duration::days(1);
    let counts = engagement::follow_up_counts(db, &territory, later)
        .await
        .unwrap();
    assert_eq!((counts.overdue, counts.due, counts.upcoming), (1, 0, 0));
    let regional = sign_in(db, "regional").await;
    let queue = engagement::overdue_queue(db, &regional, &FollowUpQuery::default(), later)
        .await
        .unwrap();
    assert_eq!(
        queue.items.len(),
        1,
        "the overdue queue of the region's manager"
    );
    let billing = sign_in(db, "billing").await;
    assert!(
        engagement::overdue_queue(db, &billing, &FollowUpQuery::default(), later)
            .await
            .unwrap()
            .items
            .is_empty()
    );

    let done = engagement::complete_follow_up(db, &territory, &follow_up.id, later)
        .await
        .unwrap();
    assert_eq!(
        (done.status, done.state),
        (FollowUpStatus::Done, FollowUpState::Closed)
    );
    let again = engagement::complete_follow_up(db, &territory, &follow_up.id, later)
        .await
        .unwrap_err();
    assert_eq!(again.fields()[0].field, "status");
    assert!(
        engagement::my_follow_ups(db, &territory, &FollowUpQuery::default(), later)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let reopened = engagement::reopen_follow_up(db, &territory, &follow_up.id, later)
        .await
        .unwrap();
    assert_eq!(reopened.status, FollowUpStatus::Open);

    // Reassigned to someone who sees the contact; not to someone who does not.
    let error = engagement::reassign_follow_up(db, &territory, &follow_up.id, "billing", later)
        .await
        .unwrap_err();
    assert_eq!(error.fields()[0].field, "owner");
    let moved = engagement::reassign_follow_up(db, &territory, &follow_up.id, "regional", later)
        .await
        .unwrap();
    assert_eq!(moved.owner.username, "regional");
    let cancelled = engagement::cancel_follow_up(db, &regional, &follow_up.id, later)
        .await
        .unwrap();
    assert_eq!(cancelled.status, FollowUpStatus::Cancelled);
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_events WHERE entity = 'follow_up' AND entity_id = ? ORDER BY seq",
    )
    .bind(&follow_up.id)
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(
        actions,
        ["create", "complete", "reopen", "reassign", "cancel"]
    );

    // On its own, with its title from the interaction's next steps.
    let own = engagement::create_follow_up(
        db,
        &territory,
        &FollowUpInput {
            contact_id: anna.to_string(),
            interaction_id: Some(logged_call.interaction.id.clone()),
            title: None,
            notes: None,
            due: due_on(now, None),
            owner: None,
            priority: FollowUpPriority::Normal,
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(own.title, "Send the technical review pack");
    assert_eq!(
        own.state,
        FollowUpState::Due,
        "an all-day follow-up is due from the start of its day"
    );
    let listed = engagement::contact_follow_ups(db, &territory, &anna.to_string(), now)
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, own.id, "open ones first");
}

#[tokio::test]
async fn a_cadence_comes_due_and_resets_when_an_interaction_is_logged() {
    let Demo { db, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let now = fixed_now();
    let cadence = engagement::set_cadence(
        db,
        &territory,
        &anna.to_string(),
        &CadenceInput {
            every_days: 30,
            owner: None,
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        cadence.next_due_at,
        now + Duration::days(30),
        "counted from its set-up"
    );
    assert_eq!(
        cadence.owner.as_ref().unwrap().username,
        "territory",
        "the contact's owner"
    );
    assert!(engagement::cadence_queue(db, &territory, now)
        .await
        .unwrap()
        .is_empty());

    let late = now + Duration::days(31);
    let queue = engagement::cadence_queue(db, &territory, late)
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
    assert!(queue[0].due);
    assert_eq!(
        engagement::follow_up_counts(db, &territory, late)
            .await
            .unwrap()
            .cadences_due,
        1
    );

    let call_at = late - Duration::hours(1);
    log(
        db,
        &territory,
        &[anna],
        InteractionChannel::Call,
        Direction::Outbound,
        call_at,
    )
    .await;
    assert!(
        engagement::cadence_queue(db, &territory, late)
            .await
            .unwrap()
            .is_empty(),
        "reset"
    );
    let reset = engagement::get_cadence(db, &territory, &anna.to_string(), late)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(reset.next_due_at, call_at + Duration::days(30));
    assert_eq!(reset.last_contact_at, Some(call_at));

    let error = engagement::set_cadence(
        db,
        &territory,
        &anna.to_string(),
        &CadenceInput {
            every_days: 0,
            owner: None,
        },
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "everyDays");
    engagement::remove_cadence(db, &territory, &anna.to_string(), late)
        .await
        .unwrap();
    assert!(
        engagement::get_cadence(db, &territory, &anna.to_string(), late)
            .await
            .unwrap()
            .is_none()
    );
}

/// A territory manager of UKI-SCO created after the demo's one, so that the escalation's owner
/// and territory manager are different people.
async fn second_territory_manager(db: &Database, admin: &Actor) -> Actor {
    let territory: i64 = sqlx::query_scalar("SELECT id FROM territories WHERE code = 'UKI-SCO'")
        .fetch_one(db.reader())
        .await
        .unwrap();
    territory_manager(db, admin, "owner1", &[territory]).await
}

async fn queue_of(db: &Database, actor: &Actor) -> Vec<Escalation> {
    engagement::escalation_queue(db, actor).await.unwrap()
}

#[tokio::test]
async fn an_unanswered_contact_escalates_step_by_step_until_they_answer() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let owner = second_territory_manager(db, admin).await;
    let territory = sign_in(db, "territory").await;
    let regional = sign_in(db, "regional").await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let mut tx = db.write().await.unwrap();
    sqlx::query("UPDATE contacts SET owner = 'owner1' WHERE id = ?")
        .bind(anna)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Only site administrators change the policy; the change is audited.
    let policy = EscalationPolicy {
        unanswered_attempts: 3,
        response_days: 10,
        territory_manager_after_days: 2,
        regional_manager_after_days: 3,
        site_admin_after_days: 4,
    };
    let error = engagement::save_policy(db, &territory, policy, fixed_now())
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::Forbidden { .. }));
    engagement::save_policy(db, admin, policy, fixed_now())
        .await
        .unwrap();
    assert_eq!(
        engagement::load_policy(db, &territory).await.unwrap(),
        policy
    );
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM audit_events WHERE entity = 'escalation_policy' AND ? > 0",
            1
        )
        .await,
        1
    );

    let t0 = fixed_now() - Duration::days(20);
    for day in 0..3 {
        log(
            db,
            &owner,
            &[anna],
            InteractionChannel::Email,
            Direction::Outbound,
            t0 + Duration::days(day),
        )
        .await;
    }
    // The third attempt (t0 + 2 days) made the contact non-responsive; nothing is earlier.
    let started = t0 + Duration::days(2);
    let run = engagement::run_escalation(db, started - Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(
        run,
        EscalationRun {
            opened: 0,
            steps: 0
        }
    );

    let run = engagement::run_escalation(db, started + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        run,
        EscalationRun {
            opened: 1,
            steps: 1
        }
    );
    let mine = queue_of(db, &owner).await;
    assert_eq!(mine.len(), 1, "the owner's queue first");
    assert_eq!(mine[0].reason, EscalationReason::UnansweredAttempts);
    assert_eq!(mine[0].started_at, started);
    assert_eq!(mine[0].unanswered, 3);
    assert!(queue_of(db, &territory).await.is_empty());
    let again = engagement::run_escalation(db, started + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        again,
        EscalationRun::default(),
        "running again adds nothing"
    );

    // Each level after its delay, dated when it fell due.
    let steps = [
        (
            Duration::days(2),
            &territory,
            EscalationLevel::TerritoryManager,
        ),
        (
            Duration::days(5),
            &regional,
            EscalationLevel::RegionalManager,
        ),
        (Duration::days(9), admin, EscalationLevel::SiteAdmin),
    ];
    let mut previous = &owner;
    for (after, next, level) in steps {
        engagement::run_escalation(db, started + after - Duration::minutes(1))
            .await
            .unwrap();
        assert_eq!(
            queue_of(db, previous).await.len(),
            1,
            "not yet past {level}"
        );
        let run = engagement::run_escalation(db, started + after)
            .await
            .unwrap();
        assert_eq!(run.steps, 1);
        assert!(
            queue_of(db, previous).await.is_empty(),
            "moved on from the previous level"
        );
        let queue = queue_of(db, next).await;
        assert_eq!(queue.len(), 1, "{level} has it");
        let last = queue[0].steps.last().unwrap();
        assert_eq!((last.level, last.at), (level, started + after));
        assert_eq!(last.user.as_ref().unwrap().username, next.username());
        previous = next;
    }
    let escalation = queue_of(db, admin).await.remove(0);
    assert_eq!(
        escalation
            .steps
            .iter()
            .map(|s| s.user.as_ref().unwrap().username.clone())
            .collect::<Vec<_>>(),
        ["owner1", "territory", "regional", "admin"]
    );
    let counts = engagement::follow_up_counts(db, admin, fixed_now())
        .await
        .unwrap();
    assert_eq!(counts.escalations, 1);
    assert_eq!(
        engagement::non_responsive_contacts(db, &regional, None)
            .await
            .unwrap()
            .len(),
        1,
        "the region's non-responsive contacts"
    );

    // The contact answers: no longer non-responsive, in nobody's queue, not reopened.
    let answer_at = started + Duration::days(10);
    log(
        db,
        &owner,
        &[anna],
        InteractionChannel::Email,
        Direction::Inbound,
        answer_at,
    )
    .await;
    assert!(queue_of(db, admin).await.is_empty());
    assert!(engagement::non_responsive_contacts(db, admin, None)
        .await
        .unwrap()
        .is_empty());
    let run = engagement::run_escalation(db, answer_at + Duration::days(30))
        .await
        .unwrap();
    assert_eq!(run, EscalationRun::default());
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_events
         WHERE entity = 'escalation' AND json_extract(summary, '$.contact') = ? ORDER BY seq",
    )
    .bind(anna)
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(
        events,
        ["open", "escalate", "escalate", "escalate", "escalate", "resolve"]
    );
}

#[tokio::test]
async fn no_answer_within_the_response_time_escalates_too() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let t0 = fixed_now() - Duration::days(30);
    // A call that reached the person is a conversation: nothing to answer.
    log(
        db,
        &territory,
        &[anna],
        InteractionChannel::Call,
        Direction::Outbound,
        t0 - Duration::days(30),
    )
    .await;
    assert_eq!(engagement::run_escalation(db, t0).await.unwrap().opened, 0);
    let mut voicemail = logged(&[anna], InteractionChannel::Call, Direction::Outbound, t0);
    voicemail.no_answer = true;
    voicemail.outcome = Some("Left a voicemail".into());
    let voicemail = engagement::log_interaction(db, &territory, &voicemail, t0)
        .await
        .unwrap();
    assert!(voicemail.interaction.no_answer);
    // Default policy: 14 days.
    assert_eq!(
        engagement::run_escalation(db, t0 + Duration::days(13))
            .await
            .unwrap()
            .opened,
        0
    );
    let run = engagement::run_escalation(db, t0 + Duration::days(14))
        .await
        .unwrap();
    assert_eq!(run.opened, 1);
    let queue = queue_of(db, &territory).await;
    assert_eq!(queue[0].reason, EscalationReason::NoResponse);
    // A user deals with it another way; it stays resolved for this run of attempts.
    engagement::resolve_escalation(db, &territory, &queue[0].id, t0 + Duration::days(15))
        .await
        .unwrap();
    let run = engagement::run_escalation(db, t0 + Duration::days(29))
        .await
        .unwrap();
    assert_eq!(run, EscalationRun::default());
    let _ = admin;
}

#[tokio::test]
async fn due_notifications_are_returned_once_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    let key = DatabaseKey::generate();
    let db = &Database::create(&path, &key).await.unwrap();
    let options = DemoOptions {
        contacts: 400,
        seed: 1,
        now: fixed_now(),
    };
    rapport_core::demo::create(db, options, |_| {})
        .await
        .unwrap();
    let territory = sign_in(db, "territory").await;
    let anna = ids(db, IN_TERRITORY).await[0];
    let now = fixed_now();
    let follow_up = engagement::create_follow_up(
        db,
        &territory,
        &FollowUpInput {
            contact_id: anna.to_string(),
            interaction_id: None,
            title: Some("Call back about the renewal".into()),
            notes: None,
            due: due_on(now + Duration::days(1), Some((14, 30))),
            owner: None,
            priority: FollowUpPriority::Urgent,
        },
        now,
    )
    .await
    .unwrap();
    let notices = |at| engagement::due_notifications(db, &territory, at);
    let ours = |list: Vec<DueNotice>| -> Vec<DueNotice> {
        list.into_iter()
            .filter(|n| n.contact.id == anna.to_string())
            .collect()
    };
    assert!(ours(
        notices(follow_up.due_at - Duration::minutes(1))
            .await
            .unwrap()
    )
    .is_empty());
    let due = ours(notices(follow_up.due_at).await.unwrap());
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].kind, due[0].id.clone()),
        (NoticeKind::FollowUp, follow_up.id.clone())
    );
    assert_eq!(due[0].title, "Call back about the renewal");

    let keys = vec![NoticeKey {
        kind: NoticeKind::FollowUp,
        id: follow_up.id.clone(),
    }];
    let regional = sign_in(db, "regional").await;
    assert_eq!(
        engagement::mark_notified(db, &regional, &keys, now)
            .await
            .unwrap(),
        0,
        "not theirs"
    );
    assert_eq!(
        engagement::mark_notified(db, &territory, &keys, now)
            .await
            .unwrap(),
        1
    );
    assert!(ours(
        notices(follow_up.due_at + Duration::hours(1))
            .await
            .unwrap()
    )
    .is_empty());

    // A restart: the mark is in the database, not in memory.
    db.clone().close().await;
    let reopened = Database::open(&path, &key).await.unwrap();
    let territory = sign_in(&reopened, "territory").await;
    let after =
        engagement::due_notifications(&reopened, &territory, follow_up.due_at + Duration::hours(2))
            .await
            .unwrap();
    assert!(after
        .iter()
        .all(|n| n.id != follow_up.id || n.kind != NoticeKind::FollowUp));
    reopened.close().await;
}

#[tokio::test]
async fn erasure_and_the_data_export_cover_engagement() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let quiet = ids(db, IN_TERRITORY).await;
    let (anna, ben) = (quiet[0], quiet[1]);
    let now = fixed_now();
    let mut solo = logged(
        &[anna],
        InteractionChannel::Email,
        Direction::Outbound,
        now - Duration::days(20),
    );
    solo.subject = "Zanzibar quarterly review".into();
    solo.next_steps = Some("Send the Zanzibar pack".into());
    solo.follow_up = Some(FollowUpPlan {
        contact_id: None,
        due: due_on(now, None),
        owner: None,
        priority: FollowUpPriority::Normal,
    });
    let solo = engagement::log_interaction(db, admin, &solo, now)
        .await
        .unwrap();
    let mut edit = logged(
        &[anna],
        InteractionChannel::Email,
        Direction::Outbound,
        now - Duration::days(20),
    );
    edit.subject = "Zanzibar review, moved".into();
    edit.next_steps = Some("Send the Zanzibar pack".into());
    engagement::update_interaction(db, admin, &solo.interaction.id, 1, &edit, now)
        .await
        .unwrap();
    let shared = log(
        db,
        admin,
        &[anna, ben],
        InteractionChannel::Email,
        Direction::Outbound,
        now - Duration::days(1),
    )
    .await;
    engagement::set_cadence(
        db,
        admin,
        &anna.to_string(),
        &CadenceInput {
            every_days: 7,
            owner: None,
        },
        now,
    )
    .await
    .unwrap();
    engagement::run_escalation(db, now).await.unwrap();
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM escalations WHERE contact_id = ?",
            anna
        )
        .await,
        1
    );

    let export = privacy::export_person(db, admin, &anna.to_string(), "GB")
        .await
        .unwrap();
    let json: Value = serde_json::from_str(&export.json).unwrap();
    let engagement_json = &json["engagement"];
    assert_eq!(engagement_json["interactions"].as_array().unwrap().len(), 2);
    assert_eq!(engagement_json["interactions"][1]["otherParticipants"], 1);
    assert_eq!(
        engagement_json["interactions"][0]["subject"],
        "Zanzibar review, moved"
    );
    assert_eq!(
        engagement_json["followUps"][0]["title"],
        "Send the Zanzibar pack"
    );
    assert_eq!(engagement_json["cadence"]["everyDays"], 7);
    assert_eq!(engagement_json["escalations"].as_array().unwrap().len(), 1);

    let reference = contact_reference(anna);
    privacy::erase_person(db, admin, &anna.to_string(), &reference)
        .await
        .unwrap();
    for table in [
        "interaction_contacts",
        "follow_ups",
        "cadences",
        "contact_engagement",
        "contact_responses",
        "escalations",
    ] {
        let left = number(
            db,
            &format!("SELECT count(*) FROM {table} WHERE contact_id = ?"),
            anna,
        )
        .await;
        assert_eq!(left, 0, "{table}");
    }
    let solo_id: i64 = solo.interaction.id.parse().unwrap();
    assert_eq!(
        number(
            db,
            "SELECT count(*) FROM interactions WHERE id = ?",
            solo_id
        )
        .await,
        0,
        "their own interaction is gone"
    );
    let payloads: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_payloads WHERE body LIKE '%Zanzibar%'")
            .fetch_one(db.reader())
            .await
            .unwrap();
    assert_eq!(payloads, 0, "with the values its audit events kept");
    let kept = engagement::get_interaction(db, admin, &shared.id)
        .await
        .unwrap();
    assert_eq!(
        kept.contacts
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>(),
        [ben.to_string()],
        "a shared interaction keeps the others"
    );
    let ben_metrics = engagement::contact_metrics(db, admin, &ben.to_string())
        .await
        .unwrap();
    assert_eq!(ben_metrics.touchpoints, 1);
    assert!(audit::verify(db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn metrics_follow_a_hand_built_history() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    // Two contacts of one account, without any history yet.
    let (anna, ben): (i64, i64) = sqlx::query_as(
        "SELECT min(cs.contact_id), max(cs.contact_id) FROM contact_sites cs
         JOIN sites s ON s.id = cs.site_id JOIN contacts c ON c.id = cs.contact_id
         WHERE c.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM interaction_contacts l WHERE l.contact_id = c.id)
         GROUP BY s.account_id HAVING count(DISTINCT cs.contact_id) >= 2
         ORDER BY s.account_id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    let account: i64 = number(
        db,
        "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id WHERE cs.contact_id = ? LIMIT 1",
        anna,
    )
    .await;
    let day =
        |d: i64, h: i64| fixed_now() - Duration::days(30) + Duration::days(d) + Duration::hours(h);
    use Direction::*;
    use InteractionChannel::*;
    for (channel, direction, at) in [
        (Email, Outbound, day(1, 0)),
        (Sms, Outbound, day(2, 0)),
        (Email, Inbound, day(2, 6)), // answers both, 30 hours after the first
        (Note, Outbound, day(3, 0)), // a note is not contact with the person
        (Call, Inbound, day(5, 0)),  // unprompted
        (Email, Outbound, day(6, 0)), // pending
    ] {
        log(db, admin, &[anna], channel, direction, at).await;
    }
    let m = engagement::contact_metrics(db, admin, &anna.to_string())
        .await
        .unwrap();
    assert_eq!(m.contacts, 1);
    assert_eq!((m.touchpoints, m.attempts, m.inbound), (5, 3, 2));
    assert_eq!(m.response_rate, Some(2.0 / 3.0));
    assert_eq!(m.median_response_minutes, Some(30 * 60));
    assert_eq!(m.last_contact_at, Some(day(6, 0)));
    assert_eq!(m.touchpoints_per_contact, Some(5.0));

    log(db, admin, &[ben], Email, Outbound, day(1, 0)).await;
    // A call that reaches the person answers the email, an hour later.
    log(db, admin, &[ben], Call, Outbound, day(1, 1)).await;
    let a = engagement::account_metrics(db, admin, &account.to_string())
        .await
        .unwrap();
    assert_eq!((a.touchpoints, a.attempts, a.inbound), (7, 4, 2));
    assert_eq!(a.response_rate, Some(3.0 / 4.0));
    assert_eq!(
        a.median_response_minutes,
        Some((30 * 60 + 60) / 2),
        "the mean of the middle two"
    );
    assert_eq!(a.last_contact_at, Some(day(6, 0)));
    let contacts_in_account = a.contacts;
    assert!(contacts_in_account >= 2);

    // An edit moves the figures with it.
    let timeline = engagement::contact_timeline(db, admin, &anna.to_string(), &all())
        .await
        .unwrap();
    let pending = &timeline.items[0];
    let mut answered = logged(&[anna], Email, Inbound, pending.occurred_at);
    answered.subject = pending.subject.clone();
    interactions::update_interaction(
        db,
        admin,
        &pending.id,
        pending.version,
        &answered,
        fixed_now(),
    )
    .await
    .unwrap();
    let m = engagement::contact_metrics(db, admin, &anna.to_string())
        .await
        .unwrap();
    assert_eq!((m.attempts, m.inbound), (2, 3));
    assert_eq!(m.response_rate, Some(1.0));

    let scope = engagement::scope_metrics(db, admin, None).await.unwrap();
    assert!(scope.touchpoints >= 7);
    assert!(scope.contacts >= 400);
}

#[tokio::test]
async fn the_demo_has_a_history_for_every_account_and_the_same_seed_gives_the_same() {
    let demo = demo_db(400).await;
    let db = &demo.db;
    let without = count(
        db,
        "SELECT count(*) FROM accounts a
         WHERE EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                       JOIN contacts c ON c.id = cs.contact_id
                       WHERE s.account_id = a.id AND c.status = 'active')
           AND NOT EXISTS (SELECT 1 FROM interaction_contacts l
                       JOIN contact_sites cs ON cs.contact_id = l.contact_id
                       JOIN sites s ON s.id = cs.site_id WHERE s.account_id = a.id)",
    )
    .await;
    assert_eq!(
        without, 0,
        "every account with active contacts has a history"
    );
    let interactions = count(db, "SELECT count(*) FROM interactions").await;
    assert!(interactions > 400, "{interactions} interactions");
    assert!(count(db, "SELECT count(*) FROM interactions i WHERE (SELECT count(*) FROM interaction_contacts l WHERE l.interaction_id = i.id) > 1").await > 0, "some meetings take in colleagues");
    assert!(
        count(
            db,
            "SELECT count(*) FROM follow_ups WHERE status = 'open' AND overdue_at <= '2026-11-01'"
        )
        .await
            > 0,
        "some follow-ups are overdue"
    );
    assert!(count(db, "SELECT count(*) FROM follow_ups WHERE status = 'done'").await > 0);
    assert!(count(db, "SELECT count(*) FROM cadences").await > 0);
    let escalated = count(
        db,
        "SELECT count(*) FROM escalations WHERE resolved_at IS NULL",
    )
    .await;
    assert!(escalated > 0, "some contacts stopped answering");
    // The summaries match what logging the same history through the core would give.
    let summed = count(db, "SELECT sum(touchpoints) FROM contact_engagement").await;
    let links = count(
        db,
        "SELECT count(*) FROM interaction_contacts WHERE channel <> 'note'",
    )
    .await;
    assert_eq!(summed, links);
    // Reminders of days gone by count as shown: no flood of notifications at first start.
    let territory = sign_in(db, "territory").await;
    let notices = engagement::due_notifications(db, &territory, fixed_now())
        .await
        .unwrap();
    assert!(
        notices
            .iter()
            .filter(|n| n.kind == NoticeKind::FollowUp)
            .all(|n| n.due_at > fixed_now() - Duration::days(1)),
        "{notices:?}"
    );
    assert!(audit::verify(db.reader()).await.unwrap().ok);

    let again = demo_db(400).await;
    let digest = "SELECT group_concat(id || channel || direction || occurred_at || subject, '|') FROM (SELECT * FROM interactions ORDER BY id)";
    let first: String = sqlx::query_scalar(digest)
        .fetch_one(db.reader())
        .await
        .unwrap();
    let second: String = sqlx::query_scalar(digest)
        .fetch_one(again.db.reader())
        .await
        .unwrap();
    assert_eq!(first, second);
}

/// The kept totals and response buckets equal a count of the rows they sum.
async fn assert_totals_match(db: &Database) {
    let kept: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT contacts, touchpoints, attempts, inbound, answered, responses
         FROM engagement_totals WHERE id = 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    let recount: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM contacts),
                (SELECT ifnull(sum(touchpoints), 0) FROM contact_engagement),
                (SELECT ifnull(sum(attempts), 0) FROM contact_engagement),
                (SELECT ifnull(sum(inbound), 0) FROM contact_engagement),
                (SELECT ifnull(sum(answered), 0) FROM contact_engagement),
                (SELECT count(*) FROM contact_responses)",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert_eq!(kept, recount, "engagement_totals");
    assert_kept_copies_match(db).await;
    let buckets: Vec<(i64, i64)> =
        sqlx::query_as("SELECT bucket, n FROM response_buckets WHERE n > 0 ORDER BY bucket")
            .fetch_all(db.reader())
            .await
            .unwrap();
    let recount: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT CASE WHEN seconds >= 0 THEN seconds / 600 ELSE (seconds + 1) / 600 - 1 END AS b,
                count(*) FROM contact_responses GROUP BY b ORDER BY b",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(buckets, recount, "response_buckets");
}

/// The copies the triggers keep (accounts' histories, areas' contacts and answers) equal the
/// ones gathered from the tables they copy.
pub(crate) async fn assert_kept_copies_match(db: &Database) {
    assert_account_history_matches(db).await;
    assert_areas_match(db).await;
    assert_cadence_owners_match(db).await;
}

/// Every cadence's kept owner is the user named on it, else the user its contact's owner names.
async fn assert_cadence_owners_match(db: &Database) {
    let wrong: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT k.contact_id, k.effective_owner_id, coalesce(k.owner_id,
                (SELECT u.id FROM users u WHERE u.username =
                    (SELECT c.owner FROM contacts c WHERE c.id = k.contact_id))) AS owner
         FROM cadences k WHERE k.effective_owner_id IS NOT owner",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(wrong, [], "(cadence, kept owner, owner)");
}

/// A cadence is due in the queue of the user named on it, else of its contact's owner, whoever
/// that is after the contact changes hands, the cadence is given or loses an owner, or the
/// owning user is created or renamed after the contacts named them.
#[tokio::test]
async fn a_cadence_is_due_in_the_queue_of_whoever_owns_it_now() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let territory = sign_in(db, "territory").await;
    let now = fixed_now();
    let due = |actor: &Actor| {
        let actor = actor.clone();
        async move {
            let late = now + Duration::days(400);
            let counted = engagement::follow_up_counts(db, &actor, late)
                .await
                .unwrap()
                .cadences_due;
            let listed = engagement::cadence_queue(db, &actor, late).await.unwrap();
            assert_eq!(counted as usize, listed.len().min(500));
            counted
        }
    };
    let anna = ids(db, IN_TERRITORY).await[0];
    let set_up = |owner: Option<&'static str>| {
        let territory = territory.clone();
        async move {
            let input = CadenceInput {
                every_days: 7,
                owner: owner.map(Into::into),
            };
            engagement::set_cadence(db, &territory, &anna.to_string(), &input, now)
                .await
                .unwrap();
        }
    };
    set_up(None).await;
    let sql = |statement: &'static str| async move {
        let mut tx = db.write().await.unwrap();
        sqlx::query(statement)
            .bind(anna)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    };
    sql("UPDATE contacts SET owner = 'territory' WHERE id = ?").await;
    assert_cadence_owners_match(db).await;
    let before = due(&territory).await;

    // The contact passes to a username no user has yet: the cadence is in no one's queue, until
    // that user is created; then renamed, it stays theirs if the contacts follow, else it goes.
    sql("UPDATE contacts SET owner = 'newcomer' WHERE id = ?").await;
    assert_cadence_owners_match(db).await;
    assert_eq!(due(&territory).await, before - 1);
    let scotland: i64 = sqlx::query_scalar("SELECT id FROM territories WHERE code = 'UKI-SCO'")
        .fetch_one(db.reader())
        .await
        .unwrap();
    let newcomer = territory_manager(db, admin, "newcomer", &[scotland]).await;
    assert_cadence_owners_match(db).await;
    assert_eq!(due(&newcomer).await, 1);
    sql("UPDATE users SET username = 'renamed' WHERE username = 'newcomer' AND ? > 0").await;
    assert_cadence_owners_match(db).await;
    sql("UPDATE contacts SET owner = 'renamed' WHERE id = ?").await;
    assert_cadence_owners_match(db).await;
    sql("UPDATE users SET username = 'newcomer' WHERE username = 'renamed' AND ? > 0").await;
    assert_cadence_owners_match(db).await;

    // Named on the cadence, the territory manager has it whoever owns the contact.
    set_up(Some("territory")).await;
    assert_cadence_owners_match(db).await;
    assert_eq!(due(&territory).await, before);
    sql("UPDATE cadences SET owner_id = NULL WHERE contact_id = ?").await;
    assert_cadence_owners_match(db).await;
    assert_eq!(due(&territory).await, before - 1);
}

/// Every territory's, region's and billing's kept contacts equal those not archived there, with
/// their counted columns, summary and open escalation; each area's tallies count its rows; and
/// its answers are its contacts'.
async fn assert_areas_match(db: &Database) {
    #[derive(Debug, PartialEq, sqlx::FromRow)]
    struct Member {
        area: i64,
        contact_id: i64,
        contact_type: String,
        lifecycle_stage: String,
        status: String,
        created_at: String,
        updated_at: String,
        status_changed_at: Option<String>,
        verified_at: Option<String>,
        unreachable: i64,
        billing: i64,
        touchpoints: i64,
        attempts: i64,
        inbound: i64,
        answered: i64,
        last_contact_at: Option<String>,
        non_responsive: i64,
    }
    let kept: Vec<Member> = sqlx::query_as(
        "SELECT area, contact_id, contact_type, lifecycle_stage, status, created_at, updated_at,
                status_changed_at, verified_at, unreachable, billing, touchpoints, attempts,
                inbound, answered, last_contact_at, non_responsive
         FROM area_contacts ORDER BY 1, 2",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let recount: Vec<Member> = sqlx::query_as(
        "WITH member (area, contact_id) AS (
             SELECT s.territory_id, cs.contact_id FROM contact_sites cs
             JOIN sites s ON s.id = cs.site_id
             UNION
             SELECT -t.region_id, cs.contact_id FROM contact_sites cs
             JOIN sites s ON s.id = cs.site_id JOIN territories t ON t.id = s.territory_id
             UNION
             SELECT 0, cs.contact_id FROM contact_sites cs JOIN contacts c ON c.id = cs.contact_id
             WHERE c.contact_type = 'billing' OR cs.role = 'billing')
         SELECT m.area, c.id AS contact_id, c.contact_type, c.lifecycle_stage, c.status,
                c.created_at, c.updated_at, c.status_changed_at, c.verified_at,
                c.primary_email IS NULL AND c.primary_phone IS NULL AS unreachable,
                c.id IN (SELECT contact_id FROM member WHERE area = 0) AS billing,
                ifnull(e.touchpoints, 0) AS touchpoints, ifnull(e.attempts, 0) AS attempts,
                ifnull(e.inbound, 0) AS inbound, ifnull(e.answered, 0) AS answered,
                e.last_contact_at,
                (SELECT count(*) FROM escalations x
                 WHERE x.contact_id = c.id AND x.resolved_at IS NULL) AS non_responsive
         FROM member m JOIN contacts c ON c.id = m.contact_id
         LEFT JOIN contact_engagement e ON e.contact_id = c.id
         WHERE c.status <> 'archived'
         ORDER BY 1, 2",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert!(
        recount.iter().any(|m| m.area == 0), // billing
        "the demo has billing contacts"
    );
    assert_eq!(kept.len(), recount.len(), "area_contacts rows");
    assert!(kept == recount, "area_contacts differ from a recount");
    let tallies: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT area, contact_type, lifecycle_stage, status, contacts FROM area_tallies
         WHERE contacts <> 0 ORDER BY 1, 2, 3, 4",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let recount: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "SELECT area, contact_type, lifecycle_stage, status, count(*) FROM area_contacts
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert_eq!(tallies, recount, "area_tallies");
    type Answer = (i64, i64, i64, String);
    let kept: Vec<Answer> = sqlx::query_as(
        "SELECT area, seconds, contact_id, responded_at FROM area_responses ORDER BY 1, 2, 3, 4",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let recount: Vec<Answer> = sqlx::query_as(
        "SELECT a.area, r.seconds, r.contact_id, r.responded_at
         FROM area_contacts a JOIN contact_responses r ON r.contact_id = a.contact_id
         ORDER BY 1, 2, 3, 4",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert!(!recount.is_empty(), "the demo's areas have answers");
    assert!(kept == recount, "area_responses differ from a recount");
}

/// Every account's kept history equals the one gathered from the link rows and the contacts'
/// sites, with the number of (link row, site) pairs that put each interaction there.
async fn assert_account_history_matches(db: &Database) {
    type Entry = (i64, String, i64, String, String, String, i64);
    let kept: Vec<Entry> = sqlx::query_as(
        "SELECT account_id, occurred_at, interaction_id, channel, category, direction, links
         FROM account_interactions ORDER BY 1, 2, 3",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let recount: Vec<Entry> = sqlx::query_as(
        "SELECT s.account_id, l.occurred_at, l.interaction_id, l.channel, l.category,
                l.direction, count(*)
         FROM interaction_contacts l JOIN contact_sites cs ON cs.contact_id = l.contact_id
         JOIN sites s ON s.id = cs.site_id
         GROUP BY s.account_id, l.occurred_at, l.interaction_id ORDER BY 1, 2, 3",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    assert!(!recount.is_empty(), "the demo's accounts have a history");
    assert_eq!(kept.len(), recount.len(), "account_interactions entries");
    assert_eq!(kept, recount, "account_interactions");
}

/// Every contact's summary and answers, in key order.
#[allow(clippy::type_complexity)]
async fn summaries(
    db: &Database,
) -> (
    Vec<(
        i64,
        i64,
        i64,
        i64,
        i64,
        Option<String>,
        Option<String>,
        i64,
        Option<String>,
    )>,
    Vec<(i64, String, i64)>,
) {
    let engagement = sqlx::query_as(
        "SELECT contact_id, touchpoints, attempts, inbound, answered, last_contact_at,
                last_response_at, unanswered, first_unanswered_at
         FROM contact_engagement ORDER BY contact_id",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    let responses = sqlx::query_as(
        "SELECT contact_id, responded_at, seconds FROM contact_responses
         ORDER BY contact_id, responded_at",
    )
    .fetch_all(db.reader())
    .await
    .unwrap();
    (engagement, responses)
}

/// The metrics of the contacts `set` selects (ids), the slow way: every row read and the
/// median found by sorting, as `scope_metrics` computed them before the totals were kept.
async fn metrics_by_hand(db: &Database, set: &str) -> EngagementMetrics {
    let ids: Vec<i64> = sqlx::query_scalar(set)
        .fetch_all(db.reader())
        .await
        .unwrap();
    let list = serde_json::to_string(&ids).unwrap();
    let (touchpoints, attempts, inbound, answered, last): (
        i64,
        i64,
        i64,
        i64,
        Option<DateTime<Utc>>,
    ) = sqlx::query_as(
        "SELECT ifnull(sum(touchpoints), 0), ifnull(sum(attempts), 0),
                    ifnull(sum(inbound), 0), ifnull(sum(answered), 0), max(last_contact_at)
             FROM contact_engagement WHERE contact_id IN (SELECT value FROM json_each(?))",
    )
    .bind(&list)
    .fetch_one(db.reader())
    .await
    .unwrap();
    let seconds: Vec<i64> = sqlx::query_scalar(
        "SELECT seconds FROM contact_responses
         WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY seconds",
    )
    .bind(&list)
    .fetch_all(db.reader())
    .await
    .unwrap();
    let non_responsive: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM escalations WHERE resolved_at IS NULL
           AND contact_id IN (SELECT value FROM json_each(?))",
    )
    .bind(&list)
    .fetch_one(db.reader())
    .await
    .unwrap();
    let median = match seconds.len() {
        0 => None,
        n if n % 2 == 1 => Some(seconds[n / 2]),
        n => Some((seconds[n / 2 - 1] + seconds[n / 2]) / 2),
    };
    let ratio = |a: i64, b: i64| (b > 0).then(|| a as f64 / b as f64);
    EngagementMetrics {
        contacts: ids.len() as u32,
        touchpoints: touchpoints as u32,
        touchpoints_per_contact: ratio(touchpoints, ids.len() as i64),
        attempts: attempts as u32,
        inbound: inbound as u32,
        response_rate: ratio(answered, attempts),
        median_response_minutes: median.map(|s| (s.max(0) / 60) as u32),
        last_contact_at: last,
        non_responsive: non_responsive as u32,
    }
}

const EVERYONE: &str = "SELECT id FROM contacts WHERE erased_at IS NULL";

/// Contacts in service (neither archived nor erased) at a site whose territory `t` or region
/// `r` meets `condition`: a manager's scope, as SQL selecting ids.
fn in_service_where(condition: &str) -> String {
    format!(
        "SELECT c.id FROM contacts c WHERE c.erased_at IS NULL AND c.status <> 'archived'
           AND EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                       JOIN territories t ON t.id = s.territory_id
                       JOIN regions r ON r.id = t.region_id
                       WHERE cs.contact_id = c.id AND {condition})"
    )
}

/// Each actor's figures (for one territory or their whole scope) equal the ones recomputed
/// from every summary of the contacts the SQL selects.
async fn assert_scope_figures(db: &Database, cases: &[(&Actor, Option<i64>, String)]) {
    for (actor, territory, set) in cases {
        let territory = territory.map(|t| t.to_string());
        assert_eq!(
            engagement::scope_metrics(db, actor, territory.as_deref())
                .await
                .unwrap(),
            metrics_by_hand(db, set).await,
            "{} {territory:?}",
            actor.username()
        );
    }
}

#[tokio::test]
async fn kept_totals_and_summaries_equal_a_recount_after_every_kind_of_change() {
    let Demo { db, admin, .. } = &demo_db(400).await;
    let territory = sign_in(db, "territory").await;
    let regional = sign_in(db, "regional").await;
    // A second territory sharing a contact with UKI-SCO, and a manager of both, whose figures
    // count that contact once.
    let scotland: i64 = sqlx::query_scalar("SELECT id FROM territories WHERE code = 'UKI-SCO'")
        .fetch_one(db.reader())
        .await
        .unwrap();
    let (other, other_code): (i64, String) = sqlx::query_as(
        "SELECT id, code FROM territories WHERE code <> 'UKI-SCO' ORDER BY id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    let both = territory_manager(db, admin, "both", &[scotland, other]).await;
    let billing = sign_in(db, "billing").await;
    let billing_set = "SELECT c.id FROM contacts c WHERE c.erased_at IS NULL
        AND c.status <> 'archived' AND EXISTS (SELECT 1 FROM contact_sites cs
            WHERE cs.contact_id = c.id AND (c.contact_type = 'billing' OR cs.role = 'billing'))";
    let scope_cases = [
        (&billing, None, billing_set.to_string()),
        (
            &billing,
            Some(scotland),
            format!(
                "{billing_set} AND c.id IN ({})",
                in_service_where("t.code = 'UKI-SCO'")
            ),
        ),
        (admin, None, EVERYONE.to_string()),
        (&territory, None, in_service_where("t.code = 'UKI-SCO'")),
        (
            admin,
            Some(scotland),
            in_service_where("t.code = 'UKI-SCO'"),
        ),
        (&regional, None, in_service_where("r.code = 'UKI'")),
        (
            &regional,
            Some(scotland),
            in_service_where("t.code = 'UKI-SCO'"),
        ),
        (
            &both,
            None,
            in_service_where(&format!("t.code IN ('UKI-SCO', '{other_code}')")),
        ),
        (
            &territory,
            Some(other),
            format!(
                "{} AND c.id IN ({})",
                in_service_where(&format!("t.code = '{other_code}'")),
                in_service_where("t.code = 'UKI-SCO'")
            ),
        ),
    ];
    // The demo's history, summarised as it was loaded.
    assert_totals_match(db).await;
    assert_scope_figures(db, &scope_cases).await;

    // Territory contacts, some with the demo's history already.
    let people = ids(
        db,
        "SELECT c.id FROM contacts c
         WHERE c.status = 'active' AND c.erased_at IS NULL AND c.contact_type <> 'billing'
           AND EXISTS (SELECT 1 FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
                       JOIN territories t ON t.id = s.territory_id
                       WHERE cs.contact_id = c.id AND t.code = 'UKI-SCO')
         ORDER BY c.id",
    )
    .await;
    assert!(people.len() >= 3, "the territory has contacts to work with");
    let (anna, ben, cleo) = (people[0], people[1], people[2]);
    let mut tx = db.write().await.unwrap();
    sqlx::query(
        "INSERT INTO contact_sites (contact_id, site_id, role)
         SELECT ?, min(id), 'Buyer' FROM sites WHERE territory_id = ?",
    )
    .bind(ben)
    .bind(other)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let day =
        |d: i64, h: i64| fixed_now() - Duration::days(20) + Duration::days(d) + Duration::hours(h);
    use Direction::*;
    use InteractionChannel::*;
    let mut logged_ids = Vec::new();
    for (with, channel, direction, at) in [
        (vec![anna], Email, Outbound, day(1, 0)),
        (vec![anna, ben], Meeting, Outbound, day(1, 5)),
        (vec![ben], Sms, Outbound, day(2, 0)),
        (vec![ben], Sms, Inbound, day(2, 7)),
        (vec![cleo], Call, Outbound, day(3, 0)),
        (vec![cleo], Email, Outbound, day(4, 0)),
        (vec![anna, cleo], Email, Inbound, day(5, 0)),
        (vec![anna], Note, Outbound, day(6, 0)),
    ] {
        logged_ids.push(log(db, admin, &with, channel, direction, at).await);
        assert_totals_match(db).await;
    }
    // An edit that changes who took part and what it means.
    let edited = &logged_ids[2];
    let mut input = logged(&[ben, cleo], Email, Inbound, edited.occurred_at);
    input.subject = edited.subject.clone();
    interactions::update_interaction(db, admin, &edited.id, edited.version, &input, fixed_now())
        .await
        .unwrap();
    assert_totals_match(db).await;
    interactions::delete_interaction(db, admin, &logged_ids[6].id, fixed_now())
        .await
        .unwrap();
    assert_totals_match(db).await;
    engagement::run_escalation(db, fixed_now()).await.unwrap();

    // Kept on every write, the summaries equal a recomputation from the whole history.
    let kept = summaries(db).await;
    engagement::metrics::rebuild_summaries(db).await.unwrap();
    assert_eq!(summaries(db).await, kept);
    assert_totals_match(db).await;

    assert_scope_figures(db, &scope_cases).await;

    // Erasure takes the person's rows out of the totals too.
    rapport_core::contact::privacy::erase_person(
        db,
        admin,
        &anna.to_string(),
        &contact_reference(anna),
    )
    .await
    .unwrap();
    assert_totals_match(db).await;
    assert_scope_figures(db, &scope_cases).await;

    // The accounts' kept histories and the areas' copies follow a contact's sites, its status,
    // a site's account and territory and a territory's region, whatever changes them (here
    // plain SQL, as a restore or a future screen might).
    for statement in [
        "DELETE FROM contact_sites WHERE contact_id = (SELECT contact_id FROM interaction_contacts
            GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1)",
        "INSERT INTO contact_sites (contact_id, site_id, role)
            SELECT l.contact_id, (SELECT max(id) FROM sites), 'Buyer' FROM interaction_contacts l
            WHERE NOT EXISTS (SELECT 1 FROM contact_sites cs WHERE cs.contact_id = l.contact_id
                              AND cs.site_id = (SELECT max(id) FROM sites))
            GROUP BY l.contact_id LIMIT 5",
        "UPDATE contact_sites SET site_id = (SELECT min(id) FROM sites)
            WHERE site_id = (SELECT max(id) FROM sites) AND is_primary = 0 AND contact_id NOT IN
                (SELECT contact_id FROM contact_sites WHERE site_id = (SELECT min(id) FROM sites))",
        "UPDATE sites SET account_id = (SELECT max(account_id) FROM sites)
            WHERE id = (SELECT min(id) FROM sites)",
        "UPDATE contacts SET status = 'archived' WHERE id IN (SELECT contact_id FROM
            contact_engagement ORDER BY touchpoints DESC LIMIT 3)",
        "UPDATE contacts SET status = 'active' WHERE id = (SELECT contact_id FROM
            contact_engagement ORDER BY touchpoints DESC LIMIT 1)",
        "UPDATE escalations SET resolved_at = '2026-10-01T00:00:00Z', resolution = 'resolved'
            WHERE id = (SELECT min(id) FROM escalations WHERE resolved_at IS NULL)",
        "UPDATE contacts SET lifecycle_stage = CASE lifecycle_stage WHEN 'prospect' THEN 'lead'
                ELSE 'prospect' END,
            verified_at = '2026-10-03T00:00:00.000Z', primary_email = NULL, primary_phone = NULL
            WHERE id IN (SELECT contact_id FROM contact_sites
                         WHERE site_id = (SELECT min(site_id) FROM contact_sites) LIMIT 2)",
        "UPDATE contacts SET contact_type = 'billing', lifecycle_stage = 'former',
            primary_email = NULL, primary_phone = NULL
            WHERE id IN (SELECT contact_id FROM contact_engagement WHERE contact_id IN
                (SELECT contact_id FROM contact_sites WHERE role <> 'billing')
                ORDER BY touchpoints DESC LIMIT 2 OFFSET 3)",
        "UPDATE contacts SET contact_type = 'operations', status = 'inactive',
            status_changed_at = '2026-10-02T00:00:00.000Z'
            WHERE id = (SELECT min(c.id) FROM contacts c JOIN contact_sites cs
                        ON cs.contact_id = c.id WHERE c.contact_type = 'billing'
                        AND cs.role <> 'billing' AND c.status = 'active')",
        "UPDATE contact_sites SET role = 'billing' WHERE (contact_id, site_id) =
            (SELECT cs.contact_id, cs.site_id FROM contact_sites cs JOIN contacts c
             ON c.id = cs.contact_id WHERE c.contact_type <> 'billing'
             AND cs.role <> 'billing' AND c.status = 'active' ORDER BY 1 LIMIT 1)",
        "UPDATE sites SET territory_id = (SELECT id FROM territories WHERE code = 'UKI-SCO')
            WHERE id = (SELECT max(s.id) FROM sites s JOIN contact_sites cs ON cs.site_id = s.id
                        JOIN contact_responses r ON r.contact_id = cs.contact_id
                        WHERE s.territory_id <> (SELECT id FROM territories
                                                 WHERE code = 'UKI-SCO'))",
        "UPDATE territories SET region_id = (SELECT id FROM regions WHERE code = 'UKI')
            WHERE id = (SELECT min(t.id) FROM territories t JOIN regions r ON r.id = t.region_id
                        WHERE r.code <> 'UKI')",
    ] {
        let mut tx = db.write().await.unwrap();
        let changed = sqlx::query(statement).execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        assert!(changed.rows_affected() > 0, "{statement}");
        assert_kept_copies_match(db).await;
        assert_scope_figures(db, &scope_cases).await;
    }
}

/// Every page of a timeline query, as interaction ids.
async fn all_pages(
    db: &Database,
    actor: &Actor,
    account: &str,
    mut query: TimelineQuery,
) -> Vec<i64> {
    let mut out = Vec::new();
    loop {
        let page = engagement::account_timeline(db, actor, account, &query)
            .await
            .unwrap();
        out.extend(page.items.iter().map(|i| i.id.parse::<i64>().unwrap()));
        match page.next_cursor {
            Some(cursor) => query.cursor = Some(cursor),
            None => return out,
        }
    }
}

#[tokio::test]
async fn a_busy_accounts_timeline_pages_through_the_time_index_like_a_sort_of_its_history() {
    let Demo { db, admin, .. } = &quiet_demo().await;
    let (anna, ben): (i64, i64) = sqlx::query_as(
        "SELECT min(cs.contact_id), max(cs.contact_id) FROM contact_sites cs
         JOIN sites s ON s.id = cs.site_id JOIN contacts c ON c.id = cs.contact_id
         WHERE c.status = 'active'
         GROUP BY s.account_id HAVING count(DISTINCT cs.contact_id) >= 2
         ORDER BY s.account_id LIMIT 1",
    )
    .fetch_one(db.reader())
    .await
    .unwrap();
    let account: i64 = number(
        db,
        "SELECT s.account_id FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         WHERE cs.contact_id = ? ORDER BY s.id LIMIT 1",
        anna,
    )
    .await;
    let elsewhere = ids(db, OUTSIDE_REGION).await[0];
    use Direction::*;
    use InteractionChannel::*;
    let channels = [Email, Call, Meeting, Sms, Note];
    for i in 0..40i64 {
        let at = fixed_now() - Duration::days(200) + Duration::hours(i * 97 % 4000);
        let with = match i % 4 {
            0 => vec![anna, ben],
            1 | 2 => vec![anna],
            _ => vec![ben],
        };
        let direction = if i % 3 == 0 { Inbound } else { Outbound };
        log(db, admin, &with, channels[i as usize % 5], direction, at).await;
        // Same time twice: the id breaks the tie.
        if i % 10 == 0 {
            log(db, admin, &[ben], Email, Outbound, at).await;
        }
    }
    for i in 0..5 {
        log(
            db,
            admin,
            &[elsewhere],
            Email,
            Outbound,
            fixed_now() - Duration::days(i + 1),
        )
        .await;
    }
    let expected = |extra: &str| {
        format!(
            "SELECT DISTINCT l.interaction_id, l.occurred_at FROM interaction_contacts l
             WHERE l.contact_id IN (SELECT cs.contact_id FROM contact_sites cs
                JOIN sites s ON s.id = cs.site_id WHERE s.account_id = {account}) {extra}
             ORDER BY l.occurred_at DESC, l.interaction_id DESC"
        )
    };
    let sorted = |sql: String| async move {
        let rows: Vec<(i64, String)> = sqlx::query_as(&sql).fetch_all(db.reader()).await.unwrap();
        rows.into_iter().map(|(id, _)| id).collect::<Vec<i64>>()
    };
    let from = fixed_now() - Duration::days(180);
    let until = fixed_now() - Duration::days(60);
    let from_text = rapport_core::store::timestamp(from);
    let until_text = rapport_core::store::timestamp(until);
    for (query, extra) in [
        (TimelineQuery { limit: 7, ..all() }, String::new()),
        (
            TimelineQuery {
                channels: vec![Meeting, Call],
                from: Some(from),
                until: Some(until),
                limit: 3,
                ..all()
            },
            format!(
                "AND l.channel IN ('meeting', 'call') AND l.occurred_at >= '{from_text}'
                 AND l.occurred_at < '{until_text}'"
            ),
        ),
        (
            TimelineQuery {
                directions: vec![Inbound],
                categories: vec![InteractionCategory::Strategic],
                limit: 1,
                ..all()
            },
            "AND l.direction = 'inbound' AND l.category = 'strategic'".to_string(),
        ),
    ] {
        let want = sorted(expected(&extra)).await;
        assert!(!want.is_empty());
        assert_eq!(
            all_pages(db, admin, &account.to_string(), query).await,
            want,
            "{extra}"
        );
    }
}
