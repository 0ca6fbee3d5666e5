//! Rapport's desktop shell: opens the database, registers the typed commands and shows the
//! window. Every rule lives in `rapport-core`.

pub mod commands;
mod dialog;
pub mod error;
pub mod files;
mod reminders;
pub mod state;

use tauri::Manager;
use tauri_specta::{collect_commands, Builder};

use crate::state::AppState;

/// Where the generated TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/ipc/bindings.ts";

/// The typed command set; also used by the binding-drift test.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(collect_commands![
            commands::session::app_info,
            commands::session::create_demo_database,
            commands::session::create_organisation_database,
            commands::session::restore_access,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::lock_session,
            commands::session::unlock_session,
            commands::session::report_activity,
            commands::contacts::list_contacts,
            commands::contacts::count_contacts,
            commands::contacts::get_contact,
            commands::contacts::contact_history,
            commands::contacts::list_territories,
            commands::lifecycle::check_contact,
            commands::lifecycle::create_contact,
            commands::lifecycle::update_contact,
            commands::lifecycle::search_sites,
            commands::lifecycle::list_owners,
            commands::lifecycle::get_contact_policy,
            commands::lifecycle::save_contact_policy,
            commands::lifecycle::load_contact_draft,
            commands::lifecycle::save_contact_draft,
            commands::lifecycle::discard_contact_draft,
            commands::lifecycle::list_saved_views,
            commands::lifecycle::save_view,
            commands::lifecycle::delete_view,
            commands::lifecycle::deactivate_contact,
            commands::lifecycle::archive_contact,
            commands::lifecycle::reactivate_contact,
            commands::lifecycle::verify_contact,
            commands::lifecycle::set_primary_contact,
            commands::lifecycle::list_erasure_due,
            commands::lifecycle::export_person,
            commands::lifecycle::erase_person,
            commands::lifecycle::count_bulk_selection,
            commands::lifecycle::run_bulk_action,
            commands::lifecycle::cancel_bulk_action,
            commands::export::export_contacts,
            commands::export::cancel_export,
            commands::import::watch_file_drops,
            commands::import::pick_import_files,
            commands::import::import_fields,
            commands::import::preview_import,
            commands::import::run_import,
            commands::import::cancel_import,
            commands::import::get_import_policy,
            commands::import::save_import_policy,
            commands::import::list_imports,
            commands::import::undo_import,
            commands::admin::list_users,
            commands::admin::save_user,
            commands::admin::reset_user_password,
            commands::admin::reset_user_totp,
            commands::admin::unlock_user,
            commands::admin::get_security_policy,
            commands::admin::save_security_policy,
            commands::admin::change_own_password,
            commands::admin::set_own_time_zone,
            commands::admin::begin_totp_enrolment,
            commands::admin::confirm_totp_enrolment,
            commands::admin::list_regions,
            commands::admin::save_region,
            commands::admin::save_territory,
            commands::admin::list_accounts,
            commands::admin::save_account,
            commands::admin::list_sites,
            commands::admin::save_site,
            commands::admin::list_backups,
            commands::admin::create_backup,
            commands::admin::restore_backup,
            commands::admin::show_recovery_key,
            commands::audit::list_audit_events,
            commands::audit::verify_audit,
            commands::engagement::interaction_consent,
            commands::engagement::log_interaction,
            commands::engagement::get_interaction,
            commands::engagement::update_interaction,
            commands::engagement::delete_interaction,
            commands::engagement::contact_timeline,
            commands::engagement::account_timeline,
            commands::engagement::create_follow_up,
            commands::engagement::change_follow_up,
            commands::engagement::reassign_follow_up,
            commands::engagement::my_follow_ups,
            commands::engagement::overdue_follow_ups,
            commands::engagement::contact_follow_ups,
            commands::engagement::follow_up_counts,
            commands::engagement::get_cadence,
            commands::engagement::set_cadence,
            commands::engagement::remove_cadence,
            commands::engagement::cadence_queue,
            commands::engagement::get_escalation_policy,
            commands::engagement::save_escalation_policy,
            commands::engagement::escalation_queue,
            commands::engagement::non_responsive_contacts,
            commands::engagement::resolve_escalation,
            commands::engagement::engagement_metrics,
            commands::dashboard::dashboard,
            commands::report::report,
            commands::report::export_report,
            commands::report::review_queue,
            commands::report::queue_assignees,
            commands::report::assign_queue,
            commands::relationships::list_map_accounts,
            commands::relationships::account_map,
            commands::relationships::contact_network,
            commands::relationships::account_network,
            commands::duplicates::scan_duplicates,
            commands::duplicates::cancel_duplicate_scan,
            commands::duplicates::contact_rows,
            commands::duplicates::merge_preview,
            commands::duplicates::merge_contacts,
            commands::duplicates::unmerge_contacts,
            commands::duplicates::recent_merges,
            commands::relationships::contact_relationships,
            commands::relationships::set_reports_to,
            commands::relationships::add_relationship,
            commands::relationships::remove_relationship,
            commands::relationships::undo_relationship_change,
            commands::relationships::relationship_kinds,
            commands::relationships::save_relationship_kind,
            commands::relationships::save_map_group,
            commands::relationships::delete_map_group,
            commands::relationships::save_communication_flow,
            commands::relationships::delete_communication_flow,
            commands::relationships::save_map_image,
        ])
}

/// The TypeScript exporter settings shared by the app and the drift test.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Regenerate with: UPDATE_BINDINGS=1 cargo test -p rapport-app --test bindings\n")
}

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RAPPORT_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    // Phone metadata takes ~0.1 s to load; do it while the window opens.
    std::thread::spawn(rapport_core::phone::warm_up);

    let builder = specta_builder();
    let handler = builder.invoke_handler();
    #[cfg(feature = "e2e")]
    let handler = {
        let test_only: fn(tauri::ipc::Invoke) -> bool = tauri::generate_handler![
            commands::e2e::e2e_drop_files,
            commands::e2e::e2e_answer_file_dialog,
            commands::e2e::e2e_raise_reminders,
            commands::e2e::e2e_plant_large_account,
        ];
        move |invoke: tauri::ipc::Invoke| {
            if invoke.message.command().starts_with("e2e_") {
                test_only(invoke)
            } else {
                handler(invoke)
            }
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(handler)
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drop) = event {
                files::on_drag_drop(window.app_handle(), drop);
            }
        })
        .setup(move |app| {
            builder.mount_events(app);
            #[cfg(feature = "e2e")]
            app.add_capability(include_str!("../e2e/capability.json"))?;
            let args: Vec<String> = std::env::args().collect();
            let path = state::database_path(&args, app.path().app_data_dir().ok());
            let state = tauri::async_runtime::block_on(AppState::start(path));
            app.manage(state);
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
                loop {
                    hourly.tick().await;
                    let state = handle.state::<AppState>();
                    commands::admin::scheduled_backups(&state).await;
                    commands::lifecycle::scheduled_archival(&state).await;
                    commands::engagement::scheduled_escalation(&state).await;
                }
            });
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let mut minutely = tokio::time::interval(std::time::Duration::from_secs(60));
                loop {
                    minutely.tick().await;
                    reminders::raise_due(&handle).await;
                }
            });
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                let state = app.state::<AppState>();
                tauri::async_runtime::block_on(async {
                    if let Ok(ready) = state.ready().await {
                        ready.db.close().await;
                    }
                });
            }
        }),
        Err(error) => {
            tracing::error!(%error, "Rapport could not start");
            std::process::exit(1);
        }
    }
}
