// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Imports allocate and free millions of small values on several threads at once: in a profile
/// of a million-row import, the system allocator took a sixth of the processor time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    rapport_app::run();
}
