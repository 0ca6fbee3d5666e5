//! Domain types shared by the store, the shell and the CLI. Wire names are camelCase fields and
//! snake_case enum values; ids are strings on the wire.

mod contact;
mod dashboard;
mod duplicates;
mod engagement;
mod enums;
mod input;
mod list;
mod organisation;
mod relationship;
mod report;

pub use contact::*;
pub use dashboard::*;
pub use duplicates::*;
pub use engagement::*;
pub use enums::*;
pub use input::*;
pub use list::*;
pub use organisation::*;
pub use relationship::*;
pub use report::*;

use crate::error::{CoreError, CoreResult};

/// Parses a wire id. An id that cannot exist answers `not_found`, like an id that no longer does.
pub fn parse_id(entity: &'static str, id: &str) -> CoreResult<i64> {
    id.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| CoreError::not_found(entity, id))
}

/// Birthdays without a year (an imported "--MM-DD") are stored in this leap year, as other
/// address books do, so 29 February survives; readers leave the year out.
pub const NO_YEAR: i32 = 1604;

/// A contact's human reference number, e.g. `C-000123`.
pub fn contact_reference(id: i64) -> String {
    format!("C-{id:06}")
}
