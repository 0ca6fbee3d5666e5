//! Every input that ever crashed a fuzz target, and the fixtures the fuzzing starts from, replayed
//! through all three readers as ordinary tests (cargo-fuzz needs a nightly compiler; these run
//! everywhere). An input that panics fails here; one that aborts the process fails the run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use rapport_import::fuzzing;

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = files(&root.join("fuzz/regressions").join(target));
    inputs.extend(files(&root.join("../../../tests/fixtures")));
    inputs.extend(files(&root.join("../../../tests/fixtures/own")));
    for input in &inputs {
        let bytes = std::fs::read(input).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{target} panicked on {}", input.display());
    }
    inputs.len()
}

#[test]
fn the_delimited_reader_survives_its_corpus() {
    assert!(replay("delimited", fuzzing::delimited) > 40);
}

#[test]
fn the_vcard_reader_survives_its_corpus() {
    assert!(replay("vcard", fuzzing::vcard) > 40);
}

#[test]
fn the_spreadsheet_reader_survives_its_corpus() {
    assert!(replay("spreadsheet", fuzzing::spreadsheet) > 40);
}
