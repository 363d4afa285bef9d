//! The few questions planc asks git, through the `git` command line (no libgit2: the
//! user's git, with the user's configuration, answers exactly as it would in a shell).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why git could not answer.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{}", crate::t!("git-not-found"))]
    NotFound,
    #[error("{}", crate::t!("git-failed", command = command.as_str(), reason = reason.as_str()))]
    Failed { command: String, reason: String },
}

/// A file that changed since a revision, as an absolute path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub path: PathBuf,
    /// Deleted in the working tree: its content is only in the revision.
    pub deleted: bool,
    /// Its path relative to the repository's top level (what `git show REV:path` takes).
    pub in_repo: String,
}

/// Runs `git -C dir ARGS` and returns its standard output; a failure carries git's message.
pub fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GitError::NotFound,
            _ => GitError::Failed {
                command: format!("git {}", args.join(" ")),
                reason: e.to_string(),
            },
        })?;
    if !out.status.success() {
        let reason = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        return Err(GitError::Failed {
            command: format!("git {}", args.join(" ")),
            reason,
        });
    }
    Ok(out.stdout)
}

/// The top level of the repository holding `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let out = run(dir, &["rev-parse", "--show-toplevel"])?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out).trim_end()))
}

/// NUL-separated paths, as `-z` prints them.
fn paths_z(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// The files that differ between `rev` and the working tree (staged or not), and the
/// untracked files git does not ignore — what a pull request from this tree would touch.
pub fn changed_since(dir: &Path, rev: &str) -> Result<Vec<Changed>, GitError> {
    let top = toplevel(dir)?;
    // `rev^{commit}` fails early, with git's own message, on a revision that does not exist.
    run(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| GitError::Failed {
        command: format!("git rev-parse --verify {rev}"),
        reason: crate::t!("git-unknown-revision", rev = rev),
    })?;
    let diff = run(
        &top,
        &[
            "diff",
            "--name-status",
            "-z",
            "--no-renames",
            "--no-ext-diff",
            rev,
            "--",
        ],
    )?;
    let mut out = Vec::new();
    let mut fields = paths_z(&diff);
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        out.push(Changed {
            path: top.join(&path),
            deleted: status.starts_with('D'),
            in_repo: path,
        });
    }
    let untracked = run(&top, &["ls-files", "-z", "--others", "--exclude-standard"])?;
    for path in paths_z(&untracked) {
        out.push(Changed {
            path: top.join(&path),
            deleted: false,
            in_repo: path,
        });
    }
    Ok(out)
}

/// The bytes of `path` (relative to the top level) at `rev`.
pub fn show(dir: &Path, rev: &str, path: &str) -> Result<Vec<u8>, GitError> {
    run(dir, &["show", &format!("{rev}:{path}")])
}
