//! The links between the files of a workspace: plan ids, `parent` links, reviews.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{FileId, Role, Workspace};
use crate::source::Span;

/// `parent:` as written: `<plan id or path>[#[<dimension>:]<item>]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParentRef {
    pub plan: String,
    pub dimension: Option<String>,
    pub item: Option<String>,
}

impl ParentRef {
    pub fn parse(s: &str) -> ParentRef {
        let (plan, rest) = match s.split_once('#') {
            Some((p, r)) => (p.trim(), Some(r.trim())),
            None => (s.trim(), None),
        };
        let (dimension, item) = match rest {
            Some(r) => match r.split_once(':') {
                Some((d, i)) => (Some(d.trim().to_owned()), Some(i.trim().to_owned())),
                None => (None, Some(r.to_owned())),
            },
            None => (None, None),
        };
        ParentRef {
            plan: plan.to_owned(),
            dimension,
            item: item.filter(|i| !i.is_empty()),
        }
    }
    /// Written as a path rather than an id?
    pub fn is_path(&self) -> bool {
        self.plan.contains('/')
            || self.plan.contains('\\')
            || self.plan.ends_with(".yaml")
            || self.plan.ends_with(".yml")
    }
}

/// A resolved `parent` link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub parent: FileId,
    pub spec: ParentRef,
    /// The span of the `parent:` value in the child.
    pub span: Span,
}

/// Whether a `parent:` written as a path stays inside the child's workspace root (an
/// id always does); one that leads out is never followed, and P901 says why.
pub fn path_inside(ws: &Workspace, child: FileId, spec: &ParentRef) -> bool {
    if !spec.is_path() {
        return true;
    }
    let path = &ws.files[child].path;
    crate::source::scope::inside(&ws.root_of(path), &dir_of(path).join(&spec.plan))
}

/// The groups cross-file findings are computed (and re-computed) for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// A parent plan with its children: their links, roll-ups and coverage.
    Parent(FileId),
    /// A child whose `parent` resolves to nothing.
    Unresolved(FileId),
    /// Plans sharing an id.
    DuplicateId(String),
}

#[derive(Default)]
pub struct Graph {
    /// Plan ids (reviews included) → files.
    pub ids: HashMap<String, Vec<FileId>>,
    /// Per file: its resolved parent link.
    pub links: Vec<Option<Link>>,
    /// Files with a `parent` that resolves to nothing.
    pub unresolved: Vec<FileId>,
    /// Plans a review in the workspace reviews.
    pub reviewed: HashSet<FileId>,
}

impl Graph {
    pub fn build(ws: &Workspace) -> Graph {
        let mut g = Graph::default();
        for (i, f) in ws.files.iter().enumerate() {
            if f.role != Role::Plan {
                continue;
            }
            if let Some(id) = f.id() {
                g.ids.entry(id.to_owned()).or_default().push(i);
            }
        }
        g.links = (0..ws.files.len()).map(|i| g.resolve(ws, i)).collect();
        g.unresolved = (0..ws.files.len())
            .filter(|&i| g.links[i].is_none() && parent_of(ws, i).is_some())
            .collect();
        for f in &ws.files {
            let Some(spec) = f.plan.as_ref().and_then(|p| p.review.as_ref()) else {
                continue;
            };
            let dir = dir_of(&f.path);
            if let Some(p) = g.resolve_plan_spec(ws, &spec.plan, &dir) {
                g.reviewed.insert(p);
            }
        }
        g
    }

    fn resolve(&self, ws: &Workspace, i: FileId) -> Option<Link> {
        let (value, span) = parent_of(ws, i)?;
        let spec = ParentRef::parse(value);
        let parent = if spec.is_path() {
            let p = dir_of(&ws.files[i].path).join(&spec.plan);
            if !path_inside(ws, i, &spec) {
                return None;
            }
            ws.find_path(&p)
                .filter(|&j| ws.files[j].role == Role::Plan)?
        } else {
            match self.ids.get(&spec.plan).map(Vec::as_slice) {
                Some([one]) => *one,
                // None, or ambiguous (reported as a duplicate id).
                _ => return None,
            }
        };
        (parent != i).then_some(Link { parent, spec, span })
    }

    /// `review.plan` (a path relative to `dir`, or a plan id) → a plan of the workspace.
    pub fn resolve_plan_spec(&self, ws: &Workspace, spec: &str, dir: &Path) -> Option<FileId> {
        if let Some(j) = ws.find_path(&dir.join(spec)) {
            return Some(j);
        }
        match self.ids.get(spec).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    /// Folders to search for plans that unresolved links of files named alone may mean.
    pub fn unresolved_dirs(&self, ws: &Workspace) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut push = |d: PathBuf| {
            if !dirs.contains(&d) {
                dirs.push(d);
            }
        };
        for (i, f) in ws.files.iter().enumerate() {
            if !f.explicit {
                continue;
            }
            let wants = self.unresolved.contains(&i)
                || f.review
                || (f.role == Role::Actuals && !self.actuals_plan_found(ws, i));
            if wants {
                // The file's folder and the folder above; for actuals also that folder's
                // other folders (`examples/actuals/x.actuals.yaml` → `examples/org/`),
                // when the folder above is a plans folder itself (it holds a plan or a
                // `planc.toml`) — never the siblings of, say, `/tmp`.
                let d = dir_of(&f.path);
                let root = ws.root_of(&f.path);
                if let Some(up) = d
                    .parent()
                    .filter(|up| crate::source::scope::inside(&root, up))
                {
                    let up = up.to_path_buf();
                    let plans_folder = up.join(crate::config::FILE_NAME).is_file()
                        || !super::discover::plans_in(&up).is_empty();
                    if f.role == Role::Actuals && plans_folder {
                        for sib in subdirs(&up) {
                            if sib != d {
                                push(sib);
                            }
                        }
                    }
                    push(up);
                }
                push(d);
            }
        }
        dirs
    }

    fn actuals_plan_found(&self, ws: &Workspace, i: FileId) -> bool {
        super::reviews::plan_of_actuals(ws, self, i).is_some()
    }

    /// Rebuilds the graph after one file changed; returns the groups whose findings may
    /// have changed because a link appeared, vanished or moved.
    pub fn update(&mut self, ws: &Workspace, changed: FileId) -> Vec<GroupKey> {
        let old = std::mem::take(self);
        *self = Graph::build(ws);
        let mut groups = Vec::new();
        let mut push = |k: GroupKey| {
            if !groups.contains(&k) {
                groups.push(k);
            }
        };
        for i in 0..self.links.len() {
            let before = old.links.get(i).cloned().flatten();
            let after = self.links[i].clone();
            if before != after || i == changed {
                if let Some(l) = before {
                    push(GroupKey::Parent(l.parent));
                }
                if let Some(l) = after {
                    push(GroupKey::Parent(l.parent));
                }
                push(GroupKey::Unresolved(i));
            }
        }
        for (id, files) in old.ids.iter().chain(self.ids.iter()) {
            if files.contains(&changed) {
                push(GroupKey::DuplicateId(id.clone()));
            }
        }
        push(GroupKey::Parent(changed));
        groups
    }

    /// The groups a file takes part in now.
    pub fn groups_of(&self, ws: &Workspace, i: FileId) -> Vec<GroupKey> {
        let mut out = vec![GroupKey::Parent(i), GroupKey::Unresolved(i)];
        if let Some(Some(l)) = self.links.get(i) {
            out.push(GroupKey::Parent(l.parent));
        }
        if let Some(id) = ws.files.get(i).and_then(|f| f.id()) {
            out.push(GroupKey::DuplicateId(id.to_owned()));
        }
        out
    }
}

/// The folders directly in `dir` (not hidden), sorted.
fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let d = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(d) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            if dir.as_os_str().is_empty() {
                PathBuf::from(e.file_name())
            } else {
                e.path()
            }
        })
        .collect();
    out.sort();
    out
}

/// The plan ids and paths that links of the workspace name but that it does not hold.
pub fn wanted(ws: &Workspace, g: &Graph) -> (HashSet<String>, Vec<PathBuf>, Vec<String>) {
    let mut ids = HashSet::new();
    let mut paths = Vec::new();
    let mut stems = Vec::new();
    for (i, f) in ws.files.iter().enumerate() {
        if let Some(p) = f.plan.as_ref() {
            if g.unresolved.contains(&i) {
                if let Some(parent) = &p.parent {
                    let r = ParentRef::parse(&parent.value);
                    if r.is_path() && path_inside(ws, i, &r) {
                        paths.push(dir_of(&f.path).join(&r.plan));
                    } else if !r.is_path() {
                        ids.insert(r.plan);
                    }
                }
            }
            if let Some(spec) = &p.review {
                ids.insert(spec.plan.value.clone());
                paths.push(dir_of(&f.path).join(spec.plan.as_str()));
            }
        }
        if let Some(a) = &f.actuals {
            match &a.plan {
                Some(id) => {
                    ids.insert(id.value.clone());
                }
                None => {
                    let name = f.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    stems.push(name.split(".actuals.").next().unwrap_or(name).to_owned());
                }
            }
        }
    }
    (ids, paths, stems)
}

/// Is a plan of this id (at this path) one that `wanted` lists?
pub fn is_wanted(
    id: Option<&str>,
    path: &Path,
    (ids, paths, stems): &(HashSet<String>, Vec<PathBuf>, Vec<String>),
) -> bool {
    paths.iter().any(|p| super::same_file(p, path))
        || id.is_some_and(|id| {
            ids.contains(id)
                || stems.iter().any(|s| {
                    s.strip_prefix(id)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
                })
        })
}

/// `parent:` of a plan file: its value and span.
pub fn parent_of(ws: &Workspace, i: FileId) -> Option<(&str, Span)> {
    let p = ws.files[i].plan.as_ref()?.parent.as_ref()?;
    Some((p.value.as_str(), p.span))
}

pub fn dir_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}
