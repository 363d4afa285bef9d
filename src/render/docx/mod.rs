//! DOCX.
use super::labels::Labels;
use super::view::Report;
use super::RenderError;

pub fn render(_report: &Report, _l: &Labels) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::Docx("todo".into()))
}
