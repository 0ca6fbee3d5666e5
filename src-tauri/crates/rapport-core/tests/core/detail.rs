use rapport_core::model::*;
use rapport_core::store::contacts;

use crate::{demo_db, walk};

#[tokio::test]
async fn the_detail_holds_every_part_of_a_contact() {
    let demo = demo_db(600).await;
    let rows = walk(
        &demo.db,
        &demo.admin,
        ContactListQuery {
            limit: 200,
            ..Default::default()
        },
    )
    .await;
    let mut seen_extension = false;
    let mut seen_address = false;
    for row in &rows {
        let c = contacts::get(&demo.db, &demo.admin, &row.id, "GB")
            .await
            .unwrap();
        assert_eq!(c.id, row.id);
        assert_eq!(c.display_name, row.display_name);
        assert_eq!(
            c.reference,
            format!("C-{:06}", row.id.parse::<i64>().unwrap())
        );
        assert!(!c.sites.is_empty(), "sites with roles");
        assert!(!c.lifecycle_history.is_empty());
        assert_eq!(c.channel_preferences.len(), 4);
        assert_eq!(c.emails.first().map(|e| e.address.clone()), row.email);
        for phone in &c.phones {
            assert!(phone.e164.starts_with('+'));
            assert!(phone.tel_uri.starts_with("tel:+"));
            if let Some(ext) = &phone.extension {
                seen_extension = true;
                assert!(phone.display.ends_with(&format!("ext. {ext}")));
                assert!(phone.tel_uri.ends_with(&format!(";ext={ext}")));
            }
            if phone.e164.starts_with("+44") {
                assert!(
                    phone.display.starts_with('0'),
                    "UK numbers in national format at home: {}",
                    phone.display
                );
            } else {
                assert!(
                    phone.display.starts_with('+'),
                    "foreign numbers in international format: {}",
                    phone.display
                );
            }
        }
        seen_address |= !c.addresses.is_empty();
        if let Some(limit) = &c.approval_limit {
            assert!(limit.amount.ends_with(".00"));
        }
    }
    assert!(seen_extension && seen_address);
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_not_found() {
    let demo = demo_db(20).await;
    for id in ["999999", "0", "-1", "abc", ""] {
        let error = contacts::get(&demo.db, &demo.admin, id, "GB")
            .await
            .err()
            .unwrap();
        assert_eq!(error.code(), "not_found", "{id:?}");
    }
}
