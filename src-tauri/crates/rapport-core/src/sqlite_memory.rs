//! SQLite's own allocations (pages, statements, records) go through mimalloc, and SQLite stops
//! keeping memory statistics.
//!
//! Why: in a profile of a million-row import the writer's SQLite thread spent about a fifth of
//! its time in the C library's `malloc` and `free`, and every allocation took SQLite's global
//! memory-statistics mutex, shared by the writer and the readers. The Rust side already
//! allocates with mimalloc (the binaries' global allocator), but SQLite's C code does not go
//! through it. Overriding `malloc` for the whole process would also reach the shared libraries
//! the desktop app loads (WebKitGTK, GLib), so SQLite is given mimalloc through its own
//! configuration interface instead, which is the same on every platform.
//!
//! SQLCipher wraps whatever allocator is configured (to wipe freed memory when its memory
//! security is on), so encryption is unaffected.

// The one place in the workspace that calls C: SQLite's configuration interface is C only.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_void};
use std::ptr::null_mut;

use libmimalloc_sys::{mi_free, mi_good_size, mi_malloc, mi_realloc, mi_usable_size};
use libsqlite3_sys as ffi;

/// How the process's SQLite ended up configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqliteMemory {
    /// SQLite allocates with mimalloc and keeps no memory statistics.
    Mimalloc,
    /// SQLite was already in use (or refused the settings): it keeps its defaults, which
    /// work, only slower.
    Default,
}

/// Gives SQLite mimalloc as its allocator and turns its memory statistics off (nothing in
/// Rapport reads them: no soft heap limit, no `sqlite3_memory_used`), then initialises SQLite.
///
/// # Safety
/// Call it before anything in the process uses SQLite, while no other thread can: SQLite's
/// configuration interface is not thread-safe. In practice, first thing in `main`. Called again,
/// or after SQLite is in use, it changes nothing and returns `Default`.
pub unsafe fn use_mimalloc() -> SqliteMemory {
    let methods = ffi::sqlite3_mem_methods {
        xMalloc: Some(malloc),
        xFree: Some(free),
        xRealloc: Some(realloc),
        xSize: Some(size),
        xRoundup: Some(roundup),
        xInit: Some(init),
        xShutdown: Some(shutdown),
        pAppData: null_mut(),
    };
    // SAFETY: the caller guarantees no other thread uses SQLite meanwhile. SQLite copies the
    // methods (the struct may go out of scope), and before initialisation it has allocated
    // nothing, so no block can reach the wrong allocator's `free`. Once initialised, SQLite
    // answers SQLITE_MISUSE and keeps what it has.
    unsafe {
        if ffi::sqlite3_config(ffi::SQLITE_CONFIG_MALLOC, &methods as *const _) != ffi::SQLITE_OK {
            return SqliteMemory::Default;
        }
        // Only after the allocator is ours: statistics off also removes the global mutex that
        // every allocation would otherwise take.
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
        if ffi::sqlite3_initialize() != ffi::SQLITE_OK {
            return SqliteMemory::Default;
        }
    }
    SqliteMemory::Mimalloc
}

// SQLite's contract for these callbacks: sizes are positive, `free` and `realloc` get only
// blocks that `malloc` or `realloc` returned (never null), and blocks must be 8-byte aligned
// (mimalloc aligns to 16 on 64-bit targets and to at least 8 elsewhere).

unsafe extern "C" fn malloc(n: c_int) -> *mut c_void {
    match usize::try_from(n) {
        // SAFETY: any size may be asked of mimalloc; it returns null when out of memory.
        Ok(n) => unsafe { mi_malloc(n) },
        Err(_) => null_mut(),
    }
}

unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: SQLite frees only blocks it got from `malloc`/`realloc` above.
    unsafe { mi_free(p) }
}

unsafe extern "C" fn realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    match usize::try_from(n) {
        // SAFETY: `p` is a block from mimalloc (see `free`).
        Ok(n) => unsafe { mi_realloc(p, n) },
        Err(_) => null_mut(),
    }
}

unsafe extern "C" fn size(p: *mut c_void) -> c_int {
    // SAFETY: `p` is a block from mimalloc (see `free`); its usable size fits the int SQLite
    // asked for, rounded up by at most mimalloc's size class.
    let usable = unsafe { mi_usable_size(p) };
    c_int::try_from(usable).unwrap_or(c_int::MAX)
}

unsafe extern "C" fn roundup(n: c_int) -> c_int {
    match usize::try_from(n) {
        // SAFETY: a pure function of the size.
        Ok(size) => c_int::try_from(unsafe { mi_good_size(size) }).unwrap_or(n),
        Err(_) => n,
    }
}

unsafe extern "C" fn init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn shutdown(_: *mut c_void) {}
