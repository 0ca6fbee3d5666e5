//! OpenDocument spreadsheets, read by streaming `content.xml` here rather than through
//! calamine: calamine parses every sheet of an ODS into dense in-memory ranges when the file is
//! opened (up to 100 million cells, twice, for values and formulas), which a few kilobytes of
//! repeated rows can drive past what the allocator gives. Here repeated empty cells and rows are
//! counted, never expanded, and repeated non-empty ones are refused beyond the limits.

use std::io::{BufRead, BufReader, Read, Seek};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::cells::{boolean, iso_text, number};
use super::guard::{
    attr, number_attr, unsafe_file, unsupported, Capped, MAX_CELLS, MAX_COLUMNS, MAX_ROWS,
    MAX_ROW_BYTES,
};
use super::stream::RawRow;
use crate::fields::FileError;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;
/// `<text:s text:c="..."/>` writes that many spaces; more is a crafted cell.
const MAX_SPACES: u64 = 1_000;

/// One sheet of the workbook, as the scan found it.
#[derive(Debug, Clone)]
pub(crate) struct TableInfo {
    pub name: String,
    /// Non-empty cells, repeats counted.
    pub cells: u64,
}

/// Checks an ODF package is an unencrypted spreadsheet with a content part.
pub(crate) fn check_package<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<(), FileError> {
    let mut mimetype = String::new();
    match zip.by_name("mimetype") {
        Ok(f) => {
            f.take(256)
                .read_to_string(&mut mimetype)
                .map_err(|e| unsupported(format!("The ODS package is damaged ({e}).")))?;
        }
        Err(_) => return Err(unsupported(
            "The file is a ZIP archive but not an OpenDocument spreadsheet (it has no mimetype).",
        )),
    }
    let mimetype = mimetype.trim();
    if mimetype != MIMETYPE {
        return Err(unsupported(format!(
            "The file is an OpenDocument package of type '{mimetype}', not a spreadsheet."
        )));
    }
    if let Ok(f) = zip.by_name("META-INF/manifest.xml") {
        let mut manifest = Vec::new();
        f.take(MAX_MANIFEST_BYTES)
            .read_to_end(&mut manifest)
            .map_err(|e| unsupported(format!("The ODS package is damaged ({e}).")))?;
        if manifest
            .windows(b"encryption-data".len())
            .any(|w| w == b"encryption-data")
        {
            return Err(unsupported(
                "The ODS workbook is password-protected; save it without a password and import it again.",
            ));
        }
    }
    if zip.by_name("content.xml").is_err() {
        return Err(unsupported(
            "The ODS package has no content part (content.xml): it is not a readable spreadsheet.",
        ));
    }
    Ok(())
}

/// Streams `content.xml`: the sheets with their non-empty cell counts, and the rows of sheet
/// `want` (if any) handed to `sink` until it returns false. Limits are enforced as it goes.
pub(crate) fn walk<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    want: Option<usize>,
    sink: &mut dyn FnMut(RawRow) -> bool,
) -> Result<Vec<TableInfo>, FileError> {
    let entry = zip
        .by_name("content.xml")
        .map_err(|e| unsupported(format!("The ODS package is damaged ({e}).")))?;
    let declared = entry.size();
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(Capped::new(entry, declared)));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let mut walker = Walker {
        want,
        tables: Vec::new(),
        current: None,
        row_index: 0,
        row: None,
        cell: None,
    };
    let outcome = walker.run(&mut xml, sink);
    if xml.get_ref().get_ref().overflowed() {
        return Err(unsafe_file(format!(
            "The workbook was refused: its content inflates to more than the {declared} bytes its \
             package declares (a disguised ZIP bomb)."
        )));
    }
    outcome?;
    Ok(walker.tables)
}

struct Row {
    repeat: u64,
    col: u64,
    bytes: u64,
    /// Non-empty cells: first column, repeat count, text.
    cells: Vec<(u64, u64, String)>,
}

struct CellState {
    repeat: u64,
    value: Option<String>,
    text: String,
    paragraphs: u32,
    in_paragraph: u32,
    skip_depth: u32,
}

struct Walker {
    want: Option<usize>,
    tables: Vec<TableInfo>,
    current: Option<usize>,
    row_index: u64,
    row: Option<Row>,
    cell: Option<CellState>,
}

enum Flow {
    Go,
    Stop,
}

impl Walker {
    fn run<B: BufRead>(
        &mut self,
        xml: &mut quick_xml::Reader<B>,
        sink: &mut dyn FnMut(RawRow) -> bool,
    ) -> Result<(), FileError> {
        let mut buf = Vec::with_capacity(4096);
        loop {
            buf.clear();
            let event = xml.read_event_into(&mut buf).map_err(|e| {
                unsupported(format!(
                    "The ODS content is damaged: it is not well-formed XML ({e})."
                ))
            })?;
            let flow = match event {
                Event::Start(e) => self.start(&e, true)?,
                Event::Empty(e) => self.start(&e, false)?,
                Event::End(e) => self.end(e.name().as_ref(), sink)?,
                Event::Text(t) => {
                    self.text(&t.xml10_content());
                    Flow::Go
                }
                Event::CData(t) => {
                    self.text(&t.xml10_content());
                    Flow::Go
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(ch)) => Some(ch.to_string()),
                        _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                            .map(str::to_string),
                    };
                    if let Some(text) = resolved {
                        self.text(&text);
                    }
                    Flow::Go
                }
                Event::Eof => return Ok(()),
                _ => Flow::Go,
            };
            if let Flow::Stop = flow {
                return Ok(());
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell.as_mut() {
            if cell.skip_depth == 0 && cell.in_paragraph > 0 {
                cell.text.push_str(text);
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, has_content: bool) -> Result<Flow, FileError> {
        let name = e.name();
        let name = name.as_ref();
        if let Some(cell) = self.cell.as_mut() {
            if cell.skip_depth > 0 {
                if has_content {
                    cell.skip_depth += 1;
                }
                return Ok(Flow::Go);
            }
            match name {
                // Comments, nested tables, notes and drawings are not the cell's value.
                "office:annotation" | "table:table" | "text:note" if has_content => {
                    cell.skip_depth = 1;
                }
                _ if has_content && name.starts_with("draw:") => cell.skip_depth = 1,
                "text:p" | "text:h" => {
                    if cell.paragraphs > 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                    if has_content {
                        cell.in_paragraph += 1;
                    }
                }
                "text:s" if cell.in_paragraph > 0 => {
                    let n = number_attr(e, "text:c").unwrap_or(1).min(MAX_SPACES);
                    cell.text.extend(std::iter::repeat_n(' ', n as usize));
                }
                "text:tab" if cell.in_paragraph > 0 => cell.text.push('\t'),
                "text:line-break" if cell.in_paragraph > 0 => cell.text.push('\n'),
                _ => {}
            }
            return Ok(Flow::Go);
        }
        match name {
            "table:table" if self.current.is_none() => {
                self.tables.push(TableInfo {
                    name: attr(e, "table:name").unwrap_or_default(),
                    cells: 0,
                });
                self.row_index = 0;
                if has_content {
                    self.current = Some(self.tables.len() - 1);
                }
            }
            "table:table-row" if self.current.is_some() => {
                let repeat = number_attr(e, "table:number-rows-repeated")
                    .unwrap_or(1)
                    .max(1);
                if has_content {
                    self.row = Some(Row {
                        repeat,
                        col: 0,
                        bytes: 0,
                        cells: Vec::new(),
                    });
                } else {
                    self.row_index = self.row_index.saturating_add(repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" if self.row.is_some() => {
                let repeat = number_attr(e, "table:number-columns-repeated")
                    .unwrap_or(1)
                    .max(1);
                let state = CellState {
                    repeat,
                    value: attribute_value(e),
                    text: String::new(),
                    paragraphs: 0,
                    in_paragraph: 0,
                    skip_depth: 0,
                };
                if has_content {
                    self.cell = Some(state);
                } else {
                    self.finish_cell(state)?;
                }
            }
            _ => {}
        }
        Ok(Flow::Go)
    }

    fn end(&mut self, name: &str, sink: &mut dyn FnMut(RawRow) -> bool) -> Result<Flow, FileError> {
        if let Some(cell) = self.cell.as_mut() {
            if cell.skip_depth > 0 {
                cell.skip_depth -= 1;
                return Ok(Flow::Go);
            }
            match name {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some(state) = self.cell.take() {
                        self.finish_cell(state)?;
                    }
                }
                "text:p" | "text:h" => cell.in_paragraph = cell.in_paragraph.saturating_sub(1),
                _ => {}
            }
            return Ok(Flow::Go);
        }
        match name {
            "table:table-row" => {
                if let Some(row) = self.row.take() {
                    return self.finish_row(row, sink);
                }
            }
            "table:table" => self.current = None,
            _ => {}
        }
        Ok(Flow::Go)
    }

    fn finish_cell(&mut self, cell: CellState) -> Result<(), FileError> {
        let Some(row) = self.row.as_mut() else {
            return Ok(());
        };
        let first = row.col;
        row.col = row.col.saturating_add(cell.repeat);
        let text = cell.value.unwrap_or(cell.text);
        if text.is_empty() {
            return Ok(());
        }
        let last = first.saturating_add(cell.repeat - 1);
        if last >= MAX_COLUMNS {
            return Err(unsafe_file(format!(
                "The workbook was refused: sheet '{}' repeats a non-empty cell up to column {}, beyond \
                 the limit of {MAX_COLUMNS} columns.",
                self.table_name(),
                last.saturating_add(1)
            )));
        }
        row.bytes = row
            .bytes
            .saturating_add((text.len() as u64).saturating_mul(cell.repeat));
        if row.bytes > MAX_ROW_BYTES as u64 {
            return Err(unsafe_file(format!(
                "The workbook was refused: a row of sheet '{}' holds more than {} MB of text.",
                self.table_name(),
                MAX_ROW_BYTES / (1024 * 1024)
            )));
        }
        row.cells.push((first, cell.repeat, text));
        Ok(())
    }

    fn finish_row(
        &mut self,
        row: Row,
        sink: &mut dyn FnMut(RawRow) -> bool,
    ) -> Result<Flow, FileError> {
        let first = self.row_index;
        self.row_index = self.row_index.saturating_add(row.repeat);
        let Some(table) = self.current else {
            return Ok(Flow::Go);
        };
        if row.cells.is_empty() {
            return Ok(Flow::Go);
        }
        let last = first.saturating_add(row.repeat - 1);
        if last >= MAX_ROWS {
            return Err(unsafe_file(format!(
                "The workbook was refused: sheet '{}' has values down to row {}, beyond the limit of \
                 {MAX_ROWS} rows.",
                self.table_name(),
                last.saturating_add(1)
            )));
        }
        let per_row: u64 = row.cells.iter().map(|(_, n, _)| *n).sum();
        let info = &mut self.tables[table];
        info.cells = info
            .cells
            .saturating_add(per_row.saturating_mul(row.repeat));
        if info.cells > MAX_CELLS {
            return Err(unsafe_file(format!(
                "The workbook was refused: sheet '{}' holds more than {MAX_CELLS} non-empty cells.",
                info.name
            )));
        }
        if self.want != Some(table) {
            return Ok(Flow::Go);
        }
        let width = row.cells.last().map_or(0, |(col, n, _)| (col + n) as usize);
        for k in 0..row.repeat {
            let mut cells = vec![String::new(); width];
            for (col, n, text) in &row.cells {
                for c in *col..col + n {
                    cells[c as usize].clone_from(text);
                }
            }
            if !sink(RawRow {
                index: first + k,
                cells,
            }) {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Go)
    }

    fn table_name(&self) -> String {
        self.current
            .and_then(|i| self.tables.get(i))
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }
}

/// A cell's value when its type carries it in an attribute (numbers, dates, booleans).
fn attribute_value(e: &BytesStart<'_>) -> Option<String> {
    let kind = attr(e, "office:value-type")?;
    match kind.as_str() {
        "float" | "percentage" | "currency" => {
            let raw = attr(e, "office:value")?;
            Some(raw.trim().parse::<f64>().map_or(raw, number))
        }
        "date" => attr(e, "office:date-value").map(|v| iso_text(v.trim())),
        "time" => attr(e, "office:time-value").map(|v| iso_text(v.trim())),
        "boolean" => {
            attr(e, "office:boolean-value").map(|v| boolean(matches!(v.trim(), "true" | "1")))
        }
        "string" => attr(e, "office:string-value"),
        _ => None,
    }
}
