//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.

use serde_json::{json, Value};

use super::{FileReport, Severity};
use crate::rules::REGISTRY;
use crate::source::Span;

fn region(report: &FileReport, span: Span) -> Value {
    let (l, c) = report.line_col(span);
    let (el, ec) = report.end_line_col(span);
    if report.source.is_none() {
        return json!({ "startLine": 1 });
    }
    json!({ "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec.max(c) })
}

fn uri(report: &FileReport) -> String {
    uri_of(&report.display_path())
}

/// A SARIF artifact URI: a relative reference for a relative path (resolved against the
/// directory `planc` ran in), a `file://` URI for an absolute one — a relative reference
/// starting with `/` is invalid SARIF (SARIF1004) and code scanning cannot place it.
fn uri_of(path: &str) -> String {
    let encoded = encode_path(path);
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            seg.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn render(reports: &[FileReport]) -> String {
    let lang = crate::i18n::current();
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|r| {
            let summary = crate::i18n::rule_summary(lang, r);
            let doc = crate::i18n::rule_doc(lang, r);
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": summary },
                "help": { "text": doc, "markdown": doc },
                "defaultConfiguration": { "level": r.severity.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        for f in &r.findings {
            let rule_index = REGISTRY.iter().position(|x| x.code == f.code).unwrap_or(0);
            let mut text = f.message.clone();
            if let Some(h) = &f.help {
                text.push_str(&crate::t!("sarif-help", help = h.clone()));
            }
            let mut result = json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": match f.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(r) },
                        "region": region(r, f.primary.span),
                    }
                }],
            });
            if f.omitted > 0 {
                // How many findings of this code past the cap this result stands for.
                result["properties"] = json!({ "omitted": f.omitted });
            }
            if !f.secondary.is_empty() {
                result["relatedLocations"] = Value::Array(
                    f.secondary
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let (artifact, region) = match &l.file {
                                Some(file) => {
                                    let (sl, sc) = file.line_col(l.span.start);
                                    let (el, ec) = file.line_col(l.span.end);
                                    (uri_of(&file.name()), json!({ "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec.max(sc) }))
                                }
                                None => (uri(r), region(r, l.span)),
                            };
                            json!({
                                "id": i + 1,
                                "message": { "text": if l.message.is_empty() { crate::t!("sarif-related") } else { l.message.clone() } },
                                "physicalLocation": {
                                    "artifactLocation": { "uri": artifact },
                                    "region": region,
                                }
                            })
                        })
                        .collect(),
                );
            }
            // The edits of a fix, for tools that offer them (SARIF `fixes`); unsafe ones
            // are said to be so in the description.
            if let Some(x) = &f.fix {
                let description = match x.safety {
                    super::Safety::Safe => x.message.clone(),
                    super::Safety::Unsafe => format!("{} (--unsafe-fixes)", x.message),
                };
                let replacements: Vec<Value> = x
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": region(r, e.span),
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": description },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(r) },
                        "replacements": replacements,
                    }],
                }]);
            }
            if let Some(reason) = &f.suppressed {
                result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
            }
            results.push(result);
        }
    }
    let out = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "planc",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/planc/planc",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&out).expect("SARIF serializes");
    s.push('\n');
    s
}
