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

/// A relative link to a report: `/`-separated, every byte outside `A–Z a–z 0–9 - . _ ~`
/// percent-encoded, so it is safe in an HTML attribute and a Markdown link as it is.
pub fn href(path: &std::path::Path) -> String {
    let mut out = String::new();
    for (i, part) in path.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for b in part.as_os_str().to_string_lossy().bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
