//! Reports in `rapport bench`: the day's data-quality snapshot, each report for a site
//! administrator and a territory manager (one run each: a report is made when asked, not
//! polled), the PDF of the largest, and raw SQLite counting the per-territory figures every
//! report starts from, on the same file.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rapport_core::access::Actor;
use rapport_core::model::{ReportFormat, ReportKind, ReportRequest};
use rapport_core::report;
use rapport_core::{Database, DatabaseKey};
use serde::Serialize;

#[derive(Serialize)]
pub struct ReportsBench {
    /// Today's snapshot: everyone, billing, every territory and region.
    pub snapshot_ms: f64,
    /// Per report (`monthly`, ...): a site administrator's, then a territory manager's.
    pub admin_ms: BTreeMap<&'static str, f64>,
    pub scoped_ms: BTreeMap<&'static str, f64>,
    /// Rendering the administrator's verification report (500 listed contacts) as PDF.
    pub pdf_ms: f64,
    pub pdf_bytes: usize,
    /// Raw SQLite (rusqlite, same file and key): contacts, active and unverified per territory,
    /// each contact once per territory.
    pub raw_territory_facts_ms: f64,
}

fn ms(started: Instant) -> f64 {
    (started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1_000.0
}

async fn time_each(db: &Database, actor: &Actor) -> anyhow::Result<BTreeMap<&'static str, f64>> {
    let mut out = BTreeMap::new();
    for kind in ReportKind::ALL {
        let started = Instant::now();
        let request = ReportRequest {
            kind: *kind,
            period: None,
        };
        report::build(db, actor, &request, chrono::Utc::now()).await?;
        out.insert(kind.as_str(), ms(started));
    }
    Ok(out)
}

pub async fn run(
    db: &Database,
    path: &Path,
    key: &DatabaseKey,
    admin: &Actor,
    scoped: &Actor,
) -> anyhow::Result<ReportsBench> {
    let started = Instant::now();
    report::snapshot::take_daily(db, chrono::Utc::now()).await?;
    let snapshot_ms = ms(started);
    let admin_ms = time_each(db, admin).await?;
    let scoped_ms = time_each(db, scoped).await?;
    let request = ReportRequest {
        kind: ReportKind::Verification,
        period: None,
    };
    let verification = report::build(db, admin, &request, chrono::Utc::now()).await?;
    let started = Instant::now();
    let pdf = report::render(&verification, ReportFormat::Pdf)?;
    let pdf_ms = ms(started);

    let conn = crate::bench::raw_connection(path, key)?;
    let started = Instant::now();
    let mut statement = conn.prepare(
        "SELECT d.g, count(*), sum(c.status = 'active'),
                sum(c.status = 'active' AND (c.verified_at IS NULL
                    OR c.verified_at < '2026-01-01T00:00:00.000Z'))
         FROM (SELECT DISTINCT s.territory_id AS g, cs.contact_id AS id
               FROM contact_sites cs JOIN sites s ON s.id = cs.site_id) d
         JOIN contacts c ON c.id = d.id WHERE c.erased_at IS NULL GROUP BY d.g",
    )?;
    let mut rows = statement.query([])?;
    while rows.next()?.is_some() {}
    let raw_territory_facts_ms = ms(started);
    Ok(ReportsBench {
        snapshot_ms,
        admin_ms,
        scoped_ms,
        pdf_ms,
        pdf_bytes: pdf.len(),
        raw_territory_facts_ms,
    })
}
