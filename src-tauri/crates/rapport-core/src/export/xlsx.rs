//! XLSX through rust_xlsxwriter in its constant-memory mode: each row goes to a temporary file
//! (beside the export, never the system's temporary folder) as soon as the next one starts, so
//! a million contacts take the memory of one row.
//!
//! Every value is a string cell (`write_string` stores text and never reads it as a formula),
//! so no guard is needed: `=HYPERLINK(…)` is text and `+44 20 7946 0958` stays as written.
//! Phone columns are also formatted as text (`@`), so a number edited in Excel stays text. A
//! birthday with a year from 1900 on is a date cell shown `yyyy-mm-dd`; one without a year
//! (`--MM-DD`) or before 1900 (Excel has no dates before) is text. The header row is bold and
//! frozen.

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::columns::{row, Column, Kind, Layout, Value};
use crate::error::{CoreError, CoreResult};
use crate::model::NO_YEAR;
use crate::store::export::ExportContact;

/// Excel's last row (1,048,576) less the header row.
pub(crate) const MAX_ROWS: u32 = 1_048_575;

pub(crate) struct XlsxWriter {
    workbook: Workbook,
    columns: Vec<Column>,
    date: Format,
    row: u32,
}

fn failed(err: XlsxError) -> CoreError {
    CoreError::invalid("file", format!("the workbook cannot be written: {err}"))
}

impl XlsxWriter {
    /// A workbook with its header row; temporary row files go into `temp_dir`.
    pub(crate) fn new(columns: Vec<Column>, temp_dir: &Path) -> CoreResult<Self> {
        let mut workbook = Workbook::new();
        workbook.set_tempdir(temp_dir).map_err(failed)?;
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(failed)?;
        sheet.set_name("Contacts").map_err(failed)?;
        let bold = Format::new().set_bold();
        let text = Format::new().set_num_format("@");
        for (i, column) in columns.iter().enumerate() {
            let col =
                u16::try_from(i).map_err(|_| CoreError::invalid("format", "too many columns"))?;
            sheet
                .set_column_width(col, column.kind.width())
                .map_err(failed)?;
            if column.kind == Kind::Tel {
                sheet.set_column_format(col, &text).map_err(failed)?;
            }
            sheet
                .write_string_with_format(0, col, column.header.as_str(), &bold)
                .map_err(failed)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        Ok(Self {
            workbook,
            columns,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            row: 0,
        })
    }

    pub(crate) fn record(&mut self, contact: &ExportContact) -> CoreResult<()> {
        let cells = row(Layout::Rapport, &self.columns, contact);
        self.row += 1;
        let row = self.row;
        let sheet = self.workbook.worksheet_from_index(0).map_err(failed)?;
        for (i, (column, cell)) in self.columns.iter().zip(&cells).enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            if column.value == Value::Birthday {
                if let Some(day) = contact
                    .birthday
                    .filter(|d| d.year() >= 1900 && d.year() != NO_YEAR)
                {
                    let date = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        u8::try_from(day.month()).unwrap_or(1),
                        u8::try_from(day.day()).unwrap_or(1),
                    )
                    .map_err(failed)?;
                    sheet
                        .write_datetime_with_format(row, col, date, &self.date)
                        .map_err(failed)?;
                    continue;
                }
            }
            sheet
                .write_string(row, col, cell.as_str())
                .map_err(|err| match err {
                    XlsxError::MaxStringLengthExceeded => CoreError::invalid(
                        "format",
                        format!(
                            "contact {} has a {} longer than an Excel cell holds (32,767 \
                         characters): export it as CSV",
                            crate::model::contact_reference(contact.id),
                            column.header
                        ),
                    ),
                    other => failed(other),
                })?;
        }
        Ok(())
    }

    /// Writes the workbook to `out`.
    pub(crate) fn finish(mut self, out: &std::fs::File) -> CoreResult<()> {
        self.workbook.save_to_writer(out).map_err(failed)
    }
}
