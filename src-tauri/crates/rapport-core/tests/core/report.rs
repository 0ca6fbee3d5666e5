use chrono::{Duration, TimeZone, Utc};
use rapport_core::access::Actor;
use rapport_core::dashboard::dashboard;
use rapport_core::model::*;
use rapport_core::report::{self, queue, snapshot};
use rapport_core::store::contacts;
use rapport_core::{CoreError, Database};

use crate::{demo_db, fixed_now, sign_in, territory_manager};

fn request(kind: ReportKind, period: Option<&str>) -> ReportRequest {
    ReportRequest {
        kind,
        period: period.map(Into::into),
    }
}

/// The report as `actor` gets it at `now`.
async fn made(
    db: &Database,
    actor: &Actor,
    kind: ReportKind,
    period: Option<&str>,
    now: chrono::DateTime<Utc>,
) -> Report {
    report::build(db, actor, &request(kind, period), now)
        .await
        .unwrap()
}

fn figure<'a>(report: &'a Report, label: &str) -> &'a str {
    &report
        .figures
        .iter()
        .find(|f| f.label == label)
        .unwrap_or_else(|| panic!("{}: no figure {label}", report.title))
        .value
}

fn section<'a>(report: &'a Report, title: &str) -> &'a ReportSection {
    report
        .sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("{}: no section {title}", report.title))
}

fn number(cell: &str) -> u32 {
    cell.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{cell} is not a count"))
}

async fn list_count(db: &Database, actor: &Actor, filter: ContactFilter) -> u32 {
    let query = ContactCountQuery {
        search: None,
        filter,
    };
    contacts::count(db, actor, &query).await.unwrap().count
}

/// The monthly report's figures are the contact list's counts for the month, and its data
/// quality is the dashboard's, for every role.
#[tokio::test]
async fn reports_count_what_the_list_and_the_dashboard_count() {
    let demo = demo_db(900).await;
    let now = fixed_now();
    for who in ["admin", "regional", "territory", "billing"] {
        let actor = sign_in(&demo.db, who).await;
        let d = dashboard(&demo.db, &actor, now).await.unwrap();
        for kind in ReportKind::ALL {
            let period = match kind {
                ReportKind::Monthly => Some("2026-10"),
                ReportKind::QuarterlyReview => Some("2026-Q3"),
                _ => None,
            };
            let r = report::build(&demo.db, &actor, &request(*kind, period), now)
                .await
                .unwrap();
            assert_eq!(r.kind, *kind);
            assert_eq!(r.generated_by, actor.display_name());
            assert!(
                !r.figures.is_empty() && !r.sections.is_empty(),
                "{who} {kind:?}"
            );
            for s in &r.sections {
                for row in &s.rows {
                    assert_eq!(row.len(), s.columns.len(), "{who}: {}", s.title);
                }
            }
        }

        let monthly = made(&demo.db, &actor, ReportKind::Monthly, Some("2026-10"), now).await;
        assert_eq!(monthly.period.label, "October 2026");
        assert_eq!(number(figure(&monthly, "Contacts")), d.total, "{who}");
        let october = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let november = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        let created_since = |since| ContactFilter {
            changed: Some(ChangeFilter {
                kind: ChangeKind::Created,
                since,
            }),
            ..ContactFilter::default()
        };
        let created = list_count(&demo.db, &actor, created_since(october)).await
            - list_count(&demo.db, &actor, created_since(november)).await;
        assert_eq!(
            number(figure(&monthly, "New in the month")),
            created,
            "{who}"
        );
        assert_eq!(
            figure(&monthly, "Data quality"),
            format!("{}%", d.quality.score),
            "{who}"
        );

        // Each territory's contacts are the list's count filtered to the territory.
        let by_territory = section(&monthly, "Contacts by territory");
        let territories = rapport_core::store::organisation::list_territories(&demo.db, &actor)
            .await
            .unwrap();
        assert_eq!(by_territory.rows.len(), territories.len(), "{who}");
        for (row, t) in by_territory.rows.iter().zip(&territories) {
            assert_eq!(row[0], t.name);
            let filter = ContactFilter {
                territory_id: Some(t.id.clone()),
                ..ContactFilter::default()
            };
            assert_eq!(
                number(&row[2]),
                list_count(&demo.db, &actor, filter).await,
                "{who}: {}",
                t.name
            );
        }

        let quality = made(&demo.db, &actor, ReportKind::DataQuality, None, now).await;
        assert_eq!(
            figure(&quality, "Data quality"),
            format!("{}%", d.quality.score)
        );
        assert_eq!(
            number(figure(&quality, "Unreachable")),
            d.quality.unreachable
        );
        assert_eq!(
            number(figure(&quality, "Not verified in time")),
            d.quality.unverified
        );

        let review = made(
            &demo.db,
            &actor,
            ReportKind::QuarterlyReview,
            Some("2026-Q3"),
            now,
        )
        .await;
        assert_eq!(
            number(figure(&review, "Active contacts")),
            number(figure(&review, "Reviewed this quarter"))
                + number(figure(&review, "Awaiting review")),
            "{who}: every active contact is reviewed or awaits review"
        );
        for row in &section(&review, "Review status by territory").rows {
            assert_eq!(
                number(&row[2]),
                number(&row[3]) + number(&row[4]),
                "{who}: {}",
                row[0]
            );
        }

        let verification = made(&demo.db, &actor, ReportKind::Verification, None, now).await;
        let due = section(&verification, "Verifications due");
        let overdue = number(figure(&verification, "Overdue"))
            + number(figure(&verification, "Never verified"));
        assert_eq!(overdue, d.quality.unverified, "{who}");
        assert_eq!(due.rows.len() as u32, overdue.min(500), "{who}");
        // Every contact listed is one the user may open.
        for row in due.rows.iter().take(20) {
            let id = row[0].trim_start_matches("C-").trim_start_matches('0');
            contacts::visible_id(&demo.db, &actor, id, "view")
                .await
                .unwrap_or_else(|e| panic!("{who} may not see {}: {e}", row[0]));
        }
    }
}

#[tokio::test]
async fn a_territory_manager_reports_on_their_territories_only() {
    let demo = demo_db(600).await;
    let manager = sign_in(&demo.db, "territory").await;
    let admin_report = made(
        &demo.db,
        &demo.admin,
        ReportKind::Verification,
        None,
        fixed_now(),
    )
    .await;
    let theirs = made(
        &demo.db,
        &manager,
        ReportKind::Verification,
        None,
        fixed_now(),
    )
    .await;
    let names = |r: &Report| -> Vec<String> {
        section(r, "Verification by territory")
            .rows
            .iter()
            .map(|row| row[0].clone())
            .collect()
    };
    assert!(names(&theirs).len() < names(&admin_report).len());
    assert!(
        theirs.scope.starts_with("Territories: "),
        "{}",
        theirs.scope
    );
    assert_eq!(admin_report.scope, "All contacts");
    assert!(
        number(figure(&theirs, "Active contacts"))
            < number(figure(&admin_report, "Active contacts"))
    );
}

#[tokio::test]
async fn periods_are_checked_and_named() {
    let demo = demo_db(50).await;
    let now = fixed_now();
    let bad = report::build(
        &demo.db,
        &demo.admin,
        &request(ReportKind::Monthly, Some("2026-13")),
        now,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(bad, CoreError::InvalidInput(ref p) if p.field == "period"),
        "{bad:?}"
    );
    let bad = report::build(
        &demo.db,
        &demo.admin,
        &request(ReportKind::DataQuality, Some("2026-11")),
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(bad.fields()[0].field, "period");
    let q = made(
        &demo.db,
        &demo.admin,
        ReportKind::QuarterlyReview,
        None,
        now,
    )
    .await;
    assert_eq!(q.period.key, "2026-Q4");
    assert_eq!(
        report::file_name(&q, ReportFormat::Pdf),
        "quarterly-review-2026-Q4.pdf"
    );
}

/// One snapshot a day, whoever asks first; the trend reads it back for each role's scope.
#[tokio::test]
async fn daily_snapshots_make_the_quality_trend() {
    let demo = demo_db(400).await;
    let now = fixed_now();
    // The demo reconstructs a snapshot a week for 13 weeks from its rows' dates.
    let history = snapshot::trend(demo.db.reader(), &demo.admin, now, 92)
        .await
        .unwrap();
    assert_eq!(history.len(), 13);
    assert_eq!(
        history[12].day,
        (now - Duration::weeks(1)).date_naive().to_string()
    );
    assert!(
        history.windows(2).all(|w| w[0].contacts <= w[1].contacts),
        "contacts accrue"
    );
    assert!(
        history[0].contacts < 400,
        "contacts created since were left out"
    );

    assert!(snapshot::take_daily(&demo.db, now - Duration::days(2))
        .await
        .unwrap());
    assert!(snapshot::take_daily(&demo.db, now).await.unwrap());
    assert!(
        !snapshot::take_daily(&demo.db, now).await.unwrap(),
        "once a day"
    );
    let trend = snapshot::trend(demo.db.reader(), &demo.admin, now, 92)
        .await
        .unwrap();
    assert_eq!(trend.len(), 15);
    assert!(trend.windows(2).all(|w| w[0].day < w[1].day));
    let d = dashboard(&demo.db, &demo.admin, now).await.unwrap();
    let today = trend.last().unwrap();
    assert_eq!(
        (today.contacts, today.clean, today.score),
        (d.quality.contacts, d.quality.clean, d.quality.score)
    );

    // A territory manager's trend sums their territories (not archived), within their view.
    let manager = sign_in(&demo.db, "territory").await;
    let theirs = snapshot::trend(demo.db.reader(), &manager, now, 90)
        .await
        .unwrap();
    let md = dashboard(&demo.db, &manager, now).await.unwrap();
    let point = theirs.last().unwrap();
    assert!(point.contacts >= md.quality.contacts && point.contacts < today.contacts);
    let per_territory: u32 = md.by_territory.iter().map(|t| t.count).sum();
    assert_eq!(point.contacts, per_territory);

    // The data-quality report lists the trend, newest first.
    let r = made(&demo.db, &demo.admin, ReportKind::DataQuality, None, now).await;
    let rows = &section(&r, "Trend").rows;
    assert_eq!(rows[0][0], now.date_naive().to_string());
    let chart = r.chart.as_ref().unwrap();
    assert_eq!(chart.points.len(), rows.len());
    assert_eq!(chart.points.last().unwrap().value, d.quality.score);
}

/// A manager of two territories sharing a contact: their trend counts that contact once, as
/// their dashboard does, where the two territories' snapshots count it in each.
#[tokio::test]
async fn a_manager_of_two_territories_trends_each_contact_once() {
    let demo = demo_db(400).await;
    let (db, now) = (&demo.db, fixed_now());
    let pick = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(db.reader())
            .await
            .unwrap()
    };
    let first = pick("SELECT id FROM territories WHERE code = 'UKI-SCO'").await;
    let second = pick(
        "SELECT s.territory_id FROM sites s JOIN territories t ON t.id = s.territory_id
         WHERE t.code <> 'UKI-SCO' ORDER BY s.id LIMIT 1",
    )
    .await;
    // Every contact of the first territory also works at a site of the second.
    let mut tx = db.write().await.unwrap();
    sqlx::query(
        "INSERT OR IGNORE INTO contact_sites (contact_id, site_id, role, is_primary)
         SELECT cs.contact_id, (SELECT id FROM sites WHERE territory_id = ?2 ORDER BY id LIMIT 1),
                cs.role, 0
         FROM contact_sites cs JOIN sites s ON s.id = cs.site_id WHERE s.territory_id = ?1",
    )
    .bind(first)
    .bind(second)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let both = territory_manager(db, &demo.admin, "both", &[first, second]).await;

    assert!(snapshot::take_daily(db, now).await.unwrap());
    let trend = snapshot::trend(db.reader(), &both, now, 90).await.unwrap();
    // The weekly history predates the manager: their own scope has today's snapshot only.
    assert_eq!(trend.len(), 1);
    let d = dashboard(db, &both, now).await.unwrap();
    let today = &trend[0];
    assert_eq!(today.day, now.date_naive().to_string());
    assert_eq!(
        (today.contacts, today.clean, today.unreachable, today.score),
        (
            d.quality.contacts,
            d.quality.clean,
            d.quality.unreachable,
            d.quality.score
        )
    );
    let summed: i64 = sqlx::query_scalar(
        "SELECT sum(contacts) FROM quality_snapshots
         WHERE level = 'territory' AND group_id IN (?, ?) AND day = ?",
    )
    .bind(first)
    .bind(second)
    .bind(&today.day)
    .fetch_one(db.reader())
    .await
    .unwrap();
    assert!(
        summed > i64::from(today.contacts),
        "the territories' sum counts the shared contacts twice"
    );

    // A day without a snapshot yet: the day's point is counted now.
    let tomorrow = now + Duration::days(1);
    let later = snapshot::trend(db.reader(), &both, tomorrow, 90)
        .await
        .unwrap();
    assert_eq!(later.len(), 2);
    assert_eq!(later[1].day, tomorrow.date_naive().to_string());
    assert_eq!(later[1].contacts, today.contacts);
}

#[tokio::test]
async fn a_report_exports_as_csv_a_spreadsheet_reads() {
    let demo = demo_db(300).await;
    let r = made(
        &demo.db,
        &demo.admin,
        ReportKind::Monthly,
        Some("2026-10"),
        fixed_now(),
    )
    .await;
    let bytes = report::render(&r, ReportFormat::Csv).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("\u{feff}Report,Monthly contact management report\r\n"));
    assert!(text.contains("\r\nPeriod,October 2026\r\n"));
    assert!(text.contains("\r\nContacts by territory\r\nTerritory,Region,Contacts,New,Changed,Deactivated,Data quality\r\n"));
    // Counts of a thousand or more hold a comma, so they are quoted.
    let contacts = figure(&r, "Contacts");
    assert!(text.contains(&format!(
        "\r\nContacts,{}\r\n",
        if contacts.contains(',') {
            format!("\"{contacts}\"")
        } else {
            contacts.to_string()
        }
    )));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(report::file_name(&r, ReportFormat::Csv));
    report::write(&r, ReportFormat::Csv, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(path.file_name().unwrap(), "monthly-2026-10.csv");
    // Only the report is left in the folder: the temporary file was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A report of many rows as the PDF writes it: pages with numbers, every table row's text
/// extractable, a Japanese name drawn in a font that has it, an overlong one cut with "…".
#[test]
fn a_long_report_prints_on_numbered_pages_with_every_row() {
    let long_name = format!("Maximilian {} Esq.", "Wolfeschlegelsteinhausen".repeat(12));
    let mut rows: Vec<Vec<String>> = (1..=300)
        .map(|i| {
            vec![
                format!("C-{i:06}"),
                format!("Person Number {i}"),
                "Globex Corporation".into(),
                format!("{}", i * 7),
            ]
        })
        .collect();
    rows[0][1] = "山田 太郎".into();
    rows[1][1] = long_name.clone();
    let report = Report {
        kind: ReportKind::Verification,
        title: "Verification status".into(),
        period: ReportPeriod {
            key: "2026-11-01".into(),
            label: "As of 1 November 2026".into(),
            from: fixed_now(),
            to: fixed_now(),
        },
        generated_at: fixed_now(),
        generated_by: "Sam Okafor".into(),
        scope: "All contacts".into(),
        figures: vec![
            ReportFigure {
                label: "Active contacts".into(),
                value: "1,204".into(),
            },
            ReportFigure {
                label: "Overdue".into(),
                value: "57".into(),
            },
        ],
        chart: None,
        sections: vec![ReportSection {
            title: "Verifications due".into(),
            note: Some("The first 300 of 1,204, longest overdue first.".into()),
            columns: vec![
                ReportColumn {
                    label: "Reference".into(),
                    numeric: false,
                },
                ReportColumn {
                    label: "Name".into(),
                    numeric: false,
                },
                ReportColumn {
                    label: "Company".into(),
                    numeric: false,
                },
                ReportColumn {
                    label: "Days overdue".into(),
                    numeric: true,
                },
            ],
            rows,
        }],
    };
    let bytes = report::render(&report, ReportFormat::Pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Ok(dir) = std::env::var("RAPPORT_PDF_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("report-test.pdf"), &bytes).unwrap();
    }
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    assert!(
        pages.len() >= 6,
        "300 rows of 14 pt need several pages, got {}",
        pages.len()
    );
    let text: Vec<String> = pages
        .iter()
        .map(|p| pdf.extract_text(&[*p]).unwrap())
        .collect();
    let all = text.concat();
    assert!(text[0].contains("Verification status"), "{}", text[0]);
    assert!(text[0].contains("ACTIVE CONTACTS") && text[0].contains("1,204"));
    for (n, page) in text.iter().enumerate() {
        let footer = format!("Page {} of {}", n + 1, pages.len());
        assert!(page.contains(&footer), "page {} lacks {footer}", n + 1);
    }
    // Every row is printed once; the header is repeated on each continued page.
    for i in [3, 150, 299, 300] {
        assert_eq!(
            all.matches(&format!("Person Number {i}\n")).count()
                + all.matches(&format!("Person Number {i} ")).count()
                + usize::from(all.ends_with(&format!("Person Number {i}"))),
            1,
            "row {i}"
        );
    }
    assert!(text[1].contains("Verifications due (continued)"));
    assert!(text[1].contains("Days overdue"));
    assert!(all.contains("山田"), "the Japanese name is text in the PDF");
    assert!(all.contains("Maximilian Wolfeschlegel"));
    assert!(all.contains('…'), "the overlong name is cut");
    assert!(
        !all.contains(&long_name),
        "the overlong name is not printed whole"
    );
}

/// The first 500 of a queue as `actor` sees it now.
async fn queue_page(
    db: &Database,
    actor: &Actor,
    kind: QueueKind,
    filter: QueueFilter,
) -> QueuePage {
    let query = QueueQuery {
        kind,
        filter,
        offset: 0,
        limit: 500,
    };
    queue::queue(db, actor, &query, chrono::Utc::now())
        .await
        .unwrap()
}

/// The month's verification queue holds the contacts whose verification falls due by the
/// month's end; assigning them is checked against both users' scopes, and verifying a contact
/// takes it out.
#[tokio::test]
async fn verification_queue_assigns_within_scope_and_empties_as_contacts_are_verified() {
    let demo = demo_db(500).await;
    let now = chrono::Utc::now();
    let admin = &demo.admin;
    let all = queue_page(&demo.db, admin, QueueKind::Verification, QueueFilter::All).await;
    assert!(all.total > 0 && all.total < 500, "{}", all.total);
    assert_eq!(all.unassigned, all.total);
    assert_eq!(all.mine, 0);
    assert_eq!(all.entries.len() as u32, all.total.min(500));
    // Oldest verification first, the never verified before them.
    let verified: Vec<_> = all.entries.iter().map(|e| e.verified_at).collect();
    let mut sorted = verified.clone();
    sorted.sort_by_key(|v| (v.is_some(), *v));
    assert_eq!(verified, sorted);

    // The territory manager sees part of the queue; assigning them a contact outside their
    // territories is refused with their name, the others are assigned.
    let manager = sign_in(&demo.db, "territory").await;
    let theirs = queue_page(
        &demo.db,
        &manager,
        QueueKind::Verification,
        QueueFilter::All,
    )
    .await;
    assert!(theirs.total > 0 && theirs.total < all.total);
    let inside: Vec<String> = theirs
        .entries
        .iter()
        .take(3)
        .map(|e| e.contact.id.clone())
        .collect();
    let outside = all
        .entries
        .iter()
        .map(|e| e.contact.id.clone())
        .find(|id| !theirs.entries.iter().any(|e| &e.contact.id == id))
        .unwrap();
    let users = queue::assignees(&demo.db, admin).await.unwrap();
    let manager_id = users
        .iter()
        .find(|u| u.username == "territory")
        .unwrap()
        .id
        .clone();
    let mut ids = inside.clone();
    ids.push(outside.clone());
    ids.push("999999".into());
    let report = queue::assign(
        &demo.db,
        admin,
        &QueueAssignment {
            kind: QueueKind::Verification,
            contact_ids: ids,
            assignee_id: Some(manager_id.clone()),
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 3);
    assert_eq!(report.refused.len(), 2, "{:?}", report.refused);
    let refusal = report
        .refused
        .iter()
        .find(|r| r.contact_id == outside)
        .unwrap();
    assert!(
        refusal.message.contains("outside their territories"),
        "{}",
        refusal.message
    );
    assert!(report
        .refused
        .iter()
        .any(|r| r.message.contains("is not in your verification queue")));

    let mine = queue_page(
        &demo.db,
        &manager,
        QueueKind::Verification,
        QueueFilter::Mine,
    )
    .await;
    assert_eq!(mine.mine, 3);
    let mut assigned: Vec<String> = mine.entries.iter().map(|e| e.contact.id.clone()).collect();
    assigned.sort();
    let mut expected = inside.clone();
    expected.sort();
    assert_eq!(assigned, expected);
    assert!(mine
        .entries
        .iter()
        .all(|e| e.assignee.as_ref().unwrap().username == "territory"));
    let unassigned = queue_page(
        &demo.db,
        admin,
        QueueKind::Verification,
        QueueFilter::Unassigned,
    )
    .await;
    assert_eq!(unassigned.total, all.total);
    assert_eq!(unassigned.unassigned, all.total - 3);

    // Verifying a contact takes it out of the queue.
    rapport_core::contact::status::verify(
        &demo.db,
        &manager,
        &inside[0],
        &rapport_core::contact::status::VerificationInput {
            method: "Phone call".into(),
            verified_on: now.date_naive(),
        },
    )
    .await
    .unwrap();
    let after = queue_page(
        &demo.db,
        &manager,
        QueueKind::Verification,
        QueueFilter::Mine,
    )
    .await;
    assert_eq!(after.mine, 2);
    assert!(!after.entries.iter().any(|e| e.contact.id == inside[0]));

    // Taking an assignment away; a billing administrator cannot be given contacts they may not edit.
    let report = queue::assign(
        &demo.db,
        admin,
        &QueueAssignment {
            kind: QueueKind::Verification,
            contact_ids: vec![inside[1].clone()],
            assignee_id: None,
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(report.changed, 1);
    let after = queue_page(
        &demo.db,
        &manager,
        QueueKind::Verification,
        QueueFilter::Mine,
    )
    .await;
    assert_eq!(after.mine, 1);
    let bad = queue::assign(
        &demo.db,
        admin,
        &QueueAssignment {
            kind: QueueKind::Verification,
            contact_ids: vec![inside[1].clone()],
            assignee_id: Some("424242".into()),
        },
        now,
    )
    .await
    .unwrap_err();
    assert_eq!(bad.fields()[0].field, "assigneeId");
}

/// The quarter's review queue is the quarterly report's "awaiting review" list.
#[tokio::test]
async fn review_queue_is_the_quarterly_reports_awaiting_list() {
    let demo = demo_db(400).await;
    let now = chrono::Utc::now();
    let q = queue_page(&demo.db, &demo.admin, QueueKind::Review, QueueFilter::All).await;
    let r = made(
        &demo.db,
        &demo.admin,
        ReportKind::QuarterlyReview,
        None,
        now,
    )
    .await;
    assert_eq!(q.period, r.period.key);
    assert_eq!(q.total, number(figure(&r, "Awaiting review")));
}

/// The counts read from the rows kept per area equal the same counts over the contacts (the
/// path an `as_of` count takes; a date far ahead changes nothing), for every role and group.
#[tokio::test]
async fn area_counts_equal_the_counts_over_the_contacts() {
    use rapport_core::store::report::{grouped, overall, Bounds, Grouping, Who};
    let demo = demo_db(900).await;
    let now = fixed_now();
    let bounds = Bounds {
        from: now - Duration::days(60),
        to: now,
        verified_since: now - Duration::days(180),
        as_of: None,
    };
    let over_contacts = Bounds {
        as_of: Some(now + Duration::days(36_500)),
        ..bounds
    };
    // Some people can no longer be reached, verified or not, in every scope.
    let mut tx = demo.db.write().await.unwrap();
    sqlx::query("UPDATE contacts SET primary_email = NULL, primary_phone = NULL WHERE id % 13 = 0")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let pool = demo.db.reader();
    let mut actors = Vec::new();
    for who in ["admin", "regional", "territory", "billing"] {
        actors.push(sign_in(&demo.db, who).await);
    }
    // Everyone's counts, as plainly as SQL says them.
    let cutoff = rapport_core::store::timestamp(bounds.verified_since);
    let (unreachable, clean): (i64, i64) = sqlx::query_as(
        "SELECT sum(primary_email IS NULL AND primary_phone IS NULL),
                sum(NOT (primary_email IS NULL AND primary_phone IS NULL)
                    AND NOT (status = 'active' AND (verified_at IS NULL OR verified_at < ?)))
         FROM contacts WHERE erased_at IS NULL",
    )
    .bind(cutoff)
    .fetch_one(pool)
    .await
    .unwrap();
    let everyone = overall(pool, Who::Everyone, &bounds).await.unwrap();
    assert!(unreachable > 30, "{unreachable}");
    assert_eq!(
        (i64::from(everyone.unreachable), i64::from(everyone.clean)),
        (unreachable, clean)
    );
    let mut whos: Vec<Who> = actors.iter().map(Who::Actor).collect();
    whos.extend([Who::Everyone, Who::InUse, Who::Billing]);
    for who in whos {
        let kept = overall(pool, who, &bounds).await.unwrap();
        assert_eq!(
            kept,
            overall(pool, who, &over_contacts).await.unwrap(),
            "{who:?}"
        );
        assert!(kept.contacts > 0 && kept.unreachable > 0, "{who:?}");
        for grouping in [Grouping::Territory, Grouping::Region] {
            let kept = grouped(pool, who, &bounds, grouping).await.unwrap();
            let counted = grouped(pool, who, &over_contacts, grouping).await.unwrap();
            assert!(!kept.is_empty(), "{who:?} {grouping:?}");
            // A manager's report shows their own territories; everyone else's shows them all.
            let manager = matches!(who, Who::Actor(a) if matches!(
                a.role(),
                Role::TerritoryManager | Role::RegionalManager
            ));
            if !manager {
                assert_eq!(kept, counted, "{who:?} {grouping:?}");
            }
            for (group, facts) in &kept {
                assert_eq!(
                    Some(facts),
                    counted.get(group),
                    "{who:?} {grouping:?} {group}"
                );
            }
        }
    }
}
