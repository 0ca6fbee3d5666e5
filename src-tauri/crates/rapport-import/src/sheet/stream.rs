//! Rows produced on a reader thread and handed over through a small bounded channel, so a
//! sheet is read lazily although calamine's streaming reader borrows its workbook (a borrow
//! that cannot live inside a `Table`). The thread stops as soon as the table is dropped.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use super::guard::{unsafe_file, unsupported, MAX_COLUMNS, MAX_ROW_BYTES};
use crate::fields::FileError;

/// Rows in flight between the reader thread and the table's consumer.
const CHANNEL_ROWS: usize = 16;

/// One sheet row as read: its zero-based row number and its cells from column A, trailing
/// empty cells trimmed. Rows with nothing in them are not sent.
#[derive(Debug)]
pub(crate) struct RawRow {
    pub index: u64,
    pub cells: Vec<String>,
}

enum Msg {
    Row(RawRow),
    Fail(FileError),
    Done,
}

pub(crate) struct Sink {
    tx: SyncSender<Msg>,
}

impl Sink {
    /// Hands a row over; false when the table was dropped and reading should stop.
    pub fn send(&self, row: RawRow) -> bool {
        self.tx.send(Msg::Row(row)).is_ok()
    }
}

pub(crate) struct Source {
    rx: Receiver<Msg>,
    finished: bool,
}

impl Iterator for Source {
    type Item = Result<RawRow, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        match self.rx.recv() {
            Ok(Msg::Row(row)) => Some(Ok(row)),
            Ok(Msg::Done) => {
                self.finished = true;
                None
            }
            Ok(Msg::Fail(e)) => {
                self.finished = true;
                Some(Err(e))
            }
            Err(_) => {
                self.finished = true;
                Some(Err(unsupported(
                    "The spreadsheet could not be read: its reader stopped unexpectedly.",
                )))
            }
        }
    }
}

/// Runs `read` on its own thread; its rows, then its error if any, come out of the source.
/// A panic in the parser becomes an error of this file instead of taking the app down.
pub(crate) fn spawn<F>(read: F) -> Result<Source, FileError>
where
    F: FnOnce(&Sink) -> Result<(), FileError> + Send + 'static,
{
    let (tx, rx) = sync_channel(CHANNEL_ROWS);
    std::thread::Builder::new()
        .name("rapport-sheet-reader".into())
        .spawn(move || {
            let sink = Sink { tx };
            let msg = match catch_unwind(AssertUnwindSafe(|| read(&sink))) {
                Ok(Ok(())) => Msg::Done,
                Ok(Err(e)) => Msg::Fail(e),
                Err(_) => Msg::Fail(unsupported(
                    "The spreadsheet could not be read: it is damaged or uses a structure the reader \
                     does not handle.",
                )),
            };
            let _ = sink.tx.send(msg);
        })
        .map_err(|e| FileError::io(&e))?;
    Ok(Source {
        rx,
        finished: false,
    })
}

/// Gathers cells arriving in sheet order into rows.
#[derive(Default)]
pub(crate) struct RowAssembler {
    current: Option<RawRow>,
    bytes: usize,
}

impl RowAssembler {
    /// Places a non-empty cell; returns the previous row when this cell starts a new one.
    pub fn put(&mut self, row: u64, col: u64, text: String) -> Result<Option<RawRow>, FileError> {
        if col >= MAX_COLUMNS {
            return Err(unsafe_file(format!(
                "The workbook was refused: row {} has a value in column {}, beyond the limit of \
                 {MAX_COLUMNS} columns.",
                row + 1,
                col + 1
            )));
        }
        let done = match &self.current {
            Some(current) if current.index == row => None,
            _ => {
                self.bytes = 0;
                self.current
                    .replace(RawRow {
                        index: row,
                        cells: Vec::new(),
                    })
                    .map(finish)
            }
        };
        let Some(current) = self.current.as_mut() else {
            return Ok(done);
        };
        let col = col as usize;
        if current.cells.len() <= col {
            current.cells.resize(col + 1, String::new());
        }
        self.bytes = self.bytes.saturating_add(text.len());
        if self.bytes > MAX_ROW_BYTES {
            return Err(unsafe_file(format!(
                "The workbook was refused: row {} holds more than {} MB of text.",
                row + 1,
                MAX_ROW_BYTES / (1024 * 1024)
            )));
        }
        current.cells[col] = text;
        Ok(done)
    }

    pub fn finish(&mut self) -> Option<RawRow> {
        self.current.take().map(finish)
    }
}

fn finish(mut row: RawRow) -> RawRow {
    while row.cells.last().is_some_and(|c| c.is_empty()) {
        row.cells.pop();
    }
    row
}
