//! Test tooling for the end-to-end suite: edits one audit event behind Rapport's back, as
//! someone holding the database key could, so the tests can check that the app names it.
//! Usage: `tamper_audit DB SEQ` (the key comes from the keychain, like the app's).

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(seq)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: tamper_audit DB SEQ");
    };
    let db = std::path::PathBuf::from(db);
    let seq: i64 = seq.parse()?;
    let key = rapport_core::keychain::load_database_key(&db)?
        .ok_or_else(|| anyhow::anyhow!("no key for {} in the keychain", db.display()))?;
    let connection = rusqlite::Connection::open(&db)?;
    connection.execute_batch(&format!(
        "PRAGMA key = {};",
        key.sqlcipher_pragma().as_str()
    ))?;
    connection.execute_batch("DROP TRIGGER IF EXISTS audit_events_append_only_update;")?;
    let changed = connection.execute(
        "UPDATE audit_events SET username = 'mallory' WHERE seq = ?1",
        [seq],
    )?;
    anyhow::ensure!(changed == 1, "there is no audit event {seq}");
    println!("audit event {seq} now names mallory");
    Ok(())
}
