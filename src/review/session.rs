//! One review run: the `kind: review` file (or a plain plan), the plan under review and
//! the actuals files — loaded, joined and computed, with every finding kept per file.
//! `planc review` renders the outcome; `planc check` keeps only the findings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::compute::{self, Review};
use super::figures;
use crate::actuals::join::{self, MetricKind, Scope};
use crate::actuals::period::PeriodKey;
use crate::actuals::{codes, ActualsFile, Format};
use crate::config::Config;
use crate::diagnostics::{FileReport, Finding, Severity};
use crate::model::{Kind, Lang, Plan, Segment};
use crate::source::yaml::Node;
use crate::source::{display_path, SourceFile, Span};

/// What to review.
pub struct Request<'a> {
    /// A `kind: review` file, or a plan to review against `actuals`.
    pub path: &'a Path,
    /// Actuals files given on the command line (added to the review's own).
    pub actuals: &'a [PathBuf],
    /// `--as-of`: overrides the review's and the files' own date.
    pub as_of: Option<NaiveDate>,
    pub config: &'a Config,
    /// Report targets and KPIs without actuals (P808): off when an actuals file is
    /// checked on its own, since another file may hold the rest.
    pub report_missing: bool,
}

/// An actuals file as the report names it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SourceInfo {
    pub path: String,
    pub format: &'static str,
    pub sheet: Option<String>,
    pub rows: usize,
    /// `source:` of a YAML file.
    pub origin: Option<String>,
    pub as_of: Option<String>,
}

/// Everything a review run produced.
pub struct Outcome {
    pub review: Option<Review>,
    /// The language the review is written in (see [`report_lang`]).
    pub lang: Lang,
    /// `--as-of` lies outside the plan period: nothing was joined or computed.
    pub as_of_error: Option<String>,
    /// The `kind: review` file, with the figures filled into its narrative.
    pub review_plan: Option<Plan>,
    pub review_path: Option<PathBuf>,
    /// SHA-256 of the review file and of the plan under review, when known.
    pub review_sha256: Option<String>,
    pub plan_sha256: Option<String>,
    /// The plan under review.
    pub plan: Option<Plan>,
    pub plan_path: Option<PathBuf>,
    pub sources: Vec<SourceInfo>,
    /// Findings of the review file, of the plan under review, and of each actuals file.
    pub reports: Vec<FileReport>,
    /// Paths of the actuals files read (as resolved).
    pub actuals_paths: Vec<PathBuf>,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.reports.iter().map(|r| r.count(Severity::Error)).sum()
    }
}

/// A plan file as the review needs it: checked, with its tree and source.
pub struct Given {
    /// SHA-256 of the file's bytes, when known (the report's validation record).
    pub sha256: Option<String>,
    pub source: Option<Arc<SourceFile>>,
    pub root: Option<Node>,
    pub plan: Option<Plan>,
    pub report: FileReport,
}

/// Where a review gets its files from: the disk (`planc review`), or a workspace that
/// has already read and parsed them (`planc check`, `planc render DIR`).
pub trait Files: Sync {
    /// The plan or review at `path`, checked.
    fn plan(&self, path: &Path, config: &Config) -> Given;
    /// The actuals file at `path`, loaded (its findings are the file's own).
    fn actuals(&self, path: &Path) -> ActualsFile;
    /// `review.plan`: a path relative to the review's folder `dir`, or a plan id, found
    /// inside `root` only.
    fn resolve_plan(&self, spec: &str, dir: &Path, root: &Path) -> Option<PathBuf>;
    /// The folder that paths written in `file` must stay inside
    /// (`source::scope::reference_root`).
    fn root(&self, file: &Path) -> PathBuf {
        crate::source::scope::reference_root(file, &[])
    }
}

/// Reads every file from the disk, once.
pub struct Disk;

impl Files for Disk {
    fn plan(&self, path: &Path, config: &Config) -> Given {
        match crate::source::read(path) {
            Ok(bytes) => {
                let sha256 = Some(crate::source::sha256_hex(&bytes));
                let c = crate::load::check_full(path, bytes, config, true);
                Given {
                    sha256,
                    source: c.source,
                    root: c.root,
                    plan: c.plan,
                    report: c.report,
                }
            }
            Err(_) => Given {
                sha256: None,
                source: None,
                root: None,
                plan: None,
                report: crate::load::check_path(path, config),
            },
        }
    }
    fn actuals(&self, path: &Path) -> ActualsFile {
        crate::actuals::load_path(path)
    }
    fn resolve_plan(&self, spec: &str, dir: &Path, root: &Path) -> Option<PathBuf> {
        resolve_plan(spec, dir, root)
    }
}

/// Runs a review, reading files from the disk.
pub fn run(req: &Request, check_only: bool) -> Outcome {
    run_with(req, check_only, &Disk)
}

/// Runs a review. `check_only` skips the computation the check does not need.
///
/// Findings in the review file (or, without one, in the plan) are in that file's
/// language; findings in actuals files in the language of the run, like the rest of
/// their findings.
pub fn run_with(req: &Request, check_only: bool, files_from: &dyn Files) -> Outcome {
    let config = req.config;
    let given = files_from.plan(req.path, config);
    let ui = crate::i18n::current();
    let own = config
        .lang
        .for_file(given.plan.as_ref().and_then(|p| p.lang).or_else(|| {
            given
                .source
                .as_ref()
                .and_then(|s| crate::load::text_lang(&s.text))
        }));
    crate::i18n::scope(own, || run_in(req, check_only, files_from, given, ui))
}

fn run_in(
    req: &Request,
    check_only: bool,
    files_from: &dyn Files,
    given: Given,
    ui: Lang,
) -> Outcome {
    let config = req.config;
    let load = |p: &Path, c: &Config| files_from.plan(p, c);
    let dir = req.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let root = files_from.root(req.path);
    // A path written in the review that leads out of the workspace is a finding, and
    // the file it names is never read.
    let outside = |written: &crate::source::de::Sp<String>| -> Option<Finding> {
        if crate::source::scope::inside(&root, &dir.join(written.as_str())) {
            return None;
        }
        Some(
            Finding::new(
                &codes::PLAN_NOT_FOUND,
                written.span,
                crate::t!("review-ref-outside", path = written.as_str()),
            )
            .label(crate::t!("review-ref-outside-label"))
            .help(crate::t!(
                "review-ref-outside-help",
                root = display_path(&root)
            )),
        )
    };
    let mut extra: Vec<Finding> = Vec::new();
    let is_review = given
        .plan
        .as_ref()
        .is_some_and(|p| p.kind.value == Kind::Review);
    let (mut review_given, base) = if is_review {
        let spec = given.plan.as_ref().and_then(|p| p.review.clone());
        let base = spec.as_ref().and_then(|s| {
            if let Some(f) = outside(&s.plan) {
                extra.push(f);
                return None;
            }
            let found = files_from.resolve_plan(&s.plan, &dir, &root);
            if found.is_none() {
                let dir = if dir.as_os_str().is_empty() {
                    ".".into()
                } else {
                    display_path(&dir)
                };
                extra.push(
                    Finding::new(
                        &codes::PLAN_NOT_FOUND,
                        s.plan.span,
                        crate::t!("review-plan-not-found", plan = s.plan.value.as_str()),
                    )
                    .label(crate::t!("review-plan-not-found-label"))
                    .help(crate::t!("review-plan-not-found-help", dir = dir)),
                );
            }
            found
        });
        (Some(given), base.map(|p| (load(&p, config), p)))
    } else {
        (None, Some((given, req.path.to_path_buf())))
    };
    let spec = review_given
        .as_ref()
        .and_then(|g| g.plan.as_ref())
        .and_then(|p| p.review.clone());
    // Actuals paths.
    let mut paths: Vec<PathBuf> = Vec::new();
    if let Some(spec) = &spec {
        for a in &spec.actuals {
            let p = dir.join(a.as_str());
            if let Some(f) = outside(a) {
                extra.push(f);
            } else if p.is_file() {
                paths.push(p);
            } else {
                extra.push(
                    Finding::new(
                        &codes::PLAN_NOT_FOUND,
                        a.span,
                        crate::t!("review-actuals-not-found", file = a.value.as_str()),
                    )
                    .label(crate::t!("review-actuals-not-found-label"))
                    .help(crate::t!("review-actuals-not-found-help")),
                );
            }
        }
    }
    for p in req.actuals {
        if !paths.iter().any(|x| same_file(x, p)) {
            paths.push(p.clone());
        }
    }
    let mut files: Vec<ActualsFile> =
        crate::i18n::scope(ui, || paths.iter().map(|p| files_from.actuals(p)).collect());
    let segments: Vec<Segment> = spec
        .as_ref()
        .map(|s| s.segments.clone())
        .unwrap_or_default();
    let mut review = None;
    let mut lang = Lang::Zh;
    let mut as_of_error = None;
    let (base_given, base_path) = match base {
        Some((g, p)) => (Some(g), Some(p)),
        None => (None, None),
    };
    let base_plan = base_given.as_ref().and_then(|g| g.plan.as_ref());
    let review_sha256 = review_given.as_ref().and_then(|g| g.sha256.clone());
    let plan_sha256 = base_given.as_ref().and_then(|g| g.sha256.clone());
    if let (Some(plan), Some(g)) = (base_plan, &review_given) {
        // A review covers its plan's period: a 2025 review of a 2026 plan compares
        // nothing with anything.
        if let Some(rp) = g.plan.as_ref().filter(|_| plan.kind.value != Kind::Review) {
            let dates = |p: &crate::model::Plan| {
                Some((p.period.start.value.range?.0, p.period.end.value.range?.1))
            };
            if let (Some(ours), Some(theirs)) = (dates(rp), dates(plan)) {
                if ours != theirs {
                    let mut f = Finding::new(
                        &codes::PLAN_NOT_FOUND,
                        rp.period.start.span,
                        crate::t!(
                            "review-period",
                            start = rp.period.start.value.raw.as_str(),
                            end = rp.period.end.value.raw.as_str(),
                            plan_start = plan.period.start.value.raw.as_str(),
                            plan_end = plan.period.end.value.raw.as_str()
                        ),
                    )
                    .label(crate::t!("review-period-label"))
                    .help(crate::t!("review-period-help"));
                    if let Some(src) = base_given.as_ref().and_then(|b| b.source.as_ref()) {
                        f = f.with_in(
                            src,
                            plan.period.start.span,
                            crate::t!("review-period-label-plan"),
                        );
                    }
                    extra.push(f);
                }
            }
        }
        if plan.kind.value == Kind::Review {
            extra.push(
                Finding::new(
                    &codes::PLAN_NOT_FOUND,
                    spec.as_ref().map_or(Span::default(), |s| s.plan.span),
                    crate::t!("review-of-a-review"),
                )
                .label(crate::t!("review-of-a-review-label")),
            );
        }
    }
    if base_plan.is_none() && base_path.is_some() && review_given.is_some() {
        extra.push(
            Finding::new(
                &codes::PLAN_NOT_FOUND,
                spec.as_ref().map_or(Span::default(), |s| s.plan.span),
                crate::t!(
                    "review-plan-errors",
                    path = display_path(base_path.as_deref().unwrap_or(Path::new("")))
                ),
            )
            .label(crate::t!("review-plan-errors-label"))
            .help(crate::t!("review-plan-errors-help")),
        );
    }
    // A draft review is started before the year's actuals exist (`planc init`): until it
    // lists some, it is not short of them.
    let draft_without_actuals = review_given
        .as_ref()
        .and_then(|g| g.plan.as_ref())
        .is_some_and(|p| {
            p.status.value == crate::model::Status::Draft
                && p.review.as_ref().is_some_and(|r| r.actuals.is_empty())
        });
    if let Some(plan) = base_plan {
        if files.is_empty()
            && req.report_missing
            && !draft_without_actuals
            && extra.iter().all(|f| f.code != codes::PLAN_NOT_FOUND.code)
        {
            let span = spec.as_ref().map_or(Span::default(), |s| s.plan.span);
            extra.push(
                Finding::new(&codes::PLAN_NOT_FOUND, span, crate::t!("review-no-actuals"))
                    .help(crate::t!("review-no-actuals-help")),
            );
        }
        for f in &mut files {
            if let Some(id) = &f.plan {
                if id.as_str() != plan.id.as_str() {
                    let finding = crate::i18n::scope(ui, || {
                        Finding::new(
                            &codes::PLAN_NOT_FOUND,
                            id.span,
                            crate::t!(
                                "review-other-plan",
                                theirs = id.value.as_str(),
                                ours = plan.id.value.as_str()
                            ),
                        )
                        .label(crate::t!("review-other-plan-label"))
                    });
                    f.findings.push(finding);
                }
            }
        }
        let scope = Scope::new(plan, &segments).with_aliases(&config.aliases);
        lang = report_lang(
            config,
            review_given.as_ref().and_then(|g| g.plan.as_ref()),
            plan,
        );
        // Figure blocks and narrative references of the review file.
        if let Some(g) = &review_given {
            if let (Some(rp), Some(root), Some(source)) = (&g.plan, &g.root, &g.source) {
                check_figures(rp, root, source, &scope, &mut extra);
            }
        }
        // The review's date: `--as-of` (outside the period, the run stops), else the
        // review's `as_of` (outside the period, an error in the review), else the files'.
        let pp = scope.period;
        let inside = |d: &NaiveDate| (pp.start..=pp.end).contains(d);
        as_of_error = req.as_of.filter(|d| !inside(d)).map(|d| {
            // About the run, not a file: in the run's language.
            crate::t_in!(
                ui,
                "review-cli-as-of-outside",
                date = d.to_string(),
                plan = plan.id.value.as_str(),
                start = pp.start.to_string(),
                end = pp.end.to_string()
            )
        });
        let stated = spec.as_ref().and_then(|s| s.as_of.as_ref());
        if let Some(a) = stated.filter(|a| a.last().is_some_and(|d| !inside(&d))) {
            let (start, end) = (pp.start.to_string(), pp.end.to_string());
            extra.push(
                Finding::new(
                    &codes::BAD_PERIOD,
                    a.span,
                    crate::t!(
                        "review-as-of-outside",
                        date = a.raw.as_str(),
                        start = start.as_str(),
                        end = end.as_str()
                    ),
                )
                .label(crate::t!(
                    "review-as-of-outside-label",
                    start = start.as_str(),
                    end = end.as_str()
                ))
                .help(crate::t!("review-as-of-outside-help")),
            );
        }
        let as_of = req
            .as_of
            .or_else(|| stated.and_then(|a| a.last()).filter(inside));
        if as_of_error.is_none() {
            let joined = crate::i18n::scope(ui, || {
                join::join(scope, &mut files, as_of, &config.tolerance)
            });
            if !files.is_empty() && req.report_missing {
                let anchor = spec
                    .as_ref()
                    .and_then(|s| s.actuals.first().map(|a| a.span).or(Some(s.plan.span)));
                report_missing(&joined, anchor, ui, &mut files, &mut extra);
            }
            // A review file's narrative is checked against the computed figures
            // (P814), so `check` computes them too.
            let narrative = review_given
                .as_ref()
                .and_then(|g| Some((g.plan.as_ref()?, g.root.as_ref()?, g.source.as_ref()?)));
            if !check_only || narrative.is_some() {
                // One money format for the whole review: the review file's
                // `report_unit`, else the plan's, else `[render] money_unit`, else
                // chosen from the plan's amounts — as `planc render` writes the plan.
                let own = review_given
                    .as_ref()
                    .and_then(|g| g.plan.as_ref()?.report_unit());
                let asked = if config.money_unit_forced {
                    config.unit_request()
                } else {
                    crate::num::UnitRequest {
                        unit: own
                            .or(joined.scope.plan.report_unit())
                            .or(config.money_unit),
                        forced: true,
                    }
                };
                let money = crate::num::Money::of_plan(joined.scope.plan, lang, asked);
                let computed = compute::compute(&joined, &config.thresholds, lang, money);
                if let Some((_, root, source)) = narrative {
                    super::narrative::check(root, source, &computed, joined.scope.plan, &mut extra);
                }
                if !check_only {
                    review = Some(computed);
                }
            }
        }
    }
    // Reports, in the order: review file, plan under review, actuals files.
    let mut reports = Vec::new();
    if let Some(g) = review_given.as_mut() {
        let mut report = std::mem::replace(
            &mut g.report,
            FileReport {
                path: PathBuf::new(),
                source: None,
                findings: Vec::new(),
            },
        );
        report
            .findings
            .extend(finish(extra.drain(..), g.source.as_deref(), config));
        sort(&mut report.findings);
        if !report.findings.is_empty() && report.source.is_none() {
            report.source = g.source.clone();
        }
        reports.push(report);
    }
    let mut plan = None;
    if let Some(g) = base_given {
        let mut report = g.report;
        // Without a review file, review-level findings belong to the plan.
        report
            .findings
            .extend(finish(extra.drain(..), g.source.as_deref(), config));
        if !report.findings.is_empty() && report.source.is_none() {
            report.source = g.source.clone();
        }
        reports.push(report);
        plan = g.plan;
    }
    let sources = files
        .iter()
        .map(|f| SourceInfo {
            path: display_path(&f.path),
            format: match f.format {
                Format::Yaml => "yaml",
                Format::Csv => "csv",
                Format::Xlsx => "xlsx",
            },
            sheet: if f.sheets.len() > 1 {
                Some(f.sheets.join("、"))
            } else {
                f.sheet.clone()
            },
            rows: f.rows.len(),
            origin: f.origin.clone(),
            as_of: f.as_of.as_ref().map(|a| a.raw.clone()),
        })
        .collect();
    for mut f in files {
        let findings = std::mem::take(&mut f.findings);
        let mut findings = finish(findings.into_iter(), f.source.as_deref(), config);
        sort(&mut findings);
        f.findings = findings;
        reports.push(f.into_report());
    }
    let mut review_plan = review_given.and_then(|g| g.plan);
    if let (Some(rp), Some(r)) = (&mut review_plan, &review) {
        figures::fill_plan(rp, r, lang == Lang::Zh);
    }
    Outcome {
        review,
        lang,
        as_of_error,
        review_path: review_plan.as_ref().map(|_| req.path.to_path_buf()),
        review_sha256,
        plan_sha256,
        review_plan,
        plan,
        plan_path: base_path,
        sources,
        reports,
        actuals_paths: paths,
    }
}

/// The language of a review report: `--lang`, else the review file's `lang:`, else the
/// reviewed plan's, else Chinese (as `planc render` writes reports).
pub fn report_lang(config: &Config, review: Option<&Plan>, plan: &Plan) -> Lang {
    config
        .lang
        .forced
        .or(review.and_then(|r| r.lang))
        .or(plan.lang)
        .unwrap_or(Lang::Zh)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// `review.plan`: a path relative to the review, or the id of a plan beside it (or one
/// folder up, when that is inside `root`).
fn resolve_plan(spec: &str, dir: &Path, root: &Path) -> Option<PathBuf> {
    let as_path = dir.join(spec);
    if as_path.is_file() {
        return crate::source::scope::inside(root, &as_path).then_some(as_path);
    }
    let parent = dir
        .parent()
        .map(Path::to_path_buf)
        .filter(|p| crate::source::scope::inside(root, p));
    find_plan_by_id(
        spec,
        [Some(dir.to_path_buf()), parent].into_iter().flatten(),
    )
}

/// The `*.plan.yaml` with this id among the plans directly in `dirs`.
pub fn find_plan_by_id(id: &str, dirs: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    plans_in(dirs)
        .into_iter()
        .find(|(_, pid)| pid == id)
        .map(|(p, _)| p)
}

/// `(path, id)` of the plans directly in `dirs` (not `kind: review`).
pub fn plans_in(dirs: impl IntoIterator<Item = PathBuf>) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &d
        }) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| crate::check::is_plan_file(p))
            .collect();
        paths.sort();
        for p in paths {
            if let Some(id) = plan_id(&p) {
                out.push((p, id));
            }
        }
    }
    out
}

/// The `id:` of a plan file, read from its top level without loading it.
pub fn plan_id(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| {
        let v = l.strip_prefix("id:")?.trim();
        let v = v
            .split(" #")
            .next()
            .unwrap_or(v)
            .trim()
            .trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_owned())
    })
}

fn check_figures(
    rp: &Plan,
    root: &Node,
    source: &SourceFile,
    scope: &Scope,
    out: &mut Vec<Finding>,
) {
    for s in &rp.sections {
        for f in &s.figures {
            if let Err(help) = figures::block(f, scope) {
                out.push(
                    Finding::new(
                        &codes::UNKNOWN_FIGURE,
                        f.span,
                        crate::t!("review-unknown-figure", name = f.value.as_str()),
                    )
                    .label(crate::t!("review-unknown-figure-label"))
                    .help(help),
                );
            }
        }
    }
    root.walk_strings(&mut |s, span, _| {
        for (range, inner) in figures::references(s) {
            if let Err(help) = figures::check_reference(inner, scope) {
                let raw = &s[range.clone()];
                let src = source.slice(span);
                let exact = if src == s {
                    Span::new(span.start + range.start, span.start + range.end)
                } else {
                    src.find(raw).map_or(span, |i| {
                        Span::new(span.start + i, span.start + i + raw.len())
                    })
                };
                out.push(
                    Finding::new(
                        &codes::UNKNOWN_FIGURE,
                        exact,
                        crate::t!("review-unknown-reference", reference = raw),
                    )
                    .label(crate::t!("review-unknown-reference-label"))
                    .help(help),
                );
            }
        }
    });
}

/// P808: what the review will show without a figure. One finding per target or KPI
/// without an actual and per breakdown whose items are only partly reported — at the
/// review's `actuals` (`anchor`), else in the first actuals file — and one per file whose
/// full-year rows are dated after the review and would have given the rest.
fn report_missing(
    j: &join::Joined,
    anchor: Option<Span>,
    ui: Lang,
    files: &mut [ActualsFile],
    extra: &mut Vec<Finding>,
) {
    let lang = match anchor {
        Some(_) => crate::i18n::current(),
        None => ui,
    };
    let (found, later) = crate::i18n::scope(lang, || {
        let (messages, later) = missing_actuals(j);
        let found: Vec<Finding> = messages
            .into_iter()
            .map(|m| {
                let f = Finding::new(&codes::MISSING_ACTUAL, anchor.unwrap_or_default(), m)
                    .help(crate::t!("review-no-actual-help"));
                match anchor {
                    Some(_) => f.label(crate::t!("review-no-actual-label")),
                    None => f,
                }
            })
            .collect();
        (found, later)
    });
    match anchor {
        Some(_) => extra.extend(found),
        None => files[0].findings.extend(found),
    }
    for (fi, names) in later {
        let file = &mut files[fi];
        let rows = j
            .later
            .iter()
            .filter(|(k, f)| f.file == fi && k.period == PeriodKey::Full)
            .count();
        let date = j.coverage[fi].to_string();
        let as_of = j.as_of.to_string();
        let finding = crate::i18n::scope(ui, || {
            let shown = 6;
            let list = names
                .iter()
                .take(shown)
                .map(|(id, dim)| match dim {
                    None => format!("`{id}`"),
                    Some(d) => crate::t!("review-breakdown-of", id = *id, dimension = *d),
                })
                .collect::<Vec<_>>()
                .join(&crate::t!("list-sep"));
            let what = if names.len() > shown {
                crate::t!(
                    "review-later-more",
                    list = list,
                    more = names.len() - shown,
                    total = names.len()
                )
            } else {
                list
            };
            Finding::new(
                &codes::MISSING_ACTUAL,
                file.as_of.as_ref().map_or(Span::default(), |a| a.span),
                crate::t!(
                    "review-later-rows",
                    rows = rows,
                    date = date.as_str(),
                    as_of = as_of.as_str(),
                    what = what,
                    count = names.len()
                ),
            )
            .label(crate::t!("review-later-rows-label", date = date.as_str()))
            .help(crate::t!("review-later-rows-help", as_of = as_of.as_str()))
        });
        file.findings.push(finding);
    }
}

/// A metric, or one of its breakdowns, by id.
type Named<'a> = (&'a str, Option<&'a str>);

/// The messages of [`report_missing`], and per actuals file (by index) what its
/// full-year rows dated after the review would have given.
fn missing_actuals<'a>(j: &'a join::Joined) -> (Vec<String>, BTreeMap<usize, Vec<Named<'a>>>) {
    let mut out = Vec::new();
    let mut later: BTreeMap<usize, Vec<Named>> = BTreeMap::new();
    // The files whose later rows hold figures of a metric (or of one of its breakdowns).
    let later_files = |mi: usize, dim: Option<usize>| -> BTreeSet<usize> {
        j.later
            .iter()
            .filter(|(k, _)| k.metric == mi && dim.is_none_or(|d| k.cell.is_some_and(|c| c.0 == d)))
            .map(|(_, f)| f.file)
            .collect()
    };
    for (mi, m) in j.scope.metrics.iter().enumerate() {
        if j.actual(mi, None).is_none() {
            let files = later_files(mi, None);
            for fi in &files {
                later.entry(*fi).or_default().push((m.id, None));
            }
            if files.is_empty() {
                out.push(match m.kind {
                    MetricKind::Target(_) => {
                        crate::t!("review-no-actual-target", id = m.id, name = m.name)
                    }
                    MetricKind::Kpi(_) => {
                        crate::t!("review-no-actual-kpi", id = m.id, name = m.name)
                    }
                });
            }
            continue;
        }
        for (di, d) in m.dims.iter().enumerate() {
            let lacking: Vec<&str> = d
                .items
                .iter()
                .enumerate()
                .filter(|(ii, _)| j.actual(mi, Some((di, *ii))).is_none())
                .map(|(_, i)| i.key.as_str())
                .collect();
            if !lacking.is_empty() && lacking.len() < d.items.len() {
                out.push(crate::t!(
                    "review-no-actual-items",
                    n = lacking.len(),
                    id = m.id,
                    dimension = d.name.as_str(),
                    items = lacking.join(&crate::t!("list-sep"))
                ));
            } else if lacking.len() == d.items.len() {
                for fi in later_files(mi, Some(di)) {
                    later
                        .entry(fi)
                        .or_default()
                        .push((m.id, Some(d.name.as_str())));
                }
            }
        }
    }
    (out, later)
}

/// Applies `[rules]` levels (loader codes stay as they are) and `# planc: allow`.
pub fn finish(
    findings: impl Iterator<Item = Finding>,
    source: Option<&SourceFile>,
    config: &Config,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = findings.collect();
    config.apply_levels(&mut out);
    if let Some(source) = source {
        if source
            .path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml")
        {
            let (suppressions, _) = crate::suppress::parse(source);
            crate::suppress::apply(source, &suppressions, &mut out);
        }
    }
    out
}

use crate::diagnostics::sort;
