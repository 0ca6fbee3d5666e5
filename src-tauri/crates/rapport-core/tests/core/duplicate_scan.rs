//! The duplicate scan of the whole database: every near-duplicate the demo plants is found with
//! its partner, scope and erasure are respected, nicknames and swapped names are caught,
//! namesakes are not, and a cancelled scan says so.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;

use rapport_core::access::Actor;
use rapport_core::contact::privacy;
use rapport_core::contact::{duplicate_scan, write};
use rapport_core::demo::DUPLICATE_EVERY;
use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::{CoreError, Database};

use crate::{demo_db, sign_in, walk};

async fn scan(db: &Database, actor: &Actor) -> DuplicateScan {
    duplicate_scan::scan(
        db,
        actor,
        DuplicateScanOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .await
    .unwrap()
}

/// The group each contact id is in.
fn group_of(scan: &DuplicateScan) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (g, group) in scan.groups.iter().enumerate() {
        for id in &group.contacts {
            assert!(
                out.insert(id.clone(), g).is_none(),
                "{id} is in one group only"
            );
        }
    }
    out
}

#[tokio::test]
async fn every_planted_near_duplicate_of_the_demo_is_grouped_with_its_partner() {
    let demo = demo_db(2_000).await;
    let scan = scan(&demo.db, &demo.admin).await;
    assert_eq!(scan.contacts_scanned, 2_000);
    assert!(
        scan.pairs_compared < 2_000 * 40,
        "blocking keeps the comparisons near-linear: {}",
        scan.pairs_compared
    );
    let groups = group_of(&scan);
    let planted: Vec<(u64, u64)> = (1..=2_000u64)
        .filter(|id| id.is_multiple_of(DUPLICATE_EVERY))
        .map(|id| (id - 1, id))
        .collect();
    assert_eq!(planted.len(), 20);
    for (original, copy) in &planted {
        let (a, b) = (
            groups.get(&original.to_string()),
            groups.get(&copy.to_string()),
        );
        assert!(
            a.is_some() && a == b,
            "planted pair {original}/{copy} is one group: {:?}",
            a.map(|g| &scan.groups[*g])
        );
        let group = &scan.groups[*a.unwrap()];
        assert!(group.score >= 75 && group.score <= 100, "{group:?}");
        assert!(
            group.reasons.iter().any(|r| r == "same email"),
            "every planted copy keeps the email (in other case): {group:?}"
        );
        assert!(
            group.reasons.iter().any(|r| r == "same account"),
            "every planted copy keeps the sites, so the account: {group:?}"
        );
    }
    // The demo also holds people who happen to share a name and an address at one company;
    // those are real candidates too, but no group is a crowd.
    assert!(
        scan.groups.iter().all(|g| g.contacts.len() <= 4),
        "{:?}",
        scan.groups
    );

    // Erased people are not scanned.
    let (original, _) = planted[0];
    let reference = contact_reference(original as i64);
    privacy::erase_person(&demo.db, &demo.admin, &original.to_string(), &reference)
        .await
        .unwrap();
    let after = scan_again(&demo.db, &demo.admin).await;
    assert_eq!(after.contacts_scanned, 1_999);
    assert!(!group_of(&after).contains_key(&original.to_string()));
}

async fn scan_again(db: &Database, actor: &Actor) -> DuplicateScan {
    scan(db, actor).await
}

#[tokio::test]
async fn a_territory_manager_scans_only_their_territory() {
    let demo = demo_db(3_000).await;
    let territory = sign_in(&demo.db, "territory").await;
    let visible: HashSet<String> = walk(
        &demo.db,
        &territory,
        ContactListQuery {
            limit: contacts::MAX_PAGE,
            ..Default::default()
        },
    )
    .await
    .into_iter()
    .map(|row| row.id)
    .collect();
    let theirs = scan(&demo.db, &territory).await;
    assert_eq!(theirs.contacts_scanned as usize, visible.len());
    for group in &theirs.groups {
        for id in &group.contacts {
            assert!(visible.contains(id), "{id} is outside the manager's scope");
        }
    }
    let all = scan(&demo.db, &demo.admin).await;
    assert!(
        all.groups
            .iter()
            .flat_map(|g| &g.contacts)
            .any(|id| !visible.contains(id)),
        "the administrator's scan holds contacts the manager never sees"
    );
}

fn person(first: &str, last: &str, email: Option<&str>, phone: &str, site: &str) -> ContactInput {
    ContactInput {
        contact_type: ContactType::Operations,
        first_name: first.into(),
        last_name: last.into(),
        emails: email
            .map(|address| EmailInput {
                kind: EmailKind::Business,
                address: address.into(),
            })
            .into_iter()
            .collect(),
        phones: vec![PhoneInput {
            kind: PhoneKind::Office,
            number: phone.into(),
            country: "GB".into(),
            extension: None,
        }],
        sites: vec![SiteAssociationInput {
            site_id: site.into(),
            role: SiteRole::Operations,
            authority_limit: None,
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn nicknames_and_swapped_names_are_found_and_namesakes_are_not() {
    let demo = demo_db(300).await;
    let site: i64 = sqlx::query_scalar("SELECT id FROM sites ORDER BY id LIMIT 1")
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
    let site = site.to_string();
    let mut ids = Vec::new();
    for input in [
        // A nickname, the phone written nationally and internationally.
        person(
            "William",
            "Zabrowski",
            Some("w.zabrowski@example.com"),
            "020 7946 0101",
            &site,
        ),
        person("Bill", "Zabrowski", None, "+44 20 7946 0101", &site),
        // First and family name swapped, the email in other case.
        person(
            "Quentin",
            "Harlowe",
            Some("quentin.harlowe@example.com"),
            "020 7946 0202",
            &site,
        ),
        person(
            "Harlowe",
            "Quentin",
            Some("Quentin.Harlowe@Example.com"),
            "020 7946 0303",
            &site,
        ),
        // Two colleagues with a common family name on one switchboard number.
        person(
            "John",
            "Smith",
            Some("john.smith@example.com"),
            "020 7946 0999",
            &site,
        ),
        person(
            "Mary",
            "Smith",
            Some("mary.smith@example.com"),
            "020 7946 0999",
            &site,
        ),
    ] {
        ids.push(
            write::create(&demo.db, &demo.admin, &input, "GB")
                .await
                .unwrap()
                .id,
        );
    }
    let scan = scan(&demo.db, &demo.admin).await;
    let find = |id: &str| {
        scan.groups
            .iter()
            .find(|g| g.contacts.iter().any(|c| c == id))
    };

    let nickname = find(&ids[0]).expect("William and Bill are grouped");
    assert_eq!(nickname.contacts, vec![ids[0].clone(), ids[1].clone()]);
    assert!(
        nickname
            .reasons
            .contains(&"nickname William/Bill".to_string()),
        "{nickname:?}"
    );
    assert!(
        nickname.reasons.contains(&"same phone".to_string()),
        "{nickname:?}"
    );

    let swapped = find(&ids[2]).expect("the swapped names are grouped");
    assert_eq!(swapped.contacts, vec![ids[2].clone(), ids[3].clone()]);
    assert!(
        swapped.reasons.contains(&"names swapped".to_string()),
        "{swapped:?}"
    );
    assert!(
        swapped.reasons.contains(&"same email".to_string()),
        "{swapped:?}"
    );

    assert!(
        find(&ids[4]).is_none(),
        "John Smith is nobody's duplicate: {:?}",
        find(&ids[4])
    );
    assert!(find(&ids[5]).is_none(), "Mary Smith is nobody's duplicate");
}

#[tokio::test]
async fn a_cancelled_scan_says_so() {
    let demo = demo_db(300).await;
    let error = duplicate_scan::scan(
        &demo.db,
        &demo.admin,
        DuplicateScanOptions::default(),
        &mut |_| {},
        &AtomicBool::new(true),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, CoreError::Cancelled), "{error:?}");
}

#[tokio::test]
async fn the_rows_of_a_group_come_in_the_order_asked_and_only_those_in_scope() {
    let demo = demo_db(400).await;
    let territory = sign_in(&demo.db, "territory").await;
    let seen: Vec<String> = contacts::list(
        &demo.db,
        &territory,
        &ContactListQuery {
            limit: 3,
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .rows
    .into_iter()
    .map(|row| row.id)
    .collect();
    assert_eq!(seen.len(), 3);
    let outside: i64 = sqlx::query_scalar(
        "SELECT c.id FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM contact_sites cs
            JOIN sites s ON s.id = cs.site_id JOIN user_territories ut ON ut.territory_id = s.territory_id
            JOIN users u ON u.id = ut.user_id AND u.username = 'territory' WHERE cs.contact_id = c.id)
         ORDER BY c.id LIMIT 1",
    )
    .fetch_one(demo.db.reader())
    .await
    .unwrap();
    let asked = vec![
        seen[2].clone(),
        outside.to_string(),
        "not-a-number".into(),
        seen[0].clone(),
    ];
    let rows = contacts::rows_of(&demo.db, &territory, &asked)
        .await
        .unwrap();
    let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
    assert_eq!(ids, vec![seen[2].as_str(), seen[0].as_str()]);
    let admin_rows = contacts::rows_of(&demo.db, &demo.admin, &[outside.to_string()])
        .await
        .unwrap();
    assert_eq!(admin_rows.len(), 1);
    let too_many: Vec<String> = (1..=501).map(|id| id.to_string()).collect();
    assert!(matches!(
        contacts::rows_of(&demo.db, &demo.admin, &too_many).await,
        Err(CoreError::InvalidInput(_))
    ));
}
