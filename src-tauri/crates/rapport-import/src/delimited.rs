//! CSV and TSV files: encoding, delimiter (comma, semicolon, tab) and header row detected,
//! quoted multi-line cells, rows streamed.
//!
//! Reading rules:
//!
//! - **Encoding**: see [`crate::decode`]. The text is decoded as it is read, so a file of any
//!   size is read with a fixed amount of memory (one record at a time, at most
//!   [`MAX_RECORD_BYTES`] per record).
//! - **Delimiter**: each of comma, semicolon and tab splits the first [`SNIFF_RECORDS`] records
//!   (quote-aware, from the first [`SNIFF_BYTES`] of text); the one whose most frequent column
//!   count (above 1) covers the most records wins, ties going to the wider count, then to comma,
//!   semicolon, tab in that order (tab first for a `.tsv`/`.tab` file). When no delimiter gives
//!   more than one column the file is read as one comma-separated column. Tab gives format
//!   "tsv", the others "csv".
//! - **Quoting**: a cell that starts with `"` runs to the next lone `"`; inside it `""` is a quote
//!   and delimiters, CR, LF, CRLF and TAB are kept as they are. Text after a closing quote is
//!   kept (`"a"b` reads `ab`); a quote inside an unquoted cell is an ordinary character.
//! - **Records** end at LF, CRLF or a bare CR outside quotes. An empty line is a blank record
//!   (one empty cell): it is numbered and yielded, and the import skips it.
//! - **Header**: the first non-blank record is the header when
//!   [`crate::mapping::looks_like_header`] says so (blank lines before it are not records).
//!   Otherwise every record is data and the headers are "Column 1".."Column n", n being the most
//!   frequent column count. Empty header names become "Column i".
//! - **Trailing delimiter on the header** (Thunderbird writes `...,Notes,` and `...,,` on each
//!   row): a last header cell that is empty is dropped, and so is the last cell of every row
//!   that has exactly that one cell more than the headers and whose last cell is empty. A row
//!   with text in that phantom column keeps all its cells and is rejected like any other row
//!   of the wrong width, so nothing is dropped silently.
//! - **Rows are never padded nor truncated**: a row with more or fewer cells than the headers is
//!   yielded with its real cells; the import rejects it (`column_count_mismatch`).
//! - Records are numbered from 1 over the data rows, blank rows included, header excluded.
//! - **Formula guards**: a data cell that starts with `'` before `=`, `+`, `-`, `@`, TAB or CR
//!   (the quote a writer puts in front of text a spreadsheet would run, Rapport's exports
//!   among them) loses that one quote; see [`crate::formula`]. Every other cell is kept as it
//!   is, a cell starting with `=` included.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use crate::decode::{self, DecodingReader, Detected};
use crate::fields::{FileError, Reason};
use crate::mapping::looks_like_header;
use crate::table::{generated_headers, is_blank, Table, TableRow};

/// How much decoded text the delimiter is chosen from.
pub const SNIFF_BYTES: usize = 64 * 1024;
/// How many records the delimiter is chosen from.
pub const SNIFF_RECORDS: usize = 50;
/// The largest record read (UTF-8 bytes). Larger means a quote was never closed: the file is
/// refused from that record on rather than held in memory.
pub const MAX_RECORD_BYTES: usize = 4 * 1024 * 1024;
/// Blank lines looked through for the header row.
const MAX_LEADING_BLANKS: usize = 100;

const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];

/// Opens a delimited text file for reading.
pub fn open(path: &Path) -> Result<Table, FileError> {
    let mut file = File::open(path).map_err(|e| FileError::io(&e))?;
    let detected = decode::detect(BufReader::new(&mut file))?;
    file.seek(SeekFrom::Start(0))
        .map_err(|e| FileError::io(&e))?;
    let prefer_tab = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
    build(DecodingReader::new(file, &detected), &detected, prefer_tab)
}

/// Reads delimited text already in memory (same rules as [`open`]).
pub fn from_bytes(bytes: Vec<u8>) -> Result<Table, FileError> {
    let detected = decode::detect_bytes(&bytes)?;
    build(
        DecodingReader::new(Cursor::new(bytes), &detected),
        &detected,
        false,
    )
}

/// The delimiter chosen for some text (see the module documentation); `None` when no
/// delimiter gives more than one column. The second value is the most frequent column count.
pub fn sniff_delimiter(text: &[u8], complete: bool, prefer_tab: bool) -> (Option<u8>, usize) {
    let order: [u8; 3] = if prefer_tab {
        [b'\t', b',', b';']
    } else {
        CANDIDATES
    };
    let mut best: Option<(u8, usize, usize)> = None; // (delimiter, records, width)
    for delim in order {
        let mut reader = RecordReader::new(text, delim);
        let mut widths: Vec<usize> = Vec::new();
        while widths.len() < SNIFF_RECORDS {
            match reader.next_record() {
                Ok(Some(cells)) => {
                    if !is_blank(&cells) {
                        widths.push(cells.len());
                    }
                }
                _ => break,
            }
        }
        if !complete && reader.at_end() && widths.len() > 1 {
            // The last record may be cut by the end of the sample.
            widths.pop();
        }
        let mut counts: Vec<(usize, usize)> = Vec::new(); // (width, records)
        for w in widths.iter().copied().filter(|w| *w > 1) {
            match counts.iter_mut().find(|(width, _)| *width == w) {
                Some((_, n)) => *n += 1,
                None => counts.push((w, 1)),
            }
        }
        let Some((width, records)) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        else {
            continue;
        };
        let better = match best {
            None => true,
            Some((_, r, w)) => records > r || (records == r && width > w),
        };
        if better {
            best = Some((delim, records, width));
        }
    }
    match best {
        Some((delim, _, width)) => (Some(delim), width),
        None => (None, 1),
    }
}

fn build<R: Read + Send + 'static>(
    mut source: R,
    detected: &Detected,
    prefer_tab: bool,
) -> Result<Table, FileError> {
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    (&mut source)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut prefix)
        .map_err(|e| FileError::io(&e))?;
    let complete = prefix.len() < SNIFF_BYTES;
    let (delim, width) = sniff_delimiter(&prefix, complete, prefer_tab);
    let delim = delim.unwrap_or(if prefer_tab { b'\t' } else { b',' });
    let stream = BufReader::with_capacity(64 * 1024, Cursor::new(prefix).chain(source));
    let mut reader = RecordReader::new(stream, delim);

    let mut pending: VecDeque<Vec<String>> = VecDeque::new();
    let first = loop {
        match reader.next_record().map_err(|e| read_error(1, &e))? {
            Some(cells) if is_blank(&cells) => {
                pending.push_back(cells);
                if pending.len() > MAX_LEADING_BLANKS {
                    break None;
                }
            }
            other => break other,
        }
    };
    let Some(first) = first else {
        return Err(FileError::new(Reason::EmptyFile, "The file holds no rows."));
    };

    let (headers, has_header, trailing) = if looks_like_header(&first) {
        pending.clear();
        let mut headers: Vec<String> = first
            .iter()
            .map(|h| h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
            .map(str::to_string)
            .collect();
        let mut trailing = None;
        if headers.len() > 1 && headers.last().is_some_and(|h| h.is_empty()) {
            trailing = Some(headers.len());
            headers.pop();
        }
        for (i, h) in headers.iter_mut().enumerate() {
            if h.is_empty() {
                *h = format!("Column {}", i + 1);
            }
        }
        (headers, true, trailing)
    } else {
        pending.push_back(first);
        let width = if width > 1 {
            width
        } else {
            pending.back().map_or(1, Vec::len)
        };
        (generated_headers(width), false, None)
    };

    Ok(Table {
        format: if delim == b'\t' { "tsv" } else { "csv" }.to_string(),
        encoding: detected.name().to_string(),
        headers,
        has_header,
        rows: Box::new(Rows {
            reader,
            pending,
            next: 1,
            trailing,
            done: false,
        }),
    })
}

fn read_error(record: u64, err: &io::Error) -> FileError {
    FileError::new(
        Reason::UnsupportedFile,
        format!("The file cannot be read from record {record} on: {err}"),
    )
}

/// The data rows of a table, read one record at a time.
struct Rows<R> {
    reader: RecordReader<R>,
    pending: VecDeque<Vec<String>>,
    next: u64,
    /// The width of the header before its empty last cell was dropped.
    trailing: Option<usize>,
    done: bool,
}

impl<R: BufRead> Iterator for Rows<R> {
    type Item = Result<TableRow, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut cells = match self.pending.pop_front() {
            Some(cells) => cells,
            None => match self.reader.next_record() {
                Ok(Some(cells)) => cells,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(read_error(self.next, &e)));
                }
            },
        };
        if let Some(width) = self.trailing {
            if cells.len() == width && cells.last().is_some_and(|c| c.trim().is_empty()) {
                cells.pop();
            }
        }
        for cell in &mut cells {
            crate::formula::unguard(cell);
        }
        let record = self.next;
        self.next += 1;
        Some(Ok(TableRow { record, cells }))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    RecordStart,
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted cell: a doubled quote or the end of the quoting.
    QuoteInQuoted,
}

/// Splits UTF-8 text into records of cells (see the module documentation for the rules).
pub(crate) struct RecordReader<R> {
    input: R,
    delim: u8,
    /// The previous record ended with CR: a LF right after it belongs to that record.
    skip_lf: bool,
    eof: bool,
}

impl<R: BufRead> RecordReader<R> {
    pub(crate) fn new(input: R, delim: u8) -> Self {
        Self {
            input,
            delim,
            skip_lf: false,
            eof: false,
        }
    }

    /// Whether the last record ended with the end of the input (rather than a line break).
    fn at_end(&self) -> bool {
        self.eof
    }

    pub(crate) fn next_record(&mut self) -> io::Result<Option<Vec<String>>> {
        let mut cells: Vec<String> = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut state = State::RecordStart;
        let mut size = 0usize;
        let delim = self.delim;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                self.eof = true;
                if state == State::RecordStart {
                    return Ok(None);
                }
                cells.push(into_string(field)?);
                return Ok(Some(cells));
            }
            let mut i = 0;
            let mut ended = false;
            while i < buf.len() {
                let b = buf[i];
                i += 1;
                if self.skip_lf {
                    self.skip_lf = false;
                    if b == b'\n' {
                        continue;
                    }
                }
                match state {
                    State::RecordStart | State::FieldStart | State::Unquoted => {
                        if b == delim {
                            cells.push(into_string(std::mem::take(&mut field))?);
                            state = State::FieldStart;
                        } else if b == b'\n' || b == b'\r' {
                            self.skip_lf = b == b'\r';
                            ended = true;
                            break;
                        } else if b == b'"' && state != State::Unquoted {
                            state = State::Quoted;
                        } else {
                            field.push(b);
                            state = State::Unquoted;
                        }
                    }
                    State::Quoted => {
                        if b == b'"' {
                            state = State::QuoteInQuoted;
                        } else {
                            // Copy the run up to the next quote at once.
                            let run = buf[i..]
                                .iter()
                                .position(|c| *c == b'"')
                                .unwrap_or(buf.len() - i);
                            field.push(b);
                            field.extend_from_slice(&buf[i..i + run]);
                            i += run;
                        }
                    }
                    State::QuoteInQuoted => {
                        if b == b'"' {
                            field.push(b'"');
                            state = State::Quoted;
                        } else if b == delim {
                            cells.push(into_string(std::mem::take(&mut field))?);
                            state = State::FieldStart;
                        } else if b == b'\n' || b == b'\r' {
                            self.skip_lf = b == b'\r';
                            ended = true;
                            break;
                        } else {
                            field.push(b);
                            state = State::Unquoted;
                        }
                    }
                }
            }
            self.input.consume(i);
            size += i;
            if ended {
                cells.push(into_string(field)?);
                return Ok(Some(cells));
            }
            if size > MAX_RECORD_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "a record is longer than {} MB (a quote that is never closed?)",
                        MAX_RECORD_BYTES / (1024 * 1024)
                    ),
                ));
            }
        }
    }
}

fn into_string(bytes: Vec<u8>) -> io::Result<String> {
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delim: u8) -> Vec<Vec<String>> {
        let mut reader = RecordReader::new(text.as_bytes(), delim);
        let mut out = Vec::new();
        while let Some(r) = reader.next_record().unwrap() {
            out.push(r);
        }
        out
    }

    fn rows(table: Table) -> Vec<TableRow> {
        table.rows.map(Result::unwrap).collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn quoting_rules() {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",\"tab\there\",\"bare\rcr\"\n";
        assert_eq!(
            records(text, b','),
            vec![
                v(&["a", "b,c", "say \"hi\""]),
                v(&["multi\r\nline", "tab\there", "bare\rcr"]),
            ]
        );
        // Text after a closing quote is kept; a quote inside a bare cell is a character.
        assert_eq!(records("\"a\"b,c\"d\n", b','), vec![v(&["ab", "c\"d"])]);
        // Empty cells, a trailing delimiter, no final line break.
        assert_eq!(
            records(",,\nx,", b','),
            vec![v(&["", "", ""]), v(&["x", ""])]
        );
    }

    #[test]
    fn line_ends_and_blank_lines() {
        assert_eq!(
            records("a\r\n\r\nb\n\nc\rd", b','),
            vec![
                v(&["a"]),
                v(&[""]),
                v(&["b"]),
                v(&[""]),
                v(&["c"]),
                v(&["d"])
            ]
        );
    }

    #[test]
    fn records_split_across_buffer_boundaries() {
        let text = "\"x\"\"y\",z\r\n".repeat(1000);
        let reader = BufReader::with_capacity(7, text.as_bytes());
        let mut rr = RecordReader::new(reader, b',');
        let mut n = 0;
        while let Some(r) = rr.next_record().unwrap() {
            assert_eq!(r, v(&["x\"y", "z"]));
            n += 1;
        }
        assert_eq!(n, 1000);
    }

    #[test]
    fn sniffing_is_quote_aware() {
        // Commas inside quotes would give a semicolon file a ragged comma count.
        let text =
            b"Name;Notes;City\n\"Doe, John\";\"a, b, c\";Paris\n\"Roe, Jane\";x;\"Lyon, FR\"\n";
        assert_eq!(sniff_delimiter(text, true, false), (Some(b';'), 3));
        let text = b"Name,Notes\n\"Doe; John\",\"a;b;c\tx\"\n\"Roe\",\"y\"\n";
        assert_eq!(sniff_delimiter(text, true, false), (Some(b','), 2));
        let text = b"Name\tAddress\nDoe, John\t1 Main St, Springfield\n";
        assert_eq!(sniff_delimiter(text, true, false), (Some(b'\t'), 2));
        assert_eq!(sniff_delimiter(b"one\ntwo\n", true, false), (None, 1));
    }

    #[test]
    fn header_rows_and_numbering() {
        let table = from_bytes(
            b"First Name,Last Name,E-mail Address\n\nAda,Lovelace,ada@example.org\n".to_vec(),
        )
        .unwrap();
        assert!(table.has_header);
        assert_eq!(table.format, "csv");
        assert_eq!(table.encoding, "UTF-8");
        assert_eq!(
            table.headers,
            v(&["First Name", "Last Name", "E-mail Address"])
        );
        let rows = rows(table);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].record, rows[0].is_blank()), (1, true));
        assert_eq!(rows[1].record, 2);
        assert_eq!(rows[1].cells, v(&["Ada", "Lovelace", "ada@example.org"]));
    }

    #[test]
    fn formula_guards_are_taken_off_data_cells_only() {
        let table = from_bytes(
            b"Notes,Mobile Phone,Last Name\n'=HYPERLINK(\"x\"),=1+1,'tis\n\"''-x\",'+44 20,O'Brien\n"
                .to_vec(),
        )
        .unwrap();
        let rows = rows(table);
        assert_eq!(rows[0].cells, v(&["=HYPERLINK(\"x\")", "=1+1", "'tis"]));
        assert_eq!(rows[1].cells, v(&["'-x", "+44 20", "O'Brien"]));
    }

    #[test]
    fn wrong_widths_are_yielded_as_they_are() {
        let table = from_bytes(
            b"Name,Email,Phone\nA,a@example.org,1\nB,b@example.org,2,extra\nC,c@example.org\n"
                .to_vec(),
        )
        .unwrap();
        let rows = rows(table);
        assert_eq!(rows[0].cells.len(), 3);
        assert_eq!(rows[1].cells, v(&["B", "b@example.org", "2", "extra"]));
        assert_eq!(rows[2].cells, v(&["C", "c@example.org"]));
        assert_eq!(
            rows.iter().map(|r| r.record).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
    }

    #[test]
    fn trailing_header_delimiter_is_dropped_with_the_empty_cell() {
        let table = from_bytes(
            b"First Name,Last Name,\r\nAda,Lovelace,\r\nAlan,Turing,oops\r\nGrace,Hopper\r\n"
                .to_vec(),
        )
        .unwrap();
        assert_eq!(table.headers, v(&["First Name", "Last Name"]));
        let rows = rows(table);
        assert_eq!(rows[0].cells, v(&["Ada", "Lovelace"]));
        assert_eq!(rows[1].cells, v(&["Alan", "Turing", "oops"]));
        assert_eq!(rows[2].cells, v(&["Grace", "Hopper"]));
    }

    #[test]
    fn no_header_gives_generated_names() {
        let table = from_bytes(b"x;y;z\n1;2;3\n".to_vec()).unwrap();
        assert!(!table.has_header);
        assert_eq!(table.headers, generated_headers(3));
        assert_eq!(rows(table).len(), 2);
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(
            from_bytes(Vec::new()).unwrap_err().reason,
            Reason::EmptyFile
        );
        assert_eq!(
            from_bytes(b"\r\n\n".to_vec()).unwrap_err().reason,
            Reason::EmptyFile
        );
        assert_eq!(
            from_bytes(b"\xEF\xBB\xBF".to_vec()).unwrap_err().reason,
            Reason::EmptyFile
        );
    }

    #[test]
    fn an_unclosed_quote_stops_at_the_record_limit() {
        let mut text = b"Name,Notes\nA,\"never closed\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_RECORD_BYTES + 10));
        let table = from_bytes(text).unwrap();
        let results: Vec<_> = table.rows.collect();
        assert_eq!(results.len(), 1);
        let err = results[0].as_ref().unwrap_err();
        assert!(err.message.contains("record 1"), "{}", err.message);
    }
}
