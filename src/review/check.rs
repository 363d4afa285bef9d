//! `planc check` for reviews and actuals: each `kind: review` file is checked with its
//! plan and actuals (the actuals' findings go to the actuals files); every other actuals
//! file is checked against the plan it names (`plan:` in YAML) or its file name starts
//! with, among the plans checked with it and those in its folder and the folder above.

use std::path::{Path, PathBuf};

use super::session::{self, plan_id, plans_in, Request};
use crate::actuals::{codes, is_actuals_file};
use crate::config::Config;
use crate::diagnostics::{FileReport, Finding};
use crate::source::Span;

/// A report to fill in later, for an actuals file found by `planc check`.
pub fn placeholder(path: &Path) -> FileReport {
    FileReport {
        path: path.to_path_buf(),
        source: None,
        findings: Vec::new(),
    }
}

/// Does this plan text hold a `kind: review`? (Scanned without loading it; the caller
/// already has the bytes, so no file is read twice.)
pub fn is_review_text(bytes: &[u8]) -> bool {
    // Fast reject: almost every file has no "review" at all.
    if !bytes.windows(6).any(|w| w == b"review") {
        return false;
    }
    String::from_utf8_lossy(bytes).lines().any(|l| {
        l.strip_prefix("kind:").is_some_and(|v| {
            v.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\''])
                == "review"
        })
    })
}

/// Fills in the reports of actuals files and adds review findings to review files.
/// `reports[i]` is the report of `files[i]`; `reviews[i]` says whether it is a review.
pub fn extend(files: &[PathBuf], reports: &mut Vec<FileReport>, reviews: &[bool], config: &Config) {
    let index_of = |p: &Path| files.iter().position(|f| same(f, p));
    let mut covered = vec![false; files.len()];
    for (i, f) in files.iter().enumerate() {
        if is_actuals_file(f) || !reviews.get(i).copied().unwrap_or(false) {
            continue;
        }
        let out = session::run(
            &Request {
                path: f,
                actuals: &[],
                as_of: None,
                config,
                report_missing: true,
            },
            true,
        );
        let mut it = out.reports.into_iter();
        if let Some(r) = it.next() {
            reports[i] = r;
        }
        for r in it {
            if is_actuals_file(&r.path) || out.actuals_paths.iter().any(|a| same(a, &r.path)) {
                match index_of(&r.path) {
                    Some(j) => {
                        covered[j] = true;
                        reports[j] = r;
                    }
                    // Outside the checked paths: shown when it has something to say.
                    None if !r.findings.is_empty() => reports.push(r),
                    None => {}
                }
            }
        }
    }
    let run_plans: Vec<(PathBuf, String)> = files
        .iter()
        .filter(|f| crate::check::is_plan_file(f))
        .filter_map(|f| Some((f.clone(), plan_id(f)?)))
        .collect();
    for (i, f) in files.iter().enumerate() {
        if !is_actuals_file(f) || covered[i] {
            continue;
        }
        reports[i] = standalone(f, &run_plans, config);
    }
}

fn same(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

/// Checks an actuals file against the plan it belongs to.
fn standalone(path: &Path, run_plans: &[(PathBuf, String)], config: &Config) -> FileReport {
    let file = crate::actuals::load_path(path);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut candidates: Vec<(PathBuf, String)> = run_plans.to_vec();
    candidates.extend(plans_in([
        dir.clone(),
        dir.parent().map(Path::to_path_buf).unwrap_or_default(),
    ]));
    let plan = match &file.plan {
        Some(id) => candidates
            .iter()
            .find(|(_, pid)| pid == id.as_str())
            .map(|(p, _)| p.clone()),
        None => {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split(".actuals.").next().unwrap_or(name);
            candidates
                .iter()
                .filter(|(_, id)| {
                    stem.strip_prefix(id.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
                })
                .max_by_key(|(_, id)| id.len())
                .map(|(p, _)| p.clone())
        }
    };
    let Some(plan) = plan else {
        let mut report = file.into_report();
        let (span, message, help) = match crate::actuals::load_path(path).plan {
            Some(id) => (
                id.span,
                format!("cannot find plan `{}` for these actuals", id.value),
                "check it with the plan: `planc check` on the folder that holds both, or `planc review PLAN --actuals FILE`".to_owned(),
            ),
            None => (
                Span::default(),
                format!(
                    "cannot tell which plan {} belongs to",
                    crate::source::display_path(path)
                ),
                "name the file after its plan (`<plan-id>.actuals.csv`), or add `plan: <id>` to a YAML actuals file".to_owned(),
            ),
        };
        report.findings.insert(
            0,
            Finding::new(&codes::PLAN_NOT_FOUND, span, message).help(help),
        );
        return report;
    };
    let out = session::run(
        &Request {
            path: &plan,
            actuals: &[path.to_path_buf()],
            as_of: None,
            config,
            report_missing: false,
        },
        true,
    );
    out.reports
        .into_iter()
        .rev()
        .find(|r| same(&r.path, path))
        .unwrap_or_else(|| placeholder(path))
}
