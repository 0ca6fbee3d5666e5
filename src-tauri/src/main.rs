// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Imports allocate and free millions of small values on several threads at once: in a profile
/// of a million-row import, the system allocator took a sixth of the processor time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: first thing in main, before any thread exists or anything has touched SQLite.
    // When it cannot apply, SQLite keeps its own allocator, which works, only slower.
    #[allow(unsafe_code)]
    let _ = unsafe { rapport_core::sqlite_memory::use_mimalloc() };
    rapport_app::run();
}
