//! `planc check --changed-since REV` and `--files-from`: what a change touched, plus the
//! plans linked to it, in a temporary git repository holding the org example.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::util::{planc, root};

/// A git repository holding a copy of `examples/org`, committed; `None` (the test skips,
/// saying why) without a git command line.
fn repo() -> Option<tempfile::TempDir> {
    repo_of("examples/org")
}

/// A git repository holding a copy of the folder `rel` of the project, committed.
fn repo_of(rel: &str) -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("SKIPPED: git is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let from = root().join(rel);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "plans"]);
    Some(dir)
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=planc",
            "-c",
            "user.email=planc@example.com",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// `planc check --format json ARGS` run in `dir`: the JSON, the files it reports (relative
/// to `dir`, sorted) and the exit code.
fn check_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> (Value, Vec<String>, i32) {
    let mut cmd = planc();
    cmd.current_dir(dir)
        .args(["check", "--no-cache", "--format", "json"])
        .args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let mut files: Vec<String> = json["files"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    let p = f["path"].as_str().unwrap();
                    p.trim_start_matches("./").to_owned()
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    (json, files, out.status.code().unwrap_or(-1))
}

fn codes_in(json: &Value, file: &str) -> Vec<String> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(file))
        .flat_map(|f| f["findings"].as_array().unwrap().iter())
        .map(|x| x["code"].as_str().unwrap().to_owned())
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let changed = text.replacen(from, to, 1);
    assert_ne!(text, changed, "{from} not in {}", path.display());
    std::fs::write(path, changed).unwrap();
}

/// A representative's nine monthly actuals files, then `rest` (the order `check` lists them in).
fn rep_with_actuals(plan_id: &str, rest: &[&str]) -> Vec<String> {
    (1..=9)
        .map(|m| format!("actuals/2026-{m:02}/{plan_id}.actuals.csv"))
        .chain(rest.iter().map(|f| (*f).to_owned()))
        .collect()
}

#[test]
fn a_changed_child_is_checked_with_its_parent_and_nothing_else() {
    let Some(repo) = repo() else { return };
    let rep = repo.path().join("reps/wanglei.plan.yaml");
    let text = std::fs::read_to_string(&rep).unwrap();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("rolls_up:"))
        .unwrap();
    let value_line = (0..line)
        .rev()
        .find(|&i| {
            text.lines()
                .nth(i)
                .unwrap()
                .trim_start()
                .starts_with("value:")
        })
        .unwrap();
    let old = text.lines().nth(value_line).unwrap().trim().to_owned();
    edit(&rep, &old, "value: 1.234亿元");
    let (json, files, code) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
    // The plan's own monthly actuals are checked with it.
    let wanglei = rep_with_actuals(
        "rep-wanglei-2026",
        &["east-china.plan.yaml", "reps/wanglei.plan.yaml"],
    );
    assert_eq!(files, wanglei, "{json:#}");
    assert_eq!(code, 1);
    assert!(codes_in(&json, "wanglei.plan.yaml").contains(&"P911".to_owned()));
    // Committed, the same change is still "since" the first commit, not since HEAD.
    git(repo.path(), &["commit", "-q", "-am", "wanglei"]);
    let (_, files, _) = check_in(repo.path(), &["--changed-since", "HEAD~1"], None);
    assert_eq!(files, wanglei);
    let out = planc()
        .current_dir(repo.path())
        .args(["check", "--no-cache", "--changed-since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nothing to check"), "{stderr}");
}

#[test]
fn a_changed_parent_rechecks_its_parent_and_children() {
    let Some(repo) = repo() else { return };
    edit(
        &repo.path().join("east-china.plan.yaml"),
        "title:",
        "# a comment\ntitle:",
    );
    let (json, files, code) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
    assert_eq!(
        files,
        [
            "actuals/2026-01/east-china-2026.actuals.csv",
            "actuals/2026-02/east-china-2026.actuals.csv",
            "actuals/2026-03/east-china-2026.actuals.csv",
            "actuals/2026-04/east-china-2026.actuals.csv",
            "actuals/2026-05/east-china-2026.actuals.csv",
            "actuals/2026-06/east-china-2026.actuals.csv",
            "actuals/2026-07/east-china-2026.actuals.csv",
            "actuals/2026-08/east-china-2026.actuals.csv",
            "actuals/2026-09/east-china-2026.actuals.csv",
            "company.plan.yaml",
            "east-china.plan.yaml",
            "reps/lina.plan.yaml",
            "reps/wanglei.plan.yaml",
            "reps/zhangwei.plan.yaml"
        ],
        "{json:#}"
    );
    assert_eq!(code, 0, "{json:#}");
}

#[test]
fn a_deleted_child_rechecks_the_parent_it_named() {
    let Some(repo) = repo() else { return };
    std::fs::remove_file(repo.path().join("reps/lina.plan.yaml")).unwrap();
    let (json, files, code) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
    assert_eq!(files, ["east-china.plan.yaml"], "{json:#}");
    assert_eq!(code, 1, "{json:#}");
    let codes = codes_in(&json, "east-china.plan.yaml");
    assert!(
        codes.iter().any(|c| c == "P913" || c == "P911"),
        "the parent misses its representative: {codes:?}"
    );
}

#[test]
fn files_from_stdin_checks_the_listed_files_and_their_links() {
    let Some(repo) = repo() else { return };
    let (json, files, code) = check_in(
        repo.path(),
        &["--files-from", "-"],
        Some("reps/lina.plan.yaml\nREADME.md\n"),
    );
    assert_eq!(
        files,
        rep_with_actuals(
            "rep-lina-2026",
            &["east-china.plan.yaml", "reps/lina.plan.yaml"]
        ),
        "{json:#}"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_plan_is_rechecked_with_its_actuals_and_its_reviews() {
    let Some(repo) = repo_of("examples") else {
        return;
    };
    // Changed since HEAD: the files checked, then the change is undone.
    let touched = |file: &str| {
        let path = repo.path().join(file);
        let text = std::fs::read(&path).unwrap();
        let mut changed = text.clone();
        changed.extend_from_slice(b"# touched\n");
        std::fs::write(&path, changed).unwrap();
        let (json, files, _) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
        std::fs::write(&path, text).unwrap();
        (json, files)
    };
    // The company plan: its regions, its actuals (named after its id) and the review of
    // it (which names it by path) — not the regions' own actuals.
    let (json, files) = touched("org/company.plan.yaml");
    assert_eq!(
        files,
        [
            "actuals/company-2026-crm.actuals.xlsx",
            "actuals/company-2026.actuals.csv",
            "org/actuals/2026-01/company-2026.actuals.csv",
            "org/actuals/2026-02/company-2026.actuals.csv",
            "org/actuals/2026-03/company-2026.actuals.csv",
            "org/actuals/2026-04/company-2026.actuals.csv",
            "org/actuals/2026-05/company-2026.actuals.csv",
            "org/actuals/2026-06/company-2026.actuals.csv",
            "org/actuals/2026-07/company-2026.actuals.csv",
            "org/actuals/2026-08/company-2026.actuals.csv",
            "org/actuals/2026-09/company-2026.actuals.csv",
            "org/company.plan.yaml",
            "org/east-china.plan.yaml",
            "org/north-china.plan.yaml",
            "org/south-china.plan.yaml",
            "review.plan.yaml",
        ],
        "{json:#}"
    );
    // An actuals file: the plan it belongs to, that plan's other actuals and reviews.
    let (json, files) = touched("actuals/company-2026.actuals.csv");
    assert_eq!(
        files,
        [
            "actuals/company-2026-crm.actuals.xlsx",
            "actuals/company-2026.actuals.csv",
            "org/actuals/2026-01/company-2026.actuals.csv",
            "org/actuals/2026-02/company-2026.actuals.csv",
            "org/actuals/2026-03/company-2026.actuals.csv",
            "org/actuals/2026-04/company-2026.actuals.csv",
            "org/actuals/2026-05/company-2026.actuals.csv",
            "org/actuals/2026-06/company-2026.actuals.csv",
            "org/actuals/2026-07/company-2026.actuals.csv",
            "org/actuals/2026-08/company-2026.actuals.csv",
            "org/actuals/2026-09/company-2026.actuals.csv",
            "org/company.plan.yaml",
            "review.plan.yaml",
        ],
        "{json:#}"
    );
    let (json, files) = touched("actuals/east-china-2026.actuals.yaml");
    assert_eq!(
        files,
        [
            "actuals/east-china-2026-q3.actuals.yaml",
            "actuals/east-china-2026.actuals.yaml",
            "org/actuals/2026-01/east-china-2026.actuals.csv",
            "org/actuals/2026-02/east-china-2026.actuals.csv",
            "org/actuals/2026-03/east-china-2026.actuals.csv",
            "org/actuals/2026-04/east-china-2026.actuals.csv",
            "org/actuals/2026-05/east-china-2026.actuals.csv",
            "org/actuals/2026-06/east-china-2026.actuals.csv",
            "org/actuals/2026-07/east-china-2026.actuals.csv",
            "org/actuals/2026-08/east-china-2026.actuals.csv",
            "org/actuals/2026-09/east-china-2026.actuals.csv",
            "org/east-china.plan.yaml",
        ],
        "{json:#}"
    );
    // A review: nothing else reads it.
    let (json, files) = touched("review.plan.yaml");
    assert_eq!(files, ["review.plan.yaml"], "{json:#}");
    // Actuals of another plan that a review reads: that review too.
    edit(
        &repo.path().join("review.plan.yaml"),
        "    - actuals/company-2026-crm.actuals.xlsx\n",
        "    - actuals/company-2026-crm.actuals.xlsx\n    - actuals/south-china-2026.actuals.csv\n",
    );
    git(
        repo.path(),
        &["commit", "-q", "-am", "the review reads the south"],
    );
    let (json, files) = touched("actuals/south-china-2026.actuals.csv");
    assert_eq!(
        files,
        [
            "actuals/south-china-2026.actuals.csv",
            "org/actuals/2026-01/south-china-2026.actuals.csv",
            "org/actuals/2026-02/south-china-2026.actuals.csv",
            "org/actuals/2026-03/south-china-2026.actuals.csv",
            "org/actuals/2026-04/south-china-2026.actuals.csv",
            "org/actuals/2026-05/south-china-2026.actuals.csv",
            "org/actuals/2026-06/south-china-2026.actuals.csv",
            "org/actuals/2026-07/south-china-2026.actuals.csv",
            "org/actuals/2026-08/south-china-2026.actuals.csv",
            "org/actuals/2026-09/south-china-2026.actuals.csv",
            "org/south-china.plan.yaml",
            "review.plan.yaml",
        ],
        "{json:#}"
    );
}

/// Adds `to` (a copy of `from`, relative to the project) to the repository, committed.
fn add_copy(repo: &Path, from: &str, to: &str) {
    let to = repo.join(to);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(root().join(from), &to).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "a copy"]);
}

#[test]
fn a_changed_file_is_found_by_its_path_not_only_its_name() {
    let Some(repo) = repo() else { return };
    // Another plan of the same file name, in another folder.
    add_copy(
        repo.path(),
        "examples/drafts/region-draft.plan.yaml",
        "drafts/lina.plan.yaml",
    );
    edit(
        &repo.path().join("reps/lina.plan.yaml"),
        "title:",
        "# a comment\ntitle:",
    );
    let (json, files, _) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
    assert_eq!(
        files,
        rep_with_actuals(
            "rep-lina-2026",
            &["east-china.plan.yaml", "reps/lina.plan.yaml"]
        ),
        "{json:#}"
    );
}

#[test]
fn a_changed_plan_rechecks_the_plans_that_share_its_id() {
    let Some(repo) = repo() else { return };
    add_copy(
        repo.path(),
        "examples/org/east-china.plan.yaml",
        "drafts/east-china-copy.plan.yaml",
    );
    edit(
        &repo.path().join("drafts/east-china-copy.plan.yaml"),
        "title:",
        "# a comment\ntitle:",
    );
    let (json, files, _) = check_in(repo.path(), &["--changed-since", "HEAD"], None);
    assert_eq!(
        files,
        [
            "company.plan.yaml",
            "drafts/east-china-copy.plan.yaml",
            "east-china.plan.yaml"
        ],
        "{json:#}"
    );
}

#[test]
fn an_unknown_revision_is_a_clear_error() {
    let Some(repo) = repo() else { return };
    let out = planc()
        .current_dir(repo.path())
        .args(["check", "--changed-since", "no-such-branch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`no-such-branch` is not a revision"),
        "{stderr}"
    );
}
