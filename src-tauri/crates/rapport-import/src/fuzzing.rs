//! What the fuzz targets (`fuzz/`) run, and what `tests/fuzz_corpus.rs` replays from every crash
//! they found: arbitrary bytes read the way an import reads a file.
//! Each must return, whatever the bytes: an error is fine, a panic or an abort is the bug.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::mapping;
use crate::table::Table;

/// Rows read per input: enough to reach every reader state, bounded so each run is quick.
const ROWS: usize = 2_000;

fn drain(table: Table) {
    let mapped = mapping::auto(&table.headers, table.has_header, &[]);
    for row in table.rows.take(ROWS) {
        let Ok(row) = row else { break };
        // The import maps only rows as wide as the header; the others are rejected.
        if row.cells.len() == table.headers.len() {
            let _ = mapping::apply(&mapped, &table.headers, &row.cells);
        }
    }
}

/// CSV and TSV: encoding and delimiter detection, the row parser and the mapping.
pub fn delimited(data: &[u8]) {
    if let Ok(table) = crate::delimited::from_bytes(data.to_vec()) {
        drain(table);
    }
}

/// vCard files.
pub fn vcard(data: &[u8]) {
    let _ = crate::vcard::read(data);
}

/// Workbooks: the bytes as an `.xlsx`, an `.ods` and an `.xls` file, through the same
/// detection and checks as an import.
pub fn spreadsheet(data: &[u8]) {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    for extension in ["xlsx", "ods", "xls"] {
        let path: PathBuf = std::env::temp_dir().join(format!(
            "rapport-fuzz-{}-{}.{extension}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        if std::fs::write(&path, data).is_err() {
            return;
        }
        if let Ok(crate::Opened::Table(table)) = crate::open(&path, None) {
            drain(table);
        }
        let _ = std::fs::remove_file(&path);
    }
}
