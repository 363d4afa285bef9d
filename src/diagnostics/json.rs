//! `--format json`: a stable, documented structure (see README, "JSON output").
//!
//! ```json
//! { "version": 1,
//!   "files": [ { "path": "examples/org/east-china.plan.yaml",
//!                "findings": [ { "code": "P101", "name": "breakdown-sum", "severity": "error",
//!                                "message": "…", "line": 40, "column": 12,
//!                                "end_line": 40, "end_column": 19,
//!                                "labels": [ { "message": "…", "path": "…", "line": 44, "column": 30, … } ],
//!                                "help": "…", "suppressed": null,
//!                                "omitted": 12000,   (only on a code's "left out" finding)
//!                                "fix": { "safety": "safe", "message": "…",
//!                                         "edits": [ { "start": 512, "end": 519, "line": 40, … ,
//!                                                      "replacement": "…" } ] } } ] } ],
//!   "summary": { "files": 1, "errors": 1, "warnings": 0, "suppressed": 0, "fixable": 1 } }
//! ```
//! Lines and columns are 1-based; columns count Unicode characters. A label's `path` is
//! the file it points into: another plan for the other side of a cross-file finding.

use serde_json::{json, Value};

use super::{FileReport, Label, Summary};

fn label(report: &FileReport, l: &Label) -> Value {
    let (path, (line, column), (end_line, end_column)) = report.locate(l);
    json!({
        "message": l.message,
        "path": path,
        "line": line, "column": column,
        "end_line": end_line, "end_column": end_column,
    })
}

/// `{ "safety": "safe", "message": "…", "edits": [ { "start": 10, "end": 17,
/// "line": 3, "column": 5, "end_line": 3, "end_column": 12, "replacement": "…" } ] }`;
/// `start`/`end` are byte offsets into the file as decoded (no BOM).
fn fix(report: &FileReport, x: &super::Fix) -> Value {
    let edits: Vec<Value> = x
        .edits
        .iter()
        .map(|e| {
            let (line, column) = report.line_col(e.span);
            let (end_line, end_column) = report.end_line_col(e.span);
            json!({
                "start": e.span.start, "end": e.span.end,
                "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "replacement": e.replacement,
            })
        })
        .collect();
    json!({ "safety": x.safety.as_str(), "message": x.message, "edits": edits })
}

pub fn render(reports: &[FileReport], show_suppressed: bool) -> String {
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
            let findings: Vec<Value> = r
                .findings
                .iter()
                .filter(|f| show_suppressed || f.suppressed.is_none())
                .map(|f| {
                    let (line, column) = r.line_col(f.primary.span);
                    let (end_line, end_column) = r.end_line_col(f.primary.span);
                    let mut finding = json!({
                        "code": f.code,
                        "name": f.name,
                        "severity": f.severity.as_str(),
                        "message": f.message,
                        "line": line, "column": column,
                        "end_line": end_line, "end_column": end_column,
                        "label": f.primary.message,
                        "labels": f.secondary.iter().map(|l| label(r, l)).collect::<Vec<_>>(),
                        "help": f.help,
                        "suppressed": f.suppressed.as_ref().map(|reason| json!({ "reason": reason })),
                        "fix": f.fix.as_ref().map(|x| fix(r, x)),
                    });
                    // The finding that stands for those of its code past the cap says how
                    // many it stands for.
                    if f.omitted > 0 {
                        finding["omitted"] = json!(f.omitted);
                    }
                    finding
                })
                .collect();
            json!({ "path": r.display_path(), "findings": findings })
        })
        .collect();
    let out = json!({
        "version": 1,
        "tool": { "name": "planc", "version": env!("CARGO_PKG_VERSION") },
        "files": files,
        "summary": Summary::of(reports),
    });
    let mut s = serde_json::to_string_pretty(&out).expect("JSON output serializes");
    s.push('\n');
    s
}
