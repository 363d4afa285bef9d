//! Where paths written in a file may lead: a review's `plan:` and `actuals:` and a
//! child's `parent:` path resolve inside the workspace root, and nothing outside it is
//! read because a file named it.
//!
//! The root of a file is the widest of
//! - the folder of the nearest `planc.toml` at or above it (the plan repository),
//! - the folders the run was given that hold it (`planc check DIR`, `serve DIR`);
//!
//! and, for a file named alone outside both, its folder's parent — the folder whose
//! plans a file named alone may already link to by id.

use std::path::{Component, Path, PathBuf};

/// The file that marks a plan repository's top (`config::FILE_NAME`: written out here,
/// since reading files sits below the configuration).
const REPOSITORY_MARK: &str = "planc.toml";

/// The folder paths written in `file` must stay inside (see the module doc); `given`
/// are the paths the run was given.
pub fn reference_root(file: &Path, given: &[PathBuf]) -> PathBuf {
    let abs = clean(&absolute(file));
    let dir = abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf);
    let mut best: Option<PathBuf> = None;
    let mut widen = |p: PathBuf| {
        if best.as_ref().is_none_or(|b| b.starts_with(&p)) {
            best = Some(p);
        }
    };
    if let Some(repo) = dir.ancestors().find(|a| a.join(REPOSITORY_MARK).is_file()) {
        widen(repo.to_path_buf());
    }
    for g in given {
        let g = clean(&absolute(g));
        if g.is_dir() && abs.starts_with(&g) {
            widen(g);
        }
    }
    best.unwrap_or_else(|| dir.parent().map_or(dir.clone(), Path::to_path_buf))
}

/// Whether `target` lies inside `root`: by their canonical paths (so a link out of the
/// root is outside), or, for a target that does not exist, by its path with `.` and
/// `..` resolved.
pub fn inside(root: &Path, target: &Path) -> bool {
    // `Path::parent` of a bare relative name is the empty path: the current folder.
    let dot = Path::new(".");
    let root = if root.as_os_str().is_empty() {
        dot
    } else {
        root
    };
    let target = if target.as_os_str().is_empty() {
        dot
    } else {
        target
    };
    let canon_root = root.canonicalize().ok();
    match target.canonicalize() {
        Ok(t) => canon_root.is_some_and(|r| t.starts_with(r)),
        Err(_) => {
            let t = clean(&absolute(target));
            t.starts_with(clean(&absolute(root))) || canon_root.is_some_and(|r| t.starts_with(r))
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `p` with `.` dropped and `..` taking off the component before it (lexically).
fn clean(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_stay_inside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("repo/plans/reps")).unwrap();
        std::fs::create_dir_all(d.join("outside")).unwrap();
        std::fs::write(d.join("outside/x.plan.yaml"), "").unwrap();
        std::fs::write(d.join("repo/plans/a.plan.yaml"), "").unwrap();
        let file = d.join("repo/plans/reps/r.plan.yaml");
        // Named alone, no planc.toml: its folder's parent.
        assert_eq!(
            reference_root(&file, &[]),
            d.canonicalize().unwrap().join("repo/plans")
        );
        // Inside a folder the run was given: that folder.
        assert_eq!(
            reference_root(&file, &[d.join("repo")]),
            d.join("repo"),
            "the folder given"
        );
        // A planc.toml above wins over a narrower folder given.
        std::fs::write(d.join("repo/planc.toml"), "").unwrap();
        assert_eq!(
            reference_root(&file, &[d.join("repo/plans")]),
            d.join("repo")
        );
        let root = d.join("repo");
        let reps = d.join("repo/plans/reps");
        assert!(inside(&root, &reps.join("../a.plan.yaml")));
        assert!(inside(&root, &reps.join("../../missing.plan.yaml")));
        assert!(!inside(&root, &reps.join("../../../outside/x.plan.yaml")));
        assert!(!inside(&root, &reps.join("../../../outside/none.yaml")));
        assert!(!inside(&root, Path::new("/etc/passwd")));
        // The empty path (`Path::new("reps").parent()`) is the current folder.
        assert!(inside(Path::new("."), Path::new("")));
        assert!(inside(Path::new(""), Path::new("x.plan.yaml")));
        // A link inside the root that leads out of it is outside.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("outside/x.plan.yaml"), reps.join("l.plan.yaml"))
                .unwrap();
            assert!(!inside(&root, &reps.join("l.plan.yaml")));
        }
    }
}
