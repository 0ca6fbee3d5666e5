//! Reports: the monthly contact management report, the quarterly review, data quality,
//! verification status and response rates, as the seed's "Reporting and Analysis" lists them.
//! Each is built in the user's scope, shown on screen, and exported as CSV or a printable PDF.

mod contents;
pub mod csv;
pub mod pdf;
mod period;
pub mod queue;
pub mod snapshot;
mod table;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::access::{authorize, Action, Actor};
use crate::error::{CoreError, CoreResult};
use crate::model::{Report, ReportFormat, ReportKind, ReportRequest};
use crate::Database;

/// Builds the report the request asks for, within the actor's scope. Taking the day's
/// data-quality snapshot first, if none exists yet, keeps the trends continuous on days the
/// app was not opened but a report was made (e.g. from the CLI).
pub async fn build(
    db: &Database,
    actor: &Actor,
    request: &ReportRequest,
    now: DateTime<Utc>,
) -> CoreResult<Report> {
    authorize(db, actor, Action::ViewContacts).await?;
    snapshot::take_daily(db, now).await?;
    let period = request.period.as_deref();
    let period = match request.kind {
        ReportKind::Monthly => period::month(period, now)?,
        ReportKind::QuarterlyReview => period::quarter(period, now)?,
        ReportKind::DataQuality | ReportKind::Verification | ReportKind::ResponseRates => {
            period::today(period, now)?
        }
    };
    contents::build(db, actor, request.kind, period, now).await
}

/// The report as the bytes of a file in `format`.
pub fn render(report: &Report, format: ReportFormat) -> CoreResult<Vec<u8>> {
    match format {
        ReportFormat::Csv => csv::render(report).map_err(|e| CoreError::Unavailable {
            path: String::new(),
            reason: e.to_string(),
        }),
        ReportFormat::Pdf => Ok(pdf::render(report)?),
        ReportFormat::Json => Ok(serde_json::to_vec_pretty(report).map_err(|e| {
            CoreError::invalid("format", format!("The report could not be written: {e}"))
        })?),
    }
}

/// A file name for the report: `monthly-2026-11.pdf`.
pub fn file_name(report: &Report, format: ReportFormat) -> String {
    format!(
        "{}-{}.{}",
        report.kind.as_str().replace('_', "-"),
        report.period.key,
        format.extension()
    )
}

/// Writes the rendered report to `path`, through a temporary file beside it renamed when
/// complete, so a failed write never leaves half a report under the chosen name.
pub fn write(report: &Report, format: ReportFormat, path: &Path) -> CoreResult<PathBuf> {
    let bytes = render(report, format)?;
    let unavailable = |e: std::io::Error| CoreError::Unavailable {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(unavailable)?;
    std::io::Write::write_all(&mut file, &bytes).map_err(unavailable)?;
    file.persist(path).map_err(|e| unavailable(e.error))?;
    Ok(path.to_path_buf())
}
