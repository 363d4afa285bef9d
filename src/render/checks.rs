//! The validation record (校验记录): which rules ran over the plan, what they found,
//! which findings were accepted and why, and which file (by sha256) was checked.

use super::build::drop_empty_columns;
use super::labels::Labels;
use super::view::{Body, Cell, Column, Figure, Row, Table};
use crate::config::Config;
use crate::diagnostics::{FileReport, Severity};

/// What the checks found for one plan file.
pub struct Record<'a> {
    /// The file name shown in the report.
    pub source: &'a str,
    pub sha256: &'a str,
    pub report: &'a FileReport,
    pub config: &'a Config,
}

/// How much of the validation record a report carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Appendix {
    /// One paragraph in the reader's language (rules run, errors, warnings, accepted
    /// exceptions) and the accepted exceptions with their reasons.
    #[default]
    Short,
    /// Also the generator, file name, SHA-256 and every rule that ran with its result.
    Full,
}

pub fn body(rec: &Record, l: &Labels, appendix: Appendix) -> Body {
    let version = env!("CARGO_PKG_VERSION");
    let findings = &rec.report.findings;
    let active = |sev: Severity| {
        findings
            .iter()
            .filter(|f| f.suppressed.is_none() && f.severity == sev)
            .count()
    };
    let (errors, warnings) = (active(Severity::Error), active(Severity::Warning));
    let suppressed: Vec<_> = findings.iter().filter(|f| f.suppressed.is_some()).collect();
    let n = |x: usize| x.to_string();
    let summary = l.fmt(
        "checks.summary",
        &[
            ("errors", &n(errors)),
            ("warnings", &n(warnings)),
            ("suppressed", &n(suppressed.len())),
        ],
    );
    let figures = vec![
        Figure {
            label: l.get("checks.generator"),
            value: format!("planc {version}"),
            note: None,
        },
        Figure {
            label: l.get("checks.file"),
            value: rec.source.to_owned(),
            note: None,
        },
        Figure {
            label: l.get("checks.sha256"),
            value: rec.sha256.to_owned(),
            note: None,
        },
        Figure {
            label: l.get("checks.result"),
            value: summary,
            note: None,
        },
    ];

    let col = |key: &str, align: &'static str, weight: u8| Column {
        label: l.get(&format!("col.{key}")),
        align,
        weight,
        ..Default::default()
    };
    let cell = |s: String| Cell { text: s, md: false };
    let mut rules = Table {
        columns: vec![
            col("code", "left", 1),
            col("rule", "left", 2),
            col("checks", "left", 6),
            col("result", "left", 2),
        ],
        ..Table::default()
    };
    let mut passed = 0;
    // The rules that ran over a plan: the loader's and the semantic ones, plus any
    // other rule (e.g. of a review) that reported something.
    let mut ran: Vec<&crate::rules::RuleInfo> = crate::rules::builtin::ALL
        .iter()
        .copied()
        .chain(crate::rules::RULES.iter().map(|(r, _)| *r))
        .collect();
    for f in findings {
        if !ran.iter().any(|r| r.code == f.code) {
            if let Some(r) = crate::rules::lookup(f.code) {
                ran.push(r);
            }
        }
    }
    for info in &ran {
        let mine = || findings.iter().filter(|f| f.code == info.code);
        let is_builtin = crate::rules::builtin::ALL
            .iter()
            .any(|b| b.code == info.code);
        let enabled = is_builtin || rec.config.severity(info.code, info.severity).is_some();
        let e = mine()
            .filter(|f| f.suppressed.is_none() && f.severity == Severity::Error)
            .count();
        let w = mine()
            .filter(|f| f.suppressed.is_none() && f.severity == Severity::Warning)
            .count();
        let s = mine().filter(|f| f.suppressed.is_some()).count();
        let mut result = Vec::new();
        if !enabled {
            result.push(l.get("checks.off"));
        }
        if e > 0 {
            result.push(l.fmt("checks.n_errors", &[("n", &n(e))]));
        }
        if w > 0 {
            result.push(l.fmt("checks.n_warnings", &[("n", &n(w))]));
        }
        if s > 0 {
            result.push(l.fmt("checks.n_suppressed", &[("n", &n(s))]));
        }
        if result.is_empty() {
            passed += 1;
            result.push(l.get("checks.passed"));
        }
        let summary = l
            .opt(&format!("rule.{}", info.code))
            .map(str::to_owned)
            .unwrap_or_else(|| info.summary.trim().to_owned());
        rules.rows.push(Row {
            cells: vec![
                cell(info.code.to_owned()),
                cell(info.name.to_owned()),
                cell(summary),
                cell(result.join(l.opt("doc.sep").unwrap_or(", "))),
            ],
            kind: "body",
            depth: 0,
        });
    }

    let location = |span| {
        let (line, _) = rec.report.line_col(span);
        l.fmt("checks.line", &[("n", &n(line))])
    };
    let full = appendix == Appendix::Full;
    let suppressed_table = (!suppressed.is_empty()).then(|| {
        let mut t = Table {
            columns: if full {
                vec![
                    col("code", "left", 1),
                    col("finding", "left", 5),
                    col("reason", "left", 4),
                    col("location", "left", 1),
                ]
            } else {
                // Readers get the finding and the reason in their language, no rule codes.
                vec![col("finding", "left", 5), col("reason", "left", 4)]
            },
            ..Table::default()
        };
        for f in &suppressed {
            let mut cells = vec![
                cell(f.message.clone()),
                cell(f.suppressed.clone().unwrap_or_default()),
            ];
            if full {
                cells.insert(0, cell(format!("{} {}", f.code, f.name)));
                cells.push(cell(location(f.primary.span)));
            }
            t.rows.push(Row {
                cells,
                kind: "body",
                depth: 0,
            });
        }
        t
    });
    let open: Vec<_> = findings.iter().filter(|f| f.suppressed.is_none()).collect();
    let findings_table = (!open.is_empty()).then(|| {
        let mut t = Table {
            columns: vec![
                col("severity", "left", 1),
                col("code", "left", 1),
                col("finding", "left", 7),
                col("location", "left", 1),
            ],
            ..Table::default()
        };
        for f in &open {
            let sev = match f.severity {
                Severity::Error => l.get("checks.error"),
                Severity::Warning => l.get("checks.warning"),
            };
            t.rows.push(Row {
                cells: vec![
                    cell(sev),
                    cell(format!("{} {}", f.code, f.name)),
                    cell(f.message.clone()),
                    cell(location(f.primary.span)),
                ],
                kind: "body",
                depth: 0,
            });
        }
        drop_empty_columns(&mut t, 3);
        t
    });
    if !full {
        let key = if errors > 0 {
            "checks.short_errors"
        } else {
            "checks.short"
        };
        let see = if suppressed.is_empty() && open.is_empty() {
            String::new()
        } else {
            l.get("checks.see_below")
        };
        let intro = l.fmt(
            key,
            &[
                ("rules", &n(ran.len())),
                ("errors", &n(errors)),
                ("warnings", &n(warnings)),
                ("suppressed", &n(suppressed.len())),
                ("see", &see),
            ],
        );
        return Body::Checks {
            intro,
            figures: Vec::new(),
            rules: Table::default(),
            suppressed: suppressed_table,
            findings: findings_table,
            full,
        };
    }
    Body::Checks {
        intro: l.fmt(
            "checks.intro",
            &[
                ("version", version),
                ("rules", &n(ran.len())),
                ("passed", &n(passed)),
            ],
        ),
        figures,
        rules,
        suppressed: suppressed_table,
        findings: findings_table,
        full,
    }
}
