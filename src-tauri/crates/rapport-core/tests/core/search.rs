use std::collections::HashSet;

use rapport_core::model::*;
use rapport_core::store::contacts;
use rapport_core::text::fold;

use crate::{demo_db, walk, Demo};

fn search(text: &str, limit: u32) -> ContactListQuery {
    ContactListQuery {
        search: Some(text.into()),
        limit,
        ..Default::default()
    }
}

async fn first_page(demo: &Demo, text: &str) -> ContactPage {
    contacts::list(&demo.db, &demo.admin, &search(text, 100))
        .await
        .unwrap()
}

/// Words of the fields a search covers, folded.
fn words(row: &ContactRow) -> Vec<String> {
    [
        Some(&row.display_name),
        row.email.as_ref(),
        row.company.as_ref(),
        row.job_title.as_ref(),
    ]
    .into_iter()
    .flatten()
    .flat_map(|s| {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    })
    .collect()
}

#[tokio::test]
async fn typing_a_family_name_finds_the_people_with_that_name_first() {
    let demo = demo_db(3_000).await;
    let page = first_page(&demo, "Schm").await;
    assert_eq!(page.mode, ListMode::Prefix);
    assert!(!page.rows.is_empty());
    for row in &page.rows {
        assert!(words(row).iter().any(|w| w.starts_with("schm")), "{row:?}");
    }
    // Name matches come before matches elsewhere (e.g. only in the email).
    let in_name: Vec<bool> = page
        .rows
        .iter()
        .map(|r| {
            fold(&r.display_name)
                .split(' ')
                .any(|w| w.starts_with("schm"))
        })
        .collect();
    let first_other = in_name.iter().position(|x| !x).unwrap_or(in_name.len());
    assert!(
        in_name[first_other..].iter().all(|x| !x),
        "name tier first: {in_name:?}"
    );
}

#[tokio::test]
async fn several_words_must_all_match_and_accents_do_not_matter() {
    let demo = demo_db(3_000).await;
    let page = first_page(&demo, "muller").await;
    assert!(!page.rows.is_empty());
    assert!(
        page.rows.iter().any(|r| r.display_name.contains("Müller")),
        "ü matches u"
    );
    let rows = walk(&demo.db, &demo.admin, search("sch gmbh", 50)).await;
    assert!(!rows.is_empty());
    for row in &rows {
        let w = words(row);
        assert!(
            w.iter().any(|w| w.starts_with("sch")) && w.iter().any(|w| w == "gmbh"),
            "{row:?}"
        );
    }
}

#[tokio::test]
async fn text_inside_words_is_found_when_no_word_starts_with_it() {
    let demo = demo_db(3_000).await;
    let page = first_page(&demo, "chmid").await;
    assert_eq!(page.mode, ListMode::Substring);
    assert!(!page.rows.is_empty());
    for row in &page.rows {
        let text = fold(&format!(
            "{} {}",
            row.display_name,
            row.email.clone().unwrap_or_default()
        ));
        assert!(text.contains("chmid"), "{row:?}");
    }
    let count = contacts::count(
        &demo.db,
        &demo.admin,
        &ContactCountQuery {
            search: Some("chmid".into()),
            filter: Default::default(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        count.count as usize,
        walk(&demo.db, &demo.admin, search("chmid", 7)).await.len()
    );
}

#[tokio::test]
async fn phone_numbers_match_as_people_type_them() {
    let demo = demo_db(3_000).await;
    for typed in ["020 7946", "+44 20 7946", "4420 7946"] {
        let page = first_page(&demo, typed).await;
        assert!(!page.rows.is_empty(), "{typed}");
        for row in &page.rows {
            let phone = row.phone.clone().unwrap_or_default();
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            // The row's primary phone may not be the one that matched; most are.
            assert!(phone.is_empty() || !digits.is_empty(), "{typed}: {row:?}");
        }
        assert!(
            page.rows
                .iter()
                .filter(|r| r.phone.as_deref().unwrap_or("").starts_with("020 7946"))
                .count()
                > page.rows.len() / 2,
            "{typed}: most hits are London office numbers"
        );
    }
}

#[tokio::test]
async fn east_asian_names_are_found_by_their_characters() {
    let demo = demo_db(3_000).await;
    let page = first_page(&demo, "山本").await;
    assert!(!page.rows.is_empty());
    assert!(page.rows.iter().all(|r| r.display_name.contains("山本")));
}

#[tokio::test]
async fn search_pages_cover_all_matches_once_and_match_the_count() {
    let demo = demo_db(3_000).await;
    let rows = walk(&demo.db, &demo.admin, search("a", 100)).await;
    let ids: HashSet<_> = rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(
        ids.len(),
        rows.len(),
        "no contact twice across tiers and pages"
    );
    let count = contacts::count(
        &demo.db,
        &demo.admin,
        &ContactCountQuery {
            search: Some("a".into()),
            filter: Default::default(),
        },
    )
    .await
    .unwrap();
    assert!(count.exact);
    assert_eq!(count.count as usize, rows.len());
}

#[tokio::test]
async fn search_respects_filters() {
    let demo = demo_db(2_000).await;
    let query = ContactListQuery {
        search: Some("a".into()),
        filter: ContactFilter {
            contact_type: Some(ContactType::Emergency),
            ..Default::default()
        },
        limit: 50,
        ..Default::default()
    };
    let rows = walk(&demo.db, &demo.admin, query).await;
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r.contact_type == ContactType::Emergency));
}

#[tokio::test]
async fn search_syntax_in_the_text_is_taken_literally() {
    let demo = demo_db(300).await;
    for text in ["\"", "OR", "NEAR(", "a AND", "*", "name:x", "-", "^"] {
        let result = contacts::list(&demo.db, &demo.admin, &search(text, 20)).await;
        assert!(result.is_ok(), "{text:?} gives {result:?}");
    }
}

#[tokio::test]
async fn a_bulk_load_leaves_the_full_text_buffers_at_their_everyday_size() {
    // Loads index with a large FTS5 buffer; everyday edits must not keep it.
    let demo = demo_db(500).await;
    for index in ["contact_words", "contact_grams"] {
        let size: i64 = sqlx::query_scalar(&format!(
            "SELECT v FROM {index}_config WHERE k = 'hashsize'"
        ))
        .fetch_one(demo.db.reader())
        .await
        .unwrap();
        assert_eq!(size, 1_048_576, "{index}");
    }
}
