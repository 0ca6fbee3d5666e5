//! Checks an Excel 97–2003 workbook (BIFF in an OLE compound file) before calamine reads it.
//!
//! calamine builds each XLS sheet as a dense grid spanning its extreme cells, and reserves
//! rows × columns cells from the sheet's DIMENSIONS record: a cell at column 65,535 or a
//! forged dimension makes it allocate gigabytes and abort the process. This module walks the
//! same records calamine will (the workbook globals, then each sheet from the offset its
//! BOUNDSHEET record gives) and refuses the file before any of that happens.

use std::io::{Read, Seek};

use super::guard::{unsafe_file, unsupported, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_XLS_BYTES};
use crate::fields::FileError;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUNDSHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MULRK: u16 = 0x00BD;
/// Records whose first four bytes are the row and column of one cell (Number, Label, RString,
/// BoolErr, Rk, LabelSst, Formula).
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

/// One sheet's extent as calamine will see it.
#[derive(Default)]
struct Extent {
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Extent {
    fn put(&mut self, row: u64, col: u64) {
        let widen = |span: &mut Option<(u64, u64)>, at: u64| {
            *span = Some(match *span {
                Some((lo, hi)) => (lo.min(at), hi.max(at)),
                None => (at, at),
            });
        };
        widen(&mut self.rows, row);
        widen(&mut self.cols, col);
    }

    fn check(&self, sheet: usize) -> Result<(), FileError> {
        let (Some((top, bottom)), Some((left, right))) = (self.rows, self.cols) else {
            return Ok(());
        };
        let cells = (bottom - top + 1).saturating_mul(right - left + 1);
        if bottom >= MAX_ROWS || right >= MAX_COLUMNS || cells > MAX_CELLS {
            return Err(unsafe_file(format!(
                "The workbook was refused: sheet {} has cells as far as row {} and column {}, \
                 beyond the {MAX_ROWS} rows, {MAX_COLUMNS} columns or {MAX_CELLS} cells allowed.",
                sheet + 1,
                bottom + 1,
                right + 1
            )));
        }
        Ok(())
    }
}

/// Refuses a BIFF workbook whose sheets would make calamine allocate without bound.
pub(crate) fn check_xls<R: Read + Seek>(reader: R) -> Result<(), FileError> {
    let damaged = |e: std::io::Error| {
        unsupported(format!(
            "The file is not a readable Excel 97–2003 workbook ({e})."
        ))
    };
    let mut compound = cfb::CompoundFile::open(reader).map_err(damaged)?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| compound.is_stream(n));
    // calamine says which stream is missing in its own words.
    let Some(name) = name else { return Ok(()) };
    let mut stream = Vec::new();
    compound
        .open_stream(name)
        .map_err(damaged)?
        .take(MAX_XLS_BYTES + 1)
        .read_to_end(&mut stream)
        .map_err(damaged)?;

    let mut sheets = Vec::new();
    for (typ, body) in Records(&stream) {
        match typ {
            BOUNDSHEET if body.len() >= 4 => sheets.push(u32_at(body, 0) as usize),
            EOF => break,
            _ => {}
        }
    }
    for (i, offset) in sheets.into_iter().enumerate() {
        let Some(records) = stream.get(offset..) else {
            continue;
        };
        check_sheet(records, i)?;
    }
    Ok(())
}

fn check_sheet(records: &[u8], sheet: usize) -> Result<(), FileError> {
    let mut extent = Extent::default();
    // As calamine: the first BOF is the sheet's own; nested substreams (charts) are skipped.
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, body) in Records(records) {
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => check_dimensions(body, sheet)?,
            MULRK if body.len() >= 6 => {
                let first = u16_at(body, 2);
                let last = u16_at(body, body.len() - 2);
                if last < first {
                    return Err(unsafe_file(format!(
                        "The workbook was refused: sheet {} has a damaged cell record.",
                        sheet + 1
                    )));
                }
                let row = u64::from(u16_at(body, 0));
                extent.put(row, u64::from(first));
                extent.put(row, u64::from(last));
            }
            typ if CELLS.contains(&typ) && body.len() >= 4 => {
                extent.put(u64::from(u16_at(body, 0)), u64::from(u16_at(body, 2)));
            }
            _ => {}
        }
    }
    extent.check(sheet)
}

/// The declared used area, read as calamine reads it; calamine reserves rows × columns cells.
fn check_dimensions(body: &[u8], sheet: usize) -> Result<(), FileError> {
    let (first_row, last_row, mut first_col, last_col) = match body.len() {
        10 => (
            u64::from(u16_at(body, 0)),
            u64::from(u16_at(body, 2)),
            u64::from(u16_at(body, 4)),
            u64::from(u16_at(body, 6)),
        ),
        14 | 16 => (
            u64::from(u32_at(body, 0)),
            u64::from(u32_at(body, 4)),
            u64::from(u16_at(body, 8)),
            u64::from(u16_at(body, 10)),
        ),
        // calamine refuses other lengths itself.
        _ => return Ok(()),
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return Ok(());
    }
    let rows = (last_row - 1).checked_sub(first_row).map(|n| n + 1);
    let cols = (last_col - 1).checked_sub(first_col).map(|n| n + 1);
    match (rows, cols) {
        (Some(rows), Some(cols))
            if last_row <= MAX_ROWS
                && last_col <= MAX_COLUMNS
                && rows.saturating_mul(cols) <= MAX_CELLS =>
        {
            Ok(())
        }
        _ => Err(unsafe_file(format!(
            "The workbook was refused: sheet {} declares rows {first_row}–{last_row} and columns \
             {first_col}–{last_col}, beyond the {MAX_ROWS} rows, {MAX_COLUMNS} columns or \
             {MAX_CELLS} cells allowed.",
            sheet + 1
        ))),
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// BIFF records: type, length, body. Stops at a record running past the end (calamine then
/// reports the damage).
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        if self.0.len() < 4 {
            return None;
        }
        let typ = u16_at(self.0, 0);
        let len = usize::from(u16_at(self.0, 2));
        let body = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        Some((typ, body))
    }
}
