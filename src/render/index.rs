//! The index page of a directory of reports.

use serde::Serialize;

/// One plan of the directory.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub title: String,
    pub kind: String,
    pub status: String,
    pub owner: String,
    pub period: String,
    /// The report's path relative to the index; `None` when it was not rendered.
    pub href: Option<String>,
    /// The plan file, relative to the directory.
    pub source: String,
}
