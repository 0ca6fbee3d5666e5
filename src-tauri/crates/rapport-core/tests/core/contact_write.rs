//! Creating and editing contacts through the shared form: field rules with their field paths,
//! scope of the chosen sites, optimistic locking, justified significant changes, lifecycle
//! history, duplicate candidates, wizard drafts and saved views.

use rapport_core::audit;
use rapport_core::contact::views::{self, SavedViewInput, ViewQuery};
use rapport_core::contact::{drafts, write};
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::CoreError;

use crate::{demo_db, sign_in, Demo};

const HOME: &str = "GB";

/// A site in the territory manager's territory (Scotland) and one outside it.
async fn sites(demo: &Demo) -> (String, String) {
    let inside: i64 = sqlx::query_scalar(
        "SELECT s.id FROM sites s JOIN territories t ON t.id = s.territory_id
         JOIN accounts a ON a.id = s.account_id
         WHERE t.code = 'UKI-SCO' AND a.status = 'active' ORDER BY s.id LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let outside: i64 = sqlx::query_scalar(
        "SELECT s.id FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE t.code <> 'UKI-SCO' ORDER BY s.id LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    (inside.to_string(), outside.to_string())
}

fn person(site_id: &str) -> ContactInput {
    ContactInput {
        contact_type: ContactType::Operations,
        salutation: Some("Ms".into()),
        // Decomposed "é" (e + combining acute): stored composed.
        first_name: "  Ame\u{301}lie ".into(),
        last_name: "Quennell-Ashby".into(),
        job_title: Some("Facilities Coordinator".into()),
        emails: vec![EmailInput {
            kind: EmailKind::Business,
            address: "Amelie.Quennell@Example.CO.UK".into(),
        }],
        phones: vec![PhoneInput {
            kind: PhoneKind::Office,
            number: "0131 496 0123 ext. 42".into(),
            country: "GB".into(),
            extension: None,
        }],
        tags: vec!["night shift".into(), " night shift ".into()],
        sites: vec![SiteAssociationInput {
            site_id: site_id.into(),
            role: SiteRole::Operations,
            authority_limit: Some("2,500".into()),
        }],
        ..Default::default()
    }
}

fn problem_fields(error: CoreError) -> Vec<String> {
    match error {
        CoreError::InvalidFields(problems) => problems.into_iter().map(|p| p.field).collect(),
        other => panic!("expected field problems, got {other:?}"),
    }
}

#[tokio::test]
async fn a_bad_form_names_every_field_and_stores_nothing() {
    let demo = demo_db(300).await;
    let (inside, _) = sites(&demo).await;
    let before = contacts::count(&demo.db, &demo.admin, &Default::default())
        .await
        .unwrap();
    let mut input = person(&inside);
    input.last_name = "  ".into();
    input.contact_type = ContactType::Other;
    input.emails[0].address = "amelie@localhost".into();
    input.phones[0].number = "0131 496 O123".into();
    input.sites[0].authority_limit = Some("lots".into());
    input.approval_limit = Some("12.345".into());
    input.time_zone = Some("Europe/Londn".into());
    let error = write::create(&demo.db, &demo.admin, &input, HOME)
        .await
        .unwrap_err();
    let mut fields = problem_fields(error);
    fields.sort();
    assert_eq!(
        fields,
        [
            "approvalLimit",
            "contactTypeOther",
            "emails.0.address",
            "lastName",
            "phones.0.number",
            "sites.0.authorityLimit",
            "timeZone"
        ]
    );
    let after = contacts::count(&demo.db, &demo.admin, &Default::default())
        .await
        .unwrap();
    assert_eq!(before, after);

    // The same verdict comes back from a check, which the wizard calls while typing.
    let check = write::check(&demo.db, &demo.admin, &input, None, HOME)
        .await
        .unwrap();
    let letter = check
        .problems
        .iter()
        .find(|p| p.field == "phones.0.number")
        .unwrap();
    assert!(letter.message.contains("\"O\""), "{}", letter.message);
    let zone = check
        .problems
        .iter()
        .find(|p| p.field == "timeZone")
        .unwrap();
    assert_eq!(
        zone.message,
        "\"Europe/Londn\" is not a time zone such as Europe/London"
    );

    // A zone in any case is stored as the IANA database spells it.
    input = person(&inside);
    input.time_zone = Some("america/new_york".into());
    let created = write::create(&demo.db, &demo.admin, &input, HOME)
        .await
        .unwrap();
    let detail = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();
    assert_eq!(detail.time_zone.as_deref(), Some("America/New_York"));
}

#[tokio::test]
async fn a_created_contact_is_normalised_searchable_and_audited() {
    let demo = demo_db(300).await;
    let (inside, _) = sites(&demo).await;
    drafts::save(&demo.db, &demo.admin, 3, &person(&inside))
        .await
        .unwrap();
    let created = write::create(&demo.db, &demo.admin, &person(&inside), HOME)
        .await
        .unwrap();
    assert!(created.reference.starts_with("C-"));
    assert!(drafts::load(&demo.db, &demo.admin).await.unwrap().is_none());

    let detail = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();
    assert_eq!(detail.first_name, "Amélie");
    assert_eq!(detail.emails[0].address, "Amelie.Quennell@example.co.uk");
    assert_eq!(detail.phones[0].e164, "+441314960123");
    assert_eq!(detail.phones[0].extension.as_deref(), Some("42"));
    assert_eq!(detail.tags, ["night shift"]);
    assert_eq!(
        detail.sites[0].authority_limit.as_ref().unwrap().amount,
        "2500.00"
    );
    assert_eq!(detail.lifecycle_history.len(), 1);
    assert_eq!(detail.version, 1);

    let found = contacts::list(
        &demo.db,
        &demo.admin,
        &ContactListQuery {
            search: Some("quennell".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(found.rows.len(), 1);
    assert_eq!(found.rows[0].reference, created.reference);

    let history = audit::contact_history(&demo.db, &demo.admin, &created.id)
        .await
        .unwrap();
    assert!(history
        .iter()
        .any(|c| c.action == "create" && c.field == "lastName"));
    assert!(audit::verify(demo.db.reader()).await.unwrap().ok);
}

#[tokio::test]
async fn a_territory_manager_creates_only_within_the_territory() {
    let demo = demo_db(300).await;
    let (inside, outside) = sites(&demo).await;
    let territory = sign_in(&demo.db, "territory").await;

    let error = write::create(&demo.db, &territory, &person(&outside), HOME)
        .await
        .unwrap_err();
    assert_eq!(problem_fields(error), ["sites.0.siteId"]);

    let mut no_site = person(&inside);
    no_site.sites.clear();
    let error = write::create(&demo.db, &territory, &no_site, HOME)
        .await
        .unwrap_err();
    assert_eq!(problem_fields(error), ["sites"]);

    let created = write::create(&demo.db, &territory, &person(&inside), HOME)
        .await
        .unwrap();
    contacts::get(&demo.db, &territory, &created.id, HOME)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_changes_nothing() {
    let demo = demo_db(300).await;
    let (inside, _) = sites(&demo).await;
    let created = write::create(&demo.db, &demo.admin, &person(&inside), HOME)
        .await
        .unwrap();
    let base = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();

    // Two people start from version 1; the first save wins.
    let mut first = write::input_of_detail(&base);
    first.job_title = Some("Head of Facilities".into());
    let saved = write::update(&demo.db, &demo.admin, &created.id, 1, &first, None, HOME)
        .await
        .unwrap();
    assert_eq!(saved.version, 2);

    let mut second = write::input_of_detail(&base);
    second.department = Some("Estates".into());
    let error = write::update(&demo.db, &demo.admin, &created.id, 1, &second, None, HOME)
        .await
        .unwrap_err();
    assert!(
        matches!(error, CoreError::Conflict { current_version: 2 }),
        "{error:?}"
    );
    let now = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();
    assert_eq!(now.job_title.as_deref(), Some("Head of Facilities"));
    assert_eq!(now.department, None);

    // Reapplied on the latest version, both edits survive.
    let mut reapplied = write::input_of_detail(&now);
    reapplied.department = Some("Estates".into());
    let merged = write::update(
        &demo.db,
        &demo.admin,
        &created.id,
        2,
        &reapplied,
        None,
        HOME,
    )
    .await
    .unwrap();
    assert_eq!(merged.job_title.as_deref(), Some("Head of Facilities"));
    assert_eq!(merged.department.as_deref(), Some("Estates"));
    assert_eq!(merged.version, 3);
}

#[tokio::test]
async fn significant_changes_need_a_justification_and_stage_changes_are_kept() {
    let demo = demo_db(300).await;
    let (inside, _) = sites(&demo).await;
    let created = write::create(&demo.db, &demo.admin, &person(&inside), HOME)
        .await
        .unwrap();
    let base = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();
    let mut input = write::input_of_detail(&base);
    input.authority_level = Some("Approves purchase orders".into());
    input.approval_limit = Some("10000".into());
    input.lifecycle_stage = LifecycleStage::Former;

    let error = write::update(&demo.db, &demo.admin, &created.id, 1, &input, None, HOME)
        .await
        .unwrap_err();
    match error {
        CoreError::JustificationRequired { fields } => {
            assert_eq!(fields, ["approvalLimit", "authorityLevel"]);
        }
        other => panic!("expected a justification request, got {other:?}"),
    }
    let unchanged = contacts::get(&demo.db, &demo.admin, &created.id, HOME)
        .await
        .unwrap();
    assert_eq!(unchanged.version, 1);
    assert!(unchanged.approvals.is_empty());

    let incomplete = Justification {
        reason: "Promoted to site lead".into(),
        ..Default::default()
    };
    let error = write::update(
        &demo.db,
        &demo.admin,
        &created.id,
        1,
        &input,
        Some(&incomplete),
        HOME,
    )
    .await
    .unwrap_err();
    let mut fields = problem_fields(error);
    fields.sort();
    assert_eq!(
        fields,
        ["justification.approvedBy", "justification.approvedOn"]
    );

    let justification = Justification {
        reason: "Promoted to site lead".into(),
        approved_by: "R. Patel, customer operations director".into(),
        approved_on: Some(chrono::Utc::now().date_naive()),
    };
    let saved = write::update(
        &demo.db,
        &demo.admin,
        &created.id,
        1,
        &input,
        Some(&justification),
        HOME,
    )
    .await
    .unwrap();
    assert_eq!(saved.approvals.len(), 1);
    assert_eq!(
        saved.approvals[0].fields,
        ["approvalLimit", "authorityLevel"]
    );
    assert_eq!(saved.approvals[0].recorded_by, "admin");
    let stages: Vec<LifecycleStage> = saved.lifecycle_history.iter().map(|h| h.stage).collect();
    assert_eq!(
        stages,
        [LifecycleStage::ActiveCustomer, LifecycleStage::Former]
    );
}

#[tokio::test]
async fn duplicates_are_found_by_email_phone_and_similar_name_at_the_account() {
    let demo = demo_db(300).await;
    let (inside, _) = sites(&demo).await;
    let created = write::create(&demo.db, &demo.admin, &person(&inside), HOME)
        .await
        .unwrap();

    let mut same_email = person(&inside);
    same_email.first_name = "Someone".into();
    same_email.last_name = "Else".into();
    same_email.phones.clear();
    same_email.emails[0].address = "AMELIE.QUENNELL@example.co.uk".into();
    let check = write::check(&demo.db, &demo.admin, &same_email, None, HOME)
        .await
        .unwrap();
    assert_eq!(check.duplicates[0].id, created.id);
    assert_eq!(check.duplicates[0].reasons, ["same email"]);

    let mut similar = person(&inside);
    similar.first_name = "Amelia".into();
    similar.emails.clear();
    similar.phones.clear();
    let check = write::check(&demo.db, &demo.admin, &similar, None, HOME)
        .await
        .unwrap();
    let candidate = check
        .duplicates
        .iter()
        .find(|d| d.id == created.id)
        .expect("a similar name at the same account is a candidate");
    assert!(candidate.reasons[0].starts_with("similar name at "));

    // Editing the contact itself never reports it as its own duplicate.
    let check = write::check(
        &demo.db,
        &demo.admin,
        &person(&inside),
        Some(&created.id),
        HOME,
    )
    .await
    .unwrap();
    assert!(check.duplicates.iter().all(|d| d.id != created.id));
}

#[tokio::test]
async fn views_are_personal_unless_shared() {
    let demo = demo_db(100).await;
    let territory = sign_in(&demo.db, "territory").await;
    let query = ViewQuery {
        search: Some("smith".into()),
        filter: ContactFilter {
            contact_type: Some(ContactType::Billing),
            ..Default::default()
        },
        sort: ContactSort::default(),
    };
    let mine = views::save(
        &demo.db,
        &demo.admin,
        &SavedViewInput {
            id: None,
            name: "Billing Smiths".into(),
            shared: false,
            query: query.clone(),
        },
    )
    .await
    .unwrap();
    assert!(views::list(&demo.db, &territory).await.unwrap().is_empty());
    let error = views::save(
        &demo.db,
        &demo.admin,
        &SavedViewInput {
            id: None,
            name: "Billing Smiths".into(),
            shared: true,
            query: query.clone(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(error.fields()[0].field, "name");

    views::save(
        &demo.db,
        &demo.admin,
        &SavedViewInput {
            id: Some(mine.id.clone()),
            name: "Billing Smiths".into(),
            shared: true,
            query: query.clone(),
        },
    )
    .await
    .unwrap();
    let shared = views::list(&demo.db, &territory).await.unwrap();
    assert_eq!(shared.len(), 1);
    assert!(!shared[0].mine);
    assert_eq!(shared[0].query, query);
    // Someone else's view cannot be deleted.
    assert!(views::delete(&demo.db, &territory, &mine.id).await.is_err());
    views::delete(&demo.db, &demo.admin, &mine.id)
        .await
        .unwrap();
    assert!(views::list(&demo.db, &demo.admin).await.unwrap().is_empty());
}
