//! Checking what a change touched (`planc check --changed-since REV`, `--files-from`):
//! the changed files and the files linked to them — a parent re-checks when a child
//! changes (its roll-up), children when their parent does (their allocation), plans
//! sharing an id, the reviews of a plan and the actuals that belong to it.
//!
//! The whole workspace is still opened (links are only known from every file), but only
//! the focused files are reported, and reviews of other plans are not run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::graph::{dir_of, ParentRef};
use super::{reviews, same_file, FileId, Role, Workspace};

/// What changed, as the caller knows it.
#[derive(Clone, Debug, Default)]
pub struct Change {
    /// Files that changed (and still exist).
    pub paths: Vec<PathBuf>,
    /// Plans named by the `parent:` of files deleted by the change: an id, or a path
    /// already resolved against the deleted file's folder.
    pub gone_parents: Vec<String>,
}

impl Change {
    /// Records a deleted plan's `parent:` (read from its last committed bytes).
    pub fn deleted(&mut self, path: &Path, old_bytes: &[u8]) {
        if let Some(spec) = super::discover::top_level(old_bytes, "parent") {
            let r = ParentRef::parse(&spec);
            if r.is_path() {
                self.gone_parents
                    .push(dir_of(path).join(&r.plan).to_string_lossy().into_owned());
            } else {
                self.gone_parents.push(r.plan);
            }
        }
    }
}

/// The files of `ws` that `change` touches, directly or through a link.
pub fn focus(ws: &Workspace, change: &Change) -> BTreeSet<FileId> {
    let mut direct: BTreeSet<FileId> = BTreeSet::new();
    for p in &change.paths {
        if let Some(i) = find(ws, p) {
            direct.insert(i);
        }
    }
    let mut out = direct.clone();
    for &i in &direct {
        out.extend(linked(ws, i));
    }
    // The parent of a deleted child: only its coverage and sums change.
    for spec in &change.gone_parents {
        out.extend(ws.plans_with_id(spec).iter().copied());
        out.extend(find(ws, Path::new(spec)));
    }
    out
}

/// The file at `path`, comparing canonical paths only for files of the same name.
fn find(ws: &Workspace, path: &Path) -> Option<FileId> {
    let name = path.file_name()?;
    ws.files
        .iter()
        .position(|f| f.path.file_name() == Some(name) && same_file(&f.path, path))
}

/// The files whose findings can change when file `i` does.
pub fn linked(ws: &Workspace, i: FileId) -> Vec<FileId> {
    let mut out = Vec::new();
    if let Some(l) = ws.link(i) {
        out.push(l.parent);
    }
    out.extend(ws.children(i));
    if let Some(id) = ws.files[i].id() {
        out.extend(ws.plans_with_id(id).iter().copied().filter(|&j| j != i));
    }
    // The plan an actuals file belongs to (its targets are what the actuals are read
    // against), and that plan's reviews.
    let plan = if ws.files[i].role == Role::Actuals {
        let p = reviews::plan_of_actuals(ws, &ws.graph, i);
        out.extend(p);
        p
    } else {
        Some(i)
    };
    for (j, f) in ws.files.iter().enumerate() {
        if j == i {
            continue;
        }
        if f.role == Role::Actuals
            && plan.is_some()
            && reviews::plan_of_actuals(ws, &ws.graph, j) == plan
        {
            out.push(j);
        }
        if f.review && reviews_one_of(ws, j, plan, i) {
            out.push(j);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Does review `r` review `plan`, or read the actuals file `i`?
fn reviews_one_of(ws: &Workspace, r: FileId, plan: Option<FileId>, i: FileId) -> bool {
    let f = &ws.files[r];
    let Some(spec) = f.plan.as_ref().and_then(|p| p.review.as_ref()) else {
        return false;
    };
    let dir = dir_of(&f.path);
    let names = |j: FileId, s: &str| {
        ws.plans_with_id(s).contains(&j) || same_file(&dir.join(s), &ws.files[j].path)
    };
    plan.is_some_and(|p| names(p, &spec.plan.value))
        || spec
            .actuals
            .iter()
            .any(|a| same_file(&dir.join(a.as_str()), &ws.files[i].path))
}
