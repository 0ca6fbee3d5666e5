use std::collections::HashSet;

use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::text::fold;

use crate::{demo_db, walk};

fn browse(column: SortColumn, direction: SortDirection, filter: ContactFilter) -> ContactListQuery {
    ContactListQuery {
        search: None,
        filter,
        sort: ContactSort { column, direction },
        cursor: None,
        limit: 97,
    }
}

#[tokio::test]
async fn keyset_pages_visit_every_contact_once_in_every_sort_order() {
    let demo = demo_db(1_200).await;
    for column in [
        SortColumn::Name,
        SortColumn::Company,
        SortColumn::JobTitle,
        SortColumn::ContactType,
        SortColumn::Status,
        SortColumn::UpdatedAt,
        SortColumn::Reference,
    ] {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            let rows = walk(
                &demo.db,
                &demo.admin,
                browse(column, direction, ContactFilter::default()),
            )
            .await;
            let ids: HashSet<_> = rows.iter().map(|r| r.id.clone()).collect();
            assert_eq!(rows.len(), 1_200, "{column:?} {direction:?}: every contact");
            assert_eq!(
                ids.len(),
                1_200,
                "{column:?} {direction:?}: no contact twice"
            );
            let keys: Vec<String> = rows
                .iter()
                .map(|r| match column {
                    SortColumn::Company => fold(r.company.as_deref().unwrap_or("")),
                    SortColumn::JobTitle => fold(r.job_title.as_deref().unwrap_or("")),
                    SortColumn::ContactType => r.contact_type.to_string(),
                    SortColumn::Status => r.status.to_string(),
                    SortColumn::UpdatedAt => format!("{:020}", r.updated_at.timestamp_millis()),
                    SortColumn::Reference => format!("{:012}", r.id.parse::<i64>().unwrap()),
                    SortColumn::Name => String::new(),
                })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            if direction == SortDirection::Desc {
                sorted.reverse();
            }
            assert_eq!(keys, sorted, "{column:?} {direction:?} is in order");
        }
    }
}

#[tokio::test]
async fn names_sort_by_family_name_ignoring_case_and_accents() {
    let demo = demo_db(800).await;
    let rows = walk(
        &demo.db,
        &demo.admin,
        browse(
            SortColumn::Name,
            SortDirection::Asc,
            ContactFilter::default(),
        ),
    )
    .await;
    let detail_keys = {
        let mut keys = Vec::new();
        for row in rows.iter().take(200) {
            let c = contacts::get(&demo.db, &demo.admin, &row.id, "GB")
                .await
                .unwrap();
            keys.push(rapport_core::text::name_key(
                &c.first_name,
                c.middle_name.as_deref(),
                &c.last_name,
            ));
        }
        keys
    };
    let mut sorted = detail_keys.clone();
    sorted.sort();
    assert_eq!(detail_keys, sorted);
}

#[tokio::test]
async fn filters_narrow_the_list_and_the_count_agrees() {
    let demo = demo_db(1_500).await;
    let territories = rapport_core::store::organisation::list_territories(&demo.db, &demo.admin)
        .await
        .unwrap();
    assert_eq!(territories.len(), 20);
    let territory = territories
        .iter()
        .find(|t| t.name == "North Germany")
        .unwrap();
    let filter = ContactFilter {
        contact_type: Some(ContactType::Billing),
        status: Some(ContactStatus::Active),
        territory_id: Some(territory.id.clone()),
        unassigned: false,
        lifecycle_stage: None,
        changed: None,
    };
    let rows = walk(
        &demo.db,
        &demo.admin,
        browse(SortColumn::Name, SortDirection::Asc, filter.clone()),
    )
    .await;
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.contact_type, ContactType::Billing);
        assert_eq!(row.status, ContactStatus::Active);
        let detail = contacts::get(&demo.db, &demo.admin, &row.id, "GB")
            .await
            .unwrap();
        assert!(
            detail.sites.iter().any(|s| s.territory == "North Germany"),
            "{} works in the territory",
            row.id
        );
    }
    let count = contacts::count(
        &demo.db,
        &demo.admin,
        &ContactCountQuery {
            search: None,
            filter,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        count,
        ContactCount {
            count: rows.len() as u32,
            exact: true
        }
    );
    let all = contacts::count(&demo.db, &demo.admin, &ContactCountQuery::default())
        .await
        .unwrap();
    assert_eq!(all.count, 1_500);
}

#[tokio::test]
async fn a_cursor_that_was_not_handed_out_is_refused_by_name() {
    let demo = demo_db(50).await;
    let mut query = browse(
        SortColumn::Name,
        SortDirection::Asc,
        ContactFilter::default(),
    );
    query.cursor = Some("garbage".into());
    let error = contacts::list(&demo.db, &demo.admin, &query)
        .await
        .err()
        .unwrap();
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(error.fields()[0].field, "cursor");
    let error = contacts::list(
        &demo.db,
        &demo.admin,
        &ContactListQuery {
            filter: ContactFilter {
                territory_id: Some("x".into()),
                ..Default::default()
            },
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .err()
    .unwrap();
    assert_eq!(error.code(), "not_found", "an unknown territory id");
}
