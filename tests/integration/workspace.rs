//! The workspace: discovery, one read per file, links between plans, the roll-up rules on
//! the org example, `render DIR` skipping actuals, and re-checking one changed file.

use std::path::{Path, PathBuf};

use planc::config::Config;
use planc::workspace::{Options, Workspace};
use serde_json::Value;

use crate::util::{planc, planc_env, root, temp_with};

/// A copy of `examples/org` in a fresh folder. It sits in a folder of its own under the
/// temp dir, since a file named alone also reads the plans of the folder above its own
/// (stray plans directly in /tmp must not take part).
fn org_copy() -> tempfile::TempDir {
    let parent = std::env::temp_dir().join("planc-test-orgs");
    std::fs::create_dir_all(&parent).unwrap();
    let dir = tempfile::tempdir_in(&parent).unwrap();
    for entry in walkdir::WalkDir::new(root().join("examples/org")) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(root().join("examples/org"))
            .unwrap();
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn check_json(dir: &Path) -> (Value, i32) {
    let out = planc()
        .args(["check", "--no-cache", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    (json, out.status.code().unwrap_or(-1))
}

/// Findings of one code, as (file the finding is in, files its labels point into).
fn findings_of(json: &Value, code: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for f in json["files"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            if x["code"] == code {
                let labels = x["labels"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| l["path"].as_str().unwrap_or("").to_owned())
                    .collect();
                out.push((f["path"].as_str().unwrap().to_owned(), labels));
            }
        }
    }
    out
}

/// The `value:` line of the target that rolls up (the last `value:` before `rolls_up:`).
fn rolled_up_value_line(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("rolls_up:"))
        .expect("a rolls_up target");
    (0..at)
        .rev()
        .find(|&i| lines[i].trim_start().starts_with("value:"))
        .expect("its value")
}

fn replace_line(path: &Path, line: usize, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let indent: String = lines[line].chars().take_while(|c| *c == ' ').collect();
    lines[line] = format!("{indent}{new}");
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn the_org_example_checks_clean_with_its_roll_ups() {
    let (json, code) = check_json(&root().join("examples/org"));
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
    // Seven plans and 63 monthly actuals files (company, three regions and three
    // representatives, Jan–Sep).
    assert_eq!(json["summary"]["files"], 70);
}

#[test]
fn changing_any_child_total_fails_naming_both_files() {
    let children = [
        ("east-china.plan.yaml", "company.plan.yaml"),
        ("south-china.plan.yaml", "company.plan.yaml"),
        ("north-china.plan.yaml", "company.plan.yaml"),
        ("reps/wanglei.plan.yaml", "east-china.plan.yaml"),
        ("reps/lina.plan.yaml", "east-china.plan.yaml"),
        ("reps/zhangwei.plan.yaml", "east-china.plan.yaml"),
    ];
    for (child, parent) in children {
        let dir = org_copy();
        let path = dir.path().join(child);
        let text = std::fs::read_to_string(&path).unwrap();
        replace_line(&path, rolled_up_value_line(&text), "value: 1.234亿元");
        let (json, code) = check_json(dir.path());
        assert_eq!(code, 1, "{child}");
        let found = findings_of(&json, "P911");
        assert!(
            found
                .iter()
                .any(|(f, labels)| f.ends_with(child) && labels.iter().any(|l| l.ends_with(parent))),
            "{child}: P911 in the child with a label in {parent}: {found:?}"
        );
    }
}

#[test]
fn changing_an_allocation_in_the_parent_fails_in_the_child() {
    let dir = org_copy();
    let company = dir.path().join("company.plan.yaml");
    let text = std::fs::read_to_string(&company).unwrap();
    let changed = text.replacen("value: 8.748亿元", "value: 8.8亿元", 1);
    assert_ne!(text, changed);
    std::fs::write(&company, changed).unwrap();
    let (json, _) = check_json(dir.path());
    let found = findings_of(&json, "P911");
    assert!(
        found
            .iter()
            .any(|(f, labels)| f.ends_with("south-china.plan.yaml")
                && labels.iter().any(|l| l.ends_with("company.plan.yaml"))),
        "{found:?}"
    );
}

#[test]
fn a_representative_missing_from_a_complete_breakdown_is_reported() {
    let dir = org_copy();
    std::fs::remove_file(dir.path().join("reps/lina.plan.yaml")).unwrap();
    let (json, code) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = findings_of(&json, "P913");
    assert!(
        found
            .iter()
            .any(|(f, _)| f.ends_with("east-china.plan.yaml")),
        "{found:?}"
    );
    let text = json.to_string();
    assert!(text.contains("lina (李娜)"), "names the item nobody plans");
}

#[test]
fn a_misspelled_parent_gets_a_suggestion() {
    let dir = org_copy();
    let path = dir.path().join("south-china.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "parent: company-2026#south",
            "parent: compnay-2026#south",
            1,
        ),
    )
    .unwrap();
    let out = planc()
        .args(["check", "--no-cache"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("P901(unknown-parent)"), "{err}");
    assert!(err.contains("did you mean `company-2026`?"), "{err}");
}

#[test]
fn two_plans_with_one_id_are_an_error_naming_both() {
    let dir = org_copy();
    std::fs::copy(
        dir.path().join("north-china.plan.yaml"),
        dir.path().join("north-copy.plan.yaml"),
    )
    .unwrap();
    let (json, code) = check_json(dir.path());
    assert_eq!(code, 1);
    let found = findings_of(&json, "P902");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found
        .iter()
        .any(|(f, labels)| f.ends_with("north-copy.plan.yaml")
            && labels[0].ends_with("north-china.plan.yaml")));
}

#[test]
fn sarif_carries_the_other_file_as_a_related_location() {
    let dir = org_copy();
    let path = dir.path().join("north-china.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    replace_line(&path, rolled_up_value_line(&text), "value: 7.7亿元");
    let out = planc()
        .args(["check", "--no-cache", "--format", "sarif"])
        .arg(dir.path())
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "P911")
        .expect("a P911 result");
    let primary = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    let related = r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(primary.ends_with("north-china.plan.yaml"), "{primary}");
    assert!(related.ends_with("company.plan.yaml"), "{related}");
}

#[test]
fn discovery_takes_plans_reviews_and_actuals_and_nothing_else() {
    let plan =
        std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny.plan.yaml")).unwrap();
    let actuals =
        std::fs::read_to_string(root().join("tests/fixtures/actuals/tiny-2026.actuals.csv"))
            .unwrap();
    let dir = temp_with(&[
        ("plans/tiny.plan.yaml", &plan),
        ("plans/tiny-2026.actuals.csv", &actuals),
        ("plans/README.md", "# notes\n"),
        ("plans/data.csv", "a,b\n1,2\n"),
        ("plans/other.yaml", "kind: nothing\n"),
        ("plans/.hidden/x.plan.yaml", "not: a plan\n"),
    ]);
    let (files, problems) = planc::check::discover(&[dir.path().join("plans")]);
    assert!(problems.is_empty());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["tiny-2026.actuals.csv", "tiny.plan.yaml"]);
    let empty = temp_with(&[("notes.txt", "nothing here\n")]);
    let (files, problems) = planc::check::discover(&[empty.path().to_path_buf()]);
    assert!(files.is_empty());
    assert_eq!(problems.len(), 1, "a folder with no plan is an error");
}

#[test]
fn every_file_is_read_once() {
    let count = |args: &[&str]| {
        let out = planc()
            .env("PLANC_DEBUG_READS", "1")
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        let line = err
            .lines()
            .find(|l| l.starts_with("planc: read "))
            .unwrap_or_else(|| panic!("no read count: {err}"))
            .to_owned();
        line.trim_start_matches("planc: read ")
            .trim_end_matches(" files")
            .parse::<usize>()
            .unwrap()
    };
    let files = walkdir::WalkDir::new(root().join("examples"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy();
            n.ends_with(".plan.yaml") || n.contains(".actuals.")
        })
        .count();
    // `check` lets go of plans that link to nothing; the one such plan that others name
    // (org/company, the root: named by its regions, the review and the actuals) is read
    // once more. `render` keeps every plan: each file once.
    assert_eq!(count(&["check", "--no-cache", "examples"]), files + 1);
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    assert_eq!(
        count(&[
            "render",
            "examples",
            "--format",
            "md",
            "-o",
            out.to_str().unwrap()
        ]),
        files
    );
    // The one exception, for bounded memory: a plan that links to nothing (no `parent`,
    // no `complete`) is let go after its check; when a child then names it, it is read
    // once more. In this fixture, hq has two children: 3 files, 4 reads.
    assert_eq!(
        count(&["check", "--no-cache", "tests/fixtures/rules/P911"]),
        4
    );
}

#[test]
fn render_dir_renders_plans_and_reviews_and_skips_actuals() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    planc_env()
        .args(["render", "examples", "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let rendered: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&out).unwrap().to_path_buf())
        .collect();
    assert!(
        rendered
            .iter()
            .all(|p| !p.to_string_lossy().contains("actuals")),
        "{rendered:?}"
    );
    for want in [
        "review.html",
        "org/company.html",
        "org/reps/wanglei.html",
        "index.html",
    ] {
        assert!(out.join(want).is_file(), "{want} in {rendered:?}");
    }
}

#[test]
fn one_changed_file_rechecks_it_and_its_relatives() {
    let dir = org_copy();
    let mut ws = Workspace::open(
        &[dir.path().to_path_buf()],
        Config::default(),
        &Options::default(),
    );
    let errors = |ws: &Workspace| -> usize {
        ws.reports()
            .iter()
            .map(|r| r.count(planc::diagnostics::Severity::Error))
            .sum()
    };
    assert_eq!(errors(&ws), 0);
    let south = dir.path().join("south-china.plan.yaml");
    let text = std::fs::read_to_string(&south).unwrap();
    let line = rolled_up_value_line(&text);
    let mut lines: Vec<&str> = text.lines().collect();
    let changed_line = lines[line].replace("8.748亿元", "8.7亿元");
    lines[line] = &changed_line;
    let changed = lines.join("\n") + "\n";
    // The editor's buffer, not the disk.
    let touched = ws.update(&south, Some(changed));
    let id = ws.find_path(&south).unwrap();
    assert!(touched.contains(&id));
    let report = ws.report_of(id);
    assert!(
        report.findings.iter().any(|f| f.code == "P911"),
        "{:?}",
        report.findings
    );
    // Back to the file on disk: clean again.
    ws.update(&south, None);
    assert!(ws.report_of(id).findings.iter().all(|f| f.code != "P911"));
    assert_eq!(errors(&ws), 0);
    // A change in the parent shows in the child.
    let company = dir.path().join("company.plan.yaml");
    let text = std::fs::read_to_string(&company).unwrap();
    let touched = ws.update(
        &company,
        Some(text.replacen("value: 8.748亿元", "value: 8.8亿元", 1)),
    );
    assert!(
        touched.contains(&id),
        "the child's report changes: {touched:?}"
    );
    assert!(ws.report_of(id).findings.iter().any(|f| f.code == "P911"));
}

#[test]
fn a_single_file_is_checked_against_the_parent_beside_it() {
    // Named alone, east-china finds company-2026 in its folder: clean, and its roll-up
    // is compared (a changed total fails).
    planc()
        .args(["check", "--no-cache", "examples/org/east-china.plan.yaml"])
        .assert()
        .success();
    // Actuals named alone find their plan one folder over (examples/org).
    for actuals in [
        "examples/actuals/east-china-2026.actuals.yaml",
        "examples/actuals/company-2026.actuals.csv",
    ] {
        planc()
            .args(["check", "--no-cache", actuals])
            .assert()
            .success();
    }
    let dir = org_copy();
    let path = dir.path().join("east-china.plan.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    replace_line(&path, rolled_up_value_line(&text), "value: 9亿元");
    let out = planc()
        .args(["check", "--no-cache"])
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("P911(rollup-total)"), "{err}");
}

#[test]
fn the_consolidated_report_rolls_the_org_up_in_every_format() {
    let out = planc_env()
        .args([
            "render",
            "examples/org",
            "--rollup",
            "--format",
            "md",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    // The tree: the company, its regions with allocation = plan, the representatives.
    assert!(
        md.contains(
            "| 　华东大区 | 华东大区年度销售指标 | 90,720 | 90,720 | 0 | 2,400 | 3 / 3（西湖组） |"
        ),
        "{md}"
    );
    for rep in ["王磊", "李娜", "张伟"] {
        assert!(md.contains(&format!("| 　　{rep} |")), "{rep}");
    }
    // The children together against the company's target.
    assert!(md.contains("**下级计划合计**：256,200万元"), "{md}");
    assert!(
        md.contains("**未由下级计划承接**：103,800万元（28.8%）"),
        "{md}"
    );
    // Rolled-up breakdowns and links to each plan's report.
    assert!(
        md.contains("**按产品汇总**") && md.contains("**按季度汇总**"),
        "{md}"
    );
    assert!(md.contains("[查看报告](reps/wanglei.md)"), "{md}");
    insta::assert_snapshot!("rollup_md", md);
    let dir = tempfile::tempdir().unwrap();
    // `-o site` is a folder, made when it does not exist yet: the consolidated report
    // goes into it beside the reports `render DIR -o site` writes.
    let site = dir.path().join("site");
    for format in ["html", "docx"] {
        let path = site.join(format!("rollup.{format}"));
        planc_env()
            .args([
                "render",
                "examples/org",
                "--rollup",
                "--format",
                format,
                "-o",
            ])
            .arg(&site)
            .assert()
            .success();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 5_000, "{format}: {} bytes", bytes.len());
    }
    let html = std::fs::read_to_string(site.join("rollup.html")).unwrap();
    // A file where the folder should be is refused, and left alone.
    let file = dir.path().join("org.docx");
    std::fs::write(&file, "keep").unwrap();
    planc_env()
        .args([
            "render",
            "examples/org",
            "--rollup",
            "--format",
            "docx",
            "-o",
        ])
        .arg(&file)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
    assert!(html.contains("<svg") && html.contains("href=\"reps/wanglei.html\""));
    // Every report it links to is written beside it: no link is dead.
    let links: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.ends_with(".html") && !h.contains("://"))
        .collect();
    assert!(links.len() >= 7, "{links:?}");
    for h in links {
        assert!(site.join(h).is_file(), "{h} is not in {}", site.display());
    }
    assert!(site.join("reps/lina.docx").is_file());
    // A folder without child plans, and an unknown root, are usage errors.
    planc_env()
        .args(["render", "examples/drafts", "--rollup"])
        .assert()
        .code(2);
    let out = planc_env()
        .args([
            "render",
            "examples/org",
            "--rollup",
            "compnay-2026",
            "-o",
            "-",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `company-2026`?"));
}

/// A plan's report that cannot be written beside the roll-up fails the run (exit 2,
/// naming the file) while the roll-up itself is still written.
#[test]
fn a_report_that_cannot_be_written_beside_the_rollup_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    // A folder where the company's report should go.
    std::fs::create_dir_all(site.join("company.html")).unwrap();
    let out = planc_env()
        .args([
            "render",
            "examples/org",
            "--rollup",
            "--format",
            "html",
            "-o",
        ])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("company.html"));
    assert!(site.join("rollup.html").is_file());
    assert!(site.join("east-china.html").is_file());
}
