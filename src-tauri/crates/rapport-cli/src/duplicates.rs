//! `rapport duplicates`: the duplicate scan of every contact the user may see.

use std::sync::atomic::AtomicBool;

use rapport_core::access::Actor;
use rapport_core::contact::duplicate_scan;
use rapport_core::model::{contact_reference, DuplicateScanOptions};
use rapport_core::Database;

use crate::emit;

pub async fn scan(
    db: &Database,
    actor: &Actor,
    min_score: Option<u32>,
    json: bool,
) -> anyhow::Result<()> {
    let mut options = DuplicateScanOptions::default();
    if let Some(min_score) = min_score {
        options.min_score = min_score.min(100);
    }
    let mut shown = false;
    let scan = duplicate_scan::scan(
        db,
        actor,
        options,
        &mut |p| {
            if !json && p.contacts_read >= 100_000 {
                shown = true;
                if p.pairs_total == 0 {
                    eprint!("\rreading contacts: {}", p.contacts_read);
                } else {
                    eprint!(
                        "\rcomparing pairs: {}/{}        ",
                        p.pairs_compared, p.pairs_total
                    );
                }
            }
        },
        &AtomicBool::new(false),
    )
    .await?;
    if shown {
        eprintln!();
    }
    if json {
        let report = serde_json::json!({
            "groups": scan.groups,
            "contactsScanned": scan.contacts_scanned,
        });
        emit(&report.to_string())?;
        return Ok(());
    }
    for group in &scan.groups {
        let contacts: Vec<String> = group
            .contacts
            .iter()
            .map(|id| match id.parse::<i64>() {
                Ok(n) => format!("{id} ({})", contact_reference(n)),
                Err(_) => id.clone(),
            })
            .collect();
        emit(&format!(
            "{:>3}  {}  {}",
            group.score,
            contacts.join(", "),
            group.reasons.join("; ")
        ))?;
    }
    eprintln!(
        "{} groups of likely duplicates among {} contacts ({} pairs compared)",
        scan.groups.len(),
        scan.contacts_scanned,
        scan.pairs_compared
    );
    Ok(())
}
