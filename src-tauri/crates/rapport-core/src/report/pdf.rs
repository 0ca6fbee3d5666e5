// Placeholder until the PDF renderer lands.
use crate::error::{CoreError, CoreResult};
use crate::model::Report;
pub fn render(_report: &Report) -> CoreResult<Vec<u8>> {
    Err(CoreError::invalid("format", "PDF is not available yet."))
}
