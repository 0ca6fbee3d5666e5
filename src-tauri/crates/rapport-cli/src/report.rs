//! `rapport report`: a report as the Reports screen makes it, printed or written to a file.

use std::io::Write;
use std::path::Path;

use rapport_core::access::Actor;
use rapport_core::model::{ReportFormat, ReportKind, ReportRequest};
use rapport_core::report;
use rapport_core::Database;

use crate::emit;

/// The kind as the command line names it (`monthly`, `quarterly-review`, ...).
pub fn parse_kind(text: &str) -> Result<ReportKind, String> {
    ReportKind::parse(text).ok_or_else(|| {
        let kinds: Vec<String> = ReportKind::ALL
            .iter()
            .map(|k| k.as_str().replace('_', "-"))
            .collect();
        format!("no report \"{text}\"; the reports are {}", kinds.join(", "))
    })
}

pub fn parse_format(text: &str) -> Result<ReportFormat, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "json" => Ok(ReportFormat::Json),
        "csv" => Ok(ReportFormat::Csv),
        "pdf" => Ok(ReportFormat::Pdf),
        other => Err(format!("no format \"{other}\"; use json, csv or pdf")),
    }
}

pub async fn run(
    db: &Database,
    actor: &Actor,
    kind: ReportKind,
    period: Option<String>,
    format: ReportFormat,
    output: Option<&Path>,
) -> anyhow::Result<()> {
    let request = ReportRequest { kind, period };
    let report = report::build(db, actor, &request, chrono::Utc::now()).await?;
    match output {
        Some(path) => {
            report::write(&report, format, path)?;
            let written = serde_json::json!({
                "report": kind.as_str(),
                "period": report.period.key,
                "format": format.extension(),
                "file": path.display().to_string(),
            });
            emit(&written.to_string())?;
        }
        None if format == ReportFormat::Pdf => {
            anyhow::bail!(
                "a PDF report needs --output FILE.pdf (it is not printed to the terminal)"
            )
        }
        None if format == ReportFormat::Json => emit(&serde_json::to_string(&report)?)?,
        None => {
            let bytes = report::render(&report, format)?;
            let mut out = std::io::stdout().lock();
            match out.write_all(&bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(())
}
