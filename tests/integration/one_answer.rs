//! One answer per file: `planc check FILE` gives a file the findings `planc check` of
//! its whole workspace gives it; and when a plan does not load, what follows from it says
//! so, after the cause.

use std::path::Path;

use crate::util::{planc, root};

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// (file, code, line) of every finding of a `check --format json` run.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, u64)> {
    let out = planc()
        .current_dir(dir)
        .args(["check", "--format", "json", "--no-cache"])
        .args(args)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut all = Vec::new();
    for f in v["files"].as_array().unwrap() {
        let path = f["path"]
            .as_str()
            .unwrap()
            .trim_start_matches("./")
            .to_owned();
        for x in f["findings"].as_array().unwrap() {
            all.push((
                path.clone(),
                x["code"].as_str().unwrap().to_owned(),
                x["line"].as_u64().unwrap_or(0),
            ));
        }
    }
    all.sort();
    all
}

fn org_with(edit: impl Fn(&Path)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples/org"), tmp.path());
    std::fs::write(tmp.path().join("planc.toml"), "").unwrap();
    edit(tmp.path());
    tmp
}

#[test]
fn a_file_checked_alone_gets_the_findings_of_its_workspace() {
    let cases: Vec<tempfile::TempDir> = vec![
        // A representative's plan gone: the region's split misses a child (P913).
        org_with(|d| std::fs::remove_file(d.join("reps/lina.plan.yaml")).unwrap()),
        // A representative's figure off: the region's roll-up disagrees.
        org_with(|d| {
            let p = d.join("reps/wanglei.plan.yaml");
            let t = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, t.replacen("value: 900万元", "value: 950万元", 1)).unwrap();
        }),
    ];
    for tmp in &cases {
        let whole = findings(tmp.path(), &["."]);
        assert!(!whole.is_empty(), "the case has findings");
        for e in walkdir::WalkDir::new(tmp.path()) {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".plan.yaml") {
                continue;
            }
            let rel = e
                .path()
                .strip_prefix(tmp.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let alone = findings(tmp.path(), &[rel.as_str()]);
            let expected: Vec<_> = whole.iter().filter(|f| f.0 == rel).cloned().collect();
            assert_eq!(alone, expected, "{rel} alone vs in the workspace");
        }
    }
}

#[test]
fn a_plan_that_does_not_load_is_named_as_the_cause_and_comes_first() {
    let tmp = org_with(|d| {
        let p = d.join("east-china.plan.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, t.replacen("status: final", "status: 定稿", 1)).unwrap();
    });
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--lang", "zh", "--no-cache"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let cause = err.find("`status` 的取值 `定稿` 无效").expect(&err);
    let effect = err
        .find("上级计划 `east-china-2026` 在 east-china.plan.yaml 中，该文件未能读取（见其错误）")
        .expect(&err);
    assert!(cause < effect, "{err}");
    assert!(!err.contains("没有 id 为"), "no bare unknown-parent: {err}");
}

/// A parent and its child both named on the command line: each is loaded once, and each
/// gets the findings of the whole workspace (the child is not read a second time as a
/// child of the parent).
#[test]
fn a_parent_and_its_child_checked_together_get_the_workspace_findings() {
    let tmp = org_with(|d| {
        let p = d.join("reps/wanglei.plan.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, t.replacen("value: 900万元", "value: 950万元", 1)).unwrap();
    });
    let whole = findings(tmp.path(), &["."]);
    let named = ["east-china.plan.yaml", "reps/wanglei.plan.yaml"];
    let both = findings(tmp.path(), &named);
    let expected: Vec<_> = whole
        .iter()
        .filter(|f| named.contains(&f.0.as_str()))
        .cloned()
        .collect();
    assert!(!expected.is_empty(), "the case has findings");
    assert_eq!(both, expected);
}

/// A parent id that no plan has, beside a plan that loads and whose file name starts
/// like it: the parent is unknown (P901), never "its file did not load".
#[test]
fn an_unknown_parent_is_not_blamed_on_a_plan_that_loaded() {
    let tmp = org_with(|d| {
        let p = d.join("reps/wanglei.plan.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, t.replacen("east-china-2026", "east-china-2027", 1)).unwrap();
    });
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--lang", "en", "--no-cache"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("P901"), "{err}");
    assert!(!err.contains("could not be read"), "{err}");
    // Beside a plan that did not load, an unknown parent is still not blamed on it.
    let tmp = org_with(|d| {
        let p = d.join("east-china.plan.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, t.replacen("status: final", "status: 定稿", 1)).unwrap();
        let p = d.join("reps/wanglei.plan.yaml");
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, t.replacen("east-china-2026", "nowhere-2026", 1)).unwrap();
    });
    let out = planc()
        .current_dir(tmp.path())
        .args(["check", ".", "--lang", "en", "--no-cache"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("parent `nowhere-2026`"), "{err}");
    assert!(!err.contains("the parent plan `nowhere-2026`"), "{err}");
    assert!(err.contains("the parent plan `east-china-2026`"), "{err}");
}
