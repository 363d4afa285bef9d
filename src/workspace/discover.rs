//! Which files of a tree planc understands, found once per run.

use std::path::{Path, PathBuf};

use crate::diagnostics::{FileReport, Finding};
use crate::rules::builtin;
use crate::source::{display_path, Span};

/// What a file is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `*.plan.yaml`: a plan of any kind, reviews included (told apart by their bytes).
    Plan,
    /// `*.actuals.yaml|csv|xlsx`.
    Actuals,
}

/// Is this a plan file name (`*.plan.yaml` / `*.plan.yml`)?
pub fn is_plan_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".plan.yaml") || n.ends_with(".plan.yml"))
}

/// The role of a file planc understands, by name; `None` for every other file.
pub fn role_of(path: &Path) -> Option<Role> {
    if is_plan_file(path) {
        Some(Role::Plan)
    } else if crate::actuals::is_actuals_file(path) {
        Some(Role::Actuals)
    } else {
        None
    }
}

/// A file found, and whether the user named it directly (then its folder is searched
/// for the plans it links to when they are not among the files found).
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    pub role: Role,
    pub explicit: bool,
}

/// Expands the paths given into the files planc understands, in a stable order
/// (directories sorted by name; hidden folders, `target` and `node_modules` skipped).
/// Problems (missing paths, a directory holding none of them) come back as reports.
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<FileReport>) {
    let mut files: Vec<Found> = Vec::new();
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
                    crate::t!(
                        "io-cannot-read",
                        path = display_path(p),
                        reason = crate::source::io_reason(&e)
                    ),
                ));
                continue;
            }
        };
        if meta.is_file() {
            // A file named on the command line is taken whatever its name says; one
            // that is not an actuals file is read as a plan.
            let role = role_of(p).unwrap_or(Role::Plan);
            files.push(Found {
                path: p.clone(),
                role,
                explicit: true,
            });
            continue;
        }
        if !meta.is_dir() {
            // A FIFO or a device named on the command line: never opened (it could block
            // or never end).
            problems.push(problem(
                p,
                crate::t!(
                    "io-cannot-read",
                    path = display_path(p),
                    reason = crate::t!("io-not-a-file")
                ),
            ));
            continue;
        }
        let before = files.len();
        // Links are not followed into folders (a link to `/sys`, a loop or a fan-out
        // would multiply the work, and a folder outside the root is not the user's); a
        // link to a file is followed only when the file lies inside the root.
        let root = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let walker = walkdir::WalkDir::new(p)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !(name.starts_with('.') || name == "target" || name == "node_modules")
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if let Some(role) = role_of(e.path()) {
                        files.push(Found {
                            path: e.path().to_path_buf(),
                            role,
                            explicit: false,
                        });
                    }
                }
                Ok(e) if e.file_type().is_symlink() => {
                    let Some(role) = role_of(e.path()) else {
                        continue;
                    };
                    match std::fs::canonicalize(e.path()) {
                        // A folder is not walked into; a device or a FIFO is never
                        // opened (as when met in the folder itself).
                        Ok(target) if !target.is_file() => {}
                        Ok(target) if target.starts_with(&root) => files.push(Found {
                            path: e.path().to_path_buf(),
                            role,
                            explicit: false,
                        }),
                        Ok(target) => problems.push(problem(
                            e.path(),
                            crate::t!(
                                "io-link-outside",
                                path = display_path(e.path()),
                                target = display_path(&target)
                            ),
                        )),
                        Err(err) => problems.push(problem(
                            e.path(),
                            crate::t!(
                                "io-cannot-read",
                                path = display_path(e.path()),
                                reason = crate::source::io_reason(&err)
                            ),
                        )),
                    }
                }
                Ok(_) => {}
                Err(e) => problems.push(problem(
                    e.path().unwrap_or(p),
                    crate::t!(
                        "io-cannot-read",
                        path = display_path(e.path().unwrap_or(p)),
                        reason = e.to_string()
                    ),
                )),
            }
        }
        if files.len() == before {
            problems.push(problem(
                p,
                crate::t!("workspace-no-files", path = display_path(p)),
            ));
        }
    }
    // One file, one entry: a link to a file inside the root and the file itself are the
    // same plan (never a duplicate id).
    let mut seen = std::collections::HashSet::new();
    files
        .retain(|f| seen.insert(std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())));
    (files, problems)
}

/// The plan files directly in `dir` (for resolving the links of a file named alone).
pub fn plans_in(dir: &Path) -> Vec<PathBuf> {
    let d = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(d) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_plan_file(p) && p.is_file())
        .map(|p| {
            // Keep the user's relative spelling: `examples/x.plan.yaml`, not `./examples/…`.
            if dir.as_os_str().is_empty() {
                p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            }
        })
        .collect();
    paths.sort();
    paths
}

/// Does this plan text hold a `kind: review`? (Scanned without loading it.)
pub fn is_review_text(bytes: &[u8]) -> bool {
    // Fast reject: almost every file has no "review" at all.
    if memchr::memmem::find(bytes, b"review").is_none() {
        return false;
    }
    top_level(bytes, "kind").as_deref() == Some("review")
}

/// The value of a top-level `key: value` line, read without parsing the file.
pub fn top_level(bytes: &[u8], key: &str) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    text.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(':')?;
        let v = v.split(" #").next().unwrap_or(v).trim();
        let v = v.trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_owned())
    })
}
