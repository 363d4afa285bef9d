//! The workspace: every file of a run, read and parsed once, linked into one graph, and
//! checked per file and across files (rust-analyzer's "analysis host", at our scale).
//!
//! ```text
//! paths ─▶ discover ─▶ load (parallel, once per file) ─▶ link (ids, parents, reviews,
//!          actuals) ─▶ per-file findings + cross-file findings ─▶ reports
//! ```
//!
//! Invariants: every file is read once and parsed once per run (`source::reads()`
//! counts it), except that `planc check` lets go of plans that link to nothing and reads
//! such a plan once more when a link names it (a root), to keep memory bounded;
//! links are explicit — an id or a path written in a file, or the documented naming rule
//! of actuals files — never "the nearest file with that id"; a cross-file finding is
//! reported in one file and carries a label in the other. The value is plain data that
//! a long-lived process (the language server) can keep and update file by file:
//! [`Workspace::update`] re-checks one file and the plans linked to it.

mod actuals_agree;
mod actuals_last_year;
mod actuals_months;
pub mod codes;
pub mod discover;
pub mod focus;
mod graph;
mod kpis;
mod last_year;
pub mod reviews;
mod rollup;
mod status;
mod sums;
mod territory;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::actuals::ActualsFile;
use crate::config::Config;
use crate::diagnostics::{FileReport, Finding, Severity};
use crate::model::{Kind, Plan};
use crate::source::yaml::Node;
use crate::source::SourceFile;

pub use discover::{is_plan_file, Role};
pub use graph::{Link, ParentRef};
pub use rollup::{filled, Filled};

/// The plan an actuals file of the workspace belongs to (its `plan:`, else the id its
/// file name starts with).
pub fn plan_of_actuals(ws: &Workspace, i: FileId) -> Option<FileId> {
    reviews::plan_of_actuals(ws, &ws.graph, i)
}

/// Index of a file in [`Workspace::files`].
pub type FileId = usize;

/// One file of the workspace.
pub struct File {
    pub path: PathBuf,
    pub role: Role,
    /// Named by the user (or found under a directory they named): its findings are
    /// reported. Other files were read only to resolve a link.
    pub requested: bool,
    /// Named directly on the command line (its folder may be searched for links).
    pub explicit: bool,
    /// The file's own findings (schema, per-file rules, suppressions applied).
    pub report: FileReport,
    pub plan: Option<Arc<Plan>>,
    pub source: Option<Arc<SourceFile>>,
    /// The YAML tree, kept for reviews (their narrative references are checked on it).
    pub root: Option<Arc<Node>>,
    /// A `kind: review` file.
    pub review: bool,
    pub actuals: Option<ActualsFile>,
    /// The language of messages about this file (`--lang`, its plan's `lang:`, the
    /// environment's).
    pub lang: crate::i18n::Lang,
    /// SHA-256 of the bytes, when the workspace was opened for rendering.
    pub sha256: Option<String>,
    /// Checked, then let go: the file links to nothing (no `parent`, no `complete`), so
    /// its plan and source are kept only if linking shows that something names it —
    /// then it is read once more. Cache hits are dropped the same way, unparsed.
    dropped: bool,
    /// The id of a dropped plan.
    scanned_id: Option<String>,
}

impl File {
    /// The plan's id, when it has one.
    pub fn id(&self) -> Option<&str> {
        self.plan
            .as_ref()
            .map(|p| p.id.as_str())
            .or(self.scanned_id.as_deref())
    }
}

/// How to open a workspace.
#[derive(Default)]
pub struct Options<'a> {
    /// Skip parsing files the cache knows to be clean (when nothing links to them).
    pub cache: Option<&'a crate::cache::Cache>,
    /// Hash every file (the validation record of a report names it).
    pub hash: bool,
    /// Keep every plan whole with its source (rendering, an editor). Without it a plan
    /// that links to nothing is dropped after its own check, so memory stays bounded
    /// on large trees.
    pub keep: bool,
    /// Report only the files this change touches and the files linked to them
    /// (`planc check --changed-since`); the rest are read only to resolve links.
    pub focus: Option<&'a focus::Change>,
}

/// Every file of a run and how they link.
pub struct Workspace {
    pub config: Config,
    pub files: Vec<File>,
    /// Reports for paths that could not be read or held nothing planc understands.
    pub problems: Vec<FileReport>,
    pub(crate) graph: graph::Graph,
    /// Cross-file findings, by the group they were computed for.
    pub(crate) cross: HashMap<graph::GroupKey, Vec<(FileId, Finding)>>,
    /// Findings of reviews and actuals, by file.
    pub(crate) review_findings: HashMap<FileId, Vec<Finding>>,
    /// Actuals reports that replace an actuals file's own (the file as joined to its plan).
    pub(crate) actuals_reports: HashMap<FileId, FileReport>,
    /// Reports of files outside the workspace that a review reads and that have findings.
    pub(crate) outside_reports: Vec<FileReport>,
    /// Whether files are hashed (`Options::hash`), also when [`Workspace::update`]
    /// reads one again: a report rendered after an edit names its file's hash too.
    hash: bool,
    /// The paths the workspace was opened on: paths written in its files stay inside
    /// ([`Workspace::root_of`]).
    given: Vec<PathBuf>,
}

impl Workspace {
    /// Discovers, loads, links and checks the files under `paths`.
    pub fn open(paths: &[PathBuf], config: Config, opts: &Options) -> Workspace {
        let (found, problems) = discover::discover(paths);
        let files: Vec<File> = found
            .par_iter()
            .map(|f| load_file(&f.path, f.role, true, f.explicit, &config, opts))
            .collect();
        let mut ws = Workspace {
            config,
            files,
            problems,
            graph: graph::Graph::default(),
            cross: HashMap::new(),
            review_findings: HashMap::new(),
            actuals_reports: HashMap::new(),
            outside_reports: Vec::new(),
            hash: opts.hash,
            given: paths.to_vec(),
        };
        ws.load_needed(opts);
        ws.graph = graph::Graph::build(&ws);
        ws.load_neighbours(opts);
        ws.load_children(opts);
        if let Some(change) = opts.focus {
            let keep = focus::focus(&ws, change);
            for (i, f) in ws.files.iter_mut().enumerate() {
                f.requested = keep.contains(&i);
            }
        }
        ws.check_all();
        ws
    }

    /// Parses the files the cache let through that a link needs after all.
    fn load_needed(&mut self, opts: &Options) {
        // What links name: parents, the plans of reviews and of actuals files.
        let mut named: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        for f in &self.files {
            if let Some(p) = f.plan.as_ref() {
                if let Some(parent) = &p.parent {
                    let r = graph::ParentRef::parse(&parent.value);
                    if r.is_path() {
                        paths.push(graph::dir_of(&f.path).join(&r.plan));
                    }
                    named.insert(r.plan);
                }
                if let Some(spec) = &p.review {
                    named.insert(spec.plan.value.clone());
                    paths.push(graph::dir_of(&f.path).join(spec.plan.as_str()));
                }
            }
            if let Some(a) = &f.actuals {
                match &a.plan {
                    Some(id) => {
                        named.insert(id.value.clone());
                    }
                    None => {
                        let name = f.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                        stems.push(name.split(".actuals.").next().unwrap_or(name).to_owned());
                    }
                }
            }
        }
        // Ids held by more than one file: the duplicate-id finding quotes each.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for f in &self.files {
            if let Some(id) = f.id() {
                *seen.entry(id).or_default() += 1;
            }
        }
        let shared: std::collections::HashSet<String> = seen
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(id, _)| id.to_owned())
            .collect();
        let needed: Vec<FileId> = (0..self.files.len())
            .filter(|&i| {
                let f = &self.files[i];
                f.dropped
                    && match &f.scanned_id {
                        None => true,
                        Some(id) => {
                            named.contains(id)
                                || shared.contains(id)
                                || stems.iter().any(|s| {
                                    s.strip_prefix(id.as_str()).is_some_and(|rest| {
                                        rest.is_empty() || rest.starts_with(['-', '_', '.'])
                                    })
                                })
                                || paths.iter().any(|p| same_file(p, &f.path))
                        }
                    }
            })
            .collect();
        let keep = Options {
            cache: None,
            hash: opts.hash,
            keep: true,
            focus: None,
        };
        let loaded: Vec<(FileId, File)> = needed
            .par_iter()
            .map(|&i| {
                let f = &self.files[i];
                (
                    i,
                    load_file(
                        &f.path,
                        f.role,
                        f.requested,
                        f.explicit,
                        &self.config,
                        &keep,
                    ),
                )
            })
            .collect();
        for (i, f) in loaded {
            self.files[i] = f;
        }
    }

    /// For plan files named alone, loads the plans of their workspace that name them as
    /// parent — the folder holding `planc.toml`, else the repository root, else the
    /// file's folder — so a file checked alone gets the findings a check of the whole
    /// workspace gives it (one answer per file). Only each file's `parent:` line is
    /// read; the children found are parsed, the rest never are.
    fn load_children(&mut self, opts: &Options) {
        let alone: Vec<(String, PathBuf)> = self
            .files
            .iter()
            .filter(|f| f.explicit && f.requested && f.role == Role::Plan)
            .filter_map(|f| Some((f.id()?.to_owned(), f.path.clone())))
            .collect();
        if alone.is_empty() {
            return;
        }
        let mut roots: Vec<PathBuf> = Vec::new();
        for (_, path) in &alone {
            let root = self.workspace_root(path);
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
        let (found, _) = discover::discover(&roots);
        let candidates: Vec<PathBuf> = found
            .into_iter()
            .filter(|f| f.role == Role::Plan && self.find_path(&f.path).is_none())
            .map(|f| f.path)
            .collect();
        let keep = Options {
            cache: None,
            hash: opts.hash,
            keep: true,
            focus: None,
        };
        let loaded: Vec<File> = candidates
            .par_iter()
            .filter_map(|p| {
                let bytes = crate::source::read(p).ok()?;
                let parent = discover::top_level(&bytes, "parent")?;
                let r = graph::ParentRef::parse(&parent);
                let names = alone.iter().any(|(id, path)| {
                    if r.is_path() {
                        same_file(&graph::dir_of(p).join(&r.plan), path)
                    } else {
                        r.plan == *id
                    }
                });
                names.then(|| {
                    let mut f = check_bytes(p, Role::Plan, bytes, &self.config, &keep);
                    f.requested = false;
                    f
                })
            })
            .collect();
        if loaded.is_empty() {
            return;
        }
        self.files.extend(loaded);
        self.load_needed(opts);
        self.graph = graph::Graph::build(self);
    }

    /// The workspace a file belongs to: the folder holding `planc.toml`, else the
    /// repository's root, else the file's folder.
    fn workspace_root(&self, path: &Path) -> PathBuf {
        let dir = graph::dir_of(path);
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir.to_path_buf()
        };
        let abs = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
        let mut up = Some(abs.as_path());
        while let Some(d) = up {
            if d.join(crate::config::FILE_NAME).is_file() {
                return d.to_path_buf();
            }
            up = d.parent();
        }
        crate::git::toplevel(&dir).unwrap_or(dir)
    }

    /// For files named alone, loads the plans beside them (and one folder up) that are
    /// not in the workspace yet, when one of their links resolves to nothing otherwise.
    fn load_neighbours(&mut self, opts: &Options) {
        let dirs = self.graph.unresolved_dirs(self);
        if dirs.is_empty() {
            return;
        }
        let mut extra: Vec<PathBuf> = Vec::new();
        for d in dirs {
            for p in discover::plans_in(&d) {
                if self.find_path(&p).is_none() && !extra.iter().any(|x| same_file(x, &p)) {
                    extra.push(p);
                }
            }
        }
        if extra.is_empty() {
            return;
        }
        // Only the plans a link names are parsed and kept; the id of the others is read
        // from their top level.
        let wanted = graph::wanted(self, &self.graph);
        let keep = Options {
            cache: None,
            hash: opts.hash,
            keep: true,
            focus: None,
        };
        let loaded: Vec<File> = extra
            .par_iter()
            .filter_map(|p| {
                let bytes = crate::source::read(p).ok()?;
                let id = discover::top_level(&bytes, "id");
                graph::is_wanted(id.as_deref(), p, &wanted).then(|| {
                    let mut f = check_bytes(p, Role::Plan, bytes, &self.config, &keep);
                    f.requested = false;
                    f
                })
            })
            .collect();
        self.files.extend(loaded);
        self.load_needed(opts);
        self.graph = graph::Graph::build(self);
    }

    /// Runs every cross-file check (roll-ups, reviews, actuals).
    fn check_all(&mut self) {
        self.cross = rollup::check_all(self);
        self.recheck_reviews();
    }

    fn recheck_reviews(&mut self) {
        let r = reviews::check(self);
        self.review_findings = r.findings;
        self.actuals_reports = r.actuals;
        self.outside_reports = r.outside;
        // Figures two actuals files both state (P919), added to the files' reports.
        for (i, found) in actuals_agree::check(self) {
            if !self.files[i].requested {
                continue;
            }
            if let Some(r) = self.actuals_reports.get_mut(&i) {
                r.findings.extend(found);
                crate::diagnostics::sort(&mut r.findings);
            }
        }
    }

    /// The file at `path` (compared as written, then canonically).
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        // The same bytes first (a plain memcmp: a review session asks once per file it
        // reads, and a monthly tree has thousands), then equal paths, then the same file.
        let bytes = path.as_os_str();
        self.files
            .iter()
            .position(|f| f.path.as_os_str() == bytes)
            .or_else(|| self.files.iter().position(|f| f.path == path))
            .or_else(|| self.files.iter().position(|f| same_file(&f.path, path)))
    }

    /// The plans (not reviews) with this id.
    pub fn plans_with_id(&self, id: &str) -> &[FileId] {
        self.graph.ids.get(id).map_or(&[], Vec::as_slice)
    }

    /// The language of messages about the run as a whole (the summary line): `--lang`,
    /// else the one language every plan named by the user is written in, else the
    /// environment's.
    pub fn run_lang(&self) -> crate::i18n::Lang {
        if let Some(forced) = self.config.lang.forced {
            return forced;
        }
        let mut langs = self
            .files
            .iter()
            .filter(|f| f.requested && f.role == Role::Plan)
            .map(|f| f.lang);
        match langs.next() {
            Some(first) if langs.all(|l| l == first) => first,
            _ => self.config.lang.ui(),
        }
    }

    /// The language of messages about a file.
    pub fn lang_of(&self, id: FileId) -> crate::i18n::Lang {
        self.files
            .get(id)
            .map_or_else(|| self.config.lang.ui(), |f| f.lang)
    }

    /// The parent link of a file, when it resolved.
    pub fn link(&self, id: FileId) -> Option<&Link> {
        self.graph.links.get(id).and_then(Option::as_ref)
    }

    /// The plans whose `parent` resolves to this file.
    pub fn children(&self, id: FileId) -> Vec<FileId> {
        (0..self.files.len())
            .filter(|&c| self.link(c).is_some_and(|l| l.parent == id))
            .collect()
    }

    /// The reports of the requested files, in discovery order (problems first), each
    /// with its own findings and the cross-file findings reported in it.
    /// A plan file that did not load but is the one named `id` (its `id:` line reads
    /// so, or, when that line is lost too, its file name starts with it): the cause of
    /// every "no plan with id" that names it.
    pub fn failed_plan(&self, id: &str) -> Option<FileId> {
        let failed = |f: &File| f.role == Role::Plan && f.plan.is_none() && !f.review;
        let by_line = self.files.iter().position(|f| {
            failed(f)
                && f.source.as_ref().is_some_and(|s| {
                    discover::top_level(s.text.as_bytes(), "id").as_deref() == Some(id)
                })
        });
        by_line.or_else(|| {
            self.files.iter().position(|f| {
                failed(f)
                    && f.path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.split('.').next())
                        .is_some_and(|stem| !stem.is_empty() && id.starts_with(stem))
            })
        })
    }

    pub fn reports(&self) -> Vec<FileReport> {
        let mut extra: HashMap<FileId, Vec<Finding>> = HashMap::new();
        for list in self.cross.values() {
            for (id, f) in list {
                extra.entry(*id).or_default().push(f.clone());
            }
        }
        for (id, list) in &self.review_findings {
            extra.entry(*id).or_default().extend(list.iter().cloned());
        }
        let mut out: Vec<FileReport> = self.problems.iter().map(clone_report).collect();
        // Files that did not load come first: their errors are the cause of what the
        // files linking to them report.
        let mut order: Vec<usize> = (0..self.files.len())
            .filter(|&i| self.files[i].requested)
            .collect();
        order.sort_by_key(|&i| {
            let f = &self.files[i];
            !(f.role == Role::Plan && f.plan.is_none() && !f.report.findings.is_empty())
        });
        for i in order {
            out.push(self.merged(i, extra.remove(&i).unwrap_or_default()));
        }
        out.extend(self.outside_reports.iter().map(clone_report));
        out
    }

    /// The report of one file (its own and cross-file findings).
    pub fn report_of(&self, id: FileId) -> FileReport {
        let mut more: Vec<Finding> = self
            .cross
            .values()
            .flatten()
            .filter(|(i, _)| *i == id)
            .map(|(_, f)| f.clone())
            .collect();
        if let Some(r) = self.review_findings.get(&id) {
            more.extend(r.iter().cloned());
        }
        self.merged(id, more)
    }

    /// A file's own report with `more` findings added (levels and suppressions applied,
    /// in span order); an actuals file's report as joined to its plan.
    fn merged(&self, id: FileId, more: Vec<Finding>) -> FileReport {
        if let Some(r) = self.actuals_reports.get(&id) {
            return clone_report(r);
        }
        let f = &self.files[id];
        let mut report = clone_report(&f.report);
        if more.is_empty() {
            return report;
        }
        report.findings.extend(crate::review::session::finish(
            more.into_iter(),
            f.source.as_deref(),
            &self.config,
        ));
        crate::diagnostics::sort(&mut report.findings);
        report.findings.dedup();
        if !report.findings.is_empty() && report.source.is_none() {
            report.source = f.source.clone();
        }
        report
    }

    /// The folder that paths written in `file` (a review's `plan:` and `actuals:`, a
    /// `parent:` path) must stay inside: `source::scope::reference_root`.
    pub fn root_of(&self, file: &Path) -> PathBuf {
        crate::source::scope::reference_root(file, &self.given)
    }

    /// Replaces the text of one file (an editor's unsaved buffer, or the disk after a
    /// change; `None` re-reads the disk) and re-checks it and the plans linked to it —
    /// not the rest of the tree. Returns the files whose reports may have changed.
    pub fn update(&mut self, path: &Path, text: Option<String>) -> Vec<FileId> {
        let id = match self.find_path(path) {
            Some(i) => i,
            None => {
                let role = discover::role_of(path).unwrap_or(Role::Plan);
                self.files.push(File::empty(path, role, true, true));
                self.files.len() - 1
            }
        };
        let before = self.graph.groups_of(self, id);
        let opts = Options {
            keep: true,
            hash: self.hash,
            ..Options::default()
        };
        let (role, requested, explicit) = {
            let f = &self.files[id];
            (f.role, f.requested, f.explicit)
        };
        let mut file = match text {
            Some(t) => check_bytes(path, role, t.into_bytes(), &self.config, &opts),
            None => load_file(path, role, requested, explicit, &self.config, &opts),
        };
        file.requested = requested;
        file.explicit = explicit;
        self.files[id] = file;
        let mut graph = std::mem::take(&mut self.graph);
        let mut groups = graph.update(self, id);
        self.graph = graph;
        for g in before.into_iter().chain(self.graph.groups_of(self, id)) {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        let touched = rollup::recheck(self, &groups);
        let mut changed: Vec<FileId> = vec![id];
        for t in touched {
            if !changed.contains(&t) {
                changed.push(t);
            }
        }
        if self.files[id].review || role == Role::Actuals || self.graph.reviewed.contains(&id) {
            self.recheck_reviews();
        }
        changed
    }
}

impl File {
    fn empty(path: &Path, role: Role, requested: bool, explicit: bool) -> File {
        File {
            path: path.to_path_buf(),
            role,
            requested,
            explicit,
            report: FileReport {
                path: path.to_path_buf(),
                source: None,
                findings: Vec::new(),
            },
            plan: None,
            source: None,
            root: None,
            review: false,
            actuals: None,
            lang: crate::i18n::env_lang(),
            sha256: None,
            dropped: false,
            scanned_id: None,
        }
    }
}

pub(crate) fn clone_report(r: &FileReport) -> FileReport {
    FileReport {
        path: r.path.clone(),
        source: r.source.clone(),
        findings: r.findings.clone(),
    }
}

/// Reads a file once and checks it.
fn load_file(
    path: &Path,
    role: Role,
    requested: bool,
    explicit: bool,
    config: &Config,
    opts: &Options,
) -> File {
    let bytes = match crate::source::read(path) {
        Ok(b) => b,
        Err(_) => {
            let mut f = File::empty(path, role, requested, explicit);
            f.lang = config.lang.ui();
            f.report = match role {
                Role::Plan => crate::load::check_path(path, config),
                Role::Actuals => {
                    crate::i18n::scope(config.lang.ui(), || crate::actuals::load_path(path))
                        .into_report()
                }
            };
            return f;
        }
    };
    // The cache: a clean plan file nobody links to needs no parse at all.
    if let (Role::Plan, Some(cache)) = (role, opts.cache) {
        let key = cache.key(&bytes);
        if cache.is_clean(key) && !discover::is_review_text(&bytes) && !links_text(&bytes) {
            cache.record_clean(key);
            let mut f = File::empty(path, role, requested, explicit);
            f.scanned_id = discover::top_level(&bytes, "id");
            f.lang = config
                .lang
                .for_file(
                    discover::top_level(&bytes, "lang").and_then(|l| match l.as_str() {
                        "zh" => Some(crate::i18n::Lang::Zh),
                        "en" => Some(crate::i18n::Lang::En),
                        _ => None,
                    }),
                );
            f.dropped = true;
            return f;
        }
        let mut f = check_bytes(path, role, bytes, config, opts);
        if f.report.findings.is_empty() {
            cache.record_clean(key);
        }
        f.requested = requested;
        f.explicit = explicit;
        return f;
    }
    let mut f = check_bytes(path, role, bytes, config, opts);
    f.requested = requested;
    f.explicit = explicit;
    f
}

/// Does the text hold a key that makes a link: `parent:` (a child) or `complete:` (a
/// parent whose breakdown must have children even when none names it yet)?
fn links_text(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"parent:").is_some()
        || memchr::memmem::find(bytes, b"complete:").is_some()
}

/// Checks a file from its bytes (the one parse).
fn check_bytes(path: &Path, role: Role, bytes: Vec<u8>, config: &Config, opts: &Options) -> File {
    let sha256 = opts.hash.then(|| crate::source::sha256_hex(&bytes));
    let mut f = File::empty(path, role, true, false);
    f.sha256 = sha256;
    f.lang = config.lang.ui();
    match role {
        Role::Actuals => {
            let a = crate::i18n::scope(f.lang, || crate::actuals::load_bytes(path, &bytes));
            f.report = FileReport {
                path: path.to_path_buf(),
                source: a.source.clone(),
                findings: a.findings.clone(),
            };
            f.source = a.source.clone();
            f.actuals = Some(a);
        }
        Role::Plan => {
            let review = discover::is_review_text(&bytes);
            let links = links_text(&bytes);
            let c = crate::load::check_full(path, bytes, config, review);
            f.lang = c.lang;
            f.review = review
                || c.plan
                    .as_ref()
                    .is_some_and(|p| p.kind.value == Kind::Review);
            f.report = c.report;
            f.plan = c.plan.map(Arc::new);
            f.source = c.source;
            f.root = c.root.map(Arc::new);
            if !(opts.keep || links || f.review) {
                // The id as written, for a plan that did not load (read from the text
                // only then: scanning every file costs as much as validating it).
                f.scanned_id = f.plan.as_ref().map(|p| p.id.value.clone()).or_else(|| {
                    f.source
                        .as_ref()
                        .and_then(|s| discover::top_level(s.text.as_bytes(), "id"))
                });
                f.plan = None;
                f.source = None;
                f.dropped = true;
            }
        }
    }
    f
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

/// Errors and warnings over the requested files.
pub fn count(reports: &[FileReport], severity: Severity) -> usize {
    reports.iter().map(|r| r.count(severity)).sum()
}
