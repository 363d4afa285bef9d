//! Reviews and actuals in the workspace: each `kind: review` file is checked with its plan
//! and actuals (the actuals' findings go to the actuals files); every other actuals file
//! is checked against the plan it names (`plan:` in YAML) or whose id its file name starts
//! with. Files come from the workspace — nothing is read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::graph::Graph;
use super::{FileId, Role, Workspace};
use crate::actuals::{codes, ActualsFile};
use crate::config::Config;
use crate::diagnostics::{FileReport, Finding};
use crate::review::session::{self, Files, Given, Request};
use crate::source::Span;

/// The workspace as the review session's file source.
struct FromWorkspace<'a>(&'a Workspace);

impl Files for FromWorkspace<'_> {
    fn plan(&self, path: &Path, config: &Config) -> Given {
        match self.0.find_path(path) {
            Some(i) if self.0.files[i].role == Role::Plan => {
                let f = &self.0.files[i];
                Given {
                    sha256: f.sha256.clone(),
                    source: f.source.clone(),
                    root: f.root.as_deref().cloned(),
                    plan: f.plan.as_deref().cloned(),
                    report: super::clone_report(&f.report),
                }
            }
            _ => session::Disk.plan(path, config),
        }
    }
    fn actuals(&self, path: &Path) -> ActualsFile {
        match self.0.find_path(path) {
            Some(i) => match &self.0.files[i].actuals {
                Some(a) => a.clone(),
                None => crate::actuals::load_path(path),
            },
            None => crate::actuals::load_path(path),
        }
    }
    fn resolve_plan(&self, spec: &str, dir: &Path, root: &Path) -> Option<PathBuf> {
        match self.0.graph.resolve_plan_spec(self.0, spec, dir) {
            Some(i) => Some(self.0.files[i].path.clone()),
            None => session::Disk.resolve_plan(spec, dir, root),
        }
    }
    fn root(&self, file: &Path) -> PathBuf {
        self.0.root_of(file)
    }
}

/// What the reviews and actuals checks found.
#[derive(Default)]
pub struct Checked {
    /// Findings added to review files.
    pub findings: HashMap<FileId, Vec<Finding>>,
    /// Reports of actuals files as joined to their plans (replacing their own).
    pub actuals: HashMap<FileId, FileReport>,
    /// Reports of actuals files outside the workspace that a review reads.
    pub outside: Vec<FileReport>,
}

/// Runs every review and the actuals checks.
pub fn check(ws: &Workspace) -> Checked {
    let mut findings: HashMap<FileId, Vec<Finding>> = HashMap::new();
    let mut actuals: HashMap<FileId, FileReport> = HashMap::new();
    let mut outside = Vec::new();
    let from = FromWorkspace(ws);
    for (i, f) in ws.files.iter().enumerate() {
        if !f.review || !f.requested {
            continue;
        }
        let out = session::run_with(
            &Request {
                path: &f.path,
                actuals: &[],
                as_of: None,
                config: &ws.config,
                report_missing: true,
            },
            true,
            &from,
        );
        let mut it = out.reports.into_iter();
        if let Some(r) = it.next() {
            // The review's own report, with review findings added: keep only the added.
            let own = &ws.files[i].report.findings;
            let added: Vec<Finding> = r
                .findings
                .into_iter()
                .filter(|x| !own.contains(x))
                .collect();
            findings.entry(i).or_default().extend(added);
        }
        for r in it {
            if out
                .actuals_paths
                .iter()
                .any(|a| super::same_file(a, &r.path))
            {
                match ws.find_path(&r.path) {
                    Some(j) => {
                        actuals.insert(j, r);
                    }
                    // Outside the workspace: shown when it has something to say.
                    None if !r.findings.is_empty() => outside.push(r),
                    None => {}
                }
            }
        }
    }
    // Monthly exports of one plan (each file one month) are one series: joined
    // together, so a month given twice or a month missing between them is found, and
    // one month's file alone is not short of the months before it.
    let mut series: std::collections::BTreeMap<FileId, Vec<FileId>> = Default::default();
    for (i, f) in ws.files.iter().enumerate() {
        if f.role != Role::Actuals || !f.requested || actuals.contains_key(&i) {
            continue;
        }
        if f.actuals.as_ref().is_some_and(is_monthly) {
            if let Some(plan) = plan_of_actuals(ws, &ws.graph, i) {
                series.entry(plan).or_default().push(i);
            }
        }
    }
    for (plan, files) in series.into_iter().filter(|(_, v)| v.len() > 1) {
        for (i, r) in joined_series(ws, plan, &files, &from) {
            actuals.insert(i, r);
        }
    }
    for (i, f) in ws.files.iter().enumerate() {
        if f.role != Role::Actuals || !f.requested || actuals.contains_key(&i) {
            continue;
        }
        actuals.insert(i, standalone(ws, i, &from));
    }
    Checked {
        findings,
        actuals,
        outside,
    }
}

/// The plan an actuals file belongs to: the one its `plan:` names, else the one whose id
/// its file name starts with (`east-china-2026.actuals.csv` → `east-china-2026`; the
/// longest id wins).
pub fn plan_of_actuals(ws: &Workspace, graph: &Graph, i: FileId) -> Option<FileId> {
    let f = &ws.files[i];
    let single = |id: &str| match graph.ids.get(id).map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    };
    match f.actuals.as_ref().and_then(|a| a.plan.as_ref()) {
        Some(id) => single(id.as_str()),
        None => {
            let name = f.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split(".actuals.").next().unwrap_or(name);
            graph
                .ids
                .keys()
                .filter(|id| {
                    stem.strip_prefix(id.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
                })
                .max_by_key(|id| id.len())
                .and_then(|id| single(id))
        }
    }
}

/// Checks an actuals file against the plan it belongs to.
fn standalone(ws: &Workspace, i: FileId, from: &FromWorkspace) -> FileReport {
    let f = &ws.files[i];
    let Some(plan) = plan_of_actuals(ws, &ws.graph, i) else {
        let file = f
            .actuals
            .clone()
            .unwrap_or_else(|| crate::actuals::load_path(&f.path));
        let declared = file.plan.clone();
        let mut report = file.into_report();
        let finding = crate::i18n::scope(ws.lang_of(i), || match declared {
            Some(id) => Finding::new(
                &codes::PLAN_NOT_FOUND,
                id.span,
                crate::t!("review-actuals-no-plan", id = id.value.as_str()),
            )
            .help(crate::t!("review-actuals-no-plan-help")),
            None => Finding::new(
                &codes::PLAN_NOT_FOUND,
                Span::default(),
                crate::t!(
                    "review-actuals-which-plan",
                    path = crate::source::display_path(&f.path)
                ),
            )
            .help(crate::t!("review-actuals-which-plan-help")),
        });
        report.findings.insert(0, finding);
        return report;
    };
    let out = session::run_with(
        &Request {
            path: &ws.files[plan].path,
            actuals: std::slice::from_ref(&f.path),
            as_of: None,
            config: &ws.config,
            report_missing: false,
        },
        true,
        from,
    );
    out.reports
        .into_iter()
        .rev()
        .find(|r| super::same_file(&r.path, &f.path))
        .unwrap_or_else(|| FileReport {
            path: f.path.clone(),
            source: None,
            findings: Vec::new(),
        })
}

/// One month's export: every row is of the same single month (`2026-09`).
pub fn is_monthly(a: &ActualsFile) -> bool {
    let Some(first) = a.rows.first() else {
        return false;
    };
    let month = first.period.value.trim();
    crate::actuals::period::form(month).is_some_and(|f| f.is_month())
        && a.rows.iter().all(|r| r.period.value.trim() == month)
}

/// An export of months only (one month or several; no quarter, half or year rows): the
/// files the monthly report reads as its series.
pub fn is_months(a: &ActualsFile) -> bool {
    !a.rows.is_empty()
        && a.rows.iter().all(|r| {
            crate::actuals::period::form(r.period.value.trim()).is_some_and(|f| f.is_month())
        })
}

/// The monthly files of one plan checked together as one series; each file gets its
/// own report.
fn joined_series(
    ws: &Workspace,
    plan: FileId,
    files: &[FileId],
    from: &FromWorkspace,
) -> Vec<(FileId, FileReport)> {
    let paths: Vec<PathBuf> = files.iter().map(|&i| ws.files[i].path.clone()).collect();
    let out = session::run_with(
        &Request {
            path: &ws.files[plan].path,
            actuals: &paths,
            as_of: None,
            config: &ws.config,
            report_missing: false,
        },
        true,
        from,
    );
    files
        .iter()
        .map(|&i| {
            let f = &ws.files[i];
            let r = out
                .reports
                .iter()
                .rev()
                .find(|r| super::same_file(&r.path, &f.path))
                .map(super::clone_report)
                .unwrap_or_else(|| FileReport {
                    path: f.path.clone(),
                    source: None,
                    findings: Vec::new(),
                });
            (i, r)
        })
        .collect()
}

/// Runs the review of a `kind: review` file of the workspace with every figure computed
/// (for rendering), from the files already loaded.
pub fn outcome(ws: &Workspace, i: FileId) -> session::Outcome {
    session::run_with(
        &Request {
            path: &ws.files[i].path,
            actuals: &[],
            as_of: None,
            config: &ws.config,
            report_missing: true,
        },
        false,
        &FromWorkspace(ws),
    )
}
