//! `planc check`: find plan files, check them in parallel, collect reports in order.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{FileReport, Finding};
use crate::rules::builtin;
use crate::source::Span;

/// Is this a plan file name (`*.plan.yaml` / `*.plan.yml`)?
pub fn is_plan_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".plan.yaml") || n.ends_with(".plan.yml"))
}

/// Expands the paths given on the command line into plan files, in a stable order.
/// Problems (missing paths, directories without plans) come back as reports.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    discover_with(
        paths,
        |p| is_plan_file(p) || crate::actuals::is_actuals_file(p),
        "*.plan.yaml",
    )
}

pub fn discover_with(
    paths: &[PathBuf],
    wanted: fn(&Path) -> bool,
    pattern: &str,
) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let problem = |path: &Path, message: String| FileReport {
        path: path.to_path_buf(),
        source: None,
        findings: vec![Finding::new(&builtin::IO, Span::default(), message)],
    };
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                problems.push(problem(
                    p,
                    format!(
                        "cannot read {}: {}",
                        crate::source::display_path(p),
                        crate::load::io_reason(&e)
                    ),
                ));
                continue;
            }
        };
        if meta.is_file() {
            files.push(p.clone());
            continue;
        }
        let before = files.len();
        let walker = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !(name.starts_with('.') || name == "target" || name == "node_modules")
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && wanted(e.path()) => {
                    files.push(e.path().to_path_buf())
                }
                Ok(_) => {}
                Err(e) => problems.push(problem(
                    e.path().unwrap_or(p),
                    format!(
                        "cannot read {}: {e}",
                        crate::source::display_path(e.path().unwrap_or(p))
                    ),
                )),
            }
        }
        if files.len() == before {
            problems.push(problem(
                p,
                format!(
                    "no {pattern} files under {}",
                    crate::source::display_path(p)
                ),
            ));
        }
    }
    files.dedup();
    (files, problems)
}

/// Checks files in parallel; reports come back in input order.
pub fn check_files(files: &[PathBuf], config: &Config) -> Vec<FileReport> {
    check_files_cached(files, config, None)
}

/// Like [`check_files`], skipping files the cache knows to be clean.
pub fn check_files_cached(
    files: &[PathBuf],
    config: &Config,
    cache: Option<&crate::cache::Cache>,
) -> Vec<FileReport> {
    let (mut reports, reviews): (Vec<FileReport>, Vec<bool>) = files
        .par_iter()
        .map(|f| {
            if crate::actuals::is_actuals_file(f) {
                return (crate::review::check::placeholder(f), false);
            }
            let bytes = match std::fs::read(f) {
                Ok(b) => b,
                Err(_) => return (crate::load::check_path(f, config), false),
            };
            let review = crate::review::check::is_review_text(&bytes);
            (check_one(f, bytes, config, cache), review)
        })
        .unzip();
    // Actuals files, and reviews with their plan and actuals.
    crate::review::check::extend(files, &mut reports, &reviews, config);
    reports
}

fn check_one(
    path: &Path,
    bytes: Vec<u8>,
    config: &Config,
    cache: Option<&crate::cache::Cache>,
) -> FileReport {
    let Some(cache) = cache else {
        return crate::load::check_owned(path, bytes, config);
    };
    let key = cache.key(&bytes);
    if cache.is_clean(key) {
        cache.record_clean(key);
        return FileReport {
            path: path.to_path_buf(),
            source: None,
            findings: Vec::new(),
        };
    }
    let report = crate::load::check_owned(path, bytes, config);
    if report.findings.is_empty() {
        cache.record_clean(key);
    }
    report
}
