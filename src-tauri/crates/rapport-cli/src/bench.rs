//! `rapport bench`: creation, search and paging speed of the core on a fresh database, next to
//! raw SQLite doing the same inserts in the same run (the physical reference).
//!
//! The raw comparisons use rusqlite on the same SQLite library (SQLCipher) with the same key,
//! the core's own table layouts and index statements, so they measure what SQLite itself costs
//! for these rows, encryption included.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rapport_core::access::signin::{self, Credentials};
use rapport_core::access::users::{self, UserInput};
use rapport_core::access::Actor;
use rapport_core::demo::{self, ContactGenerator, DemoOptions};
use rapport_core::model::{
    ContactFilter, ContactListQuery, ContactSort, ContactType, Role, SortColumn, SortDirection,
};
use rapport_core::store::bulk::{self, ContactRecord, SqlValue, TableSpec, CONTACTS};
use rapport_core::store::{contacts, search_index};
use rapport_core::{Database, DatabaseKey};
use serde::Serialize;

const PAGE: u32 = 100;
const PREFIX_QUERIES: usize = 1_000;
const SUBSTRING_QUERIES: usize = 200;
const PAGE_FETCHES: usize = 300;

#[derive(Serialize)]
struct Report {
    contacts: u64,
    create_rows_per_s: f64,
    baseline_rows_per_s: f64,
    same_schema_rows_per_s: f64,
    search_prefix_p50_ms: f64,
    search_prefix_p99_ms: f64,
    /// A territory manager whose territory holds `scoped_share_pct` of the contacts.
    search_prefix_p99_ms_scoped: f64,
    scoped_share_pct: f64,
    search_substring_p99_ms: f64,
    page_p99_ms: f64,
    open_ms: f64,
    count_ms: f64,
    count_scoped_ms: f64,
    /// The home dashboard (see `bench_dashboard`), after the import below.
    dashboard: crate::bench_dashboard::DashboardReport,
    /// Reports and the daily snapshot (see `bench_reports`).
    reports: crate::bench_reports::ReportsBench,
    database_mb: f64,
    /// Rows of the CSV imported at the end.
    import_rows: u64,
    /// A CSV of `import_rows` people imported into the database above (validated, checked for
    /// duplicates against the stored contacts, indexed for search), with `rapport import`'s code.
    import_rows_per_s: f64,
    import_seconds: f64,
    /// Of `import_seconds`, the part after the last batch was stored: building the list indexes
    /// again when the import dropped them, indexing the new contacts for search, committing.
    import_index_seconds: f64,
    /// Import rate as a share of `same_schema_rows_per_s`.
    import_pct_of_same_schema: f64,
    import_skipped_as_duplicates: u64,
    /// `--interactions N`: the engagement figures (see `bench_engagement`).
    #[serde(skip_serializing_if = "Option::is_none")]
    engagement: Option<crate::bench_engagement::EngagementReport>,
}

/// `--engagement-only`: the contacts through the core's bulk path, then the engagement figures.
#[derive(Serialize)]
struct EngagementOnlyReport {
    contacts: u64,
    create_rows_per_s: f64,
    database_mb: f64,
    engagement: crate::bench_engagement::EngagementReport,
    dashboard: crate::bench_dashboard::DashboardReport,
}

#[allow(clippy::too_many_arguments)]
pub async fn run(
    n: u64,
    import_rows: u64,
    seed: u64,
    dir: Option<PathBuf>,
    json: bool,
    interactions: u64,
    engagement_only: bool,
    duplicates: u64,
) -> anyhow::Result<()> {
    let temp;
    let dir = match dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir)?;
            dir
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let say = |text: &str| {
        if !json {
            eprintln!("{text}");
        }
    };
    let options = DemoOptions {
        contacts: n,
        seed,
        now: chrono::Utc::now(),
    };
    if duplicates > 0 {
        return crate::bench_duplicates::run(&dir, duplicates, seed, json, &say).await;
    }
    if engagement_only {
        return engagement_only_run(&dir, options, interactions, &say).await;
    }
    say(&format!("generating {n} contacts in memory…"));
    let org = demo::organisation(options);
    let records: Vec<ContactRecord> = ContactGenerator::new(&org, options)
        .batches(10_000)
        .flatten()
        .collect();

    // The raw comparisons time SQLite only: their rows are laid out before the clock starts.
    let rows: Vec<RawRows> = records
        .iter()
        .map(|r| {
            r.rows(demo::HOME_COUNTRY)
                .into_iter()
                .map(|(table, row)| (table, row.iter().map(to_sql).collect()))
                .collect()
        })
        .collect();

    // One key for every database of the run: the raw connections pay the same encryption.
    let key = DatabaseKey::generate();
    say("baseline: prepared inserts into a bare table…");
    let baseline = rate(n, || {
        baseline_insert(&fresh(&dir.join("baseline.sqlite3"))?, &key, &rows)
    })?;

    say("same schema: prepared inserts into Rapport's tables, then the search index…");
    let same_path = fresh(&dir.join("same-schema.sqlite3"))?;
    let db = Database::create(&same_path, &key).await?;
    bulk::insert_organisation(&db, &org).await?;
    db.close().await;
    let same_schema = rate(n, || same_schema_insert(&same_path, &key, &records, &rows))?;
    drop(rows);

    say("create: the core's bulk path…");
    let path = fresh(&dir.join("rapport.sqlite3"))?;
    let started = Instant::now();
    let db = Database::create(&path, &key).await?;
    bulk::insert_organisation(&db, &org).await?;
    bulk::insert_contacts(&db, demo::HOME_COUNTRY, n, records.chunks(5_000), |_| {}).await?;
    let create = n as f64 / started.elapsed().as_secs_f64();
    db.close().await;
    drop(records);

    let mut opens = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let db = Database::open(&path, &key).await?;
        opens.push(ms(started));
        db.close().await;
    }
    let db = Database::open(&path, &key).await?;
    demo::users::create(&db, options.now).await?;
    let admin = sign_in(&db, "admin").await?;
    let (scoped, scoped_share_pct) = smallest_territory_manager(&db, &admin, n).await?;

    say("search: typed prefixes…");
    let names: Vec<String> = sqlx_names(&db, &admin)
        .await
        .context("reading names for the search queries")?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut prefix_times = typed_prefixes(&db, &admin, &names, &mut rng).await?;

    say(&format!(
        "search: typed prefixes as a territory manager who sees {scoped_share_pct}% of contacts…"
    ));
    let scoped_names = sqlx_names(&db, &scoped).await?;
    let mut scoped_times = typed_prefixes(&db, &scoped, &scoped_names, &mut rng).await?;

    say("search: text inside words…");
    let mut substring_times = Vec::with_capacity(SUBSTRING_QUERIES);
    while substring_times.len() < SUBSTRING_QUERIES {
        let name: Vec<char> = names[rng.gen_range(0..names.len())].chars().collect();
        if name.len() < 5 {
            continue;
        }
        let start = rng.gen_range(1..name.len() - 3);
        let piece: String = name
            [start..start + 3 + rng.gen_range(0..=(name.len() - start - 3).min(2))]
            .iter()
            .collect();
        let started = Instant::now();
        contacts::list(&db, &admin, &search_query(&piece)).await?;
        substring_times.push(ms(started));
    }

    say("paging: keyset pages in several sort orders…");
    let mut page_times = Vec::with_capacity(PAGE_FETCHES);
    let orders = [
        (SortColumn::Name, SortDirection::Asc, None),
        (SortColumn::Company, SortDirection::Desc, None),
        (
            SortColumn::Name,
            SortDirection::Asc,
            Some(ContactType::Billing),
        ),
    ];
    for (column, direction, contact_type) in orders {
        let mut cursor = None;
        for _ in 0..PAGE_FETCHES / orders.len() {
            let query = ContactListQuery {
                search: None,
                filter: ContactFilter {
                    contact_type,
                    ..Default::default()
                },
                sort: ContactSort { column, direction },
                cursor: cursor.clone(),
                limit: PAGE,
            };
            let started = Instant::now();
            let page = contacts::list(&db, &admin, &query).await?;
            page_times.push(ms(started));
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
    }
    let started = Instant::now();
    contacts::count(&db, &admin, &Default::default()).await?;
    let count_ms = ms(started);
    let started = Instant::now();
    contacts::count(&db, &scoped, &Default::default()).await?;
    let count_scoped_ms = ms(started);

    say("import: a CSV of new people into the same database…");
    let csv = dir.join("import.csv");
    write_import_csv(&csv, &org, import_rows, seed.wrapping_add(1))?;
    let started = Instant::now();
    let mut rows_stored = started;
    let imported = rapport_core::import::import_file(
        &db,
        &admin,
        &csv,
        &rapport_core::import::ImportOptions::default(),
        demo::HOME_COUNTRY,
        &mut |progress| {
            if !progress.done {
                rows_stored = Instant::now();
            }
        },
        &std::sync::atomic::AtomicBool::new(false),
    )
    .await?;
    let import_seconds = started.elapsed().as_secs_f64();
    let import_index_seconds = rows_stored.elapsed().as_secs_f64();
    let import_rate = imported.records as f64 / import_seconds;
    say("dashboard: a site administrator's and a territory manager's…");
    let dashboard = crate::bench_dashboard::run(&db, &path, &key, &admin, &scoped).await?;
    say("reports: the daily snapshot and each report…");
    let reports = crate::bench_reports::run(&db, &path, &key, &admin, &scoped).await?;
    db.close().await;
    let engagement = if interactions > 0 {
        Some(
            crate::bench_engagement::run(&path, &key, interactions, seed, options.now, n, &say)
                .await?,
        )
    } else {
        None
    };

    let report = Report {
        contacts: n,
        create_rows_per_s: create.round(),
        baseline_rows_per_s: baseline.round(),
        same_schema_rows_per_s: same_schema.round(),
        search_prefix_p50_ms: percentile(&mut prefix_times, 50.0),
        search_prefix_p99_ms: percentile(&mut prefix_times, 99.0),
        search_prefix_p99_ms_scoped: percentile(&mut scoped_times, 99.0),
        scoped_share_pct,
        search_substring_p99_ms: percentile(&mut substring_times, 99.0),
        page_p99_ms: percentile(&mut page_times, 99.0),
        open_ms: percentile(&mut opens, 50.0),
        count_ms,
        count_scoped_ms,
        dashboard,
        reports,
        database_mb: (file_size(&path) as f64 / 1_048_576.0 * 10.0).round() / 10.0,
        import_rows,
        import_rows_per_s: import_rate.round(),
        import_seconds: (import_seconds * 10.0).round() / 10.0,
        import_index_seconds: (import_index_seconds * 10.0).round() / 10.0,
        import_pct_of_same_schema: (100.0 * import_rate / same_schema).round(),
        import_skipped_as_duplicates: imported.skipped,
        engagement,
    };
    crate::emit(&serde_json::to_string(&report)?)?;
    if !json {
        eprintln!(
            "create is {:.0}% of the same-schema rate and {:.0}% of the bare-table rate",
            100.0 * report.create_rows_per_s / report.same_schema_rows_per_s,
            100.0 * report.create_rows_per_s / report.baseline_rows_per_s
        );
        eprintln!(
            "import is {:.0}% of the same-schema rate ({} rows/s)",
            report.import_pct_of_same_schema, report.import_rows_per_s
        );
    }
    Ok(())
}

/// Contacts through the core's bulk path only (no references, searches or import), then the
/// engagement history and its figures.
async fn engagement_only_run(
    dir: &Path,
    options: DemoOptions,
    interactions: u64,
    say: &dyn Fn(&str),
) -> anyhow::Result<()> {
    let n = options.contacts;
    say(&format!("generating {n} contacts in memory…"));
    let org = demo::organisation(options);
    let records: Vec<ContactRecord> = ContactGenerator::new(&org, options)
        .batches(10_000)
        .flatten()
        .collect();
    let key = DatabaseKey::generate();
    say("create: the core's bulk path…");
    let path = fresh(&dir.join("rapport.sqlite3"))?;
    let started = Instant::now();
    let db = Database::create(&path, &key).await?;
    bulk::insert_organisation(&db, &org).await?;
    bulk::insert_contacts(&db, demo::HOME_COUNTRY, n, records.chunks(5_000), |_| {}).await?;
    let create = n as f64 / started.elapsed().as_secs_f64();
    drop(records);
    demo::users::create(&db, options.now).await?;
    db.close().await;
    let engagement =
        crate::bench_engagement::run(&path, &key, interactions, options.seed, options.now, n, say)
            .await?;
    say("dashboard: every role's, over the history…");
    let db = Database::open(&path, &key).await?;
    let admin = sign_in(&db, "admin").await?;
    let scoped = sign_in(&db, crate::bench_engagement::TERRITORY_MANAGER).await?;
    let dashboard = crate::bench_dashboard::run(&db, &path, &key, &admin, &scoped).await?;
    db.close().await;
    let report = EngagementOnlyReport {
        contacts: n,
        create_rows_per_s: create.round(),
        database_mb: (file_size(&path) as f64 / 1_048_576.0 * 10.0).round() / 10.0,
        engagement,
        dashboard,
    };
    crate::emit(&serde_json::to_string(&report)?)?;
    Ok(())
}

/// A CSV as an address book would export it: Outlook's headers, one person per row.
fn write_import_csv(
    path: &Path,
    org: &bulk::OrganisationRecords,
    n: u64,
    seed: u64,
) -> anyhow::Result<()> {
    use std::io::Write;
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let options = DemoOptions {
        contacts: n,
        seed,
        now: chrono::Utc::now(),
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Mobile Phone,Business City"
    )?;
    for record in ContactGenerator::new(org, options)
        .batches(10_000)
        .flatten()
    {
        let phone = |kind: rapport_core::model::PhoneKind| {
            record
                .phones
                .iter()
                .find(|p| p.kind == kind)
                .map(|p| p.e164.clone())
                .unwrap_or_default()
        };
        let fields = [
            record.first_name.clone(),
            record.last_name.clone(),
            record.company.clone().unwrap_or_default(),
            record.job_title.clone().unwrap_or_default(),
            record
                .emails
                .first()
                .map(|e| e.address.clone())
                .unwrap_or_default(),
            phone(rapport_core::model::PhoneKind::Office),
            phone(rapport_core::model::PhoneKind::Mobile),
            record
                .addresses
                .first()
                .map(|a| a.city.clone())
                .unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    out.flush()?;
    Ok(())
}

fn search_query(text: &str) -> ContactListQuery {
    ContactListQuery {
        search: Some(text.into()),
        limit: PAGE,
        ..Default::default()
    }
}

pub(crate) async fn sign_in(db: &Database, username: &str) -> anyhow::Result<Actor> {
    let credentials = Credentials {
        username,
        password: demo::users::PASSWORD,
        code: None,
    };
    Ok(signin::sign_in(db, credentials, chrono::Utc::now()).await?)
}

/// A territory manager for the territory with the fewest contacts, and that territory's share.
async fn smallest_territory_manager(
    db: &Database,
    admin: &Actor,
    n: u64,
) -> anyhow::Result<(Actor, f64)> {
    let (territory, people): (i64, i64) = sqlx::query_as(
        "SELECT s.territory_id, count(DISTINCT cs.contact_id) AS people
         FROM contact_sites cs JOIN sites s ON s.id = cs.site_id
         GROUP BY s.territory_id ORDER BY people LIMIT 1",
    )
    .fetch_one(db.reader())
    .await?;
    let input = UserInput {
        username: "bench-territory".into(),
        display_name: "Bench Territory Manager".into(),
        role: Role::TerritoryManager,
        region_ids: Vec::new(),
        territory_ids: vec![territory.to_string()],
        disabled: false,
        password: Some(demo::users::PASSWORD.into()),
    };
    users::create_user(db, admin, input).await?;
    let share = (people as f64 * 1_000.0 / n.max(1) as f64).round() / 10.0;
    Ok((sign_in(db, "bench-territory").await?, share))
}

/// Family names typed letter by letter, as a person would, timing each keystroke's search.
async fn typed_prefixes(
    db: &Database,
    actor: &Actor,
    names: &[String],
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<Vec<f64>> {
    let mut times = Vec::with_capacity(PREFIX_QUERIES);
    while times.len() < PREFIX_QUERIES && !names.is_empty() {
        let chars: Vec<char> = names[rng.gen_range(0..names.len())].chars().collect();
        for end in 1..=chars.len().min(8) {
            let typed: String = chars[..end].iter().collect();
            let started = Instant::now();
            contacts::list(db, actor, &search_query(&typed)).await?;
            times.push(ms(started));
        }
    }
    times.truncate(PREFIX_QUERIES);
    Ok(times)
}

async fn sqlx_names(db: &Database, actor: &Actor) -> anyhow::Result<Vec<String>> {
    let page = contacts::list(
        db,
        actor,
        &ContactListQuery {
            limit: contacts::MAX_PAGE,
            ..Default::default()
        },
    )
    .await?;
    Ok(page
        .rows
        .into_iter()
        .filter_map(|r| r.display_name.split_whitespace().last().map(str::to_string))
        .collect())
}

fn rate(n: u64, work: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<f64> {
    let started = Instant::now();
    work()?;
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1_000.0
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (values.len() - 1) as f64).round() as usize;
    (values[rank.min(values.len() - 1)] * 1_000.0).round() / 1_000.0
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// The benchmark writes new files only: `--dir` could point at a folder with real data.
fn fresh(path: &Path) -> anyhow::Result<PathBuf> {
    if path.exists() {
        anyhow::bail!(
            "{} already exists; bench writes only new files (use an empty --dir)",
            path.display()
        );
    }
    Ok(path.to_path_buf())
}

pub(crate) fn raw_connection(
    path: &Path,
    key: &DatabaseKey,
) -> anyhow::Result<rusqlite::Connection> {
    let conn = rusqlite::Connection::open(path)?;
    // The same raw key as the core's connections; it must come before anything reads the file.
    conn.execute_batch(&format!(
        "PRAGMA key = {};",
        key.sqlcipher_pragma().as_str()
    ))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// One contact's rows, table by table, as rusqlite binds them.
type RawRows = Vec<(&'static TableSpec, Vec<rusqlite::types::Value>)>;

fn to_sql(value: &SqlValue) -> rusqlite::types::Value {
    match value {
        SqlValue::Null => rusqlite::types::Value::Null,
        SqlValue::Int(v) => rusqlite::types::Value::Integer(*v),
        SqlValue::Text(v) => rusqlite::types::Value::Text(v.clone()),
    }
}

/// The physical reference: each contact's own row into a table without constraints or indexes.
fn baseline_insert(path: &Path, key: &DatabaseKey, rows: &[RawRows]) -> anyhow::Result<()> {
    let mut conn = raw_connection(path, key)?;
    conn.execute(
        &format!("CREATE TABLE bare ({})", CONTACTS.columns.join(", ")),
        [],
    )?;
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare(&bulk::insert_sql(&CONTACTS, 1).replace("contacts", "bare"))?;
        for contact in rows {
            let (_, row) = &contact[0];
            insert.execute(rusqlite::params_from_iter(row.iter()))?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Every row of every contact into Rapport's schema with prepared statements, then both search
/// indexes built once over them: raw SQLite doing what the app does, without the app.
fn same_schema_insert(
    path: &Path,
    key: &DatabaseKey,
    records: &[ContactRecord],
    rows: &[RawRows],
) -> anyhow::Result<()> {
    let mut conn = raw_connection(path, key)?;
    // The page cache an import's writer has: with SQLite's default the indexes would not fit.
    conn.pragma_update(
        None,
        "cache_size",
        -i64::from(rapport_core::import::BULK_CACHE_KIB),
    )?;
    let tx = conn.transaction()?;
    for contact in rows {
        for (table, row) in contact {
            let mut insert = tx.prepare_cached(&bulk::insert_sql(table, 1))?;
            insert.execute(rusqlite::params_from_iter(row.iter()))?;
        }
    }
    let first = records.iter().map(|r| r.id).min().unwrap_or(0);
    let last = records.iter().map(|r| r.id).max().unwrap_or(0);
    for statement in search_index::index_buffer_statements(search_index::BULK_INDEX_BUFFER) {
        tx.execute(&statement, [])?;
    }
    for statement in search_index::index_span_statements() {
        tx.execute(&statement, [first, last])?;
    }
    for statement in search_index::index_buffer_statements(search_index::INDEX_BUFFER) {
        tx.execute(&statement, [])?;
    }
    tx.commit()?;
    Ok(())
}
