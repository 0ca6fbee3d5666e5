//! Every app command gets an `allow-<command>` permission; the main window's capability
//! (capabilities/default.json) grants exactly the ones it uses, so a command left out of the
//! capability cannot be invoked at all. `tests/hardening.rs` keeps this list, the capability
//! and the generated bindings in step.

const COMMANDS: &[&str] = &[
    "app_info",
    "create_demo_database",
    "create_organisation_database",
    "restore_access",
    "sign_in",
    "sign_out",
    "lock_session",
    "unlock_session",
    "report_activity",
    "list_contacts",
    "count_contacts",
    "get_contact",
    "contact_history",
    "list_territories",
    "check_contact",
    "create_contact",
    "update_contact",
    "search_sites",
    "list_owners",
    "get_contact_policy",
    "save_contact_policy",
    "load_contact_draft",
    "save_contact_draft",
    "discard_contact_draft",
    "list_saved_views",
    "save_view",
    "delete_view",
    "deactivate_contact",
    "archive_contact",
    "reactivate_contact",
    "verify_contact",
    "set_primary_contact",
    "list_erasure_due",
    "export_person",
    "erase_person",
    "count_bulk_selection",
    "run_bulk_action",
    "cancel_bulk_action",
    "list_users",
    "save_user",
    "reset_user_password",
    "reset_user_totp",
    "unlock_user",
    "get_security_policy",
    "save_security_policy",
    "change_own_password",
    "begin_totp_enrolment",
    "confirm_totp_enrolment",
    "list_regions",
    "save_region",
    "save_territory",
    "list_accounts",
    "save_account",
    "list_sites",
    "save_site",
    "list_backups",
    "create_backup",
    "restore_backup",
    "show_recovery_key",
    "list_audit_events",
    "verify_audit",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error={error:#}");
    }
}
