//! The home dashboard's figures in `rapport bench`: each part of a site administrator's
//! dashboard and its total, a territory manager's total and parts, the demo regional manager's
//! and billing administrator's totals, and raw SQLite computing the biggest
//! figures from the contact rows themselves on the same file (what the tallies the triggers
//! keep replace).

use std::path::Path;
use std::time::Instant;

use rapport_core::access::Actor;
use rapport_core::model::DashboardTimings;
use rapport_core::{Database, DatabaseKey};
use serde::Serialize;

const RUNS: usize = 5;

#[derive(Serialize)]
pub struct DashboardReport {
    /// The median run of a site administrator's whole dashboard, and its parts in that run.
    pub total_ms: f64,
    /// Type, stage and status of every contact with the data-quality findings.
    pub breakdown_ms: f64,
    pub territories_ms: f64,
    /// New, changed and deactivated this month.
    pub month_ms: f64,
    /// Follow-ups due and overdue, non-responsive contacts.
    pub work_ms: f64,
    pub imports_ms: f64,
    /// The median run of a territory manager's dashboard, and its slowest parts in that run.
    pub scoped_total_ms: f64,
    pub scoped_breakdown_ms: f64,
    pub scoped_territories_ms: f64,
    pub scoped_month_ms: f64,
    pub scoped_work_ms: f64,
    /// The median run of the demo regional manager's and billing administrator's dashboards.
    pub regional_total_ms: f64,
    pub billing_total_ms: f64,
    /// Raw SQLite (rusqlite, same file and key): contacts by type, stage and status, and
    /// distinct contacts per territory, counted from the rows; median of the same number of runs.
    pub raw_breakdown_ms: f64,
    pub raw_territories_ms: f64,
}

fn round(ms: f64) -> f64 {
    (ms * 1_000.0).round() / 1_000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

async fn runs(db: &Database, actor: &Actor) -> anyhow::Result<Vec<DashboardTimings>> {
    let mut out = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let d = rapport_core::dashboard::dashboard(db, actor, chrono::Utc::now()).await?;
        out.push(d.timings);
    }
    out.sort_by(|a, b| a.total_ms.total_cmp(&b.total_ms));
    Ok(out)
}

fn raw(path: &Path, key: &DatabaseKey, sql: &str) -> anyhow::Result<f64> {
    let conn = crate::bench::raw_connection(path, key)?;
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut statement = conn.prepare_cached(sql)?;
        let mut rows = statement.query([])?;
        while rows.next()?.is_some() {}
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    Ok(median(times))
}

pub async fn run(
    db: &Database,
    path: &Path,
    key: &DatabaseKey,
    admin: &Actor,
    scoped: &Actor,
) -> anyhow::Result<DashboardReport> {
    let admin_runs = runs(db, admin).await?;
    let mid = &admin_runs[admin_runs.len() / 2];
    let scoped_runs = runs(db, scoped).await?;
    let scoped = &scoped_runs[scoped_runs.len() / 2];
    let mut others = Vec::new();
    for who in ["regional", "billing"] {
        let actor = crate::bench::sign_in(db, who).await?;
        let runs = runs(db, &actor).await?;
        others.push(runs[runs.len() / 2].total_ms);
    }
    let raw_breakdown = raw(
        path,
        key,
        "SELECT c.contact_type, c.lifecycle_stage, c.status, count(*),
                ifnull(sum(c.erased_at IS NULL AND c.status = 'active'
                    AND (c.verified_at IS NULL OR c.verified_at < '2000-01-01T00:00:00.000Z')), 0)
         FROM contacts c GROUP BY c.contact_type, c.lifecycle_stage, c.status",
    )?;
    let raw_territories = raw(
        path,
        key,
        "SELECT s.territory_id, count(DISTINCT cs.contact_id)
         FROM sites s JOIN contact_sites cs ON cs.site_id = s.id GROUP BY s.territory_id",
    )?;
    Ok(DashboardReport {
        total_ms: round(mid.total_ms),
        breakdown_ms: round(mid.breakdown_ms),
        territories_ms: round(mid.territories_ms),
        month_ms: round(mid.month_ms),
        work_ms: round(mid.work_ms),
        imports_ms: round(mid.imports_ms),
        scoped_total_ms: round(scoped.total_ms),
        scoped_breakdown_ms: round(scoped.breakdown_ms),
        scoped_territories_ms: round(scoped.territories_ms),
        scoped_month_ms: round(scoped.month_ms),
        scoped_work_ms: round(scoped.work_ms),
        regional_total_ms: round(others[0]),
        billing_total_ms: round(others[1]),
        raw_breakdown_ms: round(raw_breakdown),
        raw_territories_ms: round(raw_territories),
    })
}
