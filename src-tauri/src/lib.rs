//! Rapport's desktop shell: opens the database, registers the typed commands and shows the
//! window. Every rule lives in `rapport-core`.

pub mod commands;
pub mod error;
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
            commands::app_info,
            commands::list_contacts,
            commands::count_contacts,
            commands::get_contact,
            commands::list_territories,
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
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let args: Vec<String> = std::env::args().collect();
            let path = state::database_path(&args, app.path().app_data_dir().ok());
            let state = tauri::async_runtime::block_on(AppState::open(&path));
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Ok(ready) = app.state::<AppState>().ready() {
                    tauri::async_runtime::block_on(ready.db.clone().close());
                }
            }
        }),
        Err(error) => {
            tracing::error!(%error, "Rapport could not start");
            std::process::exit(1);
        }
    }
}
