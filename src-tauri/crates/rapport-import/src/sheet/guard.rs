//! Checks a spreadsheet package before any parser allocates from what it declares.
//!
//! calamine trusts a workbook's own numbers: it reserves `uniqueCount` strings up front and
//! builds dense ranges from the extreme cell positions, so a 2 KB crafted file can make the
//! allocator fail, which aborts the process (no panic to catch). Everything here streams: it
//! reads the ZIP directory, then inflates every entry once through a counter that stops at the
//! entry's declared size, and scans the XML parts for the few attributes that drive
//! allocations.

use std::io::{self, BufReader, Read, Seek};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use crate::fields::{FileError, Reason};

/// The most a package may inflate to, all entries together.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 512 * 1024 * 1024;
/// The most entries a package may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// The highest compression ratio allowed for an entry larger than [`RATIO_MIN_BYTES`].
/// Real worksheet XML compresses 10–50:1; zip bombs compress 1000:1.
pub const MAX_RATIO: u64 = 200;
/// Entries smaller than this inflate to little whatever their ratio.
pub const RATIO_MIN_BYTES: u64 = 4 * 1024 * 1024;
/// The widest table read: a non-empty cell further right refuses the file.
pub const MAX_COLUMNS: u64 = 4_096;
/// Excel's row limit: a non-empty cell further down refuses the file.
pub const MAX_ROWS: u64 = 1_048_576;
/// The most cells a sheet may span (rows × columns of its used area or its declared
/// dimension), and the most shared strings a workbook may declare.
pub const MAX_CELLS: u64 = 50_000_000;
/// The smallest a shared string can be written (`<si/>`): `uniqueCount` beyond the part's
/// size divided by this is a lie.
const MIN_SHARED_STRING_BYTES: u64 = 5;
/// The largest legacy `.xls` file read (BIFF workbooks are parsed whole in memory).
pub const MAX_XLS_BYTES: u64 = 128 * 1024 * 1024;
/// The most text one row may hold, all cells together.
pub const MAX_ROW_BYTES: usize = 8 * 1024 * 1024;

const MB: u64 = 1024 * 1024;

pub(crate) fn unsafe_file(message: impl Into<String>) -> FileError {
    FileError::new(Reason::UnsafeFile, message)
}

pub(crate) fn unsupported(message: impl Into<String>) -> FileError {
    FileError::new(Reason::UnsupportedFile, message)
}

/// Opens the ZIP directory and refuses archives that inflate too much, by their declared sizes.
pub(crate) fn check_zip<R: Read + Seek>(reader: R, what: &str) -> Result<ZipArchive<R>, FileError> {
    let mut zip = ZipArchive::new(reader).map_err(|e| {
        unsupported(format!(
            "The file is not a valid {what} workbook: it is not a readable ZIP package ({e})."
        ))
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(unsafe_file(format!(
            "The workbook was refused: its package holds {} parts, more than the {MAX_ENTRIES} allowed.",
            zip.len()
        )));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| unsupported(format!("The {what} package is damaged ({e}).")))?;
        if entry.encrypted() {
            return Err(unsupported(format!(
                "The {what} workbook is password-protected; save it without a password and import it again."
            )));
        }
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        total = total.saturating_add(size);
        if total > MAX_UNCOMPRESSED_BYTES {
            return Err(unsafe_file(format!(
                "The workbook was refused: it would inflate to more than {} MB (the limit).",
                MAX_UNCOMPRESSED_BYTES / MB
            )));
        }
        if size > RATIO_MIN_BYTES && size / packed > MAX_RATIO {
            return Err(unsafe_file(format!(
                "The workbook was refused: its part '{}' is compressed {}:1, beyond the {MAX_RATIO}:1 \
                 allowed for parts over {} MB (a ZIP bomb).",
                entry_name(&entry),
                size / packed,
                RATIO_MIN_BYTES / MB
            )));
        }
    }
    Ok(zip)
}

fn entry_name<R: Read>(entry: &zip::read::ZipFile<'_, R>) -> String {
    entry
        .name()
        .map(|n| n.into_owned())
        .unwrap_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned())
}

/// Reads an entry but never more than its declared size: a part that inflates beyond what the
/// directory says is a bomb hiding its size.
pub(crate) struct Capped<R> {
    inner: R,
    left: u64,
    overflow: bool,
}

impl<R> Capped<R> {
    pub fn new(inner: R, limit: u64) -> Self {
        Self {
            inner,
            left: limit,
            overflow: false,
        }
    }

    /// True when the entry went on past its limit (the reader then reported its end).
    pub fn overflowed(&self) -> bool {
        self.overflow
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.overflow {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            self.overflow = true;
            return Ok(0);
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// The worksheet limits found while scanning one XML part.
#[derive(Default)]
struct SheetScan {
    in_sheet_data: bool,
    row: u64,
    col: u64,
    max_row: Option<u64>,
    max_col: u64,
}

/// Inflates every entry of an XLSX package once, refusing parts that inflate beyond their
/// declared size, shared-string tables that declare more strings than they can hold, and
/// worksheets whose dimension or cells reach beyond the limits.
pub(crate) fn check_xlsx<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<(), FileError> {
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| unsupported(format!("The XLSX package is damaged ({e}).")))?;
        let name = entry_name(&entry);
        let declared = entry.size();
        let capped = Capped::new(entry, declared);
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(capped));
        let config = xml.config_mut();
        // The parser settings calamine reads with, so both stop at the same malformed byte.
        config.check_end_names = false;
        config.check_comments = false;
        config.trim_text(false);
        let mut scan = SheetScan::default();
        let mut buf = Vec::with_capacity(1024);
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => scan_start(&name, declared, &e, true, &mut scan)?,
                Ok(Event::Empty(e)) => scan_start(&name, declared, &e, false, &mut scan)?,
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    "row" if scan.in_sheet_data => {
                        scan.row = scan.row.saturating_add(1);
                        scan.col = 0;
                    }
                    "sheetData" => scan.in_sheet_data = false,
                    _ => {}
                },
                Ok(Event::Eof) => break,
                Ok(_) => {}
                // Not XML (an image, a damaged part): calamine stops at the same byte if it
                // ever reads it; the rest is only inflated, to check its size.
                Err(_) => break,
            }
        }
        if let Some(max_row) = scan.max_row {
            check_area(&name, max_row + 1, scan.max_col + 1, "uses")?;
        }
        let mut rest = xml.into_inner();
        io::copy(&mut rest, &mut io::sink())
            .map_err(|e| unsupported(format!("The XLSX package is damaged ({e}).")))?;
        if rest.get_ref().overflowed() {
            return Err(unsafe_file(format!(
                "The workbook was refused: its part '{name}' inflates to more than the {declared} bytes \
                 its package declares (a disguised ZIP bomb)."
            )));
        }
    }
    Ok(())
}

fn scan_start(
    part: &str,
    declared: u64,
    e: &BytesStart<'_>,
    has_content: bool,
    scan: &mut SheetScan,
) -> Result<(), FileError> {
    match e.local_name().as_ref() {
        "sst" => {
            if let Some(n) = number_attr(e, "uniqueCount") {
                let room = declared / MIN_SHARED_STRING_BYTES;
                if n > room || n > MAX_CELLS {
                    return Err(unsafe_file(format!(
                        "The workbook was refused: its shared-string table declares {n} strings, more than \
                         its {declared} bytes can hold (limit {}).",
                        room.min(MAX_CELLS)
                    )));
                }
            }
        }
        "dimension" => {
            if let Some(reference) = attr(e, "ref") {
                let mut corners = reference.split(':').filter_map(cell_position);
                if let Some((r1, c1)) = corners.next() {
                    let (r2, c2) = corners.next().unwrap_or((r1, c1));
                    let rows = r1.abs_diff(r2) + 1;
                    let cols = c1.abs_diff(c2) + 1;
                    check_area(part, rows, cols, "declares")?;
                    check_position(part, r1.max(r2), c1.max(c2), "declares")?;
                }
            }
        }
        "sheetData" => {
            scan.in_sheet_data = has_content;
            scan.row = 0;
        }
        "row" if scan.in_sheet_data => {
            if let Some(r) = number_attr(e, "r") {
                scan.row = r.saturating_sub(1);
            }
            scan.col = 0;
            if !has_content {
                scan.row = scan.row.saturating_add(1);
            }
        }
        "c" if scan.in_sheet_data => {
            let (row, col) = match attr(e, "r").and_then(|r| cell_position(&r)) {
                Some(pos) => pos,
                None => (scan.row, scan.col),
            };
            scan.col = col.saturating_add(1);
            // A self-closing cell holds no value (formatting only) and is never read.
            if has_content {
                check_position(part, row, col, "has a cell at")?;
                scan.max_row = Some(scan.max_row.map_or(row, |m| m.max(row)));
                scan.max_col = scan.max_col.max(col);
            }
        }
        "f" if scan.in_sheet_data => {
            if let Some(si) = number_attr(e, "si") {
                if si > MAX_CELLS {
                    return Err(unsafe_file(format!(
                        "The workbook was refused: '{part}' has a shared formula numbered {si}."
                    )));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_position(part: &str, row: u64, col: u64, verb: &str) -> Result<(), FileError> {
    if col >= MAX_COLUMNS || row >= MAX_ROWS {
        return Err(unsafe_file(format!(
            "The workbook was refused: '{part}' {verb} {}{}, beyond the limit of {MAX_COLUMNS} columns \
             and {MAX_ROWS} rows.",
            column_name(col),
            row.saturating_add(1)
        )));
    }
    Ok(())
}

fn check_area(part: &str, rows: u64, cols: u64, verb: &str) -> Result<(), FileError> {
    if cols > MAX_COLUMNS || rows > MAX_ROWS || rows.saturating_mul(cols) > MAX_CELLS {
        return Err(unsafe_file(format!(
            "The workbook was refused: '{part}' {verb} {rows} rows × {cols} columns, more than the \
             {MAX_CELLS} cells (or {MAX_COLUMNS} columns) allowed."
        )));
    }
    Ok(())
}

/// An attribute by its qualified name ("table:name") or its local name ("r").
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

pub(crate) fn number_attr(e: &BytesStart<'_>, name: &str) -> Option<u64> {
    let text = attr(e, name)?;
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Too many digits for u64 is still a number, and a huge one.
    Some(text.parse().unwrap_or(u64::MAX))
}

/// `"XFD1048576"` → zero-based (row, column); `$` signs allowed.
pub(crate) fn cell_position(reference: &str) -> Option<(u64, u64)> {
    let mut col: u64 = 0;
    let mut row: u64 = 0;
    let mut digits = false;
    for b in reference.trim().bytes() {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if !digits => {
                col = col
                    .saturating_mul(26)
                    .saturating_add(u64::from(b.to_ascii_uppercase() - b'A') + 1);
            }
            b'0'..=b'9' => {
                digits = true;
                row = row.saturating_mul(10).saturating_add(u64::from(b - b'0'));
            }
            _ => return None,
        }
    }
    (digits && col > 0 && row > 0).then(|| (row - 1, col - 1))
}

/// Zero-based column number → `"A"`, `"XFD"`.
pub(crate) fn column_name(mut col: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("$B$3"), Some((2, 1)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_position("1A"), None);
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(16_383), "XFD");
        assert_eq!(column_name(26), "AA");
    }

    #[test]
    fn an_entry_inflating_past_its_declared_size_is_cut_and_flagged() {
        let mut capped = Capped::new(&[7u8; 10][..], 4);
        let mut out = Vec::new();
        io::copy(&mut capped, &mut out).unwrap();
        assert!(out.len() <= 4);
        assert!(capped.overflowed());
        let mut exact = Capped::new(&[7u8; 4][..], 4);
        io::copy(&mut exact, &mut io::sink()).unwrap();
        assert!(!exact.overflowed());
    }
}
