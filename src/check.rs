//! `planc check` as a library call: the files under some paths, checked through the
//! [`crate::workspace`] (per file and across files), reports in discovery order.

use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostics::FileReport;
use crate::workspace::{Options, Workspace};

pub use crate::workspace::is_plan_file;

/// Checks everything under `paths`: problems with the paths first, then every file.
pub fn check_paths(paths: &[PathBuf], config: &Config) -> Vec<FileReport> {
    Workspace::open(paths, config.clone(), &Options::default()).reports()
}

/// The files planc would check under `paths`, and the problems with the paths.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let (found, problems) = crate::workspace::discover::discover(paths);
    (found.into_iter().map(|f| f.path).collect(), problems)
}

/// Checks these files as one workspace (no path problems: they were discovered).
pub fn check_files(files: &[PathBuf], config: &Config) -> Vec<FileReport> {
    Workspace::open(files, config.clone(), &Options::default()).reports()
}
