use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `planc --lang en` run from the repository root (a later `--lang zh` overrides it).
pub fn planc() -> Command {
    let mut cmd = planc_env();
    cmd.args(["--lang", "en"]);
    cmd
}

/// `planc` run from the repository root, its language left to the plans and environment.
pub fn planc_env() -> Command {
    let mut cmd = Command::cargo_bin("planc").expect("the planc binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("PLANC_LANG")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env(
            "PLANC_CACHE_DIR",
            std::env::temp_dir().join("planc-test-cache"),
        );
    cmd
}

/// Writes `files` into a fresh temporary directory.
pub fn temp_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(path, text).expect("write file");
    }
    dir
}

/// Every `*.plan.yaml` under `dir`, sorted.
pub fn plans_under(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".plan.yaml"))
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// The 华东 region example without its links (`parent`, and `complete` of the breakdown
/// its representatives fill), for tests that copy it alone into a folder of their own.
pub fn region_alone() -> String {
    std::fs::read_to_string(root().join("examples/org/east-china.plan.yaml"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("parent:") && l.trim() != "complete: true")
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `Some(PYTHONPATH)` for a python3 with openpyxl (installed into `dir` when missing), or
/// `None` with a message when it cannot be had.
pub fn openpyxl(dir: &std::path::Path) -> Option<Option<std::path::PathBuf>> {
    let has = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if has {
        return Some(None);
    }
    let target = dir.join("py");
    let ok = std::process::Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
        ])
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .arg(&target)
        .arg("openpyxl")
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("SKIPPED: openpyxl is not installed and could not be pip-installed");
        return None;
    }
    Some(Some(target))
}

/// Copies the tree under `from` into `to` (folders made as needed).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).expect("under the root");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("create dirs");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}
