//! The committed TypeScript bindings must match the commands; `UPDATE_BINDINGS=1` rewrites them.

use std::path::Path;

#[test]
fn committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join(rapport_app::BINDINGS_PATH);
    let fresh = tempfile::NamedTempFile::new().expect("temp file");
    rapport_app::specta_builder()
        .export(rapport_app::typescript(), fresh.path())
        .expect("bindings export");
    let fresh_text = std::fs::read_to_string(fresh.path()).expect("read fresh bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh_text).expect("write bindings");
        return;
    }
    let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        committed_text == fresh_text,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p rapport-app --test bindings` and commit it",
        committed.display()
    );
}
