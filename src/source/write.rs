//! Output files: written whole or not at all (a temporary file beside, then a rename),
//! never over a file the run read. Below every stage that writes one (the CLI, the cache).

use std::io::Write;
use std::path::PathBuf;

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, then a
/// rename, so a failed run never leaves a half-written output file. An output that is
/// one of the files this run read (the same file through any path or link) is refused:
/// `-o` never overwrites an input.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if super::is_input(path) {
        return Err(super::refused(super::ReadRefusal::OutputIsInput));
    }
    replace_atomic(path, bytes)
}

/// Where an output really goes: the path itself when nothing is there or it is a regular
/// file; through a link, the regular file it points at (the link is kept). A device, a
/// FIFO, a socket, a directory, or a link to one of them or to nothing is refused:
/// replacing `/dev/null` with a regular file is never what the user meant.
fn output_target(
    path: &std::path::Path,
) -> std::io::Result<(PathBuf, Option<std::fs::Permissions>)> {
    let refuse = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::t!("output-not-a-file"),
        )
    };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((path.to_path_buf(), None)),
        Err(e) => Err(e),
        Ok(m) if m.file_type().is_symlink() => {
            let target = std::fs::canonicalize(path).map_err(|_| refuse())?;
            let tm = std::fs::metadata(&target).map_err(|_| refuse())?;
            if tm.is_file() {
                Ok((target, Some(tm.permissions())))
            } else {
                Err(refuse())
            }
        }
        Ok(m) if m.is_file() => Ok((path.to_path_buf(), Some(m.permissions()))),
        Ok(_) => Err(refuse()),
    }
}

/// [`write_atomic`] for the one command that rewrites its input on purpose (`planc fix`).
pub fn replace_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let (target, mode) = output_target(path)?;
    let path = target.as_path();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.planc-tmp-{}", std::process::id()));
    // The temporary file is created fresh: the bytes never go through a link. A stale
    // one (or a link planted under its name) is removed first, only when there is one
    // (a removal that finds nothing costs a look-up in the folder, per file written).
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
    };
    let file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let _ = std::fs::remove_file(&tmp);
            create()
        }
        other => other,
    };
    let written = file.and_then(|mut f| f.write_all(bytes));
    // A replaced file keeps its mode (a 0600 report stays 0600).
    let written = match mode {
        Some(m) => written.and_then(|()| std::fs::set_permissions(&tmp, m)),
        None => written,
    };
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}
