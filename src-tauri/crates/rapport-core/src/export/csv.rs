//! CSV as RFC 4180 writes it: UTF-8 with a byte-order mark (so Excel reads non-Latin names
//! right), CRLF line ends, a cell quoted when it holds a comma, a quote or a line break, and
//! every cell guarded against formula injection (see [`super::neutralise`]).

use std::io::Write;

use super::columns::{Column, Kind};
use super::neutralise::csv_text;

pub(crate) struct CsvWriter<W: Write> {
    out: W,
    phone_columns: Vec<bool>,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the file: the byte-order mark and the header row.
    pub(crate) fn new(mut out: W, columns: &[Column]) -> std::io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = Self {
            out,
            phone_columns: columns.iter().map(|c| c.kind == Kind::Tel).collect(),
        };
        let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
        writer.record(&headers)?;
        Ok(writer)
    }

    /// Starts a file of rows with no single header (a report's tables): the byte-order mark
    /// only, and no phone columns.
    pub(crate) fn headless(mut out: W) -> std::io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        Ok(Self {
            out,
            phone_columns: Vec::new(),
        })
    }

    pub(crate) fn record(&mut self, cells: &[String]) -> std::io::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            let phone = self.phone_columns.get(i).copied().unwrap_or(false);
            let text = csv_text(cell, phone);
            if text.contains([',', '"', '\r', '\n']) {
                self.out.write_all(b"\"")?;
                self.out.write_all(text.replace('"', "\"\"").as_bytes())?;
                self.out.write_all(b"\"")?;
            } else {
                self.out.write_all(text.as_bytes())?;
            }
        }
        self.out.write_all(b"\r\n")
    }

    pub(crate) fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
