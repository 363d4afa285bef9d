//! `--format github`: GitHub Actions workflow commands, one annotation per finding.

use super::{FileReport, Severity, Summary};

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for f in r.active() {
            let (line, col) = r.line_col(f.primary.span);
            let (end_line, end_col) = r.end_line_col(f.primary.span);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = f.message.clone();
            if let Some(h) = &f.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            out.push_str(&format!(
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                escape_property(&r.display_path()),
                escape_property(&format!("{} {}", f.code, f.name)),
                escape_data(&message)
            ));
        }
    }
    out.push_str(&Summary::of(reports).line());
    out.push('\n');
    out
}
