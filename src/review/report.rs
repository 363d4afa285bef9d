//! The review as a report: Markdown, HTML or DOCX through `crate::render`.

use super::session::Outcome;
use crate::config::Config;

/// A report format of `planc review`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Docx,
}

pub fn render(_outcome: &Outcome, _format: Format, _config: &Config) -> Result<Vec<u8>, String> {
    Err("report formats arrive with the render module; use --format json".into())
}
